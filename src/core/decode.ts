/**
 * How a version file's bytes become text: one policy for the command line and the editor, so
 * that a file the one analyses the other does not skip.
 *
 * - A byte order mark decides: UTF-8 (EF BB BF), UTF-16LE (FF FE), UTF-16BE (FE FF); the mark
 *   is not part of the text, so offsets count from the first character after it.
 * - Without a mark, NUL bytes on every other position only mean UTF-16 in that byte order (the
 *   high byte of each space, digit, punctuation mark and Latin letter), where they are at least
 *   an eighth of the pairs, as the spaces alone are in a script that sets words apart (Cyrillic,
 *   Greek, Arabic, Devanagari, Hangul); a NUL on the other side is the low byte of a letter, a
 *   mark or a space in that order (가 U+AC00), or else binary. Chinese and Japanese without a
 *   mark set too few spaces to tell, and read as UTF-8.
 * - Otherwise UTF-8, with each invalid sequence read as U+FFFD instead of failing.
 * - Text in which more than a tenth of the first 64 KiB are control characters (other than tab,
 *   line breaks, form feed and escape) is binary too.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The outcome of decoding: the text and how it was read, or the verdict that it is not text. */
export type DecodedBytes =
  | { readonly kind: 'text'; readonly text: string; readonly encoding: TextEncodingName; readonly bom: boolean }
  | { readonly kind: 'binary' };

/** How far into a file binary detection looks. */
const HEAD_BYTES = 65536;

/**
 * Decodes `bytes` by the policy above. Input: a file's whole content. Output: its text, or
 * `binary`. O(n) in the length of `bytes`; pure (no I/O).
 */
export function decodeBytes(bytes: Uint8Array): DecodedBytes {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return utf8(bytes.subarray(3), true);
  if (startsWith(bytes, 0xff, 0xfe)) return utf16(bytes.subarray(2), 'utf-16le', true);
  if (startsWith(bytes, 0xfe, 0xff)) return utf16(bytes.subarray(2), 'utf-16be', true);
  const head = bytes.subarray(0, HEAD_BYTES);
  if (head.indexOf(0) !== -1) {
    const order = utf16ByteOrder(head);
    return order ? utf16(bytes, order, false) : { kind: 'binary' };
  }
  return utf8(bytes, false);
}

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function utf8(bytes: Uint8Array, bom: boolean): DecodedBytes {
  const head = bytes.subarray(0, HEAD_BYTES);
  if (head.indexOf(0) !== -1) return { kind: 'binary' };
  // ignoreBOM: the mark was taken off above; a second one is a character of the text.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  // Most text has no control character at all: one native scan settles it. UTF-8 never uses
  // bytes below 0x80 inside a multi-byte character, so control bytes and characters correspond.
  if (CONTROL.test(text.slice(0, head.length)) && controlShare(head) > 0.1) return { kind: 'binary' };
  return { kind: 'text', text, encoding: 'utf-8', bom };
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', bom: boolean): DecodedBytes {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  const head = text.slice(0, HEAD_BYTES / 2);
  if (head.includes('\0')) return { kind: 'binary' };
  if (CONTROL.test(head) && controlShare(Array.from(head, c => c.charCodeAt(0))) > 0.1) return { kind: 'binary' };
  return { kind: 'text', text, encoding, bom };
}

/**
 * The byte order of UTF-16 text without a mark, judged from where its NUL bytes stand: the high
 * byte of every space, digit, punctuation mark and Latin letter is zero, the low byte almost
 * never. Undefined when the NUL bytes do not keep to one side, or are fewer than
 * `UTF16_NUL_SHARE` of the pairs: too few for a text whose words are set apart by spaces.
 */
function utf16ByteOrder(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = head.length >> 1;
  // Per byte order, the NUL bytes where a character's high byte stands in it (a space, a Latin
  // letter), and those on the other side, but for the NUL low byte of a letter, a mark or a space
  // in that order (가 U+AC00, 一 U+4E00, U+3000), which is the text's too.
  let highLe = 0;
  let otherLe = 0;
  let highBe = 0;
  let otherBe = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i + 1] === 0) {
      highLe++;
      if (!(head[i] !== 0 && IN_TEXT.test(String.fromCharCode(head[i] << 8)))) otherBe++;
    }
    if (head[i] === 0) {
      highBe++;
      if (!(head[i + 1] !== 0 && IN_TEXT.test(String.fromCharCode(head[i + 1] << 8)))) otherLe++;
    }
  }
  if (otherLe === 0 && highLe >= pairs * UTF16_NUL_SHARE) return 'utf-16le';
  if (otherBe === 0 && highBe >= pairs * UTF16_NUL_SHARE) return 'utf-16be';
  return undefined;
}

/** A letter, a mark or a space separator: what a code unit with a NUL low byte is in text. */
const IN_TEXT = /[\p{L}\p{M}\p{Zs}]/u;

/** The least share of a UTF-16 text's pairs that hold a NUL byte without a mark: the spaces of a text in Cyrillic or Arabic are about a sixth of its characters. */
const UTF16_NUL_SHARE = 1 / 8;

// Control characters other than tab, line breaks, form feed and escape.
const CONTROL = /[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f]/;

function controlShare(codes: ArrayLike<number>): number {
  if (codes.length === 0) return 0;
  let control = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) control++;
  }
  return control / codes.length;
}
