/**
 * Worker thread entry for `analyzeInParallel`: prepares the sources it is sent, then analyses
 * the share of stories it is sent, in the two steps of `storyShare.ts`, and posts each result
 * back. Preparing a source needs nothing from the others, nor does a story need other stories
 * beyond the numbering of its terms, so the work splits cleanly.
 */
import { parentPort } from 'node:worker_threads';
import { AnalysisOptions, CorpusAnalysis, PreparedSource, StoryShare, prepareSource, storyShareWork } from '../core';

/** The prepared sources without their text, which the other side already has. */
export type PreparedWithoutText = Omit<PreparedSource, 'text'>;

/** A share of stories whose prepared sources come without their text (their inputs carry it). */
export type ShareWithoutTexts = Omit<StoryShare, 'tasks'> & {
  readonly tasks: readonly (Omit<StoryShare['tasks'][number], 'prepared'> & { readonly prepared: readonly PreparedWithoutText[] })[];
};

export type WorkerRequest =
  | { readonly kind: 'prepare'; readonly texts: readonly string[]; readonly options?: AnalysisOptions }
  | { readonly kind: 'begin'; readonly share: ShareWithoutTexts; readonly options?: AnalysisOptions }
  | { readonly kind: 'finish'; readonly termIds: readonly Int32Array[] };

export type WorkerResult = readonly PreparedWithoutText[] | readonly (readonly string[])[] | readonly CorpusAnalysis[];

export type WorkerResponse = { readonly ok: true; readonly result: WorkerResult } | { readonly ok: false; readonly error: string };

let work: ReturnType<typeof storyShareWork> | undefined;

function handle(request: WorkerRequest): WorkerResult {
  switch (request.kind) {
    case 'prepare':
      return request.texts.map(text => {
        const { text: _text, ...rest } = prepareSource(text, request.options);
        return rest;
      });
    case 'begin': {
      const { share } = request;
      const tasks = share.tasks.map(task => ({
        ...task,
        prepared: task.prepared.map((p, i) => ({ ...p, text: task.inputs[i].text })),
      }));
      work = storyShareWork({ ...share, tasks }, request.options);
      return work.begin();
    }
    case 'finish': {
      if (!work) throw new Error('no share of stories begun');
      const parts = work.finish(request.termIds);
      work = undefined;
      return parts;
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
