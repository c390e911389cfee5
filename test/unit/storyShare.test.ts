import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CorpusAnalysis,
  SourceInput,
  StoryShare,
  StoryShareRunner,
  createAnalyzer,
  prepareSource,
  storyFormsFor,
  storyShareWork,
  toExportFormat1,
} from '../../src/core';
import {
  packPrepared,
  packStoryAnalysis,
  packStoryForms,
  unpackPrepared,
  unpackStoryAnalysis,
  unpackStoryForms,
} from '../../src/node/preparedTransfer';
import { threadCount } from '../../src/node/parallelPrepare';
import { contentTermKeys, contentTerms, numberedTerms } from '../../src/core/terms';
import { splitStories } from '../../src/core/storyShare';
import { seedInputs } from '../support/fixtures';
import { pick, seededRandom } from '../support/random';
import { HARBOUR, LIBRARY, SITES, page, rewrite } from '../support/storyPages';

const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

const ORCHARD = [
  'Late frost damages apple orchards in the hills',
  'Growers in the hill villages said on Monday that a late frost had destroyed much of the blossom on their apple trees.',
  'Temperatures fell to four degrees below freezing for two nights, weeks after the trees had started to flower.',
  'Some farmers lit small fires between the rows and sprayed water on the branches to protect the buds from the cold.',
  'The regional farming office estimates that the harvest could be less than half of last year in the worst hit valleys.',
  'Cider makers warned that prices would rise in the autumn if they had to buy fruit from other regions.',
  'An agronomist at the university said spring frosts after warm winters were becoming more common in the area.',
  'The government will decide next week whether the damage qualifies for emergency support from the disaster fund.',
];

/** Three stories on two sites, some pages teasing another story, the seeds (a fourth story), and a note alone. */
function storiesCorpus(): SourceInput[] {
  const random = seededRandom(14);
  const articles = [HARBOUR, LIBRARY, ORCHARD];
  const pages: SourceInput[] = [];
  for (let i = 0; i < 12; i++) {
    const story = i % articles.length;
    const article = i % 2 ? rewrite(articles[story]) : articles[story];
    const teased =
      random() < 0.3
        ? [
            pick(
              random,
              articles.filter((_, k) => k !== story),
            ),
          ]
        : [];
    pages.push({ id: `page-${i}.txt`, text: page(SITES[i % SITES.length], article, teased) });
  }
  return [...pages, ...seedInputs(), { id: 'alone.txt', text: 'A note to self: the valley was quiet today.' }];
}

/** Runs each share in this thread, as a worker would: the share and the results packed and copied as messages carry them. */
function inProcessRunner(): StoryShareRunner {
  let work: ReturnType<typeof storyShareWork> | undefined;
  let sent: StoryShare | undefined;
  let received: StoryShare | undefined;
  return {
    begin: async (share: StoryShare) => {
      sent = share;
      const packed = structuredClone({
        ...share,
        tasks: share.tasks.map(task => ({ ...task, prepared: task.prepared.map(packPrepared) })),
      });
      received = {
        ...packed,
        tasks: packed.tasks.map(task => ({ ...task, prepared: task.prepared.map((p, i) => unpackPrepared(p, task.inputs[i].text)) })),
      };
      work = storyShareWork(received);
      return structuredClone(work.begin());
    },
    finish: async termIds => {
      const parts = work!.finish(structuredClone(termIds)).map((part, t) => packStoryAnalysis(part, received!.tasks[t].prepared));
      return structuredClone(parts).map((part, t) => unpackStoryAnalysis(part, sent!.tasks[t].prepared));
    },
  };
}

const oneShot = () => createAnalyzer({}, { expectEdits: false });

describe('Stories shared among threads', () => {
  it("numbers a sentence's term keys, added to a vocabulary in order, as the content terms number them", () => {
    const stopwords = prepareSource(seedInputs()[0].text).profile;
    const byTerms = new Map<string, number>();
    const byKeys = new Map<string, number>();
    for (const input of seedInputs()) {
      for (const sentence of prepareSource(input.text).sentences) {
        const expected = contentTerms(sentence.text, stopwords, byTerms);
        const { keys, salient } = contentTermKeys(sentence.text, stopwords);
        const found = numberedTerms(keys, salient, key => {
          if (!byKeys.has(key)) byKeys.set(key, byKeys.size);
          return byKeys.get(key)!;
        });
        assert.deepEqual(found, expected, sentence.text);
      }
    }
    assert.deepEqual([...byKeys], [...byTerms]);
  });

  it('gives back a prepared source and its story forms packed for another thread as they were, lone CRs and sentence texts of their own included', () => {
    const texts = [...seedInputs().map(input => input.text), 'First line.\rSecond line, after a lone CR.\r\nThird line.', ''];
    for (const text of texts) {
      const prepared = prepareSource(text);
      assert.deepEqual(unpackPrepared(structuredClone(packPrepared(prepared)), text), prepared);
    }
    for (const text of texts) {
      const prepared = prepareSource(text);
      const forms = storyFormsFor(prepared);
      assert.deepEqual(unpackStoryForms(structuredClone(packStoryForms(forms, prepared)), prepared), forms);
    }
    const prepared = prepareSource(texts[0]);
    const changed = { ...prepared, sentences: prepared.sentences.map((s, i) => (i === 2 ? { ...s, text: s.text.toUpperCase() } : s)) };
    const packed = packPrepared(changed);
    assert.equal(packed.otherTexts.size, 1);
    assert.deepEqual(unpackPrepared(structuredClone(packed), texts[0]), changed);
  });

  it('analyses on one thread below 1 MB, and on a machine of two cores below 16 MB, else on one per core up to 4', () => {
    assert.equal(threadCount(999_999, 100, 8), 1);
    assert.equal(threadCount(1_000_000, 100, 8), 4);
    assert.equal(threadCount(1_000_000, 3, 8), 3);
    assert.equal(threadCount(15_999_999, 100, 2), 1);
    assert.equal(threadCount(16_000_000, 100, 2), 2);
    assert.equal(threadCount(50_000_000, 100, 1), 1);
  });

  it('splits stories into shares of about equal work, each story in exactly one share, the same every time', () => {
    const random = seededRandom(3);
    const stories = Array.from({ length: 40 }, (_, k) => Array.from({ length: 1 + Math.floor(random() * 8) }, (_, i) => k * 10 + i));
    const sentences = (source: number) => (source * 7919) % 50;
    const shares = splitStories(stories, sentences, 3);
    assert.deepEqual(splitStories(stories, sentences, 3), shares);
    assert.deepEqual(
      shares.flat().sort((x, y) => x - y),
      stories.map((_, k) => k),
    );
    const work = shares.map(share => share.reduce((n, k) => n + stories[k].reduce((m, s) => m + sentences(s) + 1, 0), 0));
    const largest = Math.max(...stories.map(sources => sources.reduce((m, s) => m + sentences(s) + 1, 0)));
    assert.ok(Math.max(...work) - Math.min(...work) <= largest, `shares' work ${work.join(', ')}`);
  });

  it('gives the same analysis whether a corpus of several stories is analysed in one thread or shared among 2, 3 or 4', async () => {
    const inputs = storiesCorpus();
    const alone = oneShot().analyze(inputs);
    assert.ok(alone.stories.length >= 4, `${alone.stories.length} stories`);
    assert.ok(
      alone.groups.some(g => g.members.some(m => m.changes?.length)),
      'some changed facts',
    );
    assert.ok(alone.stories.some(s => s.origin));
    for (const runners of [1, 2, 3]) {
      const shared: CorpusAnalysis = await oneShot().analyzeSharing(
        inputs,
        Array.from({ length: runners }, () => inProcessRunner()),
      );
      assert.deepEqual(shared, alone, `${runners + 1} shares`);
    }
  });

  it('exports the same from the command line, where a large corpus is shared with a worker thread, as analysed in one thread', function () {
    this.timeout(120_000);
    const inputs = storiesCorpus();
    // Past the size at which the command line prepares and analyses on two threads.
    const list = Array.from({ length: 40_000 }, (_, i) => `  • Catalogue entry ${i} of the archive`).join('\n');
    inputs.push({ id: 'catalogue.txt', text: list });
    assert.ok(inputs.reduce((n, input) => n + input.text.length, 0) > 1_000_000);
    const dir = mkdtempSync(join(tmpdir(), 'synoptic-shares-'));
    try {
      const paths = inputs.map(input => join(dir, input.id.replace(/\//g, '_')));
      inputs.forEach((input, i) => writeFileSync(paths[i], input.text));
      const result = spawnSync(process.execPath, [cli, 'analyze', '--format', 'json', '--threads', '2', ...paths], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      assert.equal(result.status, 0, result.stderr);
      const alone = oneShot().analyze(inputs.map((input, i) => ({ id: paths[i], text: input.text })));
      assert.equal(result.stdout, JSON.stringify(toExportFormat1(alone, paths)) + '\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
