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
  let sum = model.bias;
  const depth = model.depth;
  const trees = model.trees;
  for (let t = 0; t < trees.length; t++) {
    const tree = trees[t];
    let node = 0;
    for (let d = 0; d < depth; d++) node = 2 * node + (row[tree.features[node]] > tree.thresholds[node] ? 2 : 1);
    sum += tree.leaves[node - (2 ** depth - 1)];
  }
  return sum;
}
