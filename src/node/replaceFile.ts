/**
 * Replacing a file so that a write that fails half-way (a full disk, a quota, a size limit)
 * leaves the file as it was, not empty or cut short.
 */
import { chmodSync, closeSync, openSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file at `target` through `write`, which is handed an open descriptor and writes
 * everything to it. The bytes go to a new file beside the one `target` leads to (through any
 * symbolic links), which then takes its name, with the old file's permissions: a reader sees
 * the old file or the whole new one, never a part. Written in place instead, as a plain open
 * and write would: a target that is not a regular file (a device such as /dev/stdout, a
 * pipe), a file with other hard links (they would keep the old text), and a folder that takes
 * no new file. Throws what the write throws, after removing the new file.
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
  } catch {
    return writeInPlace(target, write);
  }
  try {
    try {
      write(fd);
    } finally {
      closeSync(fd);
    }
    // The process's umask narrowed the mode `openSync` was given; the old file's mode stands.
    if (mode !== undefined) chmodSync(beside, mode);
    renameSync(beside, real);
  } catch (e) {
    rmSync(beside, { force: true });
    throw e;
  }
}

/**
 * The regular file `target` leads to, with its permissions; 'elsewhere' where it leads to
 * something else or to a file with other hard links; undefined where it leads nowhere.
 */
function regularFileAt(target: string): { path: string; mode: number } | 'elsewhere' | undefined {
  let path: string;
  try {
    path = realpathSync(target);
  } catch {
    // Nothing there yet (or a link to nothing): the new file takes the name as it is given.
    return undefined;
  }
  const stats = statSync(path);
  return stats.isFile() && stats.nlink === 1 ? { path, mode: stats.mode & 0o7777 } : 'elsewhere';
}

function writeInPlace(target: string, write: (fd: number) => void): void {
  const fd = openSync(target, 'w');
  try {
    write(fd);
  } finally {
    closeSync(fd);
  }
}
