/**
 * Worker thread entry: runs the analysis off the extension host's main thread, so typing,
 * scrolling and hovers stay smooth while a large corpus is analysed. The worker lives as long
 * as its runner and keeps one analyzer, so after an edit only the changed document is read
 * again. A result goes back in parts, the next one only when the host asks for it: the host
 * deserialises one part per turn of its event loop instead of the whole analysis at once.
 */
import { parentPort } from 'node:worker_threads';
import { SourceInput } from './core';
import { analyzersByGrouping } from './worker/analysisOptions';
import { AnalysisPart, splitAnalysis } from './worker/analysisParts';

export type WorkerRequest =
  /** `oneStory`: every input is a version of one story, whatever they share (`StoryOptions.oneStory`). */
  | { readonly type: 'analyze'; readonly id: number; readonly inputs: readonly SourceInput[]; readonly oneStory?: boolean }
  /** The host has taken in part `index - 1` of run `id` and is ready for part `index`. */
  | { readonly type: 'next'; readonly id: number; readonly index: number }
  /** The host no longer wants run `id` (a part of it came after the run was cancelled): its other parts go. */
  | { readonly type: 'drop'; readonly id: number };

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly part: AnalysisPart; readonly index: number; readonly count: number }
  | { readonly id: number; readonly ok: false; readonly error: string };

function serve(port: NonNullable<typeof parentPort>): void {
  const analyzerFor = analyzersByGrouping();
  // Parts not yet asked for, per run.
  const unsent = new Map<number, AnalysisPart[]>();
  const send = (id: number, index: number) => {
    const parts = unsent.get(id);
    if (!parts || index >= parts.length) return;
    if (index === parts.length - 1) unsent.delete(id);
    const response: WorkerResponse = { id, ok: true, part: parts[index], index, count: parts.length };
    port.postMessage(response);
  };
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'next') return send(request.id, request.index);
    if (request.type === 'drop') return void unsent.delete(request.id);
    try {
      unsent.set(request.id, splitAnalysis(analyzerFor(request.oneStory === true).analyze(request.inputs)));
    } catch (e) {
      const failure: WorkerResponse = { id: request.id, ok: false, error: (e as Error).message };
      port.postMessage(failure);
      return;
    }
    send(request.id, 0);
  });
}

if (parentPort) serve(parentPort);
