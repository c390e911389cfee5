/**
 * The core as the benchmark loads it (`dist/bench-core.js`): the product's entry points and the
 * ones the benchmark times besides them.
 */
export * from '../core';
export { analyzeCorpus } from '../core/analyzer';
export { splitAnalysis } from '../worker/analysisParts';
export { addFacts } from '../core/facts';
export { seededRandom } from '../core/model/trainTrees';
export { wrappedLine } from '../core/model/pageVariants';
export { changedFactSpans, factHoverLines, hasChangedFact } from '../sentenceFacts';
