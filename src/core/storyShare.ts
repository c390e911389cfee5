/**
 * A share of a corpus's stories, as plain data: once the stories are found, each is analysed on
 * its own (stages 3 to 11), so a corpus analysed once can hand shares of its stories to other
 * threads. The one thing the stories share is the vocabulary that numbers their content terms,
 * grown story after story; so a share is analysed in two steps: `begin` finds each story's term
 * keys, the caller numbers them in story order, and `finish` completes each story with its ids.
 * The result is the same as analysing the stories one after the other.
 */
import type { LineRef } from './comparedForms';
import type { FormIds } from './forms';
import type { FormId } from './ids';
import type { CorpusAnalysis, PreparedSource, SourceInput } from './types';

/** One story of a share: its sources, with their forms numbered in the share's numbering. */
export interface StoryTask {
  /** The story's index among the corpus's stories. */
  readonly story: number;
  /** Its sources' inputs and prepared sources, in the order of the story's sources. */
  readonly inputs: readonly SourceInput[];
  readonly prepared: readonly PreparedSource[];
  /** Per source, the share's form id of each prepared sentence. */
  readonly formIds: readonly FormIds[];
  /** Its promotable boilerplate forms with the lines that carry them, sources numbered within the story. */
  readonly promotable: ReadonlyMap<FormId, readonly LineRef[]>;
}

/** Stories of one corpus, with what their analysis needs of the corpus as a whole. */
export interface StoryShare {
  /**
   * The forms the share's sources carry, by the share's form id. Form ids keep the corpus's
   * order (a share may number only its own forms, in the corpus's order), as the stages break
   * ties by them.
   */
  readonly forms: readonly string[];
  /** Per form id, 1 where the form is compared (`comparedForms`). */
  readonly compared: Uint8Array;
  /** The corpus's forms that recur across its stories (`StoryGrouping.crossStoryForms`: keyed `unnumbered`). */
  readonly crossStoryForms: ReadonlyMap<string, number>;
  readonly tasks: readonly StoryTask[];
}

/** Analyses a share of stories elsewhere (another thread), in the two steps described above. */
export interface StoryShareRunner {
  /** Stages 3 to 6 of every story of `share`; per task, its content-term keys in the order they first occur. */
  begin(share: StoryShare): Promise<readonly (readonly string[])[]>;
  /** The rest, given per task the vocabulary id of each of its keys; per task, its analysis with facts, sources numbered within the story. */
  finish(termIds: readonly Int32Array[]): Promise<readonly CorpusAnalysis[]>;
}

/**
 * Which stories go to which of `shareCount` shares: each story, largest work first (its
 * sources' prepared sentences), to the share with least work so far. Each share lists its
 * stories ascending. Deterministic; O(k log k) for k stories.
 */
export function splitStories(
  storySources: readonly (readonly number[])[],
  sentenceCount: (source: number) => number,
  shareCount: number,
): number[][] {
  const work = storySources.map(sources => sources.reduce((n, s) => n + sentenceCount(s) + 1, 0));
  const order = storySources.map((_, k) => k).sort((x, y) => work[y] - work[x] || x - y);
  const shares = Array.from({ length: shareCount }, () => [] as number[]);
  const load = new Float64Array(shareCount);
  for (const k of order) {
    let least = 0;
    for (let i = 1; i < shareCount; i++) if (load[i] < load[least]) least = i;
    shares[least].push(k);
    load[least] += work[k];
  }
  for (const share of shares) share.sort((x, y) => x - y);
  return shares;
}
