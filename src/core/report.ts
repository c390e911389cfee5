/**
 * Stage 10, the report: each source's line verdicts, sentences and groups, as `CorpusAnalysis`
 * has them.
 */
import type { LineVerdict } from './boilerplate';
import type { Places } from './places';
import type { CorpusAnalysis, PreparedSource, SentenceGroup, SourceInput } from './types';

/**
 * Input: the inputs, their prepared sources and final line verdicts, the places, and the
 * ordered groups. Output: the analysis. O(P + L) for P places and L lines (the line arrays are
 * shared, not copied).
 */
export function reportAnalysis(
  inputs: readonly SourceInput[],
  prepared: readonly PreparedSource[],
  lines: readonly (readonly LineVerdict[])[],
  places: Places,
  groups: readonly SentenceGroup[],
): CorpusAnalysis {
  const groupOf = places.sentencesBySource.map(list => new Array<number>(list.length).fill(-1));
  groups.forEach((g, gi) => g.members.forEach(m => (groupOf[m.source][m.sentence] = gi)));
  return {
    sources: prepared.map((p, i) => ({
      id: inputs[i].id,
      language: p.profile.language,
      contentHash: p.hash,
      ...(p.lfLineOfLine ? { lfLineOfLine: p.lfLineOfLine } : {}),
      lines: lines[i],
      lineSpans: p.lineSpans,
      sentences: places.sentencesBySource[i],
      groupOfSentence: groupOf[i],
    })),
    groups,
  };
}
