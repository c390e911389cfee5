// Writes dist/cli-main.cache: V8's code cache for the CLI bundle, taken after the CLI has
// analysed the sample versions in seeds/, so it holds the functions a run compiles. Called by
// esbuild.js after every build; the launcher (src/node/cliLauncher.ts) ignores a cache made for
// another bundle or another Node version.
const { spawnSync } = require('node:child_process');
const { readdirSync, renameSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const seeds = join(root, 'seeds');
const target = join(dist, 'cli-main.cache');
const fresh = `${target}.new`;

rmSync(target, { force: true });
const files = readdirSync(seeds)
  .filter(f => f.endsWith('.txt'))
  .sort()
  .map(f => join(seeds, f));
const run = spawnSync(process.execPath, [join(dist, 'cli.js'), 'analyze', '--format', 'json', ...files], {
  env: { ...process.env, SYNOPTIC_WRITE_CODE_CACHE: fresh },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (run.status !== 0) {
  rmSync(fresh, { force: true });
  throw new Error(`the training run of the CLI failed (exit ${run.status})`);
}
renameSync(fresh, target);
