/**
 * Entry point of the smoke test of the installed package: VS Code loads it with no
 * development extension, so the extension under test is the one installed from the .vsix.
 */
import * as path from 'node:path';
import Mocha = require('mocha');

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'installed.test.js'));
  return new Promise((resolve, reject) => {
    mocha.run(failures => {
      console.log(`${mocha.suite.total() - failures} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} smoke tests failed`));
      else resolve();
    });
  });
}
