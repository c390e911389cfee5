import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CAPITAL, DIGITS, OTHER, WORD, hasCapital, tokenSpans, tokenSpansByPattern } from '../../src/core/factTokenSpans';
import { pick, seededRandom } from '../support/random';

const seedsDir = join(__dirname, '..', '..', '..', 'seeds');

describe('token spans of a sentence', () => {
  it('finds in plain ASCII text the same tokens as the token pattern, on every line of the sample versions', () => {
    let lines = 0;
    for (const file of readdirSync(seedsDir).filter(f => f.endsWith('.txt'))) {
      for (const line of readFileSync(join(seedsDir, file), 'utf8').split('\n')) {
        const ascii = line.replace(/[^\x00-\x7f]/g, ' ');
        assert.deepEqual(tokenSpans(ascii), tokenSpansByPattern(ascii), ascii);
        lines++;
      }
    }
    assert.ok(lines > 100);
  });

  it('finds the same tokens as the token pattern in random text with curly quotes, dashes, no-break spaces and other scripts', () => {
    const random = seededRandom(2026);
    const pieces = [
      'a',
      'Z',
      '7',
      ' ',
      "'",
      '-',
      '.',
      ',',
      ':',
      '&amp;',
      ...'‘’“”„«»‹›–—‐…•·',
      '\u00a0',
      '\u202f',
      '\u2009',
      '\u3000',
      'don’t',
      'al‐Assad',
      '1’000',
      '1\u00a0000',
      '1\u202f000',
      '1٫5',
      '١٢',
      'é',
      'e\u0301',
      'ß',
      'Ä',
      'ı',
      'Москва',
      '😀',
      '\u00ad',
      '×',
    ];
    let scanned = 0;
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = 1 + Math.floor(random() * 12);
      for (let k = 0; k < length; k++) text += pick(random, pieces);
      assert.deepEqual(tokenSpans(text), tokenSpansByPattern(text), JSON.stringify(text));
      if (!/[^\x00-\x7f‘’“”„«»‹›–—‐…•·\u00a0\u202f]/.test(text)) scanned++;
    }
    // A good share of the texts are read by the scan, not the pattern.
    assert.ok(scanned > 500, String(scanned));
  });

  it('finds the same tokens as the token pattern in random text built from its awkward pieces', () => {
    const random = seededRandom(14);
    const pieces = [
      'a',
      'Z',
      '7',
      '0',
      ' ',
      '\t',
      '\n',
      '\v',
      '&',
      '#',
      ';',
      "'",
      '-',
      '.',
      ',',
      ':',
      '%',
      '"',
      '(',
      '@',
      '_',
      '`',
      '[',
      '{',
      '~',
      'quot',
      'amp',
      'apos',
      'nbsp',
      'lt',
      'gt',
      'lsquo',
      'rdquo',
      'mdash',
      'ndash',
      'hellip',
      'ldquo;',
      '&amp;',
      '#8220;',
      '&#39;',
      'six-week',
      "O'Brien",
      '1,000',
      '12:30',
      "3'5",
      'x1',
      '--',
      "''",
      '\x00',
      '\x7f',
    ];
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = 1 + Math.floor(random() * 12);
      for (let k = 0; k < length; k++) text += pick(random, pieces);
      assert.deepEqual(tokenSpans(text), tokenSpansByPattern(text), JSON.stringify(text));
    }
  });

  it('reads text with characters beyond ASCII through the pattern itself', () => {
    const text = 'Le président a dit « 1 000 » – l’été';
    assert.deepEqual(tokenSpans(text), tokenSpansByPattern(text));
    assert.ok(tokenSpans(text).length > 0);
  });
});

describe('token spans in scripts without spaces', () => {
  /** The tokens of `text` as [text, part] pairs. */
  const tokensOf = (text: string) => {
    const spans = tokenSpans(text);
    const out: [string, number][] = [];
    for (let k = 0; k < spans.length; k += 3) out.push([text.slice(spans[k], spans[k + 1]), spans[k + 2]]);
    return out;
  };

  it('sets a figure written against Chinese, Japanese or Thai letters apart as digits', () => {
    assert.deepEqual(tokensOf('至少1,200人'), [
      ['至少', WORD],
      ['1,200', DIGITS],
      ['人', WORD],
    ]);
    assert.deepEqual(tokensOf('コーヒー12杯'), [
      ['コーヒー', WORD],
      ['12', DIGITS],
      ['杯', WORD],
    ]);
    assert.deepEqual(tokensOf('ผู้เสียชีวิต12คน'), [
      ['ผู้เสียชีวิต', WORD],
      ['12', DIGITS],
      ['คน', WORD],
    ]);
  });

  it("leaves the scripts' punctuation and digits out of their words", () => {
    assert.deepEqual(tokensOf('「我们不会离开。」'), [
      ['「', OTHER],
      ['我们不会离开', WORD],
      ['。', OTHER],
      ['」', OTHER],
    ]);
    assert.deepEqual(tokensOf('北京、上海'), [
      ['北京', WORD],
      ['、', OTHER],
      ['上海', WORD],
    ]);
    assert.deepEqual(tokensOf('ผู้เสียชีวิต๑๒คน'), [
      ['ผู้เสียชีวิต', WORD],
      ['๑๒', DIGITS],
      ['คน', WORD],
    ]);
  });

  it('sets a figure apart from the letters of a script without capitals written against it, by a hyphen or none', () => {
    assert.deepEqual(tokensOf('ב-34 ספינות'), [
      ['ב', WORD],
      ['-', OTHER],
      ['34', DIGITS],
      ['ספינות', WORD],
    ]);
    assert.deepEqual(tokensOf('የ12 በመቶ'), [
      ['የ', WORD],
      ['12', DIGITS],
      ['በመቶ', WORD],
    ]);
    assert.deepEqual(tokensOf('بـ20 مليون'), [
      ['بـ', WORD],
      ['20', DIGITS],
      ['مليون', WORD],
    ]);
  });

  it('keeps a figure in a longer word of a script without capitals, and in Korean', () => {
    assert.deepEqual(tokensOf('كوفيد-19'), [['كوفيد-19', WORD]]);
    assert.deepEqual(tokensOf('코로나19'), [['코로나19', WORD]]);
    assert.deepEqual(tokensOf('कोविड-19'), [['कोविड-19', WORD]]);
  });

  it('keeps a figure inside a word of a spaced script, and a spaced word apart from unspaced letters', () => {
    assert.deepEqual(tokensOf('A380 G7 COVID-19 Ü2'), [
      ['A380', WORD],
      ['G7', WORD],
      ['COVID-19', WORD],
      ['Ü2', WORD],
    ]);
    assert.deepEqual(tokensOf('iPhone手机'), [
      ['iPhone', WORD],
      ['手机', WORD],
    ]);
  });
});

describe('capitals of a word', () => {
  it('finds a capital exactly where the capital pattern does, on random words with hyphens and apostrophes', () => {
    const random = seededRandom(1415);
    const pieces = ['a', 'B', 'z', 'Q', '-', "'", '’', '‐', 'É', 'é', 'ß', '7', 'al', 'O', 'Ǆ'];
    let capitals = 0;
    for (let n = 0; n < 5000; n++) {
      let word = '';
      const length = 1 + Math.floor(random() * 8);
      for (let k = 0; k < length; k++) word += pick(random, pieces);
      const expected = CAPITAL.test(word);
      assert.equal(hasCapital(word), expected, word);
      if (expected) capitals++;
    }
    assert.ok(capitals > 1000 && capitals < 4000, `${capitals} words with capitals`);
  });
});
