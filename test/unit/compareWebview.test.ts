/**
 * The comparison panel's script in a real browser (headless Chromium through playwright-core,
 * where the offline VS Code host set it up), on the page the panel serves and under its content
 * security policy, with VS Code's webview API replaced by a recorder. Messages from the extension
 * are posted to the window as VS Code posts them. Screenshots for a person to look at land in
 * test-results/screenshots/.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { ComparisonModel, FromWebview, RowModel, ToWebview, WordingModel } from '../../src/protocol';
import { ChromiumLauncher, REPO_ROOT, SCREENSHOT_DIR, chromiumLauncher, launchHeadless } from '../support/chromium';

const repo = REPO_ROOT;
const shotDir = SCREENSHOT_DIR;
/** Where the page is served from in the test: the policy's source of scripts and styles, as `webview.cspSource` is in VS Code. */
const origin = 'https://webview.test';
const NONCE = 'test-nonce';

/** A statement both sources of a two-source story carry as sentence `sentence`: the base in `base`, the other in `other`. */
function rewordedRow(sentence: number, base: WordingModel, other: WordingModel): RowModel {
  return {
    kind: 'statement',
    cells: [
      { source: 0, sentence, wording: 0 },
      { source: 1, sentence, wording: 1 },
    ],
    wordings: [base, other],
    sourceCount: 2,
    reworded: true,
  };
}

/** A story of `count` sources (s0.txt, s1.txt, …) that all print each of `texts`, in order, alike. */
/** `count` statements of one story, numbered: "Statement 1: the harbour bridge reopened …". */
function numberedStatements(count: number): string[] {
  return Array.from({ length: count }, (_, k) => `Statement ${k + 1}: the harbour bridge reopened on Monday after two years of repairs.`);
}

function everySourceModel(count: number, texts: readonly string[]): ComparisonModel {
  return {
    generation: 1,
    base: 0,
    sources: Array.from({ length: count }, (_, i) => ({
      name: `s${i}.txt`,
      path: `file:///s${i}.txt`,
      sentences: texts.length,
      shared: texts.length,
      boilerplateLines: 0,
    })),
    rows: texts.map((text, sentence) => ({
      kind: 'statement' as const,
      cells: Array.from({ length: count }, (_, source) => ({ source, sentence, wording: 0 })),
      wordings: [{ text, similarity: 1 }],
      sourceCount: count,
      reworded: false,
    })),
  };
}

/** A story of two sources: a statement both word alike, one reworded, one only the base has. */
const MODEL: ComparisonModel = {
  generation: 1,
  base: 0,
  sources: [
    { name: 'a.txt', path: 'file:///a.txt', sentences: 3, shared: 2, boilerplateLines: 0 },
    { name: 'b.txt', path: 'file:///b.txt', sentences: 2, shared: 2, boilerplateLines: 0 },
  ],
  rows: [
    {
      kind: 'statement',
      cells: [
        { source: 0, sentence: 0, wording: 0 },
        { source: 1, sentence: 0, wording: 0 },
      ],
      wordings: [{ text: 'The harbour bridge reopened on Monday.', similarity: 1 }],
      sourceCount: 2,
      reworded: false,
    },
    rewordedRow(
      1,
      { text: 'Repairs took two years.', similarity: 1 },
      {
        text: 'Repairs took almost two years.',
        similarity: 0.9,
        diff: [
          { kind: 'same', text: 'Repairs took ' },
          { kind: 'added', text: 'almost ' },
          { kind: 'same', text: 'two years.' },
        ],
      },
    ),
    {
      kind: 'statement',
      cells: [{ source: 0, sentence: 2, wording: 0 }],
      wordings: [{ text: 'Traffic is expected to ease.', similarity: 1 }],
      sourceCount: 1,
      reworded: false,
    },
  ],
};

/** A dark theme's few colours, as VS Code defines its variables on the page (for the screenshots). */
const THEME = `:root {
  --vscode-foreground: #cccccc; --vscode-editor-background: #1e1e1e; --vscode-focusBorder: #007fd4;
  --vscode-button-foreground: #ffffff; --vscode-button-background: #0e639c;
  --vscode-button-secondaryForeground: #cccccc; --vscode-button-secondaryBackground: #3a3d41;
  --vscode-panel-border: #444444; --vscode-editorWarning-foreground: #cca700; --vscode-editorInfo-foreground: #3794ff;
  --vscode-editor-inactiveSelectionBackground: #3a3d41;
  --vscode-font-family: sans-serif; --vscode-font-size: 13px;
}`;

/** The webview API stand-in: records what the script posts and keeps its state. */
const VSCODE_API = `window.posted = [];
window.acquireVsCodeApi = () => ({
  postMessage: m => window.posted.push(m),
  getState: () => window.savedState,
  setState: s => { window.savedState = s; },
});`;

/** The panel's page as the extension writes it, with the stand-in loaded first. */
function panelPage(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${origin}; img-src ${origin}; script-src 'nonce-${NONCE}';">
<link href="${origin}/theme.css" rel="stylesheet">
<link href="${origin}/compare.css" rel="stylesheet">
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="Comparison options"></div>
<div id="notice" role="status" aria-live="polite"></div>
<div id="columns-out-of-view" hidden></div>
<div id="grid" role="grid" aria-label="Sentences of every source, one column per source"></div>
<script nonce="${NONCE}" src="${origin}/vscode-api.js"></script>
<script nonce="${NONCE}" src="${origin}/compare.js"></script>
</body>
</html>`;
}

/** A note compared from the Explorer: no sentence of an article, every line of it read as boilerplate. */
const NOTE_MODEL: ComparisonModel = {
  generation: 1,
  base: 0,
  sources: [{ name: 'todo.txt', path: 'file:///todo.txt', sentences: 0, shared: 0, boilerplateLines: 5 }],
  rows: [],
};

describe('comparison panel webview in Chromium', function () {
  this.timeout(60_000);
  let chromium: ChromiumLauncher;
  let script: string;
  before(function () {
    const launcher = chromiumLauncher();
    if (!launcher) this.skip();
    chromium = launcher;
    // The script as the build makes it (esbuild.js), from the sources under test.
    const built = buildSync({
      entryPoints: [join(repo, 'src', 'webview', 'compare.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      write: false,
    });
    script = built.outputFiles[0].text;
  });

  interface Panel {
    readonly page: any;
    /** Posts a message of the extension's to the script, and resolves once the script's listener has run on it. */
    send(message: ToWebview): Promise<void>;
    /** What the script posted so far. */
    posted(): Promise<FromWebview[]>;
    /** Policy violations and script errors. */
    readonly errors: string[];
  }

  /** Runs `use` on the panel's page in a fresh headless browser, closed afterwards. */
  async function withPanel(use: (panel: Panel) => Promise<void>, viewport = { width: 1200, height: 700 }, theme = THEME): Promise<void> {
    const browser = await launchHeadless(chromium);
    try {
      const page = await (await browser.newContext({ viewport })).newPage();
      const files: Record<string, [string, string]> = {
        '/index.html': [panelPage(), 'text/html'],
        '/compare.js': [script, 'text/javascript'],
        '/vscode-api.js': [VSCODE_API, 'text/javascript'],
        '/compare.css': [readFileSync(join(repo, 'media', 'compare.css'), 'utf8'), 'text/css'],
        '/theme.css': [theme, 'text/css'],
      };
      await page.route(`${origin}/**`, (route: any) => {
        const file = files[new URL(route.request().url()).pathname];
        return file ? route.fulfill({ status: 200, body: file[0], contentType: file[1] }) : route.fulfill({ status: 404 });
      });
      const errors: string[] = [];
      page.on('console', (m: { text(): string }) => /Refused|error/i.test(m.text()) && errors.push(m.text()));
      page.on('pageerror', (e: Error) => errors.push(`error: ${e.message}`));
      await page.goto(`${origin}/index.html`);
      await page.waitForFunction(() => (window as any).posted?.some((m: FromWebview) => m.type === 'ready'));
      await use({
        page,
        errors,
        // A posted message is handled in a later task: a marker posted after it comes back only
        // once the script's listener has run on the message (a long model may still be rendering
        // over later frames; these tests' models render in one).
        send: message =>
          page.evaluate(
            (m: ToWebview) =>
              new Promise<void>(resolve => {
                const marker = 'test-marker-after-message';
                const onMessage = (event: MessageEvent) => {
                  if (event.data?.type !== marker) return;
                  window.removeEventListener('message', onMessage);
                  resolve();
                };
                window.addEventListener('message', onMessage);
                window.postMessage(m, '*');
                window.postMessage({ type: marker }, '*');
              }),
            message,
          ),
        posted: () => page.evaluate(() => (window as any).posted),
      });
      assert.deepEqual(errors, [], 'no policy violation, no script error');
    } finally {
      await browser.close();
    }
  }

  /** Shows `MODEL` and waits for its rows. */
  async function showModel(panel: Panel): Promise<void> {
    await panel.send({ type: 'model', model: MODEL, state: {} });
    await panel.page.waitForSelector('.cell[data-row="2"]');
  }

  /** The filters as the reader's assistive technology sees them, and which has the focus. */
  const filters = (page: any) =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('[role="radio"]')).map(b => ({
        checked: b.getAttribute('aria-checked'),
        tabIndex: b.tabIndex,
        focused: document.activeElement === b,
      })),
    );
  /** The index of the checked filter, after checking that it alone is checked, a Tab stop and focused. */
  async function checkedFilter(page: any): Promise<number> {
    const now = await filters(page);
    const checked = now.flatMap((f: { checked: string }, i: number) => (f.checked === 'true' ? [i] : []));
    assert.equal(checked.length, 1, JSON.stringify(now));
    now.forEach((f: { tabIndex: number }, i: number) => assert.equal(f.tabIndex, i === checked[0] ? 0 : -1, `tabindex of filter ${i}`));
    assert.ok(now[checked[0]].focused, 'the checked filter has the focus');
    return checked[0];
  }

  it("shows the words a wording adds and drops in the theme's text colour, readable on the diff backgrounds of a dark and a light theme", async () => {
    const reworded: ComparisonModel = {
      ...MODEL,
      rows: [
        {
          ...MODEL.rows[1],
          wordings: [
            { text: 'Repairs took two years.', similarity: 1 },
            {
              text: 'Repairs lasted almost two years.',
              similarity: 0.8,
              diff: [
                { kind: 'same', text: 'Repairs ' },
                { kind: 'removed', text: 'took' },
                { kind: 'added', text: 'lasted almost' },
                { kind: 'same', text: ' two years.' },
              ],
            },
          ],
        },
      ],
    };
    // The colours of VS Code's Dark Modern and Light Modern themes that the marks and the panel read.
    const themes = {
      dark: `:root { --vscode-foreground: #cccccc; --vscode-editor-background: #1f1f1f; --vscode-font-family: sans-serif; --vscode-font-size: 13px;
        --vscode-gitDecoration-deletedResourceForeground: #c74e39; --vscode-gitDecoration-addedResourceForeground: #81b88b;
        --vscode-diffEditor-removedTextBackground: #ff000033; --vscode-diffEditor-insertedTextBackground: #9ccc2c33; }`,
      light: `:root { --vscode-foreground: #3b3b3b; --vscode-editor-background: #ffffff; --vscode-font-family: sans-serif; --vscode-font-size: 13px;
        --vscode-gitDecoration-deletedResourceForeground: #ad0707; --vscode-gitDecoration-addedResourceForeground: #587c0c;
        --vscode-diffEditor-removedTextBackground: #ff000033; --vscode-diffEditor-insertedTextBackground: #9ccc2c40; }`,
    };
    for (const [name, theme] of Object.entries(themes)) {
      await withPanel(
        async panel => {
          await panel.send({ type: 'model', model: reworded, state: {} });
          await panel.page.waitForSelector('.cell del');
          const marks = await panel.page.evaluate(() => {
            const rgba = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
            // The colour behind an element: its own and its ancestors' backgrounds, laid over each other.
            const behind = (element: Element | null): number[] => {
              if (!element) return [255, 255, 255];
              const [r, g, b, a = 1] = rgba(getComputedStyle(element).backgroundColor);
              const under = a < 1 ? behind(element.parentElement) : [0, 0, 0];
              return [r * a + under[0] * (1 - a), g * a + under[1] * (1 - a), b * a + under[2] * (1 - a)];
            };
            const luminance = ([r, g, b]: number[]) => {
              const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
              return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
            };
            return Array.from(document.querySelectorAll('.cell del, .cell ins')).map(mark => {
              const text = luminance(rgba(getComputedStyle(mark).color));
              const ground = luminance(behind(mark));
              return { tag: mark.tagName, contrast: (Math.max(text, ground) + 0.05) / (Math.min(text, ground) + 0.05) };
            });
          });
          assert.deepEqual(
            marks.map((m: { tag: string }) => m.tag),
            ['DEL', 'INS'],
          );
          for (const mark of marks) assert.ok(mark.contrast >= 4.5, `${name}: ${mark.tag} at ${mark.contrast.toFixed(2)}:1`);
        },
        undefined,
        theme,
      );
    }
  });

  it('makes the row filters one radio group: one Tab stop, the arrows, Home and End move the choice', async () => {
    await withPanel(async panel => {
      const { page } = panel;
      await showModel(panel);
      // From the top of the page, Tab reaches the chosen filter first, and the next Tab leaves the group.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Tab');
      assert.equal(await checkedFilter(page), 0);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Base source');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await checkedFilter(page), 0);
      const moves: [string, number][] = [
        ['ArrowRight', 1],
        ['ArrowDown', 2],
        ['ArrowLeft', 1],
        ['ArrowUp', 0],
        ['ArrowUp', 4],
        ['ArrowRight', 0],
        ['End', 4],
        ['Home', 0],
        ['ArrowLeft', 4],
      ];
      for (const [key, expected] of moves) {
        await page.keyboard.press(key);
        assert.equal(await checkedFilter(page), expected, `after ${key}`);
      }
      // The focus ring shows on the checked filter, the one the focus can be on, against the panel's background.
      const ring = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor };
      });
      assert.deepEqual(ring, { style: 'solid', width: '2px', color: 'rgb(0, 127, 212)' }, 'the theme’s focus border');
      mkdirSync(shotDir, { recursive: true });
      await page.screenshot({ path: join(shotDir, 'compare-webview-filters.png') });
      const states = (await panel.posted()).flatMap(m => (m.type === 'stateChanged' ? [m.state.filter] : []));
      assert.deepEqual(states.slice(-3), ['changedFacts', 'all', 'changedFacts'], 'each choice is kept');
      // The choice shows in the rows: "Changed facts" has none here.
      assert.equal(await page.textContent('.empty-state'), 'No rows match this filter.');
      await page.click('[role="radio"]:nth-child(3)');
      assert.equal(await checkedFilter(page), 2, 'a click chooses too, and the focus stays in the group');
      // Its count is of statements, some of which are listed under a neighbour, not as rows: the tooltip says so.
      assert.match(
        (await page.getAttribute('[role="radio"]:nth-child(3)', 'title')) ?? '',
        /^\d+ statements? of the story; one that only another source carries is listed in its column/,
      );
      assert.equal(await page.locator('.row.unique').count(), 1);
    });
  });

  it('keeps the grid’s own keys: the arrows move the cursor cell, Enter reveals its sentence', async () => {
    await withPanel(async panel => {
      const { page } = panel;
      await showModel(panel);
      await page.click('.cell[data-row="0"][data-col="0"]');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      const focused = await page.evaluate(() => ({ ...(document.activeElement as HTMLElement).dataset }));
      assert.equal(focused.row, '1');
      assert.equal(focused.col, '1');
      await page.keyboard.press('Enter');
      const posted = await panel.posted();
      assert.deepEqual(posted.filter(m => m.type === 'focused').pop(), { type: 'focused', row: 1, source: 1, sentence: 1 });
      assert.deepEqual(posted.filter(m => m.type === 'reveal').pop(), { type: 'reveal', source: 1, sentence: 1 });
    });
  });

  it('marks the cursor’s row for a new model without moving the reader’s cell, and moves it when the cursor moves', async () => {
    await withPanel(async panel => {
      const { page } = panel;
      await showModel(panel);
      await page.click('.cell[data-row="1"][data-col="1"]');
      const where = () =>
        page.evaluate(() => ({
          current: document.querySelector<HTMLElement>('.row.current')?.dataset.row,
          tabStop: (({ row, col }) => `${row}:${col}`)(document.querySelector<HTMLElement>('.cell[tabindex="0"]')!.dataset),
        }));
      // After a new model the extension puts back the mark of the editor cursor's row, and no more.
      await panel.send({ type: 'highlight', source: 0, sentence: 2, markOnly: true });
      assert.deepEqual(await where(), { current: '2', tabStop: '1:1' });
      // The cursor moved in the editor: the panel follows it.
      await panel.send({ type: 'highlight', source: 0, sentence: 0 });
      assert.deepEqual(await where(), { current: '0', tabStop: '0:0' });
    });
  });

  it('marks the row of a statement the cursor’s source prints in several sentences, whichever of them the cursor is on', async () => {
    await withPanel(async panel => {
      const { page } = panel;
      // The base prints the headline twice (sentences 0 and 1), the other source splits the next statement in two (1 and 2).
      const model: ComparisonModel = {
        ...MODEL,
        rows: [
          {
            kind: 'statement',
            cells: [
              { source: 0, sentence: 0, more: [1], wording: 0 },
              { source: 1, sentence: 0, wording: 0 },
            ],
            wordings: [{ text: 'Bridge reopens', similarity: 1 }],
            sourceCount: 2,
            reworded: false,
          },
          {
            kind: 'statement',
            cells: [
              { source: 0, sentence: 2, wording: 0 },
              { source: 1, sentence: 1, more: [2], wording: 1 },
            ],
            wordings: [
              { text: 'Repairs took two years and cost more than planned.', similarity: 1 },
              { text: 'Repairs took two years. They cost more than planned.', similarity: 0.9 },
            ],
            sourceCount: 2,
            reworded: true,
          },
        ],
      };
      await panel.send({ type: 'model', model, state: {} });
      await page.waitForSelector('.row[data-row="1"]');
      const current = () => page.evaluate(() => document.querySelector<HTMLElement>('.row.current')?.dataset.row);
      await panel.send({ type: 'highlight', source: 0, sentence: 2 });
      assert.equal(await current(), '1');
      await panel.send({ type: 'highlight', source: 0, sentence: 1 });
      assert.equal(await current(), '0', 'the headline printed again');
      await panel.send({ type: 'highlight', source: 1, sentence: 2 });
      assert.equal(await current(), '1', 'the second half of a statement split in two');
    });
  });

  it('goes on from the editor cursor’s row, which a new model marks, to the next difference, until the reader moves the cursor cell', async () => {
    await withPanel(async panel => {
      const { page } = panel;
      const current = () => page.evaluate(() => document.querySelector<HTMLElement>('.row.current')?.dataset.row);
      await showModel(panel);
      // The extension marks the editor cursor's row after each model: the reworded statement.
      await panel.send({ type: 'highlight', source: 0, sentence: 1, markOnly: true });
      await panel.send({ type: 'navigate', target: 'difference', direction: 1 });
      assert.equal(await current(), '2', 'the difference after the cursor’s row, not the first of the grid');
      // Once the reader has put the cursor cell, a mark of the editor's cursor leaves it where it is.
      await page.click('.cell[data-row="0"][data-col="0"]');
      await panel.send({ type: 'highlight', source: 0, sentence: 2, markOnly: true });
      await panel.send({ type: 'navigate', target: 'difference', direction: 1 });
      assert.equal(await current(), '1');
    });
  });

  /** A row of a sentence that `source` alone has. */
  const loneRow = (source: number, sentence: number, text: string): ComparisonModel['rows'][number] => ({
    kind: 'statement',
    cells: [{ source, sentence, wording: 0 }],
    wordings: [{ text, similarity: 1 }],
    sourceCount: 1,
    reworded: false,
  });
  /** The entries `cell` (a selector) lists: each one's sentence and its "printed twice" note. */
  const listedEntries = (page: any, cell: string): Promise<{ sentence?: string; printed: string }[]> =>
    page.evaluate(
      (selector: string) =>
        Array.from(document.querySelectorAll<HTMLElement>(`${selector} .entry`)).map(e => ({
          sentence: e.dataset.sentence,
          printed: e.querySelector('.again')?.textContent ?? '',
        })),
      cell,
    );
  const caption = 'Photograph by the harbour photo desk.';
  const cables = 'Engineers replaced every cable.';

  it('lists a sentence only one source has and prints twice once, saying so, and marks its row for either copy', async () => {
    const model: ComparisonModel = {
      ...MODEL,
      sources: [MODEL.sources[0], { ...MODEL.sources[1], sentences: 5 }],
      rows: [MODEL.rows[0], loneRow(1, 1, caption), loneRow(1, 2, cables), loneRow(1, 3, caption), MODEL.rows[1]],
    };
    await withPanel(async panel => {
      const { page } = panel;
      await panel.send({ type: 'model', model, state: {} });
      await page.waitForSelector('.cell[data-row="1"]');
      const entries = await listedEntries(page, '.cell[data-row="0"][data-col="1"]');
      assert.deepEqual(entries, [
        { sentence: '0', printed: '' },
        { sentence: '1', printed: 'printed twice' },
        { sentence: '2', printed: '' },
      ]);
      // The editor's cursor on the second copy marks the row that lists it.
      await panel.send({ type: 'highlight', source: 1, sentence: 3, markOnly: true });
      assert.equal(await page.evaluate(() => document.querySelector<HTMLElement>('.row.current')?.dataset.row), '0');
      assert.deepEqual(panel.errors, []);
    });
  });

  it('lists a sentence the base alone prints twice between two statements once, saying so, and marks its row for either copy', async () => {
    const model: ComparisonModel = {
      ...MODEL,
      sources: [{ ...MODEL.sources[0], sentences: 14 }, MODEL.sources[1]],
      rows: [MODEL.rows[0], loneRow(0, 11, caption), loneRow(0, 12, cables), loneRow(0, 13, caption), MODEL.rows[1]],
    };
    await withPanel(async panel => {
      const { page } = panel;
      await panel.send({ type: 'model', model, state: {} });
      await page.waitForSelector('.cell[data-row="1"]');
      const listed = await listedEntries(page, '.cell[data-col="0"]');
      assert.deepEqual(
        listed.filter((e: { sentence?: string }) => e.sentence === '11' || e.sentence === '13'),
        [{ sentence: '11', printed: 'printed twice' }],
      );
      // The editor's cursor on the second copy marks the row that lists the first.
      await panel.send({ type: 'highlight', source: 0, sentence: 13, markOnly: true });
      const current = await page.evaluate(() => document.querySelector<HTMLElement>('.row.current')?.dataset.row);
      const captionRow = await page.evaluate(
        () =>
          document.querySelector<HTMLElement>('.cell[data-col="0"] .entry[data-sentence="11"]')?.closest<HTMLElement>('.cell')?.dataset.row,
      );
      assert.equal(current, captionRow);
      assert.deepEqual(panel.errors, []);
    });
  });

  it('clears the last model’s grid and toolbar under a status line, and shows the next model again', async () => {
    await withPanel(async panel => {
      const { page } = panel;
      await showModel(panel);
      const status = 'a.txt cannot be analysed (it may have been deleted, or is not a text file).';
      await panel.send({ type: 'status', text: status });
      const shown = () =>
        page.evaluate(() => ({
          notice: document.getElementById('notice')!.textContent,
          cells: document.querySelectorAll('#grid .cell').length,
          filters: document.querySelectorAll('#toolbar [role="radio"]').length,
          gridShown: document.getElementById('grid')!.getClientRects().length > 0,
          toolbarShown: document.getElementById('toolbar')!.getClientRects().length > 0,
          text: document.body.innerText,
        }));
      const cleared = await shown();
      assert.equal(cleared.notice, status);
      assert.equal(cleared.cells, 0, 'no row of the last model is left');
      assert.equal(cleared.filters, 0, 'nor its filters and their counts');
      assert.ok(!cleared.gridShown && !cleared.toolbarShown, 'the empty grid and toolbar take no room');
      assert.equal(cleared.text.trim(), status);
      mkdirSync(shotDir, { recursive: true });
      await page.screenshot({ path: join(shotDir, 'compare-webview-status.png') });
      // The editor's cursor and the navigation commands find nothing to move to meanwhile.
      await panel.send({ type: 'highlight', source: 0, sentence: 1 });
      await panel.send({ type: 'navigate', target: 'difference', direction: 1 });
      assert.equal((await shown()).cells, 0);
      await showModel(panel);
      const back = await shown();
      assert.equal(back.cells, 8, 'two heads and three rows of two cells');
      assert.equal(back.filters, 5);
      assert.ok(back.gridShown && back.toolbarShown);
      assert.equal(back.notice, '');
    });
  });

  /** The `data-control` name and value of the focused element, or its tag where it has none. */
  const focusedControl = (page: any): Promise<{ control?: string; value?: string; checked?: boolean }> =>
    page.evaluate(() => {
      const active = document.activeElement as HTMLInputElement | null;
      if (!active || !document.getElementById('toolbar')!.contains(active)) return { control: active?.tagName.toLowerCase() };
      return { control: active.dataset.control, value: active.value, checked: active.type === 'checkbox' ? active.checked : undefined };
    });

  it('keeps the keyboard focus on the narrow filter drop-down, the base picker and the boilerplate box when they rebuild the toolbar', async () => {
    await withPanel(
      async panel => {
        const { page } = panel;
        await showModel(panel);
        // A narrow panel: the filters are one drop-down, which the arrow keys move through.
        await page.focus('select.filter-select');
        await page.keyboard.press('ArrowDown');
        assert.deepEqual(await focusedControl(page), { control: 'filter-select', value: 'sharedByAll', checked: undefined });
        await page.keyboard.press('ArrowDown');
        assert.deepEqual(await focusedControl(page), { control: 'filter-select', value: 'uniqueToOne', checked: undefined });
        assert.equal(await page.locator('.row.unique').count(), 1, 'each choice shows in the rows');
        // Space on the boilerplate box; the extension answers with a new model, which rebuilds the toolbar.
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        assert.equal((await focusedControl(page)).control, 'boilerplate');
        await page.keyboard.press('Space');
        assert.deepEqual((await panel.posted()).pop(), { type: 'setShowBoilerplate', show: true });
        await panel.send({ type: 'model', model: { ...MODEL, generation: 2 }, state: { showBoilerplate: true } });
        assert.deepEqual(await focusedControl(page), { control: 'boilerplate', value: 'on', checked: true });
        // A new base, from the keyboard: the model for it comes back and the picker keeps the focus.
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('ArrowDown');
        assert.deepEqual((await panel.posted()).pop(), { type: 'setBase', source: 1 });
        await panel.send({ type: 'model', model: { ...MODEL, generation: 3, base: 1 }, state: {} });
        assert.deepEqual(await focusedControl(page), { control: 'base', value: '1', checked: undefined });
        mkdirSync(shotDir, { recursive: true });
        await page.screenshot({ path: join(shotDir, 'compare-webview-narrow-focus.png') });
      },
      { width: 520, height: 600 },
    );
  });

  it('marks no sentence of a story of one source as found only there, and still goes to its sentences as unique ones', async () => {
    const alone: ComparisonModel = {
      generation: 1,
      base: 0,
      sources: [{ name: 'a.txt', path: 'file:///a.txt', sentences: 2, shared: 0, boilerplateLines: 0 }],
      rows: [loneRow(0, 0, 'The harbour bridge reopened on Monday.'), loneRow(0, 1, 'Repairs took two years.')],
    };
    await withPanel(async panel => {
      const { page } = panel;
      await panel.send({ type: 'model', model: alone, state: {} });
      await page.waitForSelector('.cell[data-row="1"] .entry');
      const shown = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.entry')).map(e => ({
          stripe: getComputedStyle(e).borderInlineStartWidth,
          label: e.querySelector('.lone')?.textContent ?? '',
        })),
      );
      assert.deepEqual(shown, [
        { stripe: '0px', label: '' },
        { stripe: '0px', label: '' },
      ]);
      await panel.send({ type: 'navigate', target: 'unique', direction: 1 });
      const posted = await panel.posted();
      assert.deepEqual(posted.filter(m => m.type === 'focused').pop(), { type: 'focused', row: 1, source: 0, sentence: 1 });
    });
  });

  it('sets the words added inside a word apart from the struck ones by a margin, and whole words by a space', async () => {
    const replaced: ComparisonModel = {
      ...MODEL,
      rows: [
        rewordedRow(
          0,
          { text: 'They hold rebel-held areas.', similarity: 1 },
          {
            text: 'They keep opposition-held areas.',
            similarity: 0.7,
            diff: [
              { kind: 'same', text: 'They ' },
              { kind: 'removed', text: 'hold' },
              { kind: 'added', text: 'keep' },
              { kind: 'same', text: ' ' },
              { kind: 'removed', text: 'rebel' },
              { kind: 'added', text: 'opposition' },
              { kind: 'same', text: '-held areas.' },
            ],
          },
        ),
      ],
    };
    await withPanel(async panel => {
      const { page } = panel;
      await panel.send({ type: 'model', model: replaced, state: {} });
      await page.waitForSelector('.cell[data-row="0"][data-col="1"] ins');
      const marks = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.cell[data-row="0"][data-col="1"] ins')).map(ins => {
          const del = ins.previousElementSibling as HTMLElement;
          return {
            text: ins.textContent,
            abutting: ins.classList.contains('abutting'),
            spaceBefore: ins.previousSibling?.nodeType === Node.TEXT_NODE,
            gap: Math.round(ins.getBoundingClientRect().left - del.getBoundingClientRect().right),
          };
        }),
      );
      assert.deepEqual(
        marks.map(({ text, abutting, spaceBefore }: { text: string; abutting: boolean; spaceBefore: boolean }) => ({
          text,
          abutting,
          spaceBefore,
        })),
        [
          { text: 'keep', abutting: false, spaceBefore: true },
          { text: 'opposition', abutting: true, spaceBefore: false },
        ],
      );
      assert.ok(marks[1].gap >= 2, `the boxes stand ${marks[1].gap}px apart`);
    });
  });

  it('brings the cursor cell clear of the pinned base column of a model drawn while the panel was hidden, scrolling the grid and not the page', async () => {
    // Eight sources, each statement in all of them: the columns run past the panel's right edge.
    const count = 8;
    const wide = everySourceModel(count, numberedStatements(6));
    await withPanel(
      async panel => {
        const { page } = panel;
        // The model comes while the panel is in a tab behind another (its page laid out with no
        // size), and the reader turns to it afterwards.
        await page.evaluate(() => (document.body.style.display = 'none'));
        await panel.send({ type: 'model', model: wide, state: {} });
        await page.evaluate(() => (document.body.style.display = ''));
        await page.waitForSelector('.cell[data-row="5"]');
        const toolbarTop = await page.evaluate(() => document.getElementById('toolbar')!.getBoundingClientRect().top);
        /** Whether some column starts where the base column ends. */
        const columnAtBase = (): Promise<boolean> =>
          page.evaluate(() => {
            const base = document.querySelector<HTMLElement>('.row.header > .cell.base')!.getBoundingClientRect();
            return Array.from(document.querySelectorAll<HTMLElement>('.row.header > .cell:not(.base)')).some(
              c => Math.abs(c.getBoundingClientRect().left - base.right) < 1,
            );
          });
        await page.click('.cell[data-row="0"][data-col="1"]');
        for (let k = 0; k < count - 2; k++) await page.keyboard.press('ArrowRight');
        for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowLeft');
        for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowDown');
        const seen = await page.evaluate(() => {
          const cell = document.activeElement as HTMLElement;
          const base = document.querySelector<HTMLElement>('.row.header > .cell.base')!.getBoundingClientRect();
          const header = document.querySelector<HTMLElement>('.row.header > .cell')!.getBoundingClientRect();
          const box = cell.getBoundingClientRect();
          const grid = document.getElementById('grid')!.getBoundingClientRect();
          return {
            col: cell.dataset.col,
            clearOfBase: box.left >= base.right - 1,
            clearOfHeader: box.top >= header.bottom - 1,
            inView: box.bottom <= grid.bottom + 1 && box.right <= grid.right + 1,
            pageScroll: document.scrollingElement!.scrollTop + document.scrollingElement!.scrollLeft + document.body.scrollTop,
            toolbarTop: document.getElementById('toolbar')!.getBoundingClientRect().top,
          };
        });
        // Scrolled sideways to a column's start, which stands at the base column's edge: no column half under it.
        assert.deepEqual(
          { ...seen, snapped: await columnAtBase() },
          {
            col: '3',
            clearOfBase: true,
            clearOfHeader: true,
            inView: true,
            pageScroll: 0,
            snapped: true,
            toolbarTop,
          },
        );
        // The reader scrolls sideways by a little: the grid comes to rest at a column's start.
        await page.mouse.move(600, 300);
        await page.mouse.wheel(70, 0);
        await page.waitForTimeout(800);
        assert.ok(await columnAtBase(), 'a column starts at the base column after a wheel scroll');
      },
      { width: 900, height: 500 },
    );
  });

  it('brings the last column to the base column’s edge too, with no column half under the base at the far end', async () => {
    const count = 5;
    const story = everySourceModel(count, numberedStatements(4));
    await withPanel(
      async panel => {
        const { page } = panel;
        await panel.send({ type: 'model', model: story, state: {} });
        await page.waitForSelector('.cell[data-row="3"]');
        /** The left edges of the columns in view right of the base, against the base's right edge. */
        const edges = () =>
          page.evaluate(() => {
            const grid = document.getElementById('grid')!.getBoundingClientRect();
            const base = document.querySelector<HTMLElement>('.row.header > .cell.base')!.getBoundingClientRect();
            const heads = Array.from(document.querySelectorAll<HTMLElement>('.row.header > .cell:not(.base)')).map(c =>
              c.getBoundingClientRect(),
            );
            return {
              underBase: heads.filter(h => h.right > base.right + 1 && h.left < base.right - 1).length,
              atBase: heads.some(h => Math.abs(h.left - base.right) < 1),
              lastInView: heads[heads.length - 1].right <= grid.right + 1,
            };
          });
        // The editor's cursor in the last source: its cell is brought to the base column's edge.
        await panel.send({ type: 'highlight', source: count - 1, sentence: 2 });
        await page.waitForTimeout(400);
        assert.deepEqual(await edges(), { underBase: 0, atBase: true, lastInView: true });
        // The reader scrolls on to the far end: the last column still stands at the base's edge.
        await page.mouse.move(600, 300);
        await page.mouse.wheel(2000, 0);
        await page.waitForTimeout(800);
        assert.deepEqual(await edges(), { underBase: 0, atBase: true, lastInView: true });
        // A new analysis is drawn (an edit, the panel brought forward again): the grid stays there.
        await panel.send({ type: 'model', model: { ...story, generation: 2 }, state: {} });
        await page.waitForTimeout(800);
        assert.deepEqual(await edges(), { underBase: 0, atBase: true, lastInView: true });
      },
      { width: 900, height: 500 },
    );
  });

  it('counts the columns out of view at each edge, scrolls them back from the keyboard, and leaves no blank room after the last', async () => {
    // Five sources in a narrow panel: the view beside the base holds one other column at a time.
    const story = everySourceModel(5, numberedStatements(4));
    await withPanel(
      async panel => {
        const { page } = panel;
        await panel.send({ type: 'model', model: story, state: {} });
        await page.waitForSelector('.cell[data-row="3"]');
        await page.waitForTimeout(300);
        /** The counts shown at each edge, how many columns stand whole in view, and the blank room after the last one. */
        const seen = () =>
          page.evaluate(() => {
            const bar = document.getElementById('columns-out-of-view')!;
            const grid = document.getElementById('grid')!;
            const base = document.querySelector<HTMLElement>('.row.header > .cell.base')!.getBoundingClientRect();
            const heads = Array.from(document.querySelectorAll<HTMLElement>('.row.header > .cell:not(.base)')).map(h =>
              h.getBoundingClientRect(),
            );
            const viewRight = grid.getBoundingClientRect().left + grid.clientLeft + grid.clientWidth;
            const shown = (side: string) => {
              const button = bar.querySelector<HTMLButtonElement>(`button.${side}`);
              return bar.hidden || !button || button.hidden ? null : button.textContent;
            };
            return {
              before: shown('before'),
              after: shown('after'),
              whole: heads.filter(h => h.left >= base.right - 0.5 && h.right <= viewRight + 0.5).length,
              blank: Math.max(0, Math.round(viewRight - heads[heads.length - 1].right)),
            };
          });
        const focused = () => page.evaluate(() => document.activeElement?.textContent ?? null);
        assert.deepEqual(await seen(), { before: null, after: '3 more sources ›', whole: 1, blank: 0 });
        // The editor's cursor in the last source: the three before it go under the base column.
        await panel.send({ type: 'highlight', source: 4, sentence: 2 });
        await page.waitForTimeout(300);
        assert.deepEqual(await seen(), { before: '‹ 3 more sources', after: null, whole: 1, blank: 0 });
        assert.match(
          await page.getAttribute('button.more-columns.before', 'aria-label'),
          /^3 more sources to the left, under the base column: s1\.txt, s2\.txt, s3\.txt\./,
        );
        mkdirSync(shotDir, { recursive: true });
        await page.screenshot({ path: join(shotDir, 'compare-webview-columns-out-of-view.png') });
        // From the keyboard: each press brings the next column back; the focus stays on the count.
        await page.focus('button.more-columns.before');
        await page.keyboard.press('Enter');
        assert.deepEqual(await seen(), { before: '‹ 2 more sources', after: '1 more source ›', whole: 1, blank: 0 });
        assert.equal(await focused(), '‹ 2 more sources');
        // A screen reader hears the counts once the columns rest.
        await page.waitForTimeout(900);
        assert.equal(
          await page.textContent('#columns-out-of-view [role="status"]'),
          '1 of 4 other sources in view: 2 more to the left, under the base column; 1 more to the right.',
        );
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
        // None left to the left: that count goes, and the focus moves to the other one.
        assert.deepEqual(await seen(), { before: null, after: '3 more sources ›', whole: 1, blank: 0 });
        assert.equal(await focused(), '3 more sources ›');
        // A new base, all of whose columns fit a wide panel: no bar.
        await page.setViewportSize({ width: 1400, height: 600 });
        await panel.send({ type: 'model', model: { ...everySourceModel(3, numberedStatements(2)), generation: 2 }, state: {} });
        await page.waitForTimeout(300);
        assert.deepEqual(await seen(), { before: null, after: null, whole: 2, blank: 0 });
      },
      { width: 546, height: 500 },
    );
  });

  it('keeps the keyboard focus on the page buttons of a wide story, on the other one when the last page disables the one pressed', async () => {
    // One statement every one of 45 sources carries: the other 44 take three pages of columns.
    const wide = everySourceModel(45, ['The harbour bridge reopened on Monday.']);
    await withPanel(async panel => {
      const { page } = panel;
      await panel.send({ type: 'model', model: wide, state: {} });
      await page.waitForSelector('.cell[data-row="0"]');
      const range = () => page.textContent('.pager .range');
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      await page.focus('button.page[aria-label="Next 20 sources"]');
      await page.keyboard.press('Enter');
      assert.equal(await range(), 'Sources 21–40 of 44 others');
      assert.equal(await focused(), 'Next 20 sources');
      await page.keyboard.press('Enter');
      assert.equal(await range(), 'Sources 25–44 of 44 others');
      assert.equal(await focused(), 'Previous 20 sources', 'the last page: "next" is disabled');
      await page.keyboard.press('Enter');
      assert.equal(await range(), 'Sources 5–24 of 44 others');
      assert.equal(await focused(), 'Previous 20 sources');
    });
  });

  it('shows the base’s whole name in the toolbar’s picker where the panel is wide enough, beside an editor and the sidebar too', async () => {
    // Dated names that differ only in their middle, as a folder of saved pages often names them.
    const sites = ['trtworld', 'attracttour', 'ndtv', 'onlanka', 'ncmorningpost', 'bolnews', 'radiobayelsa', 'newsnetpk'];
    const named = everySourceModel(sites.length, ['The president left the country on a military plane.']);
    const story: ComparisonModel = {
      ...named,
      sources: named.sources.map((s, i) => ({ ...s, name: `2022-07-13_${sites[i]}-dot-com_sri-lanka-president-flees-to-maldives.txt` })),
    };
    // The panel's widths in a window 1,440 px wide: beside the editor and the sidebar, and beside the editor alone.
    for (const width of [546, 700]) {
      await withPanel(
        async panel => {
          const { page } = panel;
          await panel.send({ type: 'model', model: story, state: {} });
          await page.waitForSelector('.cell[data-row="0"]');
          const shown = await page.evaluate(() => {
            const select = document.querySelector<HTMLSelectElement>('select[data-control="base"]')!;
            // The picker's width were it given room for the chosen name alone.
            const alone = select.cloneNode(false) as HTMLSelectElement;
            alone.append(select.options[select.selectedIndex].cloneNode(true));
            alone.style.maxWidth = 'none';
            alone.style.position = 'absolute';
            document.body.append(alone);
            const needed = alone.getBoundingClientRect().width;
            alone.remove();
            const box = select.getBoundingClientRect();
            return { needed, width: box.width, right: box.right, page: document.documentElement.clientWidth, title: select.title };
          });
          assert.ok(shown.width >= shown.needed - 0.5, `${width} px: the picker is ${shown.width} px wide, its name needs ${shown.needed}`);
          assert.ok(shown.right <= shown.page, `${width} px: the picker ends in the panel`);
          assert.equal(shown.title, story.sources[0].name, 'its tooltip names the base in full');
          mkdirSync(shotDir, { recursive: true });
          await page.screenshot({ path: join(shotDir, `compare-webview-long-names-${width}.png`) });
        },
        { width, height: 600 },
      );
    }
  });

  it('says why a base without article sentences shows no rows, rather than blaming a filter that hides none', async () => {
    // A note compared from the Explorer: every line of it is read as boilerplate.
    const note = NOTE_MODEL;
    await withPanel(async panel => {
      const { page } = panel;
      await panel.send({ type: 'model', model: note, state: {} });
      await page.waitForSelector('.empty-state');
      assert.equal(
        await page.textContent('.empty-state'),
        'todo.txt has no sentences of an article to compare: its 5 lines are read as boilerplate. Tick Boilerplate to show them as rows.',
      );
      await panel.send({
        type: 'model',
        model: { ...note, generation: 2, sources: [{ ...note.sources[0], boilerplateLines: 0 }] },
        state: {},
      });
      await page.waitForFunction(() => !document.querySelector('.empty-state')?.textContent?.includes('boilerplate'));
      assert.equal(await page.textContent('.empty-state'), 'todo.txt has no sentences of an article to compare.');
      // A filter that hides every row of a story still says so.
      await panel.send({ type: 'model', model: { ...MODEL, generation: 3, rows: [MODEL.rows[2]] }, state: { filter: 'sharedByAll' } });
      // The note's empty state stands until the story's is drawn: wait for the new text.
      await page.waitForFunction(() => !document.querySelector('.empty-state')?.textContent?.includes('todo.txt'));
      assert.equal(await page.textContent('.empty-state'), 'No rows match this filter.');
    });
  });

  it('counts and offers no boilerplate of a base Synoptic leaves unmarked in the editor, and says why', async () => {
    const why =
      'Synoptic leaves todo.txt unmarked in the editor, as it leaves notes: it shares fewer than two sentences with another source of its story and does not look like a saved web page.';
    // A note compared from the Explorer, whose short lines the analysis reads as boilerplate.
    const note: ComparisonModel = {
      generation: 1,
      base: 0,
      sources: [{ name: 'todo.txt', path: 'file:///todo.txt', sentences: 2, shared: 0, boilerplateLines: 0, unmarked: why }],
      rows: [
        {
          kind: 'statement',
          cells: [{ source: 0, sentence: 0, wording: 0 }],
          wordings: [{ text: 'Maybe rewrite the intro of chapter two.', similarity: 1 }],
          sourceCount: 1,
          reworded: false,
        },
      ],
    };
    await withPanel(
      async panel => {
        const { page } = panel;
        // The reader had ticked Boilerplate for another base.
        await panel.send({ type: 'model', model: note, state: { showBoilerplate: true } });
        await page.waitForSelector('.cell[data-row="0"]');
        const shown = await page.evaluate(() => {
          const box = document.querySelector<HTMLInputElement>('input[data-control="boilerplate"]')!;
          const count = document.querySelector<HTMLElement>('.cell.head .counts span:last-child')!;
          return {
            count: count.textContent,
            countTitle: count.title,
            checked: box.checked,
            disabled: box.disabled,
            boxTitle: box.closest('label')!.title,
            notice: document.getElementById('notice')!.textContent,
          };
        });
        assert.deepEqual(shown, {
          count: 'boilerplate not marked',
          countTitle: why,
          checked: false,
          disabled: true,
          boxTitle: why,
          notice: `No other source here tells this story, so there is nothing to compare it with. The Stories view shows how many sources tell each story. ${why}`,
        });
        mkdirSync(shotDir, { recursive: true });
        await page.screenshot({ path: join(shotDir, 'compare-webview-unmarked-note.png') });
        // The next base, one Synoptic marks, has its box ticked again, as the reader left it.
        await panel.send({ type: 'model', model: { ...MODEL, generation: 2 }, state: { showBoilerplate: true } });
        await page.waitForSelector('.cell[data-row="2"]');
        assert.deepEqual(
          await page.evaluate(() => {
            const box = document.querySelector<HTMLInputElement>('input[data-control="boilerplate"]')!;
            return {
              checked: box.checked,
              disabled: box.disabled,
              count: document.querySelector('.cell.head .counts span:last-child')!.textContent,
            };
          }),
          { checked: true, disabled: false, count: '0 boilerplate lines' },
        );
      },
      { width: 546, height: 400 },
    );
  });

  it('shows the first column after the base when the panel turns from a file of one source to a story of several', async () => {
    // A note compared first: its one column spans the panel.
    const note = NOTE_MODEL;
    const story = everySourceModel(8, numberedStatements(6));
    await withPanel(
      async panel => {
        const { page } = panel;
        await panel.send({ type: 'model', model: note, state: {} });
        await page.waitForSelector('.empty-state');
        await page.waitForTimeout(300);
        await panel.send({ type: 'model', model: { ...story, generation: 2 }, state: {} });
        await page.waitForSelector('.cell[data-row="5"]');
        await page.waitForTimeout(800);
        const shown = await page.evaluate(() => {
          const base = document.querySelector<HTMLElement>('.row.header > .cell.base')!.getBoundingClientRect();
          const second = document.querySelectorAll<HTMLElement>('.row.header > .cell')[1].getBoundingClientRect();
          return { scrollLeft: document.getElementById('grid')!.scrollLeft, secondAtBase: Math.abs(second.left - base.right) < 1 };
        });
        assert.deepEqual(shown, { scrollLeft: 0, secondAtBase: true }, 'the second source stands beside the base, not under it');
      },
      { width: 546, height: 600 },
    );
  });
  it('opens a base at the cursor’s row, or its first sentence, past the statements it lacks, and keeps the reader’s scroll on later models', async () => {
    // Five sources; the base (s0) lacks the first twelve statements, which the four others print
    // before their share of its article: in a narrow panel every row of the first screen is empty in
    // the base column, the text in columns off to the right.
    const count = 5;
    const lacked = 12;
    const text = (k: number) =>
      `Statement ${k + 1}: the harbour authority said the bridge would reopen to traffic on Monday after two years of repairs.`;
    const story: ComparisonModel = {
      generation: 1,
      base: 0,
      sources: Array.from({ length: count }, (_, i) => ({
        name: `s${i}.txt`,
        path: `file:///s${i}.txt`,
        sentences: i === 0 ? 8 : lacked + 8,
        shared: i === 0 ? 8 : lacked + 8,
        boilerplateLines: 0,
      })),
      rows: [
        ...Array.from({ length: lacked }, (_, k) => ({
          kind: 'statement' as const,
          cells: Array.from({ length: count - 1 }, (_, s) => ({ source: s + 1, sentence: k, wording: 0 })),
          wordings: [{ text: text(k), similarity: 1 }],
          sourceCount: count - 1,
          reworded: false,
        })),
        ...Array.from({ length: 8 }, (_, k) => ({
          kind: 'statement' as const,
          cells: Array.from({ length: count }, (_, source) => ({ source, sentence: source === 0 ? k : lacked + k, wording: 0 })),
          wordings: [{ text: text(lacked + k), similarity: 1 }],
          sourceCount: count,
          reworded: false,
        })),
      ],
    };
    await withPanel(
      async panel => {
        const { page } = panel;
        /** Whether the base's cell of `sentence` stands wholly in the grid's view, below its header; and the grid's scroll. */
        const seen = (sentence: number) =>
          page.evaluate((sentence: number) => {
            const grid = document.getElementById('grid')!;
            const view = grid.getBoundingClientRect();
            const header = document.querySelector<HTMLElement>('.row.header > .cell')!.getBoundingClientRect();
            const cell = document
              .querySelector<HTMLElement>(`.cell.base .entry[data-sentence="${sentence}"]`)!
              .closest<HTMLElement>('.cell')!;
            const box = cell.getBoundingClientRect();
            return {
              inView: box.top >= header.bottom - 1 && box.bottom <= view.top + grid.clientHeight + 1,
              top: Math.round(box.top),
              scrollTop: grid.scrollTop,
            };
          }, sentence);
        const settle = () => page.waitForTimeout(500);
        // A new panel, no editor showing a source of the story: the base's first sentence.
        await panel.send({ type: 'model', model: story, state: {} });
        await page.waitForSelector(`.cell[data-row="${lacked + 7}"]`);
        await settle();
        mkdirSync(shotDir, { recursive: true });
        await page.screenshot({ path: join(shotDir, 'compare-webview-opens-at-base.png') });
        assert.equal((await seen(0)).inView, true, 'the base’s first sentence is in view');
        // The reader scrolls back to the top; a new analysis of the same base (an edit) leaves the grid there.
        await page.mouse.move(100, 300);
        await page.mouse.wheel(0, -5000);
        await settle();
        assert.equal((await seen(0)).scrollTop, 0);
        await panel.send({ type: 'model', model: { ...story, generation: 2 }, state: {} });
        await panel.send({ type: 'highlight', source: 0, sentence: 6, markOnly: true });
        await settle();
        assert.deepEqual(
          { ...(await seen(6)), top: undefined },
          { inView: false, top: undefined, scrollTop: 0 },
          'a later model of the same base keeps the reader’s scroll',
        );
        // Another base (its story's files elsewhere), the editor's cursor on its seventh sentence: its row.
        const other: ComparisonModel = {
          ...story,
          generation: 3,
          sources: story.sources.map((s, i) => ({ ...s, name: `t${i}.txt`, path: `file:///t${i}.txt` })),
        };
        await panel.send({ type: 'model', model: other, state: {} });
        await panel.send({ type: 'highlight', source: 0, sentence: 6, markOnly: true });
        await settle();
        await page.screenshot({ path: join(shotDir, 'compare-webview-opens-at-cursor.png') });
        assert.equal((await seen(6)).inView, true, 'the cursor’s row is in view');
        assert.equal(
          await page.evaluate(() => document.querySelector<HTMLElement>('.row.current')?.dataset.row),
          String(lacked + 6),
          'and marked',
        );
        // The reader scrolls up a little; the next model of that base keeps the rows where they stand.
        await page.mouse.wheel(0, -120);
        await settle();
        const kept = await seen(6);
        await panel.send({ type: 'model', model: { ...other, generation: 4 }, state: {} });
        await panel.send({ type: 'highlight', source: 0, sentence: 2, markOnly: true });
        await settle();
        const now = await seen(6);
        assert.ok(Math.abs(now.top - kept.top) <= 1, `the cursor row of the last model stands where it stood: ${now.top}, was ${kept.top}`);
      },
      { width: 420, height: 600 },
    );
  });

  it('shows each column’s whole name in its header, on two lines where the column is narrow, so dated names that differ in their middle tell apart', async () => {
    const sites = ['trtworld', 'attracttour', 'ndtv', 'onlanka'];
    const named = everySourceModel(sites.length, ['The president left the country on a military plane.']);
    const story: ComparisonModel = {
      ...named,
      sources: named.sources.map((s, i) => ({ ...s, name: `2022-07-13_${sites[i]}-dot-com_sri-lanka-flees.txt` })),
    };
    await withPanel(
      async panel => {
        const { page } = panel;
        await panel.send({ type: 'model', model: story, state: {} });
        await page.waitForSelector('.cell[data-row="0"]');
        const heads = await page.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLElement>('.cell.head .name')).map(name => ({
            text: name.textContent,
            cut: name.scrollWidth > name.clientWidth + 1 || name.scrollHeight > name.clientHeight + 1,
            lines: Math.round(name.getBoundingClientRect().height / parseFloat(getComputedStyle(name).lineHeight)),
          })),
        );
        assert.equal(heads.length, sites.length);
        for (const head of heads) {
          assert.ok(!head.cut, `${head.text} is shown whole`);
          assert.ok(head.lines <= 2, `${head.text} takes ${head.lines} lines`);
        }
        mkdirSync(shotDir, { recursive: true });
        await page.screenshot({ path: join(shotDir, 'compare-webview-long-column-names.png') });
      },
      { width: 546, height: 600 },
    );
  });
});
