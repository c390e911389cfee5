/**
 * The CLI's readable report: the stories, largest first, then per source its counts and the
 * sentences only it carries among its story's sources, then the shared statements, best supported first, each wording in
 * full, then per story its origin and the facts its versions change, wrapped to the width of
 * the terminal.
 */
import { eastAsianWidth } from 'get-east-asian-width';
import { CorpusAnalysis, FactChange } from '../core';
import { NO_TITLE, storiesOf } from '../stories';
import { kindLabel } from '../factText';
import { counted, printedTimes } from '../plural';
import { unbrokenLine } from '../node/quotedName';
import { printable } from './printable';

export interface TextReportOptions {
  /** Columns to wrap to; default 80. */
  readonly width?: number;
}

/** The report for `analysis`; `names[i]` names source i. O(size of the analysis). */
export function textReport(analysis: CorpusAnalysis, names: readonly string[], options: TextReportOptions = {}): string {
  const width = Math.max(40, options.width ?? 80);
  const out: string[] = [];
  out.push(reportHeading(analysis.sources.length, analysis.groups.length));
  out.push('');
  out.push(...storiesSection(analysis, width));
  out.push('');
  const stories = storiesOf(analysis);
  const storyOf = new Map<number, number>();
  stories.forEach((story, k) => story.sources.forEach(s => storyOf.set(s, k)));
  // A source alone in its story has nothing to be compared with: every sentence of it is its
  // own, and listing them would print the whole article (as for a corpus of one file).
  const storySize = (source: number) => stories[storyOf.get(source) ?? 0]?.sources.length ?? analysis.sources.length;
  analysis.sources.forEach((s, i) => {
    const boiler = s.lines.filter(l => l.kind === 'boilerplate').length;
    const shared = s.groupOfSentence.filter(g => g >= 0).length;
    out.push(...wrap(`[${i + 1}] ${names[i]} (${s.language})`, width, '', '    '));
    out.push(
      ...wrap(
        `${counted(s.lines.length, 'line')}, ${boiler} boilerplate, ${counted(s.sentences.length, 'sentence')}: ${shared} shared, ${s.sentences.length - shared} only here`,
        width,
        '    ',
        '    ',
      ),
    );
    const unique = s.sentences.filter((_, k) => s.groupOfSentence[k] < 0);
    if (unique.length && storySize(i) > 1) {
      out.push('    Only here:');
      for (const [text, times] of timesPrinted(unique.map(sentence => sentence.text)))
        out.push(...wrap(withTimes(text, times), width, '    - ', '      '));
    }
  });
  if (analysis.groups.length) {
    out.push('');
    const legend =
      "Shared statements, best supported first. The percentage is the similarity of each wording to the group's anchor, the wording closest to all others (100% = same words).";
    out.push(...wrap(legend, width, '', ''));
    // A statement is counted out of its own story's sources: counted out of the corpus's, one
    // that every source of a small story carries would read as missing from the others.
    analysis.groups.forEach((g, gi) => {
      out.push('');
      const k = storyOf.get(g.members[0].source) ?? 0;
      const ofStory = stories.length > 1 ? ` of story ${k + 1}` : '';
      out.push(`#${gi + 1} in ${g.sourceCount} of ${counted(stories[k]?.sources.length ?? analysis.sources.length, 'source')}${ofStory}`);
      // A sentence a source prints again (a headline above the article and in its body) is one wording, said once.
      const printed = timesPrinted(g.members.map(m => `${m.source}\u0000${analysis.sources[m.source].sentences[m.sentence].text}`));
      for (const m of g.members) {
        const s = analysis.sources[m.source].sentences[m.sentence];
        const times = printed.get(`${m.source}\u0000${s.text}`);
        if (times === undefined) continue;
        printed.delete(`${m.source}\u0000${s.text}`);
        const label = `[${m.source + 1}]`.padEnd(6) + `${Math.round(m.similarity * 100)}%`.padStart(4) + '  ';
        out.push(...wrap(withTimes(s.text, times), width, `  ${label}`, ' '.repeat(label.length + 2)));
      }
    });
  }
  out.push(...changedFacts(analysis, names, width));
  // Names are quoted apart; what else the versions put here goes to a terminal as printable text.
  return printable(out.join('\n')) + '\n';
}

/** The report's first line; `isTextReport` knows a text by it. */
function reportHeading(sources: number, groups: number): string {
  return `Synoptic report: ${counted(sources, 'source')}, ${counted(groups, 'shared statement')}`;
}

/** `reportHeading` as a pattern: what only a report this module wrote opens with. */
const REPORT_HEADING = /^Synoptic report: \d+ sources?, \d+ shared statements?\r?$/;

/**
 * Whether `text` is a report `textReport` wrote: saved beside the versions it reports on (`>
 * folder/report.txt`), it would be read as one more version, and the version that carries
 * every shared statement. O(length of the first line).
 */
export function isTextReport(text: string): boolean {
  const end = text.indexOf('\n');
  return REPORT_HEADING.test(end < 0 ? text : text.slice(0, end));
}

/**
 * The stories, largest first, as `synoptic stories` numbers them: each its title, then how
 * many sources and their numbers in this report ("3 sources: [1]-[2], [5]").
 */
function storiesSection(analysis: CorpusAnalysis, width: number): string[] {
  const stories = storiesOf(analysis);
  const out = [stories.length === 1 ? 'One story:' : `${stories.length} stories, largest first:`];
  const label = (k: number) => `${k + 1}.`.padEnd(String(stories.length).length + 2);
  stories.forEach((story, k) => {
    const indent = ' '.repeat(label(k).length + 2);
    out.push(...wrap(story.title || NO_TITLE, width, `  ${label(k)}`, indent));
    out.push(...wrap(`${counted(story.sources.length, 'source')}: ${sourceRanges(story.sources)}`, width, indent, indent));
  });
  return out;
}

/** Source indices (ascending) as their report numbers, runs joined: [0, 1, 4] → "[1]-[2], [5]". O(n). */
function sourceRanges(sources: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < sources.length;) {
    let j = i;
    while (j + 1 < sources.length && sources[j + 1] === sources[j] + 1) j++;
    parts.push(j > i ? `[${sources[i] + 1}]-[${sources[j] + 1}]` : `[${sources[i] + 1}]`);
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * Per story of two or more sources: its origin and reason, then every change that is not mere
 * wording, statement by statement ("#3 number: 12 → 15 in 002.txt").
 */
function changedFacts(analysis: CorpusAnalysis, names: readonly string[], width: number): string[] {
  const out: string[] = [];
  const storyOfSource = new Map<number, number>();
  analysis.stories.forEach((story, k) => story.sources.forEach(s => storyOfSource.set(s, k)));
  const factsOfStory = analysis.stories.map(() => [] as string[]);
  const sharesAny = analysis.stories.map(() => false);
  analysis.groups.forEach((g, gi) => {
    if (g.members.length) sharesAny[storyOfSource.get(g.members[0].source) ?? 0] = true;
    for (const m of g.members) {
      for (const change of m.changes ?? []) {
        if (change.kind === 'wording') continue;
        factsOfStory[storyOfSource.get(m.source) ?? 0].push(`#${gi + 1} ${describeChange(change)} in ${names[m.source]}`);
      }
    }
  });
  analysis.stories.forEach((story, k) => {
    if (story.sources.length < 2) return;
    out.push('');
    out.push(...wrap(`Changed facts, story ${k + 1}: ${story.title}`, width, '', '    '));
    // A file the reason names may hold a line break or a mark of direction: escaped, as the names are.
    if (story.origin)
      out.push(...wrap(`origin: ${names[story.origin.source]} (${unbrokenLine(story.origin.reason)})`, width, '  ', '    '));
    if (!sharesAny[k]) out.push('  none: the versions share no statement');
    else if (!factsOfStory[k].length) out.push('  none: the versions differ in wording only');
    for (const line of factsOfStory[k]) out.push(...wrap(line, width, '  ', '    '));
  });
  return out;
}

/** "number: 12 → 15", "date: (added) → Friday", "name (spelling): Assad → al-Assad", "quote: “…” → (dropped)". */
export function describeChange(change: FactChange): string {
  const kind = change.variant ? `${change.kind} (spelling)` : kindLabel(change);
  return `${kind}: ${change.base || '(added)'} → ${change.other || '(dropped)'}`;
}

/**
 * `text` broken at spaces into lines of at most `width` terminal columns (`columnsOf`), the
 * first line after `first`, the others after `rest`; a word longer than a line is cut, never
 * between a character and the marks that combine with it. Text in Chinese or Japanese, without
 * spaces, is cut so; text in Thai, Lao, Khmer or Burmese between two of its words. O(n).
 */
export function wrap(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let prefix = first;
  let line = '';
  let lineColumns = 0;
  // The columns a line has after its prefix, worked out again only when the prefix changes.
  let roomLeft = width - columns(prefix);
  const room = () => roomLeft;
  const flush = () => {
    lines.push(prefix + line);
    if (prefix !== rest) {
      prefix = rest;
      roomLeft = width - columns(rest);
    }
    line = '';
    lineColumns = 0;
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let wordColumns = columns(word);
    if (lineColumns && lineColumns + 1 + wordColumns > room()) flush();
    if (wordColumns <= Math.max(1, room())) {
      // Most words fit on a line: placed whole, without reading their characters one by one.
      line = line ? `${line} ${word}` : word;
      lineColumns += (lineColumns ? 1 : 0) + wordColumns;
      continue;
    }
    const chars = [...word];
    // The word's characters from `start` on are still to be placed: cut by index, not copied at each cut.
    let start = 0;
    while (wordColumns > Math.max(1, room())) {
      if (line) flush();
      // As many characters as fill the line (at least one), with the marks that follow the last.
      const fits = Math.max(1, room());
      let taken = start;
      let used = 0;
      while (taken < chars.length && (taken === start || used + columnsOf(chars[taken]) <= fits)) used += columnsOf(chars[taken++]);
      // A comma or full stop of Chinese or Japanese opens no line: the character before it goes along.
      if (taken > start + 1 && taken < chars.length && NO_LINE_START.test(chars[taken]) && columnsOf(chars[taken - 1]) > 0)
        used -= columnsOf(chars[--taken]);
      // Thai, Lao, Khmer and Burmese run their words together in syllables of several letters: cut
      // between two words, as the segmenter tells them, not inside one ("เชียงดา|ว").
      const atWord = taken < chars.length ? lastWordBreak(chars, start, taken) : taken;
      for (; taken > atWord; taken--) used -= columnsOf(chars[taken - 1]);
      line = chars.slice(start, taken).join('');
      start = taken;
      wordColumns -= used;
      flush();
    }
    if (start < chars.length) {
      const left = chars.slice(start).join('');
      line = line ? `${line} ${left}` : left;
      lineColumns += (lineColumns ? 1 : 0) + wordColumns;
    }
  }
  if (line || lines.length === 0) lines.push(prefix + line);
  return lines;
}

/** Scripts whose words run together and are longer than a character: a line is cut between their words. */
const RUN_TOGETHER_WORDS = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * Where to cut `chars` (code points), whose line starts at `start`, at or before `at`: the last
 * boundary between two words (by `Intl.Segmenter`) after the line's first character, where the
 * characters on either side of `at` are in a script of `RUN_TOGETHER_WORDS`; else `at`. Only
 * the line and `SEGMENT_LOOKAHEAD` characters after it are segmented, so that cutting a long run
 * stays O(n) in all. O(at - start + SEGMENT_LOOKAHEAD).
 */
export function lastWordBreak(chars: readonly string[], start: number, at: number): number {
  if (!RUN_TOGETHER_WORDS.test(chars[at - 1]) || !RUN_TOGETHER_WORDS.test(chars[at])) return at;
  const text = chars.slice(start, Math.min(chars.length, at + SEGMENT_LOOKAHEAD)).join('');
  let unitsAt = 0;
  for (let k = start; k < at; k++) unitsAt += chars[k].length;
  let best = 0;
  for (const { index } of wordSegmenter.segment(text)) {
    if (index > unitsAt) break;
    best = index;
  }
  if (best === 0) return at;
  let units = 0;
  let k = start;
  while (units < best) units += chars[k++].length;
  return k;
}

/** Characters after a cut that the segmenter reads to find the word the cut falls in: longer than any word. */
const SEGMENT_LOOKAHEAD = 64;

/** Each of `texts` once, in the order first met, with how many times it stands there. O(n). */
function timesPrinted(texts: readonly string[]): Map<string, number> {
  const times = new Map<string, number>();
  for (const text of texts) times.set(text, (times.get(text) ?? 0) + 1);
  return times;
}

/** `text`, with how many times its source prints it where that is more than once. */
function withTimes(text: string, times: number): string {
  return times === 1 ? text : `${text} (${printedTimes(times)})`;
}

/** Terminal columns `text` takes (`columnsOf` of each code point). O(n). */
function columns(text: string): number {
  // Below U+0300 every code unit is a character of one column (`columnsOf`).
  let i = 0;
  while (i < text.length && text.charCodeAt(i) < 0x300) i++;
  if (i === text.length) return text.length;
  let n = 0;
  for (const char of text) n += columnsOf(char);
  return n;
}

/** Punctuation of Chinese and Japanese that closes what comes before it, never the first on a line. */
export const NO_LINE_START = /^[、。，．：；！？）〕］｝〉》」』】〙〗]$/u;

/** Marks that combine with the character before them, and characters that show nothing. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff]$/u;
/** Emoji a terminal shows as pictures, two columns wide. */
const EMOJI_PICTURE = /^\p{Emoji_Presentation}$/u;

/** Terminal columns of one code point: 0 for a combining mark or an invisible character, 2 for a wide or fullwidth one (Unicode East Asian Width) or an emoji shown as a picture, else 1. O(1). */
export function columnsOf(char: string): number {
  if (char.length === 1 && char < '\u0300') return 1;
  if (ZERO_WIDTH.test(char)) return 0;
  return eastAsianWidth(char.codePointAt(0)!) === 2 || EMOJI_PICTURE.test(char) ? 2 : 1;
}
