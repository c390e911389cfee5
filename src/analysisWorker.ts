/**
 * Worker thread entry: runs the analysis off the extension host's main thread, so typing,
 * scrolling and hovers stay smooth while a large corpus is analysed.
 */
import { parentPort } from 'node:worker_threads';
import { AnalysisOptions, SourceInput, analyzeCorpus } from './core';

export interface WorkerRequest {
  readonly id: number;
  readonly inputs: readonly SourceInput[];
  readonly options?: AnalysisOptions;
}

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly analysis: ReturnType<typeof analyzeCorpus> }
  | { readonly id: number; readonly ok: false; readonly error: string };

parentPort?.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { id: request.id, ok: true, analysis: analyzeCorpus(request.inputs, request.options) };
  } catch (e) {
    response = { id: request.id, ok: false, error: (e as Error).message };
  }
  parentPort!.postMessage(response);
});
