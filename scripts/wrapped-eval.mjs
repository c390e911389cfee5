// node scripts/wrapped-eval.mjs: every gold set scored as it is and hard-wrapped, as e-mails,
// wire copy and plain-text drafts are. A greedy wrapper breaks each line longer than the width
// at the last single space between two words that leaves at most that many characters before
// it; the space becomes the line break, so every gold offset stays valid, and each line cut
// from a gold line takes its label. The page sets are wrapped at 80 columns; the versions of a
// story set at 60, 72, 80 columns and as they are, in turn (gold order), so that versions
// wrapped differently must align. Scored with scripts/gold-score.mjs, as `npm run eval` scores
// the sets. Needs `npm run build` first. WRAP_WIDTHS (comma-separated, 0 for as is) sets the
// widths of the story sets' versions; WRAP_PAGE_WIDTH the pages' width.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreAgainstGold } from './gold-score.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The greedy wrapper the tests use (in the built core).
const { wrappedLine } = createRequire(import.meta.url)(join(root, 'dist', 'bench-core.js'));
const shared = resolve(process.env.SYNOPTIC_SHARED ?? join(root, '..', 'shared'));
const storyWidths = (process.env.WRAP_WIDTHS ?? '60,72,80,0').split(',').map(Number);
const pageWidth = Number(process.env.WRAP_PAGE_WIDTH ?? 80);

const sets = [['seeds', existsSync(join(shared, 'seeds', 'gold.json')) ? join(shared, 'seeds') : join(root, 'test', 'fixtures', 'seeds')]];
const devDir = join(shared, 'dev');
if (existsSync(devDir))
  for (const name of readdirSync(devDir).sort())
    if (existsSync(join(devDir, name, 'gold.json'))) sets.push([`dev/${name}`, join(devDir, name)]);

/** The set wrapped into `dir`: each file at its width (0: as it is), the gold's lines relabelled and its sentences' texts re-read. */
function wrapSet(from, dir, widthOf) {
  const gold = JSON.parse(readFileSync(join(from, 'gold.json'), 'utf8'));
  const texts = new Map();
  gold.files.forEach((file, i) => {
    const width = widthOf(i);
    const lines = readFileSync(join(from, file), 'utf8').split('\n');
    const pieces = lines.map(line => (width ? wrappedLine(line, width) : [line]));
    const text = pieces.map(p => p.join('\n')).join('\n');
    writeFileSync(join(dir, file), text);
    texts.set(file, text);
    if (gold.lines?.[file]) gold.lines[file] = pieces.flatMap((p, l) => p.map(() => gold.lines[file][l]));
  });
  for (const group of gold.groups ?? []) for (const s of group) s.text = texts.get(s.file).slice(s.start, s.end);
  writeFileSync(join(dir, 'gold.json'), JSON.stringify(gold));
  return gold;
}

function scoreDir(dir, files) {
  const json = execFileSync(
    process.execPath,
    [join(root, 'dist', 'cli.js'), 'analyze', '--format', 'json', ...files.map(f => join(dir, f))],
    {
      maxBuffer: 1 << 28,
    },
  );
  return scoreAgainstGold(dir, JSON.parse(json));
}

const figures = s =>
  [
    s.boiler && `boilerplate F1 ${s.boiler.f1.toFixed(4)}, content kept ${s.boiler.contentKept.toFixed(4)}`,
    s.align && `alignment link F1 ${s.align.f1.toFixed(4)} (P ${s.align.p.toFixed(4)} R ${s.align.r.toFixed(4)})`,
  ]
    .filter(Boolean)
    .join(' | ');

const work = mkdtempSync(join(tmpdir(), 'synoptic-wrapped-'));
try {
  for (const [name, from] of sets) {
    const gold = JSON.parse(readFileSync(join(from, 'gold.json'), 'utf8'));
    const story = !!gold.groups;
    const dir = mkdtempSync(join(work, 'set-'));
    wrapSet(from, dir, i => (story ? storyWidths[i % storyWidths.length] : pageWidth));
    const widths = story ? `versions at ${storyWidths.map(w => w || 'as is').join(', ')} in turn` : `at ${pageWidth}`;
    console.log(`${name.padEnd(22)} as it is: ${figures(scoreDir(from, gold.files))}`);
    console.log(`${''.padEnd(22)} wrapped ${widths}: ${figures(scoreDir(dir, gold.files))}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
