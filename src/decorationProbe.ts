/**
 * What the integration tests may observe of the decorations: the ranges last applied to each
 * editor, recorded from the notices the decorating features give.
 */
import type * as vscode from 'vscode';
import type { AgreementPlan } from './agreementRuler';
import type { DecorationPlan } from './decorations';

export interface DecorationProbe {
  /** The ranges last applied to `editor`, or undefined when Synoptic never decorated it. */
  applied(editor: vscode.TextEditor): DecorationPlan | undefined;
  /** The heat strip's ranges last applied to `editor`, one list per step. */
  agreement(editor: vscode.TextEditor): AgreementPlan | undefined;
  /** The changed facts' ranges last applied to `editor`. */
  changedFacts(editor: vscode.TextEditor): readonly vscode.Range[] | undefined;
}

export function recordDecorations(): {
  probe: DecorationProbe;
  onDidDecorate: (editor: vscode.TextEditor, shown: DecorationPlan) => void;
  onDidDecorateAgreement: (editor: vscode.TextEditor, shown: AgreementPlan) => void;
  onDidDecorateChangedFacts: (editor: vscode.TextEditor, shown: readonly vscode.Range[]) => void;
} {
  const applied = new WeakMap<vscode.TextEditor, DecorationPlan>();
  const agreement = new WeakMap<vscode.TextEditor, AgreementPlan>();
  const changedFacts = new WeakMap<vscode.TextEditor, readonly vscode.Range[]>();
  return {
    probe: {
      applied: editor => applied.get(editor),
      agreement: editor => agreement.get(editor),
      changedFacts: editor => changedFacts.get(editor),
    },
    onDidDecorate: (editor, shown) => applied.set(editor, shown),
    onDidDecorateAgreement: (editor, shown) => agreement.set(editor, shown),
    onDidDecorateChangedFacts: (editor, shown) => changedFacts.set(editor, shown),
  };
}
