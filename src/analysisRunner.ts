/**
 * Runs an analysis in process when the corpus is small (a few milliseconds) and in a worker
 * thread when it is large, where it can also be cancelled by ending the worker.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CorpusAnalysis, SourceInput, analyzeCorpus } from './core';
import type { WorkerRequest, WorkerResponse } from './analysisWorker';

/** Corpora above this many characters are analysed in a worker. */
export const WORKER_THRESHOLD_CHARS = 200_000;

export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
  }
}

export interface CancellationSignal {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/**
 * Analyses `inputs`; rejects with `AnalysisCancelled` when `signal` fires first.
 * `workerScript` is the bundled worker (dist/analysisWorker.js).
 */
export function runAnalysis(inputs: readonly SourceInput[], workerScript: string, signal?: CancellationSignal): Promise<CorpusAnalysis> {
  if (signal?.isCancellationRequested) return Promise.reject(new AnalysisCancelled());
  const size = inputs.reduce((n, i) => n + i.text.length, 0);
  if (size < WORKER_THRESHOLD_CHARS) {
    try {
      return Promise.resolve(analyzeCorpus(inputs));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.resolve(workerScript));
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      subscription?.dispose();
      void worker.terminate();
      action();
    };
    const subscription = signal?.onCancellationRequested(() => finish(() => reject(new AnalysisCancelled())));
    worker.once('message', (response: WorkerResponse) =>
      finish(() => (response.ok ? resolve(response.analysis) : reject(new Error(response.error)))),
    );
    worker.once('error', e => finish(() => reject(e)));
    worker.once('exit', code => finish(() => reject(new Error(`analysis worker stopped (${code})`))));
    const request: WorkerRequest = { id: 1, inputs };
    worker.postMessage(request);
  });
}
