/**
 * The extension as a user gets it: installed from the .vsix that `npm run package` builds,
 * then activated on the seeds.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SynopticApi } from '../../src/extension';

const projectRoot = path.resolve(__dirname, '..', '..', '..');

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

describe('Synoptic installed from its package', function () {
  this.timeout(90_000);
  const extension = vscode.extensions.getExtension<SynopticApi>('synoptic.synoptic');

  it('is installed from the package, not loaded from the sources', () => {
    assert.ok(extension, 'the extension is installed');
    const installed = extension.extensionPath;
    assert.ok(
      !path.resolve(installed).startsWith(projectRoot + path.sep) && path.resolve(installed) !== projectRoot,
      `loaded from ${installed}`,
    );
    assert.ok(existsSync(path.join(installed, 'dist', 'extension.js')));
    assert.ok(!existsSync(path.join(installed, 'src')), 'no sources');
    assert.ok(!existsSync(path.join(installed, 'dist', 'extension.js.map')), 'no source maps');
    assert.deepEqual(readdirSync(path.join(installed, 'seeds')).sort(), readdirSync(path.join(projectRoot, 'seeds')).sort());
  });

  it('activates and marks boilerplate on the gold lines of a seed, all but 1%, and no article line', async () => {
    const api = await extension!.activate();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the seeds folder is open');
    const gold = JSON.parse(readFileSync(path.join(projectRoot, 'test', 'fixtures', 'seeds', 'gold.json'), 'utf8')) as {
      lines: Record<string, string[]>;
    };
    const name = '001_d0ef0ff56864153f.txt';
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, name)));
    const applied = await until('decorations', () => api.corpus.current(editor.document.uri) && api.decorations.applied(editor));
    const marked = new Set(applied.boilerplate.map(r => r.start.line));
    assert.ok(marked.size > 0);
    let goldBoilerplate = 0;
    let missed = 0;
    gold.lines[name].forEach((label, line) => {
      if (label === 'boilerplate') {
        goldBoilerplate++;
        if (!marked.has(line)) missed++;
      }
      if (label === 'content') assert.ok(!marked.has(line), `${name}:${line + 1} is article text`);
    });
    assert.ok(missed <= goldBoilerplate / 100, `${missed} of ${goldBoilerplate} gold boilerplate lines unmarked`);
    assert.equal(api.corpus.current(editor.document.uri)?.uris.length, 5);
  });

  it('opens the sample stories that ship in the package, and compares them', async () => {
    const api = await extension!.activate();
    await vscode.commands.executeCommand('synoptic.openSamples');
    const editor = await until(
      'the first sample',
      () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/000_2e221a3ec277473a.txt') && vscode.window.activeTextEditor,
    );
    assert.ok(!editor.document.uri.fsPath.startsWith(extension!.extensionPath), 'a copy, not the packaged file');
    const view = await until('the samples analysed', () => api.corpus.current(editor.document.uri));
    assert.equal(view.uris.length, 5);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
