import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withTerminationHeld } from '../../src/node/terminationHeld';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs, in a process of its own, a replacement of `target` whose write sends the process
 * `signal` half-way (as Ctrl-C or `kill` would land there), then writes the rest or, with
 * `failAfter`, fails as a full disk would. `held` runs it inside `withTerminationHeld`.
 */
function replaceWithSignalMidWrite(target: string, signal: string, held: boolean, failAfter = false) {
  const script = `
    const { writeSync } = require('node:fs');
    const { replaceFile } = require(${JSON.stringify(require.resolve('../../src/node/replaceFile'))});
    const { withTerminationHeld } = require(${JSON.stringify(require.resolve('../../src/node/terminationHeld'))});
    const work = () => replaceFile(${JSON.stringify(target)}, fd => {
      writeSync(fd, 'the first half, ');
      process.kill(process.pid, ${JSON.stringify(signal)});
      if (${failAfter}) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      writeSync(fd, 'the second half\\n');
    });
    if (${held}) withTerminationHeld(work).then(() => process.exit(0), () => process.exit(3));
    else { try { work(); } catch { process.exit(3); } }
  `;
  return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
}

describe('holding a request to stop while a file is replaced', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'synoptic-held-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const signal of ['SIGINT', 'SIGTERM']) {
    it(`ends the process by ${signal} once the new file is whole, leaving no part-written file`, () => {
      const target = join(dir, 'export.json');
      writeFileSync(target, 'the old export\n');
      const child = replaceWithSignalMidWrite(target, signal, true);
      assert.equal(child.signal, signal, child.stderr);
      assert.equal(readFileSync(target, 'utf8'), 'the first half, the second half\n');
      assert.deepEqual(readdirSync(dir), ['export.json']);
    });
  }

  it('ends the process by the signal with the old file as it was when the write fails after it', () => {
    const target = join(dir, 'export.json');
    writeFileSync(target, 'the old export\n');
    const child = replaceWithSignalMidWrite(target, 'SIGTERM', true, true);
    assert.equal(child.signal, 'SIGTERM', child.stderr);
    assert.equal(readFileSync(target, 'utf8'), 'the old export\n');
    assert.deepEqual(readdirSync(dir), ['export.json']);
  });

  it('is needed: unheld, the signal ends the process mid-write and leaves the part-written file', () => {
    const target = join(dir, 'export.json');
    writeFileSync(target, 'the old export\n');
    const child = replaceWithSignalMidWrite(target, 'SIGTERM', false);
    assert.equal(child.signal, 'SIGTERM', child.stderr);
    assert.equal(readFileSync(target, 'utf8'), 'the old export\n');
    assert.equal(readdirSync(dir).filter(name => name.endsWith('.partial')).length, 1);
  });

  it('returns what the work returns, and afterwards leaves the signals to their listeners as before', async () => {
    const before = STOP_SIGNALS.map(signal => process.listenerCount(signal));
    assert.equal(await withTerminationHeld(() => 42), 42);
    assert.deepEqual(
      STOP_SIGNALS.map(signal => process.listenerCount(signal)),
      before,
    );
  });

  it('throws what the work throws when no signal came', async () => {
    const before = STOP_SIGNALS.map(signal => process.listenerCount(signal));
    await assert.rejects(
      withTerminationHeld(() => {
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      }),
      { code: 'ENOSPC' },
    );
    assert.deepEqual(
      STOP_SIGNALS.map(signal => process.listenerCount(signal)),
      before,
    );
  });
});
