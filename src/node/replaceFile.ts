/**
 * Replacing a file so that a write that fails half-way (a full disk, a quota, a size limit)
 * leaves the file as it was, not empty or cut short.
 */
import {
  Stats,
  accessSync,
  chmodSync,
  closeSync,
  constants,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file at `target` through `write`, which is handed an open descriptor and writes
 * everything to it. The bytes go to a new file beside the one `target` leads to (through any
 * symbolic links), which then takes its name, with the old file's permissions: a reader sees
 * the old file or the whole new one, never a part. Written in place instead, as a plain open
 * and write would, where a new file could not stand for the old one: a target that is not a
 * regular file (a device such as /dev/stdout, a pipe), a link that leads nowhere (the file is
 * made where it points), a file with other hard links (they would keep the old text), a file
 * this process may not write or does not own with its group (a new file would override its
 * protection or change its owner), and a folder that takes no new file or no rename over the
 * file. Throws what the write throws, after removing the new file. A process killed while it
 * writes leaves the new file (named `.NAME.PID.partial`) beside the old one: the CLI holds the
 * signals that ask it to stop until the write is done (`terminationHeld.ts`), so only a kill
 * that cannot be held (SIGKILL, a power cut) does.
 */
export function replaceFile(target: string, write: (fd: number) => void): void {
  const found = regularFileAt(target);
  if (found === 'elsewhere') return writeInPlace(target, write);
  const real = found?.path ?? target;
  const mode = found?.mode;
  const beside = join(dirname(real), `.${basename(real)}.${process.pid}.partial`);
  let fd: number;
  try {
    fd = openSync(beside, 'wx', mode ?? 0o666);
  } catch (e) {
    // A folder this process may not add to: the file itself may still be written. A full disk
    // or a read-only file system would fail the same way in place, after emptying the file.
    if (IN_PLACE_WHEN_NO_NEW_FILE.has((e as NodeJS.ErrnoException).code ?? '')) return writeInPlace(target, write);
    throw e;
  }
  try {
    try {
      write(fd);
    } finally {
      closeSync(fd);
    }
    // The process's umask narrowed the mode `openSync` was given; the old file's mode stands.
    if (mode !== undefined) chmodSync(beside, mode);
  } catch (e) {
    rmSync(beside, { force: true });
    throw e;
  }
  try {
    renameSync(beside, real);
  } catch (e) {
    rmSync(beside, { force: true });
    // Another user's file in a folder that allows only its owner to replace it, a file mounted
    // on its own: nothing was changed yet, and the file takes the text in place.
    if (IN_PLACE_WHEN_NO_RENAME.has((e as NodeJS.ErrnoException).code ?? '')) return writeInPlace(target, write);
    throw e;
  }
}

/**
 * Whether `replaceFile(target, …)` starts by writing a new file beside the one `target` leads
 * to (a regular file, or none yet), rather than writing a device, a pipe or another special
 * file in place, which may block (a pipe without a reader) and leaves nothing behind. O(1).
 */
export function writesBeside(target: string): boolean {
  return regularFileAt(target) !== 'elsewhere';
}

const IN_PLACE_WHEN_NO_NEW_FILE = new Set(['EACCES', 'EPERM', 'ENAMETOOLONG', 'EEXIST']);
const IN_PLACE_WHEN_NO_RENAME = new Set(['EACCES', 'EPERM', 'EBUSY', 'EXDEV']);

/**
 * The regular file `target` leads to, with its permissions; 'elsewhere' where it must be
 * written in place (see `replaceFile`); undefined where nothing is there yet.
 */
function regularFileAt(target: string): { path: string; mode: number } | 'elsewhere' | undefined {
  let path: string;
  try {
    path = realpathSync(target);
  } catch {
    // Nothing there yet, or a link that leads nowhere: written in place, the link keeps its place.
    return isLink(target) ? 'elsewhere' : undefined;
  }
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch {
    // A name the system resolves to no file (a pipe's "/proc/self/fd/1" leads to "pipe:[N]"):
    // written in place, through the name given.
    return 'elsewhere';
  }
  if (!stats.isFile() || stats.nlink !== 1) return 'elsewhere';
  if (typeof process.getuid === 'function' && (stats.uid !== process.getuid() || stats.gid !== process.getgid?.())) return 'elsewhere';
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return 'elsewhere';
  }
  return { path, mode: stats.mode & 0o7777 };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function writeInPlace(target: string, write: (fd: number) => void): void {
  const fd = openSync(target, 'w');
  try {
    write(fd);
  } finally {
    closeSync(fd);
  }
}
