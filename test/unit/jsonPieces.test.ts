import * as assert from 'node:assert/strict';
import { jsonPieces } from '../../src/node/jsonPieces';
import { pick, seededRandom } from '../support/random';

/** A random JSON-like value: nested objects and arrays, strings beyond Latin-1 and lone surrogates, and values JSON leaves out or writes as null. */
function randomValue(random: () => number, depth: number): unknown {
  const leaves: (() => unknown)[] = [
    () => Math.floor(random() * 1000) - 500,
    () => random() * 10,
    () => pick(random, ['', 'plain', 'quote "x"', 'back\\slash', 'new\nline', '’ curly', '\u{1F600} pair', '\ud800 lone', 'é']),
    () => pick(random, [true, false, null]),
    () => pick(random, [undefined, () => 1, Symbol('s'), NaN, Infinity, new Date(0)]),
  ];
  if (depth === 0 || random() < 0.3) return pick(random, leaves)();
  if (random() < 0.5) return Array.from({ length: Math.floor(random() * 5) }, () => randomValue(random, depth - 1));
  const object: Record<string, unknown> = {};
  for (let n = Math.floor(random() * 5); n > 0; n--)
    object[pick(random, ['a', 'b', 'key "q"', 'ü', '2', '10'])] = randomValue(random, depth - 1);
  if (random() < 0.05) object.toJSON = () => ({ replaced: true });
  return object;
}

const joined = (value: unknown) => {
  const pieces: string[] = [];
  jsonPieces(value, piece => pieces.push(piece));
  return pieces;
};

describe('JSON in pieces', () => {
  it('joins to exactly what JSON.stringify writes, on seeded random values', () => {
    const random = seededRandom(20261204);
    for (let trial = 0; trial < 3000; trial++) {
      const value = randomValue(random, 4);
      const expected = JSON.stringify(value) as string | undefined;
      if (expected === undefined) continue;
      assert.equal(joined(value).join(''), expected, `trial ${trial}`);
    }
  });

  it('cuts an export-shaped object at its members and the elements of its arrays', () => {
    const value = { format: 1, sources: [{ name: 'a' }, { name: 'b' }], skipped: undefined, stories: [] };
    assert.deepEqual(joined(value), [
      '{',
      '"format":',
      '1',
      ',"sources":',
      '[',
      '{"name":"a"}',
      ',',
      '{"name":"b"}',
      ']',
      ',"stories":',
      '[',
      ']',
      '}',
    ]);
  });
});
