import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { readTextFile } from '../../src/node/readSource';
import { seedsDir } from '../support/fixtures';

const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
/** The path separator, in a regular expression. */
const sepPattern = sep === '\\' ? '\\\\' : '/';

function run(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
}

describe('synoptic CLI', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'synoptic-cli-'))));
  after(() => {
    // A writer still waiting for a reader of a named pipe (where a run did not read it) is let go.
    for (const pipe of ['late-writer.txt', 'binary-pipe.txt'])
      try {
        closeSync(openSync(join(dir, pipe), constants.O_RDONLY | constants.O_NONBLOCK));
      } catch {
        // Not made, or not on this system.
      }
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports format 1 JSON with one line entry per line and offsets into the file', () => {
    const files = ['000_2e221a3ec277473a.txt', '002_b59a2ea70077a96b.txt'].map(f => join(seedsDir, f));
    const result = run('analyze', '--format', 'json', ...files);
    assert.equal(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.format, 1);
    assert.equal(json.sources.length, 2);
    const text = require('node:fs').readFileSync(files[0], 'utf8') as string;
    assert.equal(json.sources[0].lines.length, text.split('\n').length);
    for (const s of json.sources[0].sentences) assert.ok(s.start >= 0 && s.end <= text.length && s.start < s.end);
    assert.ok(json.groups.length > 5);
    for (const g of json.groups) assert.ok(new Set(g.members.map((m: { source: number }) => m.source)).size >= 2);
  });

  it('gives the same export with the code cache, without it, and with a cache that does not fit the bundle', () => {
    const dist = join(cli, '..');
    assert.ok(existsSync(join(dist, 'cli-main.cache')), 'the build leaves a code cache');
    const copy = mkdtempSync(join(tmpdir(), 'synoptic-launcher-'));
    try {
      for (const f of ['cli.js', 'cli-main.js', 'cli-main.cache', 'prepareWorker.js']) copyFileSync(join(dist, f), join(copy, f));
      const seeds = readdirSync(seedsDir)
        .filter(f => f.endsWith('.txt'))
        .sort()
        .map(f => join(seedsDir, f));
      const exportWith = () => {
        const result = spawnSync(process.execPath, [join(copy, 'cli.js'), 'analyze', '--format', 'json', ...seeds], {
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        });
        assert.equal(result.status, 0, result.stderr);
        return result.stdout;
      };
      const expected = exportWith();
      const cache = readFileSync(join(copy, 'cli-main.cache'));
      // Made for another bundle of the same length: the launcher must not hand the data to V8.
      const bundleLength = cache.readUInt32LE(0);
      const otherBundle = Buffer.from(cache);
      otherBundle[4 + Math.floor(bundleLength / 2)] ^= 0x01;
      writeFileSync(join(copy, 'cli-main.cache'), otherBundle);
      assert.equal(exportWith(), expected);
      // Made for this bundle, but data V8 cannot use: V8 rejects it and compiles as usual.
      writeFileSync(join(copy, 'cli-main.cache'), Buffer.concat([cache.subarray(0, 4 + bundleLength), Buffer.alloc(4096, 7)]));
      assert.equal(exportWith(), expected);
      rmSync(join(copy, 'cli-main.cache'));
      assert.equal(exportWith(), expected);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('prints a readable report by default', () => {
    const result = run('analyze', join(seedsDir, '000_2e221a3ec277473a.txt'), join(seedsDir, '004_b132656ddbd9dbe3.txt'));
    assert.equal(result.status, 0);
    assert.match(result.stdout, /2 sources/);
    assert.match(result.stdout, /boilerplate/);
    assert.match(result.stdout, /Shared statements/);
  });

  it('analyses one file alone', () => {
    const result = run('analyze', '--format=json', join(seedsDir, '001_d0ef0ff56864153f.txt'));
    assert.equal(result.status, 0);
    assert.ok(JSON.parse(result.stdout).sources[0].lines.some((l: { kind: string }) => l.kind === 'boilerplate'));
  });

  /** Enough versions of the seeds for an export larger than a pipe holds. */
  const manySeeds = () => {
    const seeds = readdirSync(seedsDir)
      .filter(f => f.endsWith('.txt'))
      .sort();
    return Array.from({ length: 8 }, (_, copy) =>
      seeds.map(f => {
        const path = join(dir, `${copy}-${f}`);
        copyFileSync(join(seedsDir, f), path);
        return path;
      }),
    ).flat();
  };

  it('stops quietly when the reader closes the pipe early', () => {
    const files = manySeeds();
    const quoted = [process.execPath, cli, 'analyze', '--format', 'json', ...files].map(a => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const result = spawnSync('sh', ['-c', `${quoted} | head -c 10`], { encoding: 'utf8' });
    assert.equal(result.stdout, '{"format":');
    assert.equal(result.stderr, '');
  });

  it('stops quietly when the reader closes the pipe early that -o /dev/stdout, /dev/fd/1 or /dev/stderr names', function () {
    if (process.platform !== 'linux') this.skip();
    const files = manySeeds();
    const shell = (args: string[], redirect: string) => {
      const command = [process.execPath, cli, ...args, ...files].map(a => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
      // The exit code of the writer, on a stream the reader does not close.
      const status = join(dir, 'status');
      const result = spawnSync('sh', ['-c', `{ ${command} ${redirect}; echo $? > '${status}'; } | head -c 10`], { encoding: 'utf8' });
      return { stdout: result.stdout, stderr: result.stderr, status: readFileSync(status, 'utf8').trim() };
    };
    for (const target of ['/dev/stdout', '/dev/fd/1']) {
      for (const format of ['json', 'text']) {
        const result = shell(['analyze', '--format', format, '-o', target], '');
        assert.equal(result.stderr, '', `${target} ${format}`);
        assert.equal(result.status, '0', `${target} ${format}`);
        assert.equal(result.stdout.length, 10);
      }
    }
    // Standard error into the pipe, the messages on it lost quietly as well.
    const toError = shell(['analyze', '--format', 'json', '-o', '/dev/stderr'], '2>&1 >/dev/null');
    assert.equal(toError.stdout, '{"format":');
    assert.equal(toError.status, '0');
  });

  it('writes -o /dev/stdout to standard output that is a socket, as a shell would', function () {
    if (process.platform !== 'linux') this.skip();
    // Node's own child pipes are sockets, which /dev/stdout does not reopen.
    const result = run('stories', '-o', '/dev/stdout', join(seedsDir, '000_2e221a3ec277473a.txt'));
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, run('stories', join(seedsDir, '000_2e221a3ec277473a.txt')).stdout);
  });

  it('ends with its own exit code where standard error is a pipe closed before its messages', function () {
    if (process.platform === 'win32') this.skip();
    const folder = join(dir, 'with-a-binary');
    mkdirSync(folder);
    copyFileSync(join(seedsDir, '000_2e221a3ec277473a.txt'), join(folder, 'a.txt'));
    writeFileSync(join(folder, 'b.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    const status = join(dir, 'stderr-status');
    for (const [args, expected] of [
      [['stories', folder], '0'],
      [['stories', join(dir, 'nope.txt')], '2'],
    ] as const) {
      const command = [process.execPath, cli, ...args].map(a => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
      // `true` reads nothing and is gone long before the analysis is done.
      spawnSync('sh', ['-c', `{ ${command} 2>&1 >/dev/null; echo $? > '${status}'; } | true`]);
      assert.equal(readFileSync(status, 'utf8').trim(), expected, args.join(' '));
    }
  });

  it('writes the whole export to a pipe that would block, as to any other', function () {
    const python = spawnSync('python3', ['--version']);
    if (python.error || python.status !== 0) this.skip();
    const files = manySeeds();
    const expected = run('analyze', '--format', 'json', ...files).stdout;
    assert.ok(Buffer.byteLength(expected) > 1 << 17, `larger than a pipe holds: ${Buffer.byteLength(expected)} bytes`);
    // The parent makes the pipe non-blocking and reads it only after a pause, so writes meet a full pipe.
    const reader = [
      'import os, subprocess, sys, time',
      'r, w = os.pipe()',
      'os.set_blocking(w, False)',
      'child = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(1)',
      'chunks = []',
      'while True:',
      '    chunk = os.read(r, 65536)',
      '    if not chunk: break',
      '    chunks.append(chunk)',
      'sys.stdout.buffer.write(b"".join(chunks))',
      'sys.exit(child.wait())',
    ].join('\n');
    const result = spawnSync('python3', ['-c', reader, process.execPath, cli, 'analyze', '--format', 'json', ...files], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, expected);
  }).timeout(20_000);

  it('reads a folder as the .txt files under it at any depth, in code-unit order, hidden files and linked folders left out, none twice, links included', () => {
    const root = join(dir, 'corpus');
    const seed = (name: string) => join(seedsDir, name);
    mkdirSync(join(root, 'a'), { recursive: true });
    mkdirSync(join(root, '.git'), { recursive: true });
    copyFileSync(seed('001_d0ef0ff56864153f.txt'), join(root, 'b.txt'));
    copyFileSync(seed('004_b132656ddbd9dbe3.txt'), join(root, 'B.txt'));
    copyFileSync(seed('000_2e221a3ec277473a.txt'), join(root, 'a', 'x.TXT'));
    copyFileSync(seed('002_b59a2ea70077a96b.txt'), join(root, '.git', 'y.txt'));
    copyFileSync(seed('003_35b1516114ec1545.txt'), join(root, '.z.txt'));
    writeFileSync(join(root, 'notes.md'), 'Not a version.\n');
    symlinkSync(root, join(root, 'a', 'loop'), 'junction');
    // A link to a file of the folder is that file; a link that points nowhere is no file.
    symlinkSync(join(root, 'b.txt'), join(root, 'link.txt'));
    symlinkSync(join(root, 'gone'), join(root, 'gone.txt'));
    // A hard link is the file under another name: read once, where the folder's order first meets it.
    linkSync(join(root, 'B.txt'), join(root, 'hard.txt'));
    // Code-unit order: capitals before small letters, whatever the locale says.
    const listed = run('analyze', '--format', 'json', join(root, 'B.txt'), join(root, 'a', 'x.TXT'), join(root, 'b.txt'));
    assert.equal(listed.status, 0, listed.stderr);
    const folder = run('analyze', '--format', 'json', root);
    assert.equal(folder.status, 0, folder.stderr);
    assert.equal(folder.stdout, listed.stdout);
    // A file named as well as found under a folder, and a folder inside one named already, count once.
    const both = run('analyze', '--format', 'json', join(root, 'b.txt'), root, join(root, 'a'));
    assert.equal(both.status, 0, both.stderr);
    assert.deepEqual(
      JSON.parse(both.stdout).sources.map((s: { path: string }) => s.path),
      [join(root, 'b.txt'), join(root, 'B.txt'), join(root, 'a', 'x.TXT')],
    );
  });

  it('names files of one name in different folders by their paths in its reports', () => {
    const root = join(dir, 'same-names');
    for (const [folder, file] of [
      ['x', '000_2e221a3ec277473a.txt'],
      ['y', '001_d0ef0ff56864153f.txt'],
    ]) {
      mkdirSync(join(root, folder), { recursive: true });
      copyFileSync(join(seedsDir, file), join(root, folder, 'story.txt'));
    }
    const result = run('analyze', root);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(result.stdout.includes(join(root, 'x', 'story.txt')), result.stdout.slice(0, 400));
    assert.ok(result.stdout.includes(join(root, 'y', 'story.txt')));
  });

  it("reads a file that a shell's process substitution names (<(cat v.txt)) and a named pipe, as cat reads them", function () {
    if (process.platform === 'win32' || spawnSync('bash', ['--version']).status !== 0) this.skip();
    const [a, b] = ['000_2e221a3ec277473a.txt', '001_d0ef0ff56864153f.txt'].map(f => join(seedsDir, f));
    const expected = run('analyze', '--format', 'json', a, b);
    assert.equal(expected.status, 0, expected.stderr);
    const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;
    const substituted = spawnSync(
      'bash',
      ['-c', `${[process.execPath, cli, 'analyze', '--format', 'json'].map(quote).join(' ')} <(cat ${quote(a)}) <(cat ${quote(b)})`],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      },
    );
    assert.equal(substituted.status, 0, substituted.stderr);
    const paths = (json: string) => (JSON.parse(json) as { sources: { path: string }[] }).sources.map(s => s.path);
    assert.deepEqual(
      paths(substituted.stdout).map(p => /^\/(dev|proc\/self)\/fd\/\d+$/.test(p)),
      [true, true],
    );
    // The same analysis but for the names (the reason for a story's origin names its files).
    const withoutNames = (json: string) => {
      const parsed = JSON.parse(json) as { sources: object[]; groups: unknown; stories: { sources: number[] }[] };
      return JSON.stringify([parsed.sources.map(s => ({ ...s, path: '' })), parsed.groups, parsed.stories.map(s => s.sources)]);
    };
    assert.equal(withoutNames(substituted.stdout), withoutNames(expected.stdout));
    // The report names such a file by its path: its base name is a bare number.
    const report = spawnSync('bash', ['-c', `${[process.execPath, cli, 'stories'].map(quote).join(' ')} <(cat ${quote(a)})`], {
      encoding: 'utf8',
    });
    assert.equal(report.status, 0, report.stderr);
    assert.match(report.stdout, /\tfile: \/(dev|proc\/self)\/fd\/\d+\n$/);
    // A named pipe whose writer comes after the run has started is waited for.
    const fifo = join(dir, 'late-writer.txt');
    execFileSync('mkfifo', [fifo]);
    const named = spawnSync(
      'bash',
      [
        '-c',
        `(sleep 0.5; cat ${quote(a)} > ${quote(fifo)}) >/dev/null 2>&1 & ${[process.execPath, cli, 'stories', fifo].map(quote).join(' ')}`,
      ],
      { encoding: 'utf8', timeout: 20_000 },
    );
    assert.equal(named.status, 0, named.stderr);
    assert.match(named.stdout, /^1\t1 source\t.*\tfile: late-writer\.txt\n$/);
  });

  it('reads piped standard input once, however it is named', function () {
    if (process.platform === 'win32' || spawnSync('bash', ['--version']).status !== 0) this.skip();
    const [a, b] = ['000_2e221a3ec277473a.txt', '001_d0ef0ff56864153f.txt'].map(f => join(seedsDir, f));
    const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;
    const piped = (...names: string[]) =>
      spawnSync('bash', ['-c', `cat ${quote(a)} | ${[process.execPath, cli, 'stories', ...names, b].map(quote).join(' ')}`], {
        encoding: 'utf8',
      });
    const alone = piped('-');
    assert.equal(alone.status, 0, alone.stderr);
    // A second name of the pipe read it again, and found it empty: a third source with no text.
    const twice = piped('-', '/dev/stdin');
    assert.equal(twice.status, 0, twice.stderr);
    assert.equal(twice.stdout, alone.stdout);
  });

  it('reads a file whose size the file system gives as 0 to its end, and an empty file as empty', function () {
    // Linux gives the files of /proc no size, though they hold text.
    if (!existsSync('/proc/version')) this.skip();
    assert.equal(readTextFile('/proc/version'), readFileSync('/proc/version', 'utf8'));
    assert.ok(readTextFile('/proc/version').length > 0);
    writeFileSync(join(dir, 'empty.txt'), '');
    assert.equal(readTextFile(join(dir, 'empty.txt')), '');
  });

  const failures: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['analyze', join(dir, 'nope.txt')], /no such file/],
    [
      'a folder without .txt files',
      () => {
        const empty = join(dir, 'no-versions');
        mkdirSync(empty, { recursive: true });
        writeFileSync(join(empty, 'notes.md'), 'Not a version.\n');
        return ['analyze', empty];
      },
      /no-versions: a folder without \.txt files\n$/,
    ],
    [
      'a folder whose .txt files are all hidden, naming them',
      () => {
        const hidden = join(dir, 'hidden-versions');
        mkdirSync(join(hidden, '.drafts'), { recursive: true });
        mkdirSync(join(hidden, 'sub'), { recursive: true });
        writeFileSync(join(hidden, 'notes.md'), 'Not a version.\n');
        writeFileSync(join(hidden, '.drafts', 'a.txt'), 'Hidden.\n');
        writeFileSync(join(hidden, 'sub', '.b.txt'), 'Hidden too.\n');
        writeFileSync(join(hidden, '.notes.md'), 'Not a version, hidden or not.\n');
        return ['analyze', hidden];
      },
      new RegExp(
        `hidden-versions: a folder without \\.txt files outside hidden files and folders, which are left out ` +
          `\\(a name starting with a dot: .*hidden-versions${sepPattern}\\.drafts, .*hidden-versions${sepPattern}sub${sepPattern}\\.b\\.txt\\); ` +
          `name one to read it\n$`,
      ),
    ],
    [
      'a binary file',
      () => {
        writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
        return ['analyze', join(dir, 'bin.txt')];
      },
      /binary/,
    ],
    ['no files', () => ['analyze'], /no files/],
    // An unset variable in "$FILE": no file of the current folder's, nor the folder itself.
    [
      'an empty FILE',
      () => ['stories', join(seedsDir, '000_2e221a3ec277473a.txt'), ''],
      /^synoptic: a FILE given as '' \(an empty name\) names no file\n$/,
    ],
    ['an empty PATH for import-passim', () => ['import-passim', ''], /^synoptic: PATH given as '' \(an empty name\) names no file\n$/],
    [
      'an empty --root',
      () => ['import-passim', '--root', '', 'out.json'],
      /^synoptic: --root given as '' \(an empty name\) names no file\n$/,
    ],
    ...(process.platform === 'win32'
      ? []
      : ([
          ['a device', () => ['analyze', '/dev/null'], /is not a regular file/],
          [
            'binary text through a pipe named itself',
            () => {
              execFileSync('mkfifo', [join(dir, 'binary-pipe.txt')]);
              return [
                'sh',
                '-c',
                `(printf '\\211PNG\\0\\1' > '${join(dir, 'binary-pipe.txt')}') >/dev/null 2>&1 & exec "$@"`,
                'sh',
                'analyze',
                join(dir, 'binary-pipe.txt'),
              ];
            },
            /binary-pipe\.txt: looks like a binary file, not text/,
          ],
        ] as [string, () => string[], RegExp][])),
    ['an unknown format', () => ['analyze', '--format', 'xml', join(seedsDir, '000_2e221a3ec277473a.txt')], /--format/],
    ['an unknown command', () => ['frobnicate'], /unknown command/],
  ];
  for (const [what, args, message] of failures) {
    it(`refuses ${what} with one line on stderr and exit code 2`, () => {
      const given = args();
      // A command line that starts with `sh` runs the CLI as the shell's "$@".
      const result =
        given[0] === 'sh'
          ? spawnSync('sh', [...given.slice(1, 4), process.execPath, cli, ...given.slice(4)], { encoding: 'utf8', timeout: 20_000 })
          : run(...given);
      assert.equal(result.status, 2);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1);
      assert.ok(!/at .*\.js:\d+/.test(result.stderr), 'no stack trace');
    });
  }
});
