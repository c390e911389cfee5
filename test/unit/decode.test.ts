import * as assert from 'node:assert/strict';
import { decodeBytes } from '../../src/core/decode';
import { seededRandom } from '../support/random';

const TEXT = 'The president met his counterpart on Monday.\nHe said the talks went well: «très bien», 👍.\r\n';

function utf16le(text: string, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

function utf16be(text: string, bom: boolean): Uint8Array {
  const swapped = Buffer.from(text, 'utf16le').swap16();
  return bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), swapped]) : swapped;
}

function textOf(bytes: Uint8Array): string {
  const decoded = decodeBytes(bytes);
  assert.equal(decoded.kind, 'text', 'decoded as text');
  return decoded.kind === 'text' ? decoded.text : '';
}

describe('decoding a file into text', () => {
  it('reads UTF-8 as UTF-8, with and without a byte order mark, the mark not part of the text', () => {
    assert.deepEqual(decodeBytes(Buffer.from(TEXT)), { kind: 'text', text: TEXT, encoding: 'utf-8', bom: false });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]);
    assert.deepEqual(decodeBytes(withBom), { kind: 'text', text: TEXT, encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 in both byte orders by its byte order mark', () => {
    assert.deepEqual(decodeBytes(utf16le(TEXT, true)), { kind: 'text', text: TEXT, encoding: 'utf-16le', bom: true });
    assert.deepEqual(decodeBytes(utf16be(TEXT, true)), { kind: 'text', text: TEXT, encoding: 'utf-16be', bom: true });
  });

  it('recognises UTF-16 without a byte order mark, in both byte orders, from where its NUL bytes stand', () => {
    assert.deepEqual(decodeBytes(utf16le(TEXT, false)), { kind: 'text', text: TEXT, encoding: 'utf-16le', bom: false });
    assert.deepEqual(decodeBytes(utf16be(TEXT, false)), { kind: 'text', text: TEXT, encoding: 'utf-16be', bom: false });
  });

  it('reads UTF-16 text that mixes Latin and other scripts without a byte order mark', () => {
    const mixed = 'Talks in Moscow. Переговоры в Москве. Die Gespräche in Moskau gingen weiter.\n'.repeat(20);
    assert.equal(textOf(utf16le(mixed, false)), mixed);
    assert.equal(textOf(utf16be(mixed, false)), mixed);
  });

  it('reads UTF-16 text in a script other than Latin without a byte order mark, its spaces and punctuation giving the byte order', () => {
    const russian =
      'Переговоры в Москве продолжились во вторник, сообщили в Кремле.\nСтороны обсудили положение на севере страны.\n'.repeat(10);
    const arabic = 'قال الرئيس إن المحادثات في موسكو كانت مثمرة.\n'.repeat(10);
    // Korean sets words apart by spaces too, and its common particle 가 (U+AC00) has a NUL low byte.
    const korean = '정부가 화요일에 새 예산을 발표했다. 의회가 다음 주에 표결한다.\n'.repeat(10);
    for (const text of [russian, arabic, korean]) {
      assert.equal(textOf(utf16le(text, false)), text);
      assert.equal(textOf(utf16be(text, false)), text);
    }
  });

  it('reads each invalid UTF-8 sequence as U+FFFD and keeps the text around it', () => {
    const bytes = Buffer.concat([Buffer.from('Before '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff]), Buffer.from(' after.')]);
    const text = textOf(bytes);
    assert.ok(text.startsWith('Before \uFFFD(\uFFFD\uFFFD\uFFFD after.'), JSON.stringify(text));
  });

  it('calls a file with NUL bytes on both byte positions binary', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    assert.deepEqual(decodeBytes(png), { kind: 'binary' });
    const random = seededRandom(3);
    const noise = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256)));
    assert.deepEqual(decodeBytes(noise), { kind: 'binary' });
  });

  it('calls a file with NUL characters binary even after a UTF-8 or UTF-16 byte order mark', () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('text'), Buffer.from([0]), Buffer.from('more text')]);
    assert.deepEqual(decodeBytes(utf8), { kind: 'binary' });
    const image = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    assert.deepEqual(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), image])), { kind: 'binary' });
    assert.deepEqual(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), image])), { kind: 'binary' });
  });

  it('calls text binary when more than a tenth of it are control characters, and keeps text with a few', () => {
    const random = seededRandom(11);
    const controls = Buffer.from(
      Array.from({ length: 400 }, () => (random() < 0.3 ? 1 + Math.floor(random() * 8) : 0x41 + Math.floor(random() * 26))),
    );
    assert.deepEqual(decodeBytes(controls), { kind: 'binary' });
    assert.deepEqual(decodeBytes(utf16le(controls.toString('latin1'), true)), { kind: 'binary' });
    const bell = `${TEXT}\u0007\u001b[0m é`;
    assert.equal(textOf(Buffer.from(bell)), bell);
    assert.equal(textOf(utf16le(bell, true)), bell);
  });

  it('reads an empty file as empty text', () => {
    assert.deepEqual(decodeBytes(new Uint8Array(0)), { kind: 'text', text: '', encoding: 'utf-8', bom: false });
  });
});
