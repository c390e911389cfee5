/**
 * Worker thread entry for `analyzeInParallel`: prepares the sources it is sent, then analyses
 * the share of stories it is sent, in the two steps of `storyShare.ts`, and posts each result
 * back. Preparing a source needs nothing from the others, nor does a story need other stories
 * beyond the numbering of its terms, so the work splits cleanly.
 */
import { parentPort } from 'node:worker_threads';
import { AnalysisOptions, StoryShare, prepareClaimed, storyFormsFor, storyShareWork } from '../core';
import {
  PackedPrepared,
  PackedStoryAnalysis,
  PackedStoryForms,
  packPrepared,
  packStoryAnalysis,
  packStoryForms,
  unpackPrepared,
} from './preparedTransfer';
import { claimRuns } from './sharedClaims';

/** A share of stories whose prepared sources are packed (their inputs carry their texts). */
export type PackedShare = Omit<StoryShare, 'tasks'> & {
  readonly tasks: readonly (Omit<StoryShare['tasks'][number], 'prepared'> & { readonly prepared: readonly PackedPrepared[] })[];
};

export type WorkerRequest =
  /** Prepare the runs of `run` texts claimed from the shared counter (`sharedClaims.ts`), until every run is claimed. */
  | {
      readonly kind: 'prepare';
      readonly texts: readonly string[];
      readonly counter: Int32Array;
      readonly run: number;
      readonly options?: AnalysisOptions;
    }
  | { readonly kind: 'begin'; readonly share: PackedShare; readonly options?: AnalysisOptions }
  | { readonly kind: 'finish'; readonly termIds: readonly Int32Array[] };

/** A prepared source (the text at `index` of those sent) and its part of the story stage, packed. */
export interface PackedPreparation {
  readonly index: number;
  readonly prepared: PackedPrepared;
  readonly storyForms: PackedStoryForms;
}

export type WorkerResult = readonly PackedPreparation[] | readonly (readonly string[])[] | readonly PackedStoryAnalysis[];

export type WorkerResponse = { readonly ok: true; readonly result: WorkerResult } | { readonly ok: false; readonly error: string };

let work: { readonly stories: ReturnType<typeof storyShareWork>; readonly share: StoryShare } | undefined;

function handle(request: WorkerRequest): WorkerResult {
  switch (request.kind) {
    case 'prepare': {
      const { texts, counter, run } = request;
      return prepareClaimed(texts, claimRuns(counter, texts.length, run), request.options).map(({ index, prepared }) => {
        const storyForms = storyFormsFor(prepared, request.options?.stories);
        return { index, prepared: packPrepared(prepared), storyForms: packStoryForms(storyForms, prepared) };
      });
    }
    case 'begin': {
      const { share } = request;
      const tasks = share.tasks.map(task => ({
        ...task,
        prepared: task.prepared.map((p, i) => unpackPrepared(p, task.inputs[i].text)),
      }));
      const unpacked = { ...share, tasks };
      work = { stories: storyShareWork(unpacked, request.options), share: unpacked };
      return work.stories.begin();
    }
    case 'finish': {
      if (!work) throw new Error('no share of stories begun');
      const { stories, share } = work;
      work = undefined;
      return stories.finish(request.termIds).map((part, t) => packStoryAnalysis(part, share.tasks[t].prepared));
    }
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { ok: true, result: handle(request) };
  } catch (e) {
    response = { ok: false, error: (e as Error).message };
  }
  parentPort!.postMessage(response);
});
