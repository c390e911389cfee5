/**
 * Worker thread entry: runs the analysis off the extension host's main thread, so typing,
 * scrolling and hovers stay smooth while a large corpus is analysed. The worker lives as long
 * as its runner and keeps one analyzer, so after an edit only the changed document is read
 * again.
 */
import { parentPort } from 'node:worker_threads';
import { AnalysisOptions, CorpusAnalysis, SourceInput, createAnalyzer } from './core';

export interface WorkerRequest {
  readonly id: number;
  readonly inputs: readonly SourceInput[];
  readonly options?: AnalysisOptions;
}

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly analysis: CorpusAnalysis }
  | { readonly id: number; readonly ok: false; readonly error: string };

function serve(port: NonNullable<typeof parentPort>): void {
  const analyzer = createAnalyzer();
  port.on('message', (request: WorkerRequest) => {
    let response: WorkerResponse;
    try {
      response = { id: request.id, ok: true, analysis: analyzer.analyze(request.inputs) };
    } catch (e) {
      response = { id: request.id, ok: false, error: (e as Error).message };
    }
    port.postMessage(response);
  });
}

if (parentPort) serve(parentPort);
