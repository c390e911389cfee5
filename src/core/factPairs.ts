/**
 * Fact changes between any two sources' wordings of one statement. The analysis classifies
 * each source's wording against the group's anchor only; a reader compares the sentence in
 * front of them with another source's, so the two wordings are compared directly. Reading one
 * into the other through the anchor is not enough: two sources that changed overlapping parts
 * of the anchor's sentence (one a name, the other the clause around it) would be told apart by
 * a change neither of them holds.
 */
import { ChangeOptions, PairReadings, PlacedChange } from './changes';
import { lowerCaseWords, words } from './text';
import type { ChangeKind, CorpusAnalysis, FactChange, SentenceGroup } from './types';

/** The kinds that are facts: every kind but `wording`. */
export const FACT_KINDS: readonly Exclude<ChangeKind, 'wording'>[] = ['number', 'quote', 'name', 'attribution', 'negation'];

/** True for a change of a fact (any kind but `wording`). */
export function isFactChange(change: FactChange): boolean {
  return change.kind !== 'wording';
}

/** The fact changes of member `member` of `group` against its anchor (none for the anchor). O(changes). */
export function factChangesOf(group: SentenceGroup, member: number): readonly FactChange[] {
  if (member === group.anchor) return [];
  return (group.members[member]?.changes ?? []).filter(isFactChange);
}

/** True when some member of `group` differs from its anchor in a fact. O(members · changes). */
export function groupHasFactChanges(group: SentenceGroup): boolean {
  return group.members.some((_, i) => factChangesOf(group, i).length > 0);
}

/**
 * One source's wording of a statement: the sentences of its span in the group (its members
 * that are no repeated copies, or its repeats when it has nothing else), in reading order,
 * joined by a space, and where each starts in the joined text.
 */
export interface SpanWording {
  readonly source: number;
  readonly sentences: readonly number[];
  readonly starts: readonly number[];
  readonly text: string;
  /** Whether one of its members differs from the group's anchor in a fact. */
  readonly changedFacts: boolean;
  /**
   * The fact changes the analysis found from the anchor's wording to this one, placed in
   * `text` (each member's changes moved by where the member starts); none for the anchor's own.
   */
  readonly fromAnchor: readonly PlacedChange[];
  /**
   * The words of the anchor's wording that this one words otherwise, lower-cased: the `base`
   * of each of its changes against the anchor, of any kind (a wording that states the anchor's
   * facts may still have moved the words a fact stands on).
   */
  readonly rewordedWords: ReadonlySet<string>;
}

/**
 * Every source's wording of `group` (`SpanWording`), by source in ascending order, made in one
 * pass over its members. O(members + length + sources · log sources).
 */
export function groupWordings(analysis: CorpusAnalysis, group: SentenceGroup): Map<number, SpanWording> {
  const members = new Map<
    number,
    { own: number[]; repeats: number[]; changesOf: Map<number, readonly FactChange[]>; rewordedWords: Set<string> }
  >();
  group.members.forEach((m, i) => {
    let of = members.get(m.source);
    if (!of) members.set(m.source, (of = { own: [], repeats: [], changesOf: new Map(), rewordedWords: new Set() }));
    (m.repeat ? of.repeats : of.own).push(m.sentence);
    const changes = factChangesOf(group, i);
    if (changes.length && !m.repeat) of.changesOf.set(m.sentence, changes);
    if (i !== group.anchor && !m.repeat)
      for (const change of m.changes ?? []) for (const w of wordsOf(change.base)) of.rewordedWords.add(w);
  });
  const wordings = new Map<number, SpanWording>();
  for (const [source, { own, repeats, changesOf, rewordedWords }] of [...members].sort((x, y) => x[0] - y[0])) {
    const sentences = (own.length ? own : repeats).sort((x, y) => x - y);
    const texts = analysis.sources[source].sentences;
    const starts: number[] = [];
    let text = '';
    for (const s of sentences) {
      if (text) text += ' ';
      starts.push(text.length);
      text += texts[s].text;
    }
    const fromAnchor: PlacedChange[] = [];
    sentences.forEach((s, k) => {
      const start = starts[k];
      for (const change of changesOf.get(s) ?? []) {
        const range = change.otherRange;
        if (!range) {
          fromAnchor.push({ change, at: start });
          continue;
        }
        // The facts stage cut each range at its member's end; in the joined text a fact that runs
        // on into the span's next sentence is whole again.
        const begin = range[0] + start;
        const end = text.startsWith(change.other, begin) ? begin + change.other.length : range[1] + start;
        fromAnchor.push({ change: begin === range[0] && end === range[1] ? change : { ...change, otherRange: [begin, end] }, at: begin });
      }
    });
    wordings.set(source, { source, sentences, starts, text, changedFacts: changesOf.size > 0, fromAnchor, rewordedWords });
  }
  return wordings;
}

/** Whether two languages may be one: equal, or either undetermined. */
export function mayBeSameLanguage(a: string, b: string): boolean {
  return a === b || a === 'und' || b === 'und';
}

/**
 * Compares wordings directly and keeps what each pair gave, reading each text once: the
 * hover, the marks and the comparison panel ask of the same pairs again and again.
 */
export class FactComparer {
  private readonly kept = new Map<string, readonly PlacedChange[]>();
  private readonly readings: PairReadings;

  constructor(options: ChangeOptions = {}) {
    this.readings = new PairReadings(options);
  }

  /**
   * The fact changes that turn the text `from` into the text `to`, both read in `language`:
   * `base` and `baseRange` are `from`'s side of each, `other` and `otherRange` are `to`'s, and
   * `at` is where the change lies in `to`. O((a + b) · d) for a and b tokens and d differing
   * ones, once per pair.
   */
  between(from: string, to: string, language: string): readonly PlacedChange[] {
    const key = `${language}\u0000${from}\u0000${to}`;
    let changes = this.kept.get(key);
    if (!changes) {
      changes = this.readings.between(from, to, language).filter(p => isFactChange(p.change));
      this.kept.set(key, changes);
    }
    return changes;
  }
}

/**
 * The changed facts between the sources' wordings of each statement of one analysis, kept
 * with it (`statementFactsFor`). Every comparison of a group reads both wordings in the
 * language of the group's anchor, as the facts stage does. Two wordings are compared directly
 * only where both differ from the anchor in a fact. Where the analysis found one of them to
 * state the anchor's facts (it is the anchor, or differs from it in wording alone), the
 * other's changes against the anchor stand for the changes between the two, placed in the
 * first where each side's words stand there once as whole words and it did not reword them
 * (`touches`); otherwise the two are compared directly. Where the analysis found both to state
 * the anchor's facts, they are taken to state the same facts. In a story of many versions most wordings state the anchor's
 * facts, and the hover, the marks and the panel ask of every pair.
 */
export class StatementFacts {
  private readonly comparer = new FactComparer();
  private readonly wordings = new Map<number, Map<number, SpanWording>>();

  constructor(private readonly analysis: CorpusAnalysis) {}

  /** `source`'s wording of group `groupIndex` (`groupWordings`, made once per group). */
  wordingOf(groupIndex: number, source: number): SpanWording | undefined {
    return this.wordingsOf(groupIndex).get(source);
  }

  /** Every source's wording of group `groupIndex`, by source in ascending order (made once per group). */
  wordingsOf(groupIndex: number): ReadonlyMap<number, SpanWording> {
    let ofGroup = this.wordings.get(groupIndex);
    if (!ofGroup) {
      ofGroup = groupWordings(this.analysis, this.analysis.groups[groupIndex]);
      this.wordings.set(groupIndex, ofGroup);
    }
    return ofGroup;
  }

  /**
   * The fact changes that turn wording `from` into wording `to` of group `groupIndex`: `base`
   * and `baseRange` in `from`'s text, `other` and `otherRange` in `to`'s (`SpanWording`). None
   * when either may be in another language than the anchor (a translation differs in every
   * word), or when neither differs from the anchor in a fact. O(changes) where one states the
   * anchor's facts and places them; otherwise `FactComparer.between`.
   */
  between(groupIndex: number, from: SpanWording, to: SpanWording): readonly PlacedChange[] {
    if (from.source === to.source || (!from.changedFacts && !to.changedFacts)) return [];
    const group = this.analysis.groups[groupIndex];
    const sources = this.analysis.sources;
    const anchorSource = group.members[group.anchor].source;
    const language = sources[anchorSource].language;
    if (!mayBeSameLanguage(sources[from.source].language, language) || !mayBeSameLanguage(sources[to.source].language, language)) return [];
    if (!from.changedFacts) {
      const placed = !touches(to.fromAnchor, c => c.base, from.rewordedWords) && placedBases(from.text, to.fromAnchor);
      if (placed) return placed;
    } else if (!to.changedFacts) {
      const anchor = this.wordingOf(groupIndex, anchorSource);
      const toAnchor = anchor && this.comparer.between(from.text, anchor.text, language);
      const placed = toAnchor && !touches(toAnchor, c => c.other, to.rewordedWords) && placedOthers(to.text, toAnchor);
      if (placed) return placed;
    }
    return this.comparer.between(from.text, to.text, language);
  }
}

/**
 * Whether the anchor's side of some change (`anchorSide`) shares a word with `reworded`: the
 * words a wording that states the anchor's facts words otherwise ("the country" it calls "Sri
 * Lanka"). There the anchor's change would be placed on words that no longer say it.
 */
function touches(changes: readonly PlacedChange[], anchorSide: (change: FactChange) => string, reworded: ReadonlySet<string>): boolean {
  if (!reworded.size) return false;
  return changes.some(p => wordsOf(anchorSide(p.change)).some(w => reworded.has(w)));
}

/** The words of `text`, lower-cased. O(length). */
function wordsOf(text: string): readonly string[] {
  return lowerCaseWords(text, words(text));
}

/**
 * `changes` from the anchor's wording, each with `baseRange` where its `base` stands in `text`
 * (a wording that states the anchor's facts); undefined where some `base` does not stand there
 * exactly once as whole words.
 */
function placedBases(text: string, changes: readonly PlacedChange[]): PlacedChange[] | undefined {
  const out: PlacedChange[] = [];
  for (const p of changes) {
    if (!p.change.base) {
      out.push(p);
      continue;
    }
    const at = onlyPlace(text, p.change.base);
    if (at < 0) return undefined;
    out.push({ ...p, baseRange: [at, at + p.change.base.length] });
  }
  return out;
}

/**
 * `changes` into the anchor's wording, moved into `text` (a wording that states the anchor's
 * facts): each `other` placed where it stands there; undefined where some `other` does not
 * stand there exactly once as whole words.
 */
function placedOthers(text: string, changes: readonly PlacedChange[]): PlacedChange[] | undefined {
  const out: PlacedChange[] = [];
  for (const p of changes) {
    const { change } = p;
    if (!change.other) {
      out.push({ ...p, change: withoutRange(change), at: Math.min(p.at, text.length) });
      continue;
    }
    const at = onlyPlace(text, change.other);
    if (at < 0) return undefined;
    out.push({ ...p, change: { ...change, otherRange: [at, at + change.other.length] }, at });
  }
  return out;
}

/** Where `words` stands in `text` as whole words, when it stands there once; otherwise -1. O(n). */
function onlyPlace(text: string, words: string): number {
  let found = -1;
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    const whole = !WORD_CHARACTER.test(text[at - 1] ?? ' ') || !WORD_CHARACTER.test(words[0]);
    const wholeEnd = !WORD_CHARACTER.test(text[at + words.length] ?? ' ') || !WORD_CHARACTER.test(words[words.length - 1]);
    if (!whole || !wholeEnd) continue;
    if (found >= 0) return -1;
    found = at;
  }
  return found;
}

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;

function withoutRange(change: FactChange): FactChange {
  if (!change.otherRange) return change;
  const { otherRange: _, ...rest } = change;
  return rest;
}

const statementFacts = new WeakMap<CorpusAnalysis, StatementFacts>();

/** The `StatementFacts` kept for `analysis` (made on first use; dropped with the analysis). */
export function statementFactsFor(analysis: CorpusAnalysis): StatementFacts {
  let facts = statementFacts.get(analysis);
  if (!facts) {
    facts = new StatementFacts(analysis);
    statementFacts.set(analysis, facts);
  }
  return facts;
}
