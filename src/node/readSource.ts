/**
 * Reading version files from disk for the command-line tool: decoding (UTF-8, UTF-8 with BOM,
 * UTF-16 with BOM) and refusing what is not text, with a message a person can act on.
 */
import { readFileSync, statSync } from 'node:fs';

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

/** Decodes bytes as text; throws `InputError` for binary content. */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = new TextDecoder('utf-8').decode(bytes.subarray(start));
  if (looksBinary(bytes.subarray(start, start + 65536), text)) throw new InputError(`${name}: looks like a binary file, not text`);
  return text;
}

// Control characters other than tab, line breaks, form feed and escape. UTF-8 never uses bytes
// below 0x80 inside a multi-byte character, so these bytes and these characters correspond.
const CONTROL = /[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f]/;

function looksBinary(head: Uint8Array, text: string): boolean {
  if (head.indexOf(0) !== -1) return true;
  // Most text has no control character at all: one native scan settles it.
  if (!CONTROL.test(text.slice(0, head.length))) return false;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return head.length > 0 && control / head.length > 0.1;
}
