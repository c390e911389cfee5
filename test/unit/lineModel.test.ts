import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BoostedTrees, NO_SPLIT, margin } from '../../src/core/model/boostedTrees';
import { BinnedRows, bestSplit, candidateThresholds, trainBoostedTrees } from '../../src/core/model/trainTrees';
import {
  LINE_TRAINING,
  chooseSetting,
  crossValidate,
  modelSource,
  nestedCrossValidate,
  readPage,
  trainLineModel,
} from '../../src/core/model/lineTraining';
import { readTrainingPages } from '../../src/node/trainingPages';
import { seededRandom } from '../support/random';

const root = join(__dirname, '..', '..', '..');

/** The best split by brute force: every candidate threshold of every feature, sums taken over the raw values. */
function naiveBestSplit(
  rows: number[][],
  thresholds: number[][],
  g: Float64Array,
  h: Float64Array,
  members: number[],
  lambda: number,
  minChild: number,
) {
  const G = members.reduce((s, r) => s + g[r], 0);
  const H = members.reduce((s, r) => s + h[r], 0);
  let best: { feature: number; bin: number; gain: number } | undefined;
  thresholds.forEach((ts, f) =>
    ts.forEach((t, b) => {
      const left = members.filter(r => rows[r][f] <= t);
      const gl = left.reduce((s, r) => s + g[r], 0);
      const hl = left.reduce((s, r) => s + h[r], 0);
      if (hl < minChild || H - hl < minChild) return;
      const gain = (gl * gl) / (hl + lambda) + ((G - gl) * (G - gl)) / (H - hl + lambda) - (G * G) / (H + lambda);
      if (gain > 1e-9 && (!best || gain > best.gain + 1e-12)) best = { feature: f, bin: b, gain };
    }),
  );
  return best;
}

function randomData(seed: number, n: number, features: number) {
  const random = seededRandom(seed);
  const rows = Array.from({ length: n }, () => Array.from({ length: features }, (_, f) => (f % 2 ? Math.round(random() * 5) : random())));
  const labels = rows.map(r => (r[0] + 0.3 * r[1] + 0.2 * random() > 0.9 ? 1 : 0));
  return { rows, labels };
}

describe('boosted trees', () => {
  it('finds the same best split by histogram as a brute-force search over every threshold', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed * 31);
      const { rows } = randomData(seed, 60 + seed * 7, 5);
      const maxBins = 4 + (seed % 9);
      const thresholds = [0, 1, 2, 3, 4].map(f =>
        candidateThresholds(
          rows.map(r => r[f]),
          maxBins,
        ),
      );
      const bins = new Uint8Array(rows.length * 5);
      rows.forEach((row, r) => row.forEach((v, f) => (bins[r * 5 + f] = thresholds[f].filter(t => t < v).length)));
      const binned: BinnedRows = { features: 5, bins, binCounts: thresholds.map(t => t.length) };
      const g = Float64Array.from(rows, () => random() * 2 - 1);
      const h = Float64Array.from(rows, () => random() * 0.25 + 0.01);
      const members = rows.map((_, r) => r).filter(() => random() < 0.8);
      const fast = bestSplit(binned, g, h, members, 1, 0.5);
      const naive = naiveBestSplit(rows, thresholds, g, h, members, 1, 0.5);
      assert.equal(fast?.feature, naive?.feature, `seed ${seed}`);
      assert.equal(fast?.bin, naive?.bin, `seed ${seed}`);
      if (fast && naive) assert.ok(Math.abs(fast.gain - naive.gain) < 1e-9, `seed ${seed}`);
    }
  });

  it('adds the leaf each row reaches to the bias', () => {
    const model: BoostedTrees = {
      featureNames: ['a', 'b'],
      depth: 2,
      bias: 0.5,
      trees: [{ features: [0, 1, 0], thresholds: [1, 2, NO_SPLIT], leaves: [1, 2, 3, 4] }],
    };
    assert.equal(margin(model, [0, 0]), 1.5); // a ≤ 1, b ≤ 2
    assert.equal(margin(model, [0, 3]), 2.5); // a ≤ 1, b > 2
    assert.equal(margin(model, [2, 9]), 3.5); // a > 1, unsplit node: left
  });

  it('gives the margin of a node-by-node walk down each tree, at every depth', () => {
    const random = seededRandom(11);
    for (const depth of [1, 2, 3, 4]) {
      const splits = 2 ** depth - 1;
      const trees = Array.from({ length: 25 }, () => ({
        features: Array.from({ length: splits }, () => Math.floor(random() * 5)),
        thresholds: Array.from({ length: splits }, () => (random() < 0.1 ? NO_SPLIT : random())),
        leaves: Array.from({ length: splits + 1 }, () => random() - 0.5),
      }));
      const model: BoostedTrees = { featureNames: ['a', 'b', 'c', 'd', 'e'], depth, bias: random(), trees };
      const walk = (row: readonly number[]) => {
        let sum = model.bias;
        for (const tree of trees) {
          let node = 0;
          while (node < splits) node = row[tree.features[node]] > tree.thresholds[node] ? 2 * node + 2 : 2 * node + 1;
          sum += tree.leaves[node - splits];
        }
        return sum;
      };
      for (let r = 0; r < 200; r++) {
        const row = Array.from({ length: 5 }, () => random());
        assert.equal(margin(model, row), walk(row));
      }
    }
  });

  it('trains the same model from the same rows and seed, and a model that separates them', () => {
    const { rows, labels } = randomData(7, 400, 4);
    const set = { featureNames: ['a', 'b', 'c', 'd'], rows, labels };
    const one = trainBoostedTrees(set, { trees: 30, seed: 3 });
    assert.deepEqual(trainBoostedTrees(set, { trees: 30, seed: 3 }), one);
    assert.notDeepEqual(trainBoostedTrees(set, { trees: 30, seed: 4 }), one);
    const right = rows.filter((row, r) => margin(one, row) > 0 === (labels[r] === 1)).length;
    assert.ok(right / rows.length > 0.9, String(right / rows.length));
  });

  it('gives a bag of models the mean margin of the models trained alone with its seeds', () => {
    const { rows, labels } = randomData(11, 300, 4);
    const set = { featureNames: ['a', 'b', 'c', 'd'], rows, labels };
    const bag = trainBoostedTrees(set, { trees: 20, seed: 5, bags: 3 });
    const alone = [5, 1005, 2005].map(seed => trainBoostedTrees(set, { trees: 20, seed }));
    assert.equal(bag.trees.length, 60);
    for (const row of rows.slice(0, 100)) {
      const mean = alone.reduce((sum, m) => sum + margin(m, row), 0) / alone.length;
      assert.ok(Math.abs(margin(bag, row) - mean) < 1e-9);
    }
  });

  it('leads fewer trees with the strongest feature when each tree draws a share of the features', () => {
    const { rows, labels } = randomData(13, 300, 6);
    const set = { featureNames: ['a', 'b', 'c', 'd', 'e', 'f'], rows, labels };
    const model = trainBoostedTrees(set, { trees: 40, seed: 2, featureShare: 0.3 });
    const all = trainBoostedTrees(set, { trees: 40, seed: 2 });
    // With every feature allowed, the strongest feature leads almost every tree; drawn per tree, others lead many.
    const leader = (m: BoostedTrees) => {
      const counts = new Map<number, number>();
      for (const t of m.trees) if (t.thresholds[0] !== NO_SPLIT) counts.set(t.features[0], (counts.get(t.features[0]) ?? 0) + 1);
      return Math.max(...counts.values()) / m.trees.length;
    };
    assert.ok(leader(all) > 0.8 && leader(model) < 0.5, `${leader(all)} vs ${leader(model)}`);
    assert.deepEqual(trainBoostedTrees(set, { trees: 40, seed: 2, featureShare: 0.3 }), model);
  });
});

describe('line model', () => {
  const shared = resolve(process.env.SYNOPTIC_SHARED ?? join(root, '..', 'shared'));

  it('is reproduced exactly by training on the development pages', function () {
    const pages = readTrainingPages(shared);
    if (!pages.length) this.skip();
    this.timeout(120_000);
    const committed = readFileSync(join(root, 'src', 'core', 'model', 'lineModel.ts'), 'utf8');
    assert.equal(modelSource(trainLineModel(pages)), committed);
  });

  it('chooses a setting by leave-sites-out scores, and nested over one setting gives the plain leave-sites-out scores', function () {
    const pages = readTrainingPages(shared).slice(0, 10).map(readPage);
    if (!pages.length) this.skip();
    this.timeout(120_000);
    const training = { ...LINE_TRAINING, trees: 20 };
    const sane = { training, options: {} };
    // A threshold no margin reaches marks every line: it keeps no article line.
    const blind = { training, options: { threshold: 1e9 } };
    assert.equal(chooseSetting(pages, 3, [blind, sane]).chosen, 1);
    const nested = nestedCrossValidate(pages, 3, [sane]);
    assert.deepEqual(nested.chosen, [0, 0, 0]);
    assert.deepEqual(nested.scores, crossValidate(pages, 3, training));
    assert.deepEqual(nestedCrossValidate(pages, 3, [blind, sane]).chosen, [1, 1, 1]);
  });

  it('is trained on both sets of development pages when they are present', function () {
    if (!existsSync(join(shared, 'dev', 'pages-more', 'gold.json'))) this.skip();
    const sites = new Set(readTrainingPages(shared).map(p => p.site.split('/')[0]));
    assert.deepEqual([...sites], ['pages', 'pages-more']);
  });
});
