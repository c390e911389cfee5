/**
 * Synoptic's entry point: wires the features to one corpus service. Each feature lives in its
 * own file and returns what must be disposed.
 */
import * as vscode from 'vscode';
import * as comparePanel from './comparePanel';
import { CorpusService } from './corpus';
import * as decorations from './decorations';
import * as exportCommand from './exportCommand';
import * as hover from './hover';
import * as navigation from './navigation';
import * as statusBar from './statusBar';
import * as walkthrough from './walkthrough';

/** What the extension hands to its integration tests. */
export interface SynopticApi {
  readonly corpus: CorpusService;
  readonly panel: comparePanel.ComparePanelProbe;
  readonly decorations: decorations.DecorationProbe;
  readonly status: statusBar.StatusProbe;
}

export function activate(context: vscode.ExtensionContext): SynopticApi {
  const corpus = new CorpusService(vscode.Uri.joinPath(context.extensionUri, 'dist', 'analysisWorker.js').fsPath);
  const compare = comparePanel.register(context, corpus);
  const decorated = decorations.register(corpus);
  const status = statusBar.register(corpus);
  context.subscriptions.push(
    corpus,
    navigation.register(corpus, compare.navigable),
    decorated.disposable,
    hover.register(corpus),
    status.disposable,
    walkthrough.register(context, corpus),
    compare.disposable,
    exportCommand.register(corpus),
    corpus.onDidFail(({ message }) => void vscode.window.showWarningMessage(message)),
  );
  return { corpus, panel: compare.probe, decorations: decorated.probe, status: status.probe };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
