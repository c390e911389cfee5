/**
 * The HTML export in a real browser (headless Chromium through playwright-core, where the
 * offline VS Code host set it up): the page loads nothing, runs nothing, applies its own style
 * sheet under its policy, and shows the hostile text as text. Screenshots for a person to look
 * at land in test-results/screenshots/.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toHtml } from '../../src/export/html';
import { SourceInput, createAnalyzer } from '../../src/core';
import { seedInputs } from '../support/fixtures';
import { PLANTED, analyzedHostileCorpus } from '../support/hostile';
import { bridgeStory } from '../support/stories';
import { ChromiumLauncher, SCREENSHOT_DIR, chromiumLauncher, launchHeadless } from '../support/chromium';

const shotDir = SCREENSHOT_DIR;

describe('HTML export in Chromium', function () {
  this.timeout(60_000);
  let chromium: ChromiumLauncher;
  let dir: string;
  before(function () {
    const launcher = chromiumLauncher();
    if (!launcher) this.skip();
    chromium = launcher;
    dir = mkdtempSync(join(tmpdir(), 'synoptic-html-'));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  /** Runs `use` on a page of a fresh headless browser, `width` pixels wide, closed afterwards. */
  async function withPage(use: (page: any) => Promise<void>, width = 1440): Promise<void> {
    const browser = await launchHeadless(chromium);
    try {
      await use(await (await browser.newContext({ viewport: { width, height: 900 } })).newPage());
    } finally {
      await browser.close();
    }
  }

  /** The HTML export of `inputs` written to `name` in the test folder; its path. */
  function exported(name: string, inputs: readonly SourceInput[]): string {
    const analysis = createAnalyzer({}, { expectEdits: false }).analyze(inputs);
    const file = join(dir, name);
    writeFileSync(file, toHtml({ analysis, paths: inputs.map(i => i.id.split('/').pop()!), texts: inputs.map(i => i.text) }));
    return file;
  }

  it('loads no resource, runs no script, applies its style under the policy and shows the planted markup as text', async () => {
    const { input } = analyzedHostileCorpus();
    const file = join(dir, 'export.html');
    writeFileSync(file, toHtml(input));
    await withPage(async page => {
      const requests: string[] = [];
      const messages: string[] = [];
      page.on('request', (r: { url(): string }) => requests.push(r.url()));
      page.on('console', (m: { text(): string }) => messages.push(m.text()));
      page.on('pageerror', (e: Error) => messages.push(`error: ${e.message}`));
      await page.goto(pathToFileURL(file).href);
      const facts = await page.evaluate(() => ({
        images: document.images.length,
        scripts: document.scripts.length,
        dialogs: (window as unknown as { alerted?: boolean }).alerted === true,
        text: document.body.innerText,
        borderCollapse: getComputedStyle(document.querySelector('table')!).borderCollapse,
        inserted: document.querySelectorAll('ins').length,
        rows: document.querySelectorAll('tbody tr').length,
      }));
      assert.deepEqual(requests, [pathToFileURL(file).href], 'only the page itself is requested');
      assert.deepEqual(
        messages.filter(m => /Refused|error/i.test(m)),
        [],
        'no policy violation, no script error',
      );
      assert.equal(facts.images, 0);
      assert.equal(facts.scripts, 0);
      assert.equal(facts.borderCollapse, 'collapse', 'the style sheet applies: its hash is in the policy');
      assert.ok(facts.inserted > 0);
      for (const planted of PLANTED) assert.ok(facts.text.replace(/\s+/g, ' ').includes(planted), planted);
      mkdirSync(shotDir, { recursive: true });
      await page.screenshot({ path: join(shotDir, 'export-html.png'), fullPage: false });
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('thead')!).display), 'table-header-group');
      await page.screenshot({ path: join(shotDir, 'export-html-print.png'), fullPage: false });
    });
  });

  it('sets struck whole words apart from the words put in their place, not a part of a word, and leaves other marks where they stand', async () => {
    const file = exported('seeds.html', seedInputs());
    await withPage(async page => {
      await page.goto(pathToFileURL(file).href);
      const marks = await page.evaluate(() =>
        Array.from(document.querySelectorAll('ins')).map(ins => {
          const del = ins.previousElementSibling;
          const before = ins.previousSibling;
          // A mark broken over lines has a box per line: the struck words' last and the added words' first.
          const d = del ? Array.from(del.getClientRects()).pop() : undefined;
          const i = ins.getClientRects()[0];
          return {
            replacing: ins.classList.contains('replacing'),
            afterDel: del?.nodeName === 'DEL' && before?.nodeType === 3 && before.textContent === ' ' && before.previousSibling === del,
            // What stands right before the struck words: inside a word, no space sets the added ones apart.
            insideWord:
              /[\p{L}\p{N}-]$/u.test(del?.previousSibling?.textContent ?? '') ||
              /^[\p{L}\p{N}\-‐'’]/u.test(ins.nextSibling?.textContent ?? ''),
            gap: d && Math.abs(d.bottom - i.bottom) < 2 ? i.left - d.right : undefined,
            // Struck words that end with a space hold the gap themselves (the space after them collapses into it).
            delEndsWithSpace: /\s$/.test(del?.textContent ?? ''),
            copied: (ins.parentElement as HTMLElement).innerText.replace(/\s+/g, ' '),
            words: `${del?.textContent ?? ''} ${ins.textContent ?? ''}`.replace(/\s+/g, ' '),
            margin: parseFloat(getComputedStyle(ins).marginLeft),
          };
        }),
      );
      const replacing = marks.filter((m: { replacing: boolean }) => m.replacing);
      assert.ok(replacing.length > 0 && replacing.length < marks.length, 'the seeds have both');
      assert.ok(replacing.some((m: { afterDel: boolean }) => m.afterDel) && replacing.some((m: { insideWord: boolean }) => m.insideWord));
      for (const m of replacing) {
        assert.equal(m.afterDel, !m.insideWord, `a space right after struck whole words, none inside a word: "${m.words}"`);
        if (!m.afterDel) continue;
        if (m.gap !== undefined) assert.ok(m.gap > 0 || m.delEndsWithSpace, `apart on the line: "${m.words}"`);
        assert.ok(m.copied.includes(m.words), `copied text reads "${m.words}"`);
      }
      assert.ok(
        marks.every((m: { margin: number }) => m.margin === 0),
        'no mark is set apart by a margin',
      );
    });
  });

  it('shows a folder of two stories as a table of contents and a section per story, the contents linking to each', async () => {
    const file = exported('stories.html', [...seedInputs(), ...bridgeStory()]);
    await withPage(async page => {
      const requests: string[] = [];
      page.on('request', (r: { url(): string }) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href);
      const facts = await page.evaluate(() => ({
        sections: Array.from(document.querySelectorAll('section')).map(s => s.id),
        contents: Array.from(document.querySelectorAll('nav a')).map(a => a.textContent),
        headings: Array.from(document.querySelectorAll('h2')).map(h => h.textContent),
      }));
      assert.deepEqual(facts.sections, ['story-1', 'story-2']);
      assert.equal(facts.contents.length, 2);
      assert.match(facts.headings[1] ?? '', /^2\. Harbour bridge reopens/);
      mkdirSync(shotDir, { recursive: true });
      await page.screenshot({ path: join(shotDir, 'export-html-stories.png'), fullPage: false });
      await page.click('nav a[href="#story-2"]');
      await page.waitForFunction(() => location.hash === '#story-2');
      const scrolled = await page.evaluate(() => ({
        top: document.getElementById('story-2')!.getBoundingClientRect().top,
        y: window.scrollY,
        atEnd: window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1,
      }));
      // The last section is short: the page scrolls to its end, with the section in view.
      assert.ok(
        scrolled.y > 0 && (Math.abs(scrolled.top) < 5 || scrolled.atEnd),
        `the link scrolls to the story's section: ${JSON.stringify(scrolled)}`,
      );
      await page.screenshot({ path: join(shotDir, 'export-html-story-2.png'), fullPage: false });
      assert.deepEqual(requests, [pathToFileURL(file).href], 'only the page itself is requested');
    });
  });

  it('lays out a sentence in a script of the other direction than its article’s in its own: its full stop at its end, the sentence at its side of the cell', async () => {
    const english =
      'The city council approved the new budget on Tuesday after a long debate. Officials said the plan would fund schools and roads.\n' +
      'The mayor told reporters the council was proud of the result. Opponents said the tax rise was not needed.\n';
    // The mayor's words, quoted in Arabic in one of two English versions.
    const quoted = 'قال رئيس البلدية للصحفيين إن المجلس فخور بهذه النتيجة.';
    const file = exported('directions.html', [
      { id: 'a.txt', text: `${english}${quoted}\n` },
      { id: 'b.txt', text: english.replace('Tuesday', 'Wednesday') },
    ]);
    await withPage(async page => {
      await page.goto(pathToFileURL(file).href);
      const laidOut = await page.evaluate((quoted: string) => {
        /** Where the first letter of `text`, its last and its full stop stand in the page, and its cell's box. */
        const find = (text: string) => {
          const walker = document.createTreeWalker(document.querySelector('tbody')!, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.textContent !== text) continue;
            const box = (offset: number) => {
              const range = document.createRange();
              range.setStart(node!, offset);
              range.setEnd(node!, offset + 1);
              return range.getBoundingClientRect();
            };
            const cell = (node.parentElement as HTMLElement).closest('td')!;
            const padding = parseFloat(getComputedStyle(cell).paddingRight);
            return {
              direction: getComputedStyle(node.parentElement!).direction,
              first: box(0),
              last: box(text.length - 2),
              stop: box(text.length - 1),
              cellRight: cell.getBoundingClientRect().right - padding - parseFloat(getComputedStyle(cell).borderRightWidth),
              cellLeft: cell.getBoundingClientRect().left + parseFloat(getComputedStyle(cell).paddingLeft),
            };
          }
          return undefined;
        };
        const arabic = find(quoted)!;
        // An English sentence of the same column, for the other direction.
        const english = find('Opponents said the tax rise was not needed.')!;
        return {
          arabic: {
            direction: arabic.direction,
            // Right to left: the full stop left of the last letter, the first letter at the cell's right.
            stopAtEnd: arabic.stop.right <= arabic.last.left + 0.5,
            atCellRight: Math.abs(arabic.first.right - arabic.cellRight) < 2,
          },
          english: {
            direction: english.direction,
            stopAtEnd: english.stop.left >= english.last.right - 0.5,
            atCellLeft: Math.abs(english.first.left - english.cellLeft) < 2,
          },
        };
      }, quoted);
      assert.deepEqual(laidOut, {
        arabic: { direction: 'rtl', stopAtEnd: true, atCellRight: true },
        english: { direction: 'ltr', stopAtEnd: true, atCellLeft: true },
      });
      mkdirSync(shotDir, { recursive: true });
      await page.screenshot({ path: join(shotDir, 'export-html-directions.png'), fullPage: true });
    }, 900);
  });

  it('keeps each column of five sources a few words wide in a narrow window, scrolling sideways, and shares a wide one equally', async () => {
    const file = exported('narrow.html', seedInputs());
    /** The widths of the source columns, the table's and the window's, in CSS pixels. */
    const measure = (page: any) =>
      page.evaluate(() => ({
        columns: Array.from(document.querySelectorAll('thead th:not(.row)')).map(th => th.getBoundingClientRect().width),
        rowColumn: document.querySelector('thead th.row')!.getBoundingClientRect().width,
        table: document.querySelector('table')!.getBoundingClientRect().width,
        body: document.body.getBoundingClientRect().width,
        rem: parseFloat(getComputedStyle(document.documentElement).fontSize),
      }));
    await withPage(async page => {
      await page.goto(pathToFileURL(file).href);
      const narrow = await measure(page);
      assert.equal(narrow.columns.length, 5);
      for (const width of narrow.columns) assert.ok(width >= 12 * narrow.rem, `a column ${width}px wide in a window 480px wide`);
      assert.ok(narrow.table > narrow.body, 'the table runs past the window, which scrolls sideways');
      mkdirSync(shotDir, { recursive: true });
      await page.screenshot({ path: join(shotDir, 'export-html-narrow.png'), fullPage: false });
      await page.emulateMedia({ media: 'print' });
      const printed = await measure(page);
      assert.ok(printed.table <= printed.body + 1, 'on paper the table keeps to the page');
    }, 480);
    await withPage(async page => {
      await page.goto(pathToFileURL(file).href);
      const wide = await measure(page);
      assert.ok(Math.abs(wide.table - wide.body) < 1, 'the table fills a wide window');
      assert.ok(Math.max(...wide.columns) - Math.min(...wide.columns) < 1, `equal columns: ${wide.columns}`);
      assert.ok(wide.rowColumn < 8 * wide.rem, 'the row numbers keep their narrow column');
    });
  });
});
