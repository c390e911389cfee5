/**
 * Entry point VS Code calls with the extension loaded (`extensionTestsPath`): runs the mocha
 * suite in the real extension host and settles with its outcome.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha = require('mocha');

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const file of readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    try {
      mocha.run(failures => {
        console.log(`${mocha.suite.total() - failures} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} integration tests failed`));
        else resolve();
      });
    } catch (e) {
      reject(e);
    }
  });
}
