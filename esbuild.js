// Bundles the extension (for VS Code's Node host) and the command-line tool.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Node 20 reads every Unicode property escape (\p{L}, \p{Script=Thai}): kept as literals, which
  // esbuild's node20 target otherwise rewrites as `new RegExp(...)`, built again at each call
  // inside a function.
  supported: { 'regexp-unicode-property-escapes': true },
};

async function main() {
  const builds = [
    { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
    { ...common, entryPoints: ['src/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
    // The command line: a small launcher that loads the CLI bundle through V8's code cache.
    { ...common, entryPoints: ['src/node/cliLauncher.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
    { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli-main.js' },
    { ...common, entryPoints: ['src/node/prepareWorker.ts'], outfile: 'dist/prepareWorker.js' },
    // The core as a library, with what the benchmark times besides the product's entry points.
    { ...common, entryPoints: ['src/bench/core.ts'], outfile: 'dist/bench-core.js' },
    // Training and cross-validation of the line model, for `npm run train` and `npm run eval`.
    { ...common, entryPoints: ['src/node/training.ts'], outfile: 'dist/training.js' },
    // The comparison panel's model building (no vscode), for the benchmark.
    { ...common, entryPoints: ['src/comparisonModel.ts'], outfile: 'dist/bench-panel.js' },
    // The webview script runs in the panel's browser context and is served from media/.
    {
      ...common,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      entryPoints: ['src/webview/compare.ts'],
      outfile: 'media/compare.js',
      sourcemap: false,
    },
  ].filter(b => require('fs').existsSync(b.entryPoints[0]));
  if (watch) {
    const contexts = await Promise.all(builds.map(b => esbuild.context(b)));
    await Promise.all(contexts.map(c => c.watch()));
  } else {
    await Promise.all(builds.map(b => esbuild.build(b)));
    require('./scripts/train-code-cache.js');
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
