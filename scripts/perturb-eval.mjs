// node scripts/perturb-eval.mjs: alignment link F1 of each story gold set and of seeded perturbed
// variants of it, to tell a change that holds from one fitted to the files as they are. The
// variants (the same ones on every run: a fixed seed per set): the files in a shuffled order,
// one version left out (twice, different versions), two adjacent lines of one version swapped,
// two adjacent lines of one version joined by a space, and all of swap, join and shuffle at
// once. The gold is carried along: left-out versions leave the gold, swapped lines move their
// sentences' offsets, a join keeps them (a space stands where the line break stood). Scored
// with scripts/gold-score.mjs, as `npm run eval` scores the sets. Needs `npm run build` first.
// PERTURB_SEED changes the seed; PERTURB_SETS (comma-separated names) picks sets; PERTURB_KEEP=DIR
// writes each variant's files and gold to DIR/SET/N (N from 0, as listed), for
// scripts/alignment-misses.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { scoreAgainstGold } from './gold-score.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.SYNOPTIC_SHARED ?? join(root, '..', 'shared'));
// The tests' and the benchmark's seeded generator, from the build.
const { seededRandom } = createRequire(import.meta.url)(join(root, 'dist', 'bench-core.js'));
const baseSeed = Number(process.env.PERTURB_SEED ?? 7);

const pick = (random, n) => Math.floor(random() * n);
function shuffled(random, list) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = pick(random, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Line starts of `text` (split at LF), with each line's end. */
function lineBounds(text) {
  const bounds = [];
  let start = 0;
  for (const line of text.split('\n')) {
    bounds.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return bounds;
}

/** A version of the variant with some pair of adjacent article lines, or the first. */
function fileWithPair(random, variant) {
  const files = variant.gold.files.filter(f => adjacentPair(() => 0, variant, f));
  return files.length ? files[pick(random, files.length)] : variant.gold.files[0];
}

/** A line index i of `file` where lines i and i+1 both hold a gold sentence and no gold sentence crosses either's ends. */
function adjacentPair(random, variant, file) {
  const text = variant.texts.get(file);
  const bounds = lineBounds(text);
  const spans = variant.gold.groups.flat().filter(s => s.file === file);
  const candidates = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i];
    const b = bounds[i + 1];
    if (a.end === a.start || b.end === b.start) continue;
    // Only article lines: both hold a gold sentence, so the change reaches the alignment.
    const holds = line => spans.some(s => s.start >= line.start && s.end <= line.end);
    if (!holds(a) || !holds(b)) continue;
    const crosses = spans.some(
      s => (s.start < a.start && s.end > a.start) || (s.start < b.end && s.end > b.end) || (s.start < a.end + 1 && s.end > a.end),
    );
    if (!crosses) candidates.push(i);
  }
  return candidates.length ? { i: candidates[pick(random, candidates.length)], bounds } : undefined;
}

/** A file of the variant and two adjacent article lines in it (`i`, `i + 1` of `bounds`), with its text; undefined `found` where it has none. */
function pickPair(random, variant) {
  const file = fileWithPair(random, variant);
  return { file, found: adjacentPair(random, variant, file), text: variant.texts.get(file) };
}

function swapLines(random, variant) {
  const { file, found, text } = pickPair(random, variant);
  if (!found) return `swap: none in ${file}`;
  const { i, bounds } = found;
  const a = bounds[i];
  const b = bounds[i + 1];
  const lineA = text.slice(a.start, a.end);
  const lineB = text.slice(b.start, b.end);
  variant.texts.set(file, text.slice(0, a.start) + lineB + '\n' + lineA + text.slice(b.end));
  const shift = s => {
    if (s.file !== file) return s;
    if (s.start >= a.start && s.end <= a.end) return { ...s, start: s.start + lineB.length + 1, end: s.end + lineB.length + 1 };
    if (s.start >= b.start && s.end <= b.end) return { ...s, start: s.start - lineA.length - 1, end: s.end - lineA.length - 1 };
    return s;
  };
  variant.gold.groups = variant.gold.groups.map(g => g.map(shift));
  return `swap lines ${i + 1}-${i + 2} of ${file}`;
}

function joinLines(random, variant) {
  const { file, found, text } = pickPair(random, variant);
  if (!found) return `join: none in ${file}`;
  const { i, bounds } = found;
  variant.texts.set(file, text.slice(0, bounds[i].end) + ' ' + text.slice(bounds[i].end + 1));
  return `join lines ${i + 1}-${i + 2} of ${file}`;
}

function dropVersion(variant, file) {
  variant.gold.files = variant.gold.files.filter(f => f !== file);
  variant.gold.groups = variant.gold.groups.map(g => g.filter(s => s.file !== file)).filter(g => new Set(g.map(s => s.file)).size >= 2);
  variant.texts.delete(file);
  return `drop ${file}`;
}

function variantsOf(dir, seed) {
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8'));
  const fresh = () => ({
    gold: { files: [...gold.files], groups: gold.groups.map(g => g.map(s => ({ ...s }))) },
    texts: new Map(gold.files.map(f => [f, readFileSync(join(dir, f), 'utf8')])),
    order: undefined,
    what: [],
  });
  const random = seededRandom(seed);
  const variants = [];
  const original = fresh();
  original.what.push('as given');
  variants.push(original);
  const shuffle = fresh();
  shuffle.order = shuffled(random, shuffle.gold.files);
  shuffle.what.push('shuffle');
  variants.push(shuffle);
  const dropOrder = shuffled(random, gold.files);
  for (const file of dropOrder.slice(0, 2)) {
    const v = fresh();
    v.what.push(dropVersion(v, file));
    variants.push(v);
  }
  const swap = fresh();
  swap.what.push(swapLines(random, swap));
  variants.push(swap);
  const joined = fresh();
  joined.what.push(joinLines(random, joined));
  variants.push(joined);
  const all = fresh();
  all.what.push(swapLines(random, all), joinLines(random, all), 'shuffle');
  all.order = shuffled(random, all.gold.files);
  variants.push(all);
  return variants;
}

function score(variant, keep) {
  const dir = keep || mkdtempSync(join(tmpdir(), 'synoptic-perturb-'));
  if (keep) mkdirSync(keep, { recursive: true });
  try {
    for (const [file, text] of variant.texts) writeFileSync(join(dir, file), text);
    writeFileSync(join(dir, 'gold.json'), JSON.stringify({ files: variant.gold.files, groups: variant.gold.groups }));
    const files = (variant.order ?? variant.gold.files).filter(f => variant.texts.has(f)).map(f => join(dir, f));
    const json = execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'analyze', '--format', 'json', ...files], {
      maxBuffer: 1 << 28,
    });
    return scoreAgainstGold(dir, JSON.parse(json)).align;
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

const sets = [['seeds', join(shared, 'seeds')]];
const devDir = join(shared, 'dev');
if (existsSync(devDir)) {
  for (const name of readdirSync(devDir).sort()) {
    const gold = join(devDir, name, 'gold.json');
    if (existsSync(gold) && JSON.parse(readFileSync(gold, 'utf8')).groups) sets.push([`dev/${name}`, join(devDir, name)]);
  }
}
const wanted = process.env.PERTURB_SETS?.split(',');
for (const [name, dir] of sets) {
  if (wanted && !wanted.includes(name)) continue;
  const seed = baseSeed * 1000 + [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 0);
  const variants = variantsOf(dir, seed);
  const f1s = [];
  for (const [n, v] of variants.entries()) {
    const align = score(v, process.env.PERTURB_KEEP && join(resolve(process.env.PERTURB_KEEP), name.replace('/', '-'), String(n)));
    f1s.push(align.f1);
    console.log(`${name.padEnd(22)} ${align.f1.toFixed(4)} (P ${align.p.toFixed(4)} R ${align.r.toFixed(4)})  ${v.what.join('; ')}`);
  }
  const perturbed = f1s.slice(1);
  const mean = perturbed.reduce((a, b) => a + b, 0) / perturbed.length;
  console.log(
    `${name.padEnd(22)} as given ${f1s[0].toFixed(4)}, perturbed mean ${mean.toFixed(4)}, min ${Math.min(...perturbed).toFixed(4)}`,
  );
}
