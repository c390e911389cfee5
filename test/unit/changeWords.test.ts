import * as assert from 'node:assert/strict';
import { WordForms, changesAgainst } from '../../src/core/changes';
import { analyzeCorpus } from '../../src/core/analyzer';
import { seedInputs } from '../support/fixtures';
import { pick, seededRandom } from '../support/random';

// Edits that touch every kind of change: figures, names, speakers, quotations, negations.
const INSERTS = ['not', '12', 'twelve', 'Putin', 'al-Assad’s', '“we will”', 'police said', "O'Brien", 'Anna-Maria', 'Monday', 'half'];

/** A seeded rewording of a sentence: words dropped, swapped, replaced or added. */
function reworded(sentence: string, random: () => number): string {
  const words = sentence.split(' ');
  for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
    const i = Math.floor(random() * words.length);
    const op = Math.floor(random() * 4);
    if (op === 0 && words.length > 3) words.splice(i, 1);
    else if (op === 1 && i + 1 < words.length) [words[i], words[i + 1]] = [words[i + 1], words[i]];
    else if (op === 2) words[i] = pick(random, INSERTS);
    else words.splice(i, 0, pick(random, INSERTS));
  }
  return words.join(' ');
}

describe('Changed facts with word forms shared across sentences', () => {
  it('gives every pair the changes it gets when read on its own (seeded rewordings of the seeds)', () => {
    const random = seededRandom(20261130);
    const sentences = analyzeCorpus(seedInputs()).sources.flatMap(s => s.sentences.map(x => x.text));
    const shared = new WordForms();
    let compared = 0;
    for (let round = 0; round < 120; round++) {
      const anchor = pick(random, sentences);
      const members = Array.from({ length: 3 }, () => reworded(random() < 0.5 ? anchor : pick(random, sentences), random));
      const together = changesAgainst(anchor, 'en', {}, undefined, shared);
      for (const member of members) {
        assert.deepEqual(together(member), changesAgainst(anchor, 'en')(member), `${anchor}\n${member}`);
        compared++;
      }
    }
    assert.equal(compared, 360);
  });
});
