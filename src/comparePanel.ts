/**
 * "Compare with Other Sources": a webview beside the editor with one column per source and one
 * row per statement, in the reading order of the base source. One panel at most: running the
 * command again reveals it with the new base; a window reload restores it.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { buildRowModels, RELATED_BELOW, sourceHeaders } from './comparisonModel';
import { CorpusService, CorpusView } from './corpus';
import { NavigablePanel, revealSentence } from './navigation';
import { notComparableMessage } from './notComparable';
import type { Direction, NavigationTarget } from './navigationTargets';
import { sentenceAtOrAfter } from './sentenceAt';
import { sourceName } from './sourceName';
import { ACTIVATION_SETTING, unmarkedReason } from './speaking';
import { scopeToStory } from './stories';
import { ComparisonModel, FromWebview, PanelState, RowModel, ToWebview } from './protocol';

export const COMPARE_COMMAND = 'synoptic.compareWithOtherSources';
export const VIEW_TYPE = 'synoptic.compare';

/**
 * Stories the panel may be asked to compare as they are, rather than the story the analysis
 * of the base's folder finds (passim's clusters, imported): `viewOf` gives the sources of
 * the story named `scope`, or undefined once it is gone.
 */
export interface StoryScopes {
  viewOf(scope: string): CorpusView | undefined;
}

/** How long a revealed sentence's selection is waited for; a selection of that file meanwhile is no move of the reader's. */
const REVEAL_ECHO_MS = 1000;

/** A message between the panel and its webview, in either direction. */
export type PanelMessage = { readonly toWebview: ToWebview } | { readonly fromWebview: FromWebview };

class ComparePanel implements vscode.Disposable {
  private readonly exchanged = new vscode.EventEmitter<PanelMessage>();
  private readonly disposables: vscode.Disposable[] = [this.exchanged];
  private view?: CorpusView;
  private generation = 0;
  /** Set once the panel is closed: a refresh still waiting must not touch its webview. */
  private disposed = false;
  /**
   * A sentence the panel revealed in its editor, until the editor reports that selection: the
   * echo must not scroll the panel back, nor may the cursor that a hidden tab reports as it comes
   * back (where it stood before) move the panel's mark away from the clicked cell.
   */
  private pendingReveal?: { uri: string; offset: number; until: number };
  /** Why the base changed without the user asking (its file went away). */
  private baseNotice?: string;
  private lastModel?: ComparisonModel;
  /** The analysis `lastModel` was built from: `view` moves on while a refresh builds its rows. */
  private lastView?: CorpusView;
  /** The story of `scopes` the panel compares, when it was opened on one. */
  private scope?: string;
  /** Every message the panel sends to its webview or receives from it. */
  readonly onDidExchange = this.exchanged.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly corpus: CorpusService,
    private baseUri: vscode.Uri,
    private state: PanelState,
    private readonly onDisposed: () => void,
    private readonly scopes?: StoryScopes,
    initialScope?: string,
  ) {
    this.scope = initialScope;
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = this.html();
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.svg');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => void this.receive(m)),
      corpus.onDidChange(view => {
        if (view.key === this.view?.key || view.indexOf(this.baseUri) >= 0) void this.refresh(view);
      }),
      // The base's corpus ended (its folder deleted outside the Explorer): the panel says so rather than show files that are gone.
      corpus.onDidRemove(key => {
        if (key === this.view?.key) void this.refresh();
      }),
      vscode.window.onDidChangeTextEditorSelection(e => this.followCursor(e)),
      vscode.workspace.onDidChangeConfiguration(e => {
        // Where Synoptic speaks decides which sources' boilerplate the panel counts and shows.
        if (e.affectsConfiguration('synoptic.relatedBelowSimilarity') || e.affectsConfiguration(ACTIVATION_SETTING)) void this.refresh();
      }),
      // A base renamed in the editor keeps its place in the panel under the new name.
      vscode.workspace.onDidRenameFiles(e => {
        const renamed = e.files.find(f => f.oldUri.toString() === this.baseUri.toString());
        if (renamed) this.setBase(renamed.newUri);
      }),
    );
    void this.refresh();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // A refresh in flight reads itself as stale from here on, as when a newer one starts.
    this.generation++;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.onDisposed();
  }

  /** The file the others are compared with. */
  get base(): vscode.Uri {
    return this.baseUri;
  }

  /** Compares the story `scope` names (see `StoryScopes`) with `uri` as the base; no scope: the base's own story. */
  show(uri: vscode.Uri, scope?: string): void {
    this.scope = scope;
    this.setBase(uri);
  }

  setBase(uri: vscode.Uri, reason?: string): void {
    this.baseUri = uri;
    this.baseNotice = reason;
    this.state = { ...this.state, basePath: uri.toString() };
    void this.refresh();
  }

  /** Moves the webview's cursor row (the navigation commands, while the panel is active). */
  navigate(target: NavigationTarget, direction: Direction): void {
    this.post({ type: 'navigate', target, direction });
  }

  async receive(message: FromWebview): Promise<void> {
    this.exchanged.fire({ fromWebview: message });
    switch (message.type) {
      case 'focused':
        return; // nothing to do: the message is there for observers of onDidExchange
      case 'ready':
        if (this.lastModel) this.postModel(this.lastModel);
        else void this.refresh();
        return;
      case 'rendered':
        return; // nothing to do: the message is there for observers of onDidExchange
      case 'stateChanged':
        this.state = { ...this.state, ...message.state };
        return;
      case 'setShowBoilerplate':
        this.state = { ...this.state, showBoilerplate: message.show };
        return this.refresh();
      case 'setBase': {
        const uri = this.view?.uris[message.source];
        if (uri) this.setBase(uri);
        return;
      }
      case 'reveal': {
        const view = this.view;
        const uri = view?.uris[message.source];
        const sentence = view?.analysis.sources[message.source]?.sentences[message.sentence];
        if (!view || !uri || !sentence) return;
        this.pendingReveal = { uri: uri.toString(), offset: sentence.start, until: Date.now() + REVEAL_ECHO_MS };
        await revealSentence(uri, sentence.start, sentence.end);
        return;
      }
    }
  }

  private post(message: ToWebview): void {
    // A closed panel's webview throws on every message.
    if (this.disposed) return;
    this.exchanged.fire({ toWebview: message });
    void this.panel.webview.postMessage(message);
  }

  /** Renders `fresh` when it holds the base; otherwise asks the corpus service for the base's analysis. */
  private async refresh(fresh?: CorpusView): Promise<void> {
    if (this.disposed) return;
    const generation = ++this.generation;
    this.panel.title = `Compare: ${sourceName(this.baseUri)}`;
    const scoped = this.scope === undefined ? undefined : this.scopes?.viewOf(this.scope);
    if (!scoped) this.scope = undefined;
    const analysed = scoped ?? (fresh && fresh.indexOf(this.baseUri) >= 0 ? fresh : await this.corpus.request(this.baseUri));
    // One column per source of the base's story, not of its whole folder.
    const view = scoped ?? (analysed && scopeToStory(analysed, analysed.indexOf(this.baseUri)));
    // Another refresh started while this one waited: its result wins.
    if (generation !== this.generation) return;
    if (!view) {
      const replacement = await this.survivingSource();
      if (generation !== this.generation) return;
      if (replacement) {
        this.setBase(replacement, `${sourceName(this.baseUri)} was deleted or moved; ${sourceName(replacement)} is now the base.`);
        return;
      }
      // A reloaded webview (hidden and shown again) asks for the last model: it must not get the
      // rows of a source it no longer shows, but a fresh attempt, which says this again.
      this.lastModel = undefined;
      this.lastView = undefined;
      this.post({
        type: 'status',
        text: `${sourceName(this.baseUri)} cannot be analysed (it may have been deleted, or is not a text file).`,
      });
      return;
    }
    this.view = view;
    const base = view.indexOf(this.baseUri);
    // As in the editor (`synoptic.activation`, decided on the whole analysis the editor reads): a
    // file Synoptic leaves unmarked there, a note, has no boilerplate counted or shown here either.
    const unmarked = view.uris.map(uri => unmarkedReason(analysed ?? view, uri));
    // Built in slices: a refresh that starts meanwhile abandons this one.
    const rows = await buildRowModels(
      {
        analysis: view.analysis,
        base,
        baseText: view.texts[base],
        includeBoilerplate: this.state.showBoilerplate === true && unmarked[base] === undefined,
        relatedBelow: vscode.workspace.getConfiguration('synoptic').get<number>('relatedBelowSimilarity', RELATED_BELOW),
      },
      { isStale: () => generation !== this.generation },
    );
    if (!rows || generation !== this.generation) return;
    // An imported cluster is not a story of the analysis: no origin is named for it.
    const origin = !scoped && analysed ? originOf(analysed, view, this.baseUri) : undefined;
    const model = toModel(view, base, rows, generation, origin, unmarked);
    const notice = [this.baseNotice, model.notice].filter(Boolean).join(' ');
    this.lastModel = notice ? { ...model, notice } : model;
    this.lastView = view;
    this.postModel(this.lastModel);
  }

  /**
   * Sends `model` to the webview, then the row of the cursor in the editor that shows one of its
   * sources, to mark and no more (the reader's place in the panel stays): rendering a model clears
   * the cursor's mark, and a re-analysis (an edit, another setting) must not leave the reader
   * without it until the cursor moves. A new base's grid opens at that row (the webview's
   * `openAt`), or at the base's first sentence where no editor shows a source of the story.
   */
  private postModel(model: ComparisonModel): void {
    this.post({ type: 'model', model, state: this.state });
    const view = this.lastView;
    if (!view) return;
    const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors];
    const editor = editors.find(e => e && view.indexOf(e.document.uri) >= 0);
    if (!editor) return;
    const source = view.indexOf(editor.document.uri);
    const sentence = sentenceAtOrAfter(view.analysis.sources[source].sentences, editor.document.offsetAt(editor.selection.active));
    if (sentence >= 0) this.post({ type: 'highlight', source, sentence, markOnly: true });
  }

  /** When the base is gone: another source of the last analysis that still exists. */
  private async survivingSource(): Promise<vscode.Uri | undefined> {
    const base = this.baseUri.toString();
    for (const uri of this.view?.uris ?? []) {
      if (uri.toString() === base) continue;
      if (await this.corpus.isReadable(uri)) return uri;
    }
    return undefined;
  }

  private followCursor(e: vscode.TextEditorSelectionChangeEvent): void {
    const view = this.view;
    if (!view || !this.panel.visible) return;
    const source = view.indexOf(e.textEditor.document.uri);
    if (source < 0) return;
    const offset = e.textEditor.document.offsetAt(e.selections[0].active);
    const anchorOffset = e.textEditor.document.offsetAt(e.selections[0].anchor);
    const pending = this.pendingReveal;
    if (pending && Date.now() > pending.until) this.pendingReveal = undefined;
    else if (pending && pending.uri === e.textEditor.document.uri.toString()) {
      // The revealed selection ends the wait; any other (the tab's old cursor) is passed over.
      if (pending.offset === anchorOffset || pending.offset === offset) this.pendingReveal = undefined;
      return;
    }
    // Off the text (a blank line, chrome), the panel follows to the sentence the cursor stands
    // before, so that it shows this source's column and place rather than the last one's.
    const sentence = sentenceAtOrAfter(view.analysis.sources[source].sentences, offset);
    if (sentence < 0) return;
    this.post({ type: 'highlight', source, sentence });
  }

  private html(): string {
    const webview = this.panel.webview;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'compare.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'compare.css'));
    const nonce = makeNonce();
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${style}" rel="stylesheet">
<title>Compare with Other Sources</title>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="Comparison options"></div>
<div id="notice" role="status" aria-live="polite"></div>
<div id="columns-out-of-view" hidden></div>
<div id="grid" role="grid" aria-label="Sentences of every source, one column per source"></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

/** The CSP nonce of one page: 128 bits from the system's secure source, which `Math.random` is not. */
function makeNonce(): string {
  return randomBytes(16).toString('hex');
}

/**
 * The likely first version of `uri`'s story, as a source of `scoped` (the story's view of
 * `analysed`), and why; undefined when the analysis names none.
 */
function originOf(analysed: CorpusView, scoped: CorpusView, uri: vscode.Uri): { source: number; reason: string } | undefined {
  const index = analysed.indexOf(uri);
  const origin = analysed.analysis.stories?.find(story => story.sources.includes(index))?.origin;
  const source = origin ? scoped.indexOf(analysed.uris[origin.source]) : -1;
  return origin && source >= 0 ? { source, reason: origin.reason } : undefined;
}

/**
 * The model the webview renders: `rows` for base source `base`, with the column headers and the
 * story's origin. `unmarked` gives, per source, why Synoptic leaves it unmarked (`unmarkedReason`):
 * such a source's header counts no boilerplate lines.
 */
export function toModel(
  view: CorpusView,
  base: number,
  rows: readonly RowModel[],
  generation: number,
  origin?: { readonly source: number; readonly reason: string },
  unmarked: readonly (string | undefined)[] = [],
): ComparisonModel {
  const headers = sourceHeaders(
    view.analysis,
    view.uris.map(sourceName),
    view.uris.map(u => u.toString()),
    origin,
    // A tooltip shows the path as a reader writes it, not the URI ("file:///…%20…").
    view.uris.map(u => vscode.workspace.asRelativePath(u, true)),
  );
  return {
    generation,
    base,
    notice: view.notice,
    rows,
    sources: headers.map((header, i) => {
      const reason = unmarked[i];
      return reason === undefined ? header : { ...header, boilerplateLines: 0, unmarked: reason };
    }),
  };
}

/** The panel of `register`, as far as others may see it: its webview panel and its messages. */
export interface OpenComparePanel {
  readonly panel: vscode.WebviewPanel;
  readonly onDidExchange: vscode.Event<PanelMessage>;
  receive(message: FromWebview): Promise<void>;
}

/** `onDidOpen` hears of every panel opened or restored. */
export function register(
  context: vscode.ExtensionContext,
  corpus: CorpusService,
  onDidOpen?: (panel: OpenComparePanel) => void,
  scopes?: StoryScopes,
): { disposable: vscode.Disposable; navigable: NavigablePanel; activeBase: () => vscode.Uri | undefined } {
  let current: ComparePanel | undefined;
  const attach = (panel: vscode.WebviewPanel, baseUri: vscode.Uri, state: PanelState, scope?: string) => {
    const opened = new ComparePanel(
      panel,
      context.extensionUri,
      corpus,
      baseUri,
      state,
      () => {
        if (current?.panel === panel) current = undefined;
      },
      scopes,
      scope,
    );
    current = opened;
    onDidOpen?.(opened);
  };

  // From a menu the second argument is the selection; from the Stories view, a story of `scopes`.
  const open = async (uri?: vscode.Uri, scopeArgument?: unknown) => {
    const scope = typeof scopeArgument === 'string' ? scopeArgument : undefined;
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      // Run from the panel itself (the palette, its keys): it already compares its base.
      if (current?.panel.active) return;
      void vscode.window.showInformationMessage('Open a text file to compare it with the other sources in its folder.');
      return;
    }
    // Code, settings or a note: compared with the folder's .txt files, it would fill a panel with nothing to read.
    if (!CorpusService.isComparable(target)) {
      void vscode.window.showInformationMessage(notComparableMessage(target, 'compare'));
      return;
    }
    if (current) {
      current.show(target, scope);
      current.panel.reveal(vscode.ViewColumn.Beside, false);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      `Compare: ${sourceName(target)}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      {
        ...webviewOptions(context.extensionUri),
        retainContextWhenHidden: false,
      },
    );
    attach(panel, target, { basePath: target.toString() }, scope);
  };

  const disposable = vscode.Disposable.from(
    vscode.commands.registerCommand(COMPARE_COMMAND, open),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state: PanelState | undefined) {
        const base = state?.basePath ? vscode.Uri.parse(state.basePath) : undefined;
        if (!base) {
          panel.dispose();
          return;
        }
        attach(panel, base, state ?? {});
      },
    }),
    { dispose: () => current?.panel.dispose() },
  );
  const navigable: NavigablePanel = {
    get active() {
      return current?.panel.active === true;
    },
    navigate: (target, direction) => current?.navigate(target, direction),
  };
  // The panel's base while the panel is the active editor: what a command run there acts on.
  const activeBase = () => (current?.panel.active ? current.base : undefined);
  return { disposable, navigable, activeBase };
}
