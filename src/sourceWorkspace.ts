/**
 * What Synoptic needs of the workspace to find and read the sources of a document: list a
 * folder or a glob, stat and read a file, the text of a document open in an editor, and
 * changes to all of these. No `vscode` here: the editor implements it in `vscodeWorkspace.ts`,
 * the tests with an in-memory workspace, so the rules built on it run in plain mocha.
 */
import type { URI } from 'vscode-uri';

/** A document open in an editor. */
export interface OpenDocument {
  /** Its current text, unsaved edits included. */
  readonly text: string;
  /** True when the text differs from the file on disk. */
  readonly isDirty: boolean;
}

/** Something that changed: a file on disk, or a document in an editor. */
export interface WorkspaceChange {
  readonly kind: 'fileCreated' | 'fileChanged' | 'fileDeleted' | 'documentEdited' | 'documentClosed';
  readonly uri: URI;
}

/** What tells one state of a file from another without reading it: its size and modification time. */
export interface FileStamp {
  readonly size: number;
  /** Milliseconds since the epoch. */
  readonly mtime: number;
}

export interface Subscription {
  dispose(): void;
}

export interface SourceWorkspace {
  /** The files directly in `folder` (subfolders and their files are not listed); empty when it cannot be read. */
  listFolder(folder: URI): Promise<readonly URI[]>;
  /** The workspace's files matching `glob` (relative to the workspace folders), at most `limit`. */
  findFiles(glob: string, limit: number): Promise<readonly URI[]>;
  /** The size in bytes of a file and when it was last modified (ms), or undefined when there is none at `uri`. */
  stat(uri: URI): Promise<FileStamp | undefined>;
  /** The bytes of a file; rejects when it cannot be read. */
  readFile(uri: URI): Promise<Uint8Array>;
  /** The document open in an editor at `uri`, if any. */
  openDocument(uri: URI): OpenDocument | undefined;
  /** Calls `listener` for every change of a text file on disk and of every open document. */
  watch(listener: (change: WorkspaceChange) => void): Subscription;
}
