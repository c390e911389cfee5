// Times whole runs of the CLI for the benchmark, from a small process of its own: forking a
// parent that holds a large heap (the benchmark's, several hundred MB) costs each child
// process 10-20 ms before it starts, which a user running the CLI from a shell never pays.
// Reads a job as JSON on stdin: { cli, dir, files, runs }; writes [{ ms, peakMB }] as JSON.
const { spawnSync } = require('node:child_process');

const job = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const results = [];
for (let i = 0; i < job.runs; i++) {
  const t = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, job.cli, 'analyze', '--format', 'json', ...job.files], {
    cwd: job.dir,
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const stderr = run.stderr.toString('utf8');
  if (run.status !== 0) throw new Error(`CLI failed: ${stderr}`);
  results.push({ ms, peakMB: Number(stderr.trim().split('\n').pop()) / 1024 });
}
process.stdout.write(JSON.stringify(results));
