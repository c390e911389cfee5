import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Transferable, Worker } from 'node:worker_threads';
import { AnalysisCancelled, AnalysisRunner, CancellationSignal, WORKER_THRESHOLD_CHARS } from '../../src/analysisRunner';
import { SourceInput } from '../../src/core';
import { analyzeCorpus } from '../../src/core/analyzer';
import { analysisFromParts, splitAnalysis } from '../../src/worker/analysisParts';
import type { WorkerRequest } from '../../src/analysisWorker';
import { seedInputs } from '../support/fixtures';
import { HARBOUR, SITES, page } from '../support/storyPages';

const workerScript = join(__dirname, '..', '..', '..', 'dist', 'analysisWorker.js');

/** A corpus well above the worker threshold: the seeds reprinted under different mastheads. */
function reprints(copies: number): SourceInput[] {
  const seeds = seedInputs();
  const out: SourceInput[] = [];
  for (let c = 0; c < copies; c++) {
    for (const seed of seeds) out.push({ id: `${c}-${seed.id}`, text: `Edition ${c} of the morning paper\n\n${seed.text}` });
  }
  return out;
}

function signal(): CancellationSignal & { cancel(): void } {
  const listeners: (() => void)[] = [];
  let cancelled = false;
  return {
    get isCancellationRequested() {
      return cancelled;
    },
    onCancellationRequested(listener) {
      listeners.push(listener);
      return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
    },
    cancel() {
      cancelled = true;
      for (const l of [...listeners]) l();
    },
  };
}

/**
 * Counts the workers the runner starts, the requests sent to them and the corpora (by size) they are asked to analyse: the
 * runner calls the module's export, so a subclass put there sees them. `restore` puts it back.
 */
function watchWorkers(): { started: number; analysed: number[]; sent: string[]; restore(): void } {
  const threads = require('node:worker_threads') as { Worker: typeof Worker };
  const Real = threads.Worker;
  const watched = { started: 0, analysed: [] as number[], sent: [] as string[], restore: () => (threads.Worker = Real) };
  threads.Worker = class extends Real {
    constructor(...args: ConstructorParameters<typeof Worker>) {
      super(...args);
      watched.started++;
    }
    override postMessage(message: WorkerRequest, transfer?: readonly Transferable[]): void {
      watched.sent.push(message.type);
      if (message.type === 'analyze') watched.analysed.push(message.inputs.length);
      super.postMessage(message, transfer as Transferable[]);
    }
  };
  return watched;
}

describe('analysis in parts', () => {
  it('puts back together exactly the analysis it split, in parts no larger than asked', () => {
    const analysis = analyzeCorpus(seedInputs());
    for (const maxItems of [1, 50, 400, 1_000_000]) {
      const parts = splitAnalysis(analysis, { maxItems });
      assert.deepEqual(analysisFromParts(parts), analysis);
      for (const part of parts) {
        // The stories travel as one part: a few numbers per source.
        if (part.kind === 'stories') continue;
        const items =
          part.kind === 'sources'
            ? part.sources.reduce((n, s) => n + s.lines.length + s.sentences.length, 0)
            : part.groups.reduce((n, g) => n + g.members.length, 0);
        const count = part.kind === 'sources' ? part.sources.length : part.groups.length;
        assert.ok(items <= maxItems || count === 1, `${items} items in one part of at most ${maxItems}`);
      }
      if (maxItems === 1) assert.equal(parts.length, analysis.sources.length + analysis.groups.length + 1);
    }
  });

  it('splits an empty analysis into one empty part of sources and its (empty) stories', () => {
    const empty = { sources: [], groups: [], stories: [] };
    assert.equal(splitAnalysis(empty).length, 2);
    assert.deepEqual(analysisFromParts(splitAnalysis(empty)), empty);
  });
});

describe('AnalysisRunner', function () {
  this.timeout(60_000);
  let runner: AnalysisRunner;
  beforeEach(() => (runner = new AnalysisRunner(workerScript)));
  afterEach(() => runner.dispose());

  it('gives the same analysis from its worker, received in several parts, as in process', async () => {
    const inputs = reprints(40);
    assert.ok(inputs.reduce((n, i) => n + i.text.length, 0) > WORKER_THRESHOLD_CHARS);
    const expected = analyzeCorpus(inputs);
    assert.ok(splitAnalysis(expected).length > 1, 'large enough to travel in parts');
    assert.deepEqual(await runner.run(inputs), expected);
  });

  it('answers two runs asked for at once, each with its own analysis', async () => {
    const a = reprints(12);
    const b = reprints(13).slice(3);
    const [ra, rb] = await Promise.all([runner.run(a), runner.run(b)]);
    assert.deepEqual(ra, analyzeCorpus(a));
    assert.deepEqual(rb, analyzeCorpus(b));
  });

  it('rejects a cancelled run and still answers the runs after it', async () => {
    const token = signal();
    const cancelled = runner.run(reprints(40), token);
    token.cancel();
    await assert.rejects(cancelled, AnalysisCancelled);
    const small = reprints(12);
    assert.deepEqual(await runner.run(small), analyzeCorpus(small));
  });

  it('drops the rest of a superseded run whose first part came after it was cancelled, and answers the next run with its own analysis', async () => {
    const threads = watchWorkers();
    try {
      // Small enough for the worker to answer well within the wait below (a few hundred ms
      // here), large enough to travel in parts.
      const superseded = reprints(3);
      assert.ok(splitAnalysis(analyzeCorpus(superseded)).length > 1, 'large enough to travel in parts');
      const token = signal();
      const cancelled = runner.run(superseded, token);
      const next = reprints(12);
      const answered = runner.run(next);
      // The host is busy meanwhile (rows being built, another analysis in process): the worker
      // answers the first run, and its first part waits in the queue when the run is cancelled.
      const until = Date.now() + 4000;
      while (Date.now() < until);
      token.cancel();
      await assert.rejects(cancelled, AnalysisCancelled);
      assert.deepEqual(await answered, analyzeCorpus(next));
      assert.ok(threads.sent.includes('drop'), threads.sent.join(' '));
      assert.equal(threads.started, 1);
    } finally {
      threads.restore();
    }
  });

  it('lets a superseded run finish in its worker, so that the worker and its analyzer answer the next, and never sends a run cancelled while it waits', async () => {
    const threads = watchWorkers();
    try {
      const first = reprints(40);
      const skipped = reprints(30);
      const next = reprints(41);
      const [firstToken, skippedToken] = [signal(), signal()];
      const firstRun = runner.run(first, firstToken);
      const skippedRun = runner.run(skipped, skippedToken);
      const nextRun = runner.run(next);
      skippedToken.cancel();
      firstToken.cancel();
      await assert.rejects(skippedRun, AnalysisCancelled);
      await assert.rejects(firstRun, AnalysisCancelled);
      assert.deepEqual(await nextRun, analyzeCorpus(next));
      assert.equal(threads.started, 1, 'one worker');
      assert.deepEqual(threads.analysed, [first.length, next.length], 'the superseded run finished, the waiting one was never sent');
    } finally {
      threads.restore();
    }
  });

  it('stops the worker when the user stops a run, and answers the runs waiting from a fresh one', async () => {
    // As the progress notification's cancel does, both fire, in either order.
    for (const stopFirst of [true, false]) {
      const threads = watchWorkers();
      const own = new AnalysisRunner(workerScript);
      try {
        const [signalled, stop] = [signal(), signal()];
        const stopped = own.run(reprints(40), signalled, false, stop);
        const waiting = reprints(12);
        const waitingRun = own.run(waiting);
        for (const token of stopFirst ? [stop, signalled] : [signalled, stop]) token.cancel();
        await assert.rejects(stopped, AnalysisCancelled);
        assert.deepEqual(await waitingRun, analyzeCorpus(waiting));
        assert.equal(threads.started, 2, 'a fresh worker');
      } finally {
        own.dispose();
        threads.restore();
      }
    }
  });

  it('stops a superseded run left to finish when the user stops the run waiting behind it', async () => {
    const threads = watchWorkers();
    try {
      const superseding = signal();
      const first = reprints(40);
      const firstRun = runner.run(first, superseding);
      const [signalled, stop] = [signal(), signal()];
      const stoppedRun = runner.run(reprints(30), signalled, false, stop);
      superseding.cancel();
      stop.cancel();
      signalled.cancel();
      await assert.rejects(firstRun, AnalysisCancelled);
      await assert.rejects(stoppedRun, AnalysisCancelled);
      const after = reprints(12);
      assert.deepEqual(await runner.run(after), analyzeCorpus(after));
      assert.equal(threads.started, 2, 'the worker doing the superseded run was ended');
      assert.deepEqual(threads.analysed, [first.length, after.length], 'the stopped run was never sent');
    } finally {
      threads.restore();
    }
  });

  it('analyses sources as one story when asked, in process and in its worker, and as the stories they tell otherwise', async () => {
    const otherStory = { id: 'harbour.txt', text: page(SITES[0], HARBOUR, []) };
    const oneStory = { stories: { oneStory: true } };
    for (const inputs of [
      [...seedInputs(), otherStory],
      [...reprints(12), otherStory],
    ]) {
      const told = await runner.run(inputs);
      assert.equal(told.stories.length, 2);
      const asOne = await runner.run(inputs, undefined, true);
      assert.deepEqual(asOne, analyzeCorpus(inputs, oneStory));
      assert.deepEqual(
        asOne.stories.map(s => s.sources.length),
        [inputs.length],
      );
      // Each way keeps its own analyzer: asked again, each gives what it gave.
      assert.deepEqual(await runner.run(inputs), told);
    }
  });

  it('analyses a small corpus in process without starting the worker', async () => {
    const seeds = seedInputs();
    assert.ok(seeds.reduce((n, i) => n + i.text.length, 0) < WORKER_THRESHOLD_CHARS);
    const gone = new AnalysisRunner(join(__dirname, 'no-such-worker.js'));
    try {
      assert.deepEqual(await gone.run(seeds), analyzeCorpus(seeds));
    } finally {
      gone.dispose();
    }
  });
});
