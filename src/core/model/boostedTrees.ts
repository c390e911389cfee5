/**
 * Gradient-boosted shallow decision trees for a yes/no label: the model the line classifier
 * runs. A model is plain data (a few hundred numbers), so it is stored in the repository and
 * evaluated with a handful of comparisons per tree.
 *
 * Every tree has the same depth D and is stored as a complete binary tree: `features` and
 * `thresholds` (2^D - 1 split nodes, breadth first; a row goes right when its value is greater
 * than the threshold) and `leaves` (2^D values, added to the margin). A node that was not
 * split has threshold `NO_SPLIT`, so every row goes left.
 */

/** A trained model: the log-odds of "yes" is `bias` plus one leaf value per tree. */
export interface BoostedTrees {
  /** The feature columns the model was trained on, by name; rows must follow this order. */
  readonly featureNames: readonly string[];
  readonly depth: number;
  readonly bias: number;
  readonly trees: readonly BoostedTree[];
}

export interface BoostedTree {
  readonly features: readonly number[];
  readonly thresholds: readonly number[];
  readonly leaves: readonly number[];
}

/** Threshold of a node that was not split: every finite value goes left. */
export const NO_SPLIT = 1e300;

/** The log-odds of "yes" for one feature row. O(trees × depth). */
export function margin(model: BoostedTrees, row: ArrayLike<number>): number {
  const flat = flatTrees(model);
  const { depth, splits, features, thresholds, leaves } = flat;
  const leafCount = splits + 1;
  let sum = model.bias;
  if (depth === 2) {
    // The committed model's depth, unrolled: three split nodes, four leaves a tree.
    for (let t = 0, b = 0; t < flat.trees; t++, b += 3) {
      const right = row[features[b]] > thresholds[b];
      const node = right ? b + 2 : b + 1;
      const leaf = (right ? 2 : 0) + (row[features[node]] > thresholds[node] ? 1 : 0);
      sum += leaves[4 * t + leaf];
    }
    return sum;
  }
  for (let t = 0, base = 0; t < flat.trees; t++, base += splits) {
    let node = 0;
    for (let d = 0; d < depth; d++) node = 2 * node + (row[features[base + node]] > thresholds[base + node] ? 2 : 1);
    sum += leaves[t * leafCount + node - splits];
  }
  return sum;
}

/** A model's trees laid out in typed arrays, tree after tree, for evaluation without a lookup per node. */
interface FlatTrees {
  readonly trees: number;
  readonly depth: number;
  /** Split nodes per tree: 2^depth - 1. */
  readonly splits: number;
  readonly features: Int32Array;
  readonly thresholds: Float64Array;
  readonly leaves: Float64Array;
}

const flattened = new WeakMap<BoostedTrees, FlatTrees>();

/** The model's flat layout, made once per model object. O(trees × 2^depth). */
function flatTrees(model: BoostedTrees): FlatTrees {
  let flat = flattened.get(model);
  if (flat) return flat;
  const depth = model.depth;
  const splits = 2 ** depth - 1;
  const n = model.trees.length;
  const features = new Int32Array(n * splits);
  const thresholds = new Float64Array(n * splits);
  const leaves = new Float64Array(n * (splits + 1));
  model.trees.forEach((tree, t) => {
    for (let j = 0; j < splits; j++) {
      features[t * splits + j] = tree.features[j];
      thresholds[t * splits + j] = tree.thresholds[j];
    }
    for (let j = 0; j <= splits; j++) leaves[t * (splits + 1) + j] = tree.leaves[j];
  });
  flat = { trees: n, depth, splits, features, thresholds, leaves };
  flattened.set(model, flat);
  return flat;
}
