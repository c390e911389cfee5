import * as assert from 'node:assert/strict';
import { counterparts } from '../../src/core';
import type { FactChange, SentenceGroup } from '../../src/core';
import { analyzeCorpus } from '../../src/core/analyzer';
import { buildComparison } from '../../src/core/comparison';
import { distinctCounterparts } from '../../src/distinctCounterparts';
import { factChangesBetween, groupHasFactChanges, narrowed } from '../../src/core/factPairs';
import { accessibleLabel, changeText, hoverLine, sourceList } from '../../src/factText';
import { isTarget } from '../../src/navigationTargets';
import { changedFactSpans, factHoverLines } from '../../src/sentenceFacts';
import { seedInputs } from '../support/fixtures';

/** A group of four wordings of one statement as the analysis gives it: each member's changes against the anchor (member 0). */
const anchorText = 'Officials said 12 people died in the fire on Monday.';
const group: SentenceGroup = {
  anchor: 0,
  sourceCount: 4,
  members: [
    { source: 0, sentence: 3, similarity: 1 },
    {
      source: 1,
      sentence: 4,
      similarity: 0.9,
      changes: [
        { kind: 'number', base: '12', other: '15', otherRange: [15, 17] },
        { kind: 'wording', base: 'died', other: 'were killed', otherRange: [25, 36] },
      ],
    },
    {
      source: 2,
      sentence: 2,
      similarity: 0.9,
      changes: [{ kind: 'number', base: '12', other: '15', otherRange: [15, 17] }],
    },
    {
      source: 3,
      sentence: 5,
      similarity: 0.8,
      changes: [
        { kind: 'number', base: '12', other: 'twenty', otherRange: [15, 21] },
        { kind: 'attribution', base: 'Officials said', other: '', otherRange: undefined },
      ],
    },
  ],
};

describe('fact changes between two wordings of a statement', () => {
  it("reads the anchor into a member as the member's own fact changes, leaving out rewordings", () => {
    assert.deepEqual(factChangesBetween(group, 0, 1), [{ kind: 'number', base: '12', other: '15', otherRange: [15, 17] }]);
  });

  it("reads a member back into the anchor, placing the anchor's text in the anchor's sentence", () => {
    assert.deepEqual(factChangesBetween(group, 1, 0, anchorText), [{ kind: 'number', base: '15', other: '12', otherRange: [15, 17] }]);
    assert.deepEqual(factChangesBetween(group, 1, 0), [{ kind: 'number', base: '15', other: '12' }]);
  });

  it('finds nothing between two members that changed a fact alike, and nothing from a member to itself', () => {
    assert.deepEqual(factChangesBetween(group, 1, 2), []);
    assert.deepEqual(factChangesBetween(group, 2, 2), []);
  });

  it("reads one member's change into another's through the anchor", () => {
    const changes = factChangesBetween(group, 1, 3);
    assert.deepEqual(changes, [
      { kind: 'number', base: '15', other: 'twenty', otherRange: [15, 21] },
      { kind: 'attribution', base: 'Officials said', other: '', otherRange: undefined },
    ]);
    // From the member that dropped the attribution, the other member adds it back.
    const back = factChangesBetween(group, 3, 1, 'Officials said 15 people were killed in the fire on Monday.');
    assert.deepEqual(back, [
      { kind: 'number', base: 'twenty', other: '15', otherRange: [15, 17] },
      { kind: 'attribution', base: '', other: 'Officials said', otherRange: [0, 14] },
    ]);
  });

  it('keeps spelling variants of a name marked as such in both directions', () => {
    const names: SentenceGroup = {
      anchor: 0,
      sourceCount: 2,
      members: [
        { source: 0, sentence: 0, similarity: 1 },
        { source: 1, sentence: 0, similarity: 0.95, changes: [{ kind: 'name', base: 'Zelenskyy', other: 'Zelensky', variant: true }] },
      ],
    };
    assert.equal(factChangesBetween(names, 0, 1)[0].variant, true);
    assert.deepEqual(factChangesBetween(names, 1, 0, 'President Zelenskyy spoke.'), [
      { kind: 'name', base: 'Zelensky', other: 'Zelenskyy', otherRange: [10, 19], variant: true },
    ]);
  });

  it('narrows two changes of one phrase to the words that differ, keeping words whole', () => {
    assert.deepEqual(
      narrowed({ kind: 'number', base: 'in 2016 at his residence in', other: 'in 2018 at his residence in', otherRange: [100, 127] }),
      { kind: 'number', base: '2016', other: '2018', otherRange: [103, 107] },
    );
    assert.deepEqual(narrowed({ kind: 'number', base: '12 people', other: '15 people' }), { kind: 'number', base: '12', other: '15' });
    // "2016" and "2018" share "201": the word is kept whole.
    assert.deepEqual(narrowed({ kind: 'number', base: '2016', other: '2018' }), { kind: 'number', base: '2016', other: '2018' });
    const added = { kind: 'quote' as const, base: '', other: '“Yes”' };
    assert.equal(narrowed(added), added);
  });

  it('tells a group with a changed fact from one whose members only reword', () => {
    assert.ok(groupHasFactChanges(group));
    const reworded: SentenceGroup = {
      anchor: 1,
      sourceCount: 2,
      members: [
        { source: 0, sentence: 0, similarity: 0.8, changes: [{ kind: 'wording', base: 'died', other: 'were killed' }] },
        // The anchor's own changes, were there any, never count.
        { source: 1, sentence: 0, similarity: 1, changes: [{ kind: 'number', base: '1', other: '2' }] },
      ],
    };
    assert.ok(!groupHasFactChanges(reworded));
    assert.deepEqual(factChangesBetween(reworded, 1, 0), []);
  });
});

describe('how a changed fact reads', () => {
  const number: FactChange = { kind: 'number', base: '12', other: '15' };

  it('gives the hover line with the kind, the two texts and the source', () => {
    assert.equal(hoverLine(number, ['002.txt']), 'number: 12 → 15 in 002.txt');
    assert.equal(hoverLine(number, ['002.txt', '003.txt']), 'number: 12 → 15 in 002.txt, 003.txt');
  });

  it('says when the other source adds or drops the fact, and when a name is a spelling variant', () => {
    assert.equal(hoverLine({ kind: 'quote', base: '', other: '“We will rebuild”' }, ['a.txt']), 'quote: added “We will rebuild” in a.txt');
    assert.equal(hoverLine({ kind: 'negation', base: 'not', other: '' }, ['a.txt']), 'negation: dropped not in a.txt');
    assert.equal(changeText({ kind: 'name', base: 'Zelenskyy', other: 'Zelensky', variant: true }), 'Zelenskyy → Zelensky (spelling)');
  });

  it('names up to four sources and counts the rest past three', () => {
    assert.equal(sourceList(['a', 'b', 'c']), 'a, b, c');
    assert.equal(sourceList(['a', 'b', 'c', 'd']), 'a, b, c, d');
    assert.equal(sourceList(['a', 'b', 'c', 'd', 'e']), 'a, b, c and 2 more');
  });

  it('clips a long quote and folds its white space', () => {
    const long = `“${'word '.repeat(40)}”`;
    const text = changeText({ kind: 'quote', base: long, other: 'x\n y' });
    assert.ok(text.length < 2 * 80 + 10, text);
    assert.match(text, /… → x y$/);
    assert.equal(changeText({ kind: 'attribution', base: '', other: ', state media reported' }), 'added state media reported');
  });

  it('gives screen readers a sentence for each change', () => {
    assert.equal(accessibleLabel(number), 'number changed: 12 to 15');
    assert.equal(accessibleLabel({ kind: 'quote', base: '', other: '“Yes”' }), 'quote added: “Yes”');
    assert.equal(accessibleLabel({ kind: 'attribution', base: 'police said', other: '' }), 'attribution dropped: police said');
    assert.equal(
      accessibleLabel({ kind: 'name', base: 'Zelenskyy', other: 'Zelensky', variant: true }),
      'name spelt differently: Zelenskyy to Zelensky',
    );
  });
});

describe('the counterparts a hover lists', () => {
  const analysis = analyzeCorpus(seedInputs());

  it('lists a headline another source prints twice once, and every other counterpart as before', () => {
    let repeatedSeen = 0;
    analysis.sources.forEach((s, source) =>
      s.sentences.forEach((_, sentence) => {
        const all = counterparts(analysis, source, sentence);
        const listed = distinctCounterparts(analysis, source, sentence, all);
        const sources = listed.map(m => m.source);
        const texts = listed.map(m => `${m.source}:${analysis.sources[m.source].sentences[m.sentence].text}`);
        assert.equal(new Set(texts).size, texts.length, `no copy twice for seed ${source} sentence ${sentence}`);
        assert.deepEqual(
          [...new Set(sources)],
          [...new Set(all.map(m => m.source))].sort((a, b) => a - b),
          'every source still listed',
        );
        if (listed.length < all.length) repeatedSeen++;
      }),
    );
    assert.ok(repeatedSeen > 0, 'the seeds have a sentence whose counterpart is printed twice');
  });
});

describe('changed facts of a seed copy with one number changed', () => {
  const seeds = seedInputs();
  const copied = seeds.findIndex(s => s.id.endsWith('002_b59a2ea70077a96b.txt'));
  const inputs = [...seeds, { id: 'changed.txt', text: seeds[copied].text.replace('since 2013', 'since 2014') }];
  const analysis = analyzeCorpus(inputs);
  const changed = inputs.length - 1;
  const names = inputs.map(i => i.id.split('/').pop()!);
  const sentenceWith = (source: number, words: string) => analysis.sources[source].sentences.findIndex(s => s.text.includes(words));
  const inCopy = sentenceWith(changed, 'since 2014');
  const inSeed = sentenceWith(copied, 'since 2013');

  it('says in the hover line of each version what the other gives', () => {
    assert.ok(inCopy >= 0 && inSeed >= 0);
    const copyLines = factHoverLines(analysis, changed, inCopy, names);
    assert.ok(
      copyLines.some(l => l.startsWith('number: 2014 → 2013 in ') && l.includes('002_b59a2ea70077a96b.txt')),
      JSON.stringify(copyLines),
    );
    assert.ok(factHoverLines(analysis, copied, inSeed, names).includes('number: 2013 → 2014 in changed.txt'));
  });

  it('places the changed number in both sentences, and calls both changed facts for the navigation commands', () => {
    const text = (source: number, sentence: number) => analysis.sources[source].sentences[sentence].text;
    const copySpans = changedFactSpans(analysis, changed, inCopy).map(s => [s.kind, text(changed, inCopy).slice(s.start, s.end)]);
    assert.deepEqual(copySpans, [['number', '2014']]);
    const seedSpans = changedFactSpans(analysis, copied, inSeed).map(s => [s.kind, text(copied, inSeed).slice(s.start, s.end)]);
    assert.deepEqual(seedSpans, [['number', '2013']]);
    assert.ok(isTarget(analysis, changed, inCopy, 'fact') && isTarget(analysis, copied, inSeed, 'fact'));
    assert.ok(!isTarget(analysis, changed, inCopy, 'unique'));
  });

  it('gives no changed fact to a sentence no other source carries, nor to one every source words alike', () => {
    analysis.sources.forEach((source, s) =>
      source.sentences.forEach((_, i) => {
        const g = source.groupOfSentence[i];
        const alike = g >= 0 && analysis.groups[g].members.every(m => !m.changes?.some(c => c.kind !== 'wording'));
        if (g < 0 || alike) {
          assert.ok(!isTarget(analysis, s, i, 'fact'), `seed ${s} sentence ${i}`);
          assert.deepEqual(changedFactSpans(analysis, s, i), []);
        }
      }),
    );
  });

  it("marks the row's changed facts in the panel's rows, against the base's wording", () => {
    const rows = buildComparison(analysis, changed).rows;
    const row = rows.find(r => r.cells.some(c => c.source === changed && c.sentences.includes(inCopy)))!;
    assert.ok(row.changedFacts);
    const wordingOf = (source: number) => row.wordings[row.cells.find(c => c.source === source)!.wording];
    assert.deepEqual(
      wordingOf(copied).facts?.map(f => [f.kind, f.base, f.other]),
      [['number', '2014', '2013']],
    );
    const base = wordingOf(changed);
    assert.deepEqual(
      base.factMarks?.map(m => [m.kind, base.text.slice(m.start, m.end)]),
      [['number', '2014']],
    );
    const seedMark = wordingOf(copied).factMarks![0];
    assert.equal(wordingOf(copied).text.slice(seedMark.start, seedMark.end), '2013');
    // A row whose wordings differ in no fact is left out of the "Changed facts" filter.
    for (const r of rows)
      if (!r.wordings.some(w => w.facts?.length)) assert.ok(!r.changedFacts || r.wordings[0].factMarks, 'flag follows the facts');
  });
});
