import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createAnalyzer } from '../../src/core';
import { toPassim } from '../../src/export/passim';
import { buildImportedTree, clusterDescription, importDescription, passageDescription } from '../../src/importedStoryTree';
import { clusterStories, readPassimRecords, skippedSummary } from '../../src/node/passimImport';
import { InputError } from '../../src/node/readSource';
import { clusterRecords } from '../support/passimFixtures';
import { bridgeStory } from '../support/stories';

const SHARED = 'Engineers replaced every cable and half of the steel deck, which had been weakened by salt and heavy lorries.';
const TOLLS = 'Tolls will stay suspended until the end of the month';
const BIG_UID = '18446744073709551615';

describe('passim import (shared by the command line and the editor)', () => {
  let root: string;
  let out: string;
  const docs = bridgeStory().map(s => ({ id: s.id, text: s.text }));
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'synoptic-passim-import-'));
    mkdirSync(join(root, 'bridge'));
    for (const d of docs) writeFileSync(join(root, d.id), d.text);
    // The texts passim was given: the passim export of the documents.
    const analysis = createAnalyzer().analyze(docs);
    const exported = toPassim({ analysis, paths: docs.map(d => d.id), texts: docs.map(d => d.text) });
    const passimTexts = new Map<string, string>(
      exported
        .trimEnd()
        .split('\n')
        .map(l => JSON.parse(l) as { id: string; text: string })
        .map(r => [r.id, r.text]),
    );
    out = join(root, 'out.json');
    mkdirSync(out);
    writeFileSync(
      join(out, 'part-00000.json'),
      [
        ...clusterRecords(
          '7',
          docs.map((d, i) => ({ id: d.id, uid: i === 0 ? BIG_UID : '5', sentence: SHARED })),
          passimTexts,
        ),
        ...clusterRecords('8', [{ id: docs[0].id, uid: BIG_UID, sentence: TOLLS }], passimTexts),
        'not json',
        '{"id":"bridge/report.txt","series":"bridge","text":"A document of passim\'s input, not a passage of its output."}',
        '{"cluster":9,"uid":1,"begin":0,"end":3,"id":"bridge/gone.txt"}',
        '{"cluster":9,"uid":1,"begin":0,"end":3,"id":"../elsewhere.txt"}',
      ].join('\n') + '\n',
    );
    writeFileSync(join(out, '_SUCCESS'), '');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads the usable records and the documents they name, and counts the rest by why', async () => {
    const read = await readPassimRecords(out, root);
    assert.ok(read);
    assert.equal(read.files, 1, "Spark's _SUCCESS is no part file");
    assert.deepEqual(read.ids, ['bridge/report.txt', 'bridge/reprint.txt']);
    assert.deepEqual(
      read.texts,
      docs.map(d => d.text),
    );
    assert.equal(read.records.length, 3);
    assert.deepEqual(read.skipped, { missing: 1, outside: 1, unreadable: 0, oversize: 0, unclustered: 1, broken: 1 });
    assert.equal(
      skippedSummary(read.skipped, 'the workspace folder'),
      "skipped 4 records: 1 naming a missing file, 1 naming a file outside the workspace folder, 1 without a cluster (passim's input, not its output?), 1 broken",
    );
    assert.equal(skippedSummary({ missing: 0, outside: 0, unreadable: 0, oversize: 0, unclustered: 0, broken: 0 }), undefined);
  });

  it('reports progress per file and stops when progress says cancel', async () => {
    const seen: number[] = [];
    const read = await readPassimRecords(out, root, { onProgress: p => (seen.push(p.file), true) });
    assert.ok(read);
    assert.equal(seen[0], 0);
    assert.equal(seen[seen.length - 1], 1, 'a last report after the only file');
    let calls = 0;
    const cancelled = await readPassimRecords(out, root, { onProgress: () => ++calls < 2 });
    assert.equal(cancelled, undefined);
    assert.equal(calls, 2);
  });

  it('reads part files compressed with gzip, and a file that opens with a byte order mark, as the plain one', async () => {
    const plain = (await readPassimRecords(out, root))!;
    const records = readFileSync(join(out, 'part-00000.json'));
    const compressed = join(root, 'out-gz.json');
    mkdirSync(compressed);
    writeFileSync(join(compressed, 'part-00000.json.gz'), gzipSync(records));
    const marked = join(root, 'marked.json');
    writeFileSync(marked, Buffer.concat([Buffer.from('\ufeff'), records]));
    for (const path of [compressed, marked]) {
      const read = await readPassimRecords(path, root);
      assert.deepEqual(read?.records, plain.records, path);
      assert.deepEqual(read?.skipped, plain.skipped, path);
    }
    // A gzip file cut short is named, as a file that cannot be read is.
    const cut = join(root, 'cut.json.gz');
    writeFileSync(cut, gzipSync(records).subarray(0, 60));
    await assert.rejects(
      readPassimRecords(cut, root),
      (e: Error) => e instanceof InputError && e.message.startsWith(`${cut}: a gzip file`),
    );
  });

  it('reads a document its records name in several spellings of its path once', async () => {
    const spelt = join(root, 'spelt.json');
    const [first] = (await readPassimRecords(out, root))!.records;
    const spellings = [first.id, `./${first.id}`, join(root, first.id)];
    writeFileSync(spelt, spellings.map((id, k) => JSON.stringify({ cluster: 3, uid: k, begin: 0, end: 4, id })).join('\n'));
    const read = (await readPassimRecords(spelt, root))!;
    assert.deepEqual(read.ids, [first.id], 'the shortest spelling names it');
    assert.equal(read.texts.length, 1);
    assert.ok(read.records.every(r => r.id === read.ids[0]));
  });

  it('places a passage whose text no longer stands at its offsets where its text stands nearest', async () => {
    const read = (await readPassimRecords(out, root))!;
    const analysis = createAnalyzer().analyze(read.ids.map((id, i) => ({ id, text: read.texts[i] })));
    // As if passim had read a text with a line more before the passage: its offsets run 40 code points late.
    const shifted = { ...read, records: read.records.map(r => (r.cluster === 7 ? { ...r, begin: r.begin + 40, end: r.end + 40 } : r)) };
    const [bridge] = clusterStories(shifted, analysis);
    assert.equal(bridge.cluster, 7);
    for (const p of bridge.passages) assert.equal(read.texts[p.source].slice(p.start, p.end), SHARED);
    // Without its text, a record's offsets are all there is to go by.
    const bare = { ...shifted, records: shifted.records.map(r => ({ ...r, text: undefined })) };
    for (const p of clusterStories(bare, analysis)[0].passages) assert.notEqual(read.texts[p.source].slice(p.start, p.end), SHARED);
  });

  it('titles a cluster of the very sources of a story the analysis found as that story, and any other by its lead sentence', async () => {
    const read = (await readPassimRecords(out, root))!;
    const found = createAnalyzer().analyze(read.ids.map((id, i) => ({ id, text: read.texts[i] })));
    assert.deepEqual(found.stories[0].sources, [0, 1]);
    const analysis = { ...found, stories: [{ ...found.stories[0], title: 'The title the story stage gave' }] };
    const [bridge, tolls] = clusterStories(read, analysis);
    assert.equal(bridge.title, 'The title the story stage gave');
    assert.match(tolls.title, /Harbour bridge reopens/);
  });

  it('refuses an output that does not exist with an input error', async () => {
    await assert.rejects(readPassimRecords(join(root, 'nothing-here'), root), /no such file or folder/);
  });

  it('makes each cluster a story and lists it in the view: title, cluster id, sources with counts, passages on their lines', async () => {
    const read = (await readPassimRecords(out, root))!;
    const analysis = createAnalyzer().analyze(read.ids.map((id, i) => ({ id, text: read.texts[i] })));
    const stories = clusterStories(read, analysis);
    assert.deepEqual(
      stories.map(s => [s.cluster, s.sources]),
      [
        [7, [0, 1]],
        [8, [0]],
      ],
    );
    const uris = read.ids.map(id => `file:///ws/${id}`);
    const tree = buildImportedTree({ key: '1', name: 'out.json', uris, texts: read.texts, analysis, stories });
    assert.equal(tree.id, 'passim:1');
    assert.equal(importDescription(tree), '2 clusters · 2 files');
    const [bridge, tolls] = tree.clusters;
    assert.equal(bridge.cluster, '7');
    assert.match(bridge.title, /Harbour bridge reopens/);
    assert.equal(clusterDescription(bridge), '2 sources · 2 passages · passim cluster 7');
    assert.deepEqual(
      bridge.sources.map(s => s.name),
      ['report.txt', 'reprint.txt'],
    );
    for (const s of bridge.sources) assert.ok(s.shared >= 2 && s.unique >= 0, `${s.name} shares sentences within the cluster`);
    for (const p of bridge.passages) {
      const text = read.texts[uris.indexOf(p.uri)];
      assert.equal(text.slice(p.start, p.end), SHARED);
      assert.equal(p.startLine, text.slice(0, p.start).split('\n').length);
      assert.equal(passageDescription(p), `line ${p.startLine}`);
    }
    assert.equal(bridge.passages.find(p => p.name === 'report.txt')?.uid, BIG_UID, 'the 64-bit uid kept exact');
    assert.equal(tolls.sources.length, 1);
    assert.equal(tolls.sources[0].shared + tolls.sources[0].unique, analysis.sources[0].sentences.length);

    const limited = buildImportedTree({ key: '2', name: 'out.json', uris, texts: read.texts, analysis, stories }, 1);
    assert.equal(limited.clusters.length, 1);
    assert.equal(importDescription(limited), '1 of 2 clusters · 2 files');
    assert.notEqual(limited.clusters[0].id, bridge.id, 'a new import never reuses a node id');
  });
});
