// Lists the changed facts for review by hand: every change the analysis classifies as a fact
// (number, quote, name, attribution, negation) on the seeds and the two development stories,
// with the anchor and member sentences it comes from, then a seeded sample of `wording`
// changes, to count the facts they hide.
//
//   npm run build && node scripts/facts-review.mjs [--sample N] [--seed S] [--json]
//
// Sets: ../shared/seeds and ../shared/dev/{sri-lanka-2022,chandrayaan-3-2023} (SYNOPTIC_SHARED
// overrides ../shared). Each listed change has an id (SET:GROUP:SOURCE:K) so a verdict sheet
// can refer to it; --json prints the same list as JSON lines.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.SYNOPTIC_SHARED ?? join(root, '..', 'shared'));
const core = createRequire(import.meta.url)(join(root, 'dist', 'bench-core.js'));
const { values } = parseArgs({
  options: {
    sample: { type: 'string', default: '40' },
    seed: { type: 'string', default: '17' },
    json: { type: 'boolean', default: false },
  },
});

const sets = [
  ['seeds', join(shared, 'seeds')],
  ['sri-lanka-2022', join(shared, 'dev', 'sri-lanka-2022')],
  ['chandrayaan-3-2023', join(shared, 'dev', 'chandrayaan-3-2023')],
].filter(([, dir]) => existsSync(dir));

const facts = [];
const wordings = [];
for (const [set, dir] of sets) {
  const files = readdirSync(dir)
    .filter(f => f.endsWith('.txt'))
    .sort();
  const inputs = files.map(f => ({ id: f, text: readFileSync(join(dir, f), 'utf8') }));
  const analysis = core.createAnalyzer({}, { expectEdits: false }).analyze(inputs);
  analysis.groups.forEach((g, gi) => {
    const anchor = g.members[g.anchor];
    const anchorText = analysis.sources[anchor.source].sentences[anchor.sentence].text;
    for (const m of g.members) {
      (m.changes ?? []).forEach((c, k) => {
        const entry = {
          id: `${set}:${gi + 1}:${m.source}:${k}`,
          kind: c.kind,
          variant: c.variant === true,
          base: c.base,
          other: c.other,
          in: basename(files[m.source]),
          anchor: anchorText,
          member: analysis.sources[m.source].sentences[m.sentence].text,
        };
        (c.kind === 'wording' ? wordings : facts).push(entry);
      });
    }
  });
  for (const story of analysis.stories) {
    if (story.origin) console.error(`${set}: origin ${files[story.origin.source]} (${story.origin.reason})`);
  }
}

// The seeded generator training uses, so the sample is the same on every run.
const random = core.seededRandom(Number(values.seed));
const pool = wordings.slice();
const sample = [];
while (sample.length < Number(values.sample) && pool.length) sample.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);

const counts = {};
for (const f of facts) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
if (values.json) {
  for (const f of facts) console.log(JSON.stringify({ ...f, list: 'fact' }));
  for (const f of sample) console.log(JSON.stringify({ ...f, list: 'wording-sample' }));
} else {
  const show = f =>
    [
      `${f.id}  ${f.kind}${f.variant ? ' (spelling)' : ''}: ${f.base || '(added)'} → ${f.other || '(dropped)'}  in ${f.in}`,
      `    anchor: ${f.anchor}`,
      `    member: ${f.member}`,
    ].join('\n');
  console.log(
    `Changes flagged as facts: ${facts.length} (${Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')})`,
  );
  console.log(`Wording changes: ${wordings.length}; sample of ${sample.length} (seed ${values.seed}) at the end.\n`);
  for (const f of facts) console.log(show(f) + '\n');
  console.log('--- sample of wording changes ---\n');
  for (const f of sample) console.log(show(f) + '\n');
}
