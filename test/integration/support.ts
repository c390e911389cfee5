/**
 * What the integration tests share: the extension's API, waiting for a condition, the panel
 * opened on a base, hover text, and the code-server host's screenshots and webview probe.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SynopticApi } from '../../src/extension';
import { ComparisonModel, RowModel, cellOf } from '../../src/protocol';

const EXTENSION_ID = 'synoptic.synoptic';
/** Set by the code-server host, which takes screenshots and reads the webview's DOM; empty elsewhere. */
const shotDir = process.env.VSC_SHOT_DIR ?? '';

export async function activateSynoptic(): Promise<SynopticApi> {
  const extension = vscode.extensions.getExtension<SynopticApi>(EXTENSION_ID);
  assert.ok(extension, 'extension is installed');
  return extension.activate();
}

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with the seeds folder open');
  return folder.uri;
}

export const seedUri = (name: string) => vscode.Uri.joinPath(workspaceFolder(), name);
/** The names of the five sample versions at the top of the test workspace. */
export const SEED_NAMES: readonly string[] = [
  '000_2e221a3ec277473a.txt',
  '001_d0ef0ff56864153f.txt',
  '002_b59a2ea70077a96b.txt',
  '003_35b1516114ec1545.txt',
  '004_b132656ddbd9dbe3.txt',
];

/**
 * Deletes what a test wrote, a folder with its files or a file, the Explorer's folders collapsed
 * first. The Explorer shows expanded the folder of a file opened in an editor; when such a folder
 * is removed while the Explorer refreshes it, VS Code's Explorer reports "Unable to resolve
 * nonexistent file" in an error notification of its own, which would stand over every later
 * screenshot. `removeFiles` deletes it otherwise (as a terminal would).
 */
export async function deleteWritten(uri: vscode.Uri, removeFiles?: (uri: vscode.Uri) => unknown): Promise<void> {
  await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders');
  if (removeFiles) await removeFiles(uri);
  else await vscode.workspace.fs.delete(uri, { recursive: true });
}

/** Polls `probe` every 50 ms until it gives a truthy value, or fails after `timeoutMs`. */
export async function until<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

/**
 * Shows `base` in the first editor column, opens the comparison on it beside that column, and
 * waits until the webview rendered its model. With the panel beside the editors, moving the
 * cursor in an editor of the first column leaves the panel visible, so that it follows.
 */
export async function openPanel(api: SynopticApi, base: vscode.Uri, sources?: number): Promise<ComparisonModel> {
  const name = base.path.split('/').pop();
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(base), {
    viewColumn: vscode.ViewColumn.One,
    preserveFocus: false,
  });
  await vscode.commands.executeCommand('synoptic.compareWithOtherSources', base);
  // The latest model, rendered: a file written just before may still bring a newer analysis.
  return until(`the webview to render the panel on ${name}`, () => {
    const m = api.panel.lastModel;
    const fits = m && m.sources[m.base]?.path === base.toString() && (sources === undefined || m.sources.length === sources);
    return fits && api.panel.renderedGeneration === m.generation && m;
  });
}

/** The text `source` shows in `row`, or undefined where it lacks the statement. */
export function cellText(row: RowModel, source: number): string | undefined {
  const cell = cellOf(row, source);
  return cell && row.wordings[cell.wording].text;
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap(h => h.contents)
    .map(c => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export const unescape = (markdown: string) => markdown.replace(/\\(.)/g, '$1');

/**
 * Asks the code-server host to do something (`request`, an "@@…@@" line of the suite's output)
 * and waits until it has written `answer` beside the screenshots; returns the answer's path. The
 * host removes no answer until it restarts, so the one an earlier request of the same name left
 * is removed first: it would answer this request at once.
 */
export async function askHost(request: string, answer: string): Promise<string> {
  const file = path.join(shotDir, answer);
  rmSync(file, { force: true });
  console.log(request);
  await until(request, () => existsSync(file), 30_000);
  return file;
}

/** Asks the code-server host for a screenshot and waits until it is taken; nothing elsewhere. */
export async function screenshot(name: string): Promise<void> {
  if (shotDir) await askHost(`@@SCREENSHOT@@${name}`, `${name}.done`);
}

/** The comparison webview's rendered DOM, as the code-server host reads it from the page. */
export interface WebviewProbe {
  current: string | null;
  currentInView: boolean;
  text: string;
  tags: string[];
  links: string[];
  scripts: number;
  csp: string;
  /** Column headers shown, and the text of the pager of a wide corpus. */
  columns: number;
  pager: string | null;
  error?: string;
}

/**
 * The webview's DOM. Only the code-server host can read it; elsewhere (under
 * @vscode/test-electron) the test that asks fails, since it cannot check what it claims.
 */
export async function webviewDom(name: string): Promise<WebviewProbe> {
  if (!shotDir) {
    throw new Error(
      'this test reads the webview DOM, which only the code-server host can probe: run node scripts/run-integration.js without SYNOPTIC_VSCODE',
    );
  }
  const file = await askHost(`@@WEBVIEW@@${name}`, `${name}.json`);
  const dom = JSON.parse(readFileSync(file, 'utf8')) as WebviewProbe;
  assert.equal(dom.error, undefined, `the webview probe failed: ${dom.error}`);
  return dom;
}
