/**
 * Training and cross-validation of the line model on pages with gold line labels.
 *
 * A page is its text and one label per element of `text.split("\n")` ("content",
 * "boilerplate", "meta", "blank"); "meta" and "blank" lines are left out of training and
 * scoring. Features are computed exactly as `classifyLines` computes them. No file access:
 * the caller reads the pages (see scripts/train.mjs).
 */
import { lfLineOfLines, splitLines, words } from '../text';
import { detectStopwords } from '../stopwords';
import { FEATURE_NAMES, PageFeatures, pageFeatures, pageFunctionWordShare, SPARSE_BELOW } from '../lineFeatures';
import { BoilerplateOptions, LineModel, LineVerdict, verdictsOf } from '../boilerplate';
import { BoostedTrees } from './boostedTrees';
import { TrainingOptions, trainBoostedTrees } from './trainTrees';
import { PageVariant, pageForm } from './pageVariants';

export interface LabelledPage {
  /** The site the page comes from; cross-validation keeps a site's pages together. */
  readonly site: string;
  readonly text: string;
  /** One gold label per element of `text.split("\n")`. */
  readonly labels: readonly string[];
}

/** How the line model is trained: boosting options and the weight of an article line. */
export interface LineTrainingOptions extends TrainingOptions {
  /** Weight of a "content" line relative to a "boilerplate" one. Default 3. */
  readonly contentWeight?: number;
  /** Weigh each page's lines so that every page counts the same, whatever its length. Default false. */
  readonly pageBalanced?: boolean;
  /**
   * Forms of each training page that the model's `unpunctuated` article model learns from,
   * beside the page itself (the model of pages that end few prose lines with a full stop).
   * Default none: no such model.
   */
  readonly unpunctuatedForms?: readonly PageVariant[];
  /**
   * Forms of each training page that the model's `unspaced` article model learns from, beside
   * the page itself (the model of pages without blank lines). Default none: no such model.
   */
  readonly unspacedForms?: readonly PageVariant[];
  /**
   * Forms of each training page that the model's `bare` article model learns from, beside the
   * page itself (the model of pages without stops and blank lines). Default none: no such model.
   */
  readonly bareForms?: readonly PageVariant[];
  /**
   * Forms of each training page that the model's `spaceless` article model learns from, beside
   * the page itself (the model of pages in a script without spaces between words). Default
   * none: no such model.
   */
  readonly spacelessForms?: readonly PageVariant[];
  /**
   * Forms of each training page that the model's `spacelessUnpunctuated` article model learns
   * from, beside the page itself (the model of pages in a script without spaces between words
   * that mark no sentence end), read by their prose's shape as such pages are. Default none: no
   * such model.
   */
  readonly spacelessUnpunctuatedForms?: readonly PageVariant[];
  /**
   * Forms of each training page that the model's `sparse` article model learns from, beside the
   * page itself (the model of pages whose long lines hold few function words). Default none: no
   * such model.
   */
  readonly sparseForms?: readonly PageVariant[];
}

/** The training options of the committed model. */
export const LINE_TRAINING: LineTrainingOptions = {
  trees: 150,
  depth: 2,
  learningRate: 0.1,
  lambda: 1,
  minChildWeight: 2,
  subsample: 0.8,
  maxBins: 32,
  seed: 1,
  contentWeight: 3,
  unpunctuatedForms: ['noFinalStops'],
  unspacedForms: ['noBlankLines'],
  bareForms: ['bareLines'],
  spacelessForms: ['spacelessScript', 'spacelessScriptNoStops'],
  spacelessUnpunctuatedForms: ['spacelessScriptNoStops'],
  sparseForms: ['gluedFunctionWords'],
};

/**
 * The article models of pages read in other forms (see `LineModel`; which page each reads, and
 * in what order they are tried, is `lineMargins`'s), in the order the model's source lists
 * them, each with the training option that names the forms it learns from, and whether it
 * learns from them read as the pages it reads are (`byShape` of `pageFeatures`: a form in a
 * script without spaces, or a sparse one, read by its prose's shape where its stops are too few
 * to tell it; a spaced form without stops is read so either way). The `spaceless` model reads
 * pages that end their sentences and learns from its forms without stops read as any page is:
 * so read, they taught it not to lean on the prose around a line, which such pages show. Every
 * form it learns from is in such a script, so `byShape` false changes nothing else of them.
 */
export const FORM_MODELS = [
  ['unpunctuated', 'unpunctuatedForms', true],
  ['unspaced', 'unspacedForms', true],
  ['bare', 'bareForms', true],
  ['spaceless', 'spacelessForms', false],
  ['spacelessUnpunctuated', 'spacelessUnpunctuatedForms', true],
  ['sparse', 'sparseForms', true],
] as const;

/** A page read for training: its lines' features and gold labels. */
export interface ReadPage {
  readonly site: string;
  readonly features: PageFeatures;
  /**
   * The features of a sparse page (`SPARSE_BELOW`) with its prose read by its function words,
   * as on any other page: what the `article` and `meta` models learn from it (undefined for
   * other pages, whose features are those, and for a page's forms).
   */
  readonly articleFeatures?: PageFeatures;
  /** Gold label of each line of `splitLines(text)`. */
  readonly gold: readonly string[];
  /** The page as labelled, from which its variants are read. */
  readonly page: LabelledPage;
}

/** Reads a page: lines, words, language and features, as `prepareSource` and `classifyLines` do. O(n). */
export function readPage(page: LabelledPage): ReadPage {
  return readLines(page, true);
}

/**
 * `readPage`, with `articleFeatures` for a sparse page only when `forArticle` (the `article` and
 * `meta` models learn from no page form).
 */
function readLines(page: LabelledPage, forArticle: boolean, byShape = true): ReadPage {
  const lines = splitLines(page.text);
  const lineWords = lines.map(l => words(page.text.slice(l.start, l.end)));
  const lineWordsLower = lineWords.map(ws => ws.map(w => w.toLowerCase()));
  const profile = detectStopwords(lineWordsLower.flat());
  const lf = lfLineOfLines(page.text, lines);
  const features = pageFeatures(page.text, lines, lineWords, lineWordsLower, profile, undefined, undefined, byShape);
  const gold = lf.map(l => page.labels[l] ?? 'blank');
  if (!forArticle || pageFunctionWordShare(features) >= SPARSE_BELOW) return { site: page.site, features, gold, page };
  const articleFeatures = pageFeatures(page.text, lines, lineWords, lineWordsLower, profile, undefined, undefined, false);
  return { site: page.site, features, articleFeatures, gold, page };
}

const variantsRead = new WeakMap<ReadPage, Map<string, ReadPage>>();

/**
 * The page read in the form `variant`, its labels following its lines (`pageForm`); with
 * `byShape` false, a form in a script without spaces, or a sparse one, has its prose read by
 * its stops and function words as any page's (see `pageFeatures`). Each form read once per page
 * and reading.
 */
export function readVariant(page: ReadPage, variant: PageVariant, byShape = true): ReadPage {
  let known = variantsRead.get(page);
  if (!known) variantsRead.set(page, (known = new Map()));
  const key = byShape ? variant : `${variant}:plain`;
  let read = known.get(key);
  if (!read) known.set(key, (read = readLines({ ...page.page, ...pageForm(page.page.text, variant, page.page.labels) }, false, byShape)));
  return read;
}

const asRead = (pages: readonly (LabelledPage | ReadPage)[]) => pages.map(p => ('features' in p ? p : readPage(p)));

/** Trains the line model on `pages`: the article model on article and chrome lines, the meta model on article and meta lines. Deterministic. */
export function trainLineModel(pages: readonly (LabelledPage | ReadPage)[], options: LineTrainingOptions = LINE_TRAINING): LineModel {
  const own = asRead(pages);
  const contentWeight = options.contentWeight ?? 3;
  const collect = (negative: string, weightOf: (content: boolean) => number, read = own, asArticle = false) => {
    const scored = (page: ReadPage) => page.features.nonBlank.filter(i => page.gold[i] === 'content' || page.gold[i] === negative);
    const meanLines = own.reduce((n, p) => n + scored(p).length, 0) / Math.max(1, own.length);
    const rows: Float64Array[] = [];
    const labels: number[] = [];
    const weights: number[] = [];
    for (const page of read) {
      const lines = scored(page);
      const pageWeight = options.pageBalanced ? meanLines / Math.max(1, lines.length) : 1;
      for (const i of lines) {
        const content = page.gold[i] === 'content';
        rows.push(((asArticle && page.articleFeatures) || page.features).rows[i]!);
        labels.push(content ? 1 : 0);
        weights.push(pageWeight * weightOf(content));
      }
    }
    return { featureNames: FEATURE_NAMES, rows, labels, weights };
  };
  const articleWeight = (content: boolean) => (content ? contentWeight : 1);
  /** The article model of the pages and their `forms` (read `byShape` or not): a page read in such a form is read by it (see `LineModel`). */
  const formModel = (forms: readonly PageVariant[] | undefined, byShape: boolean) =>
    forms?.length
      ? trainBoostedTrees(
          collect('boilerplate', articleWeight, [...own, ...forms.flatMap(v => own.map(p => readVariant(p, v, byShape)))]),
          options,
        )
      : undefined;
  // The article and meta models learn from a sparse page's lines read as any other page's: the
  // `sparse` model reads such a page's article, and learns from it as it reads it. The meta model
  // reads every page's article lines, a sparse page's too, but learnt so, a page of results
  // among the training pages moved it (a test's dateline read as a byline).
  const article = trainBoostedTrees(collect('boilerplate', articleWeight, own, true), options);
  const meta = trainBoostedTrees(
    collect('meta', () => 1, own, true),
    { ...options, trees: Math.round((options.trees ?? 150) / 3) },
  );
  const model: { -readonly [K in keyof LineModel]: LineModel[K] } = { article, meta };
  for (const [part, forms, byShape] of FORM_MODELS) {
    const trees = formModel(options[forms], byShape);
    if (trees) model[part] = trees;
  }
  return model;
}

/** Line counts of a scored page: boilerplate found (tp), article lines marked (fp), boilerplate missed (fn), article lines, kept. */
export interface PageScore {
  readonly site: string;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly content: number;
  readonly kept: number;
}

/** Scores the page-alone verdicts of `page` under `options` against its gold labels. */
export function scorePage(page: LabelledPage | ReadPage, options: BoilerplateOptions = {}): PageScore {
  const read = 'features' in page ? page : readPage(page);
  const verdicts: LineVerdict[] = verdictsOf(read.features, options);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let content = 0;
  let kept = 0;
  verdicts.forEach((v, i) => {
    const marked = v.kind === 'boilerplate';
    if (read.gold[i] === 'boilerplate') marked ? tp++ : fn++;
    else if (read.gold[i] === 'content') {
      content++;
      marked ? fp++ : kept++;
    }
  });
  return { site: read.site, tp, fp, fn, content, kept };
}

/**
 * Leave-sites-out cross-validation: the sites are dealt round-robin (in sorted order) into
 * `folds` folds; each fold's pages are scored by a model trained on all other folds.
 */
export function crossValidate(
  pages: readonly (LabelledPage | ReadPage)[],
  folds: number,
  training: LineTrainingOptions = LINE_TRAINING,
  options: BoilerplateOptions = {},
): PageScore[] {
  return crossValidateForms(pages, folds, [], training, options).own;
}

/**
 * `crossValidate`, with each held-out page scored in each form of `variants` as well (see
 * `pageVariants.ts`), by the same fold model: what the model, not trained on the page's site,
 * keeps of a page that lacks its sentence punctuation, is in a language without a word list,
 * prints its headline otherwise or is laid out by another dump. `own` holds the scores of the pages as
 * they are; `variants[v]` those of form `variants[v]`.
 */
export function crossValidateForms(
  pages: readonly (LabelledPage | ReadPage)[],
  folds: number,
  variants: readonly PageVariant[],
  training: LineTrainingOptions = LINE_TRAINING,
  options: BoilerplateOptions = {},
): { own: PageScore[]; variants: PageScore[][] } {
  const read = asRead(pages);
  const sites = [...new Set(read.map(p => p.site))].sort();
  const foldOf = new Map(sites.map((s, i) => [s, i % folds]));
  const own: PageScore[] = [];
  const byVariant = variants.map(() => [] as PageScore[]);
  for (let fold = 0; fold < folds; fold++) {
    const held = read.filter(p => foldOf.get(p.site) === fold);
    if (!held.length) continue;
    const model = trainLineModel(
      read.filter(p => foldOf.get(p.site) !== fold),
      training,
    );
    for (const page of held) {
      own.push(scorePage(page, { ...options, model }));
      variants.forEach((v, j) => byVariant[j].push(scorePage(readVariant(page, v), { ...options, model })));
    }
  }
  return { own, variants: byVariant };
}

/** One candidate setting: how the model is trained and how its margins are read. */
export interface LineSetting {
  readonly training: LineTrainingOptions;
  readonly options: BoilerplateOptions;
}

/**
 * What a setting is chosen for: pooled boilerplate F1 plus pooled article lines kept, so that
 * a setting cannot buy one with the other unseen. Higher is better.
 */
export function settingObjective(scores: readonly PageScore[]): number {
  const s = summarize(scores);
  return s.f1 + s.contentKept;
}

/**
 * Leave-sites-out scores of every setting in `grid` on every page: each page scored by the
 * setting's model trained on the folds other than its own (`excluded` folds are left out
 * entirely). Result `[setting][page]`, pages in the order of `read`, undefined for pages of
 * excluded folds. Trains one model per fold and distinct training option.
 */
function foldScores(
  read: readonly ReadPage[],
  foldOf: ReadonlyMap<string, number>,
  folds: number,
  grid: readonly LineSetting[],
  excluded: number,
): (PageScore | undefined)[][] {
  const out = grid.map(() => new Array<PageScore | undefined>(read.length).fill(undefined));
  const trainings = [...new Set(grid.map(g => JSON.stringify(g.training)))];
  for (let fold = 0; fold < folds; fold++) {
    if (fold === excluded) continue;
    const held = read.map((p, i) => [p, i] as const).filter(([p]) => foldOf.get(p.site) === fold);
    if (!held.length) continue;
    const rest = read.filter(p => foldOf.get(p.site) !== fold && foldOf.get(p.site) !== excluded);
    for (const key of trainings) {
      const model = trainLineModel(rest, JSON.parse(key) as LineTrainingOptions);
      grid.forEach((g, s) => {
        if (JSON.stringify(g.training) !== key) return;
        for (const [page, i] of held) out[s][i] = scorePage(page, { ...g.options, model });
      });
    }
  }
  return out;
}

/** The index of the setting of `grid` with the best `settingObjective` over the scored pages (the first among equals). */
function bestSetting(scores: readonly (PageScore | undefined)[][]): number {
  let best = 0;
  let bestValue = -Infinity;
  scores.forEach((row, s) => {
    const value = settingObjective(row.filter((x): x is PageScore => x !== undefined));
    if (value > bestValue + 1e-12) [best, bestValue] = [s, value];
  });
  return best;
}

/**
 * Chooses a setting of `grid` by leave-sites-out cross-validation over `pages` (sites dealt
 * round-robin into `folds` folds, as in `crossValidate`). Returns the chosen index and each
 * setting's objective. O(folds × distinct trainings) model trainings.
 */
export function chooseSetting(
  pages: readonly (LabelledPage | ReadPage)[],
  folds: number,
  grid: readonly LineSetting[],
): { chosen: number; objectives: number[] } {
  const read = asRead(pages);
  const sites = [...new Set(read.map(p => p.site))].sort();
  const foldOf = new Map(sites.map((s, i) => [s, i % folds]));
  const scores = foldScores(read, foldOf, folds, grid, -1);
  return {
    chosen: bestSetting(scores),
    objectives: scores.map(row => settingObjective(row.filter((x): x is PageScore => x !== undefined))),
  };
}

/**
 * Nested leave-sites-out cross-validation of choosing a setting from `grid`: for each outer
 * fold, the setting is chosen by cross-validation over the other folds alone (their sites
 * dealt into the same folds), then that setting's model, trained on all other folds, scores
 * the held-out fold's pages. The scores estimate what the choice itself delivers on unseen
 * sites. Returns the scores and the setting chosen for each outer fold.
 * O(folds² × distinct trainings) model trainings.
 */
export function nestedCrossValidate(
  pages: readonly (LabelledPage | ReadPage)[],
  folds: number,
  grid: readonly LineSetting[],
): { scores: PageScore[]; chosen: number[] } {
  const read = asRead(pages);
  const sites = [...new Set(read.map(p => p.site))].sort();
  const foldOf = new Map(sites.map((s, i) => [s, i % folds]));
  const scores: PageScore[] = [];
  const chosen: number[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const held = read.filter(p => foldOf.get(p.site) === fold);
    if (!held.length) continue;
    const choice = bestSetting(foldScores(read, foldOf, folds, grid, fold));
    chosen.push(choice);
    const setting = grid[choice];
    const model = trainLineModel(
      read.filter(p => foldOf.get(p.site) !== fold),
      setting.training,
    );
    for (const page of held) scores.push(scorePage(page, { ...setting.options, model }));
  }
  return { scores, chosen };
}

/** Pooled figures of page scores: boilerplate precision, recall, F1, content kept, and the worst page's content kept. */
export function summarize(scores: readonly PageScore[]): {
  p: number;
  r: number;
  f1: number;
  contentKept: number;
  worstKept: number;
  worstSite: string;
} {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let content = 0;
  let kept = 0;
  let worstKept = 1;
  let worstSite = '';
  for (const s of scores) {
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
    content += s.content;
    kept += s.kept;
    const share = s.content ? s.kept / s.content : 1;
    if (share < worstKept) [worstKept, worstSite] = [share, s.site];
  }
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, contentKept: content ? kept / content : 1, worstKept, worstSite };
}

/** The source text of `lineModel.ts` holding `model`: numbers rounded to 6 significant digits, one tree a line. */
export function modelSource(model: LineModel, options: LineTrainingOptions = LINE_TRAINING): string {
  const num = (x: number) => (x === 1e300 ? '1e300' : String(Number(x.toPrecision(6))));
  const list = (xs: readonly number[]) => `[${xs.map(num).join(', ')}]`;
  const trees = (name: string, m: BoostedTrees) => [
    `  ${name}: {`,
    `    featureNames: ${JSON.stringify(m.featureNames)},`,
    `    depth: ${m.depth},`,
    `    bias: ${num(m.bias)},`,
    '    trees: [',
    ...m.trees.map(t => `      { features: ${list(t.features)}, thresholds: ${list(t.thresholds)}, leaves: ${list(t.leaves)} },`),
    '    ],',
    '  },',
  ];
  return [
    '// Generated by `npm run train` from the development pages; do not edit by hand.',
    `// Training options: ${JSON.stringify(options)}.`,
    "import type { LineModel } from '../boilerplate';",
    '',
    '/** The line model (see `LineModel`), over the features of lineFeatures.ts. */',
    'export const LINE_MODEL: LineModel = {',
    ...trees('article', model.article),
    ...trees('meta', model.meta),
    ...FORM_MODELS.flatMap(([part]) => (model[part] ? trees(part, model[part]) : [])),
    '};',
    '',
  ].join('\n');
}
