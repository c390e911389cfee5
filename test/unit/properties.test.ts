import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CorpusAnalysis, SourceInput, counterparts, toExportFormat1 } from '../../src/core';
import { analyzeCorpus } from '../../src/core/analyzer';

// Seeded, so a failure replays exactly; fast-check prints the seed and the shrunk case.
const RUNS = { seed: 20261121, numRuns: 150 };

const WORDS = [
  'the',
  'president',
  'met',
  'in',
  'Moscow',
  'on',
  'Monday',
  'said',
  'talks',
  'war',
  'U.S.',
  'Mr.',
  'التقى',
  'الرئيس',
  'في',
  'موسكو',
  'Präsident',
  'traf',
  'sich',
  'über',
  'встретился',
  'президент',
  'в',
  'Москве',
  'café',
  'cafe\u0301',
  '👍🏽',
  '🇺🇦',
  '\u200fRTL\u200f',
  '漢字',
  '42',
  '3.5%',
  '"quoted"',
  '«guillemets»',
  '(aside)',
];
const ENDS = ['.', '!', '?', '؟', '…', '', '', ':'];
const BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n'];

const sentence = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 }), fc.constantFrom(...ENDS))
  .map(([words, end]) => words.join(' ') + end);
const noise = fc.string({ unit: 'binary', maxLength: 30 });
const linePiece = fc.oneof(
  { weight: 6, arbitrary: sentence },
  { weight: 1, arbitrary: noise },
  { weight: 1, arbitrary: fc.constantFrom('  • Home', '[ ] Save', '© 2024 Site', '   ', '') },
);

/** Several versions drawing on one pool of sentences, so that groups form, with noise and every kind of line end. */
const corpus: fc.Arbitrary<SourceInput[]> = fc
  .tuple(fc.array(sentence, { minLength: 3, maxLength: 10 }), fc.integer({ min: 1, max: 4 }))
  .chain(([pool, count]) =>
    fc.array(fc.array(fc.tuple(fc.oneof(fc.constantFrom(...pool), linePiece), fc.constantFrom(...BREAKS)), { maxLength: 14 }), {
      minLength: count,
      maxLength: count,
    }),
  )
  .map(sources => sources.map((lines, i) => ({ id: `v${i}.txt`, text: lines.map(([l, b]) => l + b).join('') })));

function isLowSurrogate(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  const before = text.charCodeAt(at - 1);
  return c >= 0xdc00 && c <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
}

function checkOffsets(inputs: readonly SourceInput[], analysis: CorpusAnalysis): void {
  analysis.sources.forEach((source, s) => {
    const text = inputs[s].text;
    let lastLineEnd = 0;
    source.lineSpans.forEach(span => {
      assert.ok(span.start >= lastLineEnd && span.end >= span.start && span.end <= text.length, 'lines in order, inside the text');
      assert.ok(!/[\r\n]/.test(text.slice(span.start, span.end)), 'no line holds a line break');
      lastLineEnd = span.end;
    });
    assert.equal(source.lines.length, source.lineSpans.length);
    let lastEnd = 0;
    for (const sentence of source.sentences) {
      // A sentence of a hard-wrapped paragraph runs on over the paragraph's next lines, all content.
      let last = sentence.line;
      while (sentence.end > source.lineSpans[last].end && last + 1 < source.lineSpans.length) last++;
      const line = source.lineSpans[sentence.line];
      assert.ok(
        sentence.start >= line.start && sentence.end <= source.lineSpans[last].end && sentence.start < sentence.end,
        'sentence inside its line',
      );
      for (let l = sentence.line; l <= last; l++) assert.equal(source.lines[l].kind, 'content', 'sentences come from content lines');
      assert.equal(
        text.slice(sentence.start, sentence.end).replace(/[\r\n]/g, ' '),
        sentence.text,
        'slicing gives the sentence back, a line break as a space',
      );
      assert.ok(sentence.start >= lastEnd, 'sentences do not overlap');
      assert.ok(!isLowSurrogate(text, sentence.start) && !isLowSurrogate(text, sentence.end), 'no surrogate pair split');
      lastEnd = sentence.end;
    }
  });
}

function checkGroups(analysis: CorpusAnalysis): void {
  const seen = new Set<string>();
  analysis.groups.forEach((group, gi) => {
    assert.ok(group.sourceCount >= 2, 'a group spans two sources or more');
    assert.equal(group.sourceCount, new Set(group.members.map(m => m.source)).size);
    for (const m of group.members) {
      const key = `${m.source}:${m.sentence}`;
      assert.ok(!seen.has(key), 'a sentence is in one group at most');
      seen.add(key);
      assert.equal(analysis.sources[m.source].groupOfSentence[m.sentence], gi);
      assert.ok(m.similarity >= 0 && m.similarity <= 1);
    }
    // Symmetry: each member finds every member of another source among its counterparts.
    for (const a of group.members) {
      const found = new Set(counterparts(analysis, a.source, a.sentence).map(c => `${c.source}:${c.sentence}`));
      for (const b of group.members)
        if (b.source !== a.source) assert.ok(found.has(`${b.source}:${b.sentence}`), 'counterparts are symmetric');
    }
  });
  analysis.sources.forEach((source, s) =>
    source.groupOfSentence.forEach((g, i) => {
      if (g >= 0) assert.ok(seen.has(`${s}:${i}`), 'groupOfSentence points only at real members');
    }),
  );
}

/** The analysis described without source positions: what must not change when sources are reordered. */
function canonical(analysis: CorpusAnalysis): string {
  const where = (m: { source: number; sentence: number }) =>
    `${analysis.sources[m.source].id}@${analysis.sources[m.source].sentences[m.sentence].start}`;
  return JSON.stringify({
    sources: analysis.sources
      .map(s => ({ id: s.id, lines: s.lines.map(l => l.kind), sentences: s.sentences.map(x => [x.start, x.end]) }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    groups: analysis.groups.map(g => g.members.map(where).sort().join(' ')).sort(),
  });
}

describe('core properties on arbitrary text (fast-check, seeded)', () => {
  it('keeps every sentence inside its content line, exactly sliceable, in order, with no surrogate pair split', () => {
    fc.assert(
      fc.property(corpus, inputs => checkOffsets(inputs, analyzeCorpus(inputs))),
      RUNS,
    );
  });

  it('puts each sentence in at most one group, and groups are symmetric', () => {
    fc.assert(
      fc.property(corpus, inputs => checkGroups(analyzeCorpus(inputs))),
      RUNS,
    );
  });

  it('gives the same result whatever the order of the sources', () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: 0, max: 1000 }), (inputs, seed) => {
        const shuffled = [...inputs].sort(
          (a, b) => ((a.id.charCodeAt(1) * 7919 + seed) % 13) - ((b.id.charCodeAt(1) * 7919 + seed) % 13) || (a.id < b.id ? -1 : 1),
        );
        assert.equal(canonical(analyzeCorpus(shuffled)), canonical(analyzeCorpus(inputs)));
      }),
      RUNS,
    );
  });

  it('is deterministic: the same input gives the same export', () => {
    fc.assert(
      fc.property(corpus, inputs => {
        assert.equal(JSON.stringify(toExportFormat1(analyzeCorpus(inputs))), JSON.stringify(toExportFormat1(analyzeCorpus(inputs))));
      }),
      { ...RUNS, numRuns: 50 },
    );
  });

  it('never throws on arbitrary strings of any code units', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 400 }), { minLength: 1, maxLength: 3 }), texts => {
        const inputs = texts.map((text, i) => ({ id: `r${i}`, text }));
        checkOffsets(inputs, analyzeCorpus(inputs));
      }),
      RUNS,
    );
  });
});
