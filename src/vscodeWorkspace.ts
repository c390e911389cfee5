/**
 * The editor's workspace as a `SourceWorkspace`: files through `vscode.workspace.fs` (so
 * virtual file systems work too), open documents from the editor, changes from a watcher on
 * `.txt` files (of any case) and from document events.
 */
import * as vscode from 'vscode';
import { URI } from 'vscode-uri';
import { TEXT_FILE, TEXT_FILE_GLOB } from './sourceDiscovery';
import type { FileStamp, SourceWorkspace, Subscription, WorkspaceChange } from './sourceWorkspace';

/** The same address as a `vscode-uri` URI. */
export function toURI(uri: vscode.Uri): URI {
  return URI.from({ scheme: uri.scheme, authority: uri.authority, path: uri.path, query: uri.query, fragment: uri.fragment });
}

/** Whether `uri` names a file or folder the workspace's file systems can read now. */
export async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The same address as a `vscode.Uri`. */
export function toVscodeUri(uri: URI): vscode.Uri {
  return vscode.Uri.from({ scheme: uri.scheme, authority: uri.authority, path: uri.path, query: uri.query, fragment: uri.fragment });
}

export class VscodeWorkspace implements SourceWorkspace {
  async listFolder(folder: URI): Promise<readonly URI[]> {
    const vsFolder = toVscodeUri(folder);
    let listing: [string, vscode.FileType][];
    try {
      listing = await vscode.workspace.fs.readDirectory(vsFolder);
    } catch {
      return [];
    }
    return listing.filter(([, type]) => type === vscode.FileType.File).map(([name]) => toURI(vscode.Uri.joinPath(vsFolder, name)));
  }

  async findFiles(glob: string, limit: number): Promise<readonly URI[]> {
    return (await vscode.workspace.findFiles(glob, undefined, limit)).map(toURI);
  }

  async stat(uri: URI): Promise<FileStamp | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(toVscodeUri(uri));
      return { size: stat.size, mtime: stat.mtime };
    } catch {
      return undefined;
    }
  }

  async readFile(uri: URI): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(toVscodeUri(uri));
  }

  openDocument(uri: URI): { text: string; isDirty: boolean } | undefined {
    const key = uri.toString();
    const document = vscode.workspace.textDocuments.find(d => d.uri.toString() === key);
    return document && { text: document.getText(), isDirty: document.isDirty };
  }

  watch(listener: (change: WorkspaceChange) => void): Subscription {
    const emit = (kind: WorkspaceChange['kind']) => (uri: vscode.Uri) => listener({ kind, uri: toURI(uri) });
    const watcher = vscode.workspace.createFileSystemWatcher(TEXT_FILE_GLOB);
    // A deleted folder is reported as itself, not as its files: deletions of anything are watched.
    const deletions = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    return vscode.Disposable.from(
      watcher,
      deletions,
      deletions.onDidDelete(uri => {
        if (!TEXT_FILE.test(uri.path)) emit('fileDeleted')(uri);
      }),
      watcher.onDidCreate(emit('fileCreated')),
      watcher.onDidChange(emit('fileChanged')),
      watcher.onDidDelete(emit('fileDeleted')),
      vscode.workspace.onDidChangeTextDocument(e => {
        if (e.contentChanges.length) emit('documentEdited')(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument(d => emit('documentClosed')(d.uri)),
    );
  }
}
