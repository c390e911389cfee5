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
}

export function recordDecorations(): {
  probe: DecorationProbe;
  onDidDecorate: (editor: vscode.TextEditor, shown: DecorationPlan) => void;
  onDidDecorateAgreement: (editor: vscode.TextEditor, shown: AgreementPlan) => void;
} {
  const applied = new WeakMap<vscode.TextEditor, DecorationPlan>();
  const agreement = new WeakMap<vscode.TextEditor, AgreementPlan>();
  return {
    probe: { applied: editor => applied.get(editor), agreement: editor => agreement.get(editor) },
    onDidDecorate: (editor, shown) => applied.set(editor, shown),
    onDidDecorateAgreement: (editor, shown) => agreement.set(editor, shown),
  };
}
