/**
 * A request to stop (Ctrl-C, `kill`, a closed terminal) while a file is being replaced. With the
 * signal's default action the process would die in the middle of the write and leave the new
 * file (`replaceFile`'s `.NAME.PID.partial`) beside the old one. Held, the signal waits until
 * the file is whole or the write has failed and the new file is gone; then the process ends by
 * that signal, as it would have, with the exit status a shell expects of it (130 for Ctrl-C in a
 * POSIX shell).
 */

/**
 * The signals that ask a command-line process to stop. Windows raises SIGHUP when its console
 * closes but cannot send it (`process.kill` fails there for any signal but SIGINT, SIGTERM and
 * SIGKILL), so it is not held there.
 */
const TERMINATION_SIGNALS: readonly NodeJS.Signals[] =
  process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs `work` (synchronous, such as `replaceFile`) with the termination signals held, and
 * returns what it returns, or throws what it throws. A signal that came meanwhile is raised
 * again once `work` is done and the event loop has taken it in: the process then ends by it,
 * and the promise never settles.
 */
export async function withTerminationHeld<T>(work: () => T): Promise<T> {
  let received: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => {
    received ??= signal;
  };
  for (const signal of TERMINATION_SIGNALS) process.on(signal, hold);
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: work() };
  } catch (error) {
    outcome = { ok: false, error };
  }
  // A signal is handed to its listeners by the event loop, in its poll phase, never during
  // synchronous work. Called from a callback of that phase (an await on a worker's message or
  // a read), the next `setImmediate` runs before the loop polls again, so the second one waits
  // for a whole turn: any signal that came meanwhile has then reached `hold`.
  await new Promise<void>(resolve => setImmediate(() => setImmediate(resolve)));
  for (const signal of TERMINATION_SIGNALS) process.removeListener(signal, hold);
  if (received) {
    // With the listeners gone the default action stands again: the process ends by the signal.
    process.kill(process.pid, received);
    await new Promise<never>(() => undefined);
  }
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
