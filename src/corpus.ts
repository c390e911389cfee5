/**
 * Which files are the other sources of a document, their current text (unsaved edits
 * included), and the analysis of the whole set: kept up to date as files change on disk or in
 * the editor, with results that went stale while they were computed thrown away.
 */
import * as vscode from 'vscode';
import { AnalysisCancelled, AnalysisRunner } from './analysisRunner';
import { CorpusAnalysis, SourceInput } from './core';

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

const TEXT_EXTENSION = /\.txt$/i;
const DEBOUNCE_MS = 300;

interface Entry {
  view?: CorpusView;
  pending?: Promise<CorpusView | undefined>;
  cancel?: vscode.CancellationTokenSource;
  timer?: NodeJS.Timeout;
  generation: number;
}

export class CorpusService implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<CorpusView>();
  private readonly failed = new vscode.EventEmitter<{ key: string; message: string }>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.failed];
  private readonly decoder = new TextDecoder('utf-8');

  /** Fires when a corpus has a new analysis. */
  readonly onDidChange = this.changed.event;
  /** Fires when a corpus could not be analysed (the message is for the user). */
  readonly onDidFail = this.failed.event;

  private readonly runner: AnalysisRunner;

  constructor(workerScript: string) {
    this.runner = new AnalysisRunner(workerScript);
    this.disposables.push({ dispose: () => this.runner.dispose() });
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument(e => {
        if (e.contentChanges.length) this.invalidateFor(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument(d => this.invalidateFor(d.uri)),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('synoptic')) for (const key of this.entries.keys()) this.schedule(key, 0);
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.txt');
    this.disposables.push(
      watcher,
      watcher.onDidCreate(uri => this.invalidateFolderOf(uri)),
      watcher.onDidChange(uri => this.invalidateFor(uri)),
      watcher.onDidDelete(uri => this.invalidateFolderOf(uri)),
    );
  }

  dispose(): void {
    for (const entry of this.entries.values()) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.cancel?.cancel();
      entry.cancel?.dispose();
    }
    this.entries.clear();
    for (const d of this.disposables) d.dispose();
  }

  /** True for documents Synoptic reads: plain-text files, untitled text and text in other schemes. */
  static isCandidate(document: vscode.TextDocument): boolean {
    if (document.languageId !== 'plaintext') return false;
    return document.uri.scheme !== 'file' || TEXT_EXTENSION.test(document.uri.path);
  }

  /** The key of the corpus a document belongs to. */
  keyFor(uri: vscode.Uri): string {
    if (uri.scheme !== 'file') return `single:${uri.toString()}`;
    const glob = this.sourcesGlob();
    return glob ? `glob:${glob}` : `folder:${vscode.Uri.joinPath(uri, '..').toString()}`;
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
  async isReadable(uri: vscode.Uri): Promise<boolean> {
    const document = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    if (uri.scheme !== 'file') return document !== undefined || (await exists(uri));
    return document?.isDirty === true || (await exists(uri));
  }

  private entry(key: string): Entry {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { generation: 0 };
      this.entries.set(key, entry);
    }
    return entry;
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
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      const anchor = entry.view?.uris[0];
      if (anchor) void this.analyze(key, anchor);
    }, delay);
  }

  private analyze(key: string, uri: vscode.Uri): Promise<CorpusView | undefined> {
    const entry = this.entry(key);
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
    return pending;
  }

  private async compute(key: string, uri: vscode.Uri, generation: number, token: vscode.CancellationToken): Promise<CorpusView | undefined> {
    const entry = this.entry(key);
    try {
      const { uris, inputs, notice } = await this.collect(uri);
      if (token.isCancellationRequested || entry.generation !== generation) return entry.view;
      const analysis = await this.withProgress(inputs, token);
      if (token.isCancellationRequested || entry.generation !== generation) return entry.view;
      const positions = new Map(uris.map((u, i) => [u.toString(), i]));
      const view: CorpusView = { key, uris, analysis, texts: inputs.map(i => i.text), generation, notice, indexOf: u => positions.get(u.toString()) ?? -1 };
      entry.view = view;
      this.changed.fire(view);
      return view;
    } catch (e) {
      if (e instanceof AnalysisCancelled) return entry.view;
      this.failed.fire({ key, message: `Synoptic could not analyse ${vscode.workspace.asRelativePath(uri)}: ${(e as Error).message}` });
      return undefined;
    }
  }

  /** Large corpora show a cancellable progress notification while the worker runs. */
  private async withProgress(inputs: readonly SourceInput[], token: vscode.CancellationToken): Promise<CorpusAnalysis> {
    const size = inputs.reduce((n, i) => n + i.text.length, 0);
    if (size < 2_000_000) return this.runner.run(inputs, token);
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Synoptic: analysing ${inputs.length} sources`, cancellable: true },
      (_progress, userToken) => {
        const both = new vscode.CancellationTokenSource();
        const subs = [token.onCancellationRequested(() => both.cancel()), userToken.onCancellationRequested(() => both.cancel())];
        return this.runner.run(inputs, both.token).finally(() => {
          subs.forEach(s => s.dispose());
          both.dispose();
        });
      },
    );
  }

  private sourcesGlob(): string {
    return (vscode.workspace.getConfiguration('synoptic').get<string>('sources') ?? '').trim();
  }

  /** The corpus's files and their current text, within the configured limits. */
  private async collect(uri: vscode.Uri): Promise<{ uris: vscode.Uri[]; inputs: SourceInput[]; notice?: string }> {
    const config = vscode.workspace.getConfiguration('synoptic');
    const maxSources = Math.max(1, config.get<number>('maxSources') ?? 250);
    const maxBytes = Math.max(1, config.get<number>('maxFileSizeKB') ?? 5120) * 1024;
    let candidates: vscode.Uri[];
    if (uri.scheme !== 'file') {
      candidates = [uri];
    } else {
      const glob = this.sourcesGlob();
      if (glob) {
        candidates = await vscode.workspace.findFiles(glob, undefined, maxSources * 4);
      } else {
        const folder = vscode.Uri.joinPath(uri, '..');
        let listing: [string, vscode.FileType][] = [];
        try {
          listing = await vscode.workspace.fs.readDirectory(folder);
        } catch {
          listing = [];
        }
        candidates = listing.filter(([name, type]) => type === vscode.FileType.File && TEXT_EXTENSION.test(name)).map(([name]) => vscode.Uri.joinPath(folder, name));
      }
      // The requested file joins even when the listing misses it (e.g. outside the glob).
      if (!candidates.some(c => c.toString() === uri.toString()) && (await this.isReadable(uri))) candidates.push(uri);
    }
    candidates.sort((a, b) => (a.toString() < b.toString() ? -1 : a.toString() > b.toString() ? 1 : 0));

    const notices: string[] = [];
    if (candidates.length > maxSources) {
      notices.push(`${candidates.length} sources found; the first ${maxSources} are compared (setting synoptic.maxSources)`);
      const self = candidates.find(c => c.toString() === uri.toString())!;
      candidates = [self, ...candidates.filter(c => c !== self).slice(0, maxSources - 1)];
    }
    const open = new Map(vscode.workspace.textDocuments.map(d => [d.uri.toString(), d]));
    const uris: vscode.Uri[] = [];
    const inputs: SourceInput[] = [];
    let skippedLarge = 0;
    let skippedBinary = 0;
    for (const candidate of candidates) {
      const document = open.get(candidate.toString());
      let text: string | undefined;
      if (document) {
        text = document.getText();
        if (text.length > maxBytes && candidate.toString() !== uri.toString()) {
          skippedLarge++;
          continue;
        }
      } else {
        try {
          const stat = await vscode.workspace.fs.stat(candidate);
          if (stat.size > maxBytes) {
            skippedLarge++;
            continue;
          }
          const bytes = await vscode.workspace.fs.readFile(candidate);
          if (bytes.subarray(0, 8192).includes(0)) {
            skippedBinary++;
            continue;
          }
          text = this.decoder.decode(bytes);
        } catch {
          continue; // deleted or unreadable since it was listed
        }
      }
      uris.push(candidate);
      inputs.push({ id: candidate.toString(), text });
    }
    if (skippedLarge) notices.push(`${skippedLarge} file${skippedLarge === 1 ? '' : 's'} over ${maxBytes / 1024} KB left out (setting synoptic.maxFileSizeKB)`);
    if (skippedBinary) notices.push(`${skippedBinary} binary file${skippedBinary === 1 ? '' : 's'} left out`);
    return { uris, inputs, notice: notices.length ? notices.join('; ') : undefined };
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A short display name for a source: its file name. */
export function sourceName(uri: vscode.Uri): string {
  const parts = uri.path.split('/');
  return decodeURIComponent(parts[parts.length - 1] || uri.toString());
}

/** The index of the sentence containing `offset`, or -1 (binary search over sentence starts). */
export function sentenceAt(sentences: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end < offset) lo = mid + 1;
    else if (sentences[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}
