import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeText } from '../../src/node/readSource';
import { seededRandom } from '../support/random';

const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

interface Exported {
  sources: { path: string; lines: { kind: string }[]; sentences: { start: number; end: number }[] }[];
  groups: { members: { source: number; sentence: number }[] }[];
}

/** Runs the CLI's JSON export, stopping it after `timeoutMs`; `elapsedMs` is how long it ran. */
function analyse(files: string[], timeoutMs = 60_000): { status: number | null; stderr: string; json?: Exported; elapsedMs: number } {
  const started = Date.now();
  const result = spawnSync(process.execPath, [cli, 'analyze', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: timeoutMs,
  });
  const elapsedMs = Date.now() - started;
  return {
    status: result.status,
    stderr: result.stderr,
    json: result.status === 0 ? (JSON.parse(result.stdout) as Exported) : undefined,
    elapsedMs,
  };
}

const ARTICLE = [
  'The president met his counterpart in the capital on Monday for long talks about the war.',
  'He said the talks went well and that both sides agreed to meet again next month.',
  'Officials from both countries declined to give details of what had been discussed.',
];

function sentencesOf(json: Exported, source: number, text: string): string[] {
  return json.sources[source].sentences.map(s => text.slice(s.start, s.end));
}

describe('CLI on unusual and hostile input', function () {
  this.timeout(120_000);
  let dir: string;
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  before(() => (dir = mkdtempSync(join(tmpdir(), 'synoptic-inputs-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('analyses an empty file and a whitespace-only file as having no sentences', () => {
    const result = analyse([file('empty.txt', ''), file('blank.txt', '  \n\t\n   \r\n')]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(
      result.json!.sources.map(s => s.sentences.length),
      [0, 0],
    );
    assert.equal(result.json!.sources[1].lines.length, 4);
    assert.equal(result.json!.groups.length, 0);
  });

  it('analyses a file that is only boilerplate as having no article lines', () => {
    const chrome = [
      '  • Home',
      '  • World',
      '  • Politics',
      '  • Sports',
      '',
      'Leave a comment',
      'Name (required)',
      '[ ] Save my name',
      '',
      '© 2024 Example Media. All rights reserved.',
    ].join('\n');
    const result = analyse([file('chrome.txt', chrome)]);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(result.json!.sources[0].lines.every(l => l.kind !== 'content'));
  });

  it('keeps offsets exact with CRLF, lone CR and mixed line ends', () => {
    const texts = {
      crlf: ARTICLE.join('\r\n\r\n'),
      cr: ARTICLE.join('\r\r'),
      mixed: `${ARTICLE[0]}\r\n\n${ARTICLE[1]}\r\r${ARTICLE[2]}\n`,
    };
    const paths = Object.entries(texts).map(([name, text]) => file(`${name}.txt`, text));
    const result = analyse(paths);
    assert.equal(result.status, 0, result.stderr);
    Object.values(texts).forEach((text, i) => {
      assert.deepEqual(sentencesOf(result.json!, i, text), ARTICLE, `line ends of ${Object.keys(texts)[i]}`);
      assert.equal(result.json!.sources[i].lines.length, text.split('\n').length);
    });
    assert.ok(result.json!.groups.length >= 3);
  });

  it('decodes UTF-8 with a BOM and UTF-16 with a BOM (both byte orders), offsets into the text without the BOM', () => {
    const text = ARTICLE.join('\n\n');
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf16be = Buffer.from(utf16le);
    utf16be.swap16();
    const paths = [
      file('utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])),
      file('utf16le.txt', utf16le),
      file('utf16be.txt', utf16be),
    ];
    const result = analyse(paths);
    assert.equal(result.status, 0, result.stderr);
    for (let i = 0; i < 3; i++) assert.deepEqual(sentencesOf(result.json!, i, text), ARTICLE);
  });

  it('decodes UTF-16 without a byte order mark in both byte orders, as the extension does', () => {
    const text = ARTICLE.join('\n\n');
    const paths = [
      file('plain-utf16le.txt', Buffer.from(text, 'utf16le')),
      file('plain-utf16be.txt', Buffer.from(text, 'utf16le').swap16()),
    ];
    const result = analyse(paths);
    assert.equal(result.status, 0, result.stderr);
    for (let i = 0; i < 2; i++) assert.deepEqual(sentencesOf(result.json!, i, text), ARTICLE);
  });

  it('reads invalid UTF-8 bytes as replacement characters instead of failing', () => {
    const bytes = Buffer.concat([Buffer.from(ARTICLE[0] + ' '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(' ' + ARTICLE[1])]);
    const result = analyse([file('invalid.txt', bytes)]);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(result.json!.sources[0].sentences.length >= 1);
  });

  it('names a file that is not UTF-8 on stderr with how many byte sequences were replaced, and not a file that spells U+FFFD', () => {
    const latin1 = Buffer.from(`${ARTICLE[0]} Caf\u00e9 cr\u00e8me.\n${ARTICLE[1]}\n`, 'latin1');
    const spelled = Buffer.from(`${ARTICLE[0]} \uFFFD\n${ARTICLE[1]}\n`, 'utf8');
    const result = analyse([file('latin1.txt', latin1), file('spelled.txt', spelled)]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /^synoptic: .*latin1\.txt: 2 sequences of bytes that are not UTF-8 read as U\+FFFD\n$/);
    assert.equal(result.json!.sources.length, 2);
  });

  it('names a UTF-16 file with a lone surrogate or an odd last byte on stderr, and not one that spells U+FFFD', () => {
    const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const lone = Buffer.concat([utf16(`${ARTICLE[0]} `), Buffer.from([0x00, 0xd8]), Buffer.from(` ${ARTICLE[1]}\n`, 'utf16le')]);
    const odd = Buffer.concat([utf16(`${ARTICLE[0]}\n${ARTICLE[1]}\n`), Buffer.from([0x41])]);
    const spelled = utf16(`${ARTICLE[0]} \uFFFD\n${ARTICLE[1]}\n`);
    const result = analyse([file('lone.txt', lone), file('odd.txt', odd), file('spelled16.txt', spelled)]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stderr.replace(/^synoptic: .*[/\\]/gm, 'synoptic: '),
      'synoptic: lone.txt: 1 sequence of bytes that are not UTF-16 read as U+FFFD\n' +
        'synoptic: odd.txt: 1 sequence of bytes that are not UTF-16 read as U+FFFD\n',
    );
    assert.equal(result.json!.sources.length, 3);
  });

  it('leaves out a binary file a folder holds, and says how many, where a binary file named itself is refused', () => {
    const folder = join(dir, 'with-binary');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), ARTICLE.join('\n'));
    writeFileSync(
      join(folder, 'image.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    );
    writeFileSync(join(folder, 'b.txt'), ARTICLE.slice().reverse().join('\n'));
    const result = analyse([folder]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, 'synoptic: 1 binary file left out\n');
    assert.deepEqual(
      result.json!.sources.map(s => s.path.slice(folder.length + 1)),
      ['a.txt', 'b.txt'],
    );
    const alone = join(dir, 'only-binary');
    mkdirSync(alone);
    writeFileSync(join(alone, 'image.txt'), Buffer.from([0, 1, 2, 3, 0x50, 0x4e, 0x47]));
    const none = analyse([alone]);
    assert.equal(none.status, 2);
    assert.equal(none.stderr, 'synoptic: no text file to read (1 binary file left out)\n');
  });

  it('leaves out a report saved in the folder it reports on, and the file standard output is written to', () => {
    const folder = join(dir, 'with-report');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), ARTICLE.join('\n'));
    writeFileSync(join(folder, 'b.txt'), ARTICLE.slice().reverse().join('\n'));
    const reportPath = join(folder, 'report.txt');
    const run = (args: string[]) => {
      const out = openSync(reportPath, 'w');
      try {
        return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', stdio: ['ignore', out, 'pipe'] });
      } finally {
        closeSync(out);
      }
    };
    const first = run(['analyze', folder]);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stderr, `synoptic: left out ${reportPath}: standard output is written to it\n`);
    const saved = readFileSync(reportPath, 'utf8');
    assert.match(saved, /^Synoptic report: 2 sources, /);
    // The next run finds the saved report in the folder, and leaves it out as a report.
    const again = analyse([folder]);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stderr, `synoptic: left out ${reportPath}: a Synoptic report, not a version\n`);
    assert.deepEqual(
      again.json!.sources.map(s => s.path.slice(folder.length + 1)),
      ['a.txt', 'b.txt'],
    );
    // Written with -o into the folder it reads, the report is replaced run after run.
    for (let run = 0; run < 2; run++) {
      const written = spawnSync(process.execPath, [cli, 'analyze', '-o', reportPath, folder], { encoding: 'utf8' });
      assert.equal(written.status, 0, written.stderr);
      assert.equal(written.stderr, `synoptic: left out ${reportPath}: a Synoptic report, which -o replaces\n`);
      assert.match(readFileSync(reportPath, 'utf8'), /^Synoptic report: 2 sources, /);
    }
    // Over a version, -o is still refused.
    const over = spawnSync(process.execPath, [cli, 'analyze', '-o', join(folder, 'a.txt'), folder], { encoding: 'utf8' });
    assert.equal(over.status, 2);
    assert.match(over.stderr, /the report would replace it/);
    // Named on the command line, a report is read as asked.
    assert.equal(analyse([reportPath]).status, 0);
    const alone = run(['analyze', reportPath]);
    assert.equal(alone.status, 2);
    assert.match(alone.stderr, /no file to read: the only one given is where standard output goes\n$/);
  });

  it('refuses a binary file named .txt with one line on stderr and exit code 2', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    const result = analyse([file('image.txt', png), file('fine.txt', ARTICLE.join('\n'))]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^synoptic: .*image\.txt: looks like a binary file, not text\n$/);
  });

  it('counts control bytes to tell binary from text when there is no NUL byte', () => {
    const random = seededRandom(11);
    const controls = Buffer.from(
      Array.from({ length: 400 }, () => (random() < 0.3 ? 1 + Math.floor(random() * 8) : 0x41 + Math.floor(random() * 26))),
    );
    assert.throws(() => decodeText(controls, 'controls.bin'), /looks like a binary file/);
    const bell = Buffer.from(`${ARTICLE.join('\n')}\u0007\u001b[0m é`);
    assert.equal(decodeText(bell, 'bell.txt'), bell.toString('utf8'));
  });

  // What is tested is that no input makes the analysis quadratic (minutes, as one line of 45,000
  // sentences once took): the limits are several times what each case takes on two busy cores
  // (9, 3 and 2 s) and still hold when other processes load them (4 s for 50,000 lines with six
  // busy processes beside it, most of it starting the process). The process is stopped only
  // well after its limit, so a slow run fails on its time, not on a kill.
  it('handles a 5 MB file in 60 s, a single 2 MB line in 30 s and 50,000 short lines in 20 s', function () {
    this.timeout(600_000);
    const random = seededRandom(5);
    const paragraphs: string[] = [];
    for (let size = 0; size < 5_000_000;) {
      const p = `${ARTICLE[Math.floor(random() * 3)]} Item ${paragraphs.length} of the report.`;
      paragraphs.push(p);
      size += p.length + 2;
    }
    const big = file('big.txt', paragraphs.join('\n\n'));
    const oneLine = paragraphs.slice(0, 20_000).join(' ');
    const longLine = file('long-line.txt', oneLine.slice(0, oneLine.indexOf('. ', 2_000_000) + 1));
    const manyLines = file('many-lines.txt', Array.from({ length: 50_000 }, (_, i) => `Line ${i}`).join('\n'));
    for (const [path, limitMs, check] of [
      [big, 60_000, (json: Exported) => assert.ok(json.sources[0].sentences.length > 50_000)],
      [longLine, 30_000, (json: Exported) => assert.ok(json.sources[0].sentences.length > 10_000)],
      [manyLines, 20_000, (json: Exported) => assert.equal(json.sources[0].lines.length, 50_000)],
    ] as const) {
      const result = analyse([path], 3 * limitMs);
      assert.ok(result.elapsedMs < limitMs, `${path}: ${result.elapsedMs} ms, limit ${limitMs} ms`);
      assert.equal(result.status, 0, result.stderr);
      check(result.json!);
    }
  });

  it('never splits a surrogate pair in right-to-left, mixed-script, combining and emoji text', () => {
    const text = [
      'التقى الرئيسان في موسكو يوم الاثنين لإجراء محادثات طويلة حول الحرب 👍🏽. وقال إن المحادثات سارت على ما يرام!',
      'Der Präsident traf sich am Montag mit seinem Amtskollegen 🇺🇦 in der Hauptstadt. Cafe\u0301 und Café sind dasselbe Wort.',
      'Президент встретился с коллегой в Москве 🙂 в понедельник. 漢字のテキストもあります。',
    ].join('\n\n');
    const result = analyse([file('scripts.txt', text), file('scripts-copy.txt', text.replace('Montag', 'Dienstag'))]);
    assert.equal(result.status, 0, result.stderr);
    for (const s of result.json!.sources[0].sentences) {
      for (const at of [s.start, s.end]) {
        const c = text.charCodeAt(at);
        assert.ok(!(c >= 0xdc00 && c <= 0xdfff), `offset ${at} splits a surrogate pair`);
      }
    }
    assert.ok(result.json!.groups.length >= 4);
  });

  it('reads the same file given twice once, and analyses identical sources and a source that is part of another', () => {
    const whole = file('whole.txt', ARTICLE.join('\n\n'));
    const same = file('same.txt', ARTICLE.join('\n\n'));
    const part = file('part.txt', ARTICLE.slice(0, 2).join('\n\n'));
    const result = analyse([whole, whole, same, part]);
    assert.equal(result.status, 0, result.stderr);
    const json = result.json!;
    assert.deepEqual(
      json.sources.map(s => s.path),
      [whole, same, part],
    );
    const groupSizes = json.groups.map(g => new Set(g.members.map(m => m.source)).size).sort();
    assert.deepEqual(groupSizes, [2, 3, 3]);
  });

  it('analyses 1,000 files of one folder in bounded time', () => {
    const folder = join(dir, 'many');
    mkdirSync(folder);
    const random = seededRandom(1000);
    const paths = Array.from({ length: 1000 }, (_, i) => {
      const kept = ARTICLE.filter(() => random() < 0.8);
      const path = join(folder, `v${String(i).padStart(4, '0')}.txt`);
      writeFileSync(path, ['Site News', '', '  • Home', '  • World', '  • Sports', '', ...kept, '', `© ${i} Site`].join('\n'));
      return path;
    });
    const result = analyse(paths);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.json!.sources.length, 1000);
    assert.ok(result.json!.groups.length >= 3);
  });
});
