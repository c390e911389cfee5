/**
 * Hard-wrapped versions in a real VS Code: a sentence that runs over a line break is underlined
 * over every line it covers, and hovered whole from any of them.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SynopticApi } from '../../src/extension';
import { hardWrap } from '../support/hardWrap';
import { SEED_NAMES, activateSynoptic, deleteWritten, hoverText, screenshot, seedUri, unescape, until, workspaceFolder } from './support';

describe('Hard-wrapped versions in VS Code', function () {
  this.timeout(90_000);
  let api: SynopticApi;
  let folder: vscode.Uri;
  const widths = [60, 72, 80, 0, 66];

  before(async () => {
    api = await activateSynoptic();
    folder = vscode.Uri.joinPath(workspaceFolder(), 'hard-wrapped');
    for (const [i, name] of SEED_NAMES.entries()) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(seedUri(name)));
      const wrapped = widths[i] ? hardWrap(text, widths[i]) : text;
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), new TextEncoder().encode(wrapped));
    }
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteWritten(folder).then(undefined, () => undefined);
  });

  it('underlines a sentence found only here over every line it runs across, and hovers a shared one whole from its last line', async () => {
    let multiLineUnique = 0;
    let hovered = 0;
    let shown: { editor: vscode.TextEditor; at: vscode.Position } | undefined;
    for (const [i, name] of SEED_NAMES.entries()) {
      if (!widths[i]) continue;
      const uri = vscode.Uri.joinPath(folder, name);
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      const view = await until(`the analysis of ${name}`, () => {
        const current = api.corpus.current(uri);
        return current && current.analysis.sources.length === SEED_NAMES.length && api.decorations.applied(editor) && current;
      });
      const applied = api.decorations.applied(editor)!;
      const source = view.analysis.sources[view.indexOf(uri)];
      const key = (r: vscode.Range) => `${document.offsetAt(r.start)}-${document.offsetAt(r.end)}`;
      const underlined = new Set(applied.unique.map(key));
      source.sentences.forEach((s, k) => {
        const start = document.positionAt(s.start);
        const end = document.positionAt(s.end);
        if (start.line === end.line || source.groupOfSentence[k] >= 0) return;
        assert.ok(underlined.has(`${s.start}-${s.end}`), `${name}: "${s.text}" underlined whole`);
        if (!multiLineUnique++) shown = { editor, at: start };
      });
      if (shown?.editor === editor) {
        editor.selection = new vscode.Selection(shown.at, shown.at);
        editor.revealRange(new vscode.Range(shown.at, shown.at), vscode.TextEditorRevealType.AtTop);
        await screenshot('hard-wrapped-unique-dark');
      }
      const shared = source.sentences.findIndex(
        (s, k) => source.groupOfSentence[k] >= 0 && document.positionAt(s.end).line > document.positionAt(s.start).line,
      );
      if (shared < 0) continue;
      const sentence = source.sentences[shared];
      const lastLine = document.positionAt(sentence.end).line;
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri,
        new vscode.Position(lastLine, 1),
      );
      assert.match(unescape(hoverText(hovers)), /in \d of 4 other sources/, `${name}: hover on line ${lastLine + 1}`);
      const range = hovers.find(h => h.range)?.range;
      assert.ok(range, `${name}: the hover has a range`);
      assert.deepEqual(
        [document.offsetAt(range.start), document.offsetAt(range.end)],
        [sentence.start, sentence.end],
        `${name}: the hover covers the sentence`,
      );
      hovered++;
    }
    assert.ok(multiLineUnique > 0, 'a sentence found only in one version runs over a line break');
    assert.ok(hovered >= 3, `${hovered} versions hovered on a shared sentence over a line break`);
  });
});
