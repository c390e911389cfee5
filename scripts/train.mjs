// npm run train: trains the line model on the development pages beside the project
// (../shared/dev/pages and pages-more, or SYNOPTIC_SHARED) and writes src/core/model/lineModel.ts.
// `--cv` also prints leave-sites-out cross-validation figures (CV_FOLDS folds, default 13;
// CV_SEED the training seed of the fold models, default the committed model's).
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const training = createRequire(import.meta.url)(join(root, 'dist', 'training.js'));
const pages = training.readTrainingPages(resolve(process.env.SYNOPTIC_SHARED ?? join(root, '..', 'shared')));
if (!pages.length) {
  console.error('no development pages found beside the project');
  process.exit(2);
}
const started = performance.now();
const model = training.trainLineModel(pages);
const out = join(root, 'src', 'core', 'model', 'lineModel.ts');
writeFileSync(out, training.modelSource(model));
console.log(
  `trained on ${pages.length} pages, ${['article', 'meta', ...training.FORM_MODELS.map(([part]) => part)]
    .filter(part => model[part])
    .map(part => `${model[part].trees.length} ${part}`)
    .join(' + ')} trees, in ${((performance.now() - started) / 1000).toFixed(1)} s; wrote src/core/model/lineModel.ts`,
);
if (process.argv.includes('--cv')) {
  const folds = Number(process.env.CV_FOLDS ?? 13);
  const seed = Number(process.env.CV_SEED ?? training.LINE_TRAINING.seed);
  const scores = training.crossValidate(pages, folds, { ...training.LINE_TRAINING, seed });
  for (const set of ['pages', 'pages-more', undefined]) {
    const s = training.summarize(scores.filter(x => !set || x.site.startsWith(set + '/')));
    console.log(
      `${(set ?? 'all').padEnd(11)} CV F1 ${s.f1.toFixed(4)} (P ${s.p.toFixed(4)} R ${s.r.toFixed(4)}) kept ${s.contentKept.toFixed(4)} worst ${s.worstKept.toFixed(3)} ${s.worstSite}`,
    );
  }
}
