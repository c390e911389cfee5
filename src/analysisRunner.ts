/**
 * Runs analyses in process when the corpus is small (a few milliseconds) and in a long-lived
 * worker thread when it is large. Both keep an analyzer between runs, so re-analysing after an
 * edit costs a fraction of the first analysis. A cancelled run in the worker ends the worker;
 * runs still waiting are handed to a fresh one.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CorpusAnalysis, SourceInput } from './core';
import { analyzersByGrouping } from './worker/analysisOptions';
import { AnalysisPart, analysisFromParts } from './worker/analysisParts';
import type { WorkerRequest, WorkerResponse } from './analysisWorker';

/**
 * Corpora above this many characters are analysed in the worker. Below it an analysis takes
 * well under the 50 ms a step of the extension host may block (about 17 ms for 22,000
 * characters in five sources), and the worker's round trip would cost more than it saves.
 */
export const WORKER_THRESHOLD_CHARS = 40_000;

export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
  }
}

export interface CancellationSignal {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

interface PendingRun {
  readonly request: WorkerRequest;
  /** The parts received so far. */
  readonly parts: AnalysisPart[];
  readonly resolve: (analysis: CorpusAnalysis) => void;
  readonly reject: (error: Error) => void;
}

export class AnalysisRunner {
  /** The in-process analyzers, one per way of grouping the stories (see `run`). */
  private readonly local = analyzersByGrouping();
  private worker?: Worker;
  private readonly pending = new Map<number, PendingRun>();
  private nextId = 1;
  private disposed = false;

  /** `workerScript` is the bundled worker (dist/analysisWorker.js). */
  constructor(private readonly workerScript: string) {}

  /**
   * Analyses `inputs`, as versions of one story when `oneStory` is set (otherwise they tell the
   * stories the story stage finds); rejects with `AnalysisCancelled` when `signal` fires first.
   */
  run(inputs: readonly SourceInput[], signal?: CancellationSignal, oneStory = false): Promise<CorpusAnalysis> {
    if (signal?.isCancellationRequested || this.disposed) return Promise.reject(new AnalysisCancelled());
    const size = inputs.reduce((n, i) => n + i.text.length, 0);
    if (size < WORKER_THRESHOLD_CHARS) {
      try {
        return Promise.resolve(this.local(oneStory).analyze(inputs));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return new Promise<CorpusAnalysis>((resolve, reject) => {
      const request: WorkerRequest = { type: 'analyze', id: this.nextId++, inputs, oneStory };
      const subscription = signal?.onCancellationRequested(() => this.cancel(request.id));
      const settle = () => subscription?.dispose();
      this.pending.set(request.id, {
        request,
        parts: [],
        resolve: a => (settle(), resolve(a)),
        reject: e => (settle(), reject(e)),
      });
      this.ensureWorker().postMessage(request);
    });
  }

  dispose(): void {
    this.disposed = true;
    this.stopWorker();
    for (const run of this.pending.values()) run.reject(new AnalysisCancelled());
    this.pending.clear();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(path.resolve(this.workerScript));
    worker.on('message', (response: WorkerResponse) => {
      // A worker stopped to cancel a run may still deliver parts it sent before it stopped; the
      // runs it was doing start afresh in its successor, so its parts belong to none of them.
      if (this.worker !== worker) return;
      const run = this.pending.get(response.id);
      if (!run) return;
      if (!response.ok) {
        this.pending.delete(response.id);
        run.reject(new Error(response.error));
        return;
      }
      run.parts.push(response.part);
      if (response.index + 1 < response.count) {
        // Ask for the next part only now, so that each arrives in its own turn of the event loop.
        const next: WorkerRequest = { type: 'next', id: response.id, index: response.index + 1 };
        worker.postMessage(next);
        return;
      }
      this.pending.delete(response.id);
      run.resolve(analysisFromParts(run.parts));
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const run of this.pending.values()) run.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', code => fail(new Error(`analysis worker stopped (${code})`)));
    this.worker = worker;
    return worker;
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }

  /** Ends the worker (the only way to stop a running analysis) and restarts the others' runs. */
  private cancel(id: number): void {
    const run = this.pending.get(id);
    if (!run) return;
    this.pending.delete(id);
    this.stopWorker();
    run.reject(new AnalysisCancelled());
    if (this.disposed) return;
    for (const other of this.pending.values()) {
      other.parts.length = 0;
      this.ensureWorker().postMessage(other.request);
    }
  }
}
