/**
 * Preparing the sources of a large corpus on every core: each source's lines, language,
 * verdicts and sentences depend on that source alone, and they are most of the work.
 */
import { availableParallelism } from 'node:os';
import { AnalysisOptions, PreparedSource, prepareSources } from '../core';
import type { PrepareRequest, PrepareResponse, PreparedWithoutText } from './prepareWorker';

/** Below this many characters a second thread costs more than it saves. */
export const PARALLEL_THRESHOLD_CHARS = 1_000_000;

/**
 * Prepares `texts`, this thread taking one share and a worker thread (`workerScript`) each of
 * the others, split by size. Returns one prepared source per text, in order. Small corpora,
 * or a machine with one core, are prepared here alone.
 */
export async function prepareInParallel(
  texts: readonly string[],
  workerScript: string,
  options: AnalysisOptions = {},
): Promise<PreparedSource[]> {
  const total = texts.reduce((n, t) => n + t.length, 0);
  if (total < PARALLEL_THRESHOLD_CHARS) return prepareSources(texts, options);
  const threads = Math.min(availableParallelism(), 4, texts.length);
  if (threads < 2) return prepareSources(texts, options);

  // Contiguous shares; the first stays here and is larger, as a worker first has to start and
  // its results have to be copied back.
  const weights = Array.from({ length: threads }, (_, k) => (k === 0 ? 1.25 : 1));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const shares: number[][] = weights.map(() => []);
  let filled = 0;
  let share = 0;
  let boundary = (weights[0] / weightSum) * total;
  // A text goes to the share its middle falls in: two large texts go to two threads, where
  // counting from each text's start would give both to the first.
  texts.forEach((t, i) => {
    const middle = filled + t.length / 2;
    while (share < threads - 1 && middle >= boundary) boundary += (weights[++share] / weightSum) * total;
    shares[share].push(i);
    filled += t.length;
  });
  const pending = shares
    .slice(1)
    .map(share => (share.length ? runWorker(workerScript, { texts: share.map(i => texts[i]), options }) : Promise.resolve([])));
  // Settle every worker even when this thread's share throws, so none is left running.
  const local = (() => {
    try {
      return {
        ok: true as const,
        prepared: prepareSources(
          shares[0].map(i => texts[i]),
          options,
        ),
      };
    } catch (e) {
      return { ok: false as const, error: e as Error };
    }
  })();
  const remote = await Promise.all(pending);
  if (!local.ok) throw local.error;
  const out = new Array<PreparedSource>(texts.length);
  shares[0].forEach((i, k) => (out[i] = local.prepared[k]));
  remote.forEach((prepared, w) => shares[w + 1].forEach((i, k) => (out[i] = { ...prepared[k], text: texts[i] })));
  return out;
}

function runWorker(script: string, request: PrepareRequest): Promise<readonly PreparedWithoutText[]> {
  return new Promise((resolve, reject) => {
    // Loaded here: a small corpus never needs it, and loading it costs a short run 2 ms.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, see above
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    const worker = new Worker(script);
    worker.once('message', (response: PrepareResponse) => {
      void worker.terminate();
      if (response.ok) resolve(response.prepared);
      else reject(new Error(response.error));
    });
    worker.once('error', reject);
    worker.once('exit', code => reject(new Error(`preparation worker stopped (${code})`)));
    worker.postMessage(request);
  });
}
