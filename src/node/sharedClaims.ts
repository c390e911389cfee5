/**
 * Texts handed out to threads from one counter in a `SharedArrayBuffer`: each thread claims the
 * next run of consecutive texts when it has prepared its last. Runs, rather than single texts,
 * keep together the neighbouring files of one site or one story, whose lines a thread's
 * preparation memo reads once for all of them; enough runs that the last one leaves the other
 * threads little to wait for.
 */

/** Runs per thread: the last run to finish is at most about this fraction of a thread's work. */
const RUNS_PER_THREAD = 8;

/** A counter of claimed runs, to share with other threads. */
export function newClaimCounter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
}

/** How many consecutive texts one claim takes, for `count` texts shared by `threads` threads. */
export function runLength(count: number, threads: number): number {
  return Math.max(1, Math.ceil(count / (threads * RUNS_PER_THREAD)));
}

/**
 * A claim function over `counter` for `count` texts in runs of `run`: each call gives the next
 * text index of this thread's current run, claiming a new run when that one is done, and
 * `count` once every run is claimed. Every index is given to exactly one caller.
 */
export function claimRuns(counter: Int32Array, count: number, run: number): () => number {
  let next = 0;
  let end = 0;
  return () => {
    if (next >= end) {
      next = Atomics.add(counter, 0, 1) * run;
      end = Math.min(next + run, count);
      if (next >= count) return count;
    }
    return next++;
  };
}

/** Stops every thread drawing from `counter` after their current run. */
export function stopClaims(counter: Int32Array, count: number): void {
  Atomics.store(counter, 0, count);
}
