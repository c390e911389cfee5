#!/usr/bin/env node
'use strict';
// npm run test:integration: runs the suite in a real VS Code. With SYNOPTIC_VSCODE set to a
// local VS Code executable, or where VS Code can be downloaded (SYNOPTIC_DOWNLOAD_VSCODE=1),
// through @vscode/test-electron; otherwise in code-server's extension host, installed by
// scripts/setup-vscode-host.sh on first use. The workspace is a fresh copy of seeds/.
// In code-server the extension is then packaged (npm run package), installed from the .vsix
// into a fresh host and smoke-tested there (test/smoke); the last line adds up both runs.
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const testsPath = path.join(root, 'out', 'test', 'integration', 'index.js');
const smokePath = path.join(root, 'out', 'test', 'smoke', 'index.js');
const shots = path.resolve(process.env.SYNOPTIC_SHOTS || path.join(root, 'test-results', 'screenshots'));

/** Runs a child with its output passed through; resolves to its exit code and its output. */
function runPassingThrough(command, args) {
  return new Promise(resolve => {
    const child = cp.spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', chunk => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.on('close', code => resolve({ code: code ?? 1, output }));
  });
}

/** The counts of a suite's "N passed, N failed" line (the last one). */
function counts(output) {
  const lines = [...output.matchAll(/^(\d+) passed, (\d+) failed(?:, \d+ pending)?$/gm)];
  const last = lines[lines.length - 1];
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : { passed: 0, failed: 1 };
}

function freshWorkspace() {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'synoptic-ws-'));
  for (const f of fs.readdirSync(path.join(root, 'seeds'))) fs.copyFileSync(path.join(root, 'seeds', f), path.join(workspace, f));
  return workspace;
}

async function main() {
  if (!fs.existsSync(testsPath)) throw new Error('compile first: npm run build && npm run compile-tests');
  const workspace = freshWorkspace();
  const smokeWorkspace = freshWorkspace();
  try {
    if (process.env.SYNOPTIC_VSCODE || process.env.SYNOPTIC_DOWNLOAD_VSCODE === '1') {
      const { runTests } = require('@vscode/test-electron');
      await runTests({
        vscodeExecutablePath: process.env.SYNOPTIC_VSCODE || undefined,
        extensionDevelopmentPath: root,
        extensionTestsPath: testsPath,
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
        extensionTestsEnv: { VSC_SHOT_DIR: '' },
      });
      return 0;
    }
    const setup = cp.spawnSync('bash', [path.join(root, 'scripts', 'setup-vscode-host.sh')], { stdio: 'inherit' });
    if (setup.status !== 0) throw new Error('could not set up the code-server test host');
    const host = path.join(root, 'scripts', 'code-server-host.js');
    const suite = await runPassingThrough(process.execPath, [
      host,
      '--ext',
      root,
      '--tests',
      testsPath,
      '--workspace',
      workspace,
      '--shots',
      shots,
      '--timeout',
      '480',
    ]);
    const suiteCounts = counts(suite.output);
    // The package as a user installs it: built by vsce (a production build), then installed.
    const packaged = cp.spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    let smoke = { code: 1, output: '' };
    if (packaged.status === 0) {
      console.log('[integration] built synoptic.vsix; installing it into a fresh host');
      smoke = await runPassingThrough(process.execPath, [
        host,
        '--install',
        path.join(root, 'synoptic.vsix'),
        '--tests',
        smokePath,
        '--workspace',
        smokeWorkspace,
        '--timeout',
        '240',
      ]);
    } else {
      console.error('[integration] npm run package failed');
    }
    // Back to the development build the other tests and F5 use.
    cp.spawnSync(process.execPath, [path.join(root, 'esbuild.js')], { cwd: root, stdio: 'inherit' });
    const smokeCounts = counts(smoke.output);
    console.log(
      `integration suite: ${suiteCounts.passed} passed, ${suiteCounts.failed} failed; installed package: ${smokeCounts.passed} passed, ${smokeCounts.failed} failed`,
    );
    console.log(`${suiteCounts.passed + smokeCounts.passed} passed, ${suiteCounts.failed + smokeCounts.failed} failed`);
    return suite.code || smoke.code || (packaged.status ?? 1);
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(smokeWorkspace, { recursive: true, force: true });
  }
}

main().then(
  code => process.exit(code),
  e => {
    console.error(`integration tests: ${e.message}`);
    process.exit(1);
  },
);
