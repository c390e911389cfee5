import * as assert from 'node:assert/strict';
import { URI } from 'vscode-uri';
import { KeyedDebouncer } from '../../src/debounce';
import { sentenceAt, sentenceAtOrAfter } from '../../src/sentenceAt';
import { exportedNotice } from '../../src/exportNotice';
import { storyPickItem } from '../../src/exportStoryPick';
import { storiesListing } from '../../src/export/stories';
import { CorpusAnalysis } from '../../src/core';
import { nameBreakPieces, sourceName } from '../../src/sourceName';
import { seededRandom } from '../support/random';
import { ALONE_TOOLTIP, statusText, statusTooltip } from '../../src/statusTooltip';

async function until(what: string, condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 5));
  }
}

describe('source names', () => {
  it('shows a file name with a percent sign, an encoded-looking sequence or a space exactly as it is on disk', () => {
    for (const name of ['100%.txt', 'a%20b.txt', '50% off – ümlaut.txt', 'plain.txt', '%E2%82%AC.txt']) {
      const uri = URI.file(`/workspace/stories/${name}`);
      assert.equal(sourceName(uri), name);
      assert.equal(sourceName(URI.parse(uri.toString())), name, `after a round trip through the URI string: ${uri.toString()}`);
    }
  });

  it('lets a long name break after its underscores and before its extension, and nowhere else', () => {
    assert.deepEqual(nameBreakPieces('000_2e221a3ec277473a.txt'), ['000_', '2e221a3ec277473a', '.txt']);
    assert.deepEqual(nameBreakPieces('a__b.txt'), ['a_', '_', 'b', '.txt']);
    assert.deepEqual(nameBreakPieces('name_'), ['name_']);
    assert.deepEqual(nameBreakPieces('.gitignore'), ['.gitignore']);
    assert.deepEqual(nameBreakPieces('2022-07-13 report.v2.txt'), ['2022-07-13 report.v2', '.txt']);
  });

  it('falls back to the whole URI when the path has no file name', () => {
    const uri = URI.from({ scheme: 'untitled', path: '' });
    assert.equal(sourceName(uri), uri.toString());
  });
});

describe("the status bar item's tooltip", () => {
  it('says that a file alone in its story has nothing to compare it with, rather than "1 sources compared"', () => {
    assert.equal(statusTooltip(1), ALONE_TOOLTIP);
    assert.doesNotMatch(statusTooltip(1), /\b1 sources\b/);
  });

  it('counts the sources of a story of several, and adds the notice of limits hit', () => {
    assert.equal(statusTooltip(5), '5 sources compared. Click to compare them side by side.');
    assert.equal(statusTooltip(2, '300 sources found'), '2 sources compared. Click to compare them side by side.\n\n300 sources found');
  });

  it("says in full what the item's short text counts", () => {
    const counts = { sentences: 16, shared: 15, boilerplateLines: 1, sources: 5 };
    assert.equal(
      statusTooltip(5, undefined, counts),
      '15 of 16 sentences shared with other sources · 1 boilerplate line.\n\n5 sources compared. Click to compare them side by side.',
    );
    assert.equal(statusTooltip(1, undefined, { ...counts, shared: 0, sources: 1 }), `1 boilerplate line.\n\n${ALONE_TOOLTIP}`);
  });
});

describe("the status bar item's text", () => {
  it('counts shared sentences and boilerplate lines in a few words, which a narrow status bar does not cut off', () => {
    assert.equal(statusText({ sentences: 16, shared: 15, boilerplateLines: 29, sources: 5 }), 'Synoptic: 15/16 shared · 29 boilerplate');
    assert.equal(statusText({ sentences: 16, shared: 0, boilerplateLines: 29, sources: 1 }), 'Synoptic: a story of one · 29 boilerplate');
  });
});

describe('the notice of an export', () => {
  it('counts one source as one source, and several as sources', () => {
    assert.equal(exportedNotice(1, 'pages/pages-comparison.html'), 'Exported 1 source to pages/pages-comparison.html.');
    assert.equal(exportedNotice(5, 'seeds/seeds-comparison.csv'), 'Exported 5 sources to seeds/seeds-comparison.csv.');
  });
});

describe('the story picker of an export', () => {
  const stories = [
    { title: 'Harbour bridge reopens', sources: [0, 1] },
    { title: '', sources: [2] },
  ];
  it('calls a story without a title as the CLI lists it, and says which is the active file’s', () => {
    assert.deepEqual(
      stories.map((_, i) => storyPickItem(stories, i, 1)),
      [
        { story: 0, label: 'Harbour bridge reopens', description: '2 sources' },
        { story: 1, label: '(no title)', description: '1 source · the active file’s story' },
      ],
    );
    const analysis = { sources: [], groups: [], stories } as unknown as CorpusAnalysis;
    const listed = storiesListing(analysis, ['a.txt', 'b.txt', 'c.txt']).split('\n')[1].split('\t')[2];
    assert.equal(storyPickItem(stories, 1, undefined).label, listed);
  });
});

describe('the sentence at an offset', () => {
  const sentences = [
    { start: 0, end: 10 },
    { start: 12, end: 20 },
    { start: 25, end: 40 },
  ];
  it('finds the sentence whose span holds the offset, ends included, and -1 between and beyond them', () => {
    const expected: Record<number, number> = { 0: 0, 5: 0, 10: 0, 11: -1, 12: 1, 20: 1, 22: -1, 25: 2, 40: 2, 41: -1 };
    for (const [offset, index] of Object.entries(expected)) assert.equal(sentenceAt(sentences, Number(offset)), index, `offset ${offset}`);
    assert.equal(sentenceAt([], 3), -1);
  });

  it('takes, off every sentence, the next one in reading order, or the last past the end', () => {
    const expected: Record<number, number> = { 0: 0, 10: 0, 11: 1, 12: 1, 21: 2, 24: 2, 40: 2, 41: 2, 99: 2 };
    for (const [offset, index] of Object.entries(expected))
      assert.equal(sentenceAtOrAfter(sentences, Number(offset)), index, `offset ${offset}`);
    assert.equal(sentenceAtOrAfter([], 3), -1);
  });

  it('agrees with a walk over the sentences on seeded random spans', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 200; round++) {
      const spans: { start: number; end: number }[] = [];
      for (let at = Math.floor(random() * 5), n = Math.floor(random() * 8); spans.length < n;) {
        const end = at + Math.floor(random() * 6);
        spans.push({ start: at, end });
        at = end + 1 + Math.floor(random() * 4);
      }
      for (let offset = 0; offset < 60; offset++) {
        const containing = spans.findIndex(s => s.start <= offset && offset <= s.end);
        const next = spans.findIndex(s => s.start > offset);
        const walked = containing >= 0 ? containing : next >= 0 ? next : spans.length - 1;
        assert.equal(sentenceAtOrAfter(spans, offset), walked, `round ${round}, offset ${offset}`);
        assert.equal(sentenceAt(spans, offset), containing, `round ${round}, offset ${offset}`);
      }
    }
  });
});

describe('debouncing work per key', () => {
  it('runs only the last of a burst of requests for one key, and each key on its own', async () => {
    const debouncer = new KeyedDebouncer<string>();
    const runs: string[] = [];
    for (let i = 0; i < 5; i++) debouncer.schedule('a', 20, () => runs.push(`a${i}`));
    debouncer.schedule('b', 20, () => runs.push('b'));
    assert.ok(debouncer.isWaiting('a') && debouncer.isWaiting('b'));
    await until('both keys to run', () => runs.length >= 2);
    await new Promise(r => setTimeout(r, 40));
    assert.deepEqual(runs.sort(), ['a4', 'b']);
    assert.ok(!debouncer.isWaiting('a'));
  });

  it('drops waiting work when disposed', async () => {
    const debouncer = new KeyedDebouncer<string>();
    let ran = false;
    debouncer.schedule('a', 10, () => (ran = true));
    debouncer.dispose();
    await new Promise(r => setTimeout(r, 40));
    assert.equal(ran, false);
  });
});
