import * as assert from 'node:assert/strict';
import { analyzeCorpus } from '../../src/core/analyzer';
import { classifyChanges } from '../../src/core/changes';
import { WORD, tokenSpans } from '../../src/core/factTokenSpans';
import { normalizeForComparison } from '../../src/core/text';
import { wordDiff } from '../../src/core/wordDiff';

const SHY = '\u00ad';
const ZWSP = '\u200b';

describe('invisible format characters inside words', () => {
  const plain = 'Die Bundesregierung hat am Mittwoch ein neues Klimaschutzprogramm beschlossen.';
  const hyphenated = `Die Bundes${SHY}regierung hat am Mittwoch ein neues Klima${SHY}schutz${SHY}programm beschlossen.`;

  it('leaves soft hyphens, zero-width spaces and word joiners out of the compared form, and keeps the joiners that shape letters', () => {
    assert.equal(normalizeForComparison(hyphenated), normalizeForComparison(plain));
    assert.equal(normalizeForComparison(`Wort${ZWSP}bruch\u2060stelle\ufeff`), 'wortbruchstelle');
    // Between a letter and its accent, a soft hyphen would keep the two from composing.
    assert.equal(normalizeForComparison(`Cafe${SHY}\u0301`), normalizeForComparison('Café'));
    // The zero-width non-joiner and joiner change how Persian and Indic letters join: they stay.
    assert.equal(normalizeForComparison('می\u200cخواهم'), 'می\u200cخواهم');
    assert.equal(normalizeForComparison('क्\u200dष'), 'क्\u200dष');
  });

  it('reads a word with soft hyphens in it as one word token', () => {
    const spans = tokenSpans(`neues Klima${SHY}schutz${SHY}programm.`);
    const words = [];
    for (let k = 0; k < spans.length; k += 3) if (spans[k + 2] === WORD) words.push([spans[k], spans[k + 1]]);
    assert.deepEqual(words, [
      [0, 5],
      [6, 27],
    ]);
  });

  it('finds no changed fact between two wordings that differ only in soft hyphens, and still finds a changed figure beside them', () => {
    assert.deepEqual(classifyChanges(plain, hyphenated, 'de'), []);
    const changes = classifyChanges(
      'Es soll die Emissionen bis 2030 deutlich senken.',
      `Es soll die Emis${SHY}sionen bis 2035 deutlich senken.`,
      'de',
    );
    assert.deepEqual(
      changes.map(c => c.kind),
      ['number'],
    );
  });

  it('finds no changed fact where an invisible character stands beside a word, or inside a number word fused to its noun', () => {
    assert.deepEqual(classifyChanges('Der Minister sagte am Montag nichts.', `Der Minister${ZWSP} sagte am Montag nichts.`, 'de'), []);
    assert.deepEqual(
      classifyChanges('Nach einer zwei-wöchigen Pause geht es weiter.', `Nach einer zwei-wö${SHY}chigen Pause geht es weiter.`, 'de'),
      [],
    );
  });

  it('shows no word difference between them, and the differences it shows spell the hyphenated wording as it stands', () => {
    assert.deepEqual(
      wordDiff(plain, hyphenated).map(part => part.kind),
      ['same'],
    );
    const other = `Es soll die Emis${SHY}sionen bis 2035 deutlich senken.`;
    const parts = wordDiff('Es soll die Emissionen bis 2030 deutlich senken.', other);
    assert.deepEqual(
      parts.filter(part => part.kind !== 'same').map(part => [part.kind, part.text]),
      [
        ['removed', '2030'],
        ['added', '2035'],
      ],
    );
    assert.equal(
      parts
        .filter(part => part.kind !== 'removed')
        .map(part => part.text)
        .join(''),
      other,
    );
  });

  it('groups the two versions at similarity 1, with no changes on either member', () => {
    const analysis = analyzeCorpus([
      { id: 'a.txt', text: `${plain}\n\nDie Opposition kritisierte den Entwurf als unzureichend.\n` },
      { id: 'b.txt', text: `${hyphenated}\n\nDie Opposition kritisierte den Entwurf als unzureichend.\n` },
    ]);
    assert.equal(analysis.groups.length, 2);
    for (const group of analysis.groups) {
      assert.equal(group.members.length, 2);
      for (const member of group.members) {
        assert.equal(member.similarity, 1);
        assert.equal(member.changes, undefined);
      }
    }
  });
});
