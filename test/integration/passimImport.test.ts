/**
 * "Synoptic: Import passim Clusters…" in a real VS Code: passim's output for documents of the
 * workspace (records written from seriatim.py's schema, with a broken line, a record naming a
 * missing file and one naming a file outside the folder) is imported; the Stories view lists
 * the clusters in a group of their own, marked as imported, with cluster id and size; selecting
 * a cluster opens the panel on its sources; a passage is selected in the editor; clearing the
 * import empties the group. Screenshots of the view in a dark and a light theme.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createAnalyzer } from '../../src/core';
import type { SynopticApi } from '../../src/extension';
import { toPassim } from '../../src/export/passim';
import type { PassimImportNode } from '../../src/importedStoryTree';
import { CLEAR_PASSIM_COMMAND, IMPORT_PASSIM_COMMAND, PassimImportResult } from '../../src/passimImportCommand';
import { clusterRecords } from '../support/passimFixtures';
import { bridgeStory } from '../support/stories';
import { activateSynoptic, deleteWritten, screenshot, until, workspaceFolder } from './support';

const SHARED = 'Engineers replaced every cable and half of the steel deck, which had been weakened by salt and heavy lorries.';
const BIG_UID = '9007199254740993';

describe('passim clusters in VS Code', function () {
  this.timeout(120_000);
  let api: SynopticApi;
  const folder = () => vscode.Uri.joinPath(workspaceFolder(), 'passim-import');
  const output = () => vscode.Uri.joinPath(folder(), 'out.json');
  const docId = (name: string) => `passim-import/docs/${name}`;
  const seedNames: string[] = [];
  let seedSentences: string[] = [];
  let seedSources = 0;

  before(async () => {
    api = await activateSynoptic();
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
    const docs: { id: string; text: string }[] = bridgeStory().map(s => ({ id: docId(s.id.split('/').pop()!), text: s.text }));
    for (const [name, type] of await vscode.workspace.fs.readDirectory(workspaceFolder())) {
      if (type !== vscode.FileType.File || !name.endsWith('.txt')) continue;
      seedNames.push(name);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceFolder(), name)));
      docs.push({ id: docId(name), text });
    }
    for (const d of docs)
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(workspaceFolder(), d.id), new TextEncoder().encode(d.text));
    // What passim was given (the passim export), and two clusters found in it.
    const analysis = createAnalyzer().analyze(docs);
    const passimTexts = new Map<string, string>(
      toPassim({ analysis, paths: docs.map(d => d.id), texts: docs.map(d => d.text) })
        .trimEnd()
        .split('\n')
        .map(l => JSON.parse(l) as { id: string; text: string })
        .map(r => [r.id, r.text]),
    );
    const widest = analysis.groups[0];
    seedSentences = widest.members.map(m => analysis.sources[m.source].sentences[m.sentence].text);
    seedSources = new Set(widest.members.map(m => m.source)).size;
    const records = [
      ...clusterRecords(
        '7',
        docs.slice(0, 2).map((d, i) => ({ id: d.id, uid: i === 0 ? BIG_UID : '12', sentence: SHARED })),
        passimTexts,
      ),
      ...clusterRecords(
        '9223372036854775000',
        widest.members.map(m => ({
          id: docs[m.source].id,
          uid: String(100 + m.source),
          sentence: seedSentences[widest.members.indexOf(m)],
        })),
        passimTexts,
      ),
      '{"cluster": 3, "id": broken',
      '{"cluster":4,"uid":1,"begin":0,"end":5,"id":"passim-import/docs/gone.txt"}',
      '{"cluster":4,"uid":2,"begin":0,"end":5,"id":"../outside.txt"}',
    ];
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(output(), 'part-00000-1c2d.json'),
      new TextEncoder().encode(records.join('\n') + '\n'),
    );
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(output(), '_SUCCESS'), new Uint8Array());
  });

  /** Imports the clusters unless an earlier test did: each test that reads them runs alone too. */
  async function importClusters(): Promise<PassimImportResult | undefined> {
    if (api.passim.imported) return undefined;
    return vscode.commands.executeCommand<PassimImportResult>(IMPORT_PASSIM_COMMAND, { output: output(), folder: workspaceFolder() });
  }

  after(async () => {
    await vscode.commands.executeCommand(CLEAR_PASSIM_COMMAND);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteWritten(folder());
    // Its toasts would stand over the later tests' screenshots.
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('imports the clusters, reporting the skipped records in one message', async () => {
    await vscode.commands.executeCommand(CLEAR_PASSIM_COMMAND);
    const result = (await importClusters())!;
    const folderName = workspaceFolder().path.split('/').pop();
    assert.equal(
      result.message,
      `Imported 2 passim clusters over ${2 + seedSources} files from out.json into the Stories view; ` +
        `skipped 3 records: 1 naming a missing file, 1 naming a file outside ${folderName}, 1 broken.`,
    );
    assert.equal(api.passim.imported?.clusterCount, 2);
  });

  it('lists the clusters in the Stories view as imported from passim, with cluster id and size, above the analysed stories', async () => {
    await importClusters();
    const imported = await until('the import', () => api.passim.imported);
    const [top] = api.stories.children();
    assert.equal((top as PassimImportNode).kind, 'passimImport');
    const item = api.stories.item(top);
    assert.equal(item.label, 'Imported from passim: out.json');
    assert.equal(item.description, `2 clusters · ${imported.documents} files`);
    const clusters = api.stories.children(top).map(node => api.stories.item(node));
    assert.deepEqual(
      clusters.map(c => c.description),
      [
        `${seedSources} sources · ${seedSentences.length} passages · passim cluster 9223372036854775000`,
        '2 sources · 2 passages · passim cluster 7',
      ],
    );
    assert.match(String(clusters[1].label), /Harbour bridge reopens/);
    const passages = api.stories.children(api.stories.children(top)[1]).map(node => api.stories.item(node));
    assert.deepEqual(
      passages.map(p => p.label),
      ['report.txt', 'reprint.txt'],
    );
    assert.match(String(passages[0].tooltip), new RegExp(`passim uid ${BIG_UID}`));
  });

  it('opens the comparison panel on a cluster’s sources as one story, and selects a passage in the editor', async () => {
    await importClusters();
    const [top] = api.stories.children();
    const bridge = api.stories.children(top)[1];
    const command = api.stories.item(bridge).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const model = await until('the panel on the cluster', () => {
      const m = api.panel.lastModel;
      return m && m.sources.length === 2 && m.notice?.includes('passim cluster 7') && api.panel.renderedGeneration === m.generation && m;
    });
    assert.deepEqual(
      model.sources.map(s => s.name),
      ['report.txt', 'reprint.txt'],
    );
    assert.ok(model.rows.some(r => r.wordings.some(w => w.text === SHARED)));
    await screenshot('passim-cluster-panel');

    const passage = api.stories.children(bridge)[1];
    const reveal = api.stories.item(passage).command!;
    await vscode.commands.executeCommand(reveal.command, ...(reveal.arguments ?? []));
    const editor = await until('the passage selected', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.path.endsWith('/reprint.txt') && e;
    });
    assert.equal(editor.document.getText(editor.selection), SHARED);
  });

  it('takes screenshots of the Stories view with the imported clusters, dark and light', async () => {
    await importClusters();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('synoptic.stories.focus');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    for (let i = 0; i < 6; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
    await new Promise(r => setTimeout(r, 800));
    await screenshot('passim-stories-dark');
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Light Modern', vscode.ConfigurationTarget.Global);
    await until('the light theme', () => vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Light);
    await new Promise(r => setTimeout(r, 500));
    await screenshot('passim-stories-light');
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
  });

  it('clears the import: the group leaves the view', async () => {
    await importClusters();
    assert.ok(api.stories.children().some(node => (node as { kind: string }).kind === 'passimImport'));
    await vscode.commands.executeCommand(CLEAR_PASSIM_COMMAND);
    assert.equal(api.passim.imported, undefined);
    assert.ok(!api.stories.children().some(node => (node as { kind: string }).kind === 'passimImport'));
  });
});
