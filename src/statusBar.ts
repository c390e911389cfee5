/**
 * The status bar item for a text file in a corpus, e.g. "14 of 18 sentences shared ·
 * 186 boilerplate lines"; clicking it opens the comparison.
 */
import * as vscode from 'vscode';
import { CorpusService, CorpusView } from './corpus';
import { COMPARE_COMMAND } from './comparePanel';
import { ACTIVATION_SETTING, speaksAbout } from './speaking';
import { scopeToStory } from './stories';

export function summary(view: CorpusView, uri: vscode.Uri): string | undefined {
  const index = view.indexOf(uri);
  if (index < 0) return undefined;
  const source = view.analysis.sources[index];
  const boilerplate = source.lines.filter(l => l.kind === 'boilerplate').length;
  const lines = `${boilerplate} boilerplate line${boilerplate === 1 ? '' : 's'}`;
  if (view.analysis.sources.length < 2) return `Synoptic: a story of one · ${lines}`;
  const shared = source.groupOfSentence.filter(g => g >= 0).length;
  return `Synoptic: ${shared} of ${source.sentences.length} sentences shared · ${lines}`;
}

export function register(corpus: CorpusService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('synoptic.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Synoptic';
  item.command = COMPARE_COMMAND;
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !CorpusService.isCandidate(editor.document)) {
      item.hide();
      return;
    }
    const analysed = corpus.current(editor.document.uri);
    // No item where there is no corpus (notes, code comments).
    if (analysed && !speaksAbout(analysed, editor.document.uri)) {
      item.hide();
      return;
    }
    const view = analysed && scopeToStory(analysed, analysed.indexOf(editor.document.uri));
    const text = view && summary(view, editor.document.uri);
    if (!text) {
      item.text = '$(sync~spin) Synoptic';
      item.tooltip = 'Synoptic is analysing this corpus';
    } else {
      item.text = text;
      item.tooltip = new vscode.MarkdownString(`${view!.analysis.sources.length} sources compared. Click to compare them side by side.${view!.notice ? `\n\n${view!.notice}` : ''}`);
    }
    item.show();
  };
  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    corpus.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration(ACTIVATION_SETTING)) update();
    }),
    corpus.onDidFail(({ message }) => {
      item.text = '$(warning) Synoptic';
      item.tooltip = message;
    }),
  );
}
