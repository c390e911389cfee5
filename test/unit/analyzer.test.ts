import * as assert from 'node:assert/strict';
import { SourceInput, createAnalyzer, normalizeForComparison } from '../../src/core';
import { analyzeCorpus } from '../../src/core/analyzer';
import { hashText } from '../../src/core/text';
import type { StorySource } from '../../src/core/storyIndex';
import { seedInputs } from '../support/fixtures';
import { pick, seededRandom } from '../support/random';
import { loadSyntheticStories } from '../support/syntheticStories';
import { HARBOUR, LIBRARY, SITES, page, rewrite } from '../support/storyPages';
import { MERGED_STATEMENT_LINES, mergedStatementVersions, pageOf } from '../support/mergedStatement';

const REPLACEMENTS = ['officials', 'reportedly', 'on Monday', 'several', 'the capital', 'protesters', '2022', 'again'];

/** One version of a seed: some lines dropped, some words replaced, some lines swapped. */
function version(random: () => number, text: string): string {
  const lines = text.split('\n').filter(() => random() > 0.15);
  for (let i = 0; i < lines.length; i++) {
    if (random() < 0.15) {
      const words = lines[i].split(' ');
      words[Math.floor(random() * words.length)] = pick(random, REPLACEMENTS);
      lines[i] = words.join(' ');
    }
    if (i + 1 < lines.length && random() < 0.05) [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
  }
  return lines.join('\n');
}

/** `count` versions of the seeds in turn, named v0, v1, …, drawn by `random`. */
function seedVersions(random: () => number, count: number): SourceInput[] {
  const seeds = seedInputs();
  return Array.from({ length: count }, (_, i) => ({ id: `v${i}`, text: version(random, seeds[i % seeds.length].text) }));
}

/** A sentence that comes back, a little changed, in several edits. */
function typedSentence(random: () => number): string {
  return `The council met ${pick(random, ['three', 'four', 'five'])} times in the spring, ${pick(random, REPLACEMENTS)} said.`;
}

/** One editing step, as a reader's session makes them. */
function edit(random: () => number, inputs: SourceInput[], step: number): SourceInput[] {
  const seeds = seedInputs();
  const at = Math.floor(random() * inputs.length);
  const out = [...inputs];
  switch (Math.floor(random() * 7)) {
    case 0: // a sentence typed into one document (others get near copies of it)
      out[at] = { ...out[at], text: out[at].text.replace('. ', `. ${typedSentence(random)} `) };
      break;
    case 6: // a list of links under the article, one of them a sentence other versions carry
      out[at] = { ...out[at], text: `${out[at].text}\n\nRelated stories\n\n* ${typedSentence(random)}\n* Weather for the weekend ahead\n` };
      break;
    case 1: // a word changed
      out[at] = { ...out[at], text: out[at].text.replace(/\b\w{5,}\b/, pick(random, REPLACEMENTS)) };
      break;
    case 2: // a document removed
      if (out.length > 2) out.splice(at, 1);
      break;
    case 3: // a new version added
      out.push({ id: `added-${step}`, text: version(random, pick(random, seeds).text) });
      break;
    case 4: // a copy of one version
      out.push({ id: `copy-${step}`, text: out[at].text });
      break;
    default: // the same files listed in another order
      out.reverse();
  }
  return out;
}

describe('Analyzer', () => {
  it('gives after every edit of a session exactly what a fresh analysis of the corpus gives', function () {
    this.timeout(120_000);
    for (const seed of [11, 12, 13]) {
      const random = seededRandom(seed);
      let inputs = seedVersions(random, 30);
      const analyzer = createAnalyzer();
      for (let step = 0; step < 16; step++) {
        assert.deepEqual(analyzer.analyze(inputs), analyzeCorpus(inputs), `seed ${seed}, step ${step}`);
        inputs = edit(random, inputs, step);
      }
    }
  });

  it('gives after every edit of a session on a corpus of several stories exactly what a fresh analysis gives', function () {
    this.timeout(120_000);
    for (const seed of [21, 22]) {
      const random = seededRandom(seed);
      let inputs: SourceInput[] = [
        ...seedVersions(random, 12),
        { id: 'h0', text: page(SITES[0], HARBOUR, [LIBRARY]) },
        { id: 'h1', text: page(SITES[1], rewrite(HARBOUR), []) },
        { id: 'l0', text: page(SITES[0], LIBRARY, [HARBOUR]) },
        { id: 'l1', text: page(SITES[1], LIBRARY, [HARBOUR]) },
        { id: 'note', text: 'Call the plumber about the kitchen tap on Thursday.' },
      ];
      const analyzer = createAnalyzer();
      for (let step = 0; step < 12; step++) {
        const fresh = analyzeCorpus(inputs);
        if (step === 0) assert.ok(fresh.stories.length >= 3, `${fresh.stories.length} stories`);
        assert.deepEqual(analyzer.analyze(inputs), fresh, `seed ${seed}, step ${step}`);
        inputs = edit(random, inputs, step);
      }
    }
  });

  it("analyses each story of a session's corpus of several stories among its own sentences, never another story's, before and after an edit", function () {
    this.timeout(60_000);
    const random = seededRandom(43);
    const inputs: SourceInput[] = [
      ...seedVersions(random, 6),
      { id: 'h0', text: page(SITES[0], HARBOUR, [LIBRARY]) },
      { id: 'h1', text: page(SITES[1], rewrite(HARBOUR), []) },
    ];
    const harbour = HARBOUR[1];
    const seedSentence = analyzeCorpus([inputs[0]]).sources[0].sentences.find(s => s.text.length > 60)!.text;
    // The analyzer calls the module's export, so a subclass put there sees every form space it makes.
    const forms = require('../../src/core/forms') as { FormSpace: new (texts: readonly string[], ...rest: unknown[]) => object };
    const Real = forms.FormSpace;
    const mixed: number[] = [];
    forms.FormSpace = class extends Real {
      constructor(texts: readonly string[], ...rest: unknown[]) {
        super(texts, ...rest);
        const holds = (sentence: string) => texts.some(text => text.includes(normalizeForComparison(sentence).slice(0, 40)));
        if (holds(harbour) && holds(seedSentence)) mixed.push(texts.length);
      }
    };
    try {
      const analyzer = createAnalyzer();
      const first = analyzer.analyze(inputs);
      assert.equal(first.stories.length, 2);
      const edited = inputs.map((input, i) =>
        i === 6 ? { ...input, text: input.text.replace('. ', `. ${typedSentence(random)} `) } : input,
      );
      const again = analyzer.analyze(edited);
      assert.deepEqual(mixed, [], 'no form space holds sentences of both stories');
      forms.FormSpace = Real;
      assert.deepEqual(again, analyzeCorpus(edited));
    } finally {
      forms.FormSpace = Real;
    }
  });

  it('analyses again only the story an edit changed, in a session on a folder of many stories, and gives what a fresh analysis gives', async function () {
    this.timeout(120_000);
    const { syntheticStories } = await loadSyntheticStories();
    const corpus = syntheticStories(20, seededRandom(4600));
    let inputs: SourceInput[] = corpus.files;
    // The analyzer calls the module's export, so a subclass put there counts the form spaces it makes: one per story analysed apart.
    const forms = require('../../src/core/forms') as { FormSpace: new (...args: never[]) => object };
    const Real = forms.FormSpace;
    let made = 0;
    forms.FormSpace = class extends (Real as new (...args: unknown[]) => object) {
      constructor(...args: unknown[]) {
        super(...args);
        made++;
      }
    };
    try {
      const analyzer = createAnalyzer();
      const first = analyzer.analyze(inputs);
      assert.ok(first.stories.length >= 15, `${first.stories.length} stories`);
      const random = seededRandom(4601);
      for (let step = 0; step < 4; step++) {
        const at = Math.floor(random() * inputs.length);
        inputs = inputs.map((input, i) =>
          i === at ? { ...input, text: input.text.replace('. ', `, and then ${step}, as people said, `) } : input,
        );
        made = 0;
        const again = analyzer.analyze(inputs);
        assert.equal(made, 1, `step ${step}: only the edited page's story analysed again`);
        assert.deepEqual(again, analyzeCorpus(inputs), `step ${step}`);
      }
    } finally {
      forms.FormSpace = Real;
    }
  });

  it("analyses a story again when one of its pages was rewritten to a text of the same length and hash, not taking the story's kept analysis", async () => {
    const { syntheticStories } = await loadSyntheticStories();
    const corpus = syntheticStories(6, seededRandom(4700));
    const page = corpus.files[0].text;
    const sentenceStart = page.indexOf('. ', Math.floor(page.length / 2)) + 2;
    const wordStart = page.indexOf(' ', sentenceStart) + 1;
    const prefix = page.slice(0, wordStart);
    const suffix = page.slice(page.indexOf(' ', wordStart));
    // FNV-1a as `hashText` runs it, from its state after the prefix: two words that leave one
    // state make two texts of one length and one hash (about 2^16 draws).
    let state = 0x811c9dc5;
    for (let i = 0; i < prefix.length; i++) state = Math.imul(state ^ prefix.charCodeAt(i), 0x01000193);
    const random = seededRandom(99);
    const seen = new Map<number, string>();
    let [first, second] = ['', ''];
    while (!second) {
      let word = '';
      let h = state;
      for (let i = 0; i < 8; i++) {
        word += String.fromCharCode(97 + Math.floor(random() * 26));
        h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
      }
      const other = seen.get(h >>> 0);
      if (other !== undefined && other !== word) [first, second] = [other, word];
      else seen.set(h >>> 0, word);
    }
    const withWord = (word: string) => corpus.files.map((file, i) => (i === 0 ? { ...file, text: prefix + word + suffix } : file));
    assert.equal(hashText(withWord(first)[0].text), hashText(withWord(second)[0].text), 'the two texts hash alike');
    const analyzer = createAnalyzer();
    analyzer.analyze(withWord(first));
    assert.deepEqual(analyzer.analyze(withWord(second)), analyzeCorpus(withWord(second)));
  });

  it("finds the same stories after an edit as a fresh analysis, making again only the edited source's part of the story stage", function () {
    this.timeout(60_000);
    const random = seededRandom(41);
    const inputs: SourceInput[] = [
      ...seedVersions(random, 10),
      { id: 'h0', text: page(SITES[0], HARBOUR, [LIBRARY]) },
      { id: 'h1', text: page(SITES[1], rewrite(HARBOUR), []) },
      { id: 'l0', text: page(SITES[0], LIBRARY, [HARBOUR]) },
      { id: 'l1', text: page(SITES[1], LIBRARY, [HARBOUR]) },
    ];
    // The analyzer calls the module's export, so counting calls there counts the parts it makes.
    const storyIndex = require('../../src/core/storyIndex') as { storyFormsOf: (source: StorySource, words: number) => unknown };
    const real = storyIndex.storyFormsOf;
    const madeFor: string[] = [];
    storyIndex.storyFormsOf = (source, words) => {
      madeFor.push(source.hash);
      return real(source, words);
    };
    try {
      const analyzer = createAnalyzer();
      const first = analyzer.analyze(inputs);
      assert.equal(madeFor.length, inputs.length);
      assert.ok(first.stories.length >= 3, `${first.stories.length} stories`);
      madeFor.length = 0;
      const edited = inputs.map((input, i) =>
        i === 3
          ? { ...input, text: input.text.replace('. ', `. ${typedSentence(random)} `) }
          : i === 12
            ? { ...input, text: `${input.text}\n\nMore on this later today.` }
            : input,
      );
      const again = analyzer.analyze(edited);
      assert.equal(madeFor.length, 2, 'only the two edited sources are read again');
      storyIndex.storyFormsOf = real;
      const fresh = analyzeCorpus(edited);
      assert.deepEqual(again.stories, fresh.stories);
      assert.deepEqual(again, fresh);
    } finally {
      storyIndex.storyFormsOf = real;
    }
  });

  it('groups a source, or two, that print another’s sentences ten thousand times over as repeats of their first copies, without pairwise work per copy', function () {
    this.timeout(60_000);
    const seed = seedInputs()[0].text;
    const shared = [
      'The Monday night meeting between the two presidents was the first since they held a summit in the Syrian capital in January last year.',
      'Syrian state TV described it as a long meeting and said the two were later joined by Syria’s foreign minister and Russia’s defense minister to discuss mutual relations and fighting terrorism.',
    ];
    for (const sentence of shared) assert.ok(seed.includes(sentence));
    const repeated = `${shared.join(' ')} `.repeat(10_000);
    // One source that repeats the sentences, then two.
    for (const repeating of [1, 2]) {
      const started = process.hrtime.bigint();
      const analysis = analyzeCorpus([
        ...Array.from({ length: repeating }, (_, k) => ({ id: `repeated-${k}.txt`, text: repeated })),
        { id: 'seed.txt', text: seed },
      ]);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      for (const sentence of shared) {
        const text = (m: { source: number; sentence: number }) => analysis.sources[m.source].sentences[m.sentence].text;
        const groups = analysis.groups.filter(g => g.members.some(m => !m.repeat && text(m) === sentence));
        assert.ok(groups.length <= 3, `${repeating}: ${sentence}`);
        for (let source = 0; source < repeating; source++) {
          const copies = groups.flatMap(g => g.members.filter(m => m.source === source && text(m) === sentence));
          assert.equal(copies.length, 10_000);
          assert.ok(copies.filter(m => !m.repeat).length <= 3, 'at most the first copies are members of their own');
        }
      }
      // Generous: this takes about a second; a node per copy took a second at a thousand copies and grows with their square.
      assert.ok(ms < 10_000, `${repeating}: ${ms} ms`);
    }
  });

  it('gives the same analysis after it met a different corpus in between', () => {
    const seeds = seedInputs();
    const analyzer = createAnalyzer();
    analyzer.analyze(seeds.slice(0, 2));
    analyzer.analyze([{ id: 'other', text: 'A different story entirely. Nothing in common with the rest.' }, seeds[4]]);
    assert.deepEqual(analyzer.analyze(seeds), analyzeCorpus(seeds));
  });

  it('groups as a fresh analysis does after it met the same words in another order, which its vocabulary numbers otherwise', () => {
    // Versions that merged one statement into the sentence before it or after it: which rare
    // words each sentence is paired by decides the groups, and many are as rare as each other.
    const inputs = mergedStatementVersions();
    // The same sentences with their words in reverse order, met first: the session's vocabulary numbers the words the other way round.
    const reversed = pageOf(MERGED_STATEMENT_LINES.map(line => `${line.replace(/\.$/, '').split(' ').reverse().join(' ')}.`));
    const analyzer = createAnalyzer();
    analyzer.analyze([
      { id: 'r', text: reversed },
      { id: 'r2', text: reversed },
    ]);
    assert.deepEqual(analyzer.analyze(inputs), analyzeCorpus(inputs));
  });

  it('gives a fresh analysis after it dropped the forms of a much larger corpus it met before', function () {
    this.timeout(20_000);
    const random = seededRandom(31);
    // 24,000 distinct sentences of random letters (alike in nothing, so cheap to join), each a
    // boilerplate line: more forms than an analyzer keeps once they are out of use.
    const word = () => Array.from({ length: 4 + Math.floor(random() * 5) }, () => pick(random, [...'abcdefghijklmnopqrstuvwxyz'])).join('');
    const line = () => `${Array.from({ length: 9 }, word).join(' ')}.`;
    const large = { id: 'large', text: Array.from({ length: 24_000 }, line).join('\n\n') };
    // Without cross-source evidence the boilerplate's forms are numbered but never joined, so
    // the analyzer renews its numbering while it keeps its joined forms.
    const options = { crossSourceEvidence: false };
    const seeds = seedInputs();
    const analyzer = createAnalyzer(options);
    assert.deepEqual(analyzer.analyze([...seeds, large]), analyzeCorpus([...seeds, large], options));
    const edited = [{ ...seeds[0], text: seeds[0].text.replace('. ', '. The harbour reopened on Monday. ') }, ...seeds.slice(1)];
    assert.deepEqual(analyzer.analyze(edited), analyzeCorpus(edited, options));
    assert.deepEqual(analyzer.analyze(seeds), analyzeCorpus(seeds, options));
  });
});
