import * as assert from 'node:assert/strict';
import { counterparts } from '../../src/core';
import type { FactChange, SentenceGroup } from '../../src/core';
import { analyzeCorpus } from '../../src/core/analyzer';
import { distinctCounterparts } from '../../src/distinctCounterparts';
import { factChangesBetween, groupHasFactChanges, narrowed } from '../../src/core/factPairs';
import { accessibleLabel, changeText, hoverLine, sourceList } from '../../src/factText';
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

  it('names three sources and counts the rest', () => {
    assert.equal(sourceList(['a', 'b', 'c']), 'a, b, c');
    assert.equal(sourceList(['a', 'b', 'c', 'd', 'e']), 'a, b, c and 2 more');
  });

  it('clips a long quote and folds its white space', () => {
    const long = `“${'word '.repeat(40)}”`;
    const text = changeText({ kind: 'quote', base: long, other: 'x\n y' });
    assert.ok(text.length < 2 * 80 + 10, text);
    assert.match(text, /… → x y$/);
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
