/**
 * Which files are compared with a document, and their text: the other `.txt` files of its
 * folder, or the files of the `synoptic.sources` glob; at most `maxSources` of them, none
 * larger than `maxFileBytes`, no binary file and no report the CLI saved there (`isOwnOutput`);
 * the document itself always. Text of a document
 * open in an editor comes from the editor (unsaved edits count), other files are decoded by the
 * shared policy (`core/decode`). No `vscode` here: it works on any `SourceWorkspace`.
 */
import { URI, Utils } from 'vscode-uri';
import type { SourceInput } from './core';
import { decodeBytes } from './core/decode';
import { isOwnOutput } from './export/ownOutput';
import type { FileStamp, SourceWorkspace } from './sourceWorkspace';

/** The settings that decide which files are compared. */
export interface SourceLimits {
  /** Glob of the files compared with each other; empty: the `.txt` files of the document's folder. */
  readonly sourcesGlob: string;
  readonly maxSources: number;
  readonly maxFileBytes: number;
}

export const DEFAULT_LIMITS: SourceLimits = { sourcesGlob: '', maxSources: 250, maxFileBytes: 5120 * 1024 };

/** The sources of one analysis: `uris[i]` has the text `inputs[i].text`. */
export interface CollectedSources {
  readonly uris: readonly URI[];
  readonly inputs: readonly SourceInput[];
  /** Set when a limit left sources or files out (for the user). */
  readonly notice?: string;
}

export const TEXT_FILE = /\.txt$/i;

/**
 * The glob of the files `TEXT_FILE` matches. Globs are case-sensitive on Linux, so each letter
 * is a class: the search and the watcher then pass over nothing but text files, where a broader
 * glob filtered afterwards would list every file of a large workspace (and its result limit
 * could fill with files that are not text).
 */
export const TEXT_FILE_GLOB = '**/*.[tT][xX][tT]';

/**
 * The key of the corpus `uri` belongs to: its folder, the glob, or (for a document that is not
 * a file, such as an untitled one) the document alone.
 */
export function corpusKey(uri: URI, sourcesGlob: string): string {
  if (uri.scheme !== 'file') return `single:${uri.toString()}`;
  return sourcesGlob ? `glob:${sourcesGlob}` : `folder:${Utils.dirname(uri).toString()}`;
}

/** False for a file deleted from disk whose saved text may linger in an editor. */
export async function isReadable(workspace: SourceWorkspace, uri: URI): Promise<boolean> {
  const document = workspace.openDocument(uri);
  if (uri.scheme !== 'file') return document !== undefined || (await workspace.stat(uri)) !== undefined;
  return document?.isDirty === true || (await workspace.stat(uri)) !== undefined;
}

/**
 * The sources compared with `active` and their text, within `limits`, in the order of their
 * paths (the CLI's order of a folder's files); `active` is among them unless it is unreadable,
 * and first when `maxSources` cut the list. Cost: one listing, then a stat and a read per
 * candidate not open in an editor, `READS_AT_ONCE` of them at a time; with `kept`, no read of a
 * file whose stat is as it was when it was kept.
 */
export async function collectSources(
  workspace: SourceWorkspace,
  active: URI,
  limits: SourceLimits = DEFAULT_LIMITS,
  kept?: KeptTexts,
): Promise<CollectedSources> {
  const maxSources = Math.max(1, limits.maxSources);
  const notices: string[] = [];
  let candidates = await candidateFiles(workspace, active, limits.sourcesGlob, maxSources);
  if (candidates.length > maxSources) {
    notices.push(`${candidates.length} sources found; the first ${maxSources} are compared (setting synoptic.maxSources)`);
    const self = candidates.find(c => c.toString() === active.toString());
    const others = candidates.filter(c => c !== self);
    candidates = self ? [self, ...others.slice(0, maxSources - 1)] : others.slice(0, maxSources);
  }
  const uris: URI[] = [];
  const inputs: SourceInput[] = [];
  let skippedLarge = 0;
  let skippedBinary = 0;
  let skippedReports = 0;
  const read = await mapConcurrently(candidates, READS_AT_ONCE, candidate =>
    readSource(workspace, candidate, candidate.toString() === active.toString() ? Infinity : limits.maxFileBytes, kept),
  );
  if (kept) {
    // What is no longer a candidate (deleted, or past `maxSources` now) is not kept.
    const listed = new Set(candidates.map(c => c.toString()));
    for (const key of kept.keys()) if (!listed.has(key)) kept.delete(key);
  }
  candidates.forEach((candidate, i) => {
    const isActive = candidate.toString() === active.toString();
    const text = read[i];
    if (text === 'large') skippedLarge++;
    else if (text === 'binary') skippedBinary++;
    if (typeof text !== 'object') return;
    // A report saved beside the versions is no version: it would carry every shared statement.
    if (!isActive && isOwnOutput(text.text)) {
      skippedReports++;
      return;
    }
    uris.push(candidate);
    inputs.push({ id: sourceId(candidate), text: text.text });
  });
  if (skippedLarge)
    notices.push(
      `${skippedLarge} file${skippedLarge === 1 ? '' : 's'} over ${limits.maxFileBytes / 1024} KB left out (setting synoptic.maxFileSizeKB)`,
    );
  if (skippedBinary) notices.push(`${skippedBinary} binary file${skippedBinary === 1 ? '' : 's'} left out`);
  if (skippedReports) notices.push(`${skippedReports} Synoptic report${skippedReports === 1 ? '' : 's'} left out`);
  return { uris, inputs, notice: notices.length ? notices.join('; ') : undefined };
}

/**
 * What the analysis knows a source by: a file by its path as the file system spells it, as the
 * CLI knows it, not by its URI, which spells a space, `#` or a letter outside ASCII as `%XX`.
 * The analysis orders tied sources by this id (the anchor of a group, the origin of a story)
 * and names them by its last part: by the URI, `Zürich.txt` stood before `Zurich.txt`, where
 * the CLI puts it after, and an origin's reason named `a#1.txt` as `a%231.txt`.
 */
export function sourceId(uri: URI): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

/** Code-unit order of the decoded paths, as the CLI lists a folder; the URIs where the paths are equal. */
function byPath(a: URI, b: URI): number {
  const [x, y] = [a.path, b.path];
  if (x !== y) return x < y ? -1 : 1;
  const [u, v] = [a.toString(), b.toString()];
  return u < v ? -1 : u > v ? 1 : 0;
}

/**
 * How many files are read at once. Each stat and read is a round trip to the file system (in a
 * remote or browser-hosted editor, to another process): one at a time, a folder of 1,400 pages
 * took 12–13 s to read.
 */
const READS_AT_ONCE = 32;

/** `fn` of each item, at most `limit` pending at once; the results in the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Every file that may be compared with `active`, in the order of their paths (`byPath`), `active` among them when it is readable. */
async function candidateFiles(workspace: SourceWorkspace, active: URI, sourcesGlob: string, maxSources: number): Promise<URI[]> {
  if (active.scheme !== 'file') return [active];
  const listed = sourcesGlob
    ? await workspace.findFiles(sourcesGlob, maxSources * 4)
    : (await workspace.listFolder(Utils.dirname(active))).filter(uri => TEXT_FILE.test(uri.path));
  const candidates = [...listed];
  // The active file joins even when the listing misses it (e.g. outside the glob).
  if (!candidates.some(c => c.toString() === active.toString()) && (await isReadable(workspace, active))) candidates.push(active);
  return candidates.sort(byPath);
}

/**
 * The decoded text of files read before, by URI string, with the size and modification time
 * they had then: a file whose stat still shows both is not read again. A caller keeps one per
 * corpus between its collections (`collectSources` drops the files no longer listed or no
 * longer read, and the caller a file the watcher reports changed: a file system whose times
 * are coarse may show a rewrite of the same length with the time it had).
 */
export type KeptTexts = Map<string, { readonly stamp: FileStamp; readonly text: string }>;

/** The text of one source, or why it is left out; undefined when it is gone or unreadable. */
async function readSource(
  workspace: SourceWorkspace,
  uri: URI,
  maxBytes: number,
  kept: KeptTexts | undefined,
): Promise<{ text: string } | 'large' | 'binary' | undefined> {
  const document = workspace.openDocument(uri);
  if (document) return document.text.length > maxBytes ? 'large' : { text: document.text };
  const key = uri.toString();
  try {
    const stat = await workspace.stat(uri);
    if (!stat || stat.size > maxBytes) {
      kept?.delete(key);
      return stat && 'large';
    }
    const known = kept?.get(key);
    if (known && known.stamp.size === stat.size && known.stamp.mtime === stat.mtime) return { text: known.text };
    const decoded = decodeBytes(await workspace.readFile(uri));
    if (decoded.kind === 'binary') {
      kept?.delete(key);
      return 'binary';
    }
    kept?.set(key, { stamp: stat, text: decoded.text });
    return { text: decoded.text };
  } catch {
    kept?.delete(key);
    return undefined; // deleted or unreadable since it was listed
  }
}
