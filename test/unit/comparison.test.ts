import * as assert from 'node:assert/strict';
import { layoutComparison } from '../../src/core';
import { analyzeCorpus } from '../../src/core/analyzer';
import { buildComparison } from '../../src/core/comparison';
import { normalizeForComparison } from '../../src/core/text';
import { buildRowModels, sourceHeaders } from '../../src/comparisonModel';
import { cellOf } from '../../src/protocol';
import { seedInputs } from '../support/fixtures';

describe('comparison layout', () => {
  const inputs = seedInputs();
  const analysis = analyzeCorpus(inputs);

  it('puts every sentence of every source in exactly one row, for every base', () => {
    for (let base = 0; base < analysis.sources.length; base++) {
      const { rows } = buildComparison(analysis, base, { diffs: false });
      const seen = analysis.sources.map(s => new Array<number>(s.sentences.length).fill(0));
      for (const row of rows) for (const cell of row.cells) for (const i of cell.sentences) seen[cell.source][i]++;
      seen.forEach((counts, s) => counts.forEach((n, i) => assert.equal(n, 1, `base ${base}: source ${s} sentence ${i} in ${n} rows`)));
    }
  });

  it("keeps the base's sentences in reading order", () => {
    for (let base = 0; base < analysis.sources.length; base++) {
      const firsts = buildComparison(analysis, base, { diffs: false })
        .rows.flatMap(r => r.cells.filter(c => c.source === base))
        .map(c => c.sentences[0]);
      assert.deepEqual(
        firsts,
        [...firsts].sort((a, b) => a - b),
      );
    }
  });

  it('gives cells by ascending source, each with its own text as one of the row wordings, the reference first', () => {
    const { rows } = buildComparison(analysis, 1);
    for (const row of rows) {
      const sources = row.cells.map(c => c.source);
      assert.deepEqual(
        sources,
        [...new Set(sources)].sort((a, b) => a - b),
      );
      assert.equal(row.sourceCount, row.cells.length);
      assert.equal(new Set(row.wordings.map(w => w.text)).size, row.wordings.length, 'one entry per distinct wording');
      assert.equal(row.wordings[0].similarity, 1);
      assert.equal(row.wordings[0].diff, undefined);
      const reference = row.cells.find(c => c.source === 1) ?? row.cells[0];
      assert.equal(reference.wording, 0);
      // A copy its source repeats stays in the cell but is read once: the text leaves it out.
      const repeated = new Set(
        row.group >= 0 ? analysis.groups[row.group].members.filter(m => m.repeat).map(m => `${m.source}:${m.sentence}`) : [],
      );
      for (const cell of row.cells) {
        const read = cell.sentences.filter(i => !repeated.has(`${cell.source}:${i}`));
        const text = read.map(i => analysis.sources[cell.source].sentences[i].text).join(' ');
        assert.equal(row.wordings[cell.wording].text, text);
      }
      const reworded = row.wordings.some(w => normalizeForComparison(w.text) !== normalizeForComparison(row.wordings[0].text));
      assert.equal(row.reworded, reworded);
      for (const w of row.wordings.slice(1)) {
        const kept = w
          .diff!.filter(p => p.kind !== 'removed')
          .map(p => p.text)
          .join('');
        assert.equal(kept.replace(/\s+/g, ' ').toLowerCase(), w.text.replace(/\s+/g, ' ').toLowerCase());
      }
    }
    assert.ok(
      rows.some(r => r.reworded),
      'the seeds word some statements differently',
    );
    assert.ok(rows.some(r => r.sourceCount === analysis.sources.length));
  });

  it("adds the base's boilerplate lines as rows of their own when asked", () => {
    const without = buildComparison(analysis, 0, { diffs: false }).rows;
    const withLines = buildComparison(analysis, 0, { diffs: false, includeBoilerplate: true }).rows;
    const boilerplate = analysis.sources[0].lines.filter(l => l.kind === 'boilerplate').length;
    assert.ok(boilerplate > 0);
    assert.equal(withLines.length, without.length + boilerplate);
    for (const row of withLines.filter(r => r.kind === 'boilerplate')) {
      assert.equal(row.cells.length, 1);
      assert.ok(row.reason && row.reason.length > 0);
    }
  });

  it('builds any row on demand, the same as building them all', () => {
    const layout = layoutComparison(analysis, 2);
    const all = buildComparison(analysis, 2).rows;
    assert.equal(layout.rowCount, all.length);
    for (const i of [all.length - 1, 0, Math.floor(all.length / 2)]) assert.deepEqual(layout.row(i), all[i]);
    assert.throws(() => layout.row(all.length), RangeError);
  });
});

describe('panel rows built in slices', () => {
  const inputs = seedInputs();
  const analysis = analyzeCorpus(inputs);
  const request = { analysis, base: 0, baseText: inputs[0].text, includeBoilerplate: true };

  it('hands the thread back between slices and ends with the same rows as one pass', async () => {
    let pauses = 0;
    const sliced = await buildRowModels(request, { sliceMs: 0, pause: async () => void pauses++ });
    const whole = await buildRowModels(request, { sliceMs: Infinity, pause: async () => assert.fail('no pause expected') });
    assert.ok(sliced && whole);
    assert.equal(pauses, sliced.length, 'a pause after the layout and after every row but the last');
    assert.deepEqual(sliced, whole);
    const boilerplate = sliced.find(r => r.kind === 'boilerplate');
    assert.ok(boilerplate?.text && inputs[0].text.includes(boilerplate.text));
  });

  it('stops when a newer request has made the work stale', async () => {
    let pauses = 0;
    const rows = await buildRowModels(request, { sliceMs: 0, pause: async () => void pauses++, isStale: () => pauses >= 3 });
    assert.equal(rows, undefined);
    assert.equal(pauses, 3);
  });

  it("gives each cell the source's further sentences of the statement, so that the cursor on any of them finds its row", async () => {
    const rows = (await buildRowModels({ ...request, includeBoilerplate: false }, { sliceMs: Infinity }))!;
    const layout = buildComparison(analysis, 0, { diffs: true }).rows;
    let several = 0;
    rows.forEach((row, i) =>
      layout[i].cells.forEach((c, j) => {
        assert.deepEqual([row.cells[j].sentence, ...(row.cells[j].more ?? [])], c.sentences);
        if (c.sentences.length > 1) several++;
      }),
    );
    // The seeds hold such statements: the base's headline printed twice, a statement another source splits in two.
    assert.ok(several > 0);
  });

  it('gives each cell its source, first sentence, wording and moved flag', async () => {
    const rows = (await buildRowModels({ ...request, includeBoilerplate: false }, { sliceMs: Infinity }))!;
    const layout = buildComparison(analysis, 0, { diffs: true }).rows;
    rows.forEach((row, i) => {
      assert.deepEqual(
        row.cells.map(c => [c.source, c.sentence, c.wording, c.moved === true]),
        layout[i].cells.map(c => [c.source, c.sentences[0], c.wording, c.moved]),
      );
      for (const c of layout[i].cells) assert.equal(cellOf(row, c.source)?.source, c.source);
      assert.equal(cellOf(row, analysis.sources.length), undefined);
    });
  });

  it('shows wordings below the chosen similarity as related, without a word diff but with their changed facts, and keeps the others as they were', async () => {
    const layout = buildComparison(analysis, 0, { diffs: true }).rows;
    const all = layout.flatMap(r => r.wordings);
    const threshold = 0.9;
    assert.ok(
      all.some(w => w.similarity < threshold && w.diff?.length),
      'the seeds have loosely matched wordings with diffs',
    );
    const rows = (await buildRowModels({ ...request, includeBoilerplate: false, relatedBelow: threshold }, { sliceMs: Infinity }))!;
    rows.forEach((row, i) =>
      row.wordings.forEach((w, k) => {
        const original = layout[i].wordings[k];
        const facts = {
          ...(original.facts ? { facts: original.facts } : {}),
          ...(original.factMarks ? { factMarks: original.factMarks } : {}),
        };
        if (original.similarity < threshold)
          assert.deepEqual(w, { text: original.text, similarity: original.similarity, related: true, ...facts });
        else assert.deepEqual(w, original);
      }),
    );
    const none = (await buildRowModels({ ...request, includeBoilerplate: false, relatedBelow: 0 }, { sliceMs: Infinity }))!;
    assert.ok(none.every(r => r.wordings.every(w => !w.related)));
  });
});

describe('column headers', () => {
  it("carries each source's location for its tooltip when given, and its URI for the panel's state either way", () => {
    const analysis = analyzeCorpus(seedInputs().slice(0, 2));
    const names = ['a b.txt', 'c.txt'];
    const uris = ['file:///stories/a%20b.txt', 'file:///stories/c.txt'];
    const located = sourceHeaders(analysis, names, uris, undefined, ['stories/a b.txt', 'stories/c.txt']);
    assert.deepEqual(
      located.map(h => [h.path, h.location]),
      [
        ['file:///stories/a%20b.txt', 'stories/a b.txt'],
        ['file:///stories/c.txt', 'stories/c.txt'],
      ],
    );
    assert.ok(sourceHeaders(analysis, names, uris).every(h => !('location' in h)));
  });
});
