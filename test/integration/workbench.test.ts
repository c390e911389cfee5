/**
 * Synoptic as a new user meets it: the walkthrough's commands, the navigation commands and
 * their keys in the editor and in the panel, the status item when a file goes away, what the
 * manifest hides, and the panel in four themes and a narrow window (screenshots and what a
 * screen reader is given).
 */
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SynopticApi } from '../../src/extension';
import { isTarget, nextTarget } from '../../src/navigationTargets';
import { ComparisonModel, cellOf } from '../../src/protocol';
import { NOT_ON_DISK_TEXT } from '../../src/statusBar';
import { notes } from '../support/stories';
import { askHost, deleteWritten, hoverText, until } from './support';

const EXTENSION_ID = 'synoptic.synoptic';
const shotDir = process.env.VSC_SHOT_DIR ?? '';

const pause = (ms: number) => new Promise(r => setTimeout(r, ms));

const screenshot = (name: string) => askHost(`@@SCREENSHOT@@${name}`, `${name}.done`);
const resize = (width: number, height: number) => askHost(`@@VIEWPORT@@${width}x${height}`, `viewport-${width}x${height}.done`);
const press = (keys: string) => askHost(`@@KEY@@${keys}`, `key-${keys}.done`);

interface PanelDom {
  error?: string;
  current: string | null;
  marks: { tag: string; text: string; before: string }[];
  similarities: string[];
  related: number;
  headers: { name: string; base: boolean }[];
  cells: number;
  emptyCells: number;
  toolbarHeight: number;
  windowHeight: number;
  windowWidth: number;
  baseOffsetScrolled: { offset: number; scrolled: number } | null;
  /** The counts shown at each edge of the columns out of view, and the other columns whole in view. */
  outOfView: { before: string | null; after: string | null; whole: number };
  themeClasses: string;
}

async function panelDom(name: string): Promise<PanelDom> {
  const file = await askHost(`@@WEBVIEW@@${name}`, `${name}.json`);
  const dom = JSON.parse(readFileSync(file, 'utf8')) as PanelDom;
  assert.equal(dom.error, undefined);
  return dom;
}

async function setTheme(theme: string): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
  await pause(1200);
}

describe('Synoptic for a new user', function () {
  this.timeout(120_000);
  let api: SynopticApi;
  let manifest: { contributes: Record<string, any> };
  const folder = () => vscode.workspace.workspaceFolders![0].uri;
  const seed = (name: string) => vscode.Uri.joinPath(folder(), name);

  before(async () => {
    const extension = vscode.extensions.getExtension<SynopticApi>(EXTENSION_ID)!;
    api = await extension.activate();
    manifest = extension.packageJSON;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('the walkthrough', () => {
    it('runs only commands that exist, and completes its steps on commands that exist', async () => {
      const commands = new Set(await vscode.commands.getCommands(true));
      const steps = manifest.contributes.walkthroughs[0].steps as { description: string; completionEvents: string[] }[];
      assert.ok(steps.length >= 4);
      for (const step of steps) {
        const linked = [...step.description.matchAll(/\(command:([\w.]+)/g)].map(m => m[1]);
        assert.ok(linked.length > 0, `a button in: ${step.description}`);
        for (const id of linked) assert.ok(commands.has(id), `${id} is registered`);
        assert.ok(step.completionEvents.length > 0);
        for (const event of step.completionEvents)
          assert.ok(commands.has(event.replace(/^onCommand:/, '')), `${event} names a registered command`);
      }
    });

    it('opens the sample stories from an editable copy of the ones in the package, all five compared', async () => {
      await vscode.commands.executeCommand('synoptic.openSamples');
      const editor = await until(
        'the first sample',
        () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/000_2e221a3ec277473a.txt') && vscode.window.activeTextEditor,
      );
      const extensionPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
      assert.ok(!editor.document.uri.fsPath.startsWith(path.join(extensionPath, 'seeds')), 'not the packaged file itself');
      assert.equal(editor.document.getText(), readFileSync(path.join(extensionPath, 'seeds', '000_2e221a3ec277473a.txt'), 'utf8'));
      const view = await until('the samples analysed', () => api.corpus.current(editor.document.uri));
      assert.equal(view.uris.length, 5);
      await until('boilerplate marked', () => api.decorations.applied(editor)?.boilerplate.length);
    });

    it('puts the cursor on a boilerplate line, and then on a sentence other sources carry, for their hovers', async () => {
      await vscode.commands.executeCommand('synoptic.tour.boilerplate');
      const editor = vscode.window.activeTextEditor!;
      const marked = new Set(api.decorations.applied(editor)!.boilerplate.map(r => r.start.line));
      assert.ok(marked.has(editor.selection.active.line), `line ${editor.selection.active.line + 1} is marked`);

      await vscode.commands.executeCommand('synoptic.tour.hover');
      const position = vscode.window.activeTextEditor!.selection.active;
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
      const text = hovers
        .flatMap(h => h.contents)
        .map(c => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
        .join('\n');
      assert.match(text, /other sources/);
      if (shotDir) {
        await setTheme('Default Dark Modern');
        // Changing the theme closes the hover: the tour's step shows it again for the screenshot.
        await vscode.commands.executeCommand('synoptic.tour.hover');
        await screenshot('tour-hover-dark');
      }
    });

    it('shows the boilerplate line and the hover in the first sample where the active file has neither to show', async () => {
      // A folder of notes: Synoptic leaves it alone, so a step run there had done nothing at all.
      const dir = vscode.Uri.joinPath(folder(), 'tour-notes');
      for (const note of notes())
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, note.id.split('/').pop()!), Buffer.from(note.text));
      const todo = vscode.Uri.joinPath(dir, 'todo.txt');
      const openTodo = async () => {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(todo), vscode.ViewColumn.One);
        await until('the notes analysed', () => api.corpus.current(todo));
      };
      const inSample = (what: string) =>
        until(what, () => {
          const editor = vscode.window.activeTextEditor;
          return editor?.document.uri.path.endsWith('/000_2e221a3ec277473a.txt') && editor;
        });
      try {
        await openTodo();
        await vscode.commands.executeCommand('synoptic.tour.boilerplate');
        const editor = await inSample('the boilerplate step to go to the first sample');
        const marked = await until('boilerplate marked', () => api.decorations.applied(editor)?.boilerplate);
        assert.ok(
          marked.some(r => r.start.line === editor.selection.active.line),
          `line ${editor.selection.active.line + 1} is marked`,
        );

        await openTodo();
        await vscode.commands.executeCommand('synoptic.tour.hover');
        const sample = await inSample('the hover step to go to the first sample');
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          sample.document.uri,
          sample.selection.active,
        );
        assert.match(hoverText(hovers), /other sources/);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await deleteWritten(dir);
      }
    });

    it('opens in the welcome page', async function () {
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#synoptic.firstRun`, false);
      const labels = () => vscode.window.tabGroups.all.flatMap(g => g.tabs.map(t => t.label));
      await until(`a walkthrough tab among ${JSON.stringify(labels())}`, () => labels().some(l => /Walkthrough|Welcome/.test(l)));
      await pause(1500);
      if (shotDir) await screenshot('walkthrough-dark');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
  });

  describe('the manifest', () => {
    it('keeps internal commands out of the palette and Keyboard Shortcuts', () => {
      const contributed = (manifest.contributes.commands as { command: string }[]).map(c => c.command);
      for (const internal of ['synoptic.revealSentence', 'synoptic.tour.boilerplate', 'synoptic.tour.hover'])
        assert.ok(!contributed.includes(internal), internal);
    });

    it("binds the diff editor's keys to the difference commands where a source or the panel has focus", () => {
      const bindings = manifest.contributes.keybindings as { command: string; key: string; when: string }[];
      const key = (command: string, k: string) => bindings.find(b => b.command === command && b.key === k);
      for (const [command, k] of [
        ['synoptic.nextDifference', 'alt+f5'],
        ['synoptic.previousDifference', 'shift+alt+f5'],
        ['synoptic.nextDifference', 'f7'],
        ['synoptic.previousDifference', 'shift+f7'],
        ['synoptic.nextUniqueSentence', 'alt+u'],
        ['synoptic.previousUniqueSentence', 'shift+alt+u'],
      ]) {
        const binding = key(command, k);
        assert.ok(binding, `${k} → ${command}`);
        assert.match(binding.when, /activeWebviewPanelId == 'synoptic.compare'/);
      }
    });

    it('gives the Compare button an icon of its own', () => {
      const compare = (manifest.contributes.commands as { command: string; icon?: unknown }[]).find(
        c => c.command === 'synoptic.compareWithOtherSources',
      )!;
      assert.deepEqual(compare.icon, { light: 'media/compare-light.svg', dark: 'media/compare-dark.svg' });
    });
  });

  describe('navigation in the editor', () => {
    // A seed with sentences only it carries (another seed's repeated headline is now shared).
    const name = '001_d0ef0ff56864153f.txt';
    let editor: vscode.TextEditor;

    beforeEach(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(seed(name)), vscode.ViewColumn.One);
      await until('the analysis', () => api.corpus.current(editor.document.uri));
      editor.selection = new vscode.Selection(0, 0, 0, 0);
    });

    for (const [command, back, target] of [
      ['synoptic.nextDifference', 'synoptic.previousDifference', 'difference'],
      ['synoptic.nextUniqueSentence', 'synoptic.previousUniqueSentence', 'unique'],
    ] as const) {
      it(`${command} and ${back} select the next and previous ${target} sentence, wrapping around`, async () => {
        const view = api.corpus.current(editor.document.uri)!;
        const source = view.indexOf(editor.document.uri);
        const sentences = view.analysis.sources[source].sentences;
        const visited: number[] = [];
        for (let k = 0; k < 3; k++) {
          const expected = nextTarget(view.analysis, source, editor.document.offsetAt(editor.selection.start), 1, target);
          assert.ok(expected >= 0);
          await vscode.commands.executeCommand(command);
          await until(
            `selection on sentence ${expected}`,
            () => editor.document.offsetAt(editor.selection.start) === sentences[expected].start,
          );
          assert.equal(editor.document.offsetAt(editor.selection.end), sentences[expected].end);
          assert.ok(isTarget(view.analysis, source, expected, target));
          visited.push(expected);
        }
        const previous = nextTarget(view.analysis, source, editor.document.offsetAt(editor.selection.start), -1, target);
        await vscode.commands.executeCommand(back);
        await until('the previous one', () => editor.document.offsetAt(editor.selection.start) === sentences[previous].start);
        if (visited[2] > visited[1]) assert.equal(previous, visited[1]);
      });
    }

    it('goes to the next difference on Alt+F5 and back on Shift+Alt+F5, as in the diff editor', async function () {
      if (!shotDir) this.skip();
      const view = api.corpus.current(editor.document.uri)!;
      const source = view.indexOf(editor.document.uri);
      const sentences = view.analysis.sources[source].sentences;
      await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
      const first = nextTarget(view.analysis, source, 0, 1, 'difference');
      await press('Alt+F5');
      await until('Alt+F5 to move', () => editor.document.offsetAt(editor.selection.start) === sentences[first].start);
      const second = nextTarget(view.analysis, source, sentences[first].start, 1, 'difference');
      await press('Alt+F5');
      await until('Alt+F5 again', () => editor.document.offsetAt(editor.selection.start) === sentences[second].start);
      await press('Shift+Alt+F5');
      await until('Shift+Alt+F5 back', () => editor.document.offsetAt(editor.selection.start) === sentences[first].start);
    });
  });

  describe('navigation in the comparison panel', () => {
    let model: ComparisonModel;

    before(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.window.showTextDocument(
        await vscode.workspace.openTextDocument(seed('001_d0ef0ff56864153f.txt')),
        vscode.ViewColumn.One,
      );
      await vscode.commands.executeCommand('synoptic.compareWithOtherSources');
      model = await until(
        'the panel model',
        () => api.panel.lastModel?.sources[api.panel.lastModel.base].name === '001_d0ef0ff56864153f.txt' && api.panel.lastModel,
      );
      await until('the webview to render it', () => api.panel.renderedGeneration === model.generation);
    });

    const rowOf = (source: number, sentence: number) => model.rows.find(r => cellOf(r, source)?.sentence === sentence);

    it('moves the cursor row to the next and previous difference while the panel is active', async () => {
      const seen: number[] = [];
      for (let k = 0; k < 3; k++) {
        const before = api.panel.lastFocus;
        await vscode.commands.executeCommand('synoptic.nextDifference');
        const focus = await until('the panel to move', () => api.panel.lastFocus !== before && api.panel.lastFocus);
        seen.push(focus.row);
        if (focus.source !== undefined) {
          const row = rowOf(focus.source, focus.sentence!);
          assert.ok(row, 'a row of the model');
          assert.ok(row.sourceCount < model.sources.length || row.reworded, 'a statement not shared by all in the same words');
        }
      }
      assert.ok(seen[1] !== seen[0] && seen[2] !== seen[1], `moved: ${seen}`);
      const before = api.panel.lastFocus;
      await vscode.commands.executeCommand('synoptic.previousDifference');
      const back = await until('the panel to move back', () => api.panel.lastFocus !== before && api.panel.lastFocus);
      assert.equal(back.row, seen[1]);
    });

    it('moves to sentences only one source has, in their own column', async () => {
      for (let k = 0; k < 3; k++) {
        const before = api.panel.lastFocus;
        await vscode.commands.executeCommand('synoptic.nextUniqueSentence');
        const focus = await until('the panel to move', () => api.panel.lastFocus !== before && api.panel.lastFocus);
        assert.notEqual(focus.source, undefined);
        assert.equal(
          rowOf(focus.source!, focus.sentence!)?.sourceCount,
          1,
          `source ${focus.source} sentence ${focus.sentence} is found only there`,
        );
      }
    });

    it('moves on F7 and Shift+F7 with the panel focused', async function () {
      if (!shotDir) this.skip();
      const before = api.panel.lastFocus;
      await press('F7');
      const forward = await until('F7 to move the panel', () => api.panel.lastFocus !== before && api.panel.lastFocus);
      await press('F7');
      await until('F7 again', () => api.panel.lastFocus !== forward && api.panel.lastFocus);
      const afterSecond = api.panel.lastFocus;
      await press('Shift+F7');
      const back = await until('Shift+F7 to move back', () => api.panel.lastFocus !== afterSecond && api.panel.lastFocus);
      assert.equal(back.row, forward.row);
    });
  });

  describe('the comparison panel in every theme', () => {
    // Each theme with the class the webview's body takes in it.
    const themes = [
      ['dark', 'Default Dark Modern', 'vscode-dark'],
      ['light', 'Default Light Modern', 'vscode-light'],
      ['hc-dark', 'Default High Contrast', 'vscode-high-contrast'],
      ['hc-light', 'Default High Contrast Light', 'vscode-high-contrast-light'],
    ] as const;

    before(async function () {
      if (!shotDir) this.skip();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // The panel's screenshots show the editor and the panel, not the Explorer.
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      const editor = await vscode.window.showTextDocument(
        await vscode.workspace.openTextDocument(seed('000_2e221a3ec277473a.txt')),
        vscode.ViewColumn.One,
      );
      await vscode.commands.executeCommand('synoptic.compareWithOtherSources');
      const model = await until(
        'the panel model',
        () => api.panel.lastModel?.sources[api.panel.lastModel.base].name === '000_2e221a3ec277473a.txt' && api.panel.lastModel,
      );
      await until('the webview to render it', () => api.panel.renderedGeneration === model.generation);
      // The cursor on the headline, so the panel marks its first row and shows the top of the table; no hover is left open.
      const line = 0;
      await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
      // Moved off and back, so that the selection changes whatever the editor opened with.
      editor.selection = new vscode.Selection(line + 2, 0, line + 2, 0);
      editor.selection = new vscode.Selection(line, 0, line, 0);
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('editor.action.hideHover');
      await until('the panel to follow the cursor', () => api.panel.lastHighlight?.source === model.base && api.panel.lastHighlight);
    });

    after(async function () {
      if (!shotDir) return;
      await resize(1440, 900);
      await setTheme('Default Dark Modern');
      await vscode.commands.executeCommand('workbench.view.explorer');
    });

    for (const [label, theme, kind] of themes) {
      it(`shows the base first and pinned, the cursor's row, and spoken diff marks (${label})`, async () => {
        await setTheme(theme);
        // The screenshot shows the editor and the panel alone, painted in the theme: a busy host
        // repaints the webview some time after the workbench takes the theme.
        await vscode.commands.executeCommand('workbench.action.closeSidebar');
        const painted = (dom: PanelDom) => dom.themeClasses.split(/\s+/).includes(kind);
        let dom = await panelDom(`panel-${label}`);
        for (let tries = 0; !painted(dom) && tries < 20; tries++) {
          await pause(500);
          dom = await panelDom(`panel-${label}`);
        }
        assert.ok(painted(dom), `the panel is painted in the theme (${dom.themeClasses})`);
        assert.equal(dom.headers[0].name, '000_2e221a3ec277473a.txt');
        assert.ok(dom.headers[0].base);
        assert.ok(dom.current, 'a row is marked as the cursor row');
        assert.ok(dom.marks.length > 0, 'word marks');
        for (const mark of dom.marks) assert.match(mark.before, mark.tag === 'del' ? /deleted/ : /inserted/);
        assert.match(dom.similarities[0], /^similarity \d+%$/);
        if (dom.baseOffsetScrolled && dom.baseOffsetScrolled.scrolled > 0)
          assert.ok(Math.abs(dom.baseOffsetScrolled.offset) <= 1, `base stays at the left: ${JSON.stringify(dom.baseOffsetScrolled)}`);
        assert.ok(dom.emptyCells < dom.cells / 2, `${dom.emptyCells} of ${dom.cells} cells empty`);
        await screenshot(`panel-${label}`);
      });
    }

    it("keeps the cursor's row marked when the panel renders a new analysis", async () => {
      const before = api.panel.lastModel!.generation;
      // Showing the base's boilerplate asks for a new model, which the webview renders afresh.
      await api.panel.receive({ type: 'setShowBoilerplate', show: true });
      try {
        await until('the new model rendered', () => (api.panel.renderedGeneration ?? before) > before);
        let dom = await panelDom('panel-rerendered');
        for (let tries = 0; !dom.current && tries < 10; tries++) {
          await pause(300);
          dom = await panelDom('panel-rerendered');
        }
        assert.ok(dom.current, 'a row is marked as the cursor row after the new render');
      } finally {
        await api.panel.receive({ type: 'setShowBoilerplate', show: false });
      }
    });

    it('keeps the toolbar small in a window 800 px wide', async () => {
      await setTheme('Default Dark Modern');
      await resize(800, 600);
      await pause(800);
      const dom = await panelDom('panel-800');
      assert.ok(dom.windowWidth < 800);
      assert.ok(dom.toolbarHeight / dom.windowHeight < 0.15, `toolbar ${dom.toolbarHeight} px of ${dom.windowHeight}`);
      // Not every column fits: the columns out of view are counted at their edge, and those in view stand whole.
      const others = dom.headers.length - 1;
      const count = (text: string | null) => Number(text?.match(/\d+/)?.[0] ?? 0);
      assert.ok(dom.outOfView.whole >= 1, JSON.stringify(dom.outOfView));
      assert.equal(dom.outOfView.whole + count(dom.outOfView.before) + count(dom.outOfView.after), others, JSON.stringify(dom.outOfView));
      assert.ok(dom.outOfView.whole < others, `${dom.outOfView.whole} of ${others} columns in view`);
      await screenshot('panel-800');
    });
  });

  describe('the status bar item', () => {
    /** A seed copied as `name` into a new folder `folderName` beside another seed, opened, with its summary shown: its address. */
    const openWithSummary = async (folderName: string, name: string) => {
      const dir = vscode.Uri.joinPath(folder(), folderName);
      const uri = vscode.Uri.joinPath(dir, name);
      await vscode.workspace.fs.copy(seed('002_b59a2ea70077a96b.txt'), uri, { overwrite: true });
      await vscode.workspace.fs.copy(seed('003_35b1516114ec1545.txt'), vscode.Uri.joinPath(dir, 'other.txt'), { overwrite: true });
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
      await until('the summary', () => api.status.text?.startsWith('Synoptic: '));
      return uri;
    };
    /** The item's text once it neither spins nor shows a summary. */
    const settledText = (what: string) =>
      until(
        what,
        () =>
          api.status.text !== undefined &&
          !api.status.text.includes('sync~spin') &&
          !api.status.text.startsWith('Synoptic: ') &&
          api.status.text,
        15_000,
      );

    it('stops spinning when the open file is deleted from disk', async () => {
      const dir = vscode.Uri.joinPath(folder(), 'going');
      try {
        const doomed = await openWithSummary('going', 'doomed.txt');
        await vscode.workspace.fs.delete(doomed);
        assert.equal(await settledText('the item to stop spinning'), NOT_ON_DISK_TEXT);
      } finally {
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await deleteWritten(dir);
      }
    });

    it('stops showing the summary when the open file’s folder is deleted outside the editor', async () => {
      const dir = vscode.Uri.joinPath(folder(), 'removed-outside');
      try {
        await openWithSummary('removed-outside', 'open.txt');
        // As a terminal or a checkout deletes it: the editor hears of it only from its file watcher.
        await deleteWritten(dir, d => rmSync(d.fsPath, { recursive: true, force: true }));
        assert.equal(await settledText('the item to leave the summary'), NOT_ON_DISK_TEXT);
      } finally {
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await deleteWritten(dir, d => rmSync(d.fsPath, { recursive: true, force: true }));
      }
    });
  });
});
