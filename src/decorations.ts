/**
 * Editor decorations: boilerplate lines dimmed with a mark in the overview ruler, and
 * sentences no other source carries underlined, since those are what an editor most needs to
 * notice. Only visible editors are decorated.
 */
import * as vscode from 'vscode';
import type { CorpusService, CorpusView } from './corpus';
import { decorateStoryEditors } from './storyEditors';

export const TOGGLE_BOILERPLATE_COMMAND = 'synoptic.toggleBoilerplate';
export const TOGGLE_UNIQUE_COMMAND = 'synoptic.toggleUniqueSentences';

/** The ranges Synoptic decorates in one document. */
export interface DecorationPlan {
  readonly boilerplate: vscode.Range[];
  readonly unique: vscode.Range[];
}

export function planDecorations(view: CorpusView, document: vscode.TextDocument): DecorationPlan | undefined {
  const index = view.indexOf(document.uri);
  if (index < 0) return undefined;
  const source = view.analysis.sources[index];
  // Offsets are only valid for the text that was analysed; a newer edit waits for its analysis.
  if (source.lines.length !== document.lineCount) return undefined;
  const boilerplate: vscode.Range[] = [];
  source.lines.forEach((verdict, line) => {
    if (verdict.kind === 'boilerplate') boilerplate.push(document.lineAt(line).range);
  });
  const unique: vscode.Range[] = [];
  if (view.analysis.sources.length > 1) {
    source.sentences.forEach((s, i) => {
      if (source.groupOfSentence[i] < 0) unique.push(new vscode.Range(document.positionAt(s.start), document.positionAt(s.end)));
    });
  }
  return { boilerplate, unique };
}

/** `onDidDecorate` hears of the ranges applied to an editor each time they are applied. */
export function register(
  corpus: CorpusService,
  onDidDecorate?: (editor: vscode.TextEditor, shown: DecorationPlan) => void,
): vscode.Disposable {
  const boilerplateType = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    color: new vscode.ThemeColor('synoptic.boilerplateForeground'),
    backgroundColor: new vscode.ThemeColor('synoptic.boilerplateBackground'),
    overviewRulerColor: new vscode.ThemeColor('synoptic.boilerplateRuler'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  const uniqueType = vscode.window.createTextEditorDecorationType({
    textDecoration: 'underline dotted',
    backgroundColor: new vscode.ThemeColor('synoptic.uniqueSentenceBackground'),
    overviewRulerColor: new vscode.ThemeColor('synoptic.uniqueSentenceRuler'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });

  const settings = () => {
    const config = vscode.workspace.getConfiguration('synoptic');
    return { boilerplate: config.get<boolean>('markBoilerplate', true), unique: config.get<boolean>('markUniqueSentences', true) };
  };

  // `view` is the file's story as `decorateStoryEditors` gives it: undefined where Synoptic is silent.
  const decorate = (editor: vscode.TextEditor, view: CorpusView | undefined) => {
    const plan = view ? planDecorations(view, editor.document) : undefined;
    const { boilerplate, unique } = settings();
    const shown = { boilerplate: plan && boilerplate ? plan.boilerplate : [], unique: plan && unique ? plan.unique : [] };
    editor.setDecorations(boilerplateType, shown.boilerplate);
    editor.setDecorations(uniqueType, shown.unique);
    onDidDecorate?.(editor, shown);
  };

  // The toggles change this workspace's setting, not the user's everywhere. A toggle back to
  // what the workspace would inherit removes the workspace's entry, so that turning a mark off
  // and on again leaves no settings file behind in a folder of stories.
  const toggle = (setting: string) => async () => {
    const config = vscode.workspace.getConfiguration('synoptic');
    const inWorkspace = !!vscode.workspace.workspaceFolders?.length;
    const target = inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    const next = !config.get<boolean>(setting, true);
    const inspected = config.inspect<boolean>(setting);
    const inherited = inspected?.globalValue ?? inspected?.defaultValue;
    await config.update(setting, inWorkspace && next === inherited ? undefined : next, target);
  };

  return vscode.Disposable.from(
    boilerplateType,
    uniqueType,
    decorateStoryEditors(corpus, decorate, ['synoptic.markBoilerplate', 'synoptic.markUniqueSentences']),
    vscode.commands.registerCommand(TOGGLE_BOILERPLATE_COMMAND, toggle('markBoilerplate')),
    vscode.commands.registerCommand(TOGGLE_UNIQUE_COMMAND, toggle('markUniqueSentences')),
  );
}
