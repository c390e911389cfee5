/**
 * Synoptic's entry point: wires the features to one corpus service. Each feature lives in its
 * own file and returns what must be disposed.
 */
import * as vscode from 'vscode';
import * as agreementRuler from './agreementRuler';
import * as comparePanel from './comparePanel';
import { ComparePanelProbe, recordComparePanels } from './comparePanelProbe';
import { CorpusService } from './corpus';
import * as decorations from './decorations';
import { DecorationProbe, recordDecorations } from './decorationProbe';
import * as exportCommand from './exportCommand';
import * as factDecorations from './factDecorations';
import * as hover from './hover';
import * as navigation from './navigation';
import * as passimImport from './passimImportCommand';
import * as speaking from './speaking';
import * as statusBar from './statusBar';
import * as statusMessage from './statusMessage';
import * as storiesView from './storiesView';
import * as walkthrough from './walkthrough';

/** What the extension hands to its integration tests. */
export interface SynopticApi {
  readonly corpus: CorpusService;
  readonly panel: ComparePanelProbe;
  readonly decorations: DecorationProbe;
  readonly stories: storiesView.StoriesViewProbe;
  readonly status: statusBar.StatusProbe;
  /** The short-lived status bar message shown now, if any. */
  readonly statusMessage: statusMessage.StatusMessageProbe;
  readonly passim: passimImport.PassimImportProbe;
}

export function activate(context: vscode.ExtensionContext): SynopticApi {
  const workerScript = vscode.Uri.joinPath(context.extensionUri, 'dist', 'analysisWorker.js').fsPath;
  const corpus = new CorpusService(workerScript);
  const passim = passimImport.register(workerScript);
  const panels = recordComparePanels();
  const decorated = recordDecorations();
  const stories = storiesView.register(corpus, [passim.group]);
  const compare = comparePanel.register(context, corpus, panels.onDidOpen, passim.scopes);
  const status = statusBar.register(corpus);
  const messages = statusMessage.register();
  context.subscriptions.push(
    corpus,
    navigation.register(corpus, compare.navigable),
    decorations.register(corpus, decorated.onDidDecorate),
    agreementRuler.register(corpus, decorated.onDidDecorateAgreement),
    factDecorations.register(corpus, decorated.onDidDecorateChangedFacts),
    hover.register(corpus),
    status.disposable,
    messages.disposable,
    walkthrough.register(context, corpus),
    speaking.register(corpus),
    stories.disposable,
    panels.disposable,
    compare.disposable,
    exportCommand.register(corpus, compare.activeBase),
    passim.disposable,
    corpus.onDidFail(({ message }) => void vscode.window.showWarningMessage(message)),
  );
  return {
    corpus,
    panel: panels.probe,
    decorations: decorated.probe,
    status: status.probe,
    statusMessage: messages.probe,
    stories: stories.probe,
    passim: passim.probe,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
