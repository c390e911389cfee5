import * as assert from 'node:assert/strict';
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceFile } from '../../src/node/replaceFile';

describe('replacing a file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'synoptic-replace-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const writeThenFail = (fd: number) => {
    writeSync(fd, 'the first half of the new text');
    throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
  };

  it('leaves the old file whole, and no partial file beside it, when the write fails half-way', () => {
    const target = join(dir, 'export.json');
    writeFileSync(target, 'the old export\n');
    assert.throws(() => replaceFile(target, writeThenFail), { code: 'ENOSPC' });
    assert.equal(readFileSync(target, 'utf8'), 'the old export\n');
    assert.deepEqual(readdirSync(dir), ['export.json']);
  });

  it('leaves no file at all when a write to a new name fails', () => {
    assert.throws(() => replaceFile(join(dir, 'new.json'), writeThenFail), { code: 'ENOSPC' });
    assert.deepEqual(readdirSync(dir), []);
  });

  it('replaces the text and keeps the old permissions, which the umask would narrow', () => {
    const target = join(dir, 'export.csv');
    writeFileSync(target, 'old');
    chmodSync(target, 0o666);
    const umask = process.umask(0o077);
    try {
      replaceFile(target, fd => writeSync(fd, 'new'));
    } finally {
      process.umask(umask);
    }
    assert.equal(readFileSync(target, 'utf8'), 'new');
    assert.equal(statSync(target).mode & 0o777, 0o666);
  });

  it('writes the file a symbolic link leads to, and keeps the link', () => {
    const real = join(dir, 'real.txt');
    const link = join(dir, 'link.txt');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    replaceFile(link, fd => writeSync(fd, 'new'));
    assert.equal(readFileSync(real, 'utf8'), 'new');
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.deepEqual(readdirSync(dir).sort(), ['link.txt', 'real.txt']);
  });

  it('writes through a symbolic link that leads nowhere yet, making the file where it points', () => {
    const real = join(dir, 'made.txt');
    const link = join(dir, 'link.txt');
    symlinkSync(real, link);
    replaceFile(link, fd => writeSync(fd, 'new'));
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(readFileSync(real, 'utf8'), 'new');
  });

  it('writes a file with other hard links in place, so every name reads the new text', () => {
    const target = join(dir, 'a.txt');
    writeFileSync(target, 'old');
    linkSync(target, join(dir, 'b.txt'));
    replaceFile(target, fd => writeSync(fd, 'new'));
    assert.equal(readFileSync(join(dir, 'b.txt'), 'utf8'), 'new');
  });
});
