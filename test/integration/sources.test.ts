/**
 * Synoptic in a real VS Code on unusual source files: names with a percent sign, files in
 * UTF-16 next to UTF-8 and binary ones, and the panel's content security policy as served.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SynopticApi } from '../../src/extension';
import { activateSynoptic, deleteWritten, hoverText, openPanel, seedUri, unescape, until, workspaceFolder } from './support';

const SEEDS = ['000_2e221a3ec277473a.txt', '001_d0ef0ff56864153f.txt', '002_b59a2ea70077a96b.txt'];
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);

async function seedText(name: string): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(seedUri(name))).toString('utf8');
}

/** Writes `files` into a new folder of the workspace, runs `test`, and removes the folder. */
async function withFolder(name: string, files: Record<string, Uint8Array>, test: (folder: vscode.Uri) => Promise<void>): Promise<void> {
  const folder = vscode.Uri.joinPath(workspaceFolder(), name);
  await Promise.all(Object.entries(files).map(([file, bytes]) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, file), bytes)));
  try {
    await test(folder);
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteWritten(folder);
  }
}

describe('Synoptic in VS Code on unusual source files', function () {
  this.timeout(90_000);
  let api: SynopticApi;

  before(async () => {
    api = await activateSynoptic();
  });

  it('names a file called 100%.txt, and one called a%20b.txt, exactly as on disk in the panel title, its columns and the hover', async () => {
    const [first, second, third] = await Promise.all(SEEDS.map(seedText));
    await withFolder(
      'percent',
      { '100%.txt': Buffer.from(first), 'a%20b.txt': Buffer.from(second), 'plain.txt': Buffer.from(third) },
      async folder => {
        const percent = vscode.Uri.joinPath(folder, '100%.txt');
        const model = await openPanel(api, percent, 3);
        assert.equal(api.panel.title, 'Compare: 100%.txt');
        assert.deepEqual(
          model.sources.map(s => s.name),
          ['100%.txt', 'a%20b.txt', 'plain.txt'],
        );

        const plain = vscode.Uri.joinPath(folder, 'plain.txt');
        const document = await vscode.workspace.openTextDocument(plain);
        const line = document
          .getText()
          .split('\n')
          .findIndex(l => l.startsWith('Monday night'));
        assert.ok(line >= 0);
        const text = await until('a hover naming the other two files', async () => {
          const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
            'vscode.executeHoverProvider',
            plain,
            new vscode.Position(line, 3),
          );
          const shown = unescape(hoverText(hovers));
          return /in \d of 2 other sources/.test(shown) && shown;
        });
        assert.ok(text.includes('100%.txt'), text);
        assert.ok(text.includes('a%20b.txt'), text);
        assert.ok(!text.includes('a b.txt'), 'the name is not decoded a second time');
      },
    );
  });

  it('compares UTF-16 files, with and without a byte order mark, and leaves a binary file out with a notice', async () => {
    const [first, second, third] = await Promise.all(SEEDS.map(seedText));
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(second, 'utf16le')]);
    const utf16be = Buffer.from(third, 'utf16le').swap16();
    await withFolder('encodings', { 'a.txt': Buffer.from(first), 'b.txt': utf16le, 'c.txt': utf16be, 'd.txt': PNG }, async folder => {
      const a = vscode.Uri.joinPath(folder, 'a.txt');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(a), vscode.ViewColumn.One);
      const view = await until('the corpus of the three text files', async () => {
        const v = await api.corpus.request(a);
        return v?.uris.length === 3 && v;
      });
      assert.deepEqual(
        view.uris.map(u => u.path.split('/').pop()),
        ['a.txt', 'b.txt', 'c.txt'],
      );
      assert.equal(view.texts[1], second, 'UTF-16LE with a byte order mark, the mark not part of the text');
      assert.equal(view.texts[2], third, 'UTF-16BE without a byte order mark');
      assert.equal(view.notice, '1 binary file left out');
      assert.ok(
        view.analysis.groups.some(g => new Set(g.members.map(m => m.source)).size === 3),
        'sentences shared by all three',
      );
    });
  });

  it('serves the panel under a content security policy that allows only its own nonce-bearing script and its own styles', async () => {
    await openPanel(api, seedUri(SEEDS[0]), 5);
    const html = api.panel.html ?? '';
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.ok(csp, 'a content security policy in the served HTML');
    const directives = new Map(
      csp
        .split(';')
        .map(d => d.trim())
        .filter(Boolean)
        .map(d => [d.split(/\s+/)[0], d.split(/\s+/).slice(1)]),
    );
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    const scriptSources = directives.get('script-src') ?? [];
    assert.equal(scriptSources.length, 1);
    const nonce = /^'nonce-([A-Za-z0-9]+)'$/.exec(scriptSources[0])?.[1];
    assert.ok(nonce && nonce.length >= 16, `a nonce of at least 16 characters: ${scriptSources[0]}`);
    for (const directive of ['style-src', 'img-src']) {
      for (const source of directives.get(directive) ?? []) assert.ok(!source.startsWith("'unsafe"), `${directive} ${source}`);
    }
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1, 'one script element');
    assert.match(scripts[0][1], new RegExp(`nonce="${nonce}"`));
    assert.match(scripts[0][1], /src="[^"]*\/media\/compare\.js"/);
    assert.equal(scripts[0][2].trim(), '', 'no inline code');
    const roots = api.panel.webviewOptions?.localResourceRoots?.map(u => u.path) ?? [];
    assert.equal(roots.length, 1);
    assert.match(roots[0], /\/media$/);
  });
});
