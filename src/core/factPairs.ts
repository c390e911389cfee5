/**
 * Fact changes between any two sources' wordings of one statement. The analysis classifies
 * each source's wording against the group's anchor only; a reader compares the sentence in
 * front of them with another source's, so the two wordings are compared directly. Reading one
 * into the other through the anchor is not enough: two sources that changed overlapping parts
 * of the anchor's sentence (one a name, the other the clause around it) would be told apart by
 * a change neither of them holds.
 */
import { ChangeOptions, PairReadings, PlacedChange } from './changes';
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
  /** Whether its source is the anchor's. */
  readonly anchored: boolean;
  /**
   * The fact changes the analysis found from the anchor's wording to this one, placed in
   * `text` (each member's changes moved by where the member starts); none for the anchor's own.
   */
  readonly fromAnchor: readonly PlacedChange[];
}

/** `source`'s wording of `group`, or undefined when it has no member there. O(members + length). */
export function spanWording(analysis: CorpusAnalysis, group: SentenceGroup, source: number): SpanWording | undefined {
  const own: number[] = [];
  const repeats: number[] = [];
  const changesOf = new Map<number, readonly FactChange[]>();
  group.members.forEach((m, i) => {
    if (m.source !== source) return;
    (m.repeat ? repeats : own).push(m.sentence);
    const changes = factChangesOf(group, i);
    if (changes.length && !m.repeat) changesOf.set(m.sentence, changes);
  });
  const sentences = (own.length ? own : repeats).sort((a, b) => a - b);
  if (!sentences.length) return undefined;
  const texts = analysis.sources[source].sentences;
  const starts: number[] = [];
  const fromAnchor: PlacedChange[] = [];
  let text = '';
  for (const s of sentences) {
    if (text) text += ' ';
    const start = text.length;
    starts.push(start);
    text += texts[s].text;
    for (const change of changesOf.get(s) ?? []) {
      const range = change.otherRange;
      fromAnchor.push(
        range
          ? { change: start ? { ...change, otherRange: [range[0] + start, range[1] + start] } : change, at: range[0] + start }
          : { change, at: start },
      );
    }
  }
  const anchored = group.members[group.anchor].source === source;
  return { source, sentences, starts, text, changedFacts: changesOf.size > 0, anchored, fromAnchor };
}

/** Whether two languages may be one: equal, or either undetermined. */
export function mayBeSameLanguage(a: string, b: string): boolean {
  return a === b || a === 'und' || b === 'und';
}

/**
 * Compares wordings directly and keeps what each pair gave, so that the hover, the marks and
 * the comparison panel, which ask of the same pairs again and again, compare each pair once
 * and read each text once.
 */
export class FactComparer {
  private readonly kept = new Map<string, readonly PlacedChange[]>();
  private readonly readings: PairReadings;

  constructor(options: ChangeOptions = {}) {
    this.readings = new PairReadings(options);
  }

  /**
   * The fact changes that turn the text `from` into the text `to`, both read in `language`:
   * `base` is `from`'s text of each, `other` and `otherRange` are `to`'s, and `at` is where the
   * change lies in `to`. O((a + b) · d) for a and b tokens and d differing ones, once per pair.
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

  /**
   * The fact changes that turn source `from`'s wording of `group` into source `to`'s, placed
   * in `to`'s joined text (`SpanWording`). None when the two may be in different languages (a
   * translation differs in every word), or when neither differs from the anchor in a fact: both
   * then state the anchor's facts.
   */
  betweenSources(analysis: CorpusAnalysis, from: SpanWording, to: SpanWording): readonly PlacedChange[] {
    if (from.source === to.source || (!from.changedFacts && !to.changedFacts)) return [];
    const a = analysis.sources[from.source].language;
    const b = analysis.sources[to.source].language;
    if (!mayBeSameLanguage(a, b)) return [];
    // From the anchor's wording the analysis has compared them already, as this would.
    if (from.anchored) return this.placedInBase(from.text, to);
    return this.between(from.text, to.text, a === 'und' ? b : a);
  }

  /** `to.fromAnchor`, each change also placed in the anchor's wording `anchorText` where it lies there. */
  private placedInBase(anchorText: string, to: SpanWording): readonly PlacedChange[] {
    return to.fromAnchor.map(p => {
      const at = p.change.base ? anchorText.indexOf(p.change.base) : -1;
      return at >= 0 ? { ...p, baseRange: [at, at + p.change.base.length] as const } : p;
    });
  }
}

const comparers = new WeakMap<CorpusAnalysis, FactComparer>();

/** The `FactComparer` kept for `analysis` (made on first use; dropped with the analysis). */
export function factComparerFor(analysis: CorpusAnalysis): FactComparer {
  let comparer = comparers.get(analysis);
  if (!comparer) {
    comparer = new FactComparer();
    comparers.set(analysis, comparer);
  }
  return comparer;
}
