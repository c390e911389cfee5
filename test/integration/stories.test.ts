/**
 * Stories in a real VS Code: a workspace with a folder of two stories (the seeds and a short
 * story in two versions) and a folder of notes. The Stories view lists the stories and leaves
 * the notes out, the panel shows the active story's sources, the notes get no marks, and
 * screenshots of the view in a dark and a light theme.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SynopticApi } from '../../src/extension';
import type { StoryNode } from '../../src/storyTree';
import { createAnalyzer } from '../../src/core';
import { seededRandom } from '../support/random';
import { bridgeStory, notes } from '../support/stories';
import { loadSyntheticStories } from '../support/syntheticStories';
import { SEED_NAMES, activateSynoptic, deleteWritten, hoverText, openPanel, screenshot, seedUri, until, workspaceFolder } from './support';

const SEEDS = SEED_NAMES;

describe('Stories in VS Code', function () {
  this.timeout(120_000);
  let api: SynopticApi;
  const mixed = () => vscode.Uri.joinPath(workspaceFolder(), 'mixed');
  const notesFolder = () => vscode.Uri.joinPath(workspaceFolder(), 'notes');
  const inMixed = (name: string) => vscode.Uri.joinPath(mixed(), name);
  const bridgeNames = bridgeStory().map(s => s.id.split('/').pop()!);
  const storiesOfMixed = () => api.stories.stories.filter(s => s.sources.some(source => source.uri.startsWith(`${mixed().toString()}/`)));

  before(async () => {
    api = await activateSynoptic();
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
    for (const name of SEEDS) await vscode.workspace.fs.copy(seedUri(name), inMixed(`seed-${name}`), { overwrite: true });
    for (const source of bridgeStory()) await vscode.workspace.fs.writeFile(inMixed(source.id.split('/').pop()!), Buffer.from(source.text));
    for (const note of notes())
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(notesFolder(), note.id.split('/').pop()!), Buffer.from(note.text));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteWritten(mixed());
    await deleteWritten(notesFolder());
  });

  it('lists the stories of the workspace, largest first, each source with its counts, and leaves the notes out', async () => {
    await vscode.commands.executeCommand('synoptic.stories.focus');
    await vscode.commands.executeCommand('synoptic.refreshStories');
    await until('the notes analysed', () => api.corpus.current(vscode.Uri.joinPath(notesFolder(), 'todo.txt')));
    const stories = await until('the stories of the mixed folder', () => {
      const found = storiesOfMixed();
      const inMixedFolder = found.flatMap(s => s.sources).filter(source => source.uri.startsWith(`${mixed().toString()}/`));
      return inMixedFolder.length === SEEDS.length + bridgeNames.length && found;
    });
    const all = api.stories.stories;
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].sources.length >= all[i].sources.length, 'largest first');
    assert.ok(!all.some(s => s.sources.some(source => source.uri.startsWith(`${notesFolder().toString()}/`))), 'no story of notes');
    assert.ok(
      all.some(s => s.sources.some(source => source.uri === seedUri(SEEDS[0]).toString())),
      'the seeds at the top of the workspace are a story too',
    );
    // Within the mixed folder every source shares sentences with its story (a copy in another
    // folder counts within that folder, where it may stand alone).
    for (const story of stories)
      for (const source of story.sources)
        if (source.uri.startsWith(`${mixed().toString()}/`)) assert.ok(source.shared > 0, `${source.name} shares sentences with its story`);
    // The seeds at the top and their copies in the mixed folder: one story, listed once, in both folders.
    const seedStories = all.filter(s => s.sources.some(source => source.name.endsWith(SEEDS[0])));
    assert.equal(seedStories.length, 1, 'the copied story is listed once');
    // Other tests of the suite leave copies of seeds in folders of their own, which join it too.
    assert.ok(seedStories[0].corpusCount >= 2);
    for (const name of SEEDS) {
      const uris = seedStories[0].sources.map(source => source.uri);
      assert.ok(uris.includes(seedUri(name).toString()), `${name} at the top`);
      assert.ok(uris.includes(inMixed(`seed-${name}`).toString()), `seed-${name} in the mixed folder`);
    }
  });

  it('tells the two stories of one folder apart', async function () {
    const report = inMixed(bridgeNames[0]);
    // Asked for here, not left to an earlier test's search: the test runs alone too.
    await until('the mixed folder analysed', () => api.corpus.request(report));
    const stories = await until('two stories in the mixed folder', () => storiesOfMixed().length === 2 && storiesOfMixed());
    const namesInMixed = (s: StoryNode) =>
      s.sources.filter(source => source.uri.startsWith(`${mixed().toString()}/`)).map(source => source.name);
    assert.deepEqual(stories.map(namesInMixed), [SEEDS.map(name => `seed-${name}`), bridgeNames]);
    assert.match(stories[1].title, /Harbour bridge reopens/);
  });

  it("shows only the active story's sources in the panel", async function () {
    const report = inMixed(bridgeNames[0]);
    await until('the mixed folder analysed', () => api.corpus.request(report));
    const model = await openPanel(api, report, bridgeNames.length);
    assert.deepEqual(model.sources.map(s => s.name).sort(), [...bridgeNames].sort());
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', report, new vscode.Position(2, 10));
    assert.ok(!hoverText(hovers).includes('seed'), 'the hover names no source of the other story');
  });

  it('compares all the sources of the folder as one story while synoptic.findStories is off, and tells the stories apart again once it is on', async function () {
    const report = inMixed(bridgeNames[0]);
    // The setting analyses again the corpora analysed so far: the mixed folder must be one of them.
    await until('the mixed folder analysed', () => api.corpus.request(report));
    const config = vscode.workspace.getConfiguration('synoptic');
    try {
      await config.update('findStories', false, vscode.ConfigurationTarget.Workspace);
      await until(
        'one story in the mixed folder',
        () => storiesOfMixed().length === 1 && api.corpus.current(report)?.analysis.stories.length === 1,
      );
      const model = await openPanel(api, report, SEEDS.length + bridgeNames.length);
      assert.deepEqual(model.sources.map(s => s.name).sort(), [...SEEDS.map(name => `seed-${name}`), ...bridgeNames].sort());
    } finally {
      await config.update('findStories', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until(
      'two stories in the mixed folder again',
      () => storiesOfMixed().length === 2 && api.corpus.current(report)?.analysis.stories.length === 2,
    );
    const model = await openPanel(api, report, bridgeNames.length);
    assert.deepEqual(model.sources.map(s => s.name).sort(), [...bridgeNames].sort());
  });

  it('gives the notes no marks and no hover, while a page of the stories is marked', async () => {
    const page = await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument(inMixed(bridgeNames[1])),
      vscode.ViewColumn.One,
    );
    await until('marks on the reprint', () => (api.decorations.applied(page)?.boilerplate.length ?? 0) > 0);
    for (const note of notes()) {
      const uri = vscode.Uri.joinPath(notesFolder(), note.id.split('/').pop()!);
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
      const view = await until(`${note.id} analysed`, () => api.corpus.current(uri));
      assert.equal(view.uris.length, notes().length, 'the notes were analysed together');
      const applied = await until(`decorations decided for ${note.id}`, () => api.decorations.applied(editor));
      assert.deepEqual(applied, { boilerplate: [], unique: [] }, `${note.id} is not marked`);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 1));
      assert.ok(!hoverText(hovers).includes('Synoptic'), `no hover on ${note.id}`);
    }
  });

  it('compares a note, which the editor leaves unmarked, with no boilerplate counted or shown, and says why', async () => {
    const uri = vscode.Uri.joinPath(notesFolder(), 'todo.txt');
    const view = (await api.corpus.request(uri))!;
    const source = view.indexOf(uri);
    assert.ok(
      view.analysis.sources[source].lines.some(l => l.kind === 'boilerplate'),
      'the analysis reads lines of the note as boilerplate, which the editor does not dim',
    );
    await openPanel(api, uri);
    try {
      // The reader ticks Boilerplate: still no row of the note's lines, nor a count of them.
      await api.panel.receive({ type: 'setShowBoilerplate', show: true });
      const model = await until('the model with Boilerplate ticked', () => {
        const m = api.panel.lastModel;
        return m && m.sources[m.base]?.path === uri.toString() && api.panel.renderedGeneration === m.generation && m;
      });
      const header = model.sources[model.base];
      assert.equal(header.boilerplateLines, 0, 'no boilerplate lines counted');
      assert.match(header.unmarked ?? '', /^Synoptic leaves todo\.txt unmarked in the editor/);
      assert.deepEqual(
        model.rows.filter(r => r.kind === 'boilerplate').map(r => r.text),
        [],
        'no boilerplate rows',
      );
    } finally {
      await api.panel.receive({ type: 'setShowBoilerplate', show: false });
    }
    // A page of the stories in the same panel still has its boilerplate counted.
    const page = await openPanel(api, inMixed(bridgeNames[1]));
    assert.ok(page.sources[page.base].boilerplateLines > 0);
    assert.equal(page.sources[page.base].unmarked, undefined);
  });

  it('lists every source once while synoptic.sources is set and after it is cleared again', async () => {
    const listedTwice = () => {
      const uris = api.stories.stories.flatMap(s => s.sources.map(source => source.uri));
      return uris.filter((uri, i) => uris.indexOf(uri) !== i);
    };
    const mixedListed = () =>
      storiesOfMixed()
        .flatMap(s => s.sources)
        .filter(source => source.uri.startsWith(`${mixed().toString()}/`));
    // The view searches again on a change of the setting only while it is shown.
    await vscode.commands.executeCommand('synoptic.stories.focus');
    await vscode.commands.executeCommand('synoptic.refreshStories');
    await until('the mixed folder listed', () => mixedListed().length === SEEDS.length + bridgeNames.length);
    const config = vscode.workspace.getConfiguration('synoptic');
    try {
      await config.update('sources', 'mixed/**/*.txt', vscode.ConfigurationTarget.Workspace);
      await until('the glob analysed, each source once', () => {
        const key = api.corpus.keyFor(inMixed(bridgeNames[0]));
        return key.startsWith('glob:') && api.corpus.current(inMixed(bridgeNames[0]))?.key === key && listedTwice().length === 0;
      });
    } finally {
      await config.update('sources', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until('the folder analysed again, each source once', () => {
      const key = api.corpus.keyFor(inMixed(bridgeNames[0]));
      return !key.startsWith('glob:') && listedTwice().length === 0 && mixedListed().length === SEEDS.length + bridgeNames.length;
    });
    assert.deepEqual(listedTwice(), []);
  });

  it('leaves out the stories of a folder the user hides from the Explorer', async () => {
    const hidden = vscode.Uri.joinPath(workspaceFolder(), 'hidden-archive');
    const shown = vscode.Uri.joinPath(workspaceFolder(), 'shown-archive');
    // A search still under way (the previous test's setting cleared starts one) lists the files
    // as they are when it starts: it would find the hidden folder before it is hidden.
    await vscode.commands.executeCommand('synoptic.refreshStories');
    for (const folder of [hidden, shown])
      for (const source of bridgeStory())
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, source.id.split('/').pop()!), Buffer.from(source.text));
    const listedIn = (folder: vscode.Uri) =>
      api.stories.stories.flatMap(s => s.sources).filter(source => source.uri.startsWith(`${folder.toString()}/`));
    const files = vscode.workspace.getConfiguration('files');
    try {
      await files.update('exclude', { 'hidden-archive': true }, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('synoptic.refreshStories');
      await until('the shown folder listed', () => listedIn(shown).length === bridgeNames.length);
      assert.deepEqual(listedIn(hidden), []);
    } finally {
      await files.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
      await deleteWritten(hidden);
      await deleteWritten(shown);
    }
  });

  it('drops the stories of a listed folder once the user hides it from the Explorer, and lists them again once it is shown', async () => {
    const archive = vscode.Uri.joinPath(workspaceFolder(), 'listed-then-hidden');
    await vscode.commands.executeCommand('synoptic.stories.focus');
    for (const source of bridgeStory())
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(archive, source.id.split('/').pop()!), Buffer.from(source.text));
    const listed = () => api.stories.stories.flatMap(s => s.sources).filter(source => source.uri.startsWith(`${archive.toString()}/`));
    const files = vscode.workspace.getConfiguration('files');
    try {
      await vscode.commands.executeCommand('synoptic.refreshStories');
      await until('the folder listed', () => listed().length === bridgeNames.length);
      await files.update('exclude', { 'listed-then-hidden': true }, vscode.ConfigurationTarget.Workspace);
      await until('the hidden folder’s stories gone from the view', () => listed().length === 0);
      await files.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
      await until('the folder listed again once shown', () => listed().length === bridgeNames.length);
    } finally {
      await files.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
      await deleteWritten(archive);
    }
  });

  it('finds again, once the search under way ends, the story of a folder written while it ran', async () => {
    const first = vscode.Uri.joinPath(workspaceFolder(), 'first-archive');
    const late = vscode.Uri.joinPath(workspaceFolder(), 'late-archive');
    const writeStory = async (folder: vscode.Uri) => {
      for (const source of bridgeStory())
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, source.id.split('/').pop()!), Buffer.from(source.text));
    };
    const listedIn = (folder: vscode.Uri) =>
      api.stories.stories.flatMap(s => s.sources).filter(source => source.uri.startsWith(`${folder.toString()}/`));
    try {
      await vscode.commands.executeCommand('synoptic.refreshStories');
      await writeStory(first);
      // The search has listed the files once it analyses the new folder.
      const analysing = new Promise<void>(resolve => {
        const listening = api.corpus.onDidStartAnalysis(() => {
          listening.dispose();
          resolve();
        });
      });
      const searching = vscode.commands.executeCommand('synoptic.refreshStories');
      await analysing;
      await writeStory(late);
      await vscode.commands.executeCommand('synoptic.refreshStories');
      await searching;
      await until('the folder written during the search listed', () => listedIn(late).length === bridgeNames.length, 10_000);
      assert.equal(listedIn(first).length, bridgeNames.length);
    } finally {
      await deleteWritten(first);
      await deleteWritten(late);
    }
  });

  it('drops a deleted file from its story, and a deleted folder’s stories from the view', async () => {
    const gone = vscode.Uri.joinPath(workspaceFolder(), 'gone');
    const inGone = (name: string) => vscode.Uri.joinPath(gone, name);
    for (const source of bridgeStory()) await vscode.workspace.fs.writeFile(inGone(source.id.split('/').pop()!), Buffer.from(source.text));
    const inGoneFolder = () => api.stories.stories.flatMap(s => s.sources).filter(source => source.uri.startsWith(`${gone.toString()}/`));
    await vscode.commands.executeCommand('synoptic.refreshStories');
    await until('the new folder listed', () => inGoneFolder().length === bridgeNames.length);
    await vscode.workspace.fs.delete(inGone(bridgeNames[0]));
    await until('the deleted file left out', () => {
      const names = inGoneFolder().map(source => source.name);
      return names.length === bridgeNames.length - 1 && !names.includes(bridgeNames[0]);
    });
    await deleteWritten(gone);
    await until('the deleted folder left out', () => inGoneFolder().length === 0);
  });

  it('lists every story of a folder of 200 stories, found in the worker, and analyses it again after one of its pages is edited', async function () {
    this.timeout(300_000);
    const { syntheticStories } = await loadSyntheticStories();
    const corpus = syntheticStories(200, seededRandom(4500));
    const many = vscode.Uri.joinPath(workspaceFolder(), 'many');
    const inMany = (id: string) => vscode.Uri.joinPath(many, id);
    const ofMany = () => api.stories.stories.filter(s => s.sources.some(source => source.uri.startsWith(`${many.toString()}/`)));
    const settings = () => vscode.workspace.getConfiguration('synoptic');
    // Every page of the folder compared: the default limit would leave most of them out.
    await settings().update('maxSources', corpus.files.length, vscode.ConfigurationTarget.Global);
    let opened = false;
    try {
      for (const file of corpus.files) await vscode.workspace.fs.writeFile(inMany(file.id), Buffer.from(file.text));
      await vscode.commands.executeCommand('synoptic.refreshStories');
      const listed = await until(
        'every page of the folder listed',
        () => {
          const found = ofMany();
          return found.reduce((n, story) => n + story.sources.length, 0) === corpus.files.length && found;
        },
        120_000,
      );
      // The stories the core finds in the folder on its own, listed once each.
      assert.equal(listed.length, createAnalyzer({}, { expectEdits: false }).analyze(corpus.files).stories.length);
      const page = inMany(corpus.files[0].id);
      const editor = await vscode.window.showTextDocument(page);
      opened = true;
      const before = (await api.corpus.request(page))!.generation;
      await editor.edit(edit => edit.insert(new vscode.Position(0, 0), 'A line typed at the top of the page.\n\n'));
      await until(
        'the edited page analysed again with the others',
        () => {
          const view = api.corpus.current(page);
          return (
            view &&
            view.generation > before &&
            view.texts[view.indexOf(page)].startsWith('A line typed') &&
            view.uris.length === corpus.files.length
          );
        },
        60_000,
      );
    } finally {
      if (opened) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      // The folder goes before the limit comes back, so no analysis of part of it starts.
      await deleteWritten(many);
      await settings().update('maxSources', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('reveals the active file’s story and takes screenshots of the view in dark and light themes', async () => {
    const report = inMixed(bridgeNames[0]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('synoptic.stories.focus');
    // The story found in two folders first, so that the screenshots show it open too.
    const copy = inMixed(`seed-${SEEDS[1]}`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(copy), vscode.ViewColumn.One);
    await until('the copied story revealed', () => api.stories.revealed?.sources.some(s => s.uri === copy.toString()));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report), vscode.ViewColumn.One);
    // A narrower editor and so a wider side bar, so that titles and counts show in the screenshots.
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    for (let i = 0; i < 6; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
    const revealed = await until('the story of the active file revealed', () => {
      const story = api.stories.revealed;
      return story?.sources.some(s => s.uri === report.toString()) && story;
    });
    assert.ok(revealed.sources.length >= 2);
    await new Promise(r => setTimeout(r, 500));
    await screenshot('stories-dark');
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Light Modern', vscode.ConfigurationTarget.Global);
    await until('the light theme', () => vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Light);
    await new Promise(r => setTimeout(r, 500));
    await screenshot('stories-light');
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
  });

  it('reveals the active file’s story while the stories change, without VS Code reporting an element registered twice', async () => {
    const files = [inMixed(bridgeNames[0]), inMixed(`seed-${SEEDS[0]}`)];
    await vscode.commands.executeCommand('synoptic.stories.focus');
    for (const file of files) await until(`${file} analysed`, () => api.corpus.current(file));
    // VS Code's own tree registration fails in a promise nobody awaits: it surfaces here.
    const twice: string[] = [];
    const listen = (reason: unknown) => {
      const message = reason instanceof Error ? reason.message : String(reason);
      if (/already registered/.test(message)) twice.push(message);
    };
    process.on('unhandledRejection', listen);
    const setting = vscode.workspace.getConfiguration('synoptic');
    const before = setting.inspect<boolean>('showAgreementInRuler')?.workspaceValue;
    try {
      // Every change of a Synoptic setting rebuilds the view and reveals the active file's
      // story; switching files reveals another. Both, in quick succession.
      for (let i = 0; i < 12; i++) {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(files[i % 2]), vscode.ViewColumn.One);
        await setting.update('showAgreementInRuler', i % 2 === 0, vscode.ConfigurationTarget.Workspace);
      }
      const last = files[11 % 2].toString();
      await until('the last active file’s story revealed', () => api.stories.revealed?.sources.some(s => s.uri === last));
      // VS Code reports a rejection left unhandled after a second.
      await new Promise(r => setTimeout(r, 1500));
    } finally {
      process.off('unhandledRejection', listen);
      await setting.update('showAgreementInRuler', before, vscode.ConfigurationTarget.Workspace);
    }
    assert.deepEqual(twice, []);
  });
});
