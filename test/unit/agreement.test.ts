import * as assert from 'node:assert/strict';
import { analyzeCorpus } from '../../src/core/analyzer';
import { agreementLevel, agreementLevels } from '../../src/agreementLevels';
import { seedInputs } from '../support/fixtures';

describe('agreement levels of the heat strip', () => {
  it('gives no step to a sentence no other source carries, or to a source alone', () => {
    assert.equal(agreementLevel(1, 5), 0);
    assert.equal(agreementLevel(0, 5), 0);
    assert.equal(agreementLevel(1, 1), 0);
  });

  it('gives the top step only to sentences every source carries', () => {
    assert.equal(agreementLevel(2, 2), 3);
    assert.equal(agreementLevel(5, 5), 3);
    assert.equal(agreementLevel(4, 5), 2);
    assert.equal(agreementLevel(99, 100), 2);
  });

  it('splits the rest at half of the other sources', () => {
    // Five sources: four others; one other is fewer than half, two are half.
    assert.deepEqual(
      [2, 3, 4, 5].map(n => agreementLevel(n, 5)),
      [1, 2, 2, 3],
    );
    // Eleven sources: ten others; four others are fewer than half, five are half.
    assert.deepEqual(
      [2, 5, 6, 10, 11].map(n => agreementLevel(n, 11)),
      [1, 1, 2, 2, 3],
    );
  });

  it('never falls as more sources carry a sentence', () => {
    for (let total = 2; total <= 30; total++)
      for (let n = 1; n < total; n++) assert.ok(agreementLevel(n + 1, total) >= agreementLevel(n, total), `${n + 1} of ${total}`);
  });

  it("gives each seed sentence the step of its group's number of sources", () => {
    const analysis = analyzeCorpus(seedInputs());
    const seen = new Set<number>();
    analysis.sources.forEach((source, s) => {
      const levels = agreementLevels(analysis, s);
      assert.equal(levels.length, source.sentences.length);
      levels.forEach((level, i) => {
        const g = source.groupOfSentence[i];
        assert.equal(level, g < 0 ? 0 : agreementLevel(analysis.groups[g].sourceCount, analysis.sources.length));
        seen.add(level);
      });
    });
    assert.ok(seen.has(0) && seen.has(3) && (seen.has(1) || seen.has(2)), `steps seen on the seeds: ${[...seen]}`);
  });
});
