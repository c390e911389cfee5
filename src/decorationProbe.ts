/**
 * What the integration tests may observe of the decorations: the ranges last applied to each
 * editor, recorded from the notices `decorations.register` gives.
 */
import type * as vscode from 'vscode';
import type { DecorationPlan } from './decorations';

export interface DecorationProbe {
  /** The ranges last applied to `editor`, or undefined when Synoptic never decorated it. */
  applied(editor: vscode.TextEditor): DecorationPlan | undefined;
}

export function recordDecorations(): { probe: DecorationProbe; onDidDecorate: (editor: vscode.TextEditor, shown: DecorationPlan) => void } {
  const applied = new WeakMap<vscode.TextEditor, DecorationPlan>();
  return {
    probe: { applied: editor => applied.get(editor) },
    onDidDecorate: (editor, shown) => applied.set(editor, shown),
  };
}
