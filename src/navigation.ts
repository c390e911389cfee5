/**
 * Moving between sentences: the reveal command (hover links and the comparison panel both go
 * through it, so there is one way to jump to a sentence), and next/previous difference, unique
 * sentence and changed fact, in the editor of a source or in the comparison panel, whichever is active.
 */
import * as vscode from 'vscode';
import { CorpusService } from './corpus';
import { Direction, NavigationTarget, nextTargetInStory } from './navigationTargets';
import { sourceName } from './sourceName';
import { showStatusMessage } from './statusMessage';
import { fileExists } from './vscodeWorkspace';

/** Internal: not contributed to the command palette or Keyboard Shortcuts. */
export const REVEAL_COMMAND = 'synoptic.revealSentence';
export const NEXT_DIFFERENCE_COMMAND = 'synoptic.nextDifference';
export const PREVIOUS_DIFFERENCE_COMMAND = 'synoptic.previousDifference';
export const NEXT_UNIQUE_COMMAND = 'synoptic.nextUniqueSentence';
export const PREVIOUS_UNIQUE_COMMAND = 'synoptic.previousUniqueSentence';
export const NEXT_FACT_COMMAND = 'synoptic.nextChangedFact';
export const PREVIOUS_FACT_COMMAND = 'synoptic.previousChangedFact';
/** Context key: the active editor shows a document Synoptic reads (the keybindings' `when`). */
export const IN_CORPUS_CONTEXT = 'synoptic.inCorpus';

/** Arguments of the reveal command, as they travel in a `command:` link. */
export type RevealArgs = [uri: string, start: number, end: number];

/** The comparison panel, as far as navigation needs it. */
export interface NavigablePanel {
  /** True while the panel is the active editor. */
  readonly active: boolean;
  navigate(target: NavigationTarget, direction: Direction): void;
}

/**
 * Opens `uri` beside no webview, selects `[start, end)` and scrolls it to the centre. A file
 * gone from disk since the link to it was shown (a hover, the panel, a listed passage) and open
 * in no editor leaves the editors as they are and says so in the status bar, where the failed
 * open would end the command in an error: undefined then.
 */
export async function revealSentence(uri: vscode.Uri, start: number, end: number): Promise<vscode.TextEditor | undefined> {
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch (e) {
    if (await fileExists(uri)) throw e;
    showStatusMessage(`Synoptic: ${sourceName(uri)} is no longer on disk`);
    return undefined;
  }
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

/**
 * The editor to move in: the active one when it shows a source; otherwise (a command run from
 * the walkthrough or the palette with another editor active) the first visible source.
 */
function sourceEditor(): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active && CorpusService.isCandidate(active.document)) return active;
  return vscode.window.visibleTextEditors.find(e => CorpusService.isCandidate(e.document));
}

/** The status bar's words for what a source has none of. */
const WHAT_TARGETS_ARE: Record<NavigationTarget, string> = {
  difference: 'differences from the other sources',
  unique: 'sentences found only here',
  fact: 'facts the other sources give otherwise',
};

async function moveInEditor(corpus: CorpusService, target: NavigationTarget, direction: Direction): Promise<void> {
  const editor = sourceEditor();
  if (!editor) {
    showStatusMessage('Synoptic: open a source (a .txt file) to step through its differences');
    return;
  }
  const view = await corpus.request(editor.document.uri);
  const source = view?.indexOf(editor.document.uri) ?? -1;
  if (!view || source < 0) {
    // A file deleted from disk while open, or one the analysis could not read: say so, as the status bar does.
    showStatusMessage(`Synoptic: ${editor.document.uri.path.split('/').pop()} cannot be analysed`);
    return;
  }
  // From the selection's start: after a jump the selection spans the sentence, and the previous
  // target is the one before it, not the selected sentence itself.
  const offset = editor.document.offsetAt(editor.selection.start);
  const next = nextTargetInStory(view, editor.document.uri, offset, direction, target);
  if (next < 0) {
    const what = WHAT_TARGETS_ARE[target];
    showStatusMessage(`Synoptic: no ${what} in ${editor.document.uri.path.split('/').pop()}`);
    return;
  }
  const sentence = view.analysis.sources[source].sentences[next];
  await revealSentence(editor.document.uri, sentence.start, sentence.end);
}

export function register(corpus: CorpusService, panel: NavigablePanel): vscode.Disposable {
  const move = (target: NavigationTarget, direction: Direction) => async () => {
    if (panel.active) panel.navigate(target, direction);
    else await moveInEditor(corpus, target, direction);
  };
  const updateContext = () => {
    const document = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', IN_CORPUS_CONTEXT, !!document && CorpusService.isCandidate(document));
  };
  updateContext();
  return vscode.Disposable.from(
    vscode.commands.registerCommand(REVEAL_COMMAND, async (...args: unknown[]) => {
      const [uri, start, end] = args as Partial<RevealArgs>;
      if (typeof uri !== 'string' || typeof start !== 'number' || typeof end !== 'number') return;
      await revealSentence(vscode.Uri.parse(uri, true), start, end);
    }),
    vscode.commands.registerCommand(NEXT_DIFFERENCE_COMMAND, move('difference', 1)),
    vscode.commands.registerCommand(PREVIOUS_DIFFERENCE_COMMAND, move('difference', -1)),
    vscode.commands.registerCommand(NEXT_UNIQUE_COMMAND, move('unique', 1)),
    vscode.commands.registerCommand(PREVIOUS_UNIQUE_COMMAND, move('unique', -1)),
    vscode.commands.registerCommand(NEXT_FACT_COMMAND, move('fact', 1)),
    vscode.commands.registerCommand(PREVIOUS_FACT_COMMAND, move('fact', -1)),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
  );
}
