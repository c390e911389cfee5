/**
 * Importing passim's output, as the command line and the editor both do it: the records of
 * an output folder (or one file) read line by line, each document its records name resolved
 * under a root folder and read once, and every record that cannot be used counted by why.
 * The analysis of the documents is the caller's (the command line analyses in process, the
 * editor in its worker), and `passimStories` turns the records into stories over it.
 */
import { compareCodeUnits, CorpusAnalysis } from '../core';
import { BrokenRecord, ClusterStory, UnclusteredRecord, PassimRecord, parsePassimRecord, passimStories } from '../export/passimImport';
import { CompressedFileError, forEachLine, passimOutputFiles, resolveUnderRoot } from './passimFiles';
import { InputError, readTextFile } from './readSource';

/** Records left out of an import, by why. */
export interface SkippedRecords {
  /** Naming a file that does not exist under the root. */
  missing: number;
  /** Naming a file outside the root (absolute elsewhere, with `..`, or through a link leading out). */
  outside: number;
  /** Naming a file that is not text (binary, a folder, too large). */
  unreadable: number;
  /** Lines over the record cap (10 MB). */
  oversize: number;
  /** Documents without a cluster (lines of passim's input, not its output). */
  unclustered: number;
  /** Lines that are not JSON, or JSON without an id or passage bounds. */
  broken: number;
}

/** The usable records of an output and the documents they name. */
export interface PassimRecords {
  /** Records naming a readable document under the root, in the order read. */
  readonly records: readonly PassimRecord[];
  /** The documents the records name (their ids), sorted, with their paths on disk and texts. */
  readonly ids: readonly string[];
  readonly paths: readonly string[];
  readonly texts: readonly string[];
  readonly skipped: Readonly<SkippedRecords>;
  /** The output's part files read. */
  readonly files: number;
  /** Their paths: the one file, or the part files of the folder. */
  readonly partFiles: readonly string[];
}

/** How far reading has come, for a progress report. */
export interface ReadProgress {
  readonly file: number;
  readonly files: number;
  readonly records: number;
}

export interface ReadPassimOptions {
  /** Called after each chunk of 1 MB and each file; returning false cancels (the read resolves to undefined). */
  readonly onProgress?: (progress: ReadProgress) => boolean | Promise<boolean>;
}

/**
 * Reads passim's output at `path` (a folder of part files or one file) and the documents its
 * records name under `root`. Throws `InputError` when `path` or `root` cannot be read; every
 * other problem is a skipped record. Resolves to undefined when `onProgress` cancelled.
 * O(output bytes + documents' bytes); memory O(records + documents + 10 MB).
 */
export async function readPassimRecords(path: string, root: string, options: ReadPassimOptions = {}): Promise<PassimRecords | undefined> {
  let files: string[];
  try {
    files = passimOutputFiles(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${path}: no such file or folder` : `${path}: cannot be read (${code ?? 'error'})`);
  }
  try {
    resolveUnderRoot(root, '.');
  } catch {
    throw new InputError(`${root}: the root folder cannot be read`);
  }
  const skipped: SkippedRecords = { missing: 0, outside: 0, unreadable: 0, oversize: 0, unclustered: 0, broken: 0 };
  const records: PassimRecord[] = [];
  const report = (file: number) => options.onProgress?.({ file, files: files.length, records: records.length }) ?? true;
  for (let f = 0; f < files.length; f++) {
    if (!(await report(f))) return undefined;
    const finished = await forEachLineOf(
      files[f],
      line => {
        try {
          records.push(parsePassimRecord(line));
        } catch (e) {
          if (e instanceof UnclusteredRecord) skipped.unclustered++;
          else if (e instanceof BrokenRecord) skipped.broken++;
          else throw e;
        }
      },
      () => skipped.oversize++,
      { afterChunk: () => report(f) },
    );
    if (!finished) return undefined;
  }
  if (!(await report(files.length))) return undefined;
  // Each document once: where it lies, and its text. Ids that spell one file differently
  // ("a.txt", "./a.txt", its absolute path) name one document, under the shortest of them (the
  // first in code-unit order of those as short), as every other command reads a file once
  // however it is named.
  const textOfId = new Map<string, { path: string; text: string } | 'missing' | 'outside' | 'unreadable'>();
  const idOfPath = new Map<string, string>();
  const sameAs = new Map<string, string>();
  for (const id of [...new Set(records.map(r => r.id))].sort((a, b) => a.length - b.length || compareCodeUnits(a, b))) {
    const resolved = resolveUnderRoot(root, id);
    if ('refused' in resolved) {
      textOfId.set(id, resolved.refused);
      continue;
    }
    const first = idOfPath.get(resolved.path);
    if (first !== undefined) {
      sameAs.set(id, first);
      textOfId.set(id, textOfId.get(first)!);
      continue;
    }
    idOfPath.set(resolved.path, id);
    try {
      textOfId.set(id, { path: resolved.path, text: readTextFile(resolved.path) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      textOfId.set(id, 'unreadable');
    }
  }
  const usable = records.flatMap(r => {
    const found = textOfId.get(r.id)!;
    if (typeof found === 'string') {
      skipped[found]++;
      return [];
    }
    const id = sameAs.get(r.id);
    return [id === undefined ? r : { ...r, id }];
  });
  const ids = [...new Set(usable.map(r => r.id))].sort();
  const documents = ids.map(id => textOfId.get(id) as { path: string; text: string });
  return {
    records: usable,
    ids,
    paths: documents.map(d => d.path),
    texts: documents.map(d => d.text),
    skipped,
    files: files.length,
    partFiles: files,
  };
}

/** The clusters of `read` as stories over `analysis`, the analysis of `read.texts` in the order of `read.ids`. */
export function clusterStories(read: PassimRecords, analysis: CorpusAnalysis): ClusterStory[] {
  const indexOf = new Map(read.ids.map((id, i) => [id, i]));
  return passimStories(read.records, analysis, read.texts, id => indexOf.get(id)!);
}

/** Number of records skipped in all. */
export function skippedCount(skipped: Readonly<SkippedRecords>): number {
  return skipped.missing + skipped.outside + skipped.unreadable + skipped.oversize + skipped.unclustered + skipped.broken;
}

/**
 * What was skipped, in one clause ("skipped 5 records: 1 naming a missing file, 2 naming a
 * file outside the root, 1 over 10 MB, 1 broken"), or undefined when nothing was. `rootName`
 * says what the root is called where the message is shown.
 */
export function skippedSummary(skipped: Readonly<SkippedRecords>, rootName = 'the root'): string | undefined {
  const parts: [number, string][] = [
    [skipped.missing, 'naming a missing file'],
    [skipped.outside, `naming a file outside ${rootName}`],
    [skipped.unreadable, 'naming a file that is not text'],
    [skipped.oversize, 'over 10 MB'],
    [skipped.unclustered, "without a cluster (passim's input, not its output?)"],
    [skipped.broken, 'broken'],
  ];
  const given = parts.filter(([n]) => n > 0);
  if (!given.length) return undefined;
  const total = skippedCount(skipped);
  return `skipped ${total} record${total === 1 ? '' : 's'}: ${given.map(([n, what]) => `${n} ${what}`).join(', ')}`;
}

/** `forEachLine`, a damaged gzip file an `InputError` that names it. */
async function forEachLineOf(...args: Parameters<typeof forEachLine>): Promise<boolean> {
  try {
    return await forEachLine(...args);
  } catch (e) {
    if (e instanceof CompressedFileError) throw new InputError(e.message);
    throw e;
  }
}
