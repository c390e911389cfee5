/**
 * The analysis of each corpus (a document and its other sources), kept up to date as files
 * change on disk or in the editor: changes are debounced, a newer analysis cancels an older
 * one, and results that went stale while they were computed are thrown away. Which files are
 * compared and how they are read is `sourceDiscovery.ts`, over the workspace of
 * `vscodeWorkspace.ts`.
 */
import * as vscode from 'vscode';
import { analyseWithProgress } from './analysisProgress';
import { AnalysisCancelled, AnalysisRunner } from './analysisRunner';
import { CorpusAnalysis } from './core';
import { KeyedDebouncer } from './debounce';
import { KeptTexts, SourceLimits, TEXT_FILE, collectSources, corpusKey, isReadable } from './sourceDiscovery';
import type { SourceWorkspace, WorkspaceChange } from './sourceWorkspace';
import { VscodeWorkspace, toURI, toVscodeUri } from './vscodeWorkspace';

/** An analysed corpus as the editor features see it. */
export interface CorpusView {
  readonly key: string;
  readonly uris: readonly vscode.Uri[];
  readonly analysis: CorpusAnalysis;
  /** The text each source was analysed in (offsets refer to it). */
  readonly texts: readonly string[];
  /** Increases with every new analysis of this corpus. */
  readonly generation: number;
  /** Set when a limit left sources or files out. */
  readonly notice?: string;
  indexOf(uri: vscode.Uri): number;
}

const DEBOUNCE_MS = 300;

interface Entry {
  view?: CorpusView;
  pending?: Promise<CorpusView | undefined>;
  cancel?: vscode.CancellationTokenSource;
  generation: number;
  /**
   * The file the last analysis was asked for: the one analysed again later. It is in the corpus
   * even where the listing leaves it out (a file over the size limit, one outside the glob).
   */
  anchor?: vscode.Uri;
  /** The texts of the corpus's files as last read: a file not changed since is not read again. */
  readonly kept: KeptTexts;
}

/**
 * The settings `sourceLimits` reads, which change which files a corpus holds, and
 * `synoptic.findStories`, which changes how they are grouped into stories.
 */
const SOURCE_SETTINGS = ['synoptic.sources', 'synoptic.maxSources', 'synoptic.maxFileSizeKB', 'synoptic.findStories'];

/**
 * Whether the files of the corpus of `uri` are versions of one story by the user's word
 * (`synoptic.findStories` off): as set for its workspace folder, or, for the corpus of a
 * `synoptic.sources` glob, which may span workspace folders, as set for the workspace, so that
 * the file the corpus was first asked about does not decide for all.
 */
function oneStoryFor(uri: vscode.Uri): boolean {
  const scope = sourceLimits().sourcesGlob ? undefined : uri;
  return vscode.workspace.getConfiguration('synoptic', scope).get<boolean>('findStories') === false;
}

/** The settings of `synoptic.*` that decide which files are compared. */
function sourceLimits(): SourceLimits {
  const config = vscode.workspace.getConfiguration('synoptic');
  return {
    sourcesGlob: (config.get<string>('sources') ?? '').trim(),
    maxSources: Math.max(1, config.get<number>('maxSources') ?? 250),
    maxFileBytes: Math.max(1, config.get<number>('maxFileSizeKB') ?? 5120) * 1024,
  };
}

export class CorpusService implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<CorpusView>();
  private readonly failed = new vscode.EventEmitter<{ key: string; message: string }>();
  private readonly started = new vscode.EventEmitter<Promise<unknown>>();
  private readonly removed = new vscode.EventEmitter<string>();
  private readonly debouncer = new KeyedDebouncer<string>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.failed, this.started, this.removed];

  /** Fires when a corpus has a new analysis. */
  readonly onDidChange = this.changed.event;
  /** Fires when a corpus could not be analysed (the message is for the user). */
  readonly onDidFail = this.failed.event;
  /** Fires when an analysis starts, with a promise that settles when it ends. */
  readonly onDidStartAnalysis = this.started.event;
  /** Fires with a corpus's key when its last file is gone (deleted, or its folder deleted): it has no analysis any more. */
  readonly onDidRemove = this.removed.event;

  private readonly runner: AnalysisRunner;

  /** `workerScript` is the bundled worker; `workspace` is where sources are found and read. */
  constructor(
    workerScript: string,
    private readonly workspace: SourceWorkspace = new VscodeWorkspace(),
  ) {
    this.runner = new AnalysisRunner(workerScript);
    this.disposables.push(
      { dispose: () => this.runner.dispose() },
      { dispose: () => this.debouncer.dispose() },
      workspace.watch(change => this.onWorkspaceChange(change)),
      vscode.workspace.onDidChangeConfiguration(e => {
        // Only the settings that choose the files analysed; the others change how results are shown.
        if (SOURCE_SETTINGS.some(setting => e.affectsConfiguration(setting))) this.reconfigure();
      }),
    );
  }

  dispose(): void {
    for (const entry of this.entries.values()) {
      entry.cancel?.cancel();
      entry.cancel?.dispose();
    }
    this.entries.clear();
    for (const d of this.disposables) d.dispose();
  }

  /** True for documents Synoptic reads: plain-text files, untitled text and text in other schemes. */
  static isCandidate(document: vscode.TextDocument): boolean {
    if (document.languageId !== 'plaintext') return false;
    return document.uri.scheme !== 'file' || TEXT_FILE.test(document.uri.path);
  }

  /**
   * True for what the comparison and the export can take: a `.txt` file, or a document of
   * another scheme that Synoptic reads (`isCandidate`: untitled text, not a settings file).
   */
  static isComparable(uri: vscode.Uri): boolean {
    if (uri.scheme === 'file') return TEXT_FILE.test(uri.path);
    const document = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    return !document || CorpusService.isCandidate(document);
  }

  /** The key of the corpus a document belongs to. */
  keyFor(uri: vscode.Uri): string {
    return corpusKey(toURI(uri), sourceLimits().sourcesGlob);
  }

  /** The latest analysis of every corpus analysed so far. */
  analysed(): CorpusView[] {
    return [...this.entries.values()].flatMap(entry => (entry.view ? [entry.view] : []));
  }

  /** The latest analysis containing `uri`, without waiting. */
  current(uri: vscode.Uri): CorpusView | undefined {
    const view = this.entries.get(this.keyFor(uri))?.view;
    return view && view.indexOf(uri) >= 0 ? view : undefined;
  }

  /** The analysis containing `uri`, computing it if there is none yet. */
  async request(uri: vscode.Uri): Promise<CorpusView | undefined> {
    const key = this.keyFor(uri);
    const entry = this.entry(key);
    if (entry.view && !entry.pending && entry.view.indexOf(uri) >= 0) return entry.view;
    let pending = entry.pending ?? this.analyze(key, uri);
    let reanalysed = false;
    for (;;) {
      const view = await pending;
      // A newer analysis started meanwhile: its result is the one to show.
      if (entry.pending && entry.pending !== pending) {
        pending = entry.pending;
        continue;
      }
      if (view && view.indexOf(uri) < 0) {
        // The corpus was analysed before this file joined it, or the file is gone.
        if (reanalysed || !(await this.isReadable(uri))) return undefined;
        reanalysed = true;
        pending = this.analyze(key, uri);
        continue;
      }
      return view;
    }
  }

  /** False for a file deleted from disk whose saved text may linger in an editor. */
  isReadable(uri: vscode.Uri): Promise<boolean> {
    return isReadable(this.workspace, toURI(uri));
  }

  private entry(key: string): Entry {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { generation: 0, kept: new Map() };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private onWorkspaceChange(change: WorkspaceChange): void {
    if (change.kind === 'fileChanged' || change.kind === 'fileCreated' || change.kind === 'fileDeleted') {
      const key = change.uri.toString();
      for (const entry of this.entries.values()) entry.kept.delete(key);
    }
    // A document open in an editor is read from the editor, not from disk: its saving (after
    // every edit, with auto-save) changes nothing analysed, and a change made to its file
    // elsewhere reaches the editor, which reports it as an edit.
    if (change.kind === 'fileChanged' && this.workspace.openDocument(change.uri)) return;
    const uri = toVscodeUri(change.uri);
    if (change.kind === 'fileDeleted') this.invalidateUnder(uri);
    if (change.kind === 'fileCreated' || change.kind === 'fileDeleted') this.invalidateFolderOf(uri);
    else this.invalidateFor(uri);
  }

  /** A deleted folder may be reported alone, without its files: every corpus with a file in it is analysed again. */
  private invalidateUnder(folder: vscode.Uri): void {
    const prefix = `${folder.toString().replace(/\/+$/, '')}/`;
    for (const [key, entry] of this.entries) {
      if (entry.view?.uris.some(u => u.toString().startsWith(prefix))) this.schedule(key, DEBOUNCE_MS);
    }
  }

  private invalidateFor(uri: vscode.Uri): void {
    for (const [key, entry] of this.entries) {
      if (entry.view && entry.view.indexOf(uri) >= 0) this.schedule(key, DEBOUNCE_MS);
    }
  }

  private invalidateFolderOf(uri: vscode.Uri): void {
    const key = this.keyFor(uri);
    if (this.entries.has(key)) this.schedule(key, DEBOUNCE_MS);
    this.invalidateFor(uri);
  }

  private schedule(key: string, delay: number): void {
    const entry = this.entry(key);
    this.debouncer.schedule(key, delay, () => {
      // A corpus dropped meanwhile (its files now another key's) is not brought back.
      if (this.entries.get(key) !== entry) return;
      const anchor = entry.anchor ?? entry.view?.uris[0];
      if (anchor) void this.analyze(key, anchor);
    });
  }

  /**
   * After a change of the settings that choose a corpus's files every corpus is analysed again;
   * one whose files another key now names (`synoptic.sources` set or cleared: a folder's files
   * become the glob's, or the other way round) is dropped, with any analysis it had waiting, and
   * its file analysed under the key it has now, so that no file is listed by two corpora. A new
   * corpus starts from the file open in the editor where that is one of its own, otherwise from
   * a dropped corpus's file (which, outside the glob, stays in the glob's corpus as a file asked
   * about does, until another is asked about).
   */
  private reconfigure(): void {
    const again = new Map<string, vscode.Uri>();
    for (const [key, entry] of [...this.entries]) {
      const anchor = entry.anchor ?? entry.view?.uris[0];
      if (!anchor) continue;
      const now = this.keyFor(anchor);
      if (now !== key) {
        this.debouncer.cancel(key);
        entry.cancel?.cancel();
        entry.cancel?.dispose();
        this.entries.delete(key);
        if (entry.view) this.removed.fire(key);
      }
      if (!again.has(now)) again.set(now, anchor);
    }
    // Only a document Synoptic reads: not the settings file the glob was just typed into.
    const document = vscode.window.activeTextEditor?.document;
    if (document && CorpusService.isCandidate(document)) {
      const key = this.keyFor(document.uri);
      if (again.has(key)) again.set(key, document.uri);
    }
    for (const [key, anchor] of again) {
      const entry = this.entry(key);
      entry.anchor ??= anchor;
      this.schedule(key, 0);
    }
  }

  /** Analyses the corpus `key` from `uri` (`collectSources`), kept as the file to analyse it from again. */
  private analyze(key: string, uri: vscode.Uri): Promise<CorpusView | undefined> {
    const entry = this.entry(key);
    entry.anchor = uri;
    // A newer request replaces an older one: the older result would be stale anyway.
    entry.cancel?.cancel();
    entry.cancel?.dispose();
    const cancel = new vscode.CancellationTokenSource();
    entry.cancel = cancel;
    const generation = ++entry.generation;
    const pending = this.compute(key, uri, generation, cancel.token).finally(() => {
      if (entry.pending === pending) entry.pending = undefined;
    });
    entry.pending = pending;
    this.started.fire(pending);
    return pending;
  }

  private async compute(
    key: string,
    uri: vscode.Uri,
    generation: number,
    token: vscode.CancellationToken,
  ): Promise<CorpusView | undefined> {
    const entry = this.entry(key);
    try {
      const collected = await collectSources(this.workspace, toURI(uri), sourceLimits(), entry.kept);
      if (token.isCancellationRequested || entry.generation !== generation) return entry.view;
      const { inputs, notice } = collected;
      if (inputs.length === 0 && entry.view) {
        // Every file of the corpus is gone: its analysis goes too, so no view lists deleted files.
        entry.view = undefined;
        this.removed.fire(key);
        return undefined;
      }
      const analysis = await analyseWithProgress(this.runner, inputs, token, oneStoryFor(uri));
      if (token.isCancellationRequested || entry.generation !== generation) return entry.view;
      const uris = collected.uris.map(toVscodeUri);
      const positions = new Map(uris.map((u, i) => [u.toString(), i]));
      const view: CorpusView = {
        key,
        uris,
        analysis,
        texts: inputs.map(i => i.text),
        generation,
        notice,
        indexOf: u => positions.get(u.toString()) ?? -1,
      };
      entry.view = view;
      this.changed.fire(view);
      return view;
    } catch (e) {
      if (e instanceof AnalysisCancelled) return entry.view;
      this.failed.fire({ key, message: `Synoptic could not analyse ${vscode.workspace.asRelativePath(uri)}: ${(e as Error).message}` });
      return undefined;
    }
  }
}
