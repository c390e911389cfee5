import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minimatch } from 'minimatch';
import { URI } from 'vscode-uri';
import {
  DEFAULT_LIMITS,
  KeptTexts,
  SourceLimits,
  TEXT_FILE,
  TEXT_FILE_GLOB,
  collectSources,
  corpusKey,
  isReadable,
} from '../../src/sourceDiscovery';
import { MemoryWorkspace } from '../support/memoryWorkspace';
import { seedsDir } from '../support/fixtures';
import { seededRandom } from '../support/random';
import { ExportFormat1, toExportFormat1 } from '../../src/core/exportJson';
import { analyzersByGrouping } from '../../src/worker/analysisOptions';

const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const SEED_NAMES = ['000_2e221a3ec277473a.txt', '001_d0ef0ff56864153f.txt', '002_b59a2ea70077a96b.txt'];

const STORY = 'The council approved the budget on Tuesday after a long debate.\n';

function names(uris: readonly URI[]): string[] {
  return uris.map(u => u.path.slice(u.path.lastIndexOf('/') + 1));
}

function limits(overrides: Partial<SourceLimits>): SourceLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

describe('which files are compared with a document', () => {
  it("compares the .txt files of the document's folder, in the order of their paths, and nothing else", async () => {
    const ws = new MemoryWorkspace();
    ws.writeFile('story/b.txt', STORY);
    const active = ws.writeFile('story/a.txt', STORY);
    ws.writeFile('story/C.TXT', STORY);
    ws.writeFile('story/notes.md', STORY);
    ws.writeFile('story/old/d.txt', STORY);
    ws.writeFile('other/e.txt', STORY);
    const collected = await collectSources(ws, active);
    assert.deepEqual(names(collected.uris), ['C.TXT', 'a.txt', 'b.txt']);
    assert.deepEqual(
      collected.inputs.map(i => i.id),
      collected.uris.map(u => u.fsPath),
    );
    assert.equal(collected.notice, undefined);
  });

  it('orders and names the files of a folder as the CLI does, where their URIs spell a space, # or a letter outside ASCII as %XX', async () => {
    // Two copies and two other versions: the copies tie, and the order of the names decides
    // which is the anchor of each group and the story's origin, and the origin's reason names the other.
    const dir = mkdtempSync(join(tmpdir(), 'synoptic-names-'));
    try {
      const files: [string, string][] = [
        ['Zurich.txt', SEED_NAMES[1]],
        ['Zürich.txt', SEED_NAMES[1]],
        ['a b.txt', SEED_NAMES[2]],
        ['a#1.txt', SEED_NAMES[2]],
        ['b.txt', SEED_NAMES[0]],
      ];
      const ws = new MemoryWorkspace(URI.file(dir));
      for (const [name, seed] of files) {
        const text = readFileSync(join(seedsDir, seed), 'utf8');
        writeFileSync(join(dir, name), text);
        ws.writeFile(name, text);
      }
      const collected = await collectSources(ws, ws.uri('b.txt'));
      const fromCli = spawnSync(process.execPath, [cli, 'analyze', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
      assert.equal(fromCli.status, 0, fromCli.stderr);
      const cliJson = JSON.parse(fromCli.stdout) as ExportFormat1;
      const extensionJson = toExportFormat1(
        analyzersByGrouping()(false).analyze(collected.inputs),
        collected.uris.map(u => u.fsPath),
      );
      assert.deepEqual(names(collected.uris), ['Zurich.txt', 'Zürich.txt', 'a b.txt', 'a#1.txt', 'b.txt']);
      assert.deepEqual(
        extensionJson.sources.map(s => s.path),
        cliJson.sources.map(s => s.path),
      );
      const anchors = (json: ExportFormat1) => json.groups.map(g => g.members.map(m => [m.source, m.similarity]));
      assert.deepEqual(anchors(extensionJson), anchors(cliJson));
      assert.deepEqual(extensionJson.stories, cliJson.stories);
      const reasons = extensionJson.stories.map(s => s.origin?.reason ?? '').join('\n');
      assert.ok(!reasons.includes('%'), reasons);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the files of a large folder several at a time, and gives them in the order of their paths whatever order the reads end in', async () => {
    const ws = new MemoryWorkspace();
    const random = seededRandom(7);
    const delays = new Map<string, number>();
    const uris = Array.from({ length: 120 }, (_, i) =>
      ws.writeFile(`story/page-${String(i).padStart(3, '0')}.txt`, `${STORY}Page ${i}.\n`),
    );
    for (const uri of uris) delays.set(uri.toString(), Math.floor(random() * 4));
    ws.delayOf = uri => delays.get(uri.toString()) ?? 0;
    const collected = await collectSources(ws, uris[60], limits({ maxSources: 200 }));
    assert.deepEqual(
      collected.uris.map(u => u.toString()),
      uris.map(u => u.toString()),
    );
    collected.inputs.forEach((input, i) => assert.ok(input.text.endsWith(`Page ${i}.\n`), input.id));
    assert.ok(ws.mostPending > 1, `${ws.mostPending} at once`);
    assert.ok(ws.mostPending <= 32, `${ws.mostPending} at once`);
  });

  it('reads again only the files changed since their texts were kept, and keeps nothing of a file no longer listed', async () => {
    const ws = new MemoryWorkspace();
    const active = ws.writeFile('story/a.txt', STORY);
    ws.writeFile('story/b.txt', `${STORY}More.\n`);
    ws.writeFile('story/c.txt', `${STORY}Other.\n`);
    const kept: KeptTexts = new Map();
    await collectSources(ws, active, DEFAULT_LIMITS, kept);
    assert.equal(ws.calls.readFile, 3);
    ws.calls.readFile = 0;
    // The same size, written later: read again.
    ws.writeFile('story/b.txt', `${STORY}Less.\n`);
    ws.deleteFile('story/c.txt');
    const again = await collectSources(ws, active, DEFAULT_LIMITS, kept);
    assert.equal(ws.calls.readFile, 1, 'only the rewritten file is read');
    assert.deepEqual(
      again.inputs.map(i => i.text),
      [STORY, `${STORY}Less.\n`],
    );
    assert.deepEqual([...kept.keys()].sort(), [active.toString(), ws.uri('story/b.txt').toString()]);
  });

  it('compares the files of the sources glob, across folders, and adds the document when the glob misses it', async () => {
    const ws = new MemoryWorkspace();
    ws.writeFile('stories/one/a.txt', STORY);
    ws.writeFile('stories/two/b.txt', STORY);
    ws.writeFile('stories/two/skip.md', STORY);
    const outside = ws.writeFile('drafts/c.txt', STORY);
    const collected = await collectSources(ws, outside, limits({ sourcesGlob: 'stories/**/*.txt' }));
    assert.deepEqual(names(collected.uris), ['c.txt', 'a.txt', 'b.txt']);
    assert.equal(collected.uris[0].toString(), outside.toString());
  });

  it('keeps the document and the first others when more than maxSources are found, and says so', async () => {
    const ws = new MemoryWorkspace();
    for (let i = 0; i < 6; i++) ws.writeFile(`s/v${i}.txt`, STORY);
    const collected = await collectSources(ws, ws.uri('s/v4.txt'), limits({ maxSources: 3 }));
    assert.deepEqual(names(collected.uris), ['v4.txt', 'v0.txt', 'v1.txt'], 'the document first, then the others in order');
    assert.equal(collected.notice, '6 sources found; the first 3 are compared (setting synoptic.maxSources)');
  });

  it('leaves out files larger than maxFileBytes, says so, and still analyses the document itself, open or not', async () => {
    const ws = new MemoryWorkspace();
    const big = STORY.repeat(40);
    ws.writeFile('s/a.txt', STORY);
    const active = ws.writeFile('s/big-active.txt', big);
    ws.writeFile('s/big-other.txt', big);
    ws.writeFile('s/big-third.txt', big);
    const fromDisk = await collectSources(ws, active, limits({ maxFileBytes: 1024 }));
    assert.deepEqual(names(fromDisk.uris), ['a.txt', 'big-active.txt']);
    assert.equal(fromDisk.notice, '2 files over 1 KB left out (setting synoptic.maxFileSizeKB)');
    ws.showDocument(active, big + big, true);
    ws.showDocument(ws.uri('s/big-other.txt'), big, false);
    const fromEditor = await collectSources(ws, active, limits({ maxFileBytes: 1024 }));
    assert.deepEqual(names(fromEditor.uris), ['a.txt', 'big-active.txt']);
    assert.equal(fromEditor.inputs[1].text, big + big);
  });

  it("reads an open document's unsaved text instead of the file on disk, without reading the file", async () => {
    const ws = new MemoryWorkspace();
    const active = ws.writeFile('s/a.txt', STORY);
    const other = ws.writeFile('s/b.txt', STORY);
    ws.showDocument(other, 'Edited but not saved.\n', true);
    const before = ws.calls.readFile;
    const collected = await collectSources(ws, active);
    assert.deepEqual(
      collected.inputs.map(i => i.text),
      [STORY, 'Edited but not saved.\n'],
    );
    assert.equal(ws.calls.readFile - before, 1, 'only the closed file is read from disk');
  });

  it('decodes files by the shared policy: UTF-16 with or without a byte order mark is compared, a binary file is left out and counted', async () => {
    const ws = new MemoryWorkspace();
    const active = ws.writeFile('s/a.txt', STORY);
    ws.writeFile('s/utf16-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(STORY, 'utf16le')]));
    ws.writeFile('s/utf16-plain.txt', Buffer.from(STORY, 'utf16le'));
    ws.writeFile(
      's/image.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]),
    );
    ws.writeFile('s/invalid.txt', Buffer.concat([Buffer.from('Before '), Buffer.from([0xc3, 0x28]), Buffer.from(' after.')]));
    const collected = await collectSources(ws, active);
    assert.deepEqual(names(collected.uris), ['a.txt', 'invalid.txt', 'utf16-bom.txt', 'utf16-plain.txt']);
    assert.deepEqual(
      collected.inputs.map(i => i.text),
      [STORY, 'Before \uFFFD( after.', STORY, STORY],
    );
    assert.equal(collected.notice, '1 binary file left out');
  });

  it('leaves out a report the CLI saved among the versions and counts it, unless it is the document itself', async () => {
    const ws = new MemoryWorkspace();
    const active = ws.writeFile('s/a.txt', STORY);
    ws.writeFile('s/b.txt', STORY);
    const report = ws.writeFile('s/report.txt', 'Synoptic report: 2 sources, 3 shared statements\n\nOne story:\n');
    const collected = await collectSources(ws, active);
    assert.deepEqual(names(collected.uris), ['a.txt', 'b.txt']);
    assert.equal(collected.notice, '1 Synoptic report left out');
    const opened = await collectSources(ws, report);
    assert.deepEqual(names(opened.uris), ['a.txt', 'b.txt', 'report.txt']);
    assert.equal(opened.notice, undefined);
  });

  it('skips a file that is listed but can no longer be read', async () => {
    const ws = new MemoryWorkspace();
    const active = ws.writeFile('s/a.txt', STORY);
    const gone = ws.uri('s/gone.txt');
    const listFolder = ws.listFolder.bind(ws);
    ws.listFolder = async folder => [...(await listFolder(folder)), gone];
    const collected = await collectSources(ws, active);
    assert.deepEqual(names(collected.uris), ['a.txt']);
  });

  it("analyses a document that is not a file alone, from the editor's text", async () => {
    const ws = new MemoryWorkspace();
    ws.writeFile('s/a.txt', STORY);
    const untitled = URI.from({ scheme: 'untitled', path: 'Untitled-1' });
    ws.showDocument(untitled, 'Unsaved story.\n', true);
    const collected = await collectSources(ws, untitled);
    assert.deepEqual(
      collected.uris.map(u => u.toString()),
      [untitled.toString()],
    );
    assert.deepEqual(
      collected.inputs.map(i => i.text),
      ['Unsaved story.\n'],
    );
    assert.equal(ws.calls.listFolder + ws.calls.findFiles, 0, 'no folder listed');
  });

  it('leaves out a document deleted from disk whose editor holds only its saved text, and keeps one with unsaved edits', async () => {
    const ws = new MemoryWorkspace();
    ws.writeFile('s/a.txt', STORY);
    const deleted = ws.uri('s/deleted.txt');
    ws.showDocument(deleted, STORY, false);
    assert.equal(await isReadable(ws, deleted), false);
    assert.deepEqual(names((await collectSources(ws, deleted)).uris), ['a.txt']);
    ws.showDocument(deleted, `${STORY}More.\n`, true);
    assert.equal(await isReadable(ws, deleted), true);
    assert.deepEqual(names((await collectSources(ws, deleted)).uris), ['a.txt', 'deleted.txt']);
  });

  it('groups documents into corpora by folder, by glob, or alone when they are not files', () => {
    const a = URI.file('/w/s/a.txt');
    const b = URI.file('/w/s/b.txt');
    const c = URI.file('/w/t/c.txt');
    assert.equal(corpusKey(a, ''), corpusKey(b, ''));
    assert.notEqual(corpusKey(a, ''), corpusKey(c, ''));
    assert.equal(corpusKey(a, '**/*.txt'), corpusKey(c, '**/*.txt'));
    const untitled = URI.from({ scheme: 'untitled', path: 'Untitled-1' });
    assert.notEqual(corpusKey(untitled, ''), corpusKey(URI.from({ scheme: 'untitled', path: 'Untitled-2' }), ''));
  });
});

describe('the glob of text files', () => {
  it('matches, case by case as on Linux, exactly the files the analysis reads', () => {
    const paths = ['a.txt', 'B.TXT', 'c.Txt', 'd.tXT', 'e/f/g.TxT', 'h.txt.bak', 'i.md', 'j.text', 'txt', 'k/l.txt/m.md'];
    for (const path of paths) assert.equal(minimatch(path, TEXT_FILE_GLOB), TEXT_FILE.test(path), path);
  });
});
