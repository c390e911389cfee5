/**
 * Short-lived messages in the status bar ("Synoptic: report.txt is no longer on disk"): each
 * stands for `MESSAGE_MS` and then goes, a newer one takes the place of the one shown, and none
 * outlives the extension; the probe tells what is shown now. One message at a time for the
 * whole extension, so `showStatusMessage` needs no instance: the link commands, the panel and
 * the passim passages all reveal sentences through one free function.
 */
import * as vscode from 'vscode';

/** Long enough to read a line of a dozen words, short enough not to linger past the moment. */
export const MESSAGE_MS = 4000;

/** What the integration tests may observe: the message shown now, if any. */
export interface StatusMessageProbe {
  readonly text: string | undefined;
}

let shown: { readonly text: string; readonly message: vscode.Disposable; readonly timer: ReturnType<typeof setTimeout> } | undefined;

function clear(): void {
  if (!shown) return;
  clearTimeout(shown.timer);
  shown.message.dispose();
  shown = undefined;
}

/** Shows `text` in the status bar for `MESSAGE_MS`, in place of the message shown before it. */
export function showStatusMessage(text: string): void {
  clear();
  const message = vscode.window.setStatusBarMessage(text, MESSAGE_MS);
  // VS Code takes the message away after its timeout too; the timer tells the probe when it went.
  const timer = setTimeout(() => {
    if (shown?.timer === timer) clear();
  }, MESSAGE_MS);
  shown = { text, message, timer };
}

export function register(): { disposable: vscode.Disposable; probe: StatusMessageProbe } {
  return {
    disposable: { dispose: clear },
    probe: {
      get text() {
        return shown?.text;
      },
    },
  };
}
