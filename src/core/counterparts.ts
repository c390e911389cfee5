/**
 * The query behind the hover: where a sentence of one source stands in the others.
 */
import { GroupOrder } from './order';
import { SimilarityTo } from './similarity';
import { normalizeForComparison } from './text';
import type { Counterpart, CorpusAnalysis } from './types';

/**
 * The sentences of every other source that carry the same statement as `sentence` of
 * `source`, with their similarity to it and whether they stand out of order.
 * O(M·(n + m)) for M members of its group, n and m the sentence counts of the two sources,
 * without sorting or per-source allocation beyond a short list; the similarity of each
 * distinct wording is computed once.
 */
export function counterparts(analysis: CorpusAnalysis, source: number, sentence: number): Counterpart[] {
  const gi = analysis.sources[source]?.groupOfSentence[sentence] ?? -1;
  if (gi < 0) return [];
  const group = analysis.groups[gi];
  const own = analysis.sources[source].sentences[sentence];
  const similarityToOwn = new SimilarityTo(normalizeForComparison(own.text));
  const similarityOf = new Map<string, number>();
  const order = new GroupOrder(analysis, source);
  const movedIn = new Map<number, boolean>();
  const out: Counterpart[] = [];
  for (const m of group.members) {
    if (m.source === source) continue;
    const text = analysis.sources[m.source].sentences[m.sentence].text;
    let similarity = similarityOf.get(text);
    if (similarity === undefined) similarityOf.set(text, (similarity = similarityToOwn.of(normalizeForComparison(text))));
    let moved = movedIn.get(m.source);
    if (moved === undefined) movedIn.set(m.source, (moved = order.isMoved(m.source, gi)));
    out.push({ source: m.source, sentence: m.sentence, similarity, moved });
  }
  return out;
}
