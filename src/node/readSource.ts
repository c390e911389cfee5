/**
 * Reading version files from disk for the command-line tool: the shared decoding policy
 * (`core/decode`), and a message a person can act on for what is not a readable text file.
 */
import { readFileSync, statSync } from 'node:fs';
import { decodeBytes } from '../core/decode';

/** A file that cannot be read as a text version; `message` is one line for the user. */
export class InputError extends Error {}

/** Largest file the tool reads: beyond it, a text dump is not a news page. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Reads and decodes one file, or throws `InputError`. */
export function readTextFile(path: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError(`${path}: is a directory, not a text file`);
    if (!stat.isFile()) throw new InputError(`${path}: is not a regular file`);
    size = stat.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${code ?? 'error'})`);
  }
  if (size > MAX_FILE_BYTES) throw new InputError(`${path}: larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new InputError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return decodeText(bytes, path);
}

/** Decodes bytes as text by the shared policy (`core/decode`); throws `InputError` for binary content. */
export function decodeText(bytes: Uint8Array, name: string): string {
  const decoded = decodeBytes(bytes);
  if (decoded.kind === 'binary') throw new InputError(`${name}: looks like a binary file, not text`);
  return decoded.text;
}
