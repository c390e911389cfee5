/**
 * Entry point VS Code calls with the extension loaded (`extensionTestsPath`): runs the mocha
 * suite in the real extension host and settles with its outcome.
 */
import * as path from 'node:path';
import Mocha = require('mocha');

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  mocha.addFile(path.join(__dirname, 'exportCommand.test.js'));
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
