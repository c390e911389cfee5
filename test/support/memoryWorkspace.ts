/**
 * A workspace held in memory, for testing what is built on `SourceWorkspace` outside VS Code:
 * files with their bytes, documents open in an editor, and the changes a watcher would report.
 */
import { minimatch } from 'minimatch';
import { URI, Utils } from 'vscode-uri';
import type { FileStamp, OpenDocument, SourceWorkspace, Subscription, WorkspaceChange } from '../../src/sourceWorkspace';

export class MemoryWorkspace implements SourceWorkspace {
  private readonly files = new Map<string, { uri: URI; bytes: Uint8Array; mtime: number }>();
  /** The modification time of the next write: each write is a millisecond after the one before. */
  private clock = 1_700_000_000_000;
  private readonly documents = new Map<string, OpenDocument>();
  private readonly listeners = new Set<(change: WorkspaceChange) => void>();
  /** How often each kind of call was made, so tests can see what was read. */
  readonly calls = { listFolder: 0, findFiles: 0, stat: 0, readFile: 0 };
  /** Where set, how many milliseconds a stat or a read of `uri` takes, as a round trip to a file system does. */
  delayOf: ((uri: URI) => number) | undefined;
  /** Stats and reads under way, and the most that were under way at once. */
  private pending = 0;
  mostPending = 0;

  /** `root` is the workspace folder; paths given to the helpers are relative to it. */
  constructor(readonly root: URI = URI.file('/workspace')) {}

  uri(relativePath: string): URI {
    return Utils.joinPath(this.root, relativePath);
  }

  /** Writes a file (text as UTF-8) and reports it created or changed. */
  writeFile(relativePath: string, content: string | Uint8Array): URI {
    const uri = this.uri(relativePath);
    const existed = this.files.has(uri.toString());
    this.files.set(uri.toString(), {
      uri,
      bytes: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
      mtime: ++this.clock,
    });
    this.emit({ kind: existed ? 'fileChanged' : 'fileCreated', uri });
    return uri;
  }

  deleteFile(relativePath: string): void {
    const uri = this.uri(relativePath);
    if (this.files.delete(uri.toString())) this.emit({ kind: 'fileDeleted', uri });
  }

  openDocument(uri: URI): OpenDocument | undefined {
    return this.documents.get(uri.toString());
  }

  /** Opens a document in the "editor" with `text`, or edits the one open at `uri`. */
  showDocument(uri: URI, text: string, isDirty: boolean): void {
    const wasOpen = this.documents.has(uri.toString());
    this.documents.set(uri.toString(), { text, isDirty });
    if (wasOpen) this.emit({ kind: 'documentEdited', uri });
  }

  closeDocument(uri: URI): void {
    if (this.documents.delete(uri.toString())) this.emit({ kind: 'documentClosed', uri });
  }

  async listFolder(folder: URI): Promise<readonly URI[]> {
    this.calls.listFolder++;
    const prefix = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
    return [...this.files.values()]
      .filter(f => f.uri.scheme === folder.scheme && f.uri.path.startsWith(prefix) && !f.uri.path.slice(prefix.length).includes('/'))
      .map(f => f.uri);
  }

  async findFiles(glob: string, limit: number): Promise<readonly URI[]> {
    this.calls.findFiles++;
    const rootPrefix = `${this.root.path}/`;
    return [...this.files.values()]
      .filter(f => f.uri.path.startsWith(rootPrefix) && minimatch(f.uri.path.slice(rootPrefix.length), glob))
      .map(f => f.uri)
      .slice(0, limit);
  }

  async stat(uri: URI): Promise<FileStamp | undefined> {
    this.calls.stat++;
    await this.roundTrip(uri);
    const file = this.files.get(uri.toString());
    return file && { size: file.bytes.length, mtime: file.mtime };
  }

  async readFile(uri: URI): Promise<Uint8Array> {
    this.calls.readFile++;
    await this.roundTrip(uri);
    const file = this.files.get(uri.toString());
    if (!file) throw new Error(`${uri.toString()}: no such file`);
    return file.bytes;
  }

  /** The time a call about `uri` takes (`delayOf`), counted as under way meanwhile. */
  private async roundTrip(uri: URI): Promise<void> {
    if (!this.delayOf) return;
    this.mostPending = Math.max(this.mostPending, ++this.pending);
    await new Promise(resolve => setTimeout(resolve, this.delayOf!(uri)));
    this.pending--;
  }

  watch(listener: (change: WorkspaceChange) => void): Subscription {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private emit(change: WorkspaceChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
