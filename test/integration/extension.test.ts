/**
 * Synoptic in a real VS Code: decorations against the gold labels, hovers, escaping of hostile
 * text, the comparison panel and its messages, edits, and screenshots of the real UI.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SynopticApi } from '../../src/extension';
import { cellOf } from '../../src/protocol';
import { sentenceAt } from '../../src/sentenceAt';
import {
  SEED_NAMES,
  activateSynoptic,
  cellText,
  deleteWritten,
  hoverText,
  openPanel,
  screenshot,
  seedUri,
  unescape,
  until,
  webviewDom,
  WebviewProbe,
  workspaceFolder,
} from './support';

/**
 * Probes the webview (`webviewDom`) until `shows` holds of what it shows, at most `tries` times.
 * A model that reaches the panel after the cursor's highlight (the file
 * watcher's re-analysis of a file the test has just written, late on a busy machine) rebuilds
 * the grid with its focus at the top; so between tries the cursor moves by a character inside
 * its sentence, and the panel highlights the sentence again. Returns the last probe, whether or
 * not `shows` holds of it, for the caller's assertions to name what the panel showed.
 */
async function probeAtCursor(
  api: SynopticApi,
  editor: vscode.TextEditor,
  name: string,
  shows: (dom: WebviewProbe) => boolean,
  tries = 6,
): Promise<WebviewProbe> {
  const { line, character } = editor.selection.active;
  for (let attempt = 0; ; attempt++) {
    const dom = await webviewDom(name);
    if (shows(dom) || attempt + 1 >= tries) return dom;
    const before = api.panel.lastHighlight;
    const at = character + (attempt % 2 ? 0 : 1);
    editor.selection = new vscode.Selection(line, at, line, at);
    await until('the panel to follow the cursor again', () => api.panel.lastHighlight !== before);
  }
}

function goldLabels(): { files: string[]; lines: Record<string, string[]> } {
  const goldPath = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'seeds', 'gold.json');
  return JSON.parse(readFileSync(goldPath, 'utf8'));
}

/** The other source's own wording: removed words dropped, emphasis of added words undone. */
const otherWording = (markdown: string) => unescape(markdown.replace(/~~[^~]*~~/g, '').replace(/\*\*/g, '')).replace(/ +/g, ' ');

describe('Synoptic in VS Code', function () {
  this.timeout(90_000);
  let api: SynopticApi;

  before(async () => {
    api = await activateSynoptic();
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('marks exactly the lines the analysis calls boilerplate, no gold article line and all but 1% of the gold boilerplate, in every seed', async () => {
    const gold = goldLabels();
    let goldBoilerplate = 0;
    let missed = 0;
    for (const file of gold.files) {
      const document = await vscode.workspace.openTextDocument(seedUri(file));
      const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      const applied = await until(
        `decorations on ${file}`,
        () =>
          api.decorations.applied(editor)?.boilerplate.length !== undefined &&
          api.corpus.current(document.uri) &&
          api.decorations.applied(editor),
      );
      const marked = new Set(applied.boilerplate.map(r => r.start.line));
      const view = api.corpus.current(document.uri)!;
      const decided = view.analysis.sources[view.indexOf(document.uri)].lines.flatMap((v, i) => (v.kind === 'boilerplate' ? [i] : []));
      assert.deepEqual(
        [...marked].sort((a, b) => a - b),
        decided,
        `${file}: the marks are the analysis's boilerplate lines`,
      );
      gold.lines[file].forEach((label, line) => {
        if (label === 'boilerplate') {
          goldBoilerplate++;
          if (!marked.has(line)) missed++;
        }
        if (label === 'content') assert.ok(!marked.has(line), `${file}:${line + 1} is article text`);
      });
    }
    assert.ok(goldBoilerplate > 100 && missed <= goldBoilerplate / 100, `${missed} of ${goldBoilerplate} gold boilerplate lines unmarked`);
  });

  it('shows the matching sentences of the other seeds on hover', async () => {
    const uri = seedUri('000_2e221a3ec277473a.txt');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const line = document
      .getText()
      .split('\n')
      .findIndex(l => l.startsWith('The Monday night meeting'));
    const position = new vscode.Position(line, 10);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    const text = otherWording(hoverText(hovers));
    assert.match(text, /in \d of 4 other sources/);
    assert.match(text, /001_d0ef0ff56864153f\.txt/);
    assert.match(text, /Monday night meeting between Putin and Assad/);
    assert.match(hoverText(hovers), /~~the two presidents~~/, 'removed words struck through');
    assert.match(text, /\d+%/);
    assert.match(hoverText(hovers), /command:synoptic\.revealSentence/);

    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('hover-dark');
  });

  it('counts in the hover the one wording and the one changed fact it leaves out in the singular', async () => {
    // Ten versions of one story; a sentence each words its own way (the desk) with a number of
    // its own in seven (4 to 10): nine wordings against the first, seven changed numbers.
    const folder = vscode.Uri.joinPath(workspaceFolder(), 'desks');
    const seeds = ['000_2e221a3ec277473a.txt', '001_d0ef0ff56864153f.txt', '002_b59a2ea70077a96b.txt'];
    const texts = await Promise.all(
      seeds.map(async name => Buffer.from(await vscode.workspace.fs.readFile(seedUri(name))).toString('utf8')),
    );
    const desks = ['city', 'foreign', 'night', 'morning', 'sports', 'business', 'weekend', 'metro', 'national', 'picture'];
    const convoys = [3, 4, 5, 6, 7, 8, 9, 10, 10, 10];
    const marker = (k: number) => `Reporters from the ${desks[k]} desk counted ${convoys[k]} convoys leaving the capital before dawn.`;
    const uris = desks.map((_, k) => vscode.Uri.joinPath(folder, `d${k}.txt`));
    // Within the article: before its paragraph on the conflict, which every seed carries.
    const withMarker = (k: number) => texts[k % texts.length].replace('Syria’s conflict began', `${marker(k)}\n\nSyria’s conflict began`);
    await Promise.all(uris.map((uri, k) => vscode.workspace.fs.writeFile(uri, Buffer.from(withMarker(k)))));
    try {
      const document = await vscode.workspace.openTextDocument(uris[0]);
      await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      const line = document.getText().split('\n').indexOf(marker(0));
      const text = await until('the hover over the ten versions', async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          uris[0],
          new vscode.Position(line, 3),
        );
        const shown = unescape(hoverText(hovers));
        return shown.includes('in 9 of 9 other sources') && shown;
      });
      assert.match(text, /^1 other wording in 1 source: /m, text);
      assert.match(text, /^- 1 more changed fact$/m, text);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await deleteWritten(folder);
    }
  });

  it('leaves the editor as it is, and fails no command, when a link to a sentence names a file gone from disk', async () => {
    // A hover shown, or a passage listed, before its file was deleted or renamed.
    const gone = vscode.Uri.joinPath(workspaceFolder(), 'gone-since-the-hover.txt');
    await vscode.workspace.fs.writeFile(gone, Buffer.from('A sentence a hover showed.\n'));
    await vscode.workspace.fs.delete(gone);
    const editor = await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument(seedUri(SEED_NAMES[0])),
      vscode.ViewColumn.One,
    );
    for (const command of ['synoptic.revealSentence', 'synoptic.revealPassimPassage']) {
      await vscode.commands.executeCommand(command, gone.toString(), 0, 10);
      assert.equal(vscode.window.activeTextEditor, editor, `${command} leaves the active editor`);
    }
    assert.equal(api.statusMessage.text, 'Synoptic: gone-since-the-hover.txt is no longer on disk');
    await screenshot('reveal-gone');
    // The message is the moment's: it goes by itself, and so stands over no later screenshot.
    await until('the status bar message to go', () => api.statusMessage.text === undefined, 10_000);
  });

  it('explains a boilerplate line on hover', async () => {
    const uri = seedUri('001_d0ef0ff56864153f.txt');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(3, 2));
    assert.match(unescape(hoverText(hovers)), /boilerplate: /);
  });

  it('escapes a command link and an image tag planted in another source', async () => {
    const hostile = vscode.Uri.joinPath(workspaceFolder(), 'zz_hostile.txt');
    const planted =
      'The Monday night meeting between the two presidents was the first since they held a summit [x](command:workbench.action.quit) in the Syrian capital <img src=x onerror=alert(1)> in January last year.';
    const uri = seedUri('000_2e221a3ec277473a.txt');
    const document = await vscode.workspace.openTextDocument(uri);
    // A version of the story (it carries more of its sentences), so that it joins the seeds' story.
    const alsoCarried = document
      .getText()
      .split('\n')
      .filter(l => /^(Putin and Assad also|Russia joined Syria|Last week, a Russian)/.test(l));
    assert.equal(alsoCarried.length, 3);
    await vscode.workspace.fs.writeFile(hostile, Buffer.from([alsoCarried[0], planted, ...alsoCarried.slice(1)].join('\n\n') + '\n'));
    try {
      const line = document
        .getText()
        .split('\n')
        .findIndex(l => l.startsWith('The Monday night meeting'));
      const markdown = await until('hover naming the planted source', async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          uri,
          new vscode.Position(line, 10),
        );
        const text = hoverText(hovers);
        return text.includes('zz\\_hostile') && text;
      });
      assert.ok(!markdown.includes('](command:workbench'), 'the planted link stays text');
      assert.ok(!/(^|[^\\])<img/.test(markdown), 'the planted tag stays text: every < escaped');
      assert.ok(markdown.includes('\\<img') || markdown.includes('~~') || markdown.includes('**'), 'planted text shown escaped');
      const commands = [...markdown.matchAll(/\]\(command:([\w.]+)/g)].map(m => m[1]);
      assert.ok(commands.length > 0);
      for (const c of commands) assert.equal(c, 'synoptic.revealSentence');
    } finally {
      await vscode.workspace.fs.delete(hostile);
      await until(
        'the planted source to leave the corpus',
        () => api.corpus.current(seedUri('000_2e221a3ec277473a.txt'))?.uris.length === 5,
      );
    }
  });

  it('opens one comparison panel, however often the command runs, and renders the model', async () => {
    const uri = seedUri('000_2e221a3ec277473a.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    await vscode.commands.executeCommand('synoptic.compareWithOtherSources');
    await vscode.commands.executeCommand('synoptic.compareWithOtherSources', uri);
    assert.equal(api.panel.panelCount, 1);
    const model = await until(
      'the panel model',
      () => api.panel.lastModel?.sources[api.panel.lastModel.base].path === uri.toString() && api.panel.lastModel,
    );
    assert.equal(model.sources.length, 5);
    assert.equal(model.sources[model.base].name, '000_2e221a3ec277473a.txt');
    assert.ok(model.rows.some(r => r.sourceCount === 5));
    const rendered = await until(
      'the webview to render rows',
      () => api.panel.renderedGeneration === api.panel.lastModel?.generation && api.panel.renderedRows,
    );
    assert.ok(rendered > 10, `${rendered} rows rendered`);
    await screenshot('compare-dark');
  });

  it('reveals and selects the sentence of a clicked cell', async () => {
    const model = await openPanel(api, seedUri('000_2e221a3ec277473a.txt'), 5);
    const row = model.rows.find(r => r.kind === 'statement' && cellOf(r, 2));
    assert.ok(row);
    const { source, sentence } = cellOf(row, 2)!;
    await api.panel.receive({ type: 'reveal', source, sentence });
    const editor = await until('the revealed editor', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.path.endsWith(model.sources[2].name) && e;
    });
    assert.equal(editor.document.getText(editor.selection).startsWith(cellText(row, 2)!.slice(0, 20)), true);
  });

  it('highlights the row of the sentence under the cursor', async () => {
    const model = await openPanel(api, seedUri('000_2e221a3ec277473a.txt'), 5);
    const uri = seedUri('002_b59a2ea70077a96b.txt');
    const source = model.sources.findIndex(s => s.path === uri.toString());
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex(l => l.startsWith('Monday night'));
    const expected = sentenceAt(
      api.corpus.current(uri)!.analysis.sources[source].sentences,
      editor.document.offsetAt(new vscode.Position(line, 3)),
    );
    assert.ok(expected >= 0);
    editor.selection = new vscode.Selection(line, 3, line, 3);
    await until(
      'the highlight of that sentence',
      () => api.panel.lastHighlight?.source === source && api.panel.lastHighlight.sentence === expected,
    );
  });

  it('keeps the clicked cell when revealing it brings back a tab whose cursor stood elsewhere', async () => {
    const model = await openPanel(api, seedUri('000_2e221a3ec277473a.txt'), 5);
    const hidden = seedUri('004_b132656ddbd9dbe3.txt');
    const source = model.sources.findIndex(s => s.path === hidden.toString());
    const sentences = api.corpus.current(hidden)!.analysis.sources[source].sentences;
    // The tab to hide keeps its cursor on the blank line above its third sentence.
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(hidden), vscode.ViewColumn.One);
    const blank = editor.document.positionAt(sentences[2].start - 1);
    editor.selection = new vscode.Selection(blank, blank);
    await until(
      'the highlight of the third sentence',
      () => api.panel.lastHighlight?.source === source && api.panel.lastHighlight.sentence === 2,
    );
    // Another file in the same group hides it; its cursor moves the panel's mark there.
    const other = seedUri('002_b59a2ea70077a96b.txt');
    const otherSource = model.sources.findIndex(s => s.path === other.toString());
    const shown = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(other), vscode.ViewColumn.One);
    shown.selection = new vscode.Selection(
      shown.document.positionAt(api.corpus.current(other)!.analysis.sources[otherSource].sentences[1].start + 2),
      shown.document.positionAt(api.corpus.current(other)!.analysis.sources[otherSource].sentences[1].start + 2),
    );
    await until('the highlight in the other file', () => api.panel.lastHighlight?.source === otherSource);
    // A click on the hidden file's last sentence: the panel's mark is never sent back to where its cursor stood.
    const clicked = sentences.length - 1;
    await api.panel.receive({ type: 'reveal', source, sentence: clicked });
    await until('the revealed editor', () => vscode.window.activeTextEditor?.document.uri.toString() === hidden.toString());
    await new Promise(resolve => setTimeout(resolve, 800));
    assert.ok(
      api.panel.lastHighlight?.source !== source || api.panel.lastHighlight.sentence === clicked,
      `the panel marked sentence ${api.panel.lastHighlight?.sentence} of the revealed file, not the clicked ${clicked}`,
    );
  });

  it('follows a cursor off the text to the sentence it stands before, in that source', async () => {
    const model = await openPanel(api, seedUri('000_2e221a3ec277473a.txt'), 5);
    const uri = seedUri('004_b132656ddbd9dbe3.txt');
    const source = model.sources.findIndex(s => s.path === uri.toString());
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    const sentences = api.corpus.current(uri)!.analysis.sources[source].sentences;
    // A blank line between two sentences of the article: the panel goes to the second.
    const text = editor.document.getText();
    const next = sentences.findIndex((s, i) => i > 0 && /\n[^\S\n]*\n/.test(text.slice(sentences[i - 1].end, s.start)));
    assert.ok(next > 0, 'a blank line between two sentences');
    const gap = sentences[next - 1].end;
    const blank = editor.document.positionAt(gap + text.slice(gap).search(/\n[^\S\n]*\n/) + 1);
    assert.equal(editor.document.lineAt(blank.line).isEmptyOrWhitespace, true);
    assert.equal(sentenceAt(sentences, editor.document.offsetAt(blank)), -1);
    editor.selection = new vscode.Selection(blank, blank);
    await until(
      'the highlight of the next sentence',
      () => api.panel.lastHighlight?.source === source && api.panel.lastHighlight.sentence === next,
    );
  });

  it('updates the decorations when a file is edited', async () => {
    // A copy in a folder of its own: the editor may save the edit before the test undoes it, and
    // the seeds the other tests read must stay as they are.
    const folder = vscode.Uri.joinPath(workspaceFolder(), 'edited');
    const uri = vscode.Uri.joinPath(folder, '004_b132656ddbd9dbe3.txt');
    try {
      for (const name of ['004_b132656ddbd9dbe3.txt', ...SEED_NAMES.slice(0, 2)])
        await vscode.workspace.fs.copy(seedUri(name), vscode.Uri.joinPath(folder, name), { overwrite: true });
      const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
      const before = await until('decorations', () => api.decorations.applied(editor));
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(0, 0), 'Home\n  • World\n  • Politics\n  • Business\n  • Sports\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const after = await until('new decorations', () => {
        const applied = api.decorations.applied(editor);
        return applied && applied.boilerplate.length >= before.boilerplate.length + 4 && applied;
      });
      assert.ok(after.boilerplate.some(r => r.start.line === 1));
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await deleteWritten(folder);
    }
  });

  it('analyses an edited file once, and nothing again when it is saved', async () => {
    const folder = vscode.Uri.joinPath(workspaceFolder(), 'saved');
    const uri = vscode.Uri.joinPath(folder, 'edited.txt');
    try {
      await vscode.workspace.fs.copy(seedUri(SEED_NAMES[0]), uri, { overwrite: true });
      for (const name of SEED_NAMES.slice(1, 3))
        await vscode.workspace.fs.copy(seedUri(name), vscode.Uri.joinPath(folder, name), { overwrite: true });
      const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
      await until('the folder analysed', async () => (await api.corpus.request(uri))?.uris.length === 3);
      // The watcher reports the copies late, each a reason to analyse the folder again: let them pass.
      await new Promise(resolve => setTimeout(resolve, 2000));
      const before = await until('the folder analysed', () => api.corpus.request(uri));
      await editor.edit(edit => edit.insert(new vscode.Position(0, 0), 'A sentence typed at the top of the page.\n\n'));
      const edited = await until('the edit analysed', () => {
        const view = api.corpus.current(uri);
        return view && view.generation > before.generation && view.texts[view.indexOf(uri)].startsWith('A sentence typed') && view;
      });
      assert.ok(await editor.document.save());
      // Longer than the debounce and an analysis of three pages.
      await new Promise(resolve => setTimeout(resolve, 2000));
      assert.equal(api.corpus.current(uri)?.generation, edited.generation, 'saving the edited text analysed nothing again');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await deleteWritten(folder);
    }
  });

  it('takes screenshots of the editor and the panel in a light theme', async () => {
    const uri = seedUri('001_d0ef0ff56864153f.txt');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex(l => l.startsWith('Putin, Assad meet'));
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    await until('decorations', () => api.decorations.applied(editor));
    await screenshot('editor-dark');
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Light Modern', vscode.ConfigurationTarget.Global);
    await until('the light theme', () => vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Light);
    await screenshot('editor-light');
    // Bring the panel forward again so that it repaints in the new theme, on the row of a
    // sentence of the base under the cursor (wherever earlier tests left the panel's scroll).
    const baseUri = seedUri('000_2e221a3ec277473a.txt');
    const model = await openPanel(api, baseUri, 5);
    const base = vscode.window.activeTextEditor!;
    const monday = base.document
      .getText()
      .split('\n')
      .findIndex(l => l.startsWith('The Monday night'));
    base.selection = new vscode.Selection(monday, 4, monday, 4);
    await until('the highlight of the cursor row', () => api.panel.lastHighlight?.source === model.base);
    await new Promise(resolve => setTimeout(resolve, 500));
    await screenshot('compare-light');
  });
  it('shows markup, links and template text from a source as plain text in the panel', async () => {
    const hostile = vscode.Uri.joinPath(workspaceFolder(), 'zz_markup.txt');
    const planted = [
      'Officials said <script>document.body.dataset.owned = "1"</script> that the talks went well.',
      'A witness described <img src=x onerror=alert(2)> the scene at the border crossing.',
      'The table of figures ended early </td></tr></table> before the last row was printed.',
      'Readers were told to click [here](javascript:alert(3)) or <a href="javascript:alert(4)">this link</a> for more.',
      'Template text such as ${alert(5)} and {{constructor}} must stay exactly as it was typed.',
    ];
    await vscode.workspace.fs.writeFile(hostile, Buffer.from(planted.join('\n\n') + '\n'));
    try {
      // Its sentences are its own, so it is a story of one: the panel shows it alone.
      const model = await openPanel(api, hostile, 1);
      assert.equal(model.rows.filter(r => cellOf(r, model.base)).length, planted.length);
      const dom = await webviewDom('compare-markup');
      for (const sentence of planted) assert.ok(dom.text.includes(sentence), `shown as typed: ${sentence}`);
      for (const tag of ['script', 'img', 'a', 'table', 'td', 'tr'])
        assert.ok(!dom.tags.includes(tag), `no <${tag}> element from the text`);
      assert.deepEqual(dom.links, []);
      assert.match(dom.csp, /default-src 'none'/);
      assert.match(dom.csp, /script-src 'nonce-/);
      // Put the cursor on the planted text so that the panel scrolls to it for the screenshot.
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(hostile), {
        viewColumn: vscode.ViewColumn.One,
        preserveFocus: false,
      });
      editor.selection = new vscode.Selection(2, 5, 2, 5);
      await until(
        'the panel to follow the cursor',
        () => api.panel.lastHighlight?.sentence === 1 && model.sources[api.panel.lastHighlight.source]?.name === 'zz_markup.txt',
      );
      const followed = await probeAtCursor(
        api,
        editor,
        'compare-markup-cursor',
        dom => !!dom.current?.startsWith(planted[1]) && dom.currentInView === true,
      );
      assert.ok(followed.current?.startsWith(planted[1]), `the cursor's sentence is the current cell: ${followed.current}`);
      assert.ok(followed.currentInView, 'and it is scrolled into view');
      await screenshot('compare-markup');
    } finally {
      await vscode.workspace.fs.delete(hostile);
      await until(
        'the planted source to leave the corpus',
        () => api.corpus.current(seedUri('000_2e221a3ec277473a.txt'))?.uris.length === 5,
      );
    }
  });

  it('shows a corpus wider than a screen a page of columns at a time, turning to the page of the source under the cursor', async () => {
    const folder = vscode.Uri.joinPath(workspaceFolder(), 'wide');
    const seeds = [
      '000_2e221a3ec277473a.txt',
      '001_d0ef0ff56864153f.txt',
      '002_b59a2ea70077a96b.txt',
      '003_35b1516114ec1545.txt',
      '004_b132656ddbd9dbe3.txt',
    ];
    const texts = await Promise.all(
      seeds.map(async name => Buffer.from(await vscode.workspace.fs.readFile(seedUri(name))).toString('utf8')),
    );
    const names = Array.from({ length: 26 }, (_, k) => `w${String(k).padStart(2, '0')}.txt`);
    const marker = (k: number) => `Reporters in version ${k} counted ${k + 3} convoys leaving the capital before dawn.`;
    await Promise.all(
      names.map((name, k) =>
        vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), Buffer.from(`${texts[k % texts.length]}\n${marker(k)}\n`)),
      ),
    );
    try {
      const model = await openPanel(api, vscode.Uri.joinPath(folder, 'w00.txt'), 26);
      const first = await webviewDom('compare-wide');
      assert.equal(first.columns, 21, 'the base and a page of 20 other sources');
      assert.equal(first.pager, 'Sources 1–20 of 25 others');

      const far = vscode.Uri.joinPath(folder, 'w24.txt');
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(far), {
        viewColumn: vscode.ViewColumn.One,
        preserveFocus: false,
      });
      const line = editor.document.getText().split('\n').indexOf(marker(24));
      editor.selection = new vscode.Selection(line, 3, line, 3);
      await until(
        'the panel to follow the cursor',
        () => api.panel.lastHighlight && model.sources[api.panel.lastHighlight.source]?.name === 'w24.txt',
      );
      // The webview reports the page it turned to (the first of the other sources shown).
      await until('the webview to turn to the page of w24.txt', () => api.panel.webviewState?.firstColumn === 5);
      const turned = await probeAtCursor(
        api,
        editor,
        'compare-wide-page',
        dom =>
          dom.pager === 'Sources 6–25 of 25 others' &&
          /^Reporters in version (0 )?24 /.test(dom.current ?? '') &&
          dom.currentInView === true,
      );
      assert.equal(turned.pager, 'Sources 6–25 of 25 others');
      // The cell shows its words against the base's wording: removed ones ("0", "3") stay, struck
      // through, a space before the words put in their place.
      assert.match(
        turned.current ?? '',
        /^Reporters in version (0 )?24 counted (3 )?27 convoys leaving the capital/,
        `the cursor's sentence is the current cell: ${turned.current}`,
      );
      assert.ok(turned.currentInView, 'and it is scrolled into view');
      await screenshot('compare-wide');
    } finally {
      await deleteWritten(folder);
    }
  });

  describe('when files change under an open panel', () => {
    const base = () => seedUri('000_2e221a3ec277473a.txt');
    const model = () => api.panel.lastModel;
    const names = () => model()?.sources.map(s => s.name) ?? [];

    // Each test starts from the panel on the seed, with all five seeds and no notice.
    beforeEach(async () => {
      await openPanel(api, base(), 5);
      await until('the panel without a notice', () => !model()?.notice);
    });

    it('shows a sentence written on disk to another source that is not open in an editor', async () => {
      // A folder of its own: the seeds are open as documents by now, and for an open document
      // the editor passes a change on disk on as an edit, so the file watcher would go untested.
      const folder = vscode.Uri.joinPath(workspaceFolder(), 'on-disk');
      const [baseCopy, other] = ['a.txt', 'b.txt'].map(name => vscode.Uri.joinPath(folder, name));
      const original = await vscode.workspace.fs.readFile(seedUri('003_35b1516114ec1545.txt'));
      await vscode.workspace.fs.writeFile(baseCopy, await vscode.workspace.fs.readFile(base()));
      await vscode.workspace.fs.writeFile(other, original);
      try {
        const before = (await openPanel(api, baseCopy, 2)).sources[1].sentences;
        assert.ok(!vscode.workspace.textDocuments.some(d => d.uri.toString() === other.toString()), 'the other source is not open');
        const added = '\nA reporter on the scene counted forty armoured vehicles along the road to the airport.\n';
        await vscode.workspace.fs.writeFile(other, Buffer.concat([Buffer.from(original), Buffer.from(added)]));
        // While the file is being written the watcher may read it part-written, too short to share
        // the story, and the panel then shows the base alone for a moment.
        await until('the new sentence in the panel', () => model()?.sources[1]?.sentences === before + 1);
        assert.ok(model()!.rows.some(r => cellText(r, 1)?.includes('forty armoured vehicles')));
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await deleteWritten(folder);
      }
    });

    it('drops a deleted source from the panel and takes it back when it returns', async () => {
      const other = seedUri('004_b132656ddbd9dbe3.txt');
      const original = await vscode.workspace.fs.readFile(other);
      await vscode.workspace.fs.delete(other);
      try {
        await until('four columns', () => model()?.sources.length === 4);
        assert.ok(!names().includes('004_b132656ddbd9dbe3.txt'));
        assert.equal(model()!.sources[model()!.base].name, '000_2e221a3ec277473a.txt');
      } finally {
        await vscode.workspace.fs.writeFile(other, original);
        await until('five columns again', () => model()?.sources.length === 5);
      }
    });

    it('keeps the base when it is renamed in the editor', async () => {
      const renamed = seedUri('000_renamed.txt');
      const rename = (from: vscode.Uri, to: vscode.Uri) => {
        const edit = new vscode.WorkspaceEdit();
        edit.renameFile(from, to);
        return vscode.workspace.applyEdit(edit);
      };
      assert.ok(await rename(base(), renamed));
      try {
        await until(
          'the base under its new name',
          () => model() && model()!.sources[model()!.base].name === '000_renamed.txt' && model()!.sources.length === 5,
        );
        assert.ok(!names().includes('000_2e221a3ec277473a.txt'));
      } finally {
        assert.ok(await rename(renamed, base()));
        await until('the base under its old name', () => model() && model()!.sources[model()!.base].name === '000_2e221a3ec277473a.txt');
      }
    });

    it('moves the base to another source, and says so, when the base file is deleted', async () => {
      const original = await vscode.workspace.fs.readFile(base());
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(base()), vscode.ViewColumn.One);
      await until('the base marked', () => (api.decorations.applied(editor)?.boilerplate.length ?? 0) > 0);
      await vscode.workspace.fs.delete(base());
      try {
        const moved = await until('a new base', () => model()?.sources.length === 4 && model());
        assert.match(moved.notice ?? '', /000_2e221a3ec277473a\.txt was deleted or moved; .+ is now the base/);
        assert.notEqual(moved.sources[moved.base].name, '000_2e221a3ec277473a.txt');
        // Its editor stays open on the text it had, with no marks: no analysis holds it any more.
        await until('the deleted file unmarked', () => {
          const applied = api.decorations.applied(editor);
          return applied?.boilerplate.length === 0 && applied.unique.length === 0 && api.decorations.changedFacts(editor)?.length === 0;
        });
        await until('the webview to render the new base', () => api.panel.renderedGeneration === api.panel.lastModel?.generation);
        await screenshot('compare-base-deleted');
        // The deleted file's editor is still open: nothing may keep re-analysing on its behalf.
        // An absence can only be watched for a while: 1.5 s is five debounce periods. The
        // deletion's own late events (a busy machine delivers them late) settle first: counting
        // starts after two debounce periods without an analysis, which a loop of back-to-back
        // re-analyses never gives.
        let lastChange = Date.now();
        const settling = api.corpus.onDidChange(() => (lastChange = Date.now()));
        try {
          await until('the analyses of the deletion to settle', () => Date.now() - lastChange > 600, 10_000);
        } finally {
          settling.dispose();
        }
        let analyses = 0;
        const counting = api.corpus.onDidChange(() => analyses++);
        await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', base(), new vscode.Position(5, 5));
        await new Promise(r => setTimeout(r, 1500));
        counting.dispose();
        assert.ok(analyses <= 1, `${analyses} analyses after the base went away`);
      } finally {
        await vscode.workspace.fs.writeFile(base(), original);
        await until('the seed back in the corpus', () => api.corpus.current(base())?.uris.length === 5);
      }
    });
  });

  describe('documents that are not files in the folder', () => {
    const failures: string[] = [];
    let listener: vscode.Disposable;
    const story = [
      'Home',
      '  • World',
      '  • Politics',
      '  • Sport',
      '',
      'The city council approved the new budget on Tuesday after a debate that lasted well into the night.',
      'Spending on schools rises by four percent, while the road programme is cut back for a second year.',
      '',
      'Leave a comment',
      'Share this article',
    ].join('\n');

    before(() => {
      listener = api.corpus.onDidFail(f => failures.push(f.message));
    });
    after(() => listener.dispose());

    it('analyses an unsaved, untitled document on its own: boilerplate marked, one column, hovers', async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: story });
      const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      const applied = await until(
        'decorations on the untitled document',
        () => (api.decorations.applied(editor)?.boilerplate.length ?? 0) > 0 && api.decorations.applied(editor),
      );
      const marked = applied.boilerplate.map(r => r.start.line);
      for (const line of [1, 2, 3]) assert.ok(marked.includes(line), `menu line ${line + 1} marked`);
      assert.ok(!marked.includes(5) && !marked.includes(6), 'article sentences not marked');
      assert.equal(applied.unique.length, 0, 'a lone document has no unique-sentence marks');

      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        new vscode.Position(1, 4),
      );
      assert.match(unescape(hoverText(hovers)), /boilerplate: /);

      await vscode.commands.executeCommand('synoptic.compareWithOtherSources');
      const model = await until(
        'a one-column model',
        () =>
          api.panel.lastModel?.sources.length === 1 &&
          api.panel.lastModel.sources[0].path === document.uri.toString() &&
          api.panel.lastModel,
      );
      assert.equal(model.sources[0].name, document.uri.path.split('/').pop());
      assert.ok(model.rows.some(r => cellText(r, 0)?.startsWith('The city council approved')));

      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, new vscode.Position(0, 0), 'Menu\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await until('decorations following the unsaved edit', () =>
        api.decorations.applied(editor)?.boilerplate.some(r => r.start.line === 4),
      );
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      assert.deepEqual(failures, []);
    });

    it('reads a document of another scheme from the editor text and leaves other languages alone', async () => {
      const scheme = 'synoptic-virtual';
      const provider = vscode.workspace.registerTextDocumentContentProvider(scheme, {
        // Settings in INI: a language no extension of the test host serves, so hovers answer at once.
        provideTextDocumentContent: uri => (uri.path.endsWith('.txt') ? story : '[server]\nport = 8080\n'),
      });
      try {
        const virtual = vscode.Uri.from({ scheme, path: '/mirror/story.txt' });
        const document = await vscode.workspace.openTextDocument(virtual);
        const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
        const applied = await until(
          'decorations on the virtual document',
          () => (api.decorations.applied(editor)?.boilerplate.length ?? 0) > 0 && api.decorations.applied(editor),
        );
        assert.ok(applied.boilerplate.some(r => r.start.line === 1));
        assert.equal(api.corpus.current(virtual)?.uris.length, 1, 'analysed alone, not with the folder');

        const code = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme, path: '/mirror/settings.ini' }));
        const codeEditor = await vscode.window.showTextDocument(code, vscode.ViewColumn.One);
        // A text document shown beside it afterwards is decorated in the same pass over the
        // visible editors that would have decorated the code: once it is, the code was passed over.
        const later = await vscode.window.showTextDocument(
          await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme, path: '/mirror/later.txt' })),
          {
            viewColumn: vscode.ViewColumn.Two,
            preserveFocus: true,
          },
        );
        await until('decorations on the text shown after the code', () => api.decorations.applied(later));
        assert.equal(api.decorations.applied(codeEditor), undefined, 'code is not decorated');
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          code.uri,
          new vscode.Position(0, 2),
        );
        assert.ok(!hoverText(hovers).includes('Synoptic') && !/boilerplate: /.test(hoverText(hovers)));
      } finally {
        provider.dispose();
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      }
      assert.deepEqual(failures, []);
    });
  });

  describe('on a file that is not plain text', () => {
    const notes = () => vscode.Uri.joinPath(workspaceFolder(), 'notes');
    const plan = () => vscode.Uri.joinPath(notes(), 'plan.md');
    const target = () => vscode.Uri.joinPath(notes(), 'notes-comparison.csv');
    before(async () => {
      await vscode.workspace.fs.writeFile(plan(), new TextEncoder().encode('# Plan\n\nCall the harbour office about the bridge.\n'));
      // A text file beside it: without the check, the note would be compared with it as a story.
      await vscode.workspace.fs.writeFile(
        vscode.Uri.joinPath(notes(), 'bridge.txt'),
        new TextEncoder().encode('The harbour bridge reopened on Monday after two years of repairs.\n'),
      );
    });
    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // The two refusals' notifications would stand in the later tests' screenshots.
      await vscode.commands.executeCommand('notifications.clearAll');
      await deleteWritten(notes());
    });

    it('neither opens a comparison nor exports one of a markdown note, and hides both commands from its palette', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await until('no comparison panel', () => api.panel.panelCount === 0);
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(plan()), vscode.ViewColumn.One);
      assert.equal(editor.document.languageId, 'markdown');
      // The panel opens within the command, so it would be there once the command has run.
      await vscode.commands.executeCommand('synoptic.compareWithOtherSources');
      assert.equal(api.panel.panelCount, 0, 'no panel compares the note');
      const exported = await vscode.commands.executeCommand<vscode.Uri | undefined>('synoptic.exportComparison', {
        format: 'csv',
        target: target(),
      });
      assert.equal(exported, undefined);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target())), 'no export of the note is written');
      const palette = vscode.extensions.getExtension('synoptic.synoptic')!.packageJSON.contributes.menus.commandPalette as {
        command: string;
        when: string;
      }[];
      for (const command of ['synoptic.compareWithOtherSources', 'synoptic.exportComparison'])
        assert.equal(
          palette.find(m => m.command === command)?.when,
          "synoptic.inCorpus || activeWebviewPanelId == 'synoptic.compare'",
          `${command} shows in the palette only for a text file or from the panel`,
        );
    });
  });
});
