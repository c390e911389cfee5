/**
 * First run: the commands the walkthrough's steps call. "Open Sample Stories" copies the five
 * sample versions that ship with the extension into its storage (so they can be edited
 * freely) and opens the first; the tour commands show a boilerplate line and a hover on it.
 */
import * as vscode from 'vscode';
import { CorpusService } from './corpus';
import { TEXT_FILE } from './sourceDiscovery';

export const OPEN_SAMPLES_COMMAND = 'synoptic.openSamples';
/** Internal, for the walkthrough's buttons: not contributed to the palette. */
export const TOUR_BOILERPLATE_COMMAND = 'synoptic.tour.boilerplate';
export const TOUR_HOVER_COMMAND = 'synoptic.tour.hover';

/** Copies the bundled samples where they may be edited (once: later edits are kept). Returns their folder. */
async function samplesFolder(context: vscode.ExtensionContext): Promise<vscode.Uri> {
  const bundled = vscode.Uri.joinPath(context.extensionUri, 'seeds');
  const folder = vscode.Uri.joinPath(context.globalStorageUri, 'samples');
  await vscode.workspace.fs.createDirectory(folder);
  for (const [name, type] of await vscode.workspace.fs.readDirectory(bundled)) {
    if (type !== vscode.FileType.File || !TEXT_FILE.test(name)) continue;
    const copy = vscode.Uri.joinPath(folder, name);
    try {
      await vscode.workspace.fs.stat(copy);
    } catch {
      await vscode.workspace.fs.copy(vscode.Uri.joinPath(bundled, name), copy);
    }
  }
  return folder;
}

/** Opens the first sample story; its folder's other samples are compared with it. */
export async function openSamples(context: vscode.ExtensionContext): Promise<vscode.TextEditor> {
  const folder = await samplesFolder(context);
  const names = (await vscode.workspace.fs.readDirectory(folder))
    .map(([name]) => name)
    .filter(n => TEXT_FILE.test(n))
    .sort();
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, names[0]));
  return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** The editor the tour works in: the active source, or the first sample. */
async function tourEditor(context: vscode.ExtensionContext): Promise<vscode.TextEditor> {
  const active = vscode.window.activeTextEditor;
  if (active && CorpusService.isCandidate(active.document) && active.document.uri.scheme === 'file') return active;
  return openSamples(context);
}

/** Puts the cursor at `position` in `editor`, scrolls it to the centre and shows its hover. */
async function hoverAt(editor: vscode.TextEditor, position: vscode.Position): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  // An open hover would only take focus on showHover instead of showing the new position's.
  await vscode.commands.executeCommand('editor.action.hideHover');
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('editor.action.showHover');
}

export function register(context: vscode.ExtensionContext, corpus: CorpusService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(OPEN_SAMPLES_COMMAND, () => openSamples(context)),
    vscode.commands.registerCommand(TOUR_BOILERPLATE_COMMAND, async () => {
      const editor = await tourEditor(context);
      const view = await corpus.request(editor.document.uri);
      const source = view?.analysis.sources[view.indexOf(editor.document.uri)];
      const line = source?.lines.findIndex(l => l.kind === 'boilerplate') ?? -1;
      if (line >= 0) await hoverAt(editor, new vscode.Position(line, editor.document.lineAt(line).firstNonWhitespaceCharacterIndex));
    }),
    vscode.commands.registerCommand(TOUR_HOVER_COMMAND, async () => {
      const editor = await tourEditor(context);
      const view = await corpus.request(editor.document.uri);
      const source = view?.analysis.sources[view.indexOf(editor.document.uri)];
      // The first of the sentences that the most other sources carry, so the hover has the most to compare.
      const reach = (i: number) => (source!.groupOfSentence[i] >= 0 ? view!.analysis.groups[source!.groupOfSentence[i]].sourceCount : 0);
      let best = -1;
      source?.sentences.forEach((_, i) => {
        if (reach(i) > 1 && (best < 0 || reach(i) > reach(best))) best = i;
      });
      const sentence = best >= 0 ? source!.sentences[best] : undefined;
      if (sentence) await hoverAt(editor, editor.document.positionAt(sentence.start + 1));
    }),
  );
}
