/**
 * Entry point VS Code calls with the extension loaded (`extensionTestsPath`): runs every
 * `*.test.js` of this folder in the real extension host and settles with the outcome.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha = require('mocha');

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // SYNOPTIC_TEST_GREP runs only the tests whose full title matches it.
  if (process.env.SYNOPTIC_TEST_GREP) mocha.grep(process.env.SYNOPTIC_TEST_GREP);
  for (const file of readdirSync(__dirname)
    .filter(f => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(failures => {
        // The line run-integration.js reads; a skipped test counts as neither.
        console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} integration tests failed`));
        else resolve();
      });
    } catch (e) {
      reject(e);
    }
  });
}
