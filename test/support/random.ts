// One seeded generator (mulberry32) for the tests and the line model's training, so every
// random test replays exactly.
export { seededRandom } from '../../src/core/model/trainTrees';

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}
