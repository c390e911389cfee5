/**
 * The reveal command: opens a source at a sentence and selects it. Hover links and the
 * comparison panel both go through it, so there is one way to jump to a sentence.
 */
import * as vscode from 'vscode';

export const REVEAL_COMMAND = 'synoptic.revealSentence';

/** Arguments of the reveal command, as they travel in a `command:` link. */
export type RevealArgs = [uri: string, start: number, end: number];

/** Opens `uri` beside no webview, selects `[start, end)` and scrolls it to the centre. */
export async function revealSentence(uri: vscode.Uri, start: number, end: number): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const existing = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: existing?.viewColumn ?? vscode.ViewColumn.One,
    preserveFocus: false,
    preview: false,
  });
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export function register(): vscode.Disposable {
  return vscode.commands.registerCommand(REVEAL_COMMAND, async (...args: unknown[]) => {
    const [uri, start, end] = args as Partial<RevealArgs>;
    if (typeof uri !== 'string' || typeof start !== 'number' || typeof end !== 'number') return;
    await revealSentence(vscode.Uri.parse(uri, true), start, end);
  });
}
