/**
 * Changed facts in a real VS Code: a copy of a seed with one number changed, beside the seeds.
 * The number is boxed in both versions, the hover says what changed and where, the ruler shows
 * agreement, the next/previous changed fact commands step through them, and the panel's
 * "Changed facts" filter keeps their rows and marks them by kind. Screenshots in dark, light and a high-contrast theme.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SynopticApi } from '../../src/extension';
import { isTarget, nextTarget } from '../../src/navigationTargets';
import { cellOf } from '../../src/protocol';
import {
  activateSynoptic,
  askHost,
  deleteWritten,
  hoverText,
  openPanel,
  screenshot,
  SEED_NAMES,
  seedUri,
  unescape,
  until,
  webviewDom,
  workspaceFolder,
} from './support';

const shotDir = process.env.VSC_SHOT_DIR ?? '';
const SEEDS = SEED_NAMES;
/** The seed copied with one number changed, and the change. */
const COPIED = '002_b59a2ea70077a96b.txt';
const [BEFORE, AFTER] = ['since 2013', 'since 2014'];

const pause = (ms: number) => new Promise(r => setTimeout(r, ms));

async function setTheme(theme: string): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
  await pause(1200);
}

/** Asks the code-server host to click the first element of the comparison webview that `selector` finds. */
const clickInPanel = (name: string, selector: string) => askHost(`@@CLICK@@${name}@@${selector}`, `click-${name}.done`);
const press = (keys: string) => askHost(`@@KEY@@${keys}`, `key-${keys}.done`);

interface FactsDom {
  factChanges: { shown: string; spoken: string }[];
  factMarks: { text: string; kind: string; before: string }[];
  origin: { title: string; spoken: string }[];
  checkedFilter: string | null;
}

describe('changed facts', function () {
  this.timeout(120_000);
  let api: SynopticApi;
  const folder = () => vscode.Uri.joinPath(workspaceFolder(), 'facts');
  const changed = () => vscode.Uri.joinPath(folder(), 'changed.txt');
  const original = () => vscode.Uri.joinPath(folder(), COPIED);

  /** Shows `uri` in `column` and waits for its changed facts to be decorated. */
  async function showDecorated(uri: vscode.Uri, column: vscode.ViewColumn) {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: column });
    const ranges = await until(`changed facts marked in ${uri.path}`, () => {
      const shown = api.decorations.changedFacts(editor);
      return shown?.length ? shown : undefined;
    });
    return { editor, ranges };
  }

  before(async () => {
    api = await activateSynoptic();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.createDirectory(folder());
    for (const seed of SEEDS) await vscode.workspace.fs.copy(seedUri(seed), vscode.Uri.joinPath(folder(), seed), { overwrite: true });
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(seedUri(COPIED)));
    assert.equal(text.split(BEFORE).length, 2, `the seed says "${BEFORE}" once`);
    await vscode.workspace.fs.writeFile(changed(), new TextEncoder().encode(text.replace(BEFORE, AFTER)));
    // The screenshots show whole sentences, not lines running off the editor's right edge.
    await vscode.workspace.getConfiguration('editor').update('wordWrap', 'on', vscode.ConfigurationTarget.Workspace);
    if (shotDir) await vscode.commands.executeCommand('workbench.action.closeSidebar');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteWritten(folder());
    await vscode.workspace.getConfiguration('editor').update('wordWrap', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.view.explorer');
    if (shotDir) await setTheme('Default Dark Modern');
  });

  it('boxes the changed number in the copy and in the source it was copied from, apart from the unique-sentence mark', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const copy = await showDecorated(changed(), vscode.ViewColumn.One);
    const texts = copy.ranges.map(r => copy.editor.document.getText(r));
    assert.ok(texts.includes('2014'), `the changed number is boxed: ${JSON.stringify(texts.slice(0, 12))}`);
    const boxed = copy.ranges.find(r => copy.editor.document.getText(r) === '2014')!;
    const unique = api.decorations.applied(copy.editor)?.unique ?? [];
    assert.ok(!unique.some(r => r.intersection(boxed)), 'the sentence is shared, so it has no unique-sentence mark');

    const source = await showDecorated(original(), vscode.ViewColumn.Two);
    const sourceTexts = source.ranges.map(r => source.editor.document.getText(r));
    assert.ok(sourceTexts.includes('2013'), `the number it was changed from is boxed: ${JSON.stringify(sourceTexts.slice(0, 12))}`);
  });

  it('says in the hover what changed and where: "number: 2014 → 2013 in" the source', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const { editor } = await showDecorated(changed(), vscode.ViewColumn.One);
    const position = editor.document.positionAt(editor.document.getText().indexOf(AFTER) + AFTER.length - 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', changed(), position);
    const text = unescape(hoverText(hovers));
    assert.match(text, new RegExp(`number: 2014 → 2013 in [^\\n]*${COPIED.replace('.', '\\.')}`));
    // The sources that kept the original number are named once each, in one line.
    const line = text.split('\n').find(l => l.includes('number: 2014 → 2013'))!;
    assert.equal(line.split(COPIED).length, 2, line);
    if (!shotDir) return;
    for (const [label, theme] of [
      ['dark', 'Default Dark Modern'],
      ['light', 'Default Light Modern'],
      ['hc-dark', 'Default High Contrast'],
    ]) {
      await setTheme(theme);
      await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
      await pause(300);
      await vscode.commands.executeCommand('editor.action.showHover');
      await pause(800);
      await screenshot(`facts-hover-${label}`);
      await vscode.commands.executeCommand('editor.action.hideHover');
    }
    await setTheme('Default Dark Modern');
  });

  it("shows in the ruler how many sources carry each shared sentence, every source's in the top step", async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const { editor } = await showDecorated(changed(), vscode.ViewColumn.One);
    const plan = await until('the heat strip', () => api.decorations.agreement(editor));
    assert.equal(plan.length, 3);
    const view = api.corpus.current(changed())!;
    const source = view.analysis.sources[view.indexOf(changed())];
    const shared = source.groupOfSentence.filter(g => g >= 0).length;
    assert.equal(
      plan.reduce((n, step) => n + step.length, 0),
      shared,
      'one mark per shared sentence',
    );
    assert.ok(plan[2].length > 0, 'some sentences are carried by every source');
  });

  it('goes to the next and previous changed fact with the commands and Alt+K, wrapping around', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const { editor } = await showDecorated(changed(), vscode.ViewColumn.One);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const view = api.corpus.current(changed())!;
    const source = view.indexOf(changed());
    const sentences = view.analysis.sources[source].sentences;
    const targets = sentences.map((_, i) => i).filter(i => isTarget(view.analysis, source, i, 'fact'));
    const withNumber = sentences.findIndex(s => s.text.includes(AFTER));
    assert.ok(targets.includes(withNumber), 'the sentence with the changed number is a changed fact');
    // From the top, forward through the first changed facts, each the one nextTarget names.
    const visited: number[] = [];
    for (let k = 0; k < Math.min(3, targets.length); k++) {
      const expected = nextTarget(view.analysis, source, editor.document.offsetAt(editor.selection.start), 1, 'fact');
      await vscode.commands.executeCommand('synoptic.nextChangedFact');
      await until(
        `the selection on sentence ${expected}`,
        () => editor.document.offsetAt(editor.selection.start) === sentences[expected].start,
      );
      visited.push(expected);
    }
    assert.ok(visited.every(v => targets.includes(v)) && new Set(visited).size === visited.length, `visited ${visited}`);
    // Backwards from the first changed fact wraps around to the last.
    const firstStart = editor.document.positionAt(sentences[targets[0]].start);
    editor.selection = new vscode.Selection(firstStart, firstStart);
    await vscode.commands.executeCommand('synoptic.previousChangedFact');
    const last = sentences[targets[targets.length - 1]].start;
    await until('the last changed fact', () => editor.document.offsetAt(editor.selection.start) === last);
    if (!shotDir) return;
    // The keys, as a user presses them.
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const first = nextTarget(view.analysis, source, 0, 1, 'fact');
    const second = nextTarget(view.analysis, source, sentences[first].start, 1, 'fact');
    await press('Alt+K');
    await until('Alt+K to move', () => editor.document.offsetAt(editor.selection.start) === sentences[first].start);
    await press('Alt+K');
    await until('Alt+K again', () => editor.document.offsetAt(editor.selection.start) === sentences[second].start);
    await press('Shift+Alt+K');
    await until('Shift+Alt+K back', () => editor.document.offsetAt(editor.selection.start) === sentences[first].start);
  });

  it('keeps only rows with changed facts under the "Changed facts" filter, marking each change by kind with a spoken label', async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const model = await openPanel(api, changed());
    const base = model.base;
    const original = model.sources.findIndex(s => s.name === COPIED);
    const row = model.rows.find(r => r.wordings[cellOf(r, base)?.wording ?? -1]?.text.includes(AFTER));
    assert.ok(row?.changedFacts, 'the row of the changed number has changed facts');
    const theirs = row.wordings[cellOf(row, original)!.wording];
    assert.deepEqual(
      theirs.facts?.map(f => [f.kind, f.base, f.other]),
      [['number', '2014', '2013']],
    );
    const origins = model.sources.filter(s => s.origin);
    assert.ok(origins.length <= 1, 'one origin at most');
    if (!shotDir) this.skip();

    await clickInPanel('changed-facts', 'button.filter:has-text("Changed facts")');
    await until('the filter to be chosen', () => api.panel.webviewState?.filter === 'changedFacts');
    const expected = model.rows.filter(r => r.changedFacts).length;
    await until(`${expected} rows rendered`, () => api.panel.renderedRows === expected);
    // The editor's cursor on the changed number brings its row into view for the screenshots.
    const editor = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === changed().toString())!;
    const at = editor.document.positionAt(editor.document.getText().indexOf(AFTER));
    editor.selection = new vscode.Selection(at, at);
    await until('the panel to follow the cursor', () => api.panel.lastHighlight?.source === base && api.panel.lastHighlight);
    for (const [label, theme] of [
      ['dark', 'Default Dark Modern'],
      ['light', 'Default Light Modern'],
      ['hc-light', 'Default High Contrast Light'],
    ]) {
      await setTheme(theme);
      const dom = (await webviewDom(`facts-panel-${label}`)) as unknown as FactsDom;
      assert.match(dom.checkedFilter ?? '', /Changed facts \(\d+\)/);
      assert.ok(
        dom.factChanges.some(f => f.spoken === 'number changed: 2014 to 2013'),
        `a spoken label for the number: ${JSON.stringify(dom.factChanges)}`,
      );
      assert.ok(
        dom.factChanges.every(f => /^(number|date|quote|name|attribution|negation) /.test(f.shown)),
        'each mark names its kind',
      );
      assert.ok(dom.factMarks.length > 0, 'facts boxed in the text');
      for (const mark of dom.factMarks) assert.match(mark.before, /\[(number|date|quote|name|attribution|negation): /);
      assert.equal(dom.origin.length, origins.length, 'the origin badge on the origin column');
      if (origins.length) assert.ok(dom.origin[0].title.includes(origins[0].origin!), dom.origin[0].title);
      await screenshot(`facts-panel-${label}`);
    }
    await setTheme('Default Dark Modern');
  });
});
