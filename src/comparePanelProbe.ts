/**
 * What the integration tests may observe of the comparison panel, recorded from outside it:
 * the panel announces each panel it opens and every message it exchanges with its webview,
 * and this keeps the latest of each kind. The panel itself holds nothing for the tests.
 */
import type * as vscode from 'vscode';
import type { OpenComparePanel } from './comparePanel';
import type { ComparisonModel, FromWebview, PanelState } from './protocol';

export interface ComparePanelProbe {
  readonly isOpen: boolean;
  /** Panels open now (never more than one). */
  readonly panelCount: number;
  readonly title?: string;
  /** The HTML the webview was given, content security policy included, and its options. */
  readonly html?: string;
  readonly webviewOptions?: vscode.WebviewOptions;
  /** The model last sent to the webview. */
  readonly lastModel?: ComparisonModel;
  /** The status line last sent instead of a model. */
  readonly lastStatus?: string;
  readonly lastHighlight?: { readonly source: number; readonly sentence: number };
  /** Rows the webview reports it rendered, and the generation of that model. */
  readonly renderedRows?: number;
  readonly renderedGeneration?: number;
  /** The state the webview last reported (filter, page of columns). */
  readonly webviewState?: PanelState;
  /** Where the webview's cursor last went (keys, clicks, navigation commands). */
  readonly lastFocus?: { readonly row: number; readonly source?: number; readonly sentence?: number };
  /** Handles `message` as if the webview had sent it. */
  receive(message: FromWebview): Promise<void>;
}

interface Recording {
  lastModel?: ComparisonModel;
  lastStatus?: string;
  lastHighlight?: { source: number; sentence: number };
  renderedRows?: number;
  renderedGeneration?: number;
  webviewState?: PanelState;
  lastFocus?: { row: number; source?: number; sentence?: number };
}

/** A probe, and the listener to hand to `comparePanel.register` so that it sees every panel. */
export function recordComparePanels(): {
  probe: ComparePanelProbe;
  onDidOpen: (panel: OpenComparePanel) => void;
  disposable: vscode.Disposable;
} {
  /** The open panels, each with what listens to it. */
  const open = new Map<OpenComparePanel, vscode.Disposable[]>();
  let current: OpenComparePanel | undefined;
  let recording: Recording = {};

  const stopListening = (panel: OpenComparePanel) => {
    open.get(panel)?.forEach(s => s.dispose());
    open.delete(panel);
    if (current === panel) current = undefined;
  };

  const onDidOpen = (panel: OpenComparePanel) => {
    const record: Recording = {};
    current = panel;
    recording = record;
    const exchanges = panel.onDidExchange(exchange => {
      if ('toWebview' in exchange) {
        const message = exchange.toWebview;
        if (message.type === 'model') record.lastModel = message.model;
        else if (message.type === 'status') record.lastStatus = message.text;
        else if (message.type === 'highlight') record.lastHighlight = { source: message.source, sentence: message.sentence };
        return;
      }
      const message = exchange.fromWebview;
      if (message.type === 'rendered') {
        record.renderedRows = message.rows;
        record.renderedGeneration = message.generation;
      } else if (message.type === 'focused') {
        record.lastFocus = { row: message.row, source: message.source, sentence: message.sentence };
      } else if (message.type === 'stateChanged') {
        record.webviewState = { ...record.webviewState, ...message.state };
      }
    });
    open.set(panel, [exchanges, panel.panel.onDidDispose(() => stopListening(panel))]);
  };

  const probe: ComparePanelProbe = {
    get isOpen() {
      return current !== undefined;
    },
    get panelCount() {
      return open.size;
    },
    get title() {
      return current?.panel.title;
    },
    get html() {
      return current?.panel.webview.html;
    },
    get webviewOptions() {
      return current?.panel.webview.options;
    },
    get lastModel() {
      return current && recording.lastModel;
    },
    get lastStatus() {
      return current && recording.lastStatus;
    },
    get lastHighlight() {
      return current && recording.lastHighlight;
    },
    get renderedRows() {
      return current && recording.renderedRows;
    },
    get renderedGeneration() {
      return current && recording.renderedGeneration;
    },
    get webviewState() {
      return current && recording.webviewState;
    },
    get lastFocus() {
      return current && recording.lastFocus;
    },
    receive: message => current?.receive(message) ?? Promise.resolve(),
  };
  return { probe, onDidOpen, disposable: { dispose: () => [...open.keys()].forEach(stopListening) } };
}
