import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  createReadStream,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { seedsDir } from '../support/fixtures';
import { HARBOUR, LIBRARY, SITES, page } from '../support/storyPages';

const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const packageVersion = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')).version;

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, input });
}

/** `arg` quoted for a POSIX shell. */
const quoted = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

describe('synoptic CLI commands', () => {
  const seeds = readdirSync(seedsDir)
    .filter(f => f.endsWith('.txt'))
    .sort()
    .map(f => join(seedsDir, f));
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'synoptic-commands-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every command in --help, and -h and help say the same', () => {
    const help = run(['--help']);
    assert.equal(help.status, 0);
    for (const command of ['analyze', 'export', 'stories', 'import-passim']) assert.match(help.stdout, new RegExp(`^  ${command} `, 'm'));
    assert.match(help.stdout, /--version/);
    assert.equal(run(['-h']).stdout, help.stdout);
    assert.equal(run(['help']).stdout, help.stdout);
  });

  for (const command of ['analyze', 'export', 'stories', 'import-passim']) {
    it(`explains ${command} with --help, with help ${command}, with --help ${command}, and exits 0`, () => {
      const result = run([command, '--help']);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`^usage: synoptic ${command} `));
      assert.match(result.stdout, /-o, --output FILE/);
      assert.equal(run(['help', command]).stdout, result.stdout);
      assert.equal(run(['--help', command]).stdout, result.stdout);
      assert.equal(run(['-h', command]).stdout, result.stdout);
    });
  }

  it("prints the package's version", () => {
    const result = run(['--version']);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, `${packageVersion}\n`);
    assert.equal(run(['-v']).stdout, result.stdout);
  });

  it('prints the help for --help and --version together, in either order, and the version only alone', () => {
    const help = run(['--help']).stdout;
    for (const args of [
      ['--help', '--version'],
      ['--version', '--help'],
      ['-h', '-v'],
      ['-v', '-h'],
      ['help', '--version'],
    ]) {
      const result = run(args);
      assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
      assert.equal(result.stdout, help, args.join(' '));
    }
    const analyzeHelp = run(['analyze', '--help']).stdout;
    for (const args of [
      ['--version', '--help', 'analyze'],
      ['help', 'analyze', '--version'],
      ['analyze', '--help', '--version'],
      ['analyze', '--colour', '-h'],
    ]) {
      const result = run(args);
      assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
      assert.equal(result.stdout, analyzeHelp, args.join(' '));
    }
    for (const [args, message] of [
      [['--version', 'analyze'], /^synoptic: --version takes nothing else, not 'analyze'\n$/],
      [['analyze', '--version', seeds[0]], /^synoptic: --version comes alone, before any command: `synoptic --version`\n$/],
      [['help', 'analyze', 'stories'], /^synoptic: help explains one command, not 'stories' as well\n$/],
      // After `--` every argument is a FILE.
      [['analyze', '--', '-h'], /^synoptic: -h: no such file\n$/],
    ] as const) {
      const result = run([...args]);
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stdout, '');
      assert.match(result.stderr, message);
    }
  });

  it('writes to the file -o names, replacing what was there, and prints nothing', () => {
    const target = join(dir, 'export.json');
    writeFileSync(target, 'old content that is longer than nothing');
    const result = run(['analyze', '--format', 'json', '-o', target, ...seeds.slice(0, 2)]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.equal(readFileSync(target, 'utf8'), run(['analyze', '--format', 'json', ...seeds.slice(0, 2)]).stdout);
    assert.equal(run(['export', '--format=csv', `--output=${target}`, ...seeds.slice(0, 2)]).status, 0);
    assert.match(readFileSync(target, 'utf8'), /^kind,statement,sources,similarity,/);
  });

  it('reads a FILE of - from standard input, as it reads the file itself', () => {
    const text = readFileSync(seeds[1], 'utf8');
    const fromFile = JSON.parse(run(['analyze', '--format', 'json', seeds[0], seeds[1]]).stdout);
    const result = run(['analyze', '--format', 'json', seeds[0], '-'], text);
    assert.equal(result.status, 0, result.stderr);
    const fromStdin = JSON.parse(result.stdout);
    assert.equal(fromStdin.sources[1].path, '-');
    assert.deepEqual({ ...fromStdin.sources[1], path: seeds[1] }, fromFile.sources[1]);
    assert.deepEqual(fromStdin.groups, fromFile.groups);
  });

  it('heads the CSV column of standard input with - as typed', () => {
    const result = run(['export', '--format', 'csv', seeds[0], '-'], readFileSync(seeds[1], 'utf8'));
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.split('\r\n')[0], `kind,statement,sources,similarity,${seeds[0]},-`);
  });

  it('refuses standard input larger than a file may be, as it refuses such a file, with exit code 2', () => {
    const text = `${'a'.repeat(64 * 1024 * 1024)}\n`;
    const result = spawnSync(process.execPath, [cli, 'stories', '-'], { encoding: 'utf8', input: text, timeout: 20_000 });
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /^synoptic: -: standard input larger than 64 MB\n$/);
  }).timeout(30_000);

  it('says in one line and in words, with exit code 2, that standard output or an -o file cannot be written to a full disk', function () {
    if (!existsSync('/dev/full')) this.skip();
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [cli, 'stories', seeds[0]], { encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
      assert.equal(result.status, 2, result.stderr);
      assert.equal(result.stderr, 'synoptic: standard output cannot be written: no space left on the device (ENOSPC)\n');
    } finally {
      closeSync(full);
    }
    // A file on a full disk, by -o, says the same.
    const written = run(['stories', '-o', '/dev/full', seeds[0]]);
    assert.equal(written.status, 2, written.stderr);
    assert.equal(written.stderr, 'synoptic: /dev/full: cannot be written: no space left on the device (ENOSPC)\n');
  });

  it('leaves the file -o names as it was, with exit code 2, when the write fails half-way', () => {
    const target = join(dir, 'kept.json');
    writeFileSync(target, 'the previous export\n');
    // A limit of 4 blocks on the size of files this process writes: writing the export beyond it
    // fails with EFBIG (the signal the limit raises is ignored, so the write returns the error).
    const limited = spawnSync(
      '/bin/sh',
      ['-c', 'trap "" XFSZ; ulimit -f 4; exec "$0" "$@"', process.execPath, cli, 'analyze', '--format', 'json', '-o', target, ...seeds],
      { encoding: 'utf8' },
    );
    assert.equal(limited.status, 2, limited.stderr);
    assert.equal(limited.stderr, `synoptic: ${target}: cannot be written: the file would be too large (EFBIG)\n`);
    assert.equal(readFileSync(target, 'utf8'), 'the previous export\n');
    assert.deepEqual(
      readdirSync(dir).filter(name => name.includes('kept')),
      ['kept.json'],
    );
  });

  // One thread, and two: with workers the write starts from a worker's message, in another
  // phase of the event loop, where a signal held for one turn only was lost.
  for (const threads of ['1', '2']) {
    it(`finishes the file -o names before Ctrl-C ends it, leaving no part-written file (${threads} thread${threads === '1' ? '' : 's'})`, () => {
      const target = join(dir, 'whole.json');
      writeFileSync(target, 'the previous export\n');
      // Loaded before the CLI: its first write to a file sends the process SIGINT, as Ctrl-C
      // pressed while the export is being written would.
      const interrupt = join(dir, 'interrupt.js');
      writeFileSync(
        interrupt,
        `const fs = require('node:fs');
        const write = fs.writeSync;
        let sent = false;
        fs.writeSync = (fd, ...rest) => {
          if (fd > 2 && !sent) { sent = true; process.kill(process.pid, 'SIGINT'); }
          return write(fd, ...rest);
        };`,
      );
      const interrupted = spawnSync(
        process.execPath,
        ['--require', interrupt, cli, 'analyze', '--format', 'json', '--threads', threads, '-o', target, ...seeds],
        { encoding: 'utf8' },
      );
      assert.equal(interrupted.signal, 'SIGINT', interrupted.stderr);
      assert.equal(JSON.parse(readFileSync(target, 'utf8')).format, 1);
      assert.deepEqual(
        readdirSync(dir).filter(name => name.includes('whole')),
        ['whole.json'],
      );
    });
  }

  it('stops at Ctrl-C while -o waits for a reader of a named pipe, which it writes in place', async function () {
    if (process.platform === 'win32') this.skip();
    const fifo = join(dir, 'pipe');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const child = spawn(process.execPath, [cli, 'analyze', '--format', 'json', '-o', fifo, ...seeds]);
    const ended = new Promise<NodeJS.Signals | null>(resolve => child.on('exit', (_code, signal) => resolve(signal)));
    // Past the analysis, the CLI waits in the pipe's open for a reader that never comes.
    await new Promise(resolve => setTimeout(resolve, 3000));
    child.kill('SIGINT');
    const timeout = new Promise<'still running'>(resolve => setTimeout(() => resolve('still running'), 5000));
    const outcome = await Promise.race([ended, timeout]);
    if (outcome === 'still running') {
      // Free the child: a reader lets its open return.
      createReadStream(fifo).resume();
      await ended;
    }
    assert.equal(outcome, 'SIGINT');
  });

  it('quotes a file name with a newline or a tab, so that each story and each source keeps one line', () => {
    const folder = join(dir, 'odd-names');
    mkdirSync(folder);
    const newline = join(folder, 'one\nline.txt');
    const tab = join(folder, 'tab\there.txt');
    writeFileSync(newline, readFileSync(seeds[0]));
    writeFileSync(tab, 'A note about the garden.\n\nThe roses need water on Sunday.\n');
    const stories = run(['stories', newline, tab]);
    assert.equal(stories.status, 0, stories.stderr);
    const lines = stories.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2, stories.stdout);
    assert.ok(
      lines.every(line => line.split('\t').length === 4),
      stories.stdout,
    );
    assert.match(stories.stdout, /\tfile: "one\\nline\.txt"\n/);
    assert.match(stories.stdout, /\tfile: "tab\\there\.txt"\n/);
    const report = run(['analyze', newline, tab]);
    assert.equal(report.status, 0, report.stderr);
    assert.match(report.stdout, /^\[1\] "one\\nline\.txt" \(en\)$/m);
  });

  it('refuses standard input twice, and binary input on standard input, with exit code 2', () => {
    const twice = run(['analyze', '-', '-'], 'text');
    assert.equal(twice.status, 2);
    assert.match(twice.stderr, /standard input/);
    const binary = run(['analyze', '-'], '\u0000\u0001\u0002PNG');
    assert.equal(binary.status, 2);
    assert.match(binary.stderr, /^synoptic: -: looks like a binary file/);
  });

  for (const [format, check] of [
    ['csv', (out: string) => assert.match(out, /^kind,statement,sources,similarity,/)],
    ['html', (out: string) => assert.match(out, /^<!DOCTYPE html>/)],
    ['tei', (out: string) => assert.match(out, /<TEI xmlns="http:\/\/www.tei-c.org\/ns\/1.0">/)],
    ['collatex', (out: string) => assert.equal(JSON.parse(out).witnesses.length, 5)],
    ['passim', (out: string) => assert.equal(out.trimEnd().split('\n').length, 5)],
  ] as const) {
    it(`exports ${format} to standard output`, () => {
      const result = run(['export', '--format', format, ...seeds]);
      assert.equal(result.status, 0, result.stderr);
      check(result.stdout);
    });
  }

  it('says when passim ids name files that import-passim run in the current folder will not read back, and not for paths under it', () => {
    const exportFrom = (cwd: string, files: string[]) =>
      spawnSync(process.execPath, [cli, 'export', '--format', 'passim', ...files], { cwd, encoding: 'utf8' });
    const elsewhere = exportFrom(dir, seeds.slice(0, 2));
    assert.equal(elsewhere.status, 0, elsewhere.stderr);
    assert.match(
      elsewhere.stderr,
      /^synoptic: 2 of the ids \(.*\) name no file under the current folder by a path that stays under it, so import-passim run here would skip their records; /,
    );
    assert.equal(exportFrom(dirname(seedsDir), seeds.slice(0, 2)).stderr, '', 'absolute paths under the current folder');
    assert.equal(
      exportFrom(
        seedsDir,
        seeds.slice(0, 2).map(f => basename(f)),
      ).stderr,
      '',
      'relative paths',
    );
  });

  it('gives no advice on ids for standard input, which no folder would help', () => {
    const result = spawnSync(process.execPath, [cli, 'export', '--format', 'passim', '-'], {
      cwd: dir,
      input: readFileSync(seeds[0], 'utf8'),
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
  });

  it("says that a file of records without clusters is passim's input, and names the folder where no record names a readable file", () => {
    const input = spawnSync(process.execPath, [cli, 'export', '--format', 'passim', ...seeds.slice(0, 2).map(f => basename(f))], {
      cwd: seedsDir,
      encoding: 'utf8',
    });
    assert.equal(input.status, 0, input.stderr);
    const records = join(dir, 'passim-input.jsonl');
    writeFileSync(records, input.stdout);
    const imported = spawnSync(process.execPath, [cli, 'import-passim', '--root', seedsDir, records], { encoding: 'utf8' });
    assert.equal(imported.status, 2);
    assert.match(imported.stderr, /: no record has a cluster; this is passim's input, not its output\n$/);
    const missing = join(dir, 'missing.jsonl');
    writeFileSync(missing, '{"id":"nowhere.txt","cluster":1,"begin":0,"end":5}\n');
    const none = spawnSync(process.execPath, [cli, 'import-passim', missing], { cwd: dir, encoding: 'utf8' });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /: no record names a readable file under the current folder \(see --root\)\n$/);
  });

  it('says that passim output without a record holds none, rather than pointing at --root', () => {
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '');
    const fromEmpty = run(['import-passim', empty]);
    assert.equal(fromEmpty.status, 2);
    assert.match(fromEmpty.stderr, /^synoptic: .*empty\.jsonl: holds no passim record\n$/);
    // A page of text read as passim's output: every line is broken, none a record.
    const fromText = run(['import-passim', seeds[0]]);
    assert.equal(fromText.status, 2);
    assert.match(fromText.stderr, /^synoptic: import-passim skipped \d+ records: \d+ broken\n/m);
    assert.match(fromText.stderr, /^synoptic: .*000_2e221a3ec277473a\.txt: holds no passim record, only lines that are not one\n$/m);
    assert.doesNotMatch(fromText.stderr, /--root/);
    const folder = join(dir, 'no-parts');
    mkdirSync(folder);
    const fromFolder = run(['import-passim', folder]);
    assert.equal(fromFolder.status, 2);
    assert.match(fromFolder.stderr, /^synoptic: .*no-parts: a folder without part files\n$/);
    // passim's own output folder: its clusters are in out.json/ inside it.
    mkdirSync(join(folder, 'out.json'));
    const fromTop = run(['import-passim', folder]);
    assert.equal(fromTop.status, 2);
    assert.match(
      fromTop.stderr,
      /^synoptic: .*no-parts: a folder without part files; passim writes its clusters to .*no-parts.out\.json\n$/,
    );
  });

  it('leaves out an export saved as .txt in the folder it was made from, and replaces it when run again', function () {
    // Eighteen runs of the CLI, one after another: 10 s on an idle machine, over 30 s on a busy one.
    this.timeout(180_000);
    const folder = join(dir, 'exported');
    mkdirSync(folder);
    for (const seed of seeds) writeFileSync(join(folder, basename(seed)), readFileSync(seed));
    const alone = run(['stories', folder]).stdout;
    for (const format of ['csv', 'html', 'tei', 'collatex', 'passim']) {
      const saved = join(folder, 'comparison.txt');
      const first = run(['export', '--format', format, '-o', saved, folder]);
      assert.equal(first.status, 0, first.stderr);
      const exported = readFileSync(saved, 'utf8');
      const listed = run(['stories', folder]);
      assert.equal(listed.status, 0, listed.stderr);
      assert.equal(listed.stdout, alone, format);
      assert.match(listed.stderr, /^synoptic: left out .*comparison\.txt: a Synoptic report, not a version\n$/);
      const again = run(['export', '--format', format, '-o', saved, folder]);
      assert.equal(again.status, 0, again.stderr);
      // The same export: the one saved before was no version of the second run's.
      assert.equal(readFileSync(saved, 'utf8'), exported, format);
    }
    const json = join(folder, 'export.txt');
    assert.equal(run(['analyze', '--format', 'json', '-o', json, folder]).status, 0);
    assert.equal(run(['stories', folder]).stdout, alone);
  });

  it('exports story 1 and refuses a story that does not exist', () => {
    assert.equal(run(['export', '--format', 'collatex', '--story', '1', ...seeds]).status, 0);
    const missing = run(['export', '--format', 'csv', '--story', '2', ...seeds]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no story 2/);
    assert.equal(run(['export', '--format', 'csv', '--story', 'x', ...seeds]).status, 2);
  });

  it('gives the same analysis on as many threads as --threads asks for', () => {
    const alone = run(['analyze', '--format', 'json', '--threads', '1', ...seeds]);
    assert.equal(alone.status, 0, alone.stderr);
    for (const threads of ['2', '3'])
      assert.equal(run(['analyze', '--format', 'json', '--threads', threads, ...seeds]).stdout, alone.stdout);
  });

  it('writes text in any script as UTF-8, the same bytes to standard output and to a file', () => {
    const sentence = 'قال المتحدث إن المحادثات “ستستمر” غدًا 🚀 في موسكو.';
    const page = join(dir, 'scripts.txt');
    writeFileSync(page, `${sentence}\n\nThe talks will go on tomorrow in Moscow, the spokesman said.\n`);
    const result = spawnSync(process.execPath, [cli, 'analyze', '--format', 'json', page], { maxBuffer: 1 << 26 });
    assert.equal(result.status, 0, result.stderr.toString());
    const text = result.stdout.toString('utf8');
    assert.deepEqual(Buffer.from(text, 'utf8'), result.stdout);
    // Written as the characters' own bytes, not as escapes.
    assert.ok(result.stdout.includes(Buffer.from('🚀 في موسكو', 'utf8')));
    assert.equal(JSON.parse(text).sources[0].sentences[0].text, sentence);
    const target = join(dir, 'scripts.json');
    assert.equal(run(['analyze', '--format', 'json', '-o', target, page]).status, 0);
    assert.deepEqual(readFileSync(target), result.stdout);
  });

  it('lists the stories, one line each with its size and title', () => {
    const result = run(['stories', ...seeds]);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^1\t5 sources\t\S/);
  });

  it('analyses and exports files that tell two stories as one story with --one-story, and refuses it with --story', () => {
    const harbour = join(dir, 'harbour.txt');
    const library = join(dir, 'library.txt');
    writeFileSync(harbour, page(SITES[0], HARBOUR, []));
    writeFileSync(library, page(SITES[1], LIBRARY, []));
    const storiesOf = (args: string[]) => {
      const result = run(['analyze', '--format', 'json', ...args, harbour, library]);
      assert.equal(result.status, 0, result.stderr);
      return JSON.parse(result.stdout).stories.map((s: { sources: number[] }) => s.sources);
    };
    assert.deepEqual(storiesOf([]), [[0], [1]]);
    assert.deepEqual(storiesOf(['--one-story']), [[0, 1]]);
    const csv = run(['export', '--format', 'csv', '--one-story', harbour, library]);
    assert.equal(csv.status, 0, csv.stderr);
    assert.match(csv.stdout.split('\r\n')[0], /harbour\.txt.*library\.txt/);
    const both = run(['export', '--format', 'csv', '--one-story', '--story', '1', harbour, library]);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /--story and --one-story/);
  });

  it('numbers stories of one size by their first path, in whatever order the files are named', () => {
    const folder = join(dir, 'equal-stories');
    mkdirSync(folder);
    // Three stories of two sources and two of one, named so that code-unit order differs from the order given.
    const files: Record<string, string> = {
      'b-harbour.txt': page(SITES[0], HARBOUR, []),
      'd-harbour.txt': page(SITES[1], HARBOUR, []),
      'A-library.txt': page(SITES[0], LIBRARY, []),
      'c-library.txt': page(SITES[1], LIBRARY, []),
      'z-seed.txt': readFileSync(seeds[0], 'utf8'),
      'e-seed.txt': readFileSync(seeds[1], 'utf8'),
      'y-garden.txt': 'A note about the garden.\n\nThe roses need water on Sunday, and the hedge wants cutting.\n',
      'f-bakery.txt': 'The bakery on the corner sells rye bread.\n\nIt opens at seven every morning but Monday.\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    const byFolder = run(['stories', folder]);
    assert.equal(byFolder.status, 0, byFolder.stderr);
    // Each story by its number, size and first file in code-unit order (capitals first).
    assert.deepEqual(
      byFolder.stdout
        .trimEnd()
        .split('\n')
        .map(line => line.split('\t').slice(0, 2).join(' ')),
      ['1 2 sources', '2 2 sources', '3 2 sources', '4 1 source', '5 1 source'],
    );
    const firstFiles = (json: { sources: { path: string }[]; stories: { sources: number[] }[] }) =>
      json.stories.map(story => story.sources.map(s => basename(json.sources[s].path)).sort()[0]);
    const names = Object.keys(files);
    for (const order of [
      names,
      [...names].reverse(),
      ['z-seed.txt', 'y-garden.txt', 'd-harbour.txt', 'c-library.txt', 'f-bakery.txt', 'e-seed.txt', 'b-harbour.txt', 'A-library.txt'],
    ]) {
      const paths = order.map(name => join(folder, name));
      const stories = run(['stories', ...paths]);
      assert.equal(stories.status, 0, stories.stderr);
      assert.equal(stories.stdout, byFolder.stdout, order.join(' '));
      const exported = run(['analyze', '--format', 'json', ...paths]);
      assert.equal(exported.status, 0, exported.stderr);
      assert.deepEqual(
        firstFiles(JSON.parse(exported.stdout)),
        ['A-library.txt', 'b-harbour.txt', 'e-seed.txt', 'f-bakery.txt', 'y-garden.txt'],
        order.join(' '),
      );
      const second = run(['export', '--format', 'csv', '--story', '2', ...paths]);
      assert.equal(second.status, 0, second.stderr);
      assert.match(second.stdout.split('\r\n')[0], /harbour\.txt.*harbour\.txt/, order.join(' '));
    }
  });

  it('names the file of a story of one source', () => {
    const result = run(['stories', seeds[0]]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^1\\t1 source\\t\\S.*\\tfile: ${basename(seeds[0]).replace('.', '\\.')}\\n$`));
  });

  it('reads a file named twice, under two spellings of its path, once', () => {
    // Not joined: a join would take the "./" out again.
    const spelled = `${dirname(seeds[0])}/./${basename(seeds[0])}`;
    const result = run(['analyze', '--format', 'json', seeds[0], seeds[1], spelled]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(
      JSON.parse(result.stdout).sources.map((s: { path: string }) => s.path),
      [seeds[0], seeds[1]],
    );
  });

  it('refuses to write the report over one of its input files, with exit code 2, and leaves it as it was', () => {
    const input = join(dir, 'input.txt');
    const text = readFileSync(seeds[0], 'utf8');
    writeFileSync(input, text);
    const result = run(['analyze', '-o', `${dir}/./input.txt`, input, seeds[1]]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^synoptic: -o .*input\.txt: is the input file .*input\.txt; the report would replace it\n$/);
    assert.equal(result.stdout, '');
    assert.equal(readFileSync(input, 'utf8'), text);
    // The refusal names what would be written.
    for (const [args, written] of [
      [['analyze', '--format', 'json'], 'the export'],
      [['export', '--format', 'csv'], 'the export'],
      [['stories'], 'the list of stories'],
    ] as const) {
      const refused = run([...args, '-o', input, input, seeds[1]]);
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, new RegExp(`; ${written} would replace it\n$`));
    }
    assert.equal(readFileSync(input, 'utf8'), text);
    // Nor through a hard link to it.
    const hard = join(dir, 'hard-link.txt');
    linkSync(input, hard);
    assert.equal(run(['stories', '-o', hard, input, seeds[1]]).status, 2);
    assert.equal(readFileSync(input, 'utf8'), text);
  });

  it('reads a file once where standard input is redirected from it and its path is named too, in either order', () => {
    const fd = openSync(seeds[0], 'r');
    try {
      for (const args of [
        ['-', seeds[0], seeds[1]],
        [seeds[0], '-', seeds[1]],
        ['-', dirname(seeds[0])],
      ]) {
        const result = spawnSync(process.execPath, [cli, 'analyze', '--format', 'json', ...args], {
          encoding: 'utf8',
          stdio: [fd, 'pipe', 'pipe'],
        });
        assert.equal(result.status, 0, result.stderr);
        const paths = (JSON.parse(result.stdout) as { sources: { path: string }[] }).sources.map(s => s.path);
        assert.equal(
          paths.filter(path => path === '-' || path === seeds[0] || path.endsWith(basename(seeds[0]))).length,
          1,
          paths.join(' '),
        );
      }
    } finally {
      closeSync(fd);
    }
  });

  it('refuses to write the report over the file standard input is redirected from, and leaves it as it was', () => {
    const input = join(dir, 'redirected.txt');
    const text = readFileSync(seeds[0], 'utf8');
    writeFileSync(input, text);
    const fd = openSync(input, 'r');
    try {
      const result = spawnSync(process.execPath, [cli, 'analyze', '-o', input, '-', seeds[1]], {
        encoding: 'utf8',
        stdio: [fd, 'pipe', 'pipe'],
      });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /: is the input file read from standard input \(-\); the report would replace it\n$/);
    } finally {
      closeSync(fd);
    }
    assert.equal(readFileSync(input, 'utf8'), text);
  });

  it('writes to /dev/stdout when standard output is a pipe, as a shell would', function () {
    if (process.platform === 'win32' || !existsSync('/dev/stdout')) this.skip();
    // A shell's pipe: Node's own child pipes are sockets, which /dev/stdout does not reopen.
    const command = [process.execPath, cli, 'stories', '-o', '/dev/stdout', seeds[0], seeds[1]].map(quoted).join(' ');
    const result = spawnSync('sh', ['-c', `${command} | cat`], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, run(['stories', seeds[0], seeds[1]]).stdout);
  });

  it('keeps a story on one line where the reason for its origin names a file whose name holds a newline', function () {
    if (process.platform === 'win32') this.skip();
    const folder = join(dir, 'newline-names');
    mkdirSync(folder);
    // The seeds' dates point to one version and their shared text to another: the reason names both.
    const names = ['a\nb.txt', 'x\ny.txt', 'p\nq.txt'];
    [seeds[0], seeds[2], seeds[4]].forEach((seed, i) => writeFileSync(join(folder, names[i]), readFileSync(seed)));
    const result = run(['stories', folder]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /the shared text points to x\\ny\.txt/);
    assert.equal(result.stdout.split('\n').length, 2, result.stdout);
  });

  it('wraps the text report to the terminal with -o - as without -o', function () {
    // A terminal of 50 columns, from util-linux's script(1) where it is there.
    if (process.platform !== 'linux' || spawnSync('script', ['--version']).status !== 0) this.skip();
    const inTerminal = (args: string[]) => {
      const command = `stty cols 50; ${[process.execPath, cli, ...args].map(quoted).join(' ')}`;
      const result = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      return result.stdout.replace(/\r\n/g, '\n');
    };
    const plain = inTerminal(['analyze', seeds[0]]);
    assert.ok(Math.max(...plain.split('\n').map(line => line.length)) <= 50, plain);
    assert.equal(inTerminal(['analyze', '-o', '-', seeds[0]]), plain);
  });

  it('leaves out a file larger than 64 MB that a folder holds, and names it, as it leaves out a binary one', () => {
    const folder = join(dir, 'with-a-dump');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), readFileSync(seeds[0]));
    // Sparse: its size is checked before anything is read.
    const dump = join(folder, 'dump.txt');
    writeFileSync(dump, '');
    truncateSync(dump, 65 * 1024 * 1024);
    const result = run(['stories', folder]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^1\t1 source\t.*\tfile: a\.txt\n$/);
    assert.match(result.stderr, /^synoptic: left out .*dump\.txt: larger than 64 MB\n$/);
    const named = run(['stories', dump]);
    assert.equal(named.status, 2);
    assert.match(named.stderr, /dump\.txt: larger than 64 MB\n$/);
  });

  it('names a file whose name holds a newline on one line of stderr', () => {
    const result = run(['stories', join(dir, 'no\nsuch.txt')]);
    assert.equal(result.status, 2);
    assert.equal(result.stderr.split('\n').length, 2, result.stderr);
    assert.match(result.stderr, /no\\nsuch\.txt: no such file\n$/);
  });

  it('appends to the file standard output or standard error goes to when -o names /dev/stdout or /dev/stderr', function () {
    if (process.platform !== 'linux') this.skip();
    const listing = run(['stories', seeds[0], seeds[1]]).stdout;
    for (const [device, redirect] of [
      ['/dev/stdout', '>>'],
      ['/dev/stderr', '2>>'],
    ]) {
      const log = join(dir, `log-${basename(device)}.txt`);
      writeFileSync(log, 'written before\n');
      const command = [process.execPath, cli, 'stories', '-o', device, seeds[0], seeds[1]].map(quoted).join(' ');
      const result = spawnSync('sh', ['-c', `${command} ${redirect} ${quoted(log)}; echo written after >> ${quoted(log)}`], {
        encoding: 'utf8',
      });
      assert.equal(result.status, 0, result.stderr);
      assert.equal(readFileSync(log, 'utf8'), `written before\n${listing}written after\n`, device);
    }
  });

  it('leaves out, and names, a file of a folder whose name is not UTF-8, and reads the others', function () {
    if (process.platform !== 'linux') this.skip();
    const folder = join(dir, 'misnamed');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), readFileSync(seeds[0]));
    // "b", then Latin-1 "é", then ".txt": a name an old archive may hold.
    const latin1 = Buffer.concat([Buffer.from(join(folder, 'b')), Buffer.from([0xe9]), Buffer.from('.txt')]);
    writeFileSync(latin1, readFileSync(seeds[1]));
    const result = run(['stories', folder]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /left out .*b\uFFFD\.txt: a name with bytes that are not UTF-8 \(rename it to read it\)/);
    assert.match(result.stdout, /^1\t1 source\t.*\tfile: a\.txt$/m);
    // A link so named is left out and named too; and what was left out is said also where a
    // later FILE is refused.
    symlinkSync(join(folder, 'a.txt'), Buffer.concat([Buffer.from(join(folder, 'c')), Buffer.from([0xe9]), Buffer.from('.txt')]));
    const empty = join(dir, 'empty-folder');
    mkdirSync(empty);
    const refused = run(['stories', folder, empty]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /^synoptic: left out 2 files and folders, such as .*: a name with bytes that are not UTF-8/m);
    assert.match(refused.stderr, /^synoptic: .*empty-folder: a folder without \.txt files$/m);
    // A folder whose only text file is so named has nothing to read, and says why.
    rmSync(Buffer.concat([Buffer.from(join(folder, 'c')), Buffer.from([0xe9]), Buffer.from('.txt')]));
    rmSync(join(folder, 'a.txt'));
    const none = run(['stories', folder]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no \.txt file to read; left out .*: a name with bytes that are not UTF-8/);
  });

  const refusals: [string, string[], RegExp][] = [
    ['an unknown option', ['analyze', '--colour', seeds[0]], /unknown option '--colour'/],
    ['an option given twice', ['export', '--format', 'csv', '--story', '1', '--story', '2', seeds[0]], /^synoptic: --story given twice; /m],
    [
      'an option given twice, once by its short name',
      ['analyze', '-o', join(tmpdir(), 'a.txt'), '--output', join(tmpdir(), 'b.txt'), seeds[0]],
      /^synoptic: --output given twice; /m,
    ],
    ['export without a format', ['export', seeds[0]], /--format is required/],
    [
      'a byte order mark asked of another format than CSV',
      ['export', '--format', 'html', '--bom', seeds[0]],
      /^synoptic: --bom applies to --format csv only, not html$/m,
    ],
    ['an output option without its file', ['analyze', seeds[0], '-o'], /^synoptic: --output needs a value; usage: synoptic analyze/m],
    ['an unknown export format', ['export', '--format', 'docx', seeds[0]], /--format takes csv, html, tei, collatex, passim/],
    ['help for an unknown command', ['help', 'frobnicate'], /unknown command 'frobnicate'/],
    ['an option before any command', ['--colour', seeds[0]], /^synoptic: '--colour' is an option, and a command comes first /],
    ['help for a name every object has', ['--help', 'constructor'], /unknown command 'constructor'/],
    [
      'a story number too large to be held exactly',
      ['export', '--format', 'csv', '--story', '99999999999999999999', seeds[0]],
      /^synoptic: --story takes a story number from 1, not '99999999999999999999'/m,
    ],
    ['no command', [], /no command given/],
    ['import-passim without a path', ['import-passim'], /no PATH given/],
    ['a passim root that is a file', ['import-passim', '--root', seeds[0], seeds[0]], /^synoptic: --root .*: is a file, not a folder$/m],
    [
      'a passim root that does not exist',
      ['import-passim', '--root', join(seedsDir, 'missing'), seeds[0]],
      /^synoptic: --root .*missing: no such folder$/m,
    ],
    ['no thread at all', ['analyze', '--threads', '0', seeds[0]], /--threads takes a number from 1 to 64, not '0'/],
    ['a thread count that is no number', ['stories', '--threads', 'two', seeds[0]], /--threads takes a number/],
    [
      'a value that starts with a dash',
      ['export', '--format', 'csv', '--story', '-1', seeds[0]],
      /^synoptic: --story is followed by an argument starting with '-', read as an option; give such a value as --story=VALUE;/,
    ],
    ['an output file that starts with a dash', ['stories', '-o', '-x.txt', seeds[0]], /^synoptic: -o is followed .* as --output=VALUE;/],
    [
      'an output file in a folder that does not exist',
      ['analyze', '-o', join(seedsDir, 'missing', 'report.txt'), seeds[0]],
      /^synoptic: -o .*report\.txt: no such folder .*missing$/m,
    ],
    ['an empty output file name', ['stories', '-o', '', seeds[0]], /^synoptic: -o: names no file \(an empty name\)$/m],
    [
      'an output file that is a folder',
      ['export', '--format', 'csv', '-o', seedsDir, seeds[0]],
      /^synoptic: -o .*: is a folder, not a file$/m,
    ],
    [
      'an output file under a file',
      ['stories', '-o', join(seeds[0], 'list.txt'), seeds[0]],
      /^synoptic: -o .*list\.txt: .*000_2e221a3ec277473a\.txt is a file, not a folder$/m,
    ],
    [
      'an output file for passim clusters in a folder that does not exist',
      ['import-passim', '-o', join(seedsDir, 'missing', 'clusters.json'), seeds[0]],
      /^synoptic: -o .*clusters\.json: no such folder .*missing$/m,
    ],
  ];
  for (const [what, args, message] of refusals) {
    it(`refuses ${what} with one line on stderr and exit code 2`, () => {
      const result = run(args);
      assert.equal(result.status, 2);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1);
    });
  }
});
