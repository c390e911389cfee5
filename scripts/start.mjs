// npm start: opens seeds/ in VS Code with Synoptic loaded where a `code` command exists;
// otherwise prints the command-line report on the seeds and says how to open them in VS Code.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seeds = join(root, 'seeds');
const code = process.env.SYNOPTIC_CODE ?? 'code';
const hasCode = spawnSync(code, ['--version'], { stdio: 'ignore' }).status === 0;

if (hasCode && !process.env.CI) {
  console.log(`Opening ${seeds} in VS Code with Synoptic loaded…`);
  const result = spawnSync(code, ['--new-window', `--extensionDevelopmentPath=${root}`, seeds], { stdio: 'inherit' });
  process.exit(result.status ?? 0);
}

const files = readdirSync(seeds)
  .filter(f => f.endsWith('.txt'))
  .sort()
  .map(f => join(seeds, f));
// Said first as well as last: the report runs to several hundred lines.
const preface = hasCode
  ? 'CI is set, so this is the command-line report on seeds/ (five versions of one story), not VS Code.'
  : 'No `code` command here, so this is the command-line report on seeds/ (five versions of one story).';
console.log(`${preface}\n`);
const report = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'analyze', ...files], { stdio: 'inherit' });
console.log(`
${preface}
To read the seeds in VS Code with Synoptic: ${hasCode ? 'run `npm start` where CI is not set' : 'install the `code` command, then run `npm start` again'},
or open this folder in VS Code and press F5 (Run Extension): seeds/ opens in the new window.`);
process.exit(report.status ?? 1);
