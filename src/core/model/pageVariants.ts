/**
 * Variants of a page's text: the same lines, in the same order, without the sentence
 * punctuation a dump may lack, or in a language no function-word list knows. Training adds
 * the unpunctuated forms to the pages a model learns from, so that it does not read prose by
 * its final full stop alone; cross-validation scores held-out pages in these forms, so that
 * the loss is measured.
 *
 * - `noFinalStops`: each line loses the sentence terminals (Unicode's Sentence_Terminal: ".",
 *   "!", "?", "।", "。"…) and ellipses at its end, before any closing quotes and brackets, as in
 *   a dump that drops them or a script that marks no sentence end.
 * - `noSentenceStops`: every run of sentence terminals that ends a word (followed by closing
 *   quotes or brackets, then white space or the end of the line) is taken out, so sentences
 *   inside a line lose theirs too; stops inside a word ("U.S", "3.5", "www.x.com") stay.
 * - `unlistedLanguage`: every letter of the basic Latin and Cyrillic alphabets is replaced by
 *   the letter half its alphabet further on (ROT13 for Latin, 16 places for Cyrillic), case
 *   kept. Each word becomes a word of no language, always the same one, so the page reads as
 *   a language without a function-word list (stopwords.ts falls back to the page's own most
 *   frequent short words), while word lengths, capitals, repeats, digits and punctuation
 *   stay. Other scripts (Arabic, accented letters) are left as they are.
 * - `caseless`: every letter in lower case, as in a script without capitals (Arabic, Hebrew,
 *   Devanagari…): title case and capitalised names tell nothing.
 * - `spacelessScript`: the page as a script that sets no space between its words and has no
 *   capitals, as Chinese and Japanese are written: every word of the basic Latin and Cyrillic
 *   alphabets becomes a run of CJK ideographs, one for every three letters or part of three, the
 *   same run for the same word whatever its case; the spaces between two such words go, and so
 *   do those after a sentence's punctuation, which becomes its full-width form ("。", "，", "："…).
 *   Digits, other scripts and the page's lines stay. The words are no real words: what the model
 *   can learn from it is how prose and chrome look when nothing tells words apart but a
 *   segmenter, and nothing marks a name.
 * - `spacelessScriptNoStops`: `spacelessScript` as Thai is written, without a mark at a
 *   sentence's end or a pause: its full stops, question and exclamation marks and commas go, a
 *   space taking their place inside a line.
 *
 * - `gluedFunctionWords`: every function word of at most three letters, of the list that the
 *   page's words choose (`detectStopwords`), is written onto the word after it ("in the city" →
 *   "inthecity"), as Hebrew, Arabic and Amharic write their articles, prepositions and
 *   conjunctions as prefixes; longer function words stay apart. Lines hold fewer words and far
 *   fewer function words (about 0.1 of a page's long lines, against 0.2–0.45 as the dev pages
 *   are written), as in a language whose short function words are no words of their own.
 *
 * - `headlineFullStop`, `headlineTitleCase`, `headlineUpperCase`: the headline (the page's first
 *   article line, which only the gold labels tell) ends in a full stop, has every word
 *   capitalised, or is set in capitals, as some sites print theirs; every other line stays.
 *
 * - `indented`, `doubledBlankLines`, `noBlankLines`: the page laid out by another dump: every
 *   non-blank line set in by four spaces, every blank line doubled, or every blank line taken
 *   out (with `bareLines` and `spacelessScriptBare`, the only forms with other lines than the
 *   page's; `pageForm` carries the labels along).
 * - `bareLines`: both `noBlankLines` and `noFinalStops`, as a dump that drops its full stops and
 *   sets its paragraphs apart by line breaks alone.
 * - `spacelessScriptBare`: both `noBlankLines` and `spacelessScriptNoStops`, as a dump of a Thai
 *   page that sets its paragraphs apart by line breaks alone.
 * - `inlineLists`: every run of two or more list items of one label, each of at most
 *   `INLINE_ITEM_WORDS` words (a menu, a list of sections or tags), set on one line, its items
 *   apart by a bar, a middle dot, a bullet or a slash in turn ("Home | World | Sport"), as a
 *   dump prints links that a page sets side by side rather than as a list.
 *
 * Input: a page's text, and for the headline forms its gold labels (one per line). Output: the
 * variant's text, with exactly as many lines (`\n`) but for the forms that double or take out
 * blank lines or join list items, each line's other characters unchanged (but for a joined
 * line, which keeps its items and loses their bullets and indent). Deterministic. O(n) in the text length.
 */

import { detectStopwords } from '../stopwords';
import { words } from '../text';

/** The forms a page can be read in besides its own. */
export type PageVariant =
  | 'noFinalStops'
  | 'noSentenceStops'
  | 'unlistedLanguage'
  | 'spacelessScript'
  | 'spacelessScriptNoStops'
  | 'caseless'
  | 'gluedFunctionWords'
  | 'headlineFullStop'
  | 'headlineTitleCase'
  | 'headlineUpperCase'
  | 'indented'
  | 'doubledBlankLines'
  | 'noBlankLines'
  | 'bareLines'
  | 'spacelessScriptBare'
  | 'inlineLists';

export const PAGE_VARIANTS: readonly PageVariant[] = [
  'noFinalStops',
  'noSentenceStops',
  'unlistedLanguage',
  'spacelessScript',
  'spacelessScriptNoStops',
  'caseless',
  'gluedFunctionWords',
  'headlineFullStop',
  'headlineTitleCase',
  'headlineUpperCase',
  'indented',
  'doubledBlankLines',
  'noBlankLines',
  'bareLines',
  'spacelessScriptBare',
  'inlineLists',
];

// A run of terminals after a letter, a digit or a closing mark, so that a line of marks alone keeps them.
const FINAL_STOPS = /(?<=[^\s\p{Sentence_Terminal}…])[\p{Sentence_Terminal}…]+(?=(?:[^\S\n]|["'”’»)\]])*$)/gmu;
const WORD_FINAL_STOPS = /(?<=[^\s\p{Sentence_Terminal}…])[\p{Sentence_Terminal}…]+(?=["'”’»)\]]*(?:\s|$))/gu;

/** The text of `page` in the form `variant`, the headline forms told the headline by `labels`. See the module comment. */
export function pageVariant(text: string, variant: PageVariant, labels: readonly string[] = []): string {
  return pageForm(text, variant, labels).text;
}

/** A page's text and its labels (one per line) in the form `variant`, the labels following their lines. */
export function pageForm(
  text: string,
  variant: PageVariant,
  labels: readonly string[],
): { readonly text: string; readonly labels: readonly string[] } {
  if (variant === 'bareLines' || variant === 'spacelessScriptBare') {
    const unspaced = pageForm(text, 'noBlankLines', labels);
    const lines = variant === 'bareLines' ? 'noFinalStops' : 'spacelessScriptNoStops';
    return { text: lineForm(unspaced.text, lines, unspaced.labels), labels: unspaced.labels };
  }
  if (variant === 'inlineLists') return withInlineLists(text, labels);
  if (variant === 'doubledBlankLines' || variant === 'noBlankLines') {
    const lines = text.split('\n');
    const outLines: string[] = [];
    const outLabels: string[] = [];
    lines.forEach((line, i) => {
      const copies = line.trim() ? 1 : variant === 'noBlankLines' ? 0 : 2;
      for (let c = 0; c < copies; c++) {
        outLines.push(line);
        outLabels.push(labels[i] ?? 'blank');
      }
    });
    return { text: outLines.join('\n'), labels: outLabels };
  }
  return { text: lineForm(text, variant, labels), labels };
}

/** The forms that keep the page's lines, each line rewritten in place. */
function lineForm(text: string, variant: PageVariant, labels: readonly string[]): string {
  switch (variant) {
    case 'indented':
      return text
        .split('\n')
        .map(line => (line.trim() ? `    ${line}` : line))
        .join('\n');
    case 'unlistedLanguage':
      return text.replace(ROTATED_LETTER, rotatedLetter);
    case 'caseless':
      return text.toLowerCase();
    case 'spacelessScriptNoStops':
      return lineForm(text, 'spacelessScript', labels).replace(PAUSE_AT_LINE_END, '').replace(PAUSE, ' ');
    case 'spacelessScript':
      return text
        .replace(ALPHABET_WORD, ideographs)
        .replace(PUNCTUATION_AFTER_IDEOGRAPH, mark => FULL_WIDTH[mark])
        .replace(SPACE_BEFORE_IDEOGRAPH, '');
    case 'gluedFunctionWords': {
      const profile = detectStopwords(words(text).map(w => w.toLowerCase()));
      return text.replace(SHORT_WORD_BEFORE_WORD, (found, word: string) => (profile.words.has(word.toLowerCase()) ? word : found));
    }
    case 'noFinalStops':
      return text.replace(FINAL_STOPS, '');
    case 'noSentenceStops':
      return text.replace(WORD_FINAL_STOPS, '');
    case 'headlineFullStop':
      return withHeadline(text, labels, line => (ENDS_SENTENCE.test(line) ? line : line.replace(/\s*$/, '.')));
    case 'headlineTitleCase':
      return withHeadline(text, labels, line => line.replace(WORD_START, letter => letter.toUpperCase()));
    case 'headlineUpperCase':
      return withHeadline(text, labels, line => line.toUpperCase());
    case 'doubledBlankLines':
    case 'noBlankLines':
    case 'bareLines':
    case 'spacelessScriptBare':
    case 'inlineLists':
      // Forms of other lines than the page's are made by `pageForm`.
      return text;
  }
}

/** The most words an item of a list that `inlineLists` sets on one line holds: a menu's or a tag list's, not a list of statements. */
const INLINE_ITEM_WORDS = 5;
/** A list item as a dump prints one: a bullet, then the item. */
const LIST_ITEM = /^\s*[•*·◦▪■●○]\s+(\S.*?)\s*$/u;
/** What `inlineLists` sets between the items of a line, run after run in turn. */
const INLINE_SEPARATORS = [' | ', ' · ', ' • ', ' / '];

/** `text` and `labels` with each run of short list items of one label on one line (`inlineLists`). */
function withInlineLists(text: string, labels: readonly string[]): { readonly text: string; readonly labels: readonly string[] } {
  const lines = text.split('\n');
  // A line's item, where it is a short enough one (`\s` takes a carriage return too).
  const itemOf = (line: string) => {
    const item = LIST_ITEM.exec(line)?.[1];
    return item !== undefined && item.split(/\s+/u).length <= INLINE_ITEM_WORDS ? item : undefined;
  };
  const outLines: string[] = [];
  const outLabels: string[] = [];
  let runs = 0;
  for (let i = 0; i < lines.length;) {
    const label = labels[i] ?? 'blank';
    const items: string[] = [];
    for (let k = i; k < lines.length && (labels[k] ?? 'blank') === label; k++) {
      const item = itemOf(lines[k]);
      if (item === undefined) break;
      items.push(item);
    }
    if (items.length >= 2) {
      const cr = lines[i + items.length - 1].endsWith('\r') ? '\r' : '';
      outLines.push(items.join(INLINE_SEPARATORS[runs++ % INLINE_SEPARATORS.length]) + cr);
      i += items.length;
    } else {
      outLines.push(lines[i]);
      i++;
    }
    outLabels.push(label);
  }
  return { text: outLines.join('\n'), labels: outLabels };
}

// A word of one to three letters (not the end of a longer word), then one space and a letter.
const SHORT_WORD_BEFORE_WORD = /(?<![\p{L}\p{M}\p{N}'’])(\p{L}{1,3}) (?=\p{L})/gu;
const ENDS_SENTENCE = /[\p{Sentence_Terminal}…]["'”’»)\]]*\s*$/u;
// A letter after no letter, digit or apostrophe: the first of a word ("mother's" stays as it is).
const WORD_START = /(?<![\p{L}\p{N}'’])\p{Ll}/gu;

/** `text` with its first line labelled content rewritten by `rewrite` (unchanged without one). */
function withHeadline(text: string, labels: readonly string[], rewrite: (line: string) => string): string {
  const lines = text.split('\n');
  const headline = labels.indexOf('content');
  if (headline < 0 || headline >= lines.length) return text;
  // A line ending "\r\n" keeps its carriage return last.
  const line = lines[headline];
  const cr = line.endsWith('\r') ? '\r' : '';
  lines[headline] = rewrite(cr ? line.slice(0, -1) : line) + cr;
  return lines.join('\n');
}

const ROTATED_LETTER = /[a-zA-Zа-яА-Я]/g;

/** Alphabets of 2k letters in one code point run: a letter goes k places on, within its run. */
const ALPHABETS: readonly (readonly [first: number, size: number])[] = [
  [0x61, 26], // a–z
  [0x41, 26], // A–Z
  [0x430, 32], // а–я
  [0x410, 32], // А–Я
];

function rotatedLetter(letter: string): string {
  const code = letter.charCodeAt(0);
  for (const [first, size] of ALPHABETS) {
    if (code >= first && code < first + size) return String.fromCharCode(first + ((code - first + size / 2) % size));
  }
  return letter;
}

// What `spacelessScript` set for a sentence's end or a pause, at a line's end and elsewhere.
const PAUSE_AT_LINE_END = /[。！？，](?=[^\S\r\n]*(?:[\r\n]|$))/gu;
const PAUSE = /[。！？，]/gu;
const ALPHABET_WORD = /[a-zA-Zа-яА-ЯёЁ]+/g;
const FIRST_IDEOGRAPH = 0x4e00;
/** How many ideographs of the block from `FIRST_IDEOGRAPH` a word's run is drawn from. */
const IDEOGRAPHS = 0x5000;
const FULL_WIDTH: Readonly<Record<string, string>> = { '.': '。', ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };
// Sentence punctuation after a word (not inside one, as in "3.5" or "www.x.com").
const PUNCTUATION_AFTER_IDEOGRAPH = /(?<=[\u4e00-\u9fff])[.,:;?!](?=[\s"'”’)\]]|$)/gmu;
// Spaces between two words, or after a sentence's punctuation, where the script sets none.
const SPACE_BEFORE_IDEOGRAPH = /(?<=[\u4e00-\u9fff。，：；？！])[^\S\r\n]+(?=[\u4e00-\u9fff])/gu;

/** The ideographs `spacelessScript` writes a word in: one per three letters or part of three, the same for every case of the word (FNV-1a over its letters). */
function ideographs(word: string): string {
  const lower = word.toLowerCase();
  let hash = 0x811c9dc5;
  for (let i = 0; i < lower.length; i++) hash = Math.imul(hash ^ lower.charCodeAt(i), 0x01000193) >>> 0;
  let out = '';
  for (let k = 0; k < Math.ceil(lower.length / 3); k++) {
    out += String.fromCharCode(FIRST_IDEOGRAPH + (hash % IDEOGRAPHS));
    hash = Math.imul(hash ^ (k + 1), 0x01000193) >>> 0;
  }
  return out;
}

/**
 * A line broken as a greedy wrapper breaks it at `width` (trailing spaces aside): at the last
 * single space between two words that leaves at most `width` characters before it, or the first
 * such space after it where none does. Output: the pieces, without the spaces broken at (a
 * break takes the place of one space, so joined with "\n" every offset of the line stays valid).
 * For measuring hard-wrapped pages (see `hardWrap.ts`). O(n · p) for p pieces.
 */
export function wrappedLine(line: string, width: number): string[] {
  const pieces: string[] = [];
  while (line.trimEnd().length > width) {
    const rest = line;
    const breakable = (at: number) => rest[at - 1] !== ' ' && rest[at + 1] !== ' ' && rest.slice(0, at).trim() !== '';
    let at = rest.lastIndexOf(' ', width);
    while (at > 0 && !breakable(at)) at = rest.lastIndexOf(' ', at - 1);
    if (at <= 0) for (at = rest.indexOf(' ', width + 1); at >= 0 && !breakable(at);) at = rest.indexOf(' ', at + 1);
    if (at < 0) break;
    pieces.push(rest.slice(0, at));
    line = rest.slice(at + 1);
  }
  pieces.push(line);
  return pieces;
}
