/**
 * Where Synoptic speaks (`activation.ts` decides, `synoptic.activation` chooses the mode per
 * folder), and the context key `synoptic.speaks` that shows the editor title-bar button only
 * for a file Synoptic speaks about.
 */
import * as vscode from 'vscode';
import { activationMode, activationOf, speaks } from './activation';
import { CorpusService, CorpusView } from './corpus';
import { sourceName } from './sourceName';

export const SPEAKS_CONTEXT_KEY = 'synoptic.speaks';
export const ACTIVATION_SETTING = 'synoptic.activation';

/** The mode of `synoptic.activation` for `uri` (a folder's own setting wins). */
export function activationModeFor(uri: vscode.Uri) {
  return activationMode(vscode.workspace.getConfiguration('synoptic', uri).get<string>('activation'));
}

/** True when Synoptic marks, hovers and counts source `source` of `view`. */
export function speaksAboutSource(view: CorpusView, source: number): boolean {
  const uri = view.uris[source];
  return uri !== undefined && speaks(activationOf(view.analysis, source, activationModeFor(uri)));
}

/**
 * Why Synoptic leaves `uri`, a source of `view`, unmarked in the editor (no marks, hover or
 * status item), for the comparison panel to say; undefined where it marks it, or where `uri` is
 * no source of `view`.
 */
export function unmarkedReason(view: CorpusView, uri: vscode.Uri): string | undefined {
  const source = view.indexOf(uri);
  if (source < 0) return undefined;
  const mode = activationModeFor(uri);
  if (speaks(activationOf(view.analysis, source, mode))) return undefined;
  const name = sourceName(uri);
  return mode === 'never'
    ? `Synoptic is off for ${name} (synoptic.activation is "never" for its folder) and leaves it unmarked in the editor, so the panel counts and shows none of its lines as boilerplate.`
    : `Synoptic leaves ${name} unmarked in the editor, as it leaves notes: it shares fewer than two sentences with another source of its story and does not look like a saved web page. So the panel counts and shows none of its lines as boilerplate; set synoptic.activation to "always" for its folder to mark it.`;
}

/** True when `uri` is a source of `view` that Synoptic speaks about. */
export function speaksAbout(view: CorpusView, uri: vscode.Uri): boolean {
  const source = view.indexOf(uri);
  return source >= 0 && speaksAboutSource(view, source);
}

/** Keeps the context key in step with the active editor and its corpus's analyses. */
export function register(corpus: CorpusService): vscode.Disposable {
  let last: boolean | undefined;
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const view = document && CorpusService.isCandidate(document) ? corpus.current(document.uri) : undefined;
    const value = view !== undefined && document !== undefined && speaksAbout(view, document.uri);
    if (value === last) return;
    last = value;
    void vscode.commands.executeCommand('setContext', SPEAKS_CONTEXT_KEY, value);
  };
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    corpus.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration(ACTIVATION_SETTING)) update();
    }),
  );
}
