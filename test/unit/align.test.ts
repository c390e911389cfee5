import * as assert from 'node:assert/strict';
import { counterparts, wordDiff } from '../../src/core';
import { analyzeCorpus } from '../../src/core/analyzer';
import { movedBetween, outOfOrder } from '../../src/core/order';
import { seedInputs } from '../support/fixtures';
import { seededRandom } from '../support/random';

const PARAGRAPHS = [
  'The central bank raised its main interest rate by half a point on Thursday, the largest increase in two decades.',
  'Officials said inflation had become too high to ignore and that further increases were likely this year.',
  'Markets had expected a smaller move, and shares in the banking sector fell sharply after the announcement.',
  'The governor told reporters that the labour market remained strong despite slowing growth in the second quarter.',
  'Economists warned that higher borrowing costs would weigh on home buyers who took out loans at variable rates.',
];

function groupOf(analysis: ReturnType<typeof analyzeCorpus>, source: number, text: string): number {
  const i = analysis.sources[source].sentences.findIndex(s => s.text.startsWith(text));
  assert.ok(i >= 0, `sentence "${text}" in source ${source}`);
  return analysis.sources[source].groupOfSentence[i];
}

describe('alignment', () => {
  it('groups the same statements when paragraphs are reordered, and marks the moved one', () => {
    const a = PARAGRAPHS.join('\n\n');
    const b = [PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[3], PARAGRAPHS[4], PARAGRAPHS[2]].join('\n\n');
    const analysis = analyzeCorpus([{ id: 'a', text: a }, { id: 'b', text: b }]);
    assert.equal(analysis.groups.length, 5);
    for (const p of PARAGRAPHS) assert.notEqual(groupOf(analysis, 0, p.slice(0, 30)), -1);
    const moved = movedBetween(analysis, 0, 1);
    assert.equal(moved.size, 1);
    assert.ok(moved.has(groupOf(analysis, 0, PARAGRAPHS[2].slice(0, 30))));
    const [counterpart] = counterparts(analysis, 0, 2);
    assert.equal(counterpart.moved, true);
  });

  it('marks moved groups exactly as a naive sort of first appearances does, for every pair of seeds and shuffles', () => {
    const naiveMoved = (analysis: ReturnType<typeof analyzeCorpus>, a: number, b: number) => {
      const first = (s: number) => {
        const at = new Map<number, number>();
        analysis.sources[s].groupOfSentence.forEach((g, i) => g >= 0 && !at.has(g) && at.set(g, i));
        return at;
      };
      const inA = first(a);
      const inB = first(b);
      const shared = [...inA.keys()].filter(g => inB.has(g)).sort((x, y) => inA.get(x)! - inA.get(y)!);
      const flags = outOfOrder(shared.map(g => inB.get(g)!));
      return new Set(shared.filter((_, i) => flags[i]));
    };
    const random = seededRandom(20261121);
    const seeds = seedInputs();
    const shuffled = seeds.map(seed => {
      const paragraphs = seed.text.split('\n\n');
      for (let i = paragraphs.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [paragraphs[i], paragraphs[j]] = [paragraphs[j], paragraphs[i]];
      }
      return { id: `${seed.id}-shuffled`, text: paragraphs.join('\n\n') };
    });
    const analysis = analyzeCorpus([...seeds, ...shuffled]);
    let movedSeen = 0;
    for (let a = 0; a < analysis.sources.length; a++) {
      for (let b = 0; b < analysis.sources.length; b++) {
        if (a === b) continue;
        const expected = naiveMoved(analysis, a, b);
        movedSeen += expected.size;
        assert.deepEqual([...movedBetween(analysis, a, b)].sort(), [...expected].sort(), `sources ${a} and ${b}`);
        analysis.sources[a].groupOfSentence.forEach((g, i) => {
          if (g < 0) return;
          for (const c of counterparts(analysis, a, i)) if (c.source === b) assert.equal(c.moved, expected.has(g));
        });
      }
    }
    assert.ok(movedSeen > 20, 'the shuffles move groups');
  });

  it('groups a reworded sentence with its original and gives the changed words', () => {
    const reworded = 'The central bank lifted its key interest rate by half a point on Thursday, its biggest rise in twenty years.';
    const analysis = analyzeCorpus([{ id: 'a', text: PARAGRAPHS.join('\n\n') }, { id: 'b', text: [reworded, ...PARAGRAPHS.slice(1)].join('\n\n') }]);
    const g = groupOf(analysis, 0, 'The central bank raised');
    assert.notEqual(g, -1);
    assert.equal(groupOf(analysis, 1, 'The central bank lifted'), g);
    const parts = wordDiff(PARAGRAPHS[0], reworded);
    assert.ok(parts.some(p => p.kind === 'removed' && p.text.includes('raised')));
    assert.ok(parts.some(p => p.kind === 'added' && p.text.includes('lifted')));
  });

  it('puts both halves of a sentence split in two into the group of the whole', () => {
    const whole = 'Officials said inflation had become too high to ignore, and they added that further increases in the main rate were likely later this year.';
    const halves = 'Officials said inflation had become too high to ignore. They added that further increases in the main rate were likely later this year.';
    const analysis = analyzeCorpus([
      { id: 'a', text: [PARAGRAPHS[0], whole, PARAGRAPHS[2]].join('\n\n') },
      { id: 'b', text: [PARAGRAPHS[0], halves, PARAGRAPHS[2]].join('\n\n') },
    ]);
    const g = groupOf(analysis, 0, 'Officials said');
    assert.notEqual(g, -1);
    assert.equal(groupOf(analysis, 1, 'Officials said'), g);
    assert.equal(groupOf(analysis, 1, 'They added'), g);
    assert.equal(analysis.groups[g].members.filter(m => m.source === 1).length, 2);
  });

  it('keeps unrelated sentences apart and each sentence in at most one group', () => {
    const analysis = analyzeCorpus(seedInputs());
    const seen = new Set<string>();
    for (const g of analysis.groups) {
      assert.ok(g.sourceCount >= 2);
      for (const m of g.members) {
        const key = `${m.source}:${m.sentence}`;
        assert.ok(!seen.has(key), `${key} in two groups`);
        seen.add(key);
      }
    }
  });

  it('gives the same groups whatever the order of the sources', () => {
    const inputs = seedInputs();
    const describe = (analysis: ReturnType<typeof analyzeCorpus>) =>
      analysis.groups
        .map(g => g.members.map(m => `${analysis.sources[m.source].id}@${analysis.sources[m.source].sentences[m.sentence].start}`).sort().join(' '))
        .sort();
    const forward = describe(analyzeCorpus(inputs));
    const backward = describe(analyzeCorpus([...inputs].reverse()));
    const shuffled = describe(analyzeCorpus([inputs[2], inputs[4], inputs[0], inputs[3], inputs[1]]));
    assert.deepEqual(backward, forward);
    assert.deepEqual(shuffled, forward);
  });

  it('finds the items off one longest increasing run as out of order', () => {
    assert.deepEqual(outOfOrder([0, 1, 4, 2, 3]), [false, false, true, false, false]);
    assert.deepEqual(outOfOrder([]), []);
  });
});
