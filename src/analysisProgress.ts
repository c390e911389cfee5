/**
 * Analyses large corpora under a cancellable progress notification; small ones, which take
 * well under a second, without one.
 */
import * as vscode from 'vscode';
import type { AnalysisRunner } from './analysisRunner';
import type { CorpusAnalysis, SourceInput } from './core';

/** Corpora of at least this many characters show the notification. */
export const PROGRESS_THRESHOLD_CHARS = 2_000_000;

/** Runs `inputs` on `runner` (as one story with `oneStory`); cancelled by `token` or, for a large corpus, by the user. */
export function analyseWithProgress(
  runner: AnalysisRunner,
  inputs: readonly SourceInput[],
  token: vscode.CancellationToken,
  oneStory = false,
): Promise<CorpusAnalysis> {
  const size = inputs.reduce((n, i) => n + i.text.length, 0);
  if (size < PROGRESS_THRESHOLD_CHARS) return runner.run(inputs, token, oneStory);
  return Promise.resolve(
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Synoptic: analysing ${inputs.length} sources`, cancellable: true },
      (_progress, userToken) => {
        const either = new vscode.CancellationTokenSource();
        const subscriptions = [
          token.onCancellationRequested(() => either.cancel()),
          userToken.onCancellationRequested(() => either.cancel()),
        ];
        // The user's cancel stops the work; a newer analysis (`token`) lets the worker finish it.
        return runner.run(inputs, either.token, oneStory, userToken).finally(() => {
          subscriptions.forEach(s => s.dispose());
          either.dispose();
        });
      },
    ),
  );
}
