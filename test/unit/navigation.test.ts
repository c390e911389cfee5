import * as assert from 'node:assert/strict';
import { analyzeCorpus } from '../../src/core/analyzer';
import { isTarget, nextTarget } from '../../src/navigationTargets';
import { seedInputs } from '../support/fixtures';

describe('navigation between differences and unique sentences', () => {
  const analysis = analyzeCorpus(seedInputs());

  it('calls a sentence a difference exactly when some source lacks it or words it otherwise', () => {
    analysis.sources.forEach((s, source) =>
      s.sentences.forEach((_, sentence) => {
        const g = s.groupOfSentence[sentence];
        const expected =
          g < 0 || analysis.groups[g].sourceCount < analysis.sources.length || analysis.groups[g].members.some(m => m.similarity < 1);
        assert.equal(isTarget(analysis, source, sentence, 'difference'), expected);
        assert.equal(isTarget(analysis, source, sentence, 'unique'), g < 0);
      }),
    );
  });

  it('goes from each sentence to the nearest target after (before) it, wrapping around the source', () => {
    for (const target of ['difference', 'unique', 'fact'] as const) {
      let sourcesWithTargets = 0;
      analysis.sources.forEach((s, source) => {
        const targets = s.sentences.map((_, i) => i).filter(i => isTarget(analysis, source, i, target));
        if (targets.length) sourcesWithTargets++;
        s.sentences.forEach((sentence, i) => {
          if (!targets.length) {
            assert.equal(nextTarget(analysis, source, sentence.start, 1, target), -1);
            return;
          }
          const after = targets.find(t => t > i) ?? targets[0];
          const before = [...targets].reverse().find(t => t < i) ?? targets[targets.length - 1];
          assert.equal(nextTarget(analysis, source, sentence.start, 1, target), after, `${target} after sentence ${i} of seed ${source}`);
          assert.equal(
            nextTarget(analysis, source, sentence.start, -1, target),
            before,
            `${target} before sentence ${i} of seed ${source}`,
          );
        });
      });
      assert.ok(sourcesWithTargets >= 3, `${sourcesWithTargets} seeds have ${target} sentences`);
    }
  });

  it('starts from the gap the cursor stands in when it is between sentences', () => {
    const s = analysis.sources[0];
    const targets = s.sentences.map((_, i) => i).filter(i => isTarget(analysis, 0, i, 'difference'));
    const gap = s.sentences.findIndex((x, i) => i + 1 < s.sentences.length && x.end < s.sentences[i + 1].start);
    assert.ok(gap >= 0);
    const offset = s.sentences[gap].end;
    assert.equal(nextTarget(analysis, 0, offset, 1, 'difference'), targets.find(t => t > gap) ?? targets[0]);
    assert.equal(
      nextTarget(analysis, 0, offset, -1, 'difference'),
      [...targets].reverse().find(t => t <= gap) ?? targets[targets.length - 1],
    );
    assert.equal(nextTarget(analysis, 0, s.sentences[s.sentences.length - 1].end + 1, -1, 'difference'), targets[targets.length - 1]);
  });

  it('finds nothing in a source analysed alone', () => {
    const alone = analyzeCorpus([seedInputs()[0]]);
    assert.equal(nextTarget(alone, 0, 0, 1, 'unique'), -1);
    assert.equal(nextTarget(alone, 0, 0, 1, 'difference'), -1);
  });
});
