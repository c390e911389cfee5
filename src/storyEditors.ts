/**
 * Keeps decorations of the visible source editors in step with their analyses: each editor is
 * decorated with its story's view of the corpus when Synoptic speaks about its file, and with
 * nothing otherwise. The editor features that mark text share it.
 */
import * as vscode from 'vscode';
import { CorpusService, CorpusView } from './corpus';
import { ACTIVATION_SETTING, speaksAbout } from './speaking';
import { scopeToStory } from './stories';

/**
 * Calls `decorate(editor, view)` for each visible source editor whenever its analysis, the
 * visible editors or a setting `settings` names change; `view` is the corpus as the file's story
 * sees it, undefined where Synoptic is silent.
 */
export function decorateStoryEditors(
  corpus: CorpusService,
  decorate: (editor: vscode.TextEditor, view: CorpusView | undefined) => void,
  settings: readonly string[],
): vscode.Disposable {
  const apply = (editor: vscode.TextEditor, view: CorpusView | undefined) => {
    const uri = editor.document.uri;
    decorate(editor, view && speaksAbout(view, uri) ? scopeToStory(view, view.indexOf(uri)) : undefined);
  };
  const refresh = (editors: readonly vscode.TextEditor[]) => {
    for (const editor of editors) {
      if (!CorpusService.isCandidate(editor.document)) continue;
      const view = corpus.current(editor.document.uri);
      apply(editor, view);
      if (!view) void corpus.request(editor.document.uri);
    }
  };
  /** Clears `editor`'s marks once its file is known to be gone and no analysis holds it meanwhile. */
  const clearIfGone = (editor: vscode.TextEditor) => {
    const uri = editor.document.uri;
    void corpus.isReadable(uri).then(readable => {
      if (!readable && !corpus.current(uri) && vscode.window.visibleTextEditors.includes(editor)) apply(editor, undefined);
    });
  };

  refresh(vscode.window.visibleTextEditors);
  return vscode.Disposable.from(
    // An editor of the corpus whose file the analysis no longer holds loses its marks where the
    // file is gone from disk (deleted while open); a file the analysis left out for a limit
    // (too many sources, too large) keeps what it was given.
    corpus.onDidChange(view => {
      for (const editor of vscode.window.visibleTextEditors) {
        const uri = editor.document.uri;
        if (view.indexOf(uri) >= 0) apply(editor, view);
        else if (CorpusService.isCandidate(editor.document) && corpus.keyFor(uri) === view.key) clearIfGone(editor);
      }
    }),
    // A corpus whose files are all gone (its folder deleted outside the Explorer) leaves no marks.
    corpus.onDidRemove(key => refresh(vscode.window.visibleTextEditors.filter(editor => corpus.keyFor(editor.document.uri) === key))),
    vscode.window.onDidChangeVisibleTextEditors(refresh),
    vscode.workspace.onDidChangeConfiguration(e => {
      if ([...settings, ACTIVATION_SETTING].some(s => e.affectsConfiguration(s))) refresh(vscode.window.visibleTextEditors);
    }),
  );
}

/** The ranges of `document` that hold `[start, end)` offsets of its analysed text. */
export function offsetRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}
