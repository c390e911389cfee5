/**
 * The overview ruler's heat strip: beside each sentence, how many of the story's sources carry
 * it, in three steps of one theme colour (`synoptic.agreementRuler1` … `3`, faintest for the
 * fewest). Sentences no other source carries have the unique-sentence mark instead.
 */
import * as vscode from 'vscode';
import { AGREEMENT_STEPS, agreementLevels } from './agreementLevels';
import { CorpusService, CorpusView } from './corpus';
import { decorateStoryEditors, offsetRange } from './storyEditors';

export const AGREEMENT_SETTING = 'synoptic.showAgreementInRuler';

/** Per step of `AGREEMENT_STEPS`, the sentences of that step. */
export type AgreementPlan = readonly (readonly vscode.Range[])[];

export function planAgreement(view: CorpusView, document: vscode.TextDocument): AgreementPlan | undefined {
  const index = view.indexOf(document.uri);
  if (index < 0) return undefined;
  const source = view.analysis.sources[index];
  // Offsets are only valid for the text that was analysed; a newer edit waits for its analysis.
  if (source.lines.length !== document.lineCount) return undefined;
  const plan = AGREEMENT_STEPS.map((): vscode.Range[] => []);
  agreementLevels(view.analysis, index).forEach((level, i) => {
    if (level > 0) plan[level - 1].push(offsetRange(document, source.sentences[i].start, source.sentences[i].end));
  });
  return plan;
}

/** `onDidDecorate` hears of the ranges applied to an editor each time they are applied. */
export function register(
  corpus: CorpusService,
  onDidDecorate?: (editor: vscode.TextEditor, shown: AgreementPlan) => void,
): vscode.Disposable {
  const types = AGREEMENT_STEPS.map(step =>
    vscode.window.createTextEditorDecorationType({
      overviewRulerColor: new vscode.ThemeColor(`synoptic.agreementRuler${step}`),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
    }),
  );
  const decorate = (editor: vscode.TextEditor, view: CorpusView | undefined) => {
    const enabled = vscode.workspace.getConfiguration().get<boolean>(AGREEMENT_SETTING, true);
    const plan = (enabled && view && planAgreement(view, editor.document)) || AGREEMENT_STEPS.map(() => []);
    types.forEach((type, k) => editor.setDecorations(type, plan[k] as vscode.Range[]));
    onDidDecorate?.(editor, plan);
  };
  return vscode.Disposable.from(...types, decorateStoryEditors(corpus, decorate, [AGREEMENT_SETTING]));
}
