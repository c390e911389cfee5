/**
 * Headless Chromium for the unit tests that look at a page in a real browser: playwright-core
 * from the offline VS Code host's folder (where `scripts/setup-vscode-host.sh` installed it) and
 * Debian's Chromium. Screenshots for a person to look at land in `SCREENSHOT_DIR`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository's root, from the compiled test's place (out/test/…). */
export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');
const hostDir = resolve(process.env.VSCODE_HOST_DIR || join(REPO_ROOT, '.vscode-host'));
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

/** Launches headless browsers (see `launchHeadless`). */
export interface ChromiumLauncher {
  launch(options: object): Promise<any>;
}

/** playwright-core's Chromium launcher, or undefined where playwright-core or Chromium is missing (the test then skips). */
export function chromiumLauncher(): ChromiumLauncher | undefined {
  if (!existsSync(chromiumPath)) return undefined;
  try {
    return require(require.resolve('playwright-core', { paths: [hostDir] })).chromium;
  } catch {
    return undefined;
  }
}

/** A fresh headless browser, with nothing of its own reaching the network. */
export function launchHeadless(chromium: ChromiumLauncher): Promise<any> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
