/**
 * Stage 10, the report: each source's line verdicts, sentences and groups, as `CorpusAnalysis`
 * has them.
 */
import { byCanonicalAppearance, canonicalRanks } from './anchors';
import type { LineVerdict } from './boilerplate';
import type { Places } from './places';
import type { CorpusAnalysis, PreparedSource, SentenceGroup, SourceAnalysis, SourceInput, Story } from './types';

/**
 * Input: the inputs, their prepared sources and final line verdicts, the places, the ordered
 * groups and the stories. Output: the analysis. O(P + L) for P places and L lines (the line
 * arrays are shared, not copied).
 */
export function reportAnalysis(
  inputs: readonly SourceInput[],
  prepared: readonly PreparedSource[],
  lines: readonly (readonly LineVerdict[])[],
  places: Places,
  groups: readonly SentenceGroup[],
  stories: readonly Story[],
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
    stories,
  };
}

/**
 * The analyses of the stories of a corpus as one: `parts[k]` analysed the sources
 * `stories[k].sources` (in that order). Sources come back to their places in the input, group
 * members to their sources' indices there, and the groups of all stories are ordered as one
 * list (most sources first, then by first appearance in the source of lowest rank,
 * `byCanonicalAppearance`). Parts analysed with their facts keep
 * them: each group's earliest source and each story's origin are renumbered too. O(P + G log G)
 * for P sentences and G groups.
 */
export function joinStoryAnalyses(sourceCount: number, stories: readonly Story[], parts: readonly CorpusAnalysis[]): CorpusAnalysis {
  const sources = new Array<SourceAnalysis>(sourceCount);
  const groups: SentenceGroup[] = [];
  stories.forEach((story, k) => {
    const members = story.sources;
    members.forEach((source, i) => (sources[source] = parts[k].sources[i]));
    for (const g of parts[k].groups) {
      const moved = { ...g, members: g.members.map(m => ({ ...m, source: members[m.source] })) };
      groups.push(g.earliest === undefined ? moved : { ...moved, earliest: members[g.earliest] });
    }
  });
  // A part that has its facts tells its story's origin.
  const told = stories.map((story, k) => {
    const origin = parts[k].stories[0]?.origin;
    return origin ? { ...story, origin: { ...origin, source: story.sources[origin.source] } } : story;
  });
  groups.sort(byCanonicalAppearance(canonicalRanks(sources.map(s => ({ id: s.id, hash: s.contentHash })))));
  const groupOf = sources.map(s => new Array<number>(s.sentences.length).fill(-1));
  groups.forEach((g, gi) => g.members.forEach(m => (groupOf[m.source][m.sentence] = gi)));
  return { sources: sources.map((s, i) => ({ ...s, groupOfSentence: groupOf[i] })), groups, stories: told };
}
