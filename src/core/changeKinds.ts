/**
 * The rules that tell what one run of differing tokens changes, each kind read by a function of
 * its own, which `classify` (`changes.ts`) tries in the order of the list in that module's
 * header: a negation added or dropped (`negationChange`), a figure or date one side lacks
 * (`figureChange`), another speaker or changed quotation (`speakerOrQuoteChange`), another name
 * or one spelt otherwise (`nameChange`); else wording. With them the helpers they alone use:
 * figures told at another precision, times of day written the British way, one day told from
 * two days of writing, acronyms and the words they abbreviate, spellings of one name. Apart
 * from `changes.ts`, which finds the runs and cuts each into the changes a reader is shown.
 */
import { hedgeBefore, isCommonAcronym, isDefiniteArticle, isNegation, isProperAdjective, isTitle } from './factWords';
import { FactToken, RELATIVE_DAY, inCapitals } from './factTokens';
import { asciiDigits } from './numbers';
import { BY, ReadSentence } from './sentenceReading';
import { bigramProfile, profileSimilarity } from './similarity';
import type { ChangeKind } from './types';

/** Tuning of the classifier; every field has a default. */
export interface ChangeOptions {
  /** Two names at least this similar (bigram Dice of their letters) are spellings of one. Default 0.5. */
  readonly variantSimilarity?: number;
  /**
   * Past this many differing tokens a pair is a rewrite: not aligned word by word (the
   * alignment costs O((n + m) · d)) but read as one run between the tokens the two share at
   * their start and end, whose facts are still found. Default 32.
   */
  readonly maxEdits?: number;
}

/** What a run of differing tokens touches, and which of its tokens on each side make it so. */
export interface Classified {
  readonly kind: ChangeKind;
  readonly variant?: boolean;
  /** The tokens of the fact, in the anchor's run and in the member's (empty for `wording`). */
  readonly bFacts: readonly number[];
  readonly oFacts: readonly number[];
  /** A name shortened (a part of it dropped, the rest kept): shown with the kept part beside it. */
  readonly shortened?: boolean;
  /** For `number`: the figures on both sides tell dates and nothing else (see `onlyDates`). */
  readonly date?: boolean;
}

/** A run of differing tokens as the classifier reads it: the two sentences, the token range on each side, and its indices. */
export interface ChangedRun {
  readonly base: ReadSentence;
  readonly other: ReadSentence;
  readonly bFrom: number;
  readonly bTo: number;
  readonly oFrom: number;
  readonly oTo: number;
  readonly bIdx: number[];
  readonly oIdx: number[];
}

/** `[from, from + 1, …, to - 1]`. */
export function indicesFrom(from: number, to: number): number[] {
  const out = new Array<number>(to - from);
  for (let k = from; k < to; k++) out[k - from] = k;
  return out;
}

/** A run's kind and the tokens that make it so. */
export function verdict(kind: ChangeKind, bFacts: readonly number[] = [], oFacts: readonly number[] = [], variant?: boolean): Classified {
  return { kind, bFacts, oFacts, ...(variant ? { variant } : {}) };
}

/** Words besides negations that a hunk may hold and still read as a negation added or dropped. */
const MAX_NEGATION_CONTEXT = 4;

/** A negation added or dropped (only called where the two sides count their negations differently). */
export function negationChange(run: ChangedRun): Classified | undefined {
  const { base, other, bIdx, oIdx } = run;
  const negations = (s: ReadSentence, idx: number[]) =>
    idx.filter(i => s.tokens[i].kind === 'word' && isNegation(s.tokens[i].key, s.language));
  // A polarity flip is a small edit; a negation inside a rewritten passage is the rewrite's.
  const small = (s: ReadSentence, idx: number[]) =>
    idx.filter(i => s.tokens[i].kind === 'word' && !isNegation(s.tokens[i].key, s.language)).length <= MAX_NEGATION_CONTEXT;
  const bNeg = negations(base, bIdx);
  const oNeg = negations(other, oIdx);
  if ((bNeg.length || oNeg.length) && small(base, bIdx) && small(other, oIdx)) return verdict('negation', bNeg, oNeg);
  return undefined;
}

/** A figure, date or share one side carries and the other does not. */
export function figureChange(run: ChangedRun): Classified | undefined {
  const { base, other, bFrom, bTo, oFrom, oTo, bIdx, oIdx } = run;
  // Tokens that one side has and the other side lacks anywhere (a word merely moved is no change of fact).
  const lacking = (s: ReadSentence, idx: number[], against: ReadSentence) => idx.filter(i => !against.keys.has(s.tokens[i].key));
  // "The two leaders": a written number after a definite article refers to people already named; it counts nothing new.
  const figures = (s: ReadSentence, idx: number[]) =>
    idx.filter(
      i =>
        (s.tokens[i].kind === 'number' &&
          !(
            i > 0 &&
            !s.tokens[i].ordinal &&
            isDefiniteArticle(s.tokens[i - 1].key, s.language) &&
            /^\p{L}/u.test(s.text[s.tokens[i].start])
          )) ||
        s.tokens[i].kind === 'date',
    );
  const bFigures = lacking(base, figures(base, bIdx), other);
  const oFigures = lacking(other, figures(other, oIdx), base);
  // "1,012,000" for "about 1 million", "nearly 50,000" for "48,000": one figure told at another precision.
  if (roundedAlike(base, bFigures, other, oFigures)) return undefined;
  // "10.30" for "10:30": one time of day, written the British way.
  if (clockAlike(base, bFigures, other, oFigures)) return undefined;
  // "yesterday" for "on Tuesday", "today" for "yesterday": one day told from two days of writing
  // (a wire story and its reprint a day later) is a rewording, not another date.
  if (bFigures.length && oFigures.length && sameDayRetold(dayNamed(base.tokens, bFigures), dayNamed(other.tokens, oFigures)))
    return undefined;
  if (bFigures.length || oFigures.length) {
    // A figure with its neighbours of its kind ("5 million", "March 2011", "90 %").
    const withNeighbours = (s: ReadSentence, found: number[], from: number, to: number) => {
      const out = new Set(found);
      for (const i of found) {
        for (let k = i - 1; k >= from && (s.tokens[k].kind === 'number' || s.tokens[k].kind === 'date'); k--) out.add(k);
        for (let k = i + 1; k < to && (s.tokens[k].kind === 'number' || s.tokens[k].kind === 'date'); k++) out.add(k);
      }
      return [...out];
    };
    const bFacts = withNeighbours(base, bFigures, bFrom, bTo);
    const oFacts = withNeighbours(other, oFigures, oFrom, oTo);
    const classified = verdict('number', bFacts, oFacts);
    return onlyDates(base.tokens, bFacts) && onlyDates(other.tokens, oFacts) ? { ...classified, date: true } : classified;
  }

  return undefined;
}

/**
 * Whether each side has one figure the other lacks, a positive plain number, one side hedges its
 * figure as a round one (`hedgeBefore`: "about", "nearly", "more than") and the other gives its
 * own exactly (no hedge before it), and the exact figure agrees with the round one: less than
 * half a unit of the round figure's last non-zero digit off it, on the side the hedge leans to
 * ("nearly 50,000" for 48,000, "more than a million" for 1,012,000, "about 400" for 388; not
 * "more than 1,000" for 1,900, "nearly 50,000" for 51,000, nor "about 1,000" for "about
 * 1,400"). A figure that reads as a year (1900 to 2099) is a date, told exactly. O(1).
 */
function roundedAlike(base: ReadSentence, bFigures: readonly number[], other: ReadSentence, oFigures: readonly number[]): boolean {
  if (bFigures.length !== 1 || oFigures.length !== 1) return false;
  const plain = (s: ReadSentence, i: number) => {
    const t = s.tokens[i];
    if (t.kind !== 'number' || t.ordinal || !/^#\d+(?:\.\d+)?$/.test(t.key)) return undefined;
    const value = Number(t.key.slice(1));
    return value > 0 && !(Number.isInteger(value) && value >= 1900 && value <= 2099) ? value : undefined;
  };
  const b = plain(base, bFigures[0]);
  const o = plain(other, oFigures[0]);
  if (b === undefined || o === undefined) return false;
  const hedgeOf = (s: ReadSentence, i: number) => hedgeBefore(s.text.slice(0, s.tokens[i].start), s.language);
  const bHedge = hedgeOf(base, bFigures[0]);
  const oHedge = hedgeOf(other, oFigures[0]);
  // Exactly one side hedges: two hedged figures are two estimates, and another is a change.
  if ((bHedge === undefined) === (oHedge === undefined)) return false;
  const [hedge, round, value] = bHedge ? [bHedge, b, o] : [oHedge!, o, b];
  const half = roundingUnit(round) / 2;
  const off = value - round;
  return hedge === 'near' ? Math.abs(off) < half : hedge === 'below' ? off < 0 && -off < half : off > 0 && off < half;
}

/**
 * Whether each side has one figure the other lacks, one of them a time of day (factTokens.ts `clockAt`:
 * "10:30", "10.30 p.m.") and the other a bare figure of hours and two digits of minutes set
 * apart by a full stop ("10.30", "22.30"), as British style writes a time: the same hour on the
 * 24-hour clock and the same minutes ("2.15" against "14:15" may be a time corrected by twelve
 * hours). A figure with a currency sign or a percent sign brings a second figure, so "$10.30"
 * never qualifies. O(1).
 */
function clockAlike(base: ReadSentence, bFigures: readonly number[], other: ReadSentence, oFigures: readonly number[]): boolean {
  if (bFigures.length !== 1 || oFigures.length !== 1) return false;
  const clockOf = (s: ReadSentence, i: number) => CLOCK_KEY.exec(s.tokens[i].key);
  const dottedOf = (s: ReadSentence, i: number) => {
    const t = s.tokens[i];
    return t.kind === 'number' && !t.ordinal ? DOTTED_TIME.exec(asciiDigits(s.text.slice(t.start, t.end))) : null;
  };
  const clock = clockOf(base, bFigures[0]) ?? clockOf(other, oFigures[0]);
  const dotted = dottedOf(base, bFigures[0]) ?? dottedOf(other, oFigures[0]);
  if (!clock || !dotted) return false;
  const hour = Number(dotted[1]);
  const clockHour = Number(clock[1]);
  return dotted[2] === clock[2] && hour === clockHour;
}

/** A time of day's key, as `clockAt` (factTokens.ts) writes it: hours on the 24-hour clock and minutes. */
const CLOCK_KEY = /^#(\d{1,2}):(\d{2})$/;
/** A figure of hours and minutes set apart by a full stop: "10.30", "6.05". */
const DOTTED_TIME = /^([01]?\d|2[0-3])\.([0-5]\d)$/;

/** The unit of a figure's last non-zero digit: 1,000,000 for 1 million, 100 for 400, 0.1 for 7.5. O(digits). */
function roundingUnit(figure: number): number {
  const written = String(Math.abs(figure));
  const point = written.indexOf('.');
  if (point >= 0) return 10 ** -(written.length - point - 1);
  const trailing = written.length - written.replace(/0+$/, '').length;
  return figure === 0 ? 1 : 10 ** trailing;
}

/**
 * Whether the figure tokens at `indices` tell a date and nothing else: none, or runs each with a
 * date word (a weekday, a month, "yesterday") or beside a month's name ("13 July", "March
 * 2011", "July 4, 2011": the figure alone differs); "5 million" and "10 people on Friday" tell
 * more. O(k log k).
 */
function onlyDates(tokens: readonly FactToken[], indices: readonly number[]): boolean {
  // "July 4, 2011": a year after a comma belongs to the month and day before it.
  const isMonth = (k: number) =>
    isMonthToken(tokens, k) ||
    (k >= 1 &&
      k < tokens.length &&
      tokens[k].kind === 'punct' &&
      tokens[k].key === ',' &&
      tokens[k - 1].kind === 'number' &&
      isMonthToken(tokens, k - 2));
  const sorted = [...indices].sort((a, b) => a - b);
  let runStart = 0;
  let runHasDate = false;
  for (let j = 0; j <= sorted.length; j++) {
    if (j > 0 && (j === sorted.length || sorted[j] !== sorted[j - 1] + 1)) {
      if (!runHasDate && !isMonth(sorted[runStart] - 1) && !isMonth(sorted[j - 1] + 1)) return false;
      runStart = j;
      runHasDate = false;
    }
    if (j < sorted.length && tokens[sorted[j]].kind === 'date') runHasDate = true;
  }
  return true;
}

/** Whether token `k` (any index) is a month's name. */
function isMonthToken(tokens: readonly FactToken[], k: number): boolean {
  return k >= 0 && k < tokens.length && tokens[k].kind === 'date' && tokens[k].key.startsWith('month:');
}

/** How the tokens of a run name one day: by its distance from the day of writing, or by its name or date. */
interface DayNamed {
  /** The distance of a relative day ("yesterday": -1), when the run names the day by that alone. */
  readonly relative?: number;
}

/**
 * The day the tokens at `indices` name, when they name one day and nothing else: a relative
 * day ("yesterday"), a weekday, or a month with a day of the month beside it ("July 13",
 * "13 July"). A month alone or with a year ("March 2011") names no day. Undefined otherwise.
 */
function dayNamed(tokens: readonly FactToken[], indices: readonly number[]): DayNamed | undefined {
  const keyAt = (k: number) => (k >= 0 && k < tokens.length && tokens[k].kind === 'date' ? tokens[k].key : '');
  const isMonth = (k: number) => isMonthToken(tokens, k);
  const isDayOfMonth = (k: number) =>
    k >= 0 && k < tokens.length && tokens[k].kind === 'number' && DAY_OF_MONTH.test(tokens[k].key) && (isMonth(k - 1) || isMonth(k + 1));
  let relative: number | undefined;
  let absolute = false;
  for (const i of indices) {
    const key = keyAt(i);
    if (key.startsWith(RELATIVE_DAY)) {
      if (relative !== undefined) return undefined;
      relative = Number(key.slice(RELATIVE_DAY.length));
    } else if (key.startsWith('weekday:') || isDayOfMonth(i) || (isMonth(i) && (isDayOfMonth(i - 1) || isDayOfMonth(i + 1)))) {
      absolute = true;
    } else {
      return undefined;
    }
  }
  return absolute ? {} : relative !== undefined ? { relative } : undefined;
}

const DAY_OF_MONTH = /^#([1-9]|[12]\d|3[01])$/;

/** Two namings that may tell one day from two days of writing: a relative day against a named one, or two relative days a day apart. */
function sameDayRetold(a: DayNamed | undefined, b: DayNamed | undefined): boolean {
  if (!a || !b) return false;
  if (a.relative === undefined || b.relative === undefined) return a.relative !== b.relative;
  return Math.abs(a.relative - b.relative) === 1;
}

/** A quotation mark left as a character reference, with or without its ampersand. */
const ENTITY_QUOTE = /(?:quot|[lr][sd]quo|#3[49]|#822[01]);/;

/** Another speaker, or changed words inside quotation marks. */
export function speakerOrQuoteChange(run: ChangedRun, options: ChangeOptions): Classified | undefined {
  const { base, other, bIdx, oIdx } = run;
  const contentOf = (s: ReadSentence, idx: number[]) => idx.filter(i => s.tokens[i].kind === 'word' || s.tokens[i].kind === 'number');
  const bContent = contentOf(base, bIdx);
  const oContent = contentOf(other, oIdx);
  // A speaker named on one side and not among the other side's speakers.
  // A common word beside a speaker's name that the other side keeps as its speaker ("the Kremlin statement", "the Kremlin") changes no speaker.
  const keptBeside = (s: ReadSentence, i: number, against: ReadSentence) =>
    !s.tokens[i].capital &&
    [i - 1, i + 1].some(
      k =>
        k >= 0 &&
        k < s.tokens.length &&
        s.names.agent[k] &&
        s.tokens[k].capital &&
        against.names.agentStems.has(s.words.stem(s.tokens[k].key)),
    );
  // A speaker whose other words the other side keeps as its speaker is that speaker, described
  // otherwise ("state media in Damascus", "regime media"; "Sri Lanka Air Force", "the air force").
  // A title before a person's name says nothing of who holds it ("President Putin", "President
  // Assad"); before a common word or an acronym it is part of what the speaker is ("state
  // media", "State TV").
  const titleOfName = (s: ReadSentence, k: number) => {
    if (!isTitle(s.tokens[k].key, s.language) || k + 1 >= s.tokens.length || !s.names.agent[k + 1] || !s.tokens[k + 1].capital)
      return false;
    return !inCapitals(s.text, s.tokens[k + 1]);
  };
  const keptInRun = (s: ReadSentence, i: number, against: ReadSentence) => {
    const kept = (k: number) =>
      k !== i &&
      s.tokens[k].kind === 'word' &&
      against.names.agentStems.has(s.words.stem(s.tokens[k].key)) &&
      !s.names.functionWords.has(s.tokens[k].key) &&
      !titleOfName(s, k);
    // Words before a "by" name what the speaker issued ("a statement released by …"), not the speaker.
    for (let k = i - 1; k >= 0 && s.names.agent[k] && !BY.test(s.tokens[k].key); k--) if (kept(k)) return true;
    for (let k = i + 1; k < s.tokens.length && s.names.agent[k] && !BY.test(s.tokens[k].key); k++) if (kept(k)) return true;
    return false;
  };
  // A sentence without a speech verb has no speaker: its names are not read for one.
  const newAgent = (s: ReadSentence, idx: number[], against: ReadSentence) =>
    s.speaks &&
    idx.some(
      i =>
        s.names.agent[i] &&
        !keptBeside(s, i, against) &&
        !keptInRun(s, i, against) &&
        s.tokens[i].kind === 'word' &&
        (s.tokens[i].capital || s.tokens[i].end - s.tokens[i].start > 3) &&
        !against.names.agentStems.has(s.words.stem(s.tokens[i].key)) &&
        !against.names.stems.has(s.words.stem(s.tokens[i].key)) &&
        !spelledOut(s, i, against, against === base ? bContent : oContent) &&
        !abbreviated(s, i, s === base ? bContent : oContent, against, against === base ? bContent : oContent),
    );
  // Only the speakers' own words are compared for a respelt speaker: a run that also drops "the Kremlin said" changes the speaker.
  const agentsOf = (s: ReadSentence, idx: number[]) => idx.filter(i => s.names.agent[i]);
  if (
    (newAgent(base, bContent, other) || newAgent(other, oContent, base)) &&
    // An agent that only changed its spelling ("Al-Assad" / "Assad") is no other agent.
    !similarNames(base, agentsOf(base, bContent), other, agentsOf(other, oContent), options)
  ) {
    // The attribution's own words: its speaker and its speech verb.
    const said = (s: ReadSentence, idx: number[]) => idx.filter(i => s.names.agent[i] || s.names.speech[i]);
    return verdict('attribution', said(base, bIdx), said(other, oIdx));
  }
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
      return verdict(
        'quote',
        bIdx.filter(i => base.quoted[i]),
        oIdx.filter(i => other.quoted[i]),
      );
  }
  return undefined;
}

/**
 * Determiners of languages that write every noun with a capital, per language: there a
 * capital tells a noun as well as a name, and a capitalised word right after a determiner
 * ("die Helfer") is a noun. A name after an article ("die Türkei") is read as a noun too: a
 * reworded noun is far more common. A determiner after a comma is a relative pronoun ("die
 * Partei, die Merz anführt"), and one before a verb a demonstrative ("Das sagte Merz"): the
 * word after the verb is no noun of it, so only the word right after the determiner is read so.
 */
const NOUN_DETERMINERS: Readonly<Record<string, ReadonlySet<string>>> = {
  de: new Set(
    (
      'der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines ' +
      'dieser diese dieses diesen diesem jener jene jenes jeden jeder jede jedes alle allen aller ' +
      'mein meine meinen meinem meiner sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer ' +
      'unser unsere unseren unserem unserer euer eure viele vielen einige einigen mehrere mehreren manche solche welche'
    ).split(' '),
  ),
};

/** A score's figure as the token reader keys it: goals apart by a colon, the second of one digit ("1:0", "2:1"). */
const SCORE = /^#\d{1,2}:\d$/;

/**
 * Whether the capitalised word `s.tokens[i]` is a noun by `NOUN_DETERMINERS`, or stands right
 * after a figure other than a score: a count, a time or a year comes before things far more
 * often than before people by name ("250 Helfer", "58 Jahre", "15:30 Uhr Ortszeit", "2020
 * Mitglied"). O(1).
 */
function nounAfterDeterminer(s: ReadSentence, i: number): boolean {
  const determiners = NOUN_DETERMINERS[s.language];
  if (!determiners || i < 1) return false;
  const before = s.tokens[i - 1];
  // After a score a scorer's name stands ("1:0 Müller").
  if (before.kind === 'number') return !SCORE.test(before.key);
  return before.kind === 'word' && determiners.has(before.key) && !(i >= 2 && s.tokens[i - 2].key === ',');
}

/** A name one side lacks, or one name spelt otherwise; else wording. */
export function nameChange(run: ChangedRun, options: ChangeOptions): Classified | undefined {
  const { base, other, bFrom, bTo, oFrom, oTo, bIdx, oIdx } = run;
  // Capitalised words the other sentence lacks as written (not opening a sentence, not an acronym of its words).
  // The tests that read the sentences' names come after the others, and title case last: a run
  // without a capitalised word that the other side lacks reads no names.
  const candidates = (s: ReadSentence, idx: number[], against: ReadSentence, againstIdx: number[], atStart = false) => {
    const found = idx.filter(
      i =>
        s.tokens[i].capital &&
        s.tokens[i].kind === 'word' &&
        !isTitle(s.tokens[i].key, s.language) &&
        !isCommonAcronym(s.tokens[i].key, s.language) &&
        !against.keys.has(s.tokens[i].key) &&
        (atStart || !s.names.initial[i]) &&
        !s.names.label[i] &&
        !s.names.functionWords.has(s.tokens[i].key) &&
        !against.names.acronyms.has(s.tokens[i].key) &&
        !(s.names.runInitials[i] && against.keys.has(s.names.runInitials[i])) &&
        !nounAfterDeterminer(s, i) &&
        !spelledOut(s, i, against, againstIdx) &&
        !abbreviated(s, i, idx, against, againstIdx),
    );
    return found.length && s.names.titleCase ? [] : found;
  };
  // An adjective of a nation or faith before a noun ("southern Indian city") describes; added or
  // dropped it names no one. Replaced by another ("Russian" → "Chinese") it changes who.
  const adjective = (s: ReadSentence, i: number) =>
    i + 1 < s.tokens.length &&
    s.tokens[i + 1].kind === 'word' &&
    !s.tokens[i + 1].capital &&
    isProperAdjective(s.tokens[i].key, s.language);
  const bCandidates = candidates(base, bIdx, other, oIdx);
  const oCandidates = candidates(other, oIdx, base, bIdx);
  const bothAdjectives = bCandidates.some(i => adjective(base, i)) && oCandidates.some(i => adjective(other, i));
  const bNames = bothAdjectives ? bCandidates : bCandidates.filter(i => !adjective(base, i));
  const oNames = bothAdjectives ? oCandidates : oCandidates.filter(i => !adjective(other, i));
  // A name whose stem the other sentence has is found again there ("India", "Indian"; "Assad", "al-Assad").
  const missing = (s: ReadSentence, found: number[], against: ReadSentence) =>
    found.filter(i => !against.names.stems.has(s.words.stem(s.tokens[i].key)));
  // The whole run of capitalised words a name stands in, within the run of differing tokens.
  const nameRuns = (s: ReadSentence, found: number[], from: number, to: number) => {
    const out = new Set(found);
    for (const i of found) {
      for (let k = i - 1; k >= from && s.tokens[k].capital && s.tokens[k].kind === 'word'; k--) out.add(k);
      for (let k = i + 1; k < to && s.tokens[k].capital && s.tokens[k].kind === 'word'; k++) out.add(k);
    }
    return [...out];
  };
  const bMissing = missing(base, bNames, other);
  const oMissing = missing(other, oNames, base);
  if (bMissing.length || oMissing.length) {
    // A part of a name dropped or added beside the part both keep ("Gotabaya Rajapaksa" and
    // "Rajapaksa"): one name, written shorter.
    const besideKept = (s: ReadSentence, found: number[], from: number, to: number, against: ReadSentence) =>
      found.length > 0 &&
      found.every(i => {
        let k = i;
        while (k >= from && s.tokens[k].capital) k--;
        if (
          k < from &&
          k >= 0 &&
          s.tokens[k].capital &&
          !s.names.initial[k] &&
          s.tokens[k].kind === 'word' &&
          against.names.capitalForms.has(s.words.form(s.tokens[k].key))
        )
          return true;
        k = i;
        while (k < to && s.tokens[k].capital) k++;
        return (
          k >= to &&
          k < s.tokens.length &&
          s.tokens[k].capital &&
          s.tokens[k].kind === 'word' &&
          against.names.capitalForms.has(s.words.form(s.tokens[k].key))
        );
      });
    const shortened =
      (!oNames.length && besideKept(base, bMissing, bFrom, bTo, other)) ||
      (!bNames.length && besideKept(other, oMissing, oFrom, oTo, base));
    if (shortened)
      return {
        kind: 'name',
        variant: true,
        shortened: true,
        bFacts: nameRuns(base, bNames, bFrom, bTo),
        oFacts: nameRuns(other, oNames, oFrom, oTo),
      };
    return verdict(
      'name',
      nameRuns(base, bMissing.length ? bMissing : bNames, bFrom, bTo),
      nameRuns(other, oMissing.length ? oMissing : oNames, oFrom, oTo),
      bNames.length > 0 && oNames.length > 0 && similarNames(base, bNames, other, oNames, options),
    );
  }
  // Spellings of one name on the two sides of the change: reported, marked as a variant; the
  // same letters written with other marks ("India’s", a possessive left as a broken entity) are one spelling.
  // One name with a short ending added ("Russia", "Russian"; "Lanka’s", "Lankan") is a derived form, not another spelling.
  const derived = (x: string, y: string) => x !== y && Math.abs(x.length - y.length) <= 3 && (x.startsWith(y) || y.startsWith(x));
  const bare = (s: ReadSentence, idx: number[]) =>
    idx
      .map(i => s.text.slice(s.tokens[i].start, s.tokens[i].end).replace(/[’']s$/u, ''))
      .join('')
      .toLowerCase();
  // A name respelt where one side opens the sentence with it ("said al-Assad" → "Assad …") is still that name.
  const bSpelt = bNames.length ? bNames : oNames.length ? candidates(base, bIdx, other, oIdx, true) : [];
  const oSpelt = oNames.length ? oNames : bNames.length ? candidates(other, oIdx, base, bIdx, true) : [];
  if (
    bSpelt.length &&
    oSpelt.length &&
    bare(base, bSpelt) !== bare(other, oSpelt) &&
    !derived(bare(base, bSpelt), bare(other, oSpelt)) &&
    similarNames(base, bSpelt, other, oSpelt, options)
  )
    return verdict('name', nameRuns(base, bSpelt, bFrom, bTo), nameRuns(other, oSpelt, oFrom, oTo), true);
  return verdict('wording');
}

/**
 * Whether the word at token `i` of `s` is an acronym whose letters stand in order in the words
 * among tokens `againstIdx` of `against`, from its first ("UN", "United Nations"; "TV",
 * "television"). O(letters).
 */
function spelledOut(s: ReadSentence, i: number, against: ReadSentence, againstIdx: readonly number[]): boolean {
  const t = s.tokens[i];
  const word = s.text.slice(t.start, t.end);
  if (!/^[\p{Lu}\d]{2,6}$/u.test(word)) return false;
  const letters = word.toLowerCase();
  const otherLetters = lettersOf(against, againstIdx);
  if (!otherLetters.startsWith(letters[0])) return false;
  let at = 0;
  for (const ch of letters) {
    at = otherLetters.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/**
 * Whether the word at token `i` of `s` (one of tokens `idx`) stands among two or more words that
 * an acronym among tokens `againstIdx` of `against` abbreviates, each word giving it its first
 * letter: "Health" in "World Health Organization" where the other side writes "WHO", "States"
 * in "United States" where it writes "US" (`abbreviationEnd`). O(acronyms · words²).
 */
function abbreviated(s: ReadSentence, i: number, idx: readonly number[], against: ReadSentence, againstIdx: readonly number[]): boolean {
  let words: AcronymWord[] | undefined;
  const inner = COMPOUNDING.has(s.language);
  for (const k of againstIdx) {
    const acronym = acronymAt(against, k);
    if (!acronym) continue;
    words ??= acronymWords(s, idx);
    // Two letters are two words' initials ("US", "United States"), never a compound's inside.
    const short = acronym.length === 2;
    for (let w = 0; w < words.length && words[w].token <= i; w++) {
      const end = abbreviationEnd(acronym, words, w, 0, inner && !short);
      if (end - w >= 2 && words[end - 1].token >= i) return true;
    }
  }
  return false;
}

/**
 * Languages that write a compound as one word, whose acronyms take a letter from a compound's
 * later parts: German "THW" for "Technisches Hilfswerk", Dutch, the Scandinavian languages.
 */
const COMPOUNDING = new Set(['de', 'nl', 'sv', 'da', 'no', 'nb', 'nn', 'is', 'fi']);

/** The letters of the acronym at token `i` in lower case ("UN", "U.S.", "ISRO"), or undefined for any other token. */
function acronymAt(s: ReadSentence, i: number): string | undefined {
  const t = s.tokens[i];
  if (t.kind !== 'word') return undefined;
  const text = s.text.slice(t.start, t.end);
  return ACRONYM.test(text) ? text.replace(/\./g, '').toLowerCase() : undefined;
}

const ACRONYM = /^(?:\p{Lu}\.?){2,6}$/u;

/** A word an acronym may abbreviate: its letters in lower case, without diacritics, and its token. */
interface AcronymWord {
  readonly letters: string;
  readonly token: number;
}

/** The words among tokens `idx` of `s` that an acronym may abbreviate: every word but the function words ("of", "für"), which acronyms leave out. */
function acronymWords(s: ReadSentence, idx: readonly number[]): AcronymWord[] {
  const out: AcronymWord[] = [];
  for (const i of idx) {
    const t = s.tokens[i];
    if (t.kind !== 'word' || s.names.functionWords.has(t.key)) continue;
    const letters = lettersOf(s, [i]);
    if (letters) out.push({ letters, token: i });
  }
  return out;
}

/**
 * Where the words that `acronym` (lower case) abbreviates from word `w` on end (the index after
 * the last), its letters from the `a`th on still to read; -1 where it abbreviates none. Each word
 * gives the acronym the letter it opens with, and with `inner` perhaps more from inside it, in
 * order ("THW": "Technisches Hilfswerk", a compound's second part inside its word); the next
 * letter opens the next word: no word is skipped. Tries the fewest letters from inside a word
 * first. O(2^acronym) at worst, for acronyms of six letters at most.
 */
function abbreviationEnd(acronym: string, words: readonly AcronymWord[], w: number, a: number, inner: boolean): number {
  if (a === acronym.length) return w;
  if (w >= words.length || words[w].letters[0] !== acronym[a]) return -1;
  if (!inner) return abbreviationEnd(acronym, words, w + 1, a + 1, inner);
  const word = words[w].letters;
  let pos = 1;
  for (let next = a + 1; ; next++) {
    const end = abbreviationEnd(acronym, words, w + 1, next, inner);
    if (end >= 0) return end;
    if (next >= acronym.length) return -1;
    const found = word.indexOf(acronym[next], pos);
    if (found < 0) return -1;
    pos = found + 1;
  }
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

/**
 * The two runs are spellings of one name: one contained in the other ("Assad", "al-Assad"), or
 * similar letters, in the whole runs and in their last words. A family name comes last, and it
 * tells people apart where a long title before it is alike: "Polizeisprecherin Martina
 * Echterhoff" and "Polizeisprecher Thomas Kernbach" are two spokespeople, not two spellings.
 */
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
  const threshold = options.variantSimilarity ?? 0.5;
  if (profileSimilarity(bigramProfile(x), bigramProfile(y)) < threshold) return false;
  const lastWord = (s: ReadSentence, idx: readonly number[]) => {
    for (let k = idx.length - 1; k >= 0; k--) if (s.tokens[idx[k]].kind === 'word') return lettersOf(s, [idx[k]]);
    return '';
  };
  const xLast = lastWord(base, bIdx);
  const yLast = lastWord(other, oIdx);
  if (xLast === yLast) return true;
  const lastSimilarity = profileSimilarity(bigramProfile(xLast), bigramProfile(yLast));
  if (lastSimilarity >= threshold) return true;
  // A name transliterated twice ("Sergej Lawrow", "Sergei Lavrov") may share fewer letter pairs
  // in its last word, where its other words are one spelling apart too.
  const rest = (s: ReadSentence, idx: readonly number[], last: string) => lettersOf(s, idx).slice(0, -last.length);
  const xRest = rest(base, bIdx, xLast);
  const yRest = rest(other, oIdx, yLast);
  return (
    xRest.length > 0 &&
    yRest.length > 0 &&
    lastSimilarity >= threshold * TRANSLITERATED_SHARE &&
    profileSimilarity(bigramProfile(xRest), bigramProfile(yRest)) >= 1 - (1 - threshold) * TRANSLITERATED_SHARE
  );
}

/**
 * How much of the variant threshold a transliterated last word must reach where the words
 * before it are near alike: at 0.5, a last word of 0.3 with other words of 0.7.
 */
const TRANSLITERATED_SHARE = 0.6;
