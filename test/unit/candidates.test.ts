import * as assert from 'node:assert/strict';
import { PrefixIndex } from '../../src/core/prefixIndex';
import { selfJoin } from '../../src/core/selfJoin';
import { TokenSpace } from '../../src/core/tokenSpace';
import { bigramProfile, profileSimilarity } from '../../src/core/similarity';
import { FormSpace } from '../../src/core/forms';
import { normalizeForComparison } from '../../src/core/text';
import { JoinRecord, bruteForceJoin, similarityJoin } from '../support/joinOracle';
import { pick, seededRandom } from '../support/random';

const VOCABULARY = 'the president met in moscow talks syria army forces said on tuesday rebel areas war a of and minister'.split(' ');

function randomCorpus(seed: number, statements = 12): JoinRecord[] {
  const random = seededRandom(seed);
  const base = Array.from({ length: statements }, () =>
    Array.from({ length: 3 + Math.floor(random() * 10) }, () => pick(random, VOCABULARY)),
  );
  const records: JoinRecord[] = [];
  const sources = 2 + Math.floor(random() * 4);
  for (let source = 0; source < sources; source++) {
    for (const sentence of base) {
      if (random() < 0.3) continue;
      const words = sentence.filter(() => random() > 0.15);
      if (random() < 0.3) words.push(pick(random, VOCABULARY));
      if (random() < 0.2) words.reverse();
      records.push({ source, profile: bigramProfile(normalizeForComparison(words.join(' '))) });
    }
  }
  return records;
}

describe('similarity join with prefix filtering', () => {
  for (const threshold of [0.3, 0.5, 0.8, 1]) {
    it(`finds exactly the pairs brute force finds at threshold ${threshold} on 60 seeded corpora`, () => {
      for (let seed = 1; seed <= 60; seed++) {
        const records = randomCorpus(seed * 7919 + Math.round(threshold * 100));
        const key = (p: { a: number; b: number; similarity: number }) => `${p.a}-${p.b}-${p.similarity}`;
        assert.deepEqual(similarityJoin(records, threshold).map(key), bruteForceJoin(records, threshold).map(key), `seed ${seed}`);
      }
    });
  }

  for (const threshold of [0.3, 0.85]) {
    it(`finds exactly the pairs brute force finds through the index, on corpora too large to compare every pair, at ${threshold}`, () => {
      for (let seed = 1; seed <= 3; seed++) {
        const records = randomCorpus(seed * 104729 + Math.round(threshold * 100), 400);
        assert.ok(records.length > 450, 'large enough for the index');
        const key = (p: { a: number; b: number; similarity: number }) => `${p.a}-${p.b}-${p.similarity}`;
        assert.deepEqual(similarityJoin(records, threshold).map(key), bruteForceJoin(records, threshold).map(key), `seed ${seed}`);
      }
    });
  }

  it('finds every match among profiles added to the space and the index later, in any order', () => {
    const records = randomCorpus(77, 40);
    const half = Math.floor(records.length / 2);
    const space = new TokenSpace(records.slice(0, half).map(r => r.profile));
    const index = new PrefixIndex(space, 0.5);
    const random = seededRandom(78);
    for (const r of records.slice(half)) space.add(r.profile);
    const order = records.map((_, i) => i).sort(() => random() - 0.5);
    for (const i of order) index.add(i);
    const expected = bruteForceJoin(
      records.map(r => ({ source: 0, profile: r.profile })).map((r, i) => ({ ...r, source: i })),
      0.5,
    );
    const found = order.flatMap(i => index.matches(i).filter(m => m.a < m.b));
    const key = (p: { a: number; b: number; similarity: number }) => `${p.a}-${p.b}-${p.similarity}`;
    assert.deepEqual(found.map(key).sort(), expected.map(key).sort());
  });

  it('with a budget, verifies exactly the first candidates the full probe reaches, and says when the budget was met', () => {
    const records = randomCorpus(91, 200);
    const space = new TokenSpace(records.map(r => r.profile));
    const index = new PrefixIndex(space, 0.3);
    records.forEach((_, i) => index.add(i));
    let saturated = 0;
    for (let i = 0; i < records.length; i += 7) {
      const all = index.matches(i);
      const reached = index.touchedCount;
      for (const budget of [1, 5, 40]) {
        // The oracle: the candidates reached first, in order, each compared by brute force.
        const taken: number[] = [];
        index.matches(i, j => (taken.push(j), true));
        const first = new Set(taken.slice(0, budget));
        const bounded = index.matches(i, undefined, { budget });
        assert.equal(index.saturated, reached > budget, `probe ${i}, budget ${budget}`);
        if (index.saturated) saturated++;
        assert.deepEqual(
          bounded.map(m => m.b),
          all.filter(m => first.has(m.b)).map(m => m.b),
          `probe ${i}, budget ${budget}`,
        );
      }
    }
    assert.ok(saturated > 0, 'some budget was met');
  });

  it('hands matches over one by one and stops when told, the matches being those of the full probe', () => {
    const records = randomCorpus(92, 300);
    const space = new TokenSpace(records.map(r => r.profile));
    const index = new PrefixIndex(space, 0.3);
    records.forEach((_, i) => index.add(i));
    let stoppedEarly = 0;
    for (let i = 0; i < records.length; i += 5) {
      const all = index.matches(i).map(m => `${m.b}-${m.similarity}`);
      const everyOne: string[] = [];
      index.matches(i, undefined, { found: m => (everyOne.push(`${m.b}-${m.similarity}`), true) });
      assert.deepEqual(everyOne, all, `probe ${i}`);
      const some: string[] = [];
      index.matches(i, undefined, { found: m => (some.push(`${m.b}-${m.similarity}`), some.length < 2) });
      assert.deepEqual(some, all.slice(0, 2), `probe ${i}`);
      if (all.length > 2) stoppedEarly++;
    }
    assert.ok(stoppedEarly > 0, 'some probe had more matches than it needed');
  });

  it('joins a chosen list of profiles, one listed twice, as the same profiles in a space of their own', () => {
    const records = randomCorpus(91, 400);
    const space = new TokenSpace(records.map(r => r.profile));
    const random = seededRandom(92);
    const ids = records.map((_, i) => i).filter(() => random() < 0.8);
    const separate = (a: number, b: number) => (a + b) % 3 !== 0;
    const key = (p: { a: number; b: number; similarity: number }) => `${p.a}-${p.b}-${p.similarity}`;
    const inOwnSpace = (list: number[]) => selfJoin(new TokenSpace(list.map(i => records[i].profile)), 0.4, separate).map(key);
    for (const list of [ids, [...ids, ids[3]], [...ids.slice(0, 60), ids[3]]]) {
      assert.deepEqual(selfJoin(space, 0.4, separate, list).map(key), inOwnSpace(list), `${list.length} profiles`);
    }
  });

  for (const [share, name] of [
    [1, 'every pair'],
    [0.05, 'few pairs'],
  ] as const) {
    it(`finds exactly the pairs comparing each finds when ${name} may pair (counting shared tokens or comparing pairs)`, () => {
      for (let seed = 1; seed <= 20; seed++) {
        const records = randomCorpus(seed * 53, 20);
        const space = new TokenSpace(records.map(r => r.profile));
        const random = seededRandom(seed);
        const allowed = new Set<string>();
        for (let a = 0; a < records.length; a++)
          for (let b = a + 1; b < records.length; b++) if (random() < share) allowed.add(`${a} ${b}`);
        const separate = (a: number, b: number) => allowed.has(`${a} ${b}`);
        for (const threshold of [0.3, 0.6]) {
          const expected: string[] = [];
          for (let a = 0; a < records.length; a++) {
            for (let b = a + 1; b < records.length; b++) {
              if (!separate(a, b) || !records[a].profile.bigrams.length || !records[b].profile.bigrams.length) continue;
              const similarity = profileSimilarity(records[a].profile, records[b].profile);
              if (similarity >= threshold) expected.push(`${a}-${b}-${similarity}`);
            }
          }
          assert.deepEqual(
            selfJoin(space, threshold, separate).map(p => `${p.a}-${p.b}-${p.similarity}`),
            expected,
            `seed ${seed} at ${threshold}`,
          );
        }
      }
    });
  }

  it('never pairs two records of the same source', () => {
    const records = randomCorpus(42);
    for (const p of similarityJoin(records, 0.3)) assert.notEqual(records[p.a].source, records[p.b].source);
  });

  it('rejects a threshold outside (0, 1]', () => {
    assert.throws(() => similarityJoin([], 0), RangeError);
  });
});

describe('form space', () => {
  it('ranks its forms in the order a string sort gives, also after forms are added batch by batch', () => {
    const random = seededRandom(2024);
    // Surrogate pairs, accents and upper case: code-unit order is not the order of code points or of a collator.
    const letters = ['a', 'b', 'B', 'é', 'z', ' ', '😀', '\uffe0', 'ж', 'ب'];
    const form = () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(random, letters)).join('');
    const distinct = (list: string[]) => [...new Set(list)];
    const space = new FormSpace(distinct(Array.from({ length: 300 }, form)));
    const all = new Set<string>(Array.from({ length: 300 }, form).filter(f => space.idOf(f) >= 0));
    for (let batch = 0; batch < 8; batch++) {
      const added = Array.from({ length: Math.floor(random() * 40) }, form);
      const ids = added.map(f => space.idOf(f));
      added.forEach(f => all.add(f));
      const ranks = space.textRanks();
      const byRank = [...all].sort((x, y) => ranks[space.idOf(x)] - ranks[space.idOf(y)]);
      assert.deepEqual(byRank, [...all].sort(), `batch ${batch}`);
      assert.equal(new Set(ids).size, new Set(added).size);
    }
  });
});
