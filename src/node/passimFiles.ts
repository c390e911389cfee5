/**
 * Reading passim's output from disk: the part files of an output folder (`out.json/`) or one
 * file, line by line with a cap on a line's length, and the documents its records name, only
 * from under a chosen root folder. passim's output is data from elsewhere: an id may name any
 * path, so ids that are absolute outside the root, contain `..`, or lead out of the root
 * through a symbolic link are refused.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Longest record read; longer lines are skipped (and counted). */
export const MAX_RECORD_BYTES = 10 * 1024 * 1024;

/**
 * The files holding records at `path`: the file itself, or a folder's part files in name
 * order (hidden files, Spark's `_SUCCESS` and `.crc` checksums left out). Throws when `path`
 * cannot be read.
 */
export function passimOutputFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter(e => e.isFile() && !e.name.startsWith('.') && !e.name.startsWith('_') && !e.name.endsWith('.crc'))
    .map(e => e.name)
    .sort()
    .map(name => join(path, name));
}

/**
 * Calls `onLine` with every line of `file` (UTF-8, without its line break and without a byte
 * order mark at its start) and `onOversize` for every line longer than `maxBytes`, which is
 * skipped without being held in memory. A file compressed with gzip (as Spark writes part
 * files with a compression codec set, `part-00000.json.gz`), known by its first two bytes
 * whatever its name, is read through gunzip. Reads in chunks of 1 MB: memory stays
 * O(maxBytes) whatever the file's size. After each chunk `afterChunk` (when given) is awaited
 * with the bytes of the file read so far; when it returns false the reading stops there (a
 * cancelled import). Resolves to false when stopped so.
 */
export async function forEachLine(
  file: string,
  onLine: (line: string) => void,
  onOversize: () => void,
  options: { readonly maxBytes?: number; readonly afterChunk?: (bytesRead: number) => boolean | Promise<boolean> } = {},
): Promise<boolean> {
  const maxBytes = options.maxBytes ?? MAX_RECORD_BYTES;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let oversize = false;
  let first = true;
  const endLine = () => {
    if (oversize) onOversize();
    else {
      let line = Buffer.concat(pending, pendingBytes).toString('utf8').replace(/\r$/, '');
      if (first && line.startsWith('\ufeff')) line = line.slice(1);
      if (line.trim()) onLine(line);
    }
    first = false;
    pending = [];
    pendingBytes = 0;
    oversize = false;
  };
  const take = (part: Buffer) => {
    if (oversize || part.length === 0) return;
    if (pendingBytes + part.length > maxBytes) {
      oversize = true;
      pending = [];
      pendingBytes = 0;
      return;
    }
    pending.push(Buffer.from(part));
    pendingBytes += part.length;
  };
  for await (const { data, bytesRead } of chunksOf(file)) {
    let start = 0;
    for (let lf = data.indexOf(10, start); lf !== -1; lf = data.indexOf(10, start)) {
      take(data.subarray(start, lf));
      endLine();
      start = lf + 1;
    }
    take(data.subarray(start));
    if (options.afterChunk && !(await options.afterChunk(bytesRead))) return false;
  }
  if (pendingBytes > 0 || oversize) endLine();
  return true;
}

/** A gzip file whose data ends early or is damaged. */
export class CompressedFileError extends Error {}

/** Chunks of 1 MB at most, gzip being undone where the file starts with its magic bytes. */
async function* chunksOf(file: string): AsyncGenerator<{ readonly data: Buffer; readonly bytesRead: number }> {
  // Loaded here: only passim's import reads a file this way, and loading the modules cost the
  // start of every command-line run a few milliseconds.
  /* eslint-disable @typescript-eslint/no-require-imports -- lazy loads, see above */
  const { open } = require('node:fs/promises') as typeof import('node:fs/promises');
  const handle = await open(file, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    let bytesRead = 0;
    const { bytesRead: n } = await handle.read(chunk, 0, chunk.length, null);
    if (n >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b) {
      const { createGunzip } = require('node:zlib') as typeof import('node:zlib');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const gunzip = createGunzip({ chunkSize: 1 << 20 });
      const source = handle.createReadStream({ start: 0, autoClose: false, highWaterMark: 1 << 20 });
      source.pipe(gunzip);
      try {
        for await (const data of gunzip as AsyncIterable<Buffer>) yield { data, bytesRead: source.bytesRead };
      } catch (e) {
        throw new CompressedFileError(`${file}: a gzip file that cannot be read whole (${(e as Error).message})`);
      } finally {
        source.destroy();
      }
      return;
    }
    for (let got = n; got > 0;) {
      bytesRead += got;
      yield { data: chunk.subarray(0, got), bytesRead };
      ({ bytesRead: got } = await handle.read(chunk, 0, chunk.length, null));
    }
  } finally {
    await handle.close();
  }
}

/** Where a record's id leads: a file under the root, or why it was refused. */
export type ResolvedId = { readonly path: string } | { readonly refused: 'outside' | 'missing' };

/**
 * The file `id` names under `root`: relative ids are taken from the root; absolute ids and
 * ids that pass through a symbolic link must stay inside it; no id may contain a `..` segment.
 * O(path length) plus the file system's look-ups.
 */
export function resolveUnderRoot(root: string, id: string): ResolvedId {
  if (id === '' || id.includes('\0') || id.split(/[\\/]/).includes('..')) return { refused: 'outside' };
  const realRoot = realpathSync(root);
  const candidate = isAbsolute(id) ? resolve(id) : resolve(root, id);
  if (!inside(resolve(root), candidate) && !inside(realRoot, candidate)) return { refused: 'outside' };
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    return { refused: 'missing' };
  }
  return inside(realRoot, real) ? { path: real } : { refused: 'outside' };
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' ? false : !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
