/**
 * Stage 11, changed facts: what each member of a group changes against the group's anchor,
 * each change classified by what it touches (number, quote, name, attribution, negation) or
 * else `wording`.
 *
 * Both wordings are read as tokens: numbers (digits of any script with their separators, or
 * written out, with a following "million" and the like folded in), a word for half (the share
 * 50 %, or before a scale word that figure), and month, weekday and relative day names stand
 * as their values, so "twelve" and "12" or "1,000" and "1000" are the same token; words
 * compare in lower case; quotation marks of every script are one token. The two token lists
 * are aligned word by word (jsdiff's `diffArrays`, Myers' O(ND) diff, the algorithm `wordDiff`
 * uses, in `diffRuns`), and each run of differing tokens is one change, classified by the first kind that
 * applies:
 *
 * 1. negation: the two sentences carry different numbers of negation words, and the run holds one;
 * 2. number: the run holds a figure, date or share that the other sentence does not carry; a
 *    day told from the day of writing ("yesterday", "heute") against a weekday, a day of a
 *    month, or a relative day one day off ("on Tuesday", "July 13", "today") is not one, as a
 *    reprint a day later tells the same day so;
 * 3. attribution: the run lies in the agent of a speech verb (the words before "said", after
 *    "according to"), outside quotation marks;
 * 4. quote: the run lies inside quotation marks, or adds or drops them;
 * 5. name: the run holds a capitalised word, not sentence-initial, that the other sentence
 *    lacks (only in scripts with case, and not in a sentence set in title case); marked
 *    `variant` where the names on the two sides are spellings of one (similar letters);
 * 6. wording: everything else.
 *
 * A fact is reported on its own tokens and the rest of its run is read again beside it, so a
 * name inside a rewritten clause is a change of its own (`classifiedHunks`). A pair too far
 * apart to align within `maxEdits` is one `wording` change plus each fact one side lacks
 * (`rewrittenHunks`). Nothing is kept between calls: a caller that compares the same pairs
 * again passes a `ChangeCache` (the analyzer does).
 *
 * A sentence is read as tokens in `factTokens.ts` (each word's forms kept in `wordForms.ts`),
 * its quotations, speakers and names in `sentenceReading.ts`; the rule of each kind is in
 * `changeKinds.ts`. This module aligns two readings, finds the runs and cuts them into changes.
 */
import { QUOTE_CLOSERS } from './quotationMarks';
import { isTitle } from './factWords';
import { diffRuns } from './keyDiff';
import { numberLexicon } from './numbers';
import {
  ChangeOptions,
  Classified,
  ChangedRun,
  figureChange,
  indicesFrom,
  nameChange,
  negationChange,
  speakerOrQuoteChange,
  verdict,
} from './changeKinds';
import type { FactToken } from './factTokens';
import { ReadSentence, readSentence } from './sentenceReading';
import { WordForms } from './wordForms';
import type { ChangeKind, FactChange } from './types';

// The parts of a reading that callers import from this module.
export type { ChangeOptions } from './changeKinds';
export { factTokens, type FactToken } from './factTokens';
export { WordForms } from './wordForms';

/** Words on one side of a run that a fact on the other side is read as replacing, not cut from. */
const FEW_WORDS = 3;

/**
 * The changes that turn the anchor's wording into a member's, in the member's reading order.
 * Input: the two texts and their language. Output: the runs of differing tokens, each a fact
 * (only the fact's own tokens; the rest of its run is reported beside it as wording) or
 * wording; empty for identical texts, and for texts that differ only in how they write the
 * same numbers or quotation marks. `otherRange` is into `member`. O((n + m) · d) for n and m
 * tokens and d differing ones.
 */
export function classifyChanges(anchor: string, member: string, language: string, options: ChangeOptions = {}): FactChange[] {
  return changesAgainst(anchor, language, options)(member).map(placed => placed.change);
}

/** A change and where it stands in the member's text (for a dropped change, where the dropped text would be). */
export interface PlacedChange {
  readonly change: FactChange;
  readonly at: number;
  /**
   * Where `change.base` lies in the text compared from: [start, end) UTF-16 offsets. Given by
   * `PairReadings` only (absent when the base side is empty), so that one comparison marks
   * both texts.
   */
  readonly baseRange?: readonly [number, number];
}

/**
 * Where a caller keeps the changes of pairs compared before, by a key made of the two texts,
 * their language and the options (the analyzer keeps one between analyses). `get` returns the
 * kept value or keeps and returns `make()`.
 */
export interface ChangeCache {
  get(key: string, make: () => readonly PlacedChange[]): readonly PlacedChange[];
}

/**
 * `classifyChanges` for many pairs among the same texts, in any order and either direction:
 * each text is read once per language, however many pairs it stands in (a comparison panel
 * compares its base's wording with every other and back). The readings are kept as long as
 * this is. O(length) to read a text the first time, then `changesBetween`'s cost per pair.
 */
export class PairReadings {
  private readonly read = new Map<string, ReadSentence>();

  constructor(
    private readonly options: ChangeOptions = {},
    private readonly words: WordForms = new WordForms(),
  ) {}

  /** The changes that turn `from` into `to`, both read in `language`, placed in `to`. */
  between(from: string, to: string, language: string): readonly PlacedChange[] {
    if (from === to) return [];
    return changesBetween(this.reading(from, language), this.reading(to, language), this.options, true);
  }

  private reading(text: string, language: string): ReadSentence {
    const key = `${language}\u0000${text}`;
    let reading = this.read.get(key);
    if (!reading) {
      reading = readSentence(text, language, this.words);
      this.read.set(key, reading);
    }
    return reading;
  }
}

/**
 * `classifyChanges` for many members against one anchor: the anchor is read once. The
 * function returned gives each change with its place in the member's text. With a `cache`,
 * a pair compared before is looked up instead of compared again.
 */
export function changesAgainst(
  anchor: string,
  language: string,
  options: ChangeOptions = {},
  cache?: ChangeCache,
  words: WordForms = new WordForms(),
): (member: string) => readonly PlacedChange[] {
  let base: ReadSentence | undefined;
  const prefix = `${language}\u0000${options.variantSimilarity ?? ''}\u0000${options.maxEdits ?? ''}\u0000${anchor}\u0000`;
  const compare = (member: string) => {
    base ??= readSentence(anchor, language, words);
    return changesBetween(base, readSentence(member, language, words), options);
  };
  // Reprints repeat a member's text many times over in one group: each text is compared once.
  const compared = new Map<string, readonly PlacedChange[]>();
  return member => {
    if (member === anchor) return [];
    let changes = compared.get(member);
    if (!changes) {
      changes = cache ? cache.get(prefix + member, () => compare(member)) : compare(member);
      compared.set(member, changes);
    }
    return changes;
  };
}

type Range = readonly [number, number];

function changesBetween(base: ReadSentence, other: ReadSentence, options: ChangeOptions, withBaseRange = false): PlacedChange[] {
  const parts = diffRuns(base.keyList, other.keyList, options.maxEdits ?? 32);
  const runs: [Range, Range][] = [];
  let hunks: Hunk[];
  if (!parts) {
    const [b, o] = rewrittenRun(base, other);
    hunks = rewrittenHunks(base, other, b, o, options);
  } else {
    let b = 0;
    let o = 0;
    let removed: Range | undefined;
    let added: Range | undefined;
    const flush = () => {
      if (removed || added) runs.push([removed ?? [b, b], added ?? [o, o]]);
      removed = added = undefined;
    };
    for (const part of parts) {
      const n = part.count;
      if (part.removed) {
        removed = [b, b + n];
        b += n;
      } else if (part.added) {
        added = [o, o + n];
        o += n;
      } else {
        flush();
        b += n;
        o += n;
      }
    }
    flush();
    hunks = runs.flatMap(([b, o]) => classifiedHunks(base, other, b, o, options));
  }
  // In the member's reading order (a rewrite's facts lie inside its wording change).
  return (
    mergeQuoteHunks(base, other, hunks)
      // A change of punctuation alone ("said that we" → "said, “We") leaves no fact's words on either side.
      .filter(({ change }) => change.base || change.other)
      .map(({ b, o: [from], change }): PlacedChange => {
        const at = change.otherRange?.[0] ?? (from < other.tokens.length ? other.tokens[from].start : other.text.length);
        const baseRange = withBaseRange && change.base ? placedIn(base, b, change.base) : undefined;
        return baseRange ? { change, at, baseRange } : { change, at };
      })
      .sort((x, y) => x.at - y.at)
  );
}

/**
 * Where `text` (a change's side, tidied from the tokens of `range` or fewer) lies in `s`:
 * inside the range's tidied tokens where they read so, otherwise its first occurrence. O(r + n).
 */
function placedIn(s: ReadSentence, range: Range, text: string): readonly [number, number] | undefined {
  const [from, to] = tidyRange(s, range);
  if (from < to) {
    const start = s.tokens[from].start;
    const end = s.tokens[to - 1].end;
    const inside = s.text.slice(start, end).indexOf(text);
    if (inside >= 0) return [start + inside, start + inside + text.length];
  }
  const first = s.text.indexOf(text);
  return first >= 0 ? [first, first + text.length] : undefined;
}

/**
 * A rewrite's run: one `wording` change over all of it, and beside it each fact one side
 * holds and the other lacks (a figure, a name, a speaker; a quotation whose words differ), as
 * dropped or added: in a rewrite no word stands for another, so none is paired. Consecutive
 * tokens of one kind (gaps of one token at most) are one change. O(r · n) for r tokens in the
 * run and n in the sentences.
 */
function rewrittenHunks(base: ReadSentence, other: ReadSentence, b: Range, o: Range, options: ChangeOptions): Hunk[] {
  const hunks: Hunk[] = [{ b, o, change: changeOf(base, other, b, o, 'wording') }];
  const quotesDiffer = base.quotedWords !== other.quotedWords;
  const factsOf = (side: 'b' | 'o') => {
    const s = side === 'b' ? base : other;
    const [from, to] = side === 'b' ? b : o;
    const none: Range = side === 'b' ? [o[0], o[0]] : [b[0], b[0]];
    const classified = (run: Range) =>
      side === 'b' ? classify(base, other, run, none, options) : classify(base, other, none, run, options);
    const kindOf = (run: Range) => {
      const { kind } = classified(run);
      return kind === 'wording' || kind === 'negation' || (kind === 'quote' && !quotesDiffer) ? undefined : kind;
    };
    // Tokens that are a fact on their own, gathered into runs ("United States" is one name), each run read as a whole.
    const runs: { from: number; to: number; kind: ChangeKind }[] = [];
    for (let i = from; i < to; i++) {
      const kind = s.tokens[i].kind === 'punct' ? undefined : kindOf([i, i + 1]);
      if (!kind) continue;
      const last = runs[runs.length - 1];
      // One speaker's words stay together across its short words ("statement released by the Kremlin").
      const sameSpeaker = () =>
        kind === 'attribution' && s.tokens.slice(last.to, i).every((_, k) => s.names.agent[last.to + k] || s.names.speech[last.to + k]);
      if (last && last.kind === kind && (i - last.to <= 1 || sameSpeaker())) last.to = i + 1;
      else runs.push({ from: i, to: i + 1, kind });
    }
    return runs.flatMap(r => {
      const kind = kindOf([r.from, r.to]);
      if (!kind) return [];
      const found = classified([r.from, r.to]);
      return [{ ...r, kind, shortened: found.shortened === true, date: found.date === true }];
    });
  };
  // A part of a name added or dropped beside a part the other side keeps ("Vladimir" before
  // "Putin"): the whole name on this side, the kept part on the other, as one name's spellings.
  const shortenedName = (s: ReadSentence, from: number, to: number) => {
    let start = from;
    let end = to;
    const against = s === base ? other : base;
    while (
      start > 0 &&
      s.tokens[start - 1].capital &&
      s.tokens[start - 1].kind === 'word' &&
      !s.names.initial[start - 1] &&
      !isTitle(s.tokens[start - 1].key, s.language)
    )
      start--;
    while (end < s.tokens.length && s.tokens[end].capital && s.tokens[end].kind === 'word') end++;
    const kept = s.tokens
      .slice(start, end)
      .filter((t, k) => (k < from - start || k >= to - start) && against.names.capitalForms.has(s.words.form(t.key)))
      .map(t => s.text.slice(t.start, t.end))
      .join(' ');
    return { whole: textOf(s, [start, end]), range: [s.tokens[start].start, s.tokens[end - 1].end] as const, kept };
  };
  // The same name or figure twice on one side is one change; a side's one quotation or one
  // speaker and the other side's one are a quotation or a speaker changed, not one dropped and one added.
  const distinct = (s: ReadSentence, runs: ReturnType<typeof factsOf>) => {
    const seen = new Set<string>();
    return runs.filter(r => {
      const key = `${r.kind}\u0000${s.tokens
        .slice(r.from, r.to)
        .map(t => t.key)
        .join(' ')}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  const bRuns = distinct(base, factsOf('b'));
  const oRuns = distinct(other, factsOf('o'));
  for (const kind of ['quote', 'attribution'] as const) {
    const bOf = bRuns.filter(r => r.kind === kind);
    const oOf = oRuns.filter(r => r.kind === kind);
    if (bOf.length !== 1 || oOf.length !== 1) continue;
    const bRange: Range = [bOf[0].from, bOf[0].to];
    const oRange: Range = [oOf[0].from, oOf[0].to];
    hunks.push({ b: bRange, o: oRange, change: changeOf(base, other, bRange, oRange, kind) });
    bRuns.splice(bRuns.indexOf(bOf[0]), 1);
    oRuns.splice(oRuns.indexOf(oOf[0]), 1);
  }
  for (const g of bRuns) {
    const change = changeOf(base, other, [g.from, g.to], [o[0], o[0]], g.kind, false, g.date);
    if (!g.shortened) hunks.push({ b: [g.from, g.to], o: [o[0], o[0]], change });
    else {
      const { whole, kept } = shortenedName(base, g.from, g.to);
      hunks.push({ b: [g.from, g.to], o: [o[0], o[0]], change: { kind: 'name', base: whole, other: kept, variant: true } });
    }
  }
  for (const g of oRuns) {
    const change = changeOf(base, other, [b[0], b[0]], [g.from, g.to], g.kind, false, g.date);
    if (!g.shortened) hunks.push({ b: [b[0], b[0]], o: [g.from, g.to], change });
    else {
      const { whole, range, kept } = shortenedName(other, g.from, g.to);
      hunks.push({
        b: [b[0], b[0]],
        o: [g.from, g.to],
        change: { kind: 'name', base: kept, other: whole, otherRange: range, variant: true },
      });
    }
  }
  return hunks;
}

/**
 * A rewrite too heavy to align word by word (more than `maxEdits` tokens differ): one run over
 * all between the tokens the two sentences share at their start and at their end.
 */
function rewrittenRun(base: ReadSentence, other: ReadSentence): [Range, Range] {
  const b = base.tokens;
  const o = other.tokens;
  let head = 0;
  while (head < b.length && head < o.length && b[head].key === o[head].key) head++;
  let tail = 0;
  while (tail < b.length - head && tail < o.length - head && b[b.length - 1 - tail].key === o[o.length - 1 - tail].key) tail++;
  return [
    [head, b.length - tail],
    [head, o.length - tail],
  ];
}

/** A run of differing tokens: `[from, to)` in the anchor's tokens and in the member's, and its change. */
interface Hunk {
  readonly b: Range;
  readonly o: Range;
  readonly change: FactChange;
}

/**
 * Whether `run` of `s` holds a word that is no function word of its language, or a figure: what
 * could stand for a fact. A language without a function-word list counts every word. O(r).
 */
function saysSomething(s: ReadSentence, [from, to]: Range): boolean {
  const known = s.words.language(s.language);
  for (let i = from; i < to; i++) {
    const t = s.tokens[i];
    if (t.kind === 'number' || t.kind === 'date' || (t.kind === 'word' && !known.of(t.key).functionWord)) return true;
  }
  return false;
}

/** Whether the words of `range` name a week, month, quarter or year around the time of writing ("last week"; `NumberLexicon.relativePeriods`). */
function namesPeriod(s: ReadSentence, range: Range): boolean {
  const words = textOf(s, range).toLowerCase();
  return numberLexicon(s.language).relativePeriods.some(period => words.includes(period));
}

const textOf = (s: ReadSentence, [from, to]: Range) => (from < to ? s.text.slice(s.tokens[from].start, s.tokens[to - 1].end) : '');

/**
 * The tokens of `range` that make a fact's text as a reader is shown it: punctuation at either
 * edge goes (the comma before a clause, the colon after a dateline, a sentence's stop), and so
 * does a quotation mark or bracket at an edge that the range does not close or open again; a
 * bracket the range opens takes the token after it where that closes it ("today (July 13)").
 * Tokens inside stay, so the text is still one slice of the sentence (a bracket or quotation
 * mark left open inside it stays too). O(r²) at worst for r tokens, as each edge token taken
 * away reads the range again; O(r) where none is.
 */
export function tidyRange(s: Pick<ReadSentence, 'tokens' | 'text'>, [from, to]: Range): Range {
  const t = s.tokens;
  const closerOf = (k: number) => (t[k].kind === 'punct' ? BRACKETS[t[k].key] : undefined);
  const isCloser = (k: number) => t[k].kind === 'punct' && CLOSING_BRACKETS.has(t[k].key);
  for (let changed = true; changed && from < to;) {
    changed = false;
    // Marks of no pair at the edges.
    while (from < to && t[from].kind === 'punct' && closerOf(from) === undefined) from++;
    while (from < to && t[to - 1].kind === 'punct' && !isCloser(to - 1)) to--;
    if (from >= to) break;
    // Brackets: one opened and not closed inside takes the token right after where that closes it.
    const open: number[] = [];
    let strayCloser = -1;
    for (let k = from; k < to; k++) {
      if (closerOf(k) !== undefined) open.push(k);
      else if (isCloser(k)) {
        if (open.length && closerOf(open[open.length - 1]) === t[k].key) open.pop();
        else if (strayCloser < 0) strayCloser = k;
      }
    }
    if (open.length === 1 && to < t.length && closerOf(open[0]) === t[to].key) {
      to++;
      open.pop();
    }
    if (open.length && open[0] === from) {
      from++;
      changed = true;
      continue;
    }
    if (strayCloser === to - 1) {
      to--;
      changed = true;
      continue;
    }
    // Quotation marks: one the range holds without its pair goes, where it stands at an edge.
    const unpaired = unpairedQuotes(s, from, to);
    if (unpaired.has(from)) from++;
    else if (unpaired.has(to - 1)) to--;
    else continue;
    changed = true;
  }
  return from < to ? [from, to] : [from, from];
}

/**
 * The quotation-mark tokens of `[from, to)` that no mark of the range pairs with: straight
 * marks pair in turn (a last odd one is left), curly marks and guillemets as each language
 * pairs them (`quotationMarks.ts`). O(r).
 */
function unpairedQuotes(s: Pick<ReadSentence, 'tokens' | 'text'>, from: number, to: number): Set<number> {
  const open: number[] = [];
  const unpaired = new Set<number>();
  let straight = -1;
  for (let k = from; k < to; k++) {
    if (s.tokens[k].kind !== 'quote') continue;
    const mark = s.text[s.tokens[k].start];
    if (mark === '"' || mark === "'") {
      straight = straight < 0 ? k : -1;
      continue;
    }
    const top = open[open.length - 1];
    if (top !== undefined && QUOTE_CLOSERS[s.text[s.tokens[top].start]]?.includes(mark)) open.pop();
    else if (mark in QUOTE_CLOSERS) open.push(k);
    else unpaired.add(k);
  }
  for (const k of open) unpaired.add(k);
  if (straight >= 0) unpaired.add(straight);
  return unpaired;
}

/** Opening brackets and the bracket that closes each. */
const BRACKETS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '（': '）', '［': '］', '【': '】' };
const CLOSING_BRACKETS: ReadonlySet<string> = new Set(Object.values(BRACKETS));

function changeOf(
  base: ReadSentence,
  other: ReadSentence,
  b: Range,
  o: Range,
  kind: ChangeKind,
  variant?: boolean,
  date?: boolean,
): FactChange {
  b = tidyRange(base, b);
  o = tidyRange(other, o);
  return {
    kind,
    base: textOf(base, b),
    other: textOf(other, o),
    ...(o[0] < o[1] ? { otherRange: [other.tokens[o[0]].start, other.tokens[o[1] - 1].end] as const } : {}),
    ...(variant ? { variant: true as const } : {}),
    ...(date ? { date: true as const } : {}),
  };
}

/**
 * One run of differing tokens as changes: a fact is reported on its own tokens (from the first
 * to the last token that makes it, on each side), and the words of the run before and after
 * it are read again on their own, so that a name in a rewritten clause is boxed, not the
 * clause. Where only one side holds the fact, the other side's run is cut in the same
 * proportion. A run whose fact covers one side whole stays whole ("the two presidents" →
 * "Putin and Assad"). O(r²) for r tokens in the run at worst, O(r) usually.
 */
function classifiedHunks(base: ReadSentence, other: ReadSentence, b: Range, o: Range, options: ChangeOptions): Hunk[] {
  if (b[0] >= b[1] && o[0] >= o[1]) return [];
  const found = classify(base, other, b, o, options);
  const whole = (): Hunk => ({ b, o, change: changeOf(base, other, b, o, found.kind, found.variant, found.date) });
  // A negation is found only in a small run (`MAX_NEGATION_CONTEXT`, changeKinds.ts): the run is the change.
  if (found.kind === 'wording' || found.kind === 'negation') return [whole()];
  // The first cluster of the fact's tokens (gaps of one token at most): a second figure further
  // on is found again in the rest of the run, as a change of its own.
  const spanOf = (facts: readonly number[]): Range | undefined => {
    if (!facts.length) return undefined;
    const sorted = [...facts].sort((x, y) => x - y);
    let end = 0;
    while (end + 1 < sorted.length && sorted[end + 1] - sorted[end] <= 2) end++;
    return [sorted[0], sorted[end] + 1];
  };
  let bSpan = spanOf(found.bFacts);
  let oSpan = spanOf(found.oFacts);
  if (!bSpan && !oSpan) return [whole()];
  const covers = (span: Range | undefined, run: Range) => span !== undefined && span[0] === run[0] && span[1] === run[1];
  // A fact whose place the other side fills with function words alone ("12 people" → "The
  // people") is dropped (or added) there, and those words are a rewording beside it.
  if (!found.shortened && bSpan && !oSpan && covers(bSpan, b) && o[1] > o[0] && !saysSomething(other, o)) {
    const at: Range = [o[0], o[0]];
    return [
      { b, o: at, change: changeOf(base, other, b, at, found.kind, found.variant, found.date) },
      { b: [b[1], b[1]], o, change: changeOf(base, other, [b[1], b[1]], o, 'wording') },
    ];
  }
  if (!found.shortened && oSpan && !bSpan && covers(oSpan, o) && b[1] > b[0] && !saysSomething(base, b)) {
    const at: Range = [b[0], b[0]];
    return [
      { b: at, o, change: changeOf(base, other, at, o, found.kind, found.variant, found.date) },
      { b, o: [o[1], o[1]], change: changeOf(base, other, b, [o[1], o[1]], 'wording') },
    ];
  }
  if (!found.shortened && (covers(bSpan, b) || covers(oSpan, o))) return [whole()];
  const cutAt = (span: Range, from: Range, to: Range): Range => {
    const share = from[1] > from[0] ? (span[0] - from[0]) / (from[1] - from[0]) : 0;
    const at = to[0] + Math.round(share * (to[1] - to[0]));
    return [at, at];
  };
  // A side without the fact's tokens: a few words there are what the fact replaced; a longer
  // run is cut where the fact stands on the other side.
  const few = (s: ReadSentence, run: Range) => {
    let n = 0;
    for (let i = run[0]; i < run[1]; i++) if (s.tokens[i].kind === 'word' || s.tokens[i].kind === 'number') n++;
    return n <= FEW_WORDS;
  };
  // Words there like the fact side's words before or after its fact (the same word, or one
  // with the same stem) are read as those words, the rest as what the fact replaced.
  const alike = (x: FactToken, y: FactToken) =>
    x.key === y.key || (x.kind === 'word' && y.kind === 'word' && base.words.stem(x.key) === base.words.stem(y.key));
  const fit = (factSide: ReadSentence, factRun: Range, span: Range, plain: ReadSentence, plainRun: Range): Range => {
    const before = factSide.tokens.slice(factRun[0], span[0]);
    const after = factSide.tokens.slice(span[1], factRun[1]);
    let [from, to] = plainRun;
    while (from < to && before.some(t => alike(t, plain.tokens[from]))) from++;
    while (to > from && after.some(t => alike(t, plain.tokens[to - 1]))) to--;
    // A short run replaced by a short run ("the two presidents" → "Putin and Assad") is one
    // change; one of function words alone ("Monday night’s" → "The") replaces nothing: the fact
    // is dropped there. Nor do words without a figure replace a figure or a date ("Wednesday"
    // put where a version had "Meanwhile" is a date added, beside a rewording), but for a time
    // named around the time of writing ("last week" → "on Wednesday").
    return (found.kind !== 'number' || (found.date === true && namesPeriod(plain, [from, to]))) &&
      few(plain, [from, to]) &&
      few(factSide, factRun) &&
      saysSomething(plain, [from, to])
      ? [from, to]
      : cutAt(span, factRun, [from, to]);
  };
  bSpan ??= fit(other, o, oSpan!, base, b);
  oSpan ??= fit(base, b, bSpan, other, o);
  // Punctuation alone before or after the fact goes with it (", according to …").
  const wordless = (s: ReadSentence, from: number, to: number) => {
    for (let i = from; i < to; i++) if (s.tokens[i].kind === 'word' || s.tokens[i].kind === 'number') return false;
    return true;
  };
  if (wordless(base, b[0], bSpan[0]) && wordless(other, o[0], oSpan[0])) {
    bSpan = [b[0], bSpan[1]];
    oSpan = [o[0], oSpan[1]];
  }
  if (wordless(base, bSpan[1], b[1]) && wordless(other, oSpan[1], o[1])) {
    bSpan = [bSpan[0], b[1]];
    oSpan = [oSpan[0], o[1]];
  }
  if (!found.shortened && covers(bSpan, b) && covers(oSpan, o)) return [whole()];
  const out: Hunk[] = [];
  out.push(...classifiedHunks(base, other, [b[0], bSpan[0]], [o[0], oSpan[0]], options));
  if (found.shortened) {
    // The kept part of the name stands beside the dropped one on both sides: show the whole name.
    let [bFrom, bTo] = bSpan;
    let [oFrom, oTo] = oSpan;
    const keptName = (bi: number, oi: number) =>
      bi >= 0 &&
      oi >= 0 &&
      bi < base.tokens.length &&
      oi < other.tokens.length &&
      base.tokens[bi].capital &&
      other.tokens[oi].capital &&
      base.tokens[bi].kind === 'word' &&
      !isTitle(base.tokens[bi].key, base.language) &&
      !base.names.initial[bi] &&
      !base.names.functionWords.has(base.tokens[bi].key) &&
      base.tokens[bi].key === other.tokens[oi].key;
    while (keptName(bFrom - 1, oFrom - 1)) {
      bFrom--;
      oFrom--;
    }
    while (keptName(bTo, oTo)) {
      bTo++;
      oTo++;
    }
    out.push({ b: bSpan, o: oSpan, change: changeOf(base, other, [bFrom, bTo], [oFrom, oTo], found.kind, true) });
  } else out.push({ b: bSpan, o: oSpan, change: changeOf(base, other, bSpan, oSpan, found.kind, found.variant, found.date) });
  out.push(...classifiedHunks(base, other, [bSpan[1], b[1]], [oSpan[1], o[1]], options));
  return out;
}

/**
 * Quote changes that follow one another inside one quotation as one change: a reworded quote
 * reads as one quote changed, not as four. The quotation may stand on one side only (a quote
 * added or dropped); the other side's words between the changes then stand outside quotation
 * marks.
 */
function mergeQuoteHunks(base: ReadSentence, other: ReadSentence, hunks: readonly Hunk[]): Hunk[] {
  // A colon or a comma right before the opening mark ("said: “…”") stands outside the marks,
  // and belongs to the quotation all the same; no other mark between two quotations does.
  const quotationStart = (s: ReadSentence, from: number, to: number) =>
    from + 1 < to && (s.tokens[from].key === ':' || s.tokens[from].key === ',') && s.tokens[from + 1].kind === 'quote' ? from + 1 : from;
  const allQuoted = (s: ReadSentence, from: number, to: number) => {
    for (let i = quotationStart(s, from, to); i < to; i++) if (!s.quoted[i]) return false;
    return true;
  };
  const noneQuoted = (s: ReadSentence, from: number, to: number) => {
    for (let i = from; i < to; i++) if (s.quoted[i]) return false;
    return true;
  };
  const oneQuotation = (s: ReadSentence, from: number, to: number) => {
    // No mark between the two ends (past the colon or comma before the opening one): the words
    // are inside one quotation, not two.
    for (let i = quotationStart(s, from, to) + 1; i < to - 1; i++) if (s.tokens[i].kind === 'quote') return false;
    return allQuoted(s, from, to);
  };
  const out: Hunk[] = [];
  for (const h of hunks) {
    const last = out[out.length - 1];
    const bQuoted = last && allQuoted(base, last.b[0], h.b[1]);
    const oQuoted = last && allQuoted(other, last.o[0], h.o[1]);
    if (
      last &&
      last.change.kind === 'quote' &&
      h.change.kind === 'quote' &&
      ((bQuoted && oQuoted) ||
        (bQuoted && oneQuotation(base, last.b[0], h.b[1]) && noneQuoted(other, last.o[1], h.o[0])) ||
        (oQuoted && oneQuotation(other, last.o[0], h.o[1]) && noneQuoted(base, last.b[1], h.b[0])))
    ) {
      const b: Range = [last.b[0], h.b[1]];
      const o: Range = [last.o[0], h.o[1]];
      out[out.length - 1] = { b, o, change: changeOf(base, other, b, o, 'quote') };
    } else out.push(h);
  }
  return out;
}

/** One run of differing tokens: `[from, to)` in the anchor's tokens and in the member's. */
function classify(base: ReadSentence, other: ReadSentence, [bFrom, bTo]: Range, [oFrom, oTo]: Range, options: ChangeOptions): Classified {
  const run: ChangedRun = { base, other, bFrom, bTo, oFrom, oTo, bIdx: indicesFrom(bFrom, bTo), oIdx: indicesFrom(oFrom, oTo) };
  // A dateline added, dropped or written otherwise ("TOWN, May 14 (Agency) -" for none) places
  // and dates the report, not the statement: its place and date are no changed facts.
  if (inDateline(base, bFrom, bTo) && inDateline(other, oFrom, oTo)) return verdict('wording');
  // Each kind in the order of the list in the header; each read by a function of its own, so that none is compiled as one large function.
  return (
    (base.negations !== other.negations ? negationChange(run) : undefined) ??
    figureChange(run) ??
    speakerOrQuoteChange(run, options) ??
    nameChange(run, options)!
  );
}

/** Whether tokens `from..to` of the sentence lie within the dateline it opens with; an empty range does. O(1) once the sentence's dateline is read. */
function inDateline(s: ReadSentence, from: number, to: number): boolean {
  return from === to || s.tokens[to - 1].end <= s.datelineEnd;
}
