#!/usr/bin/env node
'use strict';
// npm run test:integration: runs the suite in a real VS Code. With SYNOPTIC_VSCODE set to a
// local VS Code executable, or where VS Code can be downloaded (SYNOPTIC_DOWNLOAD_VSCODE=1),
// through @vscode/test-electron; otherwise in code-server's extension host, installed by
// scripts/setup-vscode-host.sh on first use. The workspace is a fresh copy of seeds/.
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const testsPath = path.join(root, 'out', 'test', 'integration', 'index.js');
const shots = path.resolve(process.env.SYNOPTIC_SHOTS || path.join(root, 'test-results', 'screenshots'));

async function main() {
  if (!fs.existsSync(testsPath)) throw new Error('compile first: npm run build && npm run compile-tests');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'synoptic-ws-'));
  for (const f of fs.readdirSync(path.join(root, 'seeds'))) fs.copyFileSync(path.join(root, 'seeds', f), path.join(workspace, f));
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
    const run = cp.spawnSync(
      process.execPath,
      [path.join(root, 'scripts', 'code-server-host.js'), '--ext', root, '--tests', testsPath, '--workspace', workspace, '--shots', shots, '--timeout', '420'],
      { stdio: 'inherit' },
    );
    return run.status ?? 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then(
  code => process.exit(code),
  e => {
    console.error(`integration tests: ${e.message}`);
    process.exit(1);
  },
);
