import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePassimRecord } from '../../src/export/passimImport';
import { forEachLine, resolveUnderRoot } from '../../src/node/passimFiles';
import { seedsDir } from '../support/fixtures';
import { FixturePassage, codePointOffset, olderRecords, seriatimRecords, wordIndexAt } from '../support/passimFixtures';
import { validateExport } from '../support/schema';

const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

/** Beyond 2^53: JSON.parse would read these as other numbers. */
const BIG_UID = '9007199254740993';
const NEGATIVE_UID = '-9223372036854775807';
const BIG_CLUSTER = '9007199254740995';

const EMOJI_TEXT = [
  'Harbour festival draws record crowds 🎉',
  '',
  'Fireworks 🎆🎆 lit the bay 🌊 at midnight. The mayor said the festival would return next summer with a longer programme of concerts.',
  '',
  'Ferries ran through the night to carry visitors home after the last show on the pier ended.',
  '',
].join('\n');
const EMOJI_COPY = EMOJI_TEXT.replace('Harbour festival', 'Harbor festival').replace('🌊 ', '');
const AFTER_EMOJI = 'The mayor said the festival would return next summer with a longer programme of concerts.';

describe('passim', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'synoptic-passim-'));
    mkdirSync(join(root, 'docs'));
    for (const f of readdirSync(seedsDir).filter(f => f.endsWith('.txt'))) copyFileSync(join(seedsDir, f), join(root, 'docs', f));
    writeFileSync(join(root, 'docs', 'harbour.txt'), EMOJI_TEXT);
    writeFileSync(join(root, 'docs', 'harbor-copy.txt'), EMOJI_COPY);
    writeFileSync(join(tmpdir(), 'synoptic-outside.txt'), EMOJI_TEXT);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const docs = () =>
    readdirSync(join(root, 'docs'))
      .sort()
      .map(f => `docs/${f}`);

  it('keeps 64-bit uids exact and reads both versions of the record', () => {
    const current = parsePassimRecord(
      `{"cluster":${BIG_CLUSTER},"uid":${BIG_UID},"begin":3,"end":9,"boiler":false,"src":[],"size":2,"pboiler":0.0,"id":"a.txt","text":"x"}`,
    );
    assert.equal(current.uid, BIG_UID);
    assert.equal(current.cluster, BIG_CLUSTER);
    assert.deepEqual([current.begin, current.end, current.unit], [3, 9, 'codePoints']);
    const older = parsePassimRecord(`{"gid":17,"uid":${NEGATIVE_UID},"bw":2,"ew":5,"id":"b.txt"}`);
    assert.equal(older.uid, NEGATIVE_UID);
    assert.equal(older.cluster, 17);
    assert.deepEqual([older.begin, older.end, older.unit], [2, 5, 'words']);
    assert.throws(() => parsePassimRecord('{"cluster":1,"id":"a.txt"'));
    assert.throws(() => parsePassimRecord('{"cluster":1,"id":"a.txt"}'));
  });

  it('reads lines of any length up to the cap and skips longer ones without holding them', async () => {
    const file = join(root, 'lines.txt');
    writeFileSync(file, `short\r\n${'x'.repeat(3_000_000)}\n\nlast`);
    const lines: string[] = [];
    let oversize = 0;
    await forEachLine(
      file,
      l => lines.push(l),
      () => oversize++,
      { maxBytes: 2_000_000 },
    );
    assert.deepEqual(lines, ['short', 'last']);
    assert.equal(oversize, 1);
  });

  it('round trip: exports the seeds for passim, imports its clusters as stories with exact uids and UTF-16 offsets', () => {
    const exported = run('export', '--format', 'passim', ...docs());
    assert.equal(exported.status, 0, exported.stderr);
    const passimInput = new Map<string, string>(
      exported.stdout
        .trimEnd()
        .split('\n')
        .map(l => JSON.parse(l))
        .map((r: { id: string; text: string }) => [r.id, r.text]),
    );
    assert.deepEqual([...passimInput.keys()], docs());

    // Cluster 1: the statement most seeds share, as passim would find it in the texts it was given.
    const analysis = JSON.parse(run('analyze', '--format', 'json', ...docs()).stdout);
    const group = analysis.groups[0];
    const uidOf = (i: number) => (i === 0 ? BIG_UID : i === 1 ? NEGATIVE_UID : String(1000 + i));
    const passage = (id: string, sentence: string, uid: string): FixturePassage => {
      const text = passimInput.get(id)!;
      const at = text.indexOf(sentence);
      assert.ok(at >= 0, `${id} carries "${sentence}"`);
      return { id, uid, begin: codePointOffset(text, at), end: codePointOffset(text, at + sentence.length), text: sentence };
    };
    // One passage per document, as passim reports a cluster: a source's first sentence where its member is a span.
    const firstOfSource = (m: { source: number }, i: number, all: readonly { source: number }[]) =>
      all.findIndex(x => x.source === m.source) === i;
    const shared = group.members.filter(firstOfSource).map((m: { source: number; sentence: number }) => {
      const id = docs()[m.source];
      return passage(id, analysis.sources[m.source].sentences[m.sentence].text, uidOf(m.source));
    });
    // Cluster 2: a passage after emoji in both harbour versions.
    const harbour = passage('docs/harbour.txt', AFTER_EMOJI, '4611686018427387904');
    const copy = passage('docs/harbor-copy.txt', AFTER_EMOJI, '-4611686018427387905');
    assert.notEqual(harbour.begin, passimInput.get('docs/harbour.txt')!.indexOf(AFTER_EMOJI), 'code points and UTF-16 differ after emoji');
    // Cluster 3, in the older record: the ferry sentence, by word bounds only.
    const ferry = 'Ferries ran through the night to carry visitors home after the last show on the pier ended.';
    const words = (id: string) => {
      const text = passimInput.get(id)!;
      const at = text.indexOf(ferry);
      return { ...passage(id, ferry, '77'), bw: wordIndexAt(text, at), ew: wordIndexAt(text, at) + ferry.split(' ').length };
    };

    const out = join(root, 'out.json');
    mkdirSync(out);
    writeFileSync(
      join(out, 'part-00000-3f2a.json'),
      [...seriatimRecords(BIG_CLUSTER, shared), '{"cluster": 5, "id": broken', ''].join('\n'),
    );
    writeFileSync(
      join(out, 'part-00001-3f2a.json'),
      [
        ...seriatimRecords('12', [harbour, copy]),
        ...seriatimRecords('13', [
          { ...harbour, id: 'docs/missing.txt' },
          { ...harbour, id: '../synoptic-outside.txt' },
          { ...harbour, id: join(tmpdir(), 'synoptic-outside.txt') },
        ]),
        `{"cluster":14,"uid":1,"begin":0,"end":1,"id":"docs/harbour.txt","text":"${'y'.repeat(10 * 1024 * 1024 + 10)}"}`,
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(out, 'part-00002-3f2a.json'),
      olderRecords('31', [words('docs/harbour.txt'), words('docs/harbor-copy.txt')], { withoutCharacterBounds: true }).join('\n') + '\n',
    );
    writeFileSync(join(out, '_SUCCESS'), '');
    writeFileSync(join(out, '.part-00000-3f2a.json.crc'), 'not records');

    const imported = run('import-passim', 'out.json');
    assert.equal(imported.status, 0, imported.stderr);
    assert.equal(
      imported.stderr,
      'synoptic: import-passim skipped 5 records: 1 naming a missing file, 2 naming a file outside the root, 1 over 10 MB, 1 broken\n',
    );
    const json = JSON.parse(imported.stdout);
    assert.deepEqual(validateExport(json), []);
    const paths: string[] = json.sources.map((s: { path: string }) => s.path);
    const textOf = (source: number) => readFileSync(join(root, paths[source]), 'utf8');
    assert.deepEqual(
      json.stories.map((s: { cluster: number | string }) => s.cluster),
      [BIG_CLUSTER, 12, 31],
    );

    const [seedStory, harbourStory, ferryStory] = json.stories;
    assert.deepEqual(
      seedStory.sources.map((s: number) => paths[s]),
      [...new Set(shared.map((p: FixturePassage) => p.id))].sort(),
    );
    for (const p of seedStory.passages) {
      const expected = shared.find((f: FixturePassage) => f.id === paths[p.source])!;
      assert.equal(p.uid, expected.uid);
      assert.equal(textOf(p.source).slice(p.start, p.end), expected.text);
    }
    assert.ok(
      seedStory.passages.some((p: { uid: string }) => p.uid === BIG_UID) &&
        seedStory.passages.some((p: { uid: string }) => p.uid === NEGATIVE_UID),
    );

    assert.deepEqual(harbourStory.passages.map((p: { uid: string }) => p.uid).sort(), [copy.uid, harbour.uid].sort());
    for (const p of harbourStory.passages) {
      const text = textOf(p.source);
      assert.equal(text.slice(p.start, p.end), AFTER_EMOJI);
      assert.equal(p.start, text.indexOf(AFTER_EMOJI));
    }
    for (const p of ferryStory.passages) assert.equal(textOf(p.source).slice(p.start, p.end), ferry);
  });

  it('resolves ids under the root only: no .., no absolute path outside, no symbolic link leading out', () => {
    symlinkSync(tmpdir(), join(root, 'docs-link-out'));
    assert.deepEqual(resolveUnderRoot(root, 'docs/harbour.txt'), { path: realpathSync(join(root, 'docs', 'harbour.txt')) });
    assert.deepEqual(resolveUnderRoot(root, join(root, 'docs', 'harbour.txt')), { path: realpathSync(join(root, 'docs', 'harbour.txt')) });
    assert.deepEqual(resolveUnderRoot(root, 'docs/../docs/harbour.txt'), { refused: 'outside' });
    assert.deepEqual(resolveUnderRoot(root, join(tmpdir(), 'synoptic-outside.txt')), { refused: 'outside' });
    assert.deepEqual(resolveUnderRoot(root, 'docs-link-out/synoptic-outside.txt'), { refused: 'outside' });
    assert.deepEqual(resolveUnderRoot(root, 'docs/nope.txt'), { refused: 'missing' });
  });

  it("refuses to write its report over passim's output or over a document it reads, and leaves both as they were", () => {
    // passim's output as one file of JSON lines, of one cluster of the two harbour versions.
    const part = join(root, 'harbour-clusters.json');
    writeFileSync(
      part,
      seriatimRecords('21', [
        { id: 'docs/harbour.txt', uid: '1', begin: 0, end: 5, text: EMOJI_TEXT.slice(0, 5) },
        { id: 'docs/harbor-copy.txt', uid: '2', begin: 0, end: 5, text: EMOJI_COPY.slice(0, 5) },
      ]).join('\n') + '\n',
    );
    const document = join(root, 'docs', 'harbour.txt');
    const before = [readFileSync(part, 'utf8'), readFileSync(document, 'utf8')];
    for (const target of [part, document]) {
      const result = run('import-passim', '-o', target, 'harbour-clusters.json');
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /^synoptic: -o .*: is the input file .*; the import would replace it\n$/);
    }
    assert.deepEqual([readFileSync(part, 'utf8'), readFileSync(document, 'utf8')], before);
  });

  it('refuses a path that does not exist with one line and exit code 2', () => {
    const result = run('import-passim', 'no-such-output');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^synoptic: no-such-output: no such file or folder\n$/);
  });
});
