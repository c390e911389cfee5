/**
 * Changed facts in the editor: where a sentence holds a number, a quote, a name, an attribution
 * or a negation that another source of its story words otherwise, that text gets a decoration
 * of its own (`synoptic.changedFact*` colours) and a mark in the overview ruler. A sentence
 * that lacks a fact the others carry has no text to mark: the whole sentence is marked.
 */
import * as vscode from 'vscode';
import { CorpusService, CorpusView } from './corpus';
import { changedFactSpans, hasChangedFact } from './sentenceFacts';
import { decorateStoryEditors, offsetRange } from './storyEditors';

export const CHANGED_FACTS_SETTING = 'synoptic.markChangedFacts';

export function planChangedFacts(view: CorpusView, document: vscode.TextDocument): vscode.Range[] | undefined {
  const index = view.indexOf(document.uri);
  if (index < 0) return undefined;
  const source = view.analysis.sources[index];
  // Offsets are only valid for the text that was analysed; a newer edit waits for its analysis.
  if (source.lines.length !== document.lineCount) return undefined;
  const ranges: vscode.Range[] = [];
  source.sentences.forEach((sentence, i) => {
    if (source.groupOfSentence[i] < 0) return;
    const spans = changedFactSpans(view.analysis, index, i);
    if (spans.length) {
      // Overlapping spans (a name inside a quote) are marked once, as their union.
      let open: { start: number; end: number } | undefined;
      for (const span of spans) {
        if (open && span.start <= open.end) open.end = Math.max(open.end, span.end);
        else {
          if (open) ranges.push(offsetRange(document, sentence.start + open.start, sentence.start + open.end));
          open = { start: span.start, end: span.end };
        }
      }
      if (open) ranges.push(offsetRange(document, sentence.start + open.start, sentence.start + open.end));
    } else if (hasChangedFact(view.analysis, index, i)) ranges.push(offsetRange(document, sentence.start, sentence.end));
  });
  return ranges;
}

/** `onDidDecorate` hears of the ranges applied to an editor each time they are applied. */
export function register(
  corpus: CorpusService,
  onDidDecorate?: (editor: vscode.TextEditor, shown: readonly vscode.Range[]) => void,
): vscode.Disposable {
  const changedFactType = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('synoptic.changedFactBackground'),
    border: '1px solid',
    borderColor: new vscode.ThemeColor('synoptic.changedFactBorder'),
    borderRadius: '3px',
    overviewRulerColor: new vscode.ThemeColor('synoptic.changedFactRuler'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
  const decorate = (editor: vscode.TextEditor, view: CorpusView | undefined) => {
    const enabled = vscode.workspace.getConfiguration().get<boolean>(CHANGED_FACTS_SETTING, true);
    const shown = (enabled && view && planChangedFacts(view, editor.document)) || [];
    editor.setDecorations(changedFactType, shown);
    onDidDecorate?.(editor, shown);
  };
  return vscode.Disposable.from(changedFactType, decorateStoryEditors(corpus, decorate, [CHANGED_FACTS_SETTING]));
}
