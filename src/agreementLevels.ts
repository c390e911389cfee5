/**
 * How widely each sentence is carried, in a few steps, for the overview ruler's heat strip.
 * Pure (no `vscode`): the ruler and the unit tests share it.
 */
import type { CorpusAnalysis } from './core';

/**
 * 0: no other source carries the sentence (the unique-sentence mark shows those);
 * 1: fewer than half of the other sources do; 2: half of them or more, not all; 3: every source.
 */
export type AgreementLevel = 0 | 1 | 2 | 3;

/** The steps of the heat strip that get a mark, faintest first. */
export const AGREEMENT_STEPS: readonly Exclude<AgreementLevel, 0>[] = [1, 2, 3];

/** The level of a sentence that `sourceCount` of `totalSources` sources carry (its own included). O(1). */
export function agreementLevel(sourceCount: number, totalSources: number): AgreementLevel {
  if (sourceCount <= 1 || totalSources <= 1) return 0;
  if (sourceCount >= totalSources) return 3;
  return (sourceCount - 1) * 2 < totalSources - 1 ? 1 : 2;
}

/** The level of every sentence of `source`, in its reading order. O(sentences). */
export function agreementLevels(analysis: CorpusAnalysis, source: number): AgreementLevel[] {
  const total = analysis.sources.length;
  return analysis.sources[source].groupOfSentence.map(g => (g < 0 ? 0 : agreementLevel(analysis.groups[g].sourceCount, total)));
}
