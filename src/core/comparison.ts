/**
 * The side-by-side comparison: one column per source, one row per statement, in the reading
 * order of a chosen base source. Statements the base lacks are placed where they stand in
 * their own source, right after the row of the sentence that precedes them there.
 */
import { CorpusAnalysis, GroupOrder } from './analyze';
import { profileSimilarity, bigramProfile } from './similarity';
import { normalizeForComparison } from './text';
import { DiffPart, wordDiff } from './wordDiff';

/** One source's sentence (or two, where it split one) in a row. */
export interface ComparisonCell {
  readonly source: number;
  /** Sentence indices in the source, in order (two where the source split a sentence). */
  readonly sentences: readonly number[];
  readonly text: string;
  /** Line of the first sentence, and the offsets of the whole cell in the source text. */
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** Similarity to the row's reference cell (the base's, or the first); 1 for the reference. */
  readonly similarity: number;
  /** Differences from the reference cell; absent for the reference itself. */
  readonly diff?: readonly DiffPart[];
  /** True when the source has this statement out of the order it shares with the base. */
  readonly moved: boolean;
}

export type RowKind = 'statement' | 'boilerplate';

/** A row: a statement with its cells (null where a source lacks it), or a boilerplate line. */
export interface ComparisonRow {
  readonly kind: RowKind;
  readonly cells: readonly (ComparisonCell | null)[];
  /** Index in `analysis.groups`, or -1 for a sentence found in one source only. */
  readonly group: number;
  readonly sourceCount: number;
  /** True when some cell's wording differs from the reference. */
  readonly reworded: boolean;
  /** For boilerplate rows: the reason the line was marked. */
  readonly reason?: string;
}

export interface Comparison {
  readonly base: number;
  readonly rows: readonly ComparisonRow[];
}

/** Options of `buildComparison`; every field has a default. */
export interface ComparisonOptions {
  /** Include the base's boilerplate lines as rows of their own. Default false. */
  readonly includeBoilerplate?: boolean;
  /** Compute word differences for every cell (costly for huge corpora). Default true. */
  readonly diffs?: boolean;
}

/**
 * Builds the rows for `base`. O(S + R·C) for S sentences, R rows and C sources, plus one
 * similarity and one word diff per distinct wording of each row.
 */
export function buildComparison(analysis: CorpusAnalysis, base: number, options: ComparisonOptions = {}): Comparison {
  const sourceCount = analysis.sources.length;
  if (base < 0 || base >= sourceCount) throw new RangeError(`no source ${base}`);
  const withDiffs = options.diffs !== false;
  const order = new GroupOrder(analysis, base);
  const moved = analysis.sources.map((_, s) => (s === base ? new Set<number>() : order.movedIn(s)));

  // Where each sentence's row goes: rows are built as a linked order, then flattened.
  type Draft = { group: number; single?: { source: number; sentence: number }; boilerplateLine?: number; after: Draft[] };
  const top: Draft[] = [];
  const draftOfGroup = new Map<number, Draft>();
  const placed = analysis.sources.map(s => new Array<Draft | undefined>(s.sentences.length));
  const draftFor = (source: number, sentence: number): Draft => {
    const g = analysis.sources[source].groupOfSentence[sentence];
    if (g >= 0) {
      let d = draftOfGroup.get(g);
      if (!d) {
        d = { group: g, after: [] };
        draftOfGroup.set(g, d);
      }
      return d;
    }
    return { group: -1, single: { source, sentence }, after: [] };
  };
  const registered = new Set<Draft>();
  const placeAll = (d: Draft) => {
    if (d.group >= 0) for (const m of analysis.groups[d.group].members) placed[m.source][m.sentence] = d;
    else if (d.single) placed[d.single.source][d.single.sentence] = d;
  };

  // The base in its reading order, boilerplate lines interleaved when asked for.
  const baseSource = analysis.sources[base];
  let sentenceIndex = 0;
  for (let line = 0; line < baseSource.lines.length; line++) {
    const verdict = baseSource.lines[line];
    if (verdict.kind === 'boilerplate' && options.includeBoilerplate) {
      top.push({ group: -1, boilerplateLine: line, after: [] });
    }
    while (sentenceIndex < baseSource.sentences.length && baseSource.sentences[sentenceIndex].line === line) {
      const d = draftFor(base, sentenceIndex);
      if (!registered.has(d)) {
        registered.add(d);
        top.push(d);
        placeAll(d);
      }
      sentenceIndex++;
    }
  }

  // Other sources: what the base lacks goes right after its predecessor in that source.
  for (let s = 0; s < sourceCount; s++) {
    if (s === base) continue;
    let previous: Draft | undefined;
    const sentences = analysis.sources[s].sentences;
    for (let i = 0; i < sentences.length; i++) {
      const existing = placed[s][i];
      if (existing) {
        previous = existing;
        continue;
      }
      const d = draftFor(s, i);
      registered.add(d);
      placeAll(d);
      if (previous) previous.after.push(d);
      else top.unshift(d);
      previous = d;
    }
  }

  const rows: ComparisonRow[] = [];
  // Iterative flattening keeps deep chains of insertions off the call stack.
  const stack = [...top].reverse();
  while (stack.length) {
    const d = stack.pop()!;
    rows.push(d.boilerplateLine !== undefined ? boilerplateRow(analysis, base, d.boilerplateLine) : statementRow(analysis, base, d.group, d.single, moved, withDiffs));
    for (let k = d.after.length - 1; k >= 0; k--) stack.push(d.after[k]);
  }
  return { base, rows };
}

function boilerplateRow(analysis: CorpusAnalysis, base: number, line: number): ComparisonRow {
  const source = analysis.sources[base];
  const span = source.lineSpans[line];
  const cells: (ComparisonCell | null)[] = analysis.sources.map(() => null);
  cells[base] = { source: base, sentences: [], text: '', line, start: span.start, end: span.end, similarity: 1, moved: false };
  return { kind: 'boilerplate', cells, group: -1, sourceCount: 1, reworded: false, reason: source.lines[line].reason };
}

function statementRow(
  analysis: CorpusAnalysis,
  base: number,
  group: number,
  single: { source: number; sentence: number } | undefined,
  moved: readonly Set<number>[],
  withDiffs: boolean,
): ComparisonRow {
  const bySource = new Map<number, number[]>();
  if (group >= 0) {
    for (const m of analysis.groups[group].members) {
      const list = bySource.get(m.source) ?? [];
      list.push(m.sentence);
      bySource.set(m.source, list);
    }
  } else if (single) {
    bySource.set(single.source, [single.sentence]);
  }
  const referenceSource = bySource.has(base) ? base : Math.min(...bySource.keys());
  const texts = new Map<number, string>();
  for (const [s, list] of bySource) {
    list.sort((a, b) => a - b);
    texts.set(s, list.map(i => analysis.sources[s].sentences[i].text).join(' '));
  }
  const referenceText = texts.get(referenceSource)!;
  const referenceNormalized = normalizeForComparison(referenceText);
  const referenceProfile = bigramProfile(referenceNormalized);
  let reworded = false;
  // A reprinted statement has far fewer wordings than sources: compare each wording once.
  const byWording = new Map<string, { similarity: number; same: boolean; diff?: readonly DiffPart[] }>();
  const compared = (text: string) => {
    let found = byWording.get(text);
    if (!found) {
      const normalized = normalizeForComparison(text);
      found = {
        similarity: profileSimilarity(bigramProfile(normalized), referenceProfile),
        same: normalized === referenceNormalized,
        diff: withDiffs ? wordDiff(referenceText, text) : undefined,
      };
      byWording.set(text, found);
    }
    return found;
  };
  const cells = analysis.sources.map((src, s): ComparisonCell | null => {
    const list = bySource.get(s);
    if (!list) return null;
    const first = src.sentences[list[0]];
    const last = src.sentences[list[list.length - 1]];
    const text = texts.get(s)!;
    const isReference = s === referenceSource;
    const wording = isReference ? undefined : compared(text);
    if (wording && !wording.same) reworded = true;
    return {
      source: s,
      sentences: list,
      text,
      line: first.line,
      start: first.start,
      end: last.end,
      similarity: wording ? wording.similarity : 1,
      diff: wording?.diff,
      moved: group >= 0 && s !== base && moved[s].has(group),
    };
  });
  return { kind: 'statement', cells, group, sourceCount: bySource.size, reworded };
}
