// npm run tune: chooses the line model's setting (how it is trained, and the thresholds of its
// context pass) from a small grid by leave-sites-out cross-validation on the development pages,
// and estimates what that choice delivers on unseen sites by nested cross-validation (each
// outer fold's setting chosen on the other folds alone). Prints both; the chosen setting is
// then written into LINE_TRAINING and the defaults of BoilerplateOptions by hand, and
// `npm run train` makes the model. TUNE_FOLDS sets the folds (default 13); TUNE_NESTED=0 skips
// the nested estimate.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const training = createRequire(import.meta.url)(join(root, 'dist', 'training.js'));
const pages = training.readTrainingPages(resolve(process.env.SYNOPTIC_SHARED ?? join(root, '..', 'shared'))).map(training.readPage);
if (!pages.length) {
  console.error('no development pages found beside the project');
  process.exit(2);
}
const folds = Number(process.env.TUNE_FOLDS ?? 13);
const grid = [];
for (const contentWeight of [3, 5])
  for (const threshold of [-0.5, 0, 0.5])
    for (const gapFloor of [-4, -3])
      grid.push({ training: { ...training.LINE_TRAINING, contentWeight }, options: { threshold, gapFloor } });
const describe = s => `contentWeight ${s.training.contentWeight}, ${JSON.stringify(s.options)}`;
const report = (label, scores) => {
  for (const set of training.TRAINING_SETS) {
    const s = training.summarize(scores.filter(x => x.site.startsWith(`${set}/`)));
    console.log(
      `${`dev/${set}`.padEnd(16)} ${label}: F1 ${s.f1.toFixed(4)} (P ${s.p.toFixed(4)} R ${s.r.toFixed(4)}), kept ${s.contentKept.toFixed(4)}, worst page kept ${s.worstKept.toFixed(4)} (${s.worstSite.slice(set.length + 1)})`,
    );
  }
};
const started = performance.now();
const { chosen, objectives } = training.chooseSetting(pages, folds, grid);
grid.forEach((s, i) => console.log(`${i === chosen ? '*' : ' '} ${objectives[i].toFixed(4)}  ${describe(s)}`));
console.log(`chosen by ${folds}-fold leave-sites-out cross-validation: ${describe(grid[chosen])}`);
if (process.env.TUNE_NESTED !== '0') {
  const nested = training.nestedCrossValidate(pages, folds, grid);
  report(`nested ${folds}-fold`, nested.scores);
  console.log(`settings chosen in the outer folds: ${nested.chosen.join(' ')}`);
}
console.log(`${((performance.now() - started) / 1000).toFixed(0)} s`);
