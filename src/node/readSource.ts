/**
 * Reading version files from disk for the command-line tool: the shared decoding policy
 * (`core/decode`), and a message a person can act on for what is not a readable text file.
 */
import { Stats, closeSync, constants, fstatSync, openSync, readFileSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TextEncodingName, decodeBytes } from '../core/decode';
import { compareCodeUnits } from '../core/text';
import { isOwnOutput } from '../export/ownOutput';
import { counted } from '../plural';

/** A file that cannot be read as a text version; `message` is one line for the user. */
export class InputError extends Error {}

/** Largest file the tool reads: beyond it, a text dump is not a news page. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The files a folder stands for. */
const TEXT_FILE = /\.txt$/i;

/** A file to read: its path, and whether a folder named on the command line added it (rather than the command line itself). */
export interface SourceFile {
  readonly path: string;
  readonly inFolder: boolean;
  /** A pipe named on the command line (`<(cat v.txt)`'s `/dev/fd/63`, a named pipe): read as `cat` reads it. */
  readonly pipe?: true;
}

/**
 * The files named by `args`, in order: a folder stands for the `.txt` files under it at any
 * depth (the extension in any case), in the order of their paths below it (code units), less
 * those that `args` names as files itself or another folder adds first (by device and inode,
 * so a symbolic or hard link to a file counts as that file); a file named twice, under any spelling of its path,
 * stands where it is first named. Hidden files and folders (a name starting with a dot)
 * and folders reached through a symbolic link are left out, so a corpus's `.git` or a link
 * back up adds nothing; a linked file is read where it points, and a link that points nowhere
 * is left out. So is a file or folder whose name has bytes that are not UTF-8 (a path here is a
 * string, which cannot name it), with a line for the user in `notes`. `-` is the file standard
 * input is redirected from, where it is one (`- < v.txt` and `v.txt` are read once), or the pipe
 * it reads (`-` and `/dev/stdin` are read once). Anything else stands for itself (`readTextFile`
 * reports what is wrong with it). Throws `InputError` for a folder without such a file.
 * O(entries under the folders).
 */
export function sourceFiles(args: readonly string[], notes: string[] = []): SourceFile[] {
  const stats = args.map(arg => (arg === '-' ? undefined : statOf(arg)));
  const folders = stats.map(stat => stat?.isDirectory() === true);
  // Files named themselves, then each file a folder adds: none is read twice that way, nor
  // through a link to it or another spelling of its path.
  // Standard input redirected from a file (`- < v.txt`) is that file.
  const keys = args.map((arg, i) => (folders[i] ? undefined : arg === '-' ? standardInputKey() : fileKey(arg)));
  const taken = new Set(keys.filter(key => key !== undefined));
  const named = new Set<string>();
  const out: SourceFile[] = [];
  args.forEach((arg, i) => {
    if (!folders[i]) {
      // Standard input that is neither a file nor a pipe (a terminal) is told by no key:
      // naming it twice is refused where it is read.
      const key = keys[i]!;
      if (key !== STANDARD_INPUT && named.has(key)) return;
      named.add(key);
      out.push(stats[i]?.isFIFO() ? { path: arg, inFolder: false, pipe: true } : { path: arg, inFolder: false });
      return;
    }
    const noted = notes.length;
    const hidden: string[] = [];
    const found = textFilesUnder(arg, notes, hidden);
    if (!found.length) {
      if (notes.length > noted) throw new InputError(`${arg}: no .txt file to read; ${notes.pop()}`);
      throw new InputError(
        hidden.length
          ? `${arg}: a folder without .txt files outside hidden files and folders, which are left out ` +
              `(a name starting with a dot: ${namedFew([...hidden].sort(compareCodeUnits))}); name one to read it`
          : `${arg}: a folder without .txt files`,
      );
    }
    for (const path of found) {
      const key = fileKey(path);
      if (taken.has(key)) continue;
      taken.add(key);
      out.push({ path, inFolder: true });
    }
  });
  return out;
}

/** Files read as versions, and a line for the user on each thing worth knowing about them. */
export interface ReadSources {
  readonly paths: readonly string[];
  readonly texts: readonly string[];
  /** One line each, for standard error: binary files, reports and files over 64 MB left out, files not in UTF-8. */
  readonly notes: readonly string[];
}

/** Files that are not UTF-8 named in full in the notes; past them, only how many more. */
const NAMED_NOT_UTF8 = 5;

/**
 * Reads `files` (`-` from standard input), or throws `InputError`. A binary file that a folder
 * added is left out and counted, as the editor leaves it out of a folder's versions (a binary
 * file named on the command line is refused: it was asked for); so is a file larger than
 * `MAX_FILE_BYTES`, named in a note. A file whose bytes are not all
 * UTF-8 is read with U+FFFD in their place, and named in a note, so that a file saved in
 * another encoding does not pass unnoticed. A report or stories listing of this tool's
 * (`isOwnOutput`) that a folder added is left out and named: saved beside the versions, it is
 * no version of theirs. The file `standardOutput` names (`synoptic analyze folder >
 * folder/report.txt`: the shell has emptied it before the run) is left out and named, told by
 * the identity each file's read already takes. Throws `InputError` when no file is left to read.
 * O(bytes).
 */
export function readSources(files: readonly SourceFile[], standardOutput?: FileIdentity): ReadSources {
  const paths: string[] = [];
  const texts: string[] = [];
  const notUtf8: string[] = [];
  const reports: string[] = [];
  const outputs: string[] = [];
  const large: string[] = [];
  let binary = 0;
  for (const { path, inFolder, pipe } of files) {
    let read: Buffer | undefined;
    try {
      read = path === '-' ? readStandardInputBytes() : pipe ? readPipe(path) : readFileBytes(path, standardOutput);
    } catch (e) {
      // A folder's log or data dump saved as .txt: no version, and no reason to stop the others.
      if (!(inFolder && e instanceof TooLargeError)) throw e;
      large.push(`left out ${e.message}`);
      continue;
    }
    if (!read) {
      outputs.push(`left out ${path}: standard output is written to it`);
      continue;
    }
    const decoded = decodeBytes(read);
    if (decoded.kind === 'binary') {
      if (!inFolder) throw binaryFile(path);
      binary++;
      continue;
    }
    if (inFolder && isOwnOutput(decoded.text)) {
      reports.push(path);
      continue;
    }
    const invalid = invalidSequences(decoded.text, read, decoded.encoding);
    const encoding = decoded.encoding === 'utf-8' ? 'UTF-8' : 'UTF-16';
    if (invalid)
      notUtf8.push(`${path}: ${invalid} ${invalid === 1 ? 'sequence' : 'sequences'} of bytes that are not ${encoding} read as U+FFFD`);
    paths.push(path);
    texts.push(decoded.text);
  }
  const notes = [...outputs, ...large, ...notUtf8.slice(0, NAMED_NOT_UTF8)];
  if (notUtf8.length > NAMED_NOT_UTF8) notes.push(`${notUtf8.length - NAMED_NOT_UTF8} more files with bytes that are not UTF-8 or UTF-16`);
  if (binary) notes.push(`${binary} binary ${binary === 1 ? 'file' : 'files'} left out`);
  if (reports.length) notes.push(reportsLeftOut(reports));
  if (!paths.length && outputs.length && !binary && !reports.length && !large.length)
    throw new InputError('no file to read: the only one given is where standard output goes');
  if (!paths.length) {
    const left = [
      binary ? `${binary} binary ${binary === 1 ? 'file' : 'files'}` : '',
      reports.length ? counted(reports.length, 'report') : '',
      large.length ? `${counted(large.length, 'file')} larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` : '',
    ];
    throw new InputError(`no text file to read (${left.filter(Boolean).join(' and ')} left out)`);
  }
  return { paths, texts, notes };
}

/** Files named in full in a note; past them, only how many more. */
const NAMED_FILES = 3;

/** The first `NAMED_FILES` of `paths`, and how many more. */
function namedFew(paths: readonly string[]): string {
  return paths.slice(0, NAMED_FILES).join(', ') + (paths.length > NAMED_FILES ? ` and ${paths.length - NAMED_FILES} more` : '');
}

/** "left out a/report.txt: a Synoptic report, not a version", the first `NAMED_FILES` named. */
function reportsLeftOut(reports: readonly string[]): string {
  return reports.length === 1
    ? `left out ${reports[0]}: a Synoptic report, not a version`
    : `left out ${reports.length} Synoptic reports, not versions: ${namedFew(reports)}`;
}

/**
 * How many invalid sequences the decoder read as U+FFFD in `text`, decoded from `bytes` in
 * `encoding`: its replacement characters less those the bytes spell themselves (EF BF BD in
 * UTF-8; FFFD in a pair of UTF-16 bytes from the first, a mark of byte order being one pair
 * too). In UTF-16 an invalid sequence is a surrogate without its other half or a last byte
 * without its pair. O(n), and only a search for U+FFFD in a text that has none.
 */
function invalidSequences(text: string, bytes: Uint8Array, encoding: TextEncodingName): number {
  let decoded = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) decoded++;
  if (!decoded) return 0;
  let spelled = 0;
  if (encoding === 'utf-8') {
    for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1))
      if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) spelled++;
  } else {
    const [high, low] = encoding === 'utf-16le' ? [1, 0] : [0, 1];
    for (let i = 0; i + 1 < bytes.length; i += 2) if (bytes[i + high] === 0xff && bytes[i + low] === 0xfd) spelled++;
  }
  return decoded - spelled;
}

/** The key of standard input that reads neither a regular file nor a pipe (`standardInputKey`): a terminal. */
const STANDARD_INPUT = '-';

/**
 * `fileKey` of the regular file standard input is redirected from, or of the pipe it reads
 * (`pipeKey`, as `/dev/stdin` names it too), or `STANDARD_INPUT` where it reads neither (a terminal).
 */
function standardInputKey(): string {
  try {
    const stat = fstatSync(0, { bigint: true });
    if (stat.isFile() && stat.ino !== 0n) return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;
    // A pipe is read once: `/dev/stdin` beside `-` names it again.
    if (stat.isFIFO() && stat.ino !== 0n) return pipeKey(stat);
  } catch {
    // No standard input to read: it is reported where it is read.
  }
  return STANDARD_INPUT;
}

/**
 * The first of `paths` that is the file `target` names, whatever the spelling of either path,
 * a link or a hard link; undefined where `target` names no existing file or none of them. `-`
 * is the file standard input is redirected from, if any (`< v.txt`). For refusing to write a
 * report over one of its inputs. O(paths).
 */
export function inputAt(target: string, paths: readonly string[]): string | undefined {
  const identity = (path: string) => {
    const stat = path === '-' ? standardInputStats() : statOf(path);
    return stat ? `${stat.dev}:${stat.ino}` : undefined;
  };
  const wanted = identity(target);
  return wanted === undefined ? undefined : paths.find(path => identity(path) === wanted);
}

/** Whether the file at `path` is a report or stories listing of this tool's (`isOwnOutput`); false where it cannot be read. O(bytes). */
export function isSavedOutput(path: string): boolean {
  try {
    const decoded = decodeBytes(readFileBytes(path));
    return decoded.kind === 'text' && isOwnOutput(decoded.text);
  } catch {
    return false;
  }
}

/** What tells a file apart whatever path names it. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

/** The regular file descriptor `fd` reads or writes, or undefined where it is none (a terminal, a pipe). O(1). */
function regularFileOf(fd: number): Stats | undefined {
  try {
    const stats = fstatSync(fd);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

/** What standard input reads, where it is redirected from a regular file; else undefined (a terminal, a pipe). */
function standardInputStats(): Stats | undefined {
  return regularFileOf(0);
}

/** The file standard output is written to, or undefined where it is no regular file (a terminal, a pipe). O(1). */
export function standardOutputFile(): FileIdentity | undefined {
  const output = regularFileOf(1);
  return output && { dev: output.dev, ino: output.ino };
}

/**
 * What tells one file from another: its device, inode, size and time of change, which every name
 * of it shares (a hard link, a symbolic link, another spelling of its path); where a file system
 * gives no inode number, its real path; where there is no file (a missing one, `-`), the path
 * resolved.
 */
function fileKey(path: string): string {
  try {
    const stat = statSync(path, { bigint: true });
    if (stat.isFIFO() && stat.ino !== 0n) return pipeKey(stat);
    // Size and time of change as well: every name of one file shares them, and a file system
    // that reuses inode numbers (some network and FUSE mounts) does not make two files one.
    if (stat.ino !== 0n) return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  } catch {
    // Missing or unreadable: told apart by its path, and reported where it is read.
  }
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

/**
 * The key of a pipe: its device and inode alone, as its size and time of change move while its
 * writer writes, and a pipe named twice (`-` and `/dev/stdin`, or one path given twice) is still
 * one, which a second read would find empty.
 */
function pipeKey(stat: { readonly dev: bigint; readonly ino: bigint }): string {
  return `pipe:${stat.dev}:${stat.ino}`;
}

/** What `path` leads to (a link followed), or undefined where it leads nowhere readable. */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The `.txt` files under `folder` (see `sourceFiles`), as `folder` joined with their path below
 * it. The hidden `.txt` files and hidden folders passed over are added to `hidden` (their
 * paths, a hidden folder's contents unread).
 */
function textFilesUnder(folder: string, notes: string[], hidden: string[] = []): string[] {
  const below: string[][] = [];
  const misnamed: string[] = [];
  const visit = (parts: string[]) => {
    const dir = join(folder, ...parts);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      throw unreadable(dir, e);
    }
    for (const entry of entries) {
      const name = entry.name.toString('utf8');
      const path = [...parts, name];
      if (name.startsWith('.')) {
        if (entry.isDirectory() || (TEXT_FILE.test(name) && !entry.isFIFO() && !entry.isSocket())) hidden.push(join(folder, ...path));
        continue;
      }
      const fits = Buffer.from(name, 'utf8').equals(entry.name);
      if (entry.isDirectory()) {
        // A path is a string here: a name whose bytes are not UTF-8 names nothing once decoded.
        if (fits) visit(path);
        else misnamed.push(join(folder, ...path));
      } else if (TEXT_FILE.test(name) && (entry.isFile() || entry.isSymbolicLink())) {
        if (!fits) misnamed.push(join(folder, ...path));
        else if (entry.isFile() || statOf(join(dir, name))?.isFile() === true) below.push(path);
      }
    }
  };
  visit([]);
  if (misnamed.length)
    notes.push(
      `left out ${misnamed.length === 1 ? misnamed[0] : `${misnamed.length} files and folders, such as ${misnamed[0]}`}: ` +
        'a name with bytes that are not UTF-8 (rename it to read it)',
    );
  // Code-unit order of the paths, whatever the file system's: a folder lists the same everywhere.
  const keyed = below.map(parts => ({ key: parts.join('/'), path: join(folder, ...parts) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(k => k.path);
}

/**
 * Reads and decodes one file, or throws `InputError`. The file is opened once and read in one
 * call into a buffer of the size its descriptor reports: four system calls, where a `stat`
 * before `readFileSync` took six (a second read finds the end), and on a system where a call
 * costs tens of microseconds a corpus of ten thousand pages waited a third of a second on
 * them. Opened without blocking, so a named pipe is refused, not waited on (a file that
 * passim's records name may be anything).
 */
export function readTextFile(path: string): string {
  return decodeText(readFileBytes(path), path);
}

/** The bytes of the file at `path` (see `readTextFile`), or undefined where it is the file `skip` names; throws `InputError`. */
function readFileBytes(path: string): Buffer;
function readFileBytes(path: string, skip: FileIdentity | undefined): Buffer | undefined;
function readFileBytes(path: string, skip?: FileIdentity): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new InputError(`${path}: is a directory, not a text file`);
    // The system hands a name's bytes that are not UTF-8 over as U+FFFD: no file has that name.
    if (code === 'ENOENT')
      throw new InputError(
        `${path}: no such file${path.includes('\uFFFD') ? ' (if its name has bytes that are not UTF-8, rename it)' : ''}`,
      );
    throw unreadable(path, e);
  }
  try {
    return readOpenFile(fd, path, skip);
  } finally {
    closeSync(fd);
  }
}

/** The bytes of the regular file open as `fd`, as many as its size says, or throws `InputError`. */
function readOpenFile(fd: number, path: string, skip?: FileIdentity): Buffer | undefined {
  let size: number;
  try {
    const stat = fstatSync(fd);
    if (skip && stat.dev === skip.dev && stat.ino === skip.ino) return undefined;
    if (stat.isDirectory()) throw new InputError(`${path}: is a directory, not a text file`);
    if (!stat.isFile())
      throw new InputError(`${path}: is not a regular file${stat.isFIFO() ? ' (give - to read a pipe from standard input)' : ''}`);
    size = stat.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw unreadable(path, e);
  }
  if (size > MAX_FILE_BYTES) throw tooLarge(path);
  // A file system that gives no size (0) for a file with text in it is read to its end.
  if (size === 0) return readToEnd(fd, path);
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  try {
    while (filled < size) {
      const read = readSync(fd, bytes, filled, size - filled, filled);
      if (read === 0) break;
      filled += read;
    }
  } catch (e) {
    throw unreadable(path, e);
  }
  // A file cut short while it was read is read as far as it went.
  return filled < size ? bytes.subarray(0, filled) : bytes;
}

/** The bytes of the file open as `fd`, read until its end, or throws `InputError`. */
function readToEnd(fd: number, path: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(fd);
  } catch (e) {
    throw unreadable(path, e);
  }
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge(path);
  return bytes;
}

function unreadable(path: string, e: unknown): InputError {
  return new InputError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
}

function binaryFile(path: string): InputError {
  return new InputError(`${path}: looks like a binary file, not text`);
}

/** A file past `MAX_FILE_BYTES`: refused where it was named, left out where a folder added it. */
class TooLargeError extends InputError {}

function tooLarge(path: string): InputError {
  return new TooLargeError(`${path}: larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
}

/**
 * The bytes of the pipe at `path` (`<(cat v.txt)`'s `/dev/fd/63`, a named pipe), or throws
 * `InputError`. Opened to block, as `cat` opens it: the open waits for a writer (a pipe a shell
 * hands over has one, or what a writer that has finished left in it), each read for what the
 * writer writes, until it closes the pipe. Opened first without blocking, as any other file
 * is, a named pipe could take a writer's text and close before the open that reads it.
 */
function readPipe(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY);
  } catch (e) {
    throw unreadable(path, e);
  }
  try {
    return readToClose(fd, `${path}:`);
  } finally {
    closeSync(fd);
  }
}

/** The bytes of standard input (`-`), or throws `InputError` (see `readToClose`). */
function readStandardInputBytes(): Buffer {
  return readToClose(0, '-: standard input');
}

/** A short wait, for a pipe with nothing to read yet where it will not block. */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * The bytes of the pipe open as `fd`, or throws `InputError` with a message that starts with
 * `name` (`v.txt:`). Read in
 * chunks and given up past `MAX_FILE_BYTES`, as a file that large is refused before it is read:
 * a pipe has no size to look at first, and what it brings (a whole archive, a device) need not
 * end soon. A pipe that does not block (one whose open file another open made so) is waited
 * on a few milliseconds at a time. O(bytes read).
 */
function readToClose(fd: number, name: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(1 << 20);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Windows reports the end of a pipe as an error.
      if (code === 'EOF') break;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 5);
        continue;
      }
      throw new InputError(`${name} cannot be read (${code ?? 'error'})`);
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_FILE_BYTES) throw new InputError(`${name} larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    // A copy: a pipe gives a read as little as 64 KiB, and the buffer is used again.
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks, total);
}

/** Decodes bytes as text by the shared policy (`core/decode`); throws `InputError` for binary content. */
export function decodeText(bytes: Uint8Array, name: string): string {
  const decoded = decodeBytes(bytes);
  if (decoded.kind === 'binary') throw binaryFile(name);
  return decoded.text;
}
