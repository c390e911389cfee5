// npm run eval: runs the CLI's JSON export over every gold set and prints the scores.
// Gold sets: test/fixtures/seeds (always) and, when present beside the project, ../shared/seeds
// and every set in ../shared/dev. Where the reference scorer is present too, its numbers are
// checked against ours and any difference fails the run; then the mixed folder, every pair of
// the dev pages as a folder of two, and each story set on fewer of its versions (every pair,
// sets of three), analysed in process. Then the line model's leave-sites-out
// cross-validation on the development pages (EVAL_NO_CV=1 skips it, CV_FOLDS sets the folds,
// CV_SEED the training seed of the fold models, default the committed model's; a comma-separated
// list of seeds also prints the mean and range over them; without CV_VARIANTS each held-out page is
// scored in the forms of DEFAULT_FORMS too, CV_VARIANTS= (empty) scores none; CV_VARIANTS=all, or a comma-separated
// list of forms of pageVariants.ts (headline and layout forms among them), scores each held-out page in those forms too, by the same
// fold model).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { goldOfVersions, scoreAgainstGold, scoreGold } from './gold-score.mjs';
import { ONE_EVENT, crossStoryLinks, mixedCorpus, restrictToSet, storyPairScores } from './mixed-corpus.mjs';
import { pageStories } from './page-stories.mjs';
import { STORY_SHAPES, sparseCorpus, syntheticStories } from './synthetic-stories.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.SYNOPTIC_SHARED ?? join(root, '..', 'shared'));
const sets = [['seeds', join(root, 'test', 'fixtures', 'seeds')]];
if (existsSync(join(shared, 'seeds', 'gold.json'))) sets[0] = ['seeds', join(shared, 'seeds')];
const devDir = join(shared, 'dev');
if (existsSync(devDir)) {
  for (const name of readdirSync(devDir).sort()) {
    if (existsSync(join(devDir, name, 'gold.json'))) sets.push([`dev/${name}`, join(devDir, name)]);
  }
}
// The analysis core as the extension and the CLI build it, for the parts analysed in process.
const core = createRequire(import.meta.url)(join(root, 'dist', 'bench-core.js'));
/** The story pairs of one analysis of `corpus` (`{ files, stories }`) in process, against its truth. */
const storyPairsFound = corpus => {
  const analysis = core.createAnalyzer({}, { expectEdits: false }).analyze(corpus.files);
  return {
    found: analysis.stories.length,
    ...storyPairScores(
      analysis.stories.map(s => s.sources),
      corpus.stories,
    ),
  };
};
const referencePath = join(shared, 'eval', 'score.mjs');
const reference = existsSync(referencePath) ? (await import(pathToFileURL(referencePath).href)).score : undefined;

let mismatch = false;
/** Alignment link F1 of each story set analysed alone, for the mixed folder to compare with. */
const aloneF1 = new Map();
for (const [name, dir] of sets) {
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8'));
  const files = gold.files.map(f => join(dir, f));
  const json = execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'analyze', '--format', 'json', ...files], {
    maxBuffer: 1 << 28,
  });
  const analysis = JSON.parse(json);
  const ours = scoreAgainstGold(dir, analysis);
  if (ours.align) aloneF1.set(name, ours.align.f1);
  const parts = [];
  if (ours.boiler)
    parts.push(
      `boilerplate F1 ${ours.boiler.f1.toFixed(4)} (P ${ours.boiler.p.toFixed(4)} R ${ours.boiler.r.toFixed(4)}), content kept ${ours.boiler.contentKept.toFixed(4)}`,
    );
  if (ours.align) parts.push(`alignment link F1 ${ours.align.f1.toFixed(4)} (P ${ours.align.p.toFixed(4)} R ${ours.align.r.toFixed(4)})`);
  console.log(`${name.padEnd(22)} ${parts.join(' | ')}`);
  console.log(`${''.padEnd(22)} ${JSON.stringify(ours)}`);
  if (reference) {
    const theirs = reference(dir, analysis);
    if (JSON.stringify(theirs) !== JSON.stringify(ours)) {
      mismatch = true;
      console.log(`${''.padEnd(22)} reference scorer differs: ${JSON.stringify(theirs)}`);
    }
  }
}
// The mixed folder: every story set and every single page together under neutral names; the
// stories found against the folders they came from, each story's alignment against its gold.
if (existsSync(devDir)) {
  const mixed = mixedCorpus(shared, 1);
  const dir = mkdtempSync(join(tmpdir(), 'synoptic-mixed-'));
  try {
    for (const f of mixed.files) writeFileSync(join(dir, f.name), f.text);
    const json = execFileSync(
      process.execPath,
      [join(root, 'dist', 'cli.js'), 'analyze', '--format', 'json', ...mixed.files.map(f => join(dir, f.name))],
      {
        maxBuffer: 1 << 28,
      },
    );
    const analysis = JSON.parse(json);
    const pairs = storyPairScores(
      analysis.stories.map(s => s.sources),
      mixed.stories,
    );
    const cross = crossStoryLinks(analysis, mixed.stories);
    console.log(
      `${'mixed folder'.padEnd(22)} ${mixed.files.length} files, ${mixed.stories.length} stories: ${analysis.stories.length} found | story pairs P ${pairs.p.toFixed(4)} R ${pairs.r.toFixed(4)} F1 ${pairs.f1.toFixed(4)} | statement links across stories ${cross.cross} of ${cross.links} (${((100 * cross.cross) / Math.max(1, cross.links)).toFixed(2)}%)`,
    );
    // The same against the folders alone, where pages of one event from different sites count as different stories.
    const folderPairs = storyPairScores(
      analysis.stories.map(s => s.sources),
      mixed.folderStories,
    );
    const folderCross = crossStoryLinks(analysis, mixed.folderStories);
    console.log(
      `${''.padEnd(22)} as the folders alone say (${mixed.folderStories.length} stories): story pairs P ${folderPairs.p.toFixed(4)} R ${folderPairs.r.toFixed(4)} F1 ${folderPairs.f1.toFixed(4)} | statement links across stories ${folderCross.cross} of ${folderCross.links} (${((100 * folderCross.cross) / Math.max(1, folderCross.links)).toFixed(2)}%)`,
    );
    for (const set of mixed.sets) {
      const ours = scoreAgainstGold(set.dir, restrictToSet(analysis, set));
      const alone = aloneF1.get(set.name);
      const delta = alone === undefined ? '' : ` (alone ${alone.toFixed(4)}, difference ${(ours.align.f1 - alone).toFixed(4)})`;
      console.log(`${''.padEnd(22)} ${set.name}: alignment link F1 ${ours.align.f1.toFixed(4)}${delta}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
// Folders of two pages: every pair of the single pages of the page sets, its story stage run on
// the two alone, against the mixed folder's truth (a pair is one story only where `ONE_EVENT`
// says it reports one event). A folder of two gives the stage no third story to tell the words
// a language repeats from story to story, which is where a looser rule for joining would show.
if (existsSync(devDir)) {
  const origins = [];
  const headlines = [];
  for (const name of readdirSync(devDir).sort()) {
    const dir = join(devDir, name);
    if (!existsSync(join(dir, 'gold.json'))) continue;
    const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8'));
    if (gold.groups !== undefined && gold.files.length > 1) continue;
    for (const file of gold.files) {
      const text = readFileSync(join(dir, file), 'utf8');
      origins.push([`dev/${name}/${file}`, core.prepareSource(text)]);
      // The page's headline by the gold: its first article line.
      const lines = text.split('\n');
      const first = gold.lines?.[file]?.indexOf('content') ?? -1;
      if (first >= 0) headlines.push([file, text, lines[first]]);
    }
  }
  const oneEvent = new Set(ONE_EVENT.map(pair => [...pair].sort().join(' ')));
  let pairs = 0;
  let apartJoined = 0;
  let eventJoined = 0;
  const wrong = [];
  for (let i = 0; i < origins.length; i++)
    for (let j = i + 1; j < origins.length; j++) {
      pairs++;
      const joined = core.findStories([origins[i][1], origins[j][1]]).stories.length === 1;
      const event = oneEvent.has([origins[i][0], origins[j][0]].sort().join(' '));
      if (joined && event) eventJoined++;
      if (joined && !event) {
        apartJoined++;
        wrong.push(`${origins[i][0]} + ${origins[j][0]}`);
      }
    }
  console.log(
    `${'folders of two pages'.padEnd(22)} ${origins.length} single pages, ${pairs} pairs: pairs of one event joined ${eventJoined} of ${oneEvent.size} | pairs of different stories joined ${apartJoined}${wrong.length ? ` (${wrong.slice(0, 3).join('; ')}${wrong.length > 3 ? '; …' : ''})` : ''}`,
  );
  // Each single page analysed alone: is its story titled by its headline (white space collapsed)?
  const collapsed = text => text.replace(/\s+/g, ' ').trim();
  const mistitled = headlines.filter(
    ([file, text, headline]) =>
      collapsed(core.createAnalyzer({}, { expectEdits: false }).analyze([{ id: file, text }]).stories[0]?.title ?? '') !==
      collapsed(headline),
  );
  console.log(
    `${'page titles'.padEnd(22)} ${headlines.length - mistitled.length} of ${headlines.length} single pages, each analysed alone, titled by their headline${mistitled.length ? ` (not: ${mistitled.map(([file]) => file).join(', ')})` : ''}`,
  );
}
// Each story set on fewer of its versions: every pair, and sets of three (all of them, or a
// seeded sample of VERSION_SAMPLE where there are more), each analysed alone in process as the
// CLI does, against the gold cut down to those versions: what a reader with two or three
// versions gets, without the links that a full set makes through its others. Also counted:
// pairs of versions that share statements by the gold and that the story stage puts in
// different stories.
{
  const VERSION_SAMPLE = 60;
  const subsetsOf = (n, k, random) => {
    const all = [];
    const walk = (from, chosen) => {
      if (chosen.length === k) return void all.push(chosen.slice());
      for (let i = from; i < n; i++) walk(i + 1, [...chosen, i]);
    };
    walk(0, []);
    if (k === 2 || all.length <= VERSION_SAMPLE) return all;
    // A seeded partial shuffle: the first VERSION_SAMPLE of a random order.
    for (let i = 0; i < VERSION_SAMPLE; i++) {
      const j = i + Math.floor(random() * (all.length - i));
      [all[i], all[j]] = [all[j], all[i]];
    }
    return all.slice(0, VERSION_SAMPLE).sort((x, y) => x.join(',').localeCompare(y.join(',')));
  };
  let first = true;
  for (const [name, dir] of sets) {
    const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8'));
    if (!gold.groups || gold.files.length < 3) continue;
    const texts = new Map(gold.files.map(f => [f, readFileSync(join(dir, f), 'utf8')]));
    for (const k of [2, 3]) {
      const tally = { tp: 0, fp: 0, fn: 0 };
      const f1s = [];
      let apart = 0;
      let sharing = 0;
      for (const subset of subsetsOf(gold.files.length, k, core.seededRandom(k))) {
        const files = subset.map(i => gold.files[i]);
        const cut = goldOfVersions(gold, files);
        const analysis = core.createAnalyzer({}, { expectEdits: false }).analyze(files.map(f => ({ id: f, text: texts.get(f) })));
        const { align } = scoreGold(cut, core.toExportFormat1(analysis, files));
        tally.tp += align.tp;
        tally.fp += align.fp;
        tally.fn += align.fn;
        f1s.push(align.f1);
        const storyOf = new Map();
        analysis.stories.forEach((story, i) => story.sources.forEach(s => storyOf.set(files[s], i)));
        for (const [a, b] of files.flatMap((a, i) => files.slice(i + 1).map(b => [a, b]))) {
          if (!cut.groups.some(group => group.some(s => s.file === a) && group.some(s => s.file === b))) continue;
          sharing++;
          if (storyOf.get(a) !== storyOf.get(b)) apart++;
        }
      }
      // As the scorer counts: nothing to find, or nothing found, is no miss.
      const p = tally.tp + tally.fp ? tally.tp / (tally.tp + tally.fp) : 1;
      const r = tally.tp + tally.fn ? tally.tp / (tally.tp + tally.fn) : 1;
      const f1 = p + r ? (2 * p * r) / (p + r) : 0;
      console.log(
        `${(first ? 'fewer versions' : '').padEnd(22)} ${name} on ${k} of ${gold.files.length} versions (${f1s.length} sets): alignment link F1 ${f1.toFixed(4)} (P ${p.toFixed(4)} R ${r.toFixed(4)}), mean ${(f1s.reduce((a, b) => a + b, 0) / f1s.length).toFixed(4)}, worst ${Math.min(...f1s).toFixed(4)} | pairs that share statements put in different stories: ${apart} of ${sharing}`,
      );
      first = false;
    }
  }
}
// Synthetic corpora of other shapes than the benchmark's: the story stage must not depend on
// the pages being long, the rewrites light, the teasers short or their headlines unmarked.
// Each shape: 100 stories, one seed, analysed in process; the story pairs found against the
// truth. Then each shape again with a third of its pages (`sparseCorpus`).
{
  const scoreShape = (heading, label, corpus) => {
    const pairs = storyPairsFound(corpus);
    console.log(
      `${heading.padEnd(22)} ${label}: ${corpus.files.length} pages, ${corpus.stories.length} stories, ${pairs.found} found | story pairs P ${pairs.p.toFixed(4)} R ${pairs.r.toFixed(4)} F1 ${pairs.f1.toFixed(4)}`,
    );
  };
  const shapes = STORY_SHAPES.map(([label, options], k) => [label, syntheticStories(100, core.seededRandom(4100 + k), options)]);
  shapes.forEach(([label, corpus], k) => scoreShape(k ? '' : 'synthetic stories', label, corpus));
  shapes.forEach(([label, corpus], k) =>
    scoreShape(k ? '' : 'a third of their pages', label, sparseCorpus(corpus, core.seededRandom(4200 + k))),
  );
}
// The dev pages' articles told by several sites (`page-stories.mjs`, real language, each site a
// dev page's chrome), on a third of their pages: most stories keep one page or two, so few of
// the stories teased in the lists of related links have a page of their own here. Seeds 1-4,
// teasers with a snippet three in ten times and every time; analysed in process.
if (existsSync(join(devDir, 'pages', 'gold.json'))) {
  // Each seed's draw of pages is seeded apart from the corpus it draws from.
  const DRAW_SEED_OFFSET = 900;
  [0.3, 1].forEach((teaserParagraphs, k) => {
    const scores = [1, 2, 3, 4].map(seed =>
      storyPairsFound(
        sparseCorpus(pageStories(shared, core.seededRandom(seed), { teaserParagraphs }), core.seededRandom(seed + DRAW_SEED_OFFSET)),
      ),
    );
    const mean = key => scores.reduce((sum, x) => sum + x[key], 0) / scores.length;
    const lowest = key => Math.min(...scores.map(x => x[key]));
    console.log(
      `${(k ? '' : 'dev articles, sites').padEnd(22)} a third of the pages, ${teaserParagraphs === 1 ? 'every teaser' : 'three in ten teasers'} with a snippet, seeds 1-4: story pairs P ${mean('p').toFixed(4)} (lowest ${lowest('p').toFixed(4)}) R ${mean('r').toFixed(4)} F1 ${mean('f1').toFixed(4)} (lowest ${lowest('f1').toFixed(4)})`,
    );
  });
}
// Leave-sites-out cross-validation of the line model on the development pages: each fold's
// sites are scored page-alone by a model trained on the other folds' sites.
const trainingLibrary = join(root, 'dist', 'training.js');
// Forms scored on every run: pages without sentence stops, in a script without spaces or stops
// (as Thai is written), the same without blank lines, and in a language that writes its short
// function words onto the next word, which the pages beside the project do not show as they are
// written.
const DEFAULT_FORMS = ['noFinalStops', 'spacelessScriptNoStops', 'spacelessScriptBare', 'gluedFunctionWords'];
if (existsSync(trainingLibrary) && !process.env.EVAL_NO_CV) {
  const training = createRequire(import.meta.url)(trainingLibrary);
  const pages = training.readTrainingPages(shared).map(training.readPage);
  if (pages.length) {
    const folds = Number(process.env.CV_FOLDS ?? 13);
    const seeds = (process.env.CV_SEED ?? String(training.LINE_TRAINING.seed)).split(',').map(Number);
    const variants =
      process.env.CV_VARIANTS === 'all'
        ? training.PAGE_VARIANTS
        : (process.env.CV_VARIANTS ?? DEFAULT_FORMS.join(',')).split(',').filter(Boolean);
    const unknown = variants.filter(v => !training.PAGE_VARIANTS.includes(v));
    if (unknown.length) {
      console.error(`CV_VARIANTS: no page form ${unknown.join(', ')} (forms: ${training.PAGE_VARIANTS.join(', ')})`);
      process.exit(2);
    }
    const full = pages.map(p => training.scorePage(p));
    const bySeed = seeds.map(seed => training.crossValidateForms(pages, folds, variants, { ...training.LINE_TRAINING, seed }));
    for (const set of training.TRAINING_SETS) {
      const ofSet = scores => training.summarize(scores.filter(x => x.site.startsWith(`${set}/`)));
      const line = (label, scores) => {
        const s = ofSet(scores);
        return `${label} F1 ${s.f1.toFixed(4)} (P ${s.p.toFixed(4)} R ${s.r.toFixed(4)}), content kept ${s.contentKept.toFixed(4)}, worst page kept ${s.worstKept.toFixed(4)} (${s.worstSite.slice(set.length + 1)})`;
      };
      seeds.forEach((seed, j) => {
        const forms = bySeed[j];
        console.log(`${`dev/${set}`.padEnd(22)} ${line(`page alone, ${folds}-fold leave-sites-out, seed ${seed}:`, forms.own)}`);
        variants.forEach((v, k) =>
          console.log(`${''.padEnd(22)} ${line(`page alone, leave-sites-out, held-out pages in form ${v}:`, forms.variants[k])}`),
        );
      });
      if (seeds.length > 1) {
        // Several training seeds: the mean and range of each figure, how much the seed alone moves it.
        const all = bySeed.map(forms => ofSet(forms.own));
        const spread = key => {
          const xs = all.map(s => s[key]);
          const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
          return `${mean.toFixed(4)} [${Math.min(...xs).toFixed(4)}..${Math.max(...xs).toFixed(4)}]`;
        };
        console.log(
          `${''.padEnd(22)} over seeds ${seeds.join(',')}: F1 ${spread('f1')}, content kept ${spread('contentKept')}, worst page kept ${spread('worstKept')}`,
        );
      }
      console.log(`${''.padEnd(22)} ${line('page alone, trained on all:', full)}`);
    }
  }
}
console.log(
  reference
    ? mismatch
      ? 'reference scorer: DIFFERENT numbers'
      : 'reference scorer: same numbers'
    : 'reference scorer not found beside the project; own scorer only',
);
process.exitCode = mismatch ? 1 : 0;
