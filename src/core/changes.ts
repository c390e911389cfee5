/**
 * Stage 11, changed facts: what each member of a group changes against the group's anchor,
 * each change classified by what it touches (number, quote, name, attribution, negation) or
 * else `wording`.
 *
 * Both wordings are read as tokens: numbers (digits of any script with their separators, or
 * written out, with a following "million" and the like folded in) and month and weekday names
 * stand as their values, so "twelve" and "12" or "1,000" and "1000" are the same token; words
 * compare in lower case; quotation marks of every script are one token. The two token lists
 * are aligned word by word (jsdiff's `diffArrays`, Myers' O(ND) diff, the algorithm `wordDiff`
 * uses), and each run of differing tokens is one change, classified by the first kind that
 * applies:
 *
 * 1. negation: the two sentences carry different numbers of negation words, and the run holds one;
 * 2. number: the run holds a figure, date or share that the other sentence does not carry;
 * 3. attribution: the run lies in the agent of a speech verb (the words before "said", after
 *    "according to"), outside quotation marks;
 * 4. quote: the run lies inside quotation marks, or adds or drops them;
 * 5. name: the run holds a capitalised word, not sentence-initial, that the other sentence
 *    lacks (only in scripts with case, and not in a sentence set in title case); marked
 *    `variant` where the names on the two sides are spellings of one (similar letters);
 * 6. wording: everything else.
 */
import { diffArrays } from 'diff';
import { agentFollows, isCommonAcronym, isDefiniteArticle, isNegation, isTitle, speechVerbs } from './factWords';
import { DIGITS, REFERENCE, WORD, hasCapital, tokenSpans } from './factTokenSpans';
import { AMBIGUOUS_DATE_WORDS, PERCENT_WORDS, digitValue, numberLexicon, phraseKey } from './numbers';
import { bigramProfile, profileSimilarity } from './similarity';
import type { ChangeKind, FactChange } from './types';

/** Verbs whose agent follows only with "by" ("quoted by the agency"; "the agency quoted him"). */
const QUOTING = new Set(['quoted', 'cited', 'zitiert', 'cité', 'citado', 'citato', 'geciteerd']);

/** Words besides negations that a hunk may hold and still read as a negation added or dropped. */
const MAX_NEGATION_CONTEXT = 4;

type TokenKind = 'word' | 'number' | 'date' | 'quote' | 'punct';

/** A token of a sentence: its comparison key, kind and `[start, end)` in the sentence's text. */
export interface FactToken {
  readonly key: string;
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** Starts with a capital letter. */
  readonly capital: boolean;
}

/** A quotation mark left as a character reference, with or without its ampersand. */
const ENTITY_QUOTE = /(?:quot|[lr][sd]quo|#3[49]|#822[01]);/;
const QUOTE_MARKS = '"“”„‟«»‹›「」『』‘’‚\'';

/**
 * The tokens of one sentence in a language (ISO 639-1). Written numbers are matched longest
 * first, up to the longest phrase of the language. O(n · k) for n tokens, k that phrase length.
 */
export function factTokens(text: string, language: string): FactToken[] {
  const lexicon = numberLexicon(language);
  const raw: FactToken[] = [];
  const spans = tokenSpans(text);
  for (let k = 0; k < spans.length; k += 3) {
    const start = spans[k];
    const end = spans[k + 1];
    const part = spans[k + 2];
    // A character reference left in the text by a page dump stands for punctuation, not a number or a word.
    if (part === REFERENCE) continue;
    const token = text.slice(start, end);
    const hyphen = part === WORD ? firstHyphen(token) : -1;
    if (hyphen > 0 && lexicon.phrases.has(token.slice(0, hyphen).toLowerCase()) && !lexicon.phrases.has(phraseKey([token]))) {
      // "six-week": a number word fused to its noun is a number and a word.
      raw.push({ key: token.slice(0, hyphen).toLowerCase(), kind: 'word', start, end: start + hyphen, capital: false });
      raw.push({ key: token.slice(hyphen + 1).toLowerCase(), kind: 'word', start: start + hyphen + 1, end, capital: false });
    } else if (part === DIGITS) raw.push({ key: `#${digitValue(token)}`, kind: 'number', start, end, capital: false });
    else if (part === WORD) {
      const lower = token.toLowerCase();
      raw.push({ key: lower.includes("'") ? lower.replace(/'/g, '’') : lower, kind: 'word', start, end, capital: hasCapital(token) });
    } else if (QUOTE_MARKS.includes(token)) raw.push({ key: '"', kind: 'quote', start, end, capital: false });
    else if (PERCENT_WORDS.has(token)) raw.push({ key: '%', kind: 'number', start, end, capital: false });
    else raw.push({ key: token, kind: 'punct', start, end, capital: false });
  }
  const out: FactToken[] = [];
  for (let i = 0; i < raw.length;) {
    const t = raw[i];
    let value: number | undefined;
    let next = i + 1;
    if (t.kind === 'word' && lexicon.firstWords.has(/[-‐‑\s]/.test(t.key) ? phraseKey([t.key]).split(' ')[0] : t.key)) {
      for (let n = Math.min(lexicon.longest, raw.length - i); n >= 1 && value === undefined; n--) {
        const run = raw.slice(i, i + n);
        if (run.some(x => x.kind !== 'word')) continue;
        const found = lexicon.phrases.get(phraseKey(run.map(x => x.key)));
        if (found !== undefined) {
          value = found;
          next = i + n;
        }
      }
    } else if (t.kind === 'number' && t.key.startsWith('#') && !t.key.includes(':')) value = Number(t.key.slice(1));
    if (value !== undefined) {
      const scale = next < raw.length && raw[next].kind === 'word' ? lexicon.scales.get(raw[next].key) : undefined;
      if (scale) {
        value *= scale;
        next++;
      }
      out.push({ key: `#${String(value)}`, kind: 'number', start: t.start, end: raw[next - 1].end, capital: false });
      i = next;
      continue;
    }
    if (t.kind === 'word') {
      const date = lexicon.dateWords.get(t.key);
      if (PERCENT_WORDS.has(t.key)) {
        out.push({ ...t, key: '%', kind: 'number' });
        i++;
        continue;
      }
      if (date && (t.capital || !AMBIGUOUS_DATE_WORDS.has(t.key))) {
        out.push({ ...t, key: date, kind: 'date' });
        i++;
        continue;
      }
    }
    out.push(t);
    i++;
  }
  return out;
}

/** Where the first hyphen (ASCII or U+2010) of a word stands, or -1: `word.search(/[-‐]/)` without a pattern. */
function firstHyphen(word: string): number {
  const ascii = word.indexOf('-');
  const unicode = word.indexOf('‐');
  return ascii < 0 ? unicode : unicode < 0 ? ascii : Math.min(ascii, unicode);
}

/** Per token, whether it stands inside quotation marks (the marks themselves count as inside). */
export function quotedTokens(text: string, tokens: readonly FactToken[]): boolean[] {
  const inside = new Array<boolean>(tokens.length).fill(false);
  let openDouble = -1;
  let openSingle = -1;
  const mark = (from: number, to: number) => {
    for (let k = from; k <= to; k++) inside[k] = true;
  };
  tokens.forEach((t, i) => {
    if (t.kind !== 'quote') return;
    const ch = text[t.start];
    const before = t.start === 0 ? ' ' : text[t.start - 1];
    const after = t.end >= text.length ? ' ' : text[t.end];
    if ("‘‚'".includes(ch) || (ch === '’' && openSingle >= 0)) {
      // A single mark opens before a word and closes after one; an apostrophe does neither.
      if (openSingle < 0 && /[\s([{—–-]/u.test(before) && /[\p{L}\p{N}]/u.test(after)) openSingle = i;
      else if (openSingle >= 0 && /[\p{L}\p{N}.,!?…]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) {
        mark(openSingle, i);
        openSingle = -1;
      }
      return;
    }
    if (ch === '’') return;
    if (
      '“„«‹「『'.includes(ch) &&
      !(ch === '«' && openDouble >= 0) &&
      !(ch === '“' && openDouble >= 0 && text[tokens[openDouble].start] === '„')
    ) {
      if (openDouble < 0) openDouble = i;
      else {
        mark(openDouble, i);
        openDouble = -1;
      }
      return;
    }
    if (openDouble >= 0) {
      mark(openDouble, i);
      openDouble = -1;
    } else openDouble = i;
  });
  return inside;
}

/** A sentence read for comparison. */
interface ReadSentence {
  readonly text: string;
  readonly tokens: readonly FactToken[];
  readonly quoted: readonly boolean[];
  readonly agent: readonly boolean[];
  /** Per token, whether it opens a sentence or a quotation (a capital there says nothing about names). */
  readonly initial: readonly boolean[];
  /** The name stems (`nameStem`) of every word: a name whose stem is here is not missing. */
  readonly stems: ReadonlySet<string>;
  /** The stems of the words that name a speaker (`agent`). */
  readonly agentStems: ReadonlySet<string>;
  /** The words inside quotation marks, in order, space-joined. */
  readonly quotedWords: string;
  /** The initials of every run of two or more capitalised words ("United Nations" → "un"). */
  readonly acronyms: ReadonlySet<string>;
  /** Per token, the initials of the run of capitalised words it stands in ('' outside one). */
  readonly runInitials: readonly string[];
  /** Most of its longer words capitalised: a headline in title case, where capitals tell no names. */
  readonly titleCase: boolean;
  readonly keys: ReadonlyMap<string, number>;
  readonly negations: number;
  readonly language: string;
}

function readSentence(text: string, language: string): ReadSentence {
  const tokens = factTokens(text, language);
  const quoted = quotedTokens(text, tokens);
  const agent = agentTokens(tokens, quoted, language);
  const initial = tokens.map((_, i) => {
    let k = i - 1;
    while (k >= 0 && (tokens[k].kind === 'quote' || '([{'.includes(tokens[k].key))) k--;
    return k < 0 || k < i - 1 || '.!?:;…|—–-'.includes(tokens[k].key);
  });
  // One pass over the tokens for the word sets, the quoted words, the capitals and the counts.
  const stems = new Set<string>();
  const agentStems = new Set<string>();
  const quotedKeys: string[] = [];
  const keys = new Map<string, number>();
  let negations = 0;
  let wordCount = 0;
  let capitalCount = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    keys.set(t.key, (keys.get(t.key) ?? 0) + 1);
    if (quoted[i] && t.kind !== 'quote' && t.kind !== 'punct') quotedKeys.push(t.key);
    if (t.kind !== 'word') continue;
    const stem = nameStem(t.key);
    stems.add(stem);
    if (agent[i]) agentStems.add(stem);
    wordCount++;
    if (t.capital) capitalCount++;
    if (isNegation(t.key, language)) negations++;
  }
  const quotedWords = quotedKeys.join(' ');
  const runInitials = new Array<string>(tokens.length).fill('');
  const acronyms = new Set<string>();
  for (let i = 0; i < tokens.length;) {
    let j = i;
    while (j < tokens.length && tokens[j].kind === 'word' && tokens[j].capital) j++;
    if (j - i >= 2) {
      const initials = tokens
        .slice(i, j)
        .map(t => t.key[0])
        .join('');
      acronyms.add(initials);
      for (let k = i; k < j; k++) runInitials[k] = initials;
    }
    i = Math.max(j, i + 1);
  }
  const titleCase = wordCount >= 4 && capitalCount >= 0.75 * wordCount;
  return {
    text,
    tokens,
    quoted,
    agent,
    initial,
    stems,
    agentStems,
    quotedWords,
    acronyms,
    runInitials,
    titleCase,
    keys,
    negations,
    language,
  };
}

/** A word's stem for finding a name again: letters without diacritics or a possessive, at most 5 ("India", "Indian's" → "india"). */
export function nameStem(lowerWord: string): string {
  // Most words are plain ASCII letters, which need none of the steps below.
  if (/^[a-z]+$/.test(lowerWord)) return lowerWord.slice(0, 5);
  return lowerWord
    .normalize('NFD')
    .replace(/^\p{L}{1,3}[-‐]/u, '') // a particle: "al-Assad" is found as "Assad"
    .replace(/[’']s$/u, '')
    .replace(/[^\p{L}\p{Nd}]/gu, '')
    .slice(0, 5);
}

/**
 * Words that name who said or reported something: the capitalised words (with one short word
 * before them, "the") right before a speech verb, or up to 5 words after one whose agent
 * follows ("according to a security official", "…,” said the Kremlin). In scripts without
 * case, the 2 words before the verb.
 */
function agentTokens(tokens: readonly FactToken[], quoted: readonly boolean[], language: string): boolean[] {
  const agent = new Array<boolean>(tokens.length).fill(false);
  const verbs = speechVerbs(language);
  const isWord = (i: number) => i >= 0 && i < tokens.length && (tokens[i].kind === 'word' || tokens[i].kind === 'number') && !quoted[i];
  const caseless = (i: number) => tokens[i].key.toUpperCase() === tokens[i].key;
  tokens.forEach((t, v) => {
    if (t.kind !== 'word' || quoted[v] || !verbs.has(t.key)) return;
    const before = v - 1;
    // "…," the Kremlin said / "…," said the Kremlin: after a quotation or a comma the agent may follow the verb.
    const byNext = v + 1 < tokens.length && /^(by|von|par|por|da|door|av)$/.test(tokens[v + 1].key);
    const follows =
      agentFollows(t.key) ||
      (QUOTING.has(t.key) && byNext) ||
      (before >= 0 && (tokens[before].kind === 'quote' || tokens[before].key === ','));
    if (follows) {
      let k = v + 1;
      if (isWord(k) && /^(to|by|von|à|a|de|al|di)$/.test(tokens[k].key)) k++;
      for (let n = 0; n < 5 && isWord(k); n++, k++) agent[k] = true;
    } else if (isWord(before) && caseless(before)) {
      for (let k = before, n = 0; n < 2 && isWord(k); n++, k--) agent[k] = true;
    } else {
      let k = before;
      for (let n = 0; n < 4 && isWord(k) && tokens[k].capital; n++, k--) agent[k] = true;
      if (k < before && isWord(k) && !tokens[k].capital && tokens[k].end - tokens[k].start <= 3) agent[k] = true;
    }
  });
  return agent;
}

/** Tuning of the classifier; every field has a default. */
export interface ChangeOptions {
  /** Two names at least this similar (bigram Dice of their letters) are spellings of one. Default 0.5. */
  readonly variantSimilarity?: number;
  /**
   * Past this many differing tokens a pair is a rewrite, reported as one `wording` change
   * rather than aligned word by word (the alignment costs O((n + m) · d)). Default 48.
   */
  readonly maxEdits?: number;
}

/**
 * The changes that turn the anchor's wording into a member's, in the member's reading order.
 * Input: the two texts and their language. Output: one change per run of differing tokens;
 * empty for identical texts, and for texts that differ only in how they write the same numbers
 * or quotation marks. `otherRange` is into `member`. O((n + m) · d) for n and m tokens and d
 * differing ones.
 */
export function classifyChanges(anchor: string, member: string, language: string, options: ChangeOptions = {}): FactChange[] {
  return changesAgainst(anchor, language, options)(member).map(placed => placed.change);
}

/** A change and where it stands in the member's text (for a dropped change, where the dropped text would be). */
export interface PlacedChange {
  readonly change: FactChange;
  readonly at: number;
}

/**
 * `classifyChanges` for many members against one anchor: the anchor is read once. The
 * function returned gives each change with its place in the member's text.
 */
export function changesAgainst(anchor: string, language: string, options: ChangeOptions = {}): (member: string) => readonly PlacedChange[] {
  let base: ReadSentence | undefined;
  const prefix = `${language}\u0000${options.variantSimilarity ?? ''}\u0000${options.maxEdits ?? ''}\u0000${anchor}\u0000`;
  return member => {
    if (member === anchor) return [];
    const key = prefix + member;
    const known = recentPairs.get(key);
    if (known) {
      // Seen again: moved to the young end, so that what a session keeps using stays.
      recentPairs.delete(key);
      recentPairs.set(key, known);
      return known;
    }
    base ??= readSentence(anchor, language);
    const found = changesBetween(base, readSentence(member, language), options);
    recentPairs.set(key, found);
    if (recentPairs.size > RECENT_PAIRS) recentPairs.delete(recentPairs.keys().next().value!);
    return found;
  };
}

/**
 * The changes of the pairs compared lately, least recently used first: a corpus analysed again
 * (an edit, a reopened folder) compares mostly the same pairs, and the result depends only on
 * the two texts, their language and the options.
 */
const recentPairs = new Map<string, readonly PlacedChange[]>();
const RECENT_PAIRS = 8192;

function changesBetween(base: ReadSentence, other: ReadSentence, options: ChangeOptions): PlacedChange[] {
  const parts = diffArrays(
    base.tokens.map(t => t.key),
    other.tokens.map(t => t.key),
    { maxEditLength: options.maxEdits ?? 32 },
  );
  if (!parts) return [rewritten(base, other)];
  const hunks: Hunk[] = [];
  let b = 0;
  let o = 0;
  let removed: [number, number] | undefined;
  let added: [number, number] | undefined;
  const flush = () => {
    if (removed || added) {
      const bRange = removed ?? [b, b];
      const oRange = added ?? [o, o];
      hunks.push({ b: bRange, o: oRange, change: classify(base, other, bRange, oRange, options) });
    }
    removed = added = undefined;
  };
  for (const part of parts) {
    const n = part.count ?? part.value.length;
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
  return mergeQuoteHunks(base, other, hunks).map(({ o: [from], change }) => ({
    change,
    at: change.otherRange?.[0] ?? (from < other.tokens.length ? other.tokens[from].start : other.text.length),
  }));
}

/**
 * A rewrite too heavy to align word by word (more than `maxEdits` tokens differ): one `wording`
 * change over all between the tokens the two sentences share at their start and at their end.
 */
function rewritten(base: ReadSentence, other: ReadSentence): PlacedChange {
  const b = base.tokens;
  const o = other.tokens;
  let head = 0;
  while (head < b.length && head < o.length && b[head].key === o[head].key) head++;
  let tail = 0;
  while (tail < b.length - head && tail < o.length - head && b[b.length - 1 - tail].key === o[o.length - 1 - tail].key) tail++;
  const span = (s: ReadSentence, from: number, to: number) => (from < to ? s.text.slice(s.tokens[from].start, s.tokens[to - 1].end) : '');
  const oTo = o.length - tail;
  const change: FactChange = {
    kind: 'wording',
    base: span(base, head, b.length - tail),
    other: span(other, head, oTo),
    ...(head < oTo ? { otherRange: [o[head].start, o[oTo - 1].end] as const } : {}),
  };
  return { change, at: head < o.length ? o[head].start : other.text.length };
}

/** A run of differing tokens: `[from, to)` in the anchor's tokens and in the member's, and its change. */
interface Hunk {
  readonly b: readonly [number, number];
  readonly o: readonly [number, number];
  readonly change: FactChange;
}

/**
 * Quote changes that follow one another inside one quotation, on both sides, as one change:
 * a reworded quote reads as one quote changed, not as four.
 */
function mergeQuoteHunks(base: ReadSentence, other: ReadSentence, hunks: readonly Hunk[]): Hunk[] {
  const allQuoted = (s: ReadSentence, from: number, to: number) => {
    for (let i = from; i < to; i++) if (!s.quoted[i]) return false;
    return true;
  };
  const out: Hunk[] = [];
  for (const h of hunks) {
    const last = out[out.length - 1];
    if (
      last &&
      last.change.kind === 'quote' &&
      h.change.kind === 'quote' &&
      allQuoted(base, last.b[0], h.b[1]) &&
      allQuoted(other, last.o[0], h.o[1])
    ) {
      const b: [number, number] = [last.b[0], h.b[1]];
      const o: [number, number] = [last.o[0], h.o[1]];
      const text = (s: ReadSentence, [from, to]: readonly [number, number]) =>
        from < to ? s.text.slice(s.tokens[from].start, s.tokens[to - 1].end) : '';
      out[out.length - 1] = {
        b,
        o,
        change: {
          kind: 'quote',
          base: text(base, b),
          other: text(other, o),
          ...(o[0] < o[1] ? { otherRange: [other.tokens[o[0]].start, other.tokens[o[1] - 1].end] as const } : {}),
        },
      };
    } else out.push(h);
  }
  return out;
}

/** One run of differing tokens: `[from, to)` in the anchor's tokens and in the member's. */
function classify(
  base: ReadSentence,
  other: ReadSentence,
  [bFrom, bTo]: [number, number],
  [oFrom, oTo]: [number, number],
  options: ChangeOptions,
): FactChange {
  const span = (s: ReadSentence, from: number, to: number) => (from < to ? s.text.slice(s.tokens[from].start, s.tokens[to - 1].end) : '');
  const baseText = span(base, bFrom, bTo);
  const otherText = span(other, oFrom, oTo);
  const result = (kind: ChangeKind, variant?: boolean): FactChange => ({
    kind,
    base: baseText,
    other: otherText,
    ...(oFrom < oTo ? { otherRange: [other.tokens[oFrom].start, other.tokens[oTo - 1].end] as const } : {}),
    ...(variant ? { variant: true as const } : {}),
  });
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
  const bIdx = range(bFrom, bTo);
  const oIdx = range(oFrom, oTo);
  // Tokens that one side has and the other side lacks anywhere (a word merely moved is no change of fact).
  const lacking = (s: ReadSentence, idx: number[], against: ReadSentence) => idx.filter(i => !against.keys.has(s.tokens[i].key));

  if (base.negations !== other.negations) {
    const negates = (s: ReadSentence, idx: number[]) =>
      idx.some(i => s.tokens[i].kind === 'word' && isNegation(s.tokens[i].key, s.language));
    // A polarity flip is a small edit; a negation inside a rewritten passage is the rewrite's.
    const small = (s: ReadSentence, idx: number[]) =>
      idx.filter(i => s.tokens[i].kind === 'word' && !isNegation(s.tokens[i].key, s.language)).length <= MAX_NEGATION_CONTEXT;
    if ((negates(base, bIdx) || negates(other, oIdx)) && small(base, bIdx) && small(other, oIdx)) return result('negation');
  }
  // "The two leaders": a written number after a definite article refers to people already named; it counts nothing new.
  const figures = (s: ReadSentence, idx: number[]) =>
    idx.filter(
      i =>
        (s.tokens[i].kind === 'number' &&
          !(i > 0 && isDefiniteArticle(s.tokens[i - 1].key, s.language) && /^\p{L}/u.test(s.text[s.tokens[i].start]))) ||
        s.tokens[i].kind === 'date',
    );
  if (lacking(base, figures(base, bIdx), other).length || lacking(other, figures(other, oIdx), base).length) return result('number');

  const contentOf = (s: ReadSentence, idx: number[]) => idx.filter(i => s.tokens[i].kind === 'word' || s.tokens[i].kind === 'number');
  const bContent = contentOf(base, bIdx);
  const oContent = contentOf(other, oIdx);
  // A speaker named on one side and not among the other side's speakers.
  // A common word beside a speaker's name that the other side keeps as its speaker ("the Kremlin statement", "the Kremlin") changes no speaker.
  const keptBeside = (s: ReadSentence, i: number, against: ReadSentence) =>
    !s.tokens[i].capital &&
    [i - 1, i + 1].some(
      k => k >= 0 && k < s.tokens.length && s.agent[k] && s.tokens[k].capital && against.agentStems.has(nameStem(s.tokens[k].key)),
    );
  const newAgent = (s: ReadSentence, idx: number[], against: ReadSentence) =>
    idx.some(
      i =>
        s.agent[i] &&
        !keptBeside(s, i, against) &&
        s.tokens[i].kind === 'word' &&
        (s.tokens[i].capital || s.tokens[i].end - s.tokens[i].start > 3) &&
        !against.agentStems.has(nameStem(s.tokens[i].key)) &&
        !against.stems.has(nameStem(s.tokens[i].key)) &&
        !spelledOut(s.text.slice(s.tokens[i].start, s.tokens[i].end), lettersOf(against, against === base ? bContent : oContent)),
    );
  // Only the speakers' own words are compared for a respelt speaker: a run that also drops "the Kremlin said" changes the speaker.
  const agentsOf = (s: ReadSentence, idx: number[]) => idx.filter(i => s.agent[i]);
  if (
    (newAgent(base, bContent, other) || newAgent(other, oContent, base)) &&
    !sameName(base, agentsOf(base, bContent), other, agentsOf(other, oContent), options)
  )
    return result('attribution');
  if (bIdx.some(i => base.quoted[i]) || oIdx.some(i => other.quoted[i])) {
    // Quotation marks of another shape around the same words are the same quote; the same
    // words with and without marks are a quote added or dropped.
    const marks = (sentence: ReadSentence, idx: number[]) => idx.some(i => sentence.tokens[i].kind === 'quote');
    // Marks alone add or drop a quotation only where the other side has none, not even one left
    // as a character reference by a page dump: otherwise they are marks the other side lost in writing.
    const unmarked = (sentence: ReadSentence) => !sentence.tokens.some(t => t.kind === 'quote') && !ENTITY_QUOTE.test(sentence.text);
    if (
      bContent.some(i => base.quoted[i]) ||
      oContent.some(i => other.quoted[i]) ||
      (marks(base, bIdx) && unmarked(other) && base.quotedWords !== other.quotedWords) ||
      (marks(other, oIdx) && unmarked(base) && base.quotedWords !== other.quotedWords)
    )
      return result('quote');
  }
  // Capitalised words the other sentence lacks as written (not opening a sentence, not an acronym of its words).
  const names = (s: ReadSentence, idx: number[], against: ReadSentence, againstIdx: number[]) =>
    s.titleCase
      ? []
      : idx.filter(
          i =>
            s.tokens[i].capital &&
            s.tokens[i].kind === 'word' &&
            !s.initial[i] &&
            !isTitle(s.tokens[i].key, s.language) &&
            !isCommonAcronym(s.tokens[i].key, s.language) &&
            !against.keys.has(s.tokens[i].key) &&
            !against.acronyms.has(s.tokens[i].key) &&
            !(s.runInitials[i] && against.keys.has(s.runInitials[i])) &&
            !spelledOut(s.text.slice(s.tokens[i].start, s.tokens[i].end), lettersOf(against, againstIdx)),
        );
  const bNames = names(base, bIdx, other, oIdx);
  const oNames = names(other, oIdx, base, bIdx);
  // A name whose stem the other sentence has is found again there ("India", "Indian"; "Assad", "al-Assad").
  const missing = (s: ReadSentence, found: number[], against: ReadSentence) =>
    found.filter(i => !against.stems.has(nameStem(s.tokens[i].key)));
  if (missing(base, bNames, other).length || missing(other, oNames, base).length)
    return result('name', bNames.length > 0 && oNames.length > 0 && similarNames(base, bNames, other, oNames, options));
  // Spellings of one name on the two sides of the change: reported, marked as a variant; the
  // same letters written with other marks ("India’s", a possessive left as a broken entity) are one spelling.
  // One name with a short ending added ("Russia", "Russian"; "Lanka’s", "Lankan") is a derived form, not another spelling.
  const derived = (x: string, y: string) => x !== y && Math.abs(x.length - y.length) <= 3 && (x.startsWith(y) || y.startsWith(x));
  const bare = (s: ReadSentence, idx: number[]) =>
    idx
      .map(i => s.text.slice(s.tokens[i].start, s.tokens[i].end).replace(/[’']s$/u, ''))
      .join('')
      .toLowerCase();
  if (
    bNames.length &&
    oNames.length &&
    bare(base, bNames) !== bare(other, oNames) &&
    !derived(bare(base, bNames), bare(other, oNames)) &&
    similarNames(base, bNames, other, oNames, options)
  )
    return result('name', true);
  return result('wording');
}

/** An acronym whose letters stand in order in the other side's words, from its first ("UN", "United Nations"; "TV", "television"). */
function spelledOut(word: string, otherLetters: string): boolean {
  if (!/^[\p{Lu}\d]{2,6}$/u.test(word)) return false;
  const letters = word.toLowerCase();
  if (!otherLetters.startsWith(letters[0])) return false;
  let at = 0;
  for (const ch of letters) {
    at = otherLetters.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** The letters of some tokens, without diacritics, in lower case. */
function lettersOf(s: ReadSentence, idx: readonly number[]): string {
  return idx
    .map(i => s.text.slice(s.tokens[i].start, s.tokens[i].end))
    .join('')
    .normalize('NFD')
    .replace(/[^\p{L}]/gu, '')
    .toLowerCase();
}

/** The two runs are spellings of one name: similar letters, or one contained in the other ("Assad", "al-Assad"). */
function similarNames(
  base: ReadSentence,
  bIdx: readonly number[],
  other: ReadSentence,
  oIdx: readonly number[],
  options: ChangeOptions,
): boolean {
  const x = lettersOf(base, bIdx);
  const y = lettersOf(other, oIdx);
  if (!x || !y) return false;
  if (x.length >= 3 && y.length >= 3 && (x.includes(y) || y.includes(x))) return true;
  return profileSimilarity(bigramProfile(x), bigramProfile(y)) >= (options.variantSimilarity ?? 0.5);
}

/** An agent that only changed its spelling ("Al-Assad" / "Assad") is no other agent. */
function sameName(
  base: ReadSentence,
  bIdx: readonly number[],
  other: ReadSentence,
  oIdx: readonly number[],
  options: ChangeOptions,
): boolean {
  return bIdx.length > 0 && oIdx.length > 0 && similarNames(base, bIdx, other, oIdx, options);
}
