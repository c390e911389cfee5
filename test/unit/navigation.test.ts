import * as assert from 'node:assert/strict';
import { analyzeCorpus } from '../../src/core/analyzer';
import { isTarget, nextTarget, nextTargetInStory } from '../../src/navigationTargets';
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

  it('steps through the differences of a source within its own story, not against the other stories of its folder', () => {
    const bridge = [
      'Harbour bridge reopens after repairs',
      'The harbour bridge reopened to traffic on Saturday after eight months of repairs to its deck and cables.',
      'Engineers replaced more than four hundred steel plates that had rusted through in the salt air.',
      'The city council said the work had cost less than the sum it had set aside for it last spring.',
      'Buses that had been sent around the bay will return to their old routes from Monday morning.',
    ];
    const reworded = bridge.map((line, i) =>
      i === 3 ? 'The council said the repairs came in under the budget it set last spring.' : line,
    );
    const inputs = [
      ...seedInputs(),
      { id: 'bridge/report.txt', text: bridge.join('\n\n') },
      { id: 'bridge/reprint.txt', text: reworded.join('\n\n') },
    ];
    const folder = analyzeCorpus(inputs);
    const source = inputs.length - 2;
    assert.equal(
      folder.stories.find(story => story.sources.includes(source))?.sources.length,
      2,
      'the bridge pages are a story of their own',
    );
    const corpus = {
      uris: inputs.map(i => i.id),
      texts: inputs.map(i => i.text),
      analysis: folder,
      indexOf: (id: string) => inputs.findIndex(i => i.id === id),
    };
    const sentences = folder.sources[source].sentences;
    const steps = (id: string) => {
      const found: number[] = [];
      let offset = 0;
      for (let k = 0; k < sentences.length; k++) {
        const next = nextTargetInStory(corpus, id, offset, 1, 'difference');
        if (next < 0 || found.includes(next)) break;
        found.push(next);
        offset = sentences[next].start;
      }
      return found.map(i => sentences[i].text);
    };
    // Over the whole folder every sentence would be one, since five sources lack it.
    assert.ok(sentences.every((_, i) => isTarget(folder, source, i, 'difference')));
    assert.deepEqual(steps('bridge/report.txt'), [bridge[3]]);
    assert.equal(nextTargetInStory(corpus, 'elsewhere.txt', 0, 1, 'difference'), -1);
  });

  it('finds nothing in a source analysed alone', () => {
    const alone = analyzeCorpus([seedInputs()[0]]);
    assert.equal(nextTarget(alone, 0, 0, 1, 'unique'), -1);
    assert.equal(nextTarget(alone, 0, 0, 1, 'difference'), -1);
  });
});
