/**
 * "Synoptic: Export Comparison…" in a real VS Code: it writes the chosen format to the chosen
 * file, asks before it replaces a file (and keeps the file when the answer is no), and asks for
 * what a request leaves open.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SynopticApi } from '../../src/extension';
import { EXPORT_COMMAND, ExportPrompts, exportComparison } from '../../src/exportCommand';
import { bridgeStory } from '../support/stories';
import { deleteWritten } from './support';

const EXTENSION_ID = 'synoptic.synoptic';

describe('Export Comparison command', () => {
  let api: SynopticApi;
  let folder: vscode.Uri;
  let source: vscode.Uri;
  const written: vscode.Uri[] = [];
  const targetNamed = (name: string) => {
    const uri = vscode.Uri.joinPath(folder, name);
    written.push(uri);
    return uri;
  };
  /** The file's text, a byte order mark dropped. */
  const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  /** Prompts that fail the test if asked anything not answered here. */
  const prompts = (answers: Partial<ExportPrompts>): ExportPrompts => ({
    pickFormat: answers.pickFormat ?? (() => assert.fail('no format question expected')),
    pickStory: answers.pickStory ?? (() => assert.fail('no story question expected')),
    pickTarget: answers.pickTarget ?? (() => assert.fail('no file question expected')),
    confirmOverwrite: answers.confirmOverwrite ?? (() => assert.fail('no overwrite question expected')),
  });

  before(async () => {
    const extension = vscode.extensions.getExtension<SynopticApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    folder = vscode.workspace.workspaceFolders![0].uri;
    source = vscode.Uri.joinPath(folder, '000_2e221a3ec277473a.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(source));
  });
  after(async () => {
    for (const uri of written) await deleteWritten(uri).then(undefined, () => undefined);
    // Its toasts would stand over the later tests' screenshots.
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  describe('on a folder of two stories', () => {
    let twoStories: vscode.Uri;
    let bridge: vscode.Uri;
    before(async () => {
      twoStories = vscode.Uri.joinPath(folder, 'export-two-stories');
      written.push(twoStories);
      for (const name of (await vscode.workspace.fs.readDirectory(folder)).map(([n]) => n).filter(n => n.endsWith('.txt')))
        await vscode.workspace.fs.copy(vscode.Uri.joinPath(folder, name), vscode.Uri.joinPath(twoStories, name), { overwrite: true });
      for (const s of bridgeStory())
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(twoStories, s.id.split('/').pop()!), new TextEncoder().encode(s.text));
      bridge = vscode.Uri.joinPath(twoStories, 'report.txt');
      const view = await api.corpus.request(bridge);
      assert.ok(view);
    });

    it('asks which story to export, offering every story where the format shows several, the active file’s story first', async () => {
      const target = targetNamed('export-two-stories.html');
      const asked: { titles: string[]; active?: number; all?: string }[] = [];
      const result = await exportComparison(
        api.corpus,
        { source: bridge, format: 'html', target },
        prompts({
          pickStory: async (stories, active, all) => (asked.push({ titles: stories.map(s => s.title), active, all }), 'all'),
        }),
      );
      assert.equal(result?.toString(), target.toString());
      assert.equal(asked.length, 1);
      assert.equal(asked[0].titles.length, 2);
      assert.match(asked[0].titles[asked[0].active!], /Harbour bridge reopens/);
      assert.match(asked[0].all ?? '', /section per story/);
      const html = await read(target);
      assert.equal(html.match(/<section id="story-\d">/g)?.length, 2, 'one section per story');
      assert.match(html, /<nav aria-label="Stories"><ol>/);
      assert.match(html, /<a href="#story-2">/);
    });

    it('exports the one story picked, and offers CollateX no "every story"', async () => {
      const target = targetNamed('export-two-stories.json');
      let offeredAll: string | undefined = 'asked';
      const result = await exportComparison(
        api.corpus,
        { source: bridge, format: 'collatex', target },
        prompts({ pickStory: async (_stories, active, all) => ((offeredAll = all), active!) }),
      );
      assert.equal(result?.toString(), target.toString());
      assert.equal(offeredAll, undefined);
      const json = JSON.parse(await read(target));
      assert.deepEqual(json.witnesses.map((w: string) => w.split('/').pop()).sort(), ['report.txt', 'reprint.txt']);
    });
  });

  it('is contributed to the command palette', async () => {
    const contributed = vscode.extensions
      .getExtension(EXTENSION_ID)!
      .packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    assert.ok(contributed.includes(EXPORT_COMMAND));
    assert.ok((await vscode.commands.getCommands(true)).includes(EXPORT_COMMAND));
  });

  it('writes the chosen format to the chosen file', async () => {
    const target = targetNamed('export-test.csv');
    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>(EXPORT_COMMAND, { source, format: 'csv', target });
    assert.equal(result?.toString(), target.toString());
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte order mark for spreadsheet programs');
    const csv = await read(target);
    assert.ok(csv.startsWith('kind,statement,sources,similarity,'), csv.slice(0, 80));
    assert.ok(csv.split('\r\n').length > 20);
    const view = api.corpus.current(source);
    assert.ok(view);
    for (const uri of view.uris) assert.ok(csv.split('\r\n')[0].includes(vscode.workspace.asRelativePath(uri, false)));
  });

  it('asks before replacing a file, keeps it when the answer is no and replaces it when it is yes', async () => {
    const target = targetNamed('export-test.html');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('keep me'));
    const asked: string[] = [];
    const declined = await exportComparison(
      api.corpus,
      { source, format: 'html', target },
      prompts({ confirmOverwrite: async uri => (asked.push(uri.toString()), false) }),
    );
    assert.equal(declined, undefined);
    assert.deepEqual(asked, [target.toString()]);
    assert.equal(await read(target), 'keep me');

    const replaced = await exportComparison(
      api.corpus,
      { source, format: 'html', target },
      prompts({ confirmOverwrite: async uri => (asked.push(uri.toString()), true) }),
    );
    assert.equal(replaced?.toString(), target.toString());
    assert.equal(asked.length, 2);
    assert.match(await read(target), /^<!DOCTYPE html>[\s\S]*Content-Security-Policy/);
  });

  it('asks for the format and the file when the request leaves them open, suggesting a file beside the sources', async () => {
    const target = targetNamed('export-test.xml');
    let suggested: vscode.Uri | undefined;
    const result = await exportComparison(
      api.corpus,
      { source },
      prompts({
        pickFormat: async () => 'tei',
        pickTarget: async s => ((suggested = s), target),
      }),
    );
    assert.equal(result?.toString(), target.toString());
    assert.ok(suggested && suggested.path.endsWith('-comparison.xml') && suggested.path.startsWith(folder.path), suggested?.path);
    assert.match(await read(target), /<listWit>/);
  });

  it('writes nothing when a question is cancelled', async () => {
    const listing = async () => (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).sort();
    const before = await listing();
    let asked = 0;
    assert.equal(await exportComparison(api.corpus, { source }, prompts({ pickFormat: async () => (asked++, undefined) })), undefined);
    assert.equal(
      await exportComparison(api.corpus, { source, format: 'json' }, prompts({ pickTarget: async () => (asked++, undefined) })),
      undefined,
    );
    assert.equal(asked, 2, 'both questions were asked');
    assert.deepEqual(await listing(), before, 'no file was written');
  });
});
