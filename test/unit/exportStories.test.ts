import { DOMParser } from '@xmldom/xmldom';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import * as parse5 from 'parse5';
import { createAnalyzer } from '../../src/core';
import { toCollatex } from '../../src/export/collatex';
import { storyList } from '../../src/export/table';
import type { CorpusAnalysis } from '../../src/core';
import { toCsv } from '../../src/export/csv';
import { toHtml } from '../../src/export/html';
import { toPassim } from '../../src/export/passim';
import { isStoriesListing, storiesListing, storiesOf } from '../../src/export/stories';
import { isOwnOutput } from '../../src/export/ownOutput';
import { textReport } from '../../src/export/textReport';
import { SeveralStories, exportTable } from '../../src/export/table';
import { TEI_NAMESPACE, toTei } from '../../src/export/tei';
import { seedInputs } from '../support/fixtures';
import { bridgeStory } from '../support/stories';

const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

describe('exports of a folder of several stories, without --story', () => {
  const inputs = [...seedInputs(), ...bridgeStory()];
  const analysis = createAnalyzer().analyze(inputs);
  const input = { analysis, paths: inputs.map(i => i.id), texts: inputs.map(i => i.text) };
  const stories = storiesOf(analysis);

  it('is a corpus of two stories', () => {
    assert.equal(stories.length, 2);
    assert.deepEqual(stories[1].sources, [5, 6]);
  });

  it('CSV: one table of every story, a story column first, each row filling its own story’s columns', () => {
    const records: string[][] = parseCsv(toCsv(input));
    const names = stories.flatMap(s => s.sources.map(i => input.paths[i]));
    assert.deepEqual(records[0], ['story', 'kind', 'statement', 'sources', 'similarity', ...names]);
    const byStory = stories.map((_, k) => records.slice(1).filter(r => r[0] === String(k + 1)));
    stories.forEach((story, k) => {
      const table = exportTable(input, { story: k, repeatsOnce: true });
      assert.equal(byStory[k].length, table.rows.length, `story ${k + 1} has all its rows`);
      const first = 5 + stories.slice(0, k).reduce((n, s) => n + s.sources.length, 0);
      for (const [i, record] of byStory[k].entries()) {
        assert.deepEqual(
          record.slice(first, first + story.sources.length),
          table.rows[i].cells.map(c => c?.text ?? ''),
        );
        assert.ok(
          record.slice(5).every((cell, c) => cell === '' || (c + 5 >= first && c + 5 < first + story.sources.length)),
          'no cell in another story’s column',
        );
      }
    });
    assert.equal(records.length, 1 + byStory.flat().length);
    assert.ok(!toCsv(input, { story: 1 }).startsWith('story,'), 'one story keeps the columns of one');
  });

  it('HTML: a table of contents and one section per story, each with its title and its sources', () => {
    const html = toHtml(input);
    const document = parse5.parse(html);
    const text = (node: any): string => (node.value ?? '') + (node.childNodes ?? []).map(text).join('');
    const all = (node: any, tag: string): any[] => [
      ...(node.tagName === tag ? [node] : []),
      ...(node.childNodes ?? []).flatMap((c: any) => all(c, tag)),
    ];
    const sections = all(document, 'section');
    assert.deepEqual(
      sections.map(s => s.attrs.find((a: any) => a.name === 'id').value),
      ['story-1', 'story-2'],
    );
    const links = all(document, 'nav').flatMap(n => all(n, 'a'));
    assert.deepEqual(
      links.map(a => a.attrs[0].value),
      ['#story-1', '#story-2'],
    );
    assert.equal(text(links[1]), stories[1].title);
    assert.equal(all(sections[1], 'th').length, 1 + stories[1].sources.length);
    assert.match(text(all(sections[1], 'h2')[0]), /^2\. Harbour bridge reopens/);
    assert.equal(text(all(document, 'h1')[0]), '2 stories');
    assert.ok(!toHtml(input, { story: 0 }).includes('<section'), 'one story: one table, no sections');
  });

  it('TEI: one div per story, the witnesses of every story listed, readings pointing to their own story’s witnesses', () => {
    const xml = toTei(input);
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(
      xml,
      'text/xml',
    );
    assert.deepEqual(errors, []);
    const witnesses = Array.from(doc.getElementsByTagNameNS(TEI_NAMESPACE, 'witness')).map(w => w.getAttribute('xml:id'));
    assert.equal(witnesses.length, inputs.length);
    const divs = Array.from(doc.getElementsByTagNameNS(TEI_NAMESPACE, 'div'));
    assert.deepEqual(
      divs.map(d => [d.getAttribute('type'), d.getAttribute('n')]),
      [
        ['story', '1'],
        ['story', '2'],
      ],
    );
    const ownSigla = (k: number) => {
      const first = stories.slice(0, k).reduce((n, s) => n + s.sources.length, 0);
      return new Set(stories[k].sources.map((_, i) => `#w${first + i + 1}`));
    };
    divs.forEach((div, k) => {
      for (const rdg of Array.from(div.getElementsByTagNameNS(TEI_NAMESPACE, 'rdg')))
        for (const wit of rdg.getAttribute('wit')!.split(' ')) assert.ok(ownSigla(k).has(wit), `${wit} in story ${k + 1}`);
      // No text stands bare in a story's paragraph: it would be read by the other story's witnesses too.
      for (const p of Array.from(div.getElementsByTagNameNS(TEI_NAMESPACE, 'p')))
        for (const node of Array.from(p.childNodes))
          if (node.nodeType === 3) assert.equal(node.nodeValue!.trim(), '', `bare text in story ${k + 1}`);
    });
    // A story's text that all its sources read alike is one reading of all its witnesses.
    const shared = divs.flatMap((div, k) =>
      Array.from(div.getElementsByTagNameNS(TEI_NAMESPACE, 'rdg')).filter(
        r => r.getAttribute('wit')!.split(' ').length === stories[k].sources.length,
      ),
    );
    assert.ok(shared.length > 0, 'a story has text all its sources read alike');
  });

  it('CollateX: refuses, listing the stories and asking for one; passim: every source', () => {
    assert.throws(
      () => toCollatex(input),
      (e: Error) =>
        e instanceof SeveralStories &&
        /choose one with --story N \(1 ".+" \(5 sources\); 2 "Harbour bridge reopens.*" \(2 sources\)\), or take them all for one story with --one-story$/.test(
          e.message,
        ),
    );
    assert.equal(toCollatex(input, { story: 1 }).witnesses.length, 2);
    assert.equal(toPassim(input).trimEnd().split('\n').length, inputs.length);
  });

  it("numbers each story's statement rows by the analysis's own groups, whose sources are the row's filled columns", () => {
    let rows = 0;
    stories.forEach((story, k) => {
      const table = exportTable(input, { story: k });
      for (const row of table.rows) {
        if (row.group < 0) continue;
        rows++;
        const members = new Set(analysis.groups[row.group].members.map(m => m.source));
        const filled = table.columns.filter((_, c) => row.cells[c] !== undefined);
        assert.deepEqual(
          filled,
          [...members].filter(s => story.sources.includes(s)).sort((x, y) => x - y),
          `story ${k + 1}, group ${row.group}`,
        );
      }
    });
    assert.ok(rows > 10);
    assert.ok(
      exportTable(input, { story: 1 }).rows.some(r => r.group > 0),
      'the second story’s groups are numbered after some of the first’s',
    );
  });

  it('lays out each story of a corpus alone: every story exported reads each group a few times, not once per story', () => {
    // Twelve stories of two versions each, that share no word (each story's letter ends every word).
    const versions = Array.from({ length: 12 }, (_, k) =>
      bridgeStory().map(i => ({ id: `story${k}/${i.id}`, text: i.text.replace(/\p{L}+/gu, w => w + 'abcdefghijkl'[k]) })),
    ).flat();
    const many = createAnalyzer().analyze(versions);
    assert.equal(storiesOf(many).length, 12);
    let reads = 0;
    const groups = new Proxy(many.groups, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const counted = { ...many, groups };
    const paths = versions.map(v => v.id);
    const csv = toCsv({ analysis: counted, paths });
    assert.ok(reads <= 3 * many.groups.length, `${reads} reads of ${many.groups.length} groups`);
    assert.equal(csv, toCsv({ analysis: many, paths }));
    toHtml({ analysis: { ...many, groups }, paths });
    assert.ok(reads <= 6 * many.groups.length, `${reads} reads of ${many.groups.length} groups`);
  });

  it('lists ten stories in a message and says how many more there are', () => {
    const stories = Array.from({ length: 12 }, (_, i) => ({ title: `Story ${i + 1}`, sources: [i] }));
    const list = storyList({ sources: [], groups: [], stories } as unknown as CorpusAnalysis);
    assert.match(list, /^1 "Story 1" \(1 source\); .*; 10 "Story 10" \(1 source\); 2 more \(`synoptic stories` lists them all\)$/);
    assert.doesNotMatch(list, /Story 11/);
  });

  it('on the command line: CollateX without --story exits 2 with the stories listed in one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'synoptic-two-stories-'));
    try {
      const files = inputs.map((s, i) => {
        const file = join(dir, `${i}.txt`);
        writeFileSync(file, s.text);
        return file;
      });
      const refused = spawnSync(process.execPath, [cli, 'export', '--format', 'collatex', ...files], { encoding: 'utf8' });
      assert.equal(refused.status, 2);
      assert.match(
        refused.stderr,
        /^synoptic: CollateX's table aligns one story and these files hold 2; choose one with --story N \(1 .*; 2 .*\), or take them all for one story with --one-story\n$/,
      );
      const html = spawnSync(process.execPath, [cli, 'export', '--format', 'html', ...files], { encoding: 'utf8' });
      assert.equal(html.status, 0, html.stderr);
      assert.equal(html.stdout.match(/<section id="story-/g)?.length, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints no control character of the versions to the terminal: a tab as a space, the others as U+FFFD', () => {
    // A page dump that retitles the terminal, clears it and breaks the listing's columns.
    const hostile = bridgeStory().map(v => ({
      ...v,
      text: v.text.replace('Harbour bridge', '\u001b]0;PWNED\u0007Harbour\tbridge\u001b[2J'),
    }));
    const hostileAnalysis = createAnalyzer().analyze(hostile);
    const names = hostile.map(v => v.id);
    const listing = storiesListing(hostileAnalysis, names);
    const report = textReport(hostileAnalysis, names);
    for (const printed of [listing, report]) {
      assert.doesNotMatch(printed, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      assert.match(printed, /\ufffd\]0;PWNED\ufffdHarbour bridge\ufffd\[2J/);
    }
    assert.equal(listing.split('\n')[0].split('\t').length, 4, 'number, size, title and origin: no tab of the title');
    assert.ok(isStoriesListing(listing));
  });

  it('lists the stories one line each, and knows a saved listing or report again, but no version', () => {
    const listing = storiesListing(analysis, input.paths);
    const lines = listing.split('\n').slice(0, -1);
    assert.equal(lines.length, 2);
    assert.equal(lines[0].split('\t').slice(0, 3).join('\t'), `1\t5 sources\t${stories[0].title}`);
    assert.match(lines[1], /^2\t2 sources\t.+\torigin: bridge\/(report|reprint)\.txt \(/);
    assert.ok(isStoriesListing(listing) && isOwnOutput(listing));
    assert.ok(isOwnOutput(textReport(analysis, input.paths)));
    assert.ok(!isStoriesListing(lines[1]), 'a listing numbers its stories from 1');
    assert.ok(!isStoriesListing(''));
    assert.ok(!isStoriesListing(`${listing}Notes on the stories above.\n`));
    for (const source of inputs) assert.ok(!isOwnOutput(source.text), source.id);
  });

  it('calls a story without a title "(no title)" in the HTML export and its refusals, and gives it no empty TEI heading', () => {
    const untitled = [...inputs, { id: 'empty.txt', text: '' }];
    const analysed = createAnalyzer().analyze(untitled);
    const all = { analysis: analysed, paths: untitled.map(i => i.id), texts: untitled.map(i => i.text) };
    const lastStory = storiesOf(analysed).length;
    assert.equal(storiesOf(analysed)[lastStory - 1].title, '');
    const html = toHtml(all);
    assert.match(html, new RegExp(`<h2>${lastStory}\\. <bdi lang="en">\\(no title\\)</bdi></h2>`));
    assert.doesNotMatch(html, /Story \d/);
    assert.match(storyList(analysed), new RegExp(`${lastStory} \\(no title\\) \\(1 source\\)`));
    assert.doesNotMatch(toTei(all), /<head><\/head>/);
  });
});
