// Times the editor's analyzer (a session: `createAnalyzer()` as the extension's worker makes it)
// on a folder, from a process of its own so that its peak memory is its own: the first analysis,
// then re-analyses, each after one more document is edited (a sentence lengthened), as a user
// typing in one file after another. Reads a job as JSON on stdin: { core, dir, files, edits };
// writes { firstMs, editMs: [..], peakMB } as JSON.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const job = JSON.parse(readFileSync(0, 'utf8'));
const core = require(job.core);
let inputs = job.files.map(id => ({ id, text: readFileSync(join(job.dir, id), 'utf8') }));
const timed = fn => {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const analyzer = core.createAnalyzer();
const firstMs = timed(() => analyzer.analyze(inputs));
const editMs = [];
for (let k = 0; k < job.edits; k++) {
  // Documents spread over the folder, a different one each time.
  const at = Math.floor(((k + 0.5) / job.edits) * inputs.length);
  inputs = inputs.map((input, i) => (i === at ? { ...input, text: input.text.replace('. ', `, and then ${k}, as people said, `) } : input));
  editMs.push(timed(() => analyzer.analyze(inputs)));
}
process.stdout.write(JSON.stringify({ firstMs, editMs, peakMB: process.resourceUsage().maxRSS / 1024 }));
