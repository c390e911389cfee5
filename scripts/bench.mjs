// npm run bench: analysis time and memory on the seeds and on seeded synthetic corpora of
// 20, 250 and 1000 versions built from them (BENCH_SIZES=20,250 for a shorter run); the naive
// approach at 20 versions for comparison; re-analysis after one edit; hover work; what the
// extension host spends sending texts to its worker and receiving the analysis; folders of many
// stories (BENCH_STORIES=300,1500: synthetic corpora of that many stories, plus the gold sets
// and dev pages under neutral names) and two inputs that once made the alignment quadratic. Prints a
// table and writes bench-results/bench.json, to compare between commits.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crossStoryLinks, mixedCorpus, storyPairScores } from './mixed-corpus.mjs';
import { pageStories } from './page-stories.mjs';
import { syntheticCorpusFactory } from './synthetic-corpus.mjs';
import { syntheticStories } from './synthetic-stories.mjs';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const core = require(join(root, 'dist', 'bench-core.js'));
const panel = require(join(root, 'dist', 'bench-panel.js'));
const { findBestMatch } = require('string-similarity');
// The same seeded generator the tests use (compiled by `npm run compile-tests`).
const { seededRandom } = require(join(root, 'out', 'test', 'support', 'random.js'));
const sizes = (process.env.BENCH_SIZES ?? '20,250,1000').split(',').filter(Boolean).map(Number);
// Corpora of many stories (BENCH_STORIES=300 for a shorter run, BENCH_STORIES= for none).
const storyCounts = (process.env.BENCH_STORIES ?? '300,1500').split(',').filter(Boolean).map(Number);

const seedFiles = readdirSync(join(root, 'seeds'))
  .filter(f => f.endsWith('.txt'))
  .sort();
const seedInputs = seedFiles.map(f => ({ id: f, text: readFileSync(join(root, 'seeds', f), 'utf8') }));

const corpus = syntheticCorpusFactory(core, seedInputs, seededRandom);

const median = times => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

function timeIt(fn, runs) {
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    result = fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

/**
 * The whole CLI process, run `times` times: the median time and the largest peak memory. Timed
 * by a small helper process (see scripts/time-cli.js), so this process's heap does not slow
 * each start.
 */
function cliRuns(dir, files, times) {
  const helper = spawnSync(process.execPath, [join(root, 'scripts', 'time-cli.js')], {
    input: JSON.stringify({ cli, dir, files, runs: times }),
    maxBuffer: 1 << 26,
    encoding: 'utf8',
  });
  if (helper.status !== 0) throw new Error(`timing the CLI failed: ${helper.stderr}`);
  const runs = JSON.parse(helper.stdout);
  return { ms: median(runs.map(r => r.ms)), peakMB: Math.max(...runs.map(r => r.peakMB)), runs: runs.length };
}

/**
 * The naive approach, timed source by source; `between` runs (untimed) after each source's
 * share, so that what is compared with it can be measured over the same stretch of time.
 */
function naive(inputs, between = () => {}) {
  const analysis = core.analyzeCorpus(inputs, { crossSourceEvidence: false });
  const texts = analysis.sources.map(s => s.sentences.map(x => x.text));
  let ms = 0;
  let links = 0;
  for (let a = 0; a < texts.length; a++) {
    const t = process.hrtime.bigint();
    for (const sentence of texts[a]) {
      for (let b = 0; b < texts.length; b++) {
        if (a === b || !texts[b].length) continue;
        if (findBestMatch(sentence, texts[b]).bestMatch.rating >= 0.5) links++;
      }
    }
    ms += Number(process.hrtime.bigint() - t) / 1e6;
    between();
  }
  return { ms, links };
}

const results = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, runs: [] };
// Warm: the optimizing compiler has had its turn (200 runs first, about 1.5 s), then the median of 50.
timeIt(() => core.analyzeCorpus(seedInputs), 200);
const warm = timeIt(() => core.analyzeCorpus(seedInputs), 50);
const seedSentences = warm.result.sources.reduce((n, s) => n + s.sentences.length, 0);
const seedCli = cliRuns(join(root, 'seeds'), seedFiles, 5);
results.runs.push({
  versions: 5,
  name: 'seeds',
  sentences: seedSentences,
  analysisMs: warm.ms,
  cliMs: seedCli.ms,
  cliRuns: seedCli.runs,
  peakMB: seedCli.peakMB,
  sentencesPerSecond: Math.round(seedSentences / (warm.ms / 1000)),
  hoverMs: hoverWork(warm.result).ms,
});

/** What a hover computes: the counterparts, the word differences of the wordings it lists, and its changed facts. */
function hoverWork(analysis) {
  const s = analysis.sources[0];
  const names = analysis.sources.map((_, k) => `v${k}.txt`);
  const i = s.groupOfSentence.findIndex(g => g >= 0);
  if (i < 0) return { ms: 0 };
  return timeIt(() => {
    const found = core.counterparts(analysis, 0, i);
    const wordings = new Map();
    for (const c of found) {
      const text = analysis.sources[c.source].sentences[c.sentence].text;
      wordings.set(text, (wordings.get(text) ?? 0) + 1);
    }
    const shown = [...wordings].sort((x, y) => y[1] - x[1]).slice(0, 8);
    for (const [text] of shown) core.wordDiff(s.sentences[i].text, text);
    core.factHoverLines(analysis, 0, i, names);
    return found.length;
  }, 20);
}

/**
 * What the editor computes to mark the changed facts of one document when it is opened: each
 * sentence's marks, or whether it differs at all where it has none to mark. The last source's,
 * which neither the hover nor the panel (based on the first) has asked about: the first pass
 * compares what the analysis has not, the second finds every pair kept.
 */
function factMarksWork(analysis) {
  const source = analysis.sources.length - 1;
  const pass = () => {
    const t = performance.now();
    analysis.sources[source].sentences.forEach((_, i) => {
      if (!core.changedFactSpans(analysis, source, i).length) core.hasChangedFact(analysis, source, i);
    });
    return performance.now() - t;
  };
  return { factMarksMs: pass(), factMarksAgainMs: pass(), factMarksSentences: analysis.sources[source].sentences.length };
}

/**
 * What the comparison panel does on the host's thread for a new model: rows built in slices
 * (the code the extension runs, each pause a turn of the event loop), then in one turn the
 * column headers and the model handed to the webview, which serialises it to JSON. Reports the
 * longest single step (median of three builds) and the model's size.
 */
async function panelSteps(analysis, baseText) {
  const builds = [];
  for (let k = 0; k < 3; k++) {
    const steps = [];
    let t = performance.now();
    const rows = await panel.buildRowModels(
      { analysis, base: 0, baseText, includeBoilerplate: false },
      { pause: async () => (steps.push(performance.now() - t), (t = performance.now())) },
    );
    const names = analysis.sources.map((_, i) => `v${i}.txt`);
    const sources = panel.sourceHeaders(
      analysis,
      names,
      names.map(name => `file:///corpus/${name}`),
    );
    const json = JSON.stringify({ type: 'model', model: { generation: 1, base: 0, rows, sources }, state: {} });
    steps.push(performance.now() - t);
    builds.push({ longest: Math.max(...steps), total: steps.reduce((a, b) => a + b, 0), steps: steps.length, bytes: json.length });
  }
  builds.sort((a, b) => a.longest - b.longest);
  const median = builds[1];
  return { panelStepMs: median.longest, panelTotalMs: median.total, panelSteps: median.steps, panelModelMB: median.bytes / 1e6 };
}

/**
 * Re-analysis in an editor session that analysed the corpus once: the first edit (median of
 * three sessions, each editing another document), when the incremental paths are still cold,
 * and the edits that follow (median of five successive edits to different documents). Each
 * edit is timed right after a full one-shot analysis of the same corpus, and the fraction is
 * the median of these pairs, so that the machine's speed drifting between the two does not
 * enter the ratio.
 */
function reanalysis(inputs) {
  const editAt = (list, at, k) =>
    list.map((input, i) =>
      i === Math.floor(list.length * at) ? { ...input, text: input.text.replace('. ', `, and then ${k}, as people said, `) } : input,
    );
  const timed = fn => {
    const t = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const paired = (analyzer, edited) => {
    const fullMs = timed(() => core.analyzeCorpus(edited));
    const ms = timed(() => analyzer.analyze(edited));
    return { ms, fraction: ms / fullMs };
  };
  const firsts = [0.25, 0.5, 0.75].map(at => {
    const analyzer = core.createAnalyzer();
    analyzer.analyze(inputs);
    return paired(analyzer, editAt(inputs, at, 0));
  });
  const analyzer = core.createAnalyzer();
  analyzer.analyze(inputs);
  let current = inputs;
  const following = [0.1, 0.3, 0.5, 0.7, 0.9, 0.2]
    .map((at, k) => {
      current = editAt(current, at, k);
      return paired(analyzer, current);
    })
    .slice(1);
  return {
    firstMs: median(firsts.map(p => p.ms)),
    firstFraction: median(firsts.map(p => p.fraction)),
    ms: median(following.map(p => p.ms)),
    fraction: median(following.map(p => p.fraction)),
  };
}

const work = mkdtempSync(join(tmpdir(), 'synoptic-bench-'));
try {
  for (const n of sizes) {
    const inputs = corpus(n, 1000 + n);
    const dir = join(work, `n${n}`);
    mkdirSync(dir);
    for (const i of inputs) writeFileSync(join(dir, i.id), i.text);
    const inProcess = timeIt(() => core.analyzeCorpus(inputs), n <= 20 ? 5 : n <= 250 ? 3 : 1);
    const analysis = inProcess.result;
    const sentences = analysis.sources.reduce((s, x) => s + x.sentences.length, 0);
    const whole = cliRuns(
      dir,
      inputs.map(i => i.id),
      n <= 250 ? 5 : 3,
    );
    const run = {
      versions: n,
      sentences,
      groups: analysis.groups.length,
      analysisMs: inProcess.ms,
      cliMs: whole.ms,
      cliRuns: whole.runs,
      peakMB: whole.peakMB,
      sentencesPerSecond: Math.round(sentences / (inProcess.ms / 1000)),
    };
    run.hoverMs = hoverWork(analysis).ms;
    Object.assign(run, factMarksWork(analysis));
    // The extension sends the texts to its worker and receives the analysis back in parts, each
    // a structured clone deserialised in its own step on the host's thread: the longest step counts.
    run.sendMs = timeIt(() => structuredClone(inputs), 3).ms;
    const parts = core.splitAnalysis(analysis);
    run.receiveParts = parts.length;
    run.receiveMs = Math.max(...parts.map(part => timeIt(() => structuredClone(part), 3).ms));
    run.receiveWholeMs = timeIt(() => structuredClone(analysis), 3).ms;
    Object.assign(run, await panelSteps(analysis, inputs[0].text));
    if (n === 250) {
      const again = reanalysis(inputs);
      run.reanalysisMs = again.ms;
      run.reanalysisFraction = again.fraction;
      run.firstReanalysisMs = again.firstMs;
      run.firstReanalysisFraction = again.firstFraction;
    }
    if (n === 20) {
      // This machine's speed drifts over seconds: one CLI run after each source's share of the
      // naive work puts both measures in the same stretch of time.
      // Each CLI run waits a moment first: the naive work leaves this process's collector
      // threads busy, and on two cores they would compete with the CLI.
      const settle = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      const interleaved = [];
      const baseline = naive(inputs, () => {
        settle();
        interleaved.push(
          cliRuns(
            dir,
            inputs.map(i => i.id),
            1,
          ).ms,
        );
      });
      run.naiveMs = baseline.ms;
      run.naiveCliMs = median(interleaved);
      run.naiveCliRuns = interleaved.length;
      run.naiveVsCli = baseline.ms / run.naiveCliMs;
    }
    results.runs.push(run);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
/**
 * The editor's analyzer on the files in `dir`, in a process of its own (scripts/time-session.js):
 * its first analysis, the median of its re-analyses after each of five edits, and its peak memory.
 */
function sessionRun(dir, files) {
  const EDITS = 5;
  const helper = spawnSync(process.execPath, [join(root, 'scripts', 'time-session.js')], {
    input: JSON.stringify({ core: join(root, 'dist', 'bench-core.js'), dir, files: files.map(f => f.id), edits: EDITS }),
    maxBuffer: 1 << 26,
    encoding: 'utf8',
  });
  if (helper.status !== 0) throw new Error(`timing the session failed: ${helper.stderr}`);
  const run = JSON.parse(helper.stdout);
  return { firstMs: run.firstMs, editMs: median(run.editMs), edits: run.editMs.length, peakMB: run.peakMB };
}

/** The CLI's JSON export of files in `dir` (one untimed run). */
function cliExport(dir, files) {
  const run = spawnSync(process.execPath, [cli, 'analyze', '--format', 'json', ...files], { cwd: dir, maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`CLI failed: ${run.stderr}`);
  return JSON.parse(run.stdout.toString('utf8'));
}

/**
 * Stories: the whole CLI on a folder of many stories (synthetic: shared site chrome and teasers
 * of other stories; and the gold sets with every dev page under neutral names) with the pair
 * scores of the stories it finds, and on the inputs that once made the alignment quadratic.
 */
function storyRuns(work) {
  const out = { corpora: [], hard: [] };
  const folder = (name, files) => {
    const dir = join(work, name);
    mkdirSync(dir);
    for (const f of files) writeFileSync(join(dir, f.id), f.text);
    return dir;
  };
  // A story corpus written to `name`, timed over `times` runs of the whole CLI and its export scored against `truth`.
  const measured = (label, name, files, truth, times) => {
    const dir = folder(name, files);
    const ids = files.map(f => f.id);
    const whole = cliRuns(dir, ids, times);
    const exported = cliExport(dir, ids);
    return {
      name: label,
      sources: ids.length,
      megabytes: files.reduce((n, f) => n + Buffer.byteLength(f.text), 0) / 1e6,
      cliMs: whole.ms,
      cliRuns: whole.runs,
      peakMB: whole.peakMB,
      stories: exported.stories.length,
      truth: truth.length,
      pairs: storyPairScores(
        exported.stories.map(s => s.sources),
        truth,
      ),
      links: crossStoryLinks(exported, truth),
    };
  };
  for (const count of storyCounts) {
    const corpus = syntheticStories(count, seededRandom(2000 + count));
    out.corpora.push(measured(`synthetic, ${count} stories`, `stories${count}`, corpus.files, corpus.stories, count <= 300 ? 3 : 1));
    // The editor's worker on the same folder: a session, as a user opening it and then typing.
    if (count === 300) out.session = { name: `synthetic, ${count} stories`, ...sessionRun(join(work, `stories${count}`), corpus.files) };
  }
  const sharedDir = resolve(process.env.SYNOPTIC_SHARED ?? join(root, '..', 'shared'));
  if (existsSync(join(sharedDir, 'dev'))) {
    const mixed = mixedCorpus(sharedDir, 1);
    const files = mixed.files.map(f => ({ id: f.name, text: f.text }));
    out.corpora.push(measured('gold sets and dev pages', 'mixed', files, mixed.stories, 5));
    // The dev pages' articles as stories told by several sites, each site a dev page's chrome.
    const real = pageStories(sharedDir, seededRandom(1));
    out.corpora.push(measured('dev page articles told by several sites', 'page-stories', real.files, real.stories, 1));
  }
  const random = seededRandom(3);
  const places = ['north', 'south', 'east', 'west', 'centre'];
  const SEED_SENTENCES = [
    'The Monday night meeting between the two presidents was the first since they held a summit in the Syrian capital in January last year.',
    'Syrian state TV described it as a long meeting and said the two were later joined by Syria’s foreign minister and Russia’s defense minister to discuss mutual relations and fighting terrorism.',
  ];
  for (const sentence of SEED_SENTENCES) if (!seedInputs[0].text.includes(sentence)) throw new Error(`the first seed lacks: ${sentence}`);
  const template = () =>
    Array.from(
      { length: 10_000 },
      (_, i) =>
        `The ${places[i % 5]} report number ${i} was read by ${Math.floor(random() * 10_000)} people in the ${places[(i * 7) % 5]}.`,
    ).join('\n');
  // Sentences drawn at random from the first seed's words: each shares most of its bigrams with
  // the others, as a file of generated text in one small vocabulary does.
  const vocabulary = [...new Set(seedInputs[0].text.toLowerCase().match(/\p{L}+/gu))];
  const wordRandom = seededRandom(5);
  const randomSentences = () =>
    Array.from({ length: 10_000 }, (_, i) => {
      const words = Array.from(
        { length: 8 + Math.floor(wordRandom() * 16) },
        () => vocabulary[Math.floor(wordRandom() * vocabulary.length)],
      );
      return `${words.join(' ')}.${i % 4 === 3 ? '\n\n' : ' '}`;
    }).join('');
  const hard = [
    [
      'one sentence 45,000 times on one line, beside a seed',
      [
        { id: 'repeated.txt', text: 'The committee will publish its findings in the spring. '.repeat(45_000) },
        { id: 'seed.txt', text: seedInputs[0].text },
      ],
    ],
    [
      // The seed's own sentences: the two sources are one story, so the copies meet the alignment.
      "two of a seed's sentences 6,000 times on one line (2 MB), beside that seed",
      [
        { id: 'repeated.txt', text: `${SEED_SENTENCES.join(' ')} `.repeat(6_000) },
        { id: 'seed.txt', text: seedInputs[0].text },
      ],
    ],
    [
      '10,000 sentences of words drawn at random from a seed, beside that seed',
      [
        { id: 'random.txt', text: randomSentences() },
        { id: 'seed.txt', text: seedInputs[0].text },
      ],
    ],
    [
      'two 10,000-sentence sources cut from one template',
      [
        { id: 'a.txt', text: template() },
        { id: 'b.txt', text: template() },
      ],
    ],
  ];
  hard.forEach(([name, files], k) => {
    const dir = folder(`hard${k}`, files);
    const whole = cliRuns(
      dir,
      files.map(f => f.id),
      3,
    );
    out.hard.push({ name, cliMs: whole.ms, cliRuns: whole.runs, peakMB: whole.peakMB });
  });
  return out;
}

const storyWork = mkdtempSync(join(tmpdir(), 'synoptic-bench-stories-'));
try {
  results.stories = storyRuns(storyWork);
} finally {
  rmSync(storyWork, { recursive: true, force: true });
}

const at = n => results.runs.find(r => r.versions === n);
if (at(250) && at(1000)) {
  results.growth1000over250 = { cli: at(1000).cliMs / at(250).cliMs, inProcess: at(1000).analysisMs / at(250).analysisMs };
}

const fmt = (x, d = 0) => (x === undefined ? '—' : x.toFixed(d));
console.log(
  `${results.cpus} cores, Node ${results.node}; CLI ms: the median of ${results.runs.map(r => r.cliRuns).join(', ')} runs of the whole process`,
);
console.log(
  'versions  sentences  in-process ms  CLI ms  peak MB  sentences/s  hover ms  send ms  longest receive step ms (parts; whole at once)',
);
for (const r of results.runs) {
  console.log(
    `${String(r.versions).padStart(8)}  ${String(r.sentences).padStart(9)}  ${fmt(r.analysisMs, 1).padStart(13)}  ${fmt(r.cliMs).padStart(6)}  ${fmt(r.peakMB).padStart(7)}  ${String(r.sentencesPerSecond).padStart(11)}  ${fmt(r.hoverMs, 2).padStart(8)}  ${fmt(r.sendMs, 1).padStart(7)}  ${fmt(r.receiveMs, 1).padStart(8)} (${r.receiveParts ?? '—'}; ${fmt(r.receiveWholeMs, 1)})`,
  );
}
for (const r of results.runs) {
  if (r.naiveMs)
    console.log(
      `naive findBestMatch at ${r.versions} versions: ${fmt(r.naiveMs)} ms, ${fmt(r.naiveVsCli, 1)}× the whole CLI process (its median, ${fmt(r.naiveCliMs)} ms, over ${r.naiveCliRuns} runs, one after each source's share of the naive work)`,
    );
  if (r.factMarksMs !== undefined)
    console.log(
      `changed-fact marks of one document at ${r.versions} versions: ${fmt(r.factMarksMs, 1)} ms for its ${r.factMarksSentences} sentences on opening it, ${fmt(r.factMarksAgainMs, 1)} ms again`,
    );
  if (r.panelStepMs !== undefined)
    console.log(
      `comparison panel model at ${r.versions} versions: longest host step ${fmt(r.panelStepMs, 1)} ms of ${fmt(r.panelTotalMs)} ms in ${r.panelSteps} steps; ${fmt(r.panelModelMB, 1)} MB to the webview`,
    );
  if (r.reanalysisMs) {
    console.log(
      `re-analysis after editing one of ${r.versions} documents: ${fmt(r.reanalysisMs, 1)} ms, ${fmt(r.reanalysisFraction * 100, 1)}% of a full analysis` +
        ` (the session's first edit: ${fmt(r.firstReanalysisMs, 1)} ms, ${fmt(r.firstReanalysisFraction * 100, 1)}%)`,
    );
  }
}
if (results.growth1000over250) {
  console.log(
    `growth time(1000)/time(250): whole CLI ${results.growth1000over250.cli.toFixed(2)}, in process ${results.growth1000over250.inProcess.toFixed(2)}`,
  );
}
console.log(
  'stories: corpus  sources  MB  whole CLI ms (runs)  peak MB  stories found (true)  story pairs P / R / F1  statement links across stories',
);
for (const c of results.stories.corpora) {
  console.log(
    `  ${c.name}  ${c.sources}  ${fmt(c.megabytes, 1)}  ${fmt(c.cliMs)} (${c.cliRuns})  ${fmt(c.peakMB)}  ${c.stories} (${c.truth})  ${fmt(c.pairs.p, 4)} / ${fmt(c.pairs.r, 4)} / ${fmt(c.pairs.f1, 4)}  ${c.links.cross} of ${c.links.links}`,
  );
}
const session = results.stories.session;
if (session)
  console.log(
    `  the editor's analyzer on ${session.name}: first analysis ${fmt(session.firstMs)} ms, re-analysis after an edit ${fmt(session.editMs)} ms (median of ${session.edits}), peak ${fmt(session.peakMB)} MB`,
  );
const storyCorpus = count => results.stories.corpora.find(c => c.name === `synthetic, ${count} stories`);
if (storyCorpus(300) && storyCorpus(1500))
  console.log(`  growth time(1500 stories)/time(300 stories): whole CLI ${(storyCorpus(1500).cliMs / storyCorpus(300).cliMs).toFixed(2)}`);
for (const h of results.stories.hard)
  console.log(`  ${h.name}: whole CLI ${fmt(h.cliMs)} ms (${h.cliRuns} runs), peak ${fmt(h.peakMB)} MB`);
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results', 'bench.json'), JSON.stringify(results, null, 2));
console.log('written: bench-results/bench.json');
