// One seeded generator (mulberry32) for the tests and the line model's training, so every
// random test replays exactly.
export { seededRandom } from '../../src/core/model/trainTrees';

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A string of `fewest` to `fewest + spread - 1` pieces drawn from `pieces` (the count drawn first). */
export function pickedString(random: () => number, pieces: readonly string[], fewest: number, spread: number): string {
  let text = '';
  for (let n = fewest + Math.floor(random() * spread); n > 0; n--) text += pick(random, pieces);
  return text;
}
