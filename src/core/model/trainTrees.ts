/**
 * Training of `BoostedTrees` (see boostedTrees.ts): gradient boosting with the logistic loss,
 * Newton steps for the leaf values, and split search over pre-binned feature values (at most
 * `maxBins` candidate thresholds per feature, midpoints between quantiles of the training
 * values), as in histogram-based boosting. Each tree sees a seeded random subsample of the rows
 * (and, optionally, of the features), so training is reproducible: the same rows, options and
 * seed give the same model. Several such models may be averaged (`bags`).
 *
 * Cost: O(rows × features) to bin, then O(bags × trees × depth × rows × features) to grow.
 */
import { BoostedTree, BoostedTrees, NO_SPLIT } from './boostedTrees';

export interface TrainingOptions {
  /** Number of trees. Default 150. */
  readonly trees?: number;
  /** Depth of every tree. Default 2. */
  readonly depth?: number;
  /** Shrinkage of every tree's leaf values. Default 0.1. */
  readonly learningRate?: number;
  /** L2 penalty on leaf values (added to the hessian sum). Default 1. */
  readonly lambda?: number;
  /** Least hessian sum on either side of a split. Default 1. */
  readonly minChildWeight?: number;
  /** Share of rows each tree is grown on. Default 0.8. */
  readonly subsample?: number;
  /** Candidate thresholds per feature, at most. Default 32. */
  readonly maxBins?: number;
  /** Seed of the row subsampling. Default 1. */
  readonly seed?: number;
  /** Share of the features each split node may choose from, drawn per tree. Default 1 (all). */
  readonly featureShare?: number;
  /**
   * Number of models trained with seeds `seed`, `seed + 1000`, `seed + 2000`, … and averaged
   * (bagging of boosted models): their trees are kept side by side with every leaf divided by
   * `bags`. Models of nearby seeds share none of their seeds. Default 1.
   */
  readonly bags?: number;
}

/** A labelled training set: `rows[i]` has label `labels[i]` (1 yes, 0 no) and weight `weights[i]` (default 1). */
export interface TrainingSet {
  readonly featureNames: readonly string[];
  readonly rows: readonly ArrayLike<number>[];
  readonly labels: ArrayLike<number>;
  readonly weights?: ArrayLike<number>;
}

/** Candidate thresholds of one feature: midpoints between distinct quantiles of `values`, ascending. */
export function candidateThresholds(values: ArrayLike<number>, maxBins: number): number[] {
  const sorted = Float64Array.from(values).sort();
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
  if (distinct.length <= 1) return [];
  let cuts: number[];
  if (distinct.length <= maxBins) {
    cuts = distinct;
  } else {
    cuts = [];
    for (let q = 0; q <= maxBins; q++) {
      const v = sorted[Math.min(sorted.length - 1, Math.floor((q * (sorted.length - 1)) / maxBins))];
      if (!cuts.length || v !== cuts[cuts.length - 1]) cuts.push(v);
    }
  }
  const thresholds: number[] = [];
  for (let i = 1; i < cuts.length; i++) thresholds.push((cuts[i - 1] + cuts[i]) / 2);
  return thresholds;
}

/** The best split of one node, or undefined when no split gains. */
export interface Split {
  readonly feature: number;
  /** Rows with a bin above this go right. */
  readonly bin: number;
  readonly gain: number;
}

/** Rows' bins of every feature, row by row: `bins[r * features + f]` is row r's bin of feature f (the number of thresholds below its value). */
export interface BinnedRows {
  readonly features: number;
  readonly bins: Uint8Array;
  /** Thresholds per feature; bin b of feature f covers values up to `thresholds[f][b]`. */
  readonly binCounts: readonly number[];
}

/**
 * Best split of the rows `members` by histogram: gradient and hessian sums per feature and bin
 * in one pass over the rows, then a left-to-right scan per feature (only the features with
 * `allowed[f]` non-zero, when given). Ties go to the lowest feature, then the lowest bin. O(members × features + features × bins).
 */
export function bestSplit(
  binned: BinnedRows,
  gradients: Float64Array,
  hessians: Float64Array,
  members: ArrayLike<number>,
  lambda: number,
  minChildWeight: number,
  allowed?: ArrayLike<number>,
): Split | undefined {
  const F = binned.features;
  let stride = 1;
  for (let f = 0; f < F; f++) stride = Math.max(stride, binned.binCounts[f] + 1);
  const g = new Float64Array(F * stride);
  const h = new Float64Array(F * stride);
  const bins = binned.bins;
  let G = 0;
  let H = 0;
  for (let k = 0; k < members.length; k++) {
    const r = members[k];
    const gr = gradients[r];
    const hr = hessians[r];
    G += gr;
    H += hr;
    const base = r * F;
    for (let f = 0; f < F; f++) {
      const cell = f * stride + bins[base + f];
      g[cell] += gr;
      h[cell] += hr;
    }
  }
  const parent = (G * G) / (H + lambda);
  let best: Split | undefined;
  for (let f = 0; f < F; f++) {
    if (allowed && !allowed[f]) continue;
    const nBins = binned.binCounts[f] + 1;
    let gl = 0;
    let hl = 0;
    for (let b = 0; b < nBins - 1; b++) {
      gl += g[f * stride + b];
      hl += h[f * stride + b];
      const hr = H - hl;
      if (hl < minChildWeight || hr < minChildWeight) continue;
      const gr = G - gl;
      const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
      if (gain > 1e-9 && (!best || gain > best.gain + 1e-12)) best = { feature: f, bin: b, gain };
    }
  }
  return best;
}

/** A small seeded generator (mulberry32): uniform numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Trains a model on `set`: with `bags` above 1, the average of that many models grown with
 * consecutive seeds. Deterministic for a given set, options and seed.
 */
export function trainBoostedTrees(set: TrainingSet, options: TrainingOptions = {}): BoostedTrees {
  const bags = Math.max(1, Math.round(options.bags ?? 1));
  if (bags === 1) return trainOne(set, options);
  const seed = options.seed ?? 1;
  const models = Array.from({ length: bags }, (_, b) => trainOne(set, { ...options, seed: seed + 1000 * b }));
  return {
    featureNames: models[0].featureNames,
    depth: models[0].depth,
    bias: models.reduce((sum, m) => sum + m.bias, 0) / bags,
    trees: models.flatMap(m => m.trees.map(t => ({ ...t, leaves: t.leaves.map(v => v / bags) }))),
  };
}

function trainOne(set: TrainingSet, options: TrainingOptions): BoostedTrees {
  const nTrees = options.trees ?? 150;
  const depth = options.depth ?? 2;
  const rate = options.learningRate ?? 0.1;
  const lambda = options.lambda ?? 1;
  const minChildWeight = options.minChildWeight ?? 1;
  const subsample = options.subsample ?? 0.8;
  const maxBins = Math.min(255, options.maxBins ?? 32);
  const featureShare = options.featureShare ?? 1;
  const random = seededRandom(options.seed ?? 1);

  const n = set.rows.length;
  const nFeatures = set.featureNames.length;
  const weight = (r: number) => (set.weights ? set.weights[r] : 1);
  const thresholds: number[][] = [];
  const bins = new Uint8Array(n * nFeatures);
  for (let f = 0; f < nFeatures; f++) {
    const column = new Float64Array(n);
    for (let r = 0; r < n; r++) column[r] = set.rows[r][f];
    const t = candidateThresholds(column, maxBins);
    thresholds.push(t);
    for (let r = 0; r < n; r++) bins[r * nFeatures + f] = binOf(t, column[r]);
  }
  const binned: BinnedRows = { features: nFeatures, bins, binCounts: thresholds.map(t => t.length) };

  let yes = 0;
  let total = 0;
  for (let r = 0; r < n; r++) {
    yes += weight(r) * set.labels[r];
    total += weight(r);
  }
  const prior = Math.min(1 - 1e-6, Math.max(1e-6, total ? yes / total : 0.5));
  const bias = Math.log(prior / (1 - prior));
  const margins = new Float64Array(n).fill(bias);
  const gradients = new Float64Array(n);
  const hessians = new Float64Array(n);
  const trees: BoostedTree[] = [];
  const nodes = 2 ** depth - 1;

  for (let t = 0; t < nTrees; t++) {
    for (let r = 0; r < n; r++) {
      const p = 1 / (1 + Math.exp(-margins[r]));
      gradients[r] = weight(r) * (p - set.labels[r]);
      hessians[r] = weight(r) * Math.max(p * (1 - p), 1e-6);
    }
    const sample: number[] = [];
    for (let r = 0; r < n; r++) if (random() < subsample) sample.push(r);
    const allowed = featureShare < 1 ? Uint8Array.from({ length: nFeatures }, () => (random() < featureShare ? 1 : 0)) : undefined;
    const features = new Array<number>(nodes).fill(0);
    const nodeThresholds = new Array<number>(nodes).fill(NO_SPLIT);
    let level: number[][] = [sample];
    for (let d = 0; d < depth; d++) {
      const nextLevel: number[][] = [];
      level.forEach((members, k) => {
        const node = 2 ** d - 1 + k;
        const split = bestSplit(binned, gradients, hessians, members, lambda, minChildWeight, allowed);
        const left: number[] = [];
        const right: number[] = [];
        if (split) {
          features[node] = split.feature;
          nodeThresholds[node] = thresholds[split.feature][split.bin];
          for (const r of members) (bins[r * nFeatures + split.feature] > split.bin ? right : left).push(r);
        } else {
          left.push(...members);
        }
        nextLevel.push(left, right);
      });
      level = nextLevel;
    }
    const leaves = level.map(members => {
      let g = 0;
      let h = 0;
      for (const r of members) {
        g += gradients[r];
        h += hessians[r];
      }
      return members.length ? (-g / (h + lambda)) * rate : 0;
    });
    const tree: BoostedTree = { features, thresholds: nodeThresholds, leaves };
    trees.push(tree);
    // Every row, sampled or not, moves by the new tree.
    for (let r = 0; r < n; r++) margins[r] += leafOf(tree, depth, set.rows[r]);
  }
  return { featureNames: [...set.featureNames], depth, bias, trees };
}

function binOf(thresholds: readonly number[], value: number): number {
  let lo = 0;
  let hi = thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (thresholds[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function leafOf(tree: BoostedTree, depth: number, row: ArrayLike<number>): number {
  let node = 0;
  for (let d = 0; d < depth; d++) node = 2 * node + (row[tree.features[node]] > tree.thresholds[node] ? 2 : 1);
  return tree.leaves[node - (2 ** depth - 1)];
}
