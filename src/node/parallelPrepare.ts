/**
 * Analysing a large corpus on every core: each source's lines, language, verdicts and
 * sentences depend on that source alone, and they are most of the work; once the stories are
 * found, each story's analysis depends on that story alone but for the numbering of its
 * terms (see `storyShare.ts`). So this thread and worker threads each prepare a share of the
 * sources, and then each analyses a share of the stories.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import {
  AnalysisOptions,
  Analyzer,
  CorpusAnalysis,
  PreparedSource,
  SourceInput,
  StoryShare,
  StoryShareRunner,
  SourceStoryForms,
  prepareClaimed,
  storyFormsFor,
} from '../core';
import type { PackedPreparation, WorkerRequest, WorkerResponse, WorkerResult } from './prepareWorker';
import { PackedStoryAnalysis, packPrepared, unpackPrepared, unpackStoryAnalysis, unpackStoryForms } from './preparedTransfer';
import { claimRuns, newClaimCounter, runLength, stopClaims } from './sharedClaims';

/** Below this many characters a second thread costs more than it saves. */
export const PARALLEL_THRESHOLD_CHARS = 1_000_000;

/**
 * On a machine of two cores, below this many characters one thread is faster. V8 compiles hot
 * code and collects garbage on threads of its own, which a worker leaves no core for, and each
 * thread compiles the code it runs afresh. Measured on two cores, whole CLI, one thread against
 * two: the template pair (1.3 MB) 1.87 s against 2.08 s, 1,000 versions (9.4 MB) 3.97 against
 * 4.30 s, 300 stories (7.6 MB) 5.55 against 6.13 s, 500 stories (12.8 MB) 8.1 against 8.6 s;
 * 800 stories (20.4 MB) 13.2 against 12.7 s, 1,500 stories (38.7 MB) 23.4 against 22.8 s.
 */
export const TWO_CORE_THRESHOLD_CHARS = 16_000_000;

/**
 * How many threads analyse `count` texts of `chars` characters in all on a machine of `cores`
 * cores: one below `PARALLEL_THRESHOLD_CHARS` (below `TWO_CORE_THRESHOLD_CHARS` with two cores
 * or fewer), else one per core, at most 4 and at most one per text.
 */
export function threadCount(chars: number, count: number, cores: number): number {
  const threshold = cores <= 2 ? TWO_CORE_THRESHOLD_CHARS : PARALLEL_THRESHOLD_CHARS;
  return chars < threshold ? 1 : Math.max(1, Math.min(cores, 4, count));
}

/**
 * `analyzer.analyze(inputs)` (an analyzer made with these `options`, for one analysis), with
 * the sources prepared and the stories analysed by this thread and worker threads
 * (`workerScript`) together: `threads` in all (at most one per text), by default as many as
 * `threadCount` gives for the corpus and this machine. The result is the same either way.
 */
export async function analyzeInParallel(
  analyzer: Analyzer,
  inputs: readonly SourceInput[],
  workerScript: string,
  options: AnalysisOptions = {},
  threads?: number,
): Promise<CorpusAnalysis> {
  const texts = inputs.map(input => input.text);
  const total = texts.reduce((n, t) => n + t.length, 0);
  threads = threads === undefined ? threadCount(total, texts.length, availableParallelism()) : Math.min(threads, texts.length);
  if (threads < 2) return analyzer.analyze(inputs);
  const workers = Array.from({ length: threads - 1 }, () => new WorkerThread(workerScript));
  try {
    const { prepared, storyForms } = await prepareShares(texts, workers, options);
    analyzer.adopt(prepared, storyForms);
    return await analyzer.analyzeSharing(
      inputs,
      workers.map(worker => storyRunner(worker, options)),
    );
  } finally {
    for (const worker of workers) worker.close();
  }
}

/**
 * Prepares `texts` on this thread and the workers together, each source with its part of the
 * story stage. The threads draw runs of consecutive texts from one shared counter
 * (`sharedClaims.ts`): a worker that starts late, or a thread that draws long texts, takes
 * fewer, so no thread waits idle for another (shares fixed in advance left this thread waiting
 * for a worker that had to start first and copy its results back). Which thread prepares a
 * text does not change what it yields. Returns one prepared source and one part per text, in
 * order.
 */
async function prepareShares(
  texts: readonly string[],
  workers: readonly WorkerThread[],
  options: AnalysisOptions,
): Promise<{ prepared: PreparedSource[]; storyForms: SourceStoryForms[] }> {
  const counter = newClaimCounter();
  const run = runLength(texts.length, workers.length + 1);
  const pending = workers.map(
    worker => worker.request({ kind: 'prepare', texts, counter, run, options }) as Promise<readonly PackedPreparation[]>,
  );
  // Settle every worker even when this thread's share throws, so none is left running.
  const local = (() => {
    try {
      return {
        ok: true as const,
        prepared: prepareClaimed(texts, claimRuns(counter, texts.length, run), options).map(({ index, prepared }) => ({
          index,
          prepared,
          storyForms: storyFormsFor(prepared, options.stories),
        })),
      };
    } catch (e) {
      // The workers stop drawing: the analysis fails anyway.
      stopClaims(counter, texts.length);
      return { ok: false as const, error: e as Error };
    }
  })();
  const remote = await Promise.allSettled(pending);
  if (!local.ok) throw local.error;
  const prepared = new Array<PreparedSource>(texts.length);
  const storyForms = new Array<SourceStoryForms>(texts.length);
  for (const part of local.prepared) ({ prepared: prepared[part.index], storyForms: storyForms[part.index] } = part);
  for (const settled of remote) {
    if (settled.status === 'rejected') throw settled.reason;
    for (const packed of settled.value) {
      prepared[packed.index] = unpackPrepared(packed.prepared, texts[packed.index]);
      storyForms[packed.index] = unpackStoryForms(packed.storyForms, prepared[packed.index]);
    }
  }
  return { prepared, storyForms };
}

/** A share of stories analysed by `worker`; the prepared sources go packed, their texts with their inputs. */
function storyRunner(worker: WorkerThread, options: AnalysisOptions): StoryShareRunner {
  let sent: StoryShare | undefined;
  return {
    begin: (share: StoryShare) => {
      sent = share;
      const tasks = share.tasks.map(task => ({ ...task, prepared: task.prepared.map(packPrepared) }));
      return worker.request({ kind: 'begin', share: { ...share, tasks }, options }) as Promise<readonly (readonly string[])[]>;
    },
    finish: async termIds => {
      const packed = (await worker.request({ kind: 'finish', termIds })) as readonly PackedStoryAnalysis[];
      return packed.map((part, t) => unpackStoryAnalysis(part, sent!.tasks[t].prepared));
    },
  };
}

/** A worker thread that answers one request at a time, in order. */
class WorkerThread {
  private readonly worker: Worker;
  private readonly waiting: { resolve(result: WorkerResult): void; reject(error: Error): void }[] = [];
  private stopped: Error | undefined;

  constructor(script: string) {
    // Loaded here: a small corpus never needs it, and loading it costs a short run 2 ms.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, see above
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    this.worker = new Worker(script);
    this.worker.on('message', (response: WorkerResponse) => {
      const next = this.waiting.shift();
      if (!next) return;
      if (response.ok) next.resolve(response.result);
      else next.reject(new Error(response.error));
    });
    this.worker.on('error', error => this.stop(error));
    this.worker.on('exit', code => this.stop(new Error(`analysis worker stopped (${code})`)));
  }

  request(request: WorkerRequest): Promise<WorkerResult> {
    if (this.stopped) return Promise.reject(this.stopped);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(request);
    });
  }

  close(): void {
    this.stopped ??= new Error('analysis worker closed');
    void this.worker.terminate();
  }

  private stop(error: Error): void {
    this.stopped ??= error;
    for (const waiting of this.waiting.splice(0)) waiting.reject(error);
  }
}
