/**
 * Worker thread entry for `prepareInParallel`: prepares the sources it is sent and posts them
 * back. Preparing a source needs nothing from the others, so the work splits cleanly.
 */
import { parentPort } from 'node:worker_threads';
import { AnalysisOptions, PreparedSource, prepareSources } from '../core';

export interface PrepareRequest {
  readonly texts: readonly string[];
  readonly options?: AnalysisOptions;
}

/** The prepared sources without their text, which the caller already has. */
export type PreparedWithoutText = Omit<PreparedSource, 'text'>;

export type PrepareResponse =
  { readonly ok: true; readonly prepared: readonly PreparedWithoutText[] } | { readonly ok: false; readonly error: string };

parentPort?.once('message', (request: PrepareRequest) => {
  let response: PrepareResponse;
  try {
    const prepared = prepareSources(request.texts, request.options).map(({ text: _text, ...rest }) => rest);
    response = { ok: true, prepared };
  } catch (e) {
    response = { ok: false, error: (e as Error).message };
  }
  parentPort!.postMessage(response);
});
