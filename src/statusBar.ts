/**
 * The status bar item for a text file in a corpus, e.g. "Synoptic: 14/18 shared ·
 * 186 boilerplate" (its tooltip in full); clicking it opens the comparison. While the file's
 * corpus is being analysed it spins; a file deleted from disk while open is said to be so instead.
 */
import * as vscode from 'vscode';
import { CorpusService, CorpusView } from './corpus';
import { COMPARE_COMMAND } from './comparePanel';
import { ACTIVATION_SETTING, speaksAbout } from './speaking';
import { StatusCounts, statusText, statusTooltip } from './statusTooltip';
import { scopeToStory } from './stories';

export const ANALYSING_TEXT = '$(sync~spin) Synoptic';
export const NOT_ON_DISK_TEXT = '$(circle-slash) Synoptic: not on disk';

/** What the item counts of `uri` in `view` (its story), or undefined where the view lacks it. */
export function statusCounts(view: CorpusView, uri: vscode.Uri): StatusCounts | undefined {
  const index = view.indexOf(uri);
  if (index < 0) return undefined;
  const source = view.analysis.sources[index];
  return {
    sentences: source.sentences.length,
    shared: source.groupOfSentence.filter(g => g >= 0).length,
    boilerplateLines: source.lines.filter(l => l.kind === 'boilerplate').length,
    sources: view.analysis.sources.length,
  };
}

/** What the integration tests may observe: the item's text, or undefined while it is hidden. */
export interface StatusProbe {
  readonly text: string | undefined;
}

export function register(corpus: CorpusService): { disposable: vscode.Disposable; probe: StatusProbe } {
  const item = vscode.window.createStatusBarItem('synoptic.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Synoptic';
  item.command = COMPARE_COMMAND;
  let shown = false;
  let checks = 0;
  /** The last failure of each corpus, until it is analysed again: shown while its file is active. */
  const failures = new Map<string, string>();
  const show = () => {
    item.show();
    shown = true;
  };
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !CorpusService.isCandidate(editor.document)) {
      item.hide();
      shown = false;
      return;
    }
    const uri = editor.document.uri;
    const analysed = corpus.current(uri);
    // No item where there is no corpus (notes, code comments).
    if (analysed && !speaksAbout(analysed, uri)) {
      item.hide();
      shown = false;
      return;
    }
    const view = analysed && scopeToStory(analysed, analysed.indexOf(uri));
    const counts = view && statusCounts(view, uri);
    const text = counts && statusText(counts);
    const failure = !text && failures.get(corpus.keyFor(uri));
    if (failure) {
      item.text = '$(warning) Synoptic';
      item.tooltip = failure;
      show();
      return;
    }
    if (text) {
      item.text = text;
      item.tooltip = new vscode.MarkdownString(statusTooltip(view!.analysis.sources.length, view!.notice, counts));
      show();
      return;
    }
    item.text = ANALYSING_TEXT;
    item.tooltip = 'Synoptic is analysing this corpus';
    show();
    // No analysis holds the file: it may be on its way, or the file was deleted while open,
    // in which case none ever will, and the item must not spin for good.
    if (uri.scheme !== 'file') return;
    const check = ++checks;
    void corpus.isReadable(uri).then(readable => {
      if (readable || check !== checks || vscode.window.activeTextEditor?.document.uri.toString() !== uri.toString()) return;
      item.text = NOT_ON_DISK_TEXT;
      item.tooltip = 'This file is no longer on disk, so Synoptic does not compare it. Save it to compare it again.';
    });
  };
  update();
  const disposable = vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    corpus.onDidChange(view => {
      failures.delete(view.key);
      update();
    }),
    // A folder deleted outside the Explorer (a terminal, a checkout) ends its corpus with no other event.
    corpus.onDidRemove(key => {
      failures.delete(key);
      update();
    }),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration(ACTIVATION_SETTING)) update();
    }),
    vscode.workspace.onDidDeleteFiles(update),
    // Another corpus's failure (one the Stories view looked for) says nothing of the active file;
    // the active corpus's stays shown while other corpora are analysed.
    corpus.onDidFail(({ key, message }) => {
      failures.set(key, message);
      update();
    }),
  );
  return {
    disposable,
    probe: {
      get text() {
        return shown ? item.text : undefined;
      },
    },
  };
}
