/**
 * Runs analyses in process when the corpus is small (a few milliseconds) and in a long-lived
 * worker thread when it is large. Both keep an analyzer between runs, so re-analysing after an
 * edit costs a fraction of the first analysis. The worker is given one run at a time; the
 * others wait here. A run cancelled while it waits is never sent. A run cancelled while the
 * worker does it (superseded by a newer one: an edit made meanwhile) is rejected at once and
 * left to finish, its result dropped: ending the worker would end the analyzer it keeps, and
 * the run after it would read every source afresh (1,409 pages: 5.3 s, against 2.4 s after an
 * edit). A run the user stops ends the worker; the runs waiting go to a fresh one.
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
  readonly request: Extract<WorkerRequest, { type: 'analyze' }>;
  /** The parts received so far. */
  readonly parts: AnalysisPart[];
  readonly resolve: (analysis: CorpusAnalysis) => void;
  readonly reject: (error: Error) => void;
  /** Cancelled while the worker does it: its result is dropped when it comes. */
  abandoned: boolean;
  /** Stops listening for its cancellation: called once it leaves the runner. */
  readonly done: () => void;
}

export class AnalysisRunner {
  /** The in-process analyzers, one per way of grouping the stories (see `run`). */
  private readonly local = analyzersByGrouping();
  private worker?: Worker;
  /** Runs not yet sent to the worker, in the order they were asked for. */
  private readonly waiting: PendingRun[] = [];
  /** The run the worker is doing, if any. */
  private inFlight?: PendingRun;
  private nextId = 1;
  private disposed = false;

  /** `workerScript` is the bundled worker (dist/analysisWorker.js). */
  constructor(private readonly workerScript: string) {}

  /**
   * Analyses `inputs`, as versions of one story when `oneStory` is set (otherwise they tell the
   * stories the story stage finds); rejects with `AnalysisCancelled` when `signal` fires first.
   * `stop`, where it fires, also stops the work (the user's cancel); `signal` alone lets a run
   * the worker has begun finish for the analyzer's sake.
   */
  run(inputs: readonly SourceInput[], signal?: CancellationSignal, oneStory = false, stop?: CancellationSignal): Promise<CorpusAnalysis> {
    if (signal?.isCancellationRequested || stop?.isCancellationRequested || this.disposed) return Promise.reject(new AnalysisCancelled());
    const size = inputs.reduce((n, i) => n + i.text.length, 0);
    if (size < WORKER_THRESHOLD_CHARS) {
      try {
        return Promise.resolve(this.local(oneStory).analyze(inputs));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return new Promise<CorpusAnalysis>((resolve, reject) => {
      const subscriptions: ({ dispose(): void } | undefined)[] = [];
      const run: PendingRun = {
        request: { type: 'analyze', id: this.nextId++, inputs, oneStory },
        parts: [],
        resolve,
        reject,
        abandoned: false,
        done: () => subscriptions.forEach(subscription => subscription?.dispose()),
      };
      subscriptions.push(
        signal?.onCancellationRequested(() => this.cancel(run, false)),
        stop?.onCancellationRequested(() => this.cancel(run, true)),
      );
      this.waiting.push(run);
      this.sendNext();
    });
  }

  dispose(): void {
    this.disposed = true;
    this.stopWorker();
    this.endAll(new AnalysisCancelled());
  }

  /** Every run, waiting or in flight, rejected with `error` (an abandoned one already was) and ended. */
  private endAll(error: Error): void {
    const runs = [...(this.inFlight ? [this.inFlight] : []), ...this.waiting];
    this.inFlight = undefined;
    this.waiting.length = 0;
    for (const run of runs) {
      if (!run.abandoned) run.reject(error);
      run.done();
    }
  }

  /** Sends the first waiting run to the worker, if the worker is free. */
  private sendNext(): void {
    if (this.inFlight || this.disposed) return;
    const run = this.waiting.shift();
    if (!run) return;
    try {
      this.ensureWorker().postMessage(run.request);
    } catch (e) {
      // A request the worker cannot be sent (it could not be cloned) fails alone.
      run.reject(e as Error);
      run.done();
      this.sendNext();
      return;
    }
    this.inFlight = run;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(path.resolve(this.workerScript));
    worker.on('message', (response: WorkerResponse) => {
      // A worker stopped to cancel a run may still deliver parts it sent before it stopped; the
      // run it was doing was the cancelled one, so its parts belong to no run now.
      if (this.worker !== worker) return;
      const run = this.inFlight;
      if (!run || run.request.id !== response.id) return;
      if (run.abandoned || !response.ok) {
        // Its other parts are not wanted: the worker drops them.
        if (response.ok && response.index + 1 < response.count)
          worker.postMessage({ type: 'drop', id: response.id } satisfies WorkerRequest);
        this.endInFlight(run, response.ok ? undefined : () => run.reject(new Error(response.error)));
        return;
      }
      run.parts.push(response.part);
      if (response.index + 1 < response.count) {
        // Ask for the next part only now, so that each arrives in its own turn of the event loop.
        const next: WorkerRequest = { type: 'next', id: response.id, index: response.index + 1 };
        worker.postMessage(next);
        return;
      }
      this.endInFlight(run, () => {
        try {
          run.resolve(analysisFromParts(run.parts));
        } catch (e) {
          run.reject(e as Error);
        }
      });
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.endAll(error);
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

  /**
   * Rejects `run`. One still waiting is never sent. One the worker is doing is left to finish
   * (its result dropped) unless `stop`: then the worker ends (the only way to stop a running
   * analysis) and the runs waiting go to a fresh one. A run stopped while it waits behind one
   * left to finish ends that one too: the user asked for the work to stop.
   */
  private cancel(run: PendingRun, stop: boolean): void {
    const at = this.waiting.indexOf(run);
    if (at >= 0) {
      this.waiting.splice(at, 1);
      run.reject(new AnalysisCancelled());
      run.done();
      if (stop && this.inFlight?.abandoned) this.stopInFlight();
      return;
    }
    if (this.inFlight !== run) return;
    if (!run.abandoned) {
      run.abandoned = true;
      run.reject(new AnalysisCancelled());
    }
    if (stop) this.stopInFlight();
  }

  /** Ends the worker and the run it is doing (already rejected), and sends the next waiting run to a fresh one. */
  private stopInFlight(): void {
    const run = this.inFlight;
    this.stopWorker();
    if (run) this.endInFlight(run);
    else this.sendNext();
  }

  /**
   * The run the worker was doing is over: it settles by `settle` (unless it was abandoned, so
   * already rejected), ends, and the next waiting run goes to the worker.
   */
  private endInFlight(run: PendingRun, settle?: () => void): void {
    this.inFlight = undefined;
    if (!run.abandoned) settle?.();
    run.done();
    this.sendNext();
  }
}
