import * as assert from 'node:assert/strict';
import { SourceInput, detectHardWrap, prepareSource } from '../../src/core';
import { analyzeCorpus } from '../../src/core/analyzer';
import { CROSS_STORY_REASON, markCrossStoryChrome } from '../../src/core/crossStoryChrome';
import { packPrepared, unpackPrepared } from '../../src/node/preparedTransfer';
import { splitLines } from '../../src/core/text';
import { seedInputs } from '../support/fixtures';
import { hardWrap, originalLines } from '../support/hardWrap';
import { seededRandom } from '../support/random';

const PARAGRAPHS = [
  'The harbour authority said on Tuesday that the new breakwater would be finished before the winter storms, two years later than first planned.',
  'Engineers working on the project told reporters that the delay was caused by a shortage of granite from the quarry in the north of the country.',
  'The mayor, who had campaigned for the breakwater for a decade, said she was relieved. "It has taken far too long, but the town will finally be safe," she said.',
  'Fishermen in the town have complained for years that their boats are damaged whenever a storm comes in from the west, and several have given up the trade.',
];

describe('Hard-wrapped pages', () => {
  it('gives a hard-wrapped page the same article verdicts as its unwrapped form', () => {
    for (const { id, text } of seedInputs()) {
      const unwrapped = prepareSource(text);
      for (const width of [60, 72]) {
        const wrapped = hardWrap(text, width);
        const prepared = prepareSource(wrapped);
        assert.ok(prepared.paragraphs?.length, `${id} at ${width}: not read as wrapped`);
        const from = originalLines(text, width);
        prepared.lines.forEach((verdict, line) =>
          assert.equal(verdict.kind, unwrapped.lines[from[line]].kind, `${id} at ${width}, line ${line}: ${wrapped.split('\n')[line]}`),
        );
      }
    }
  });

  it('keeps every article line of a page wrapped at 80, where a full headline and the line below it read as one paragraph', () => {
    // A headline of 73 characters and a date line whose first word would not have fitted
    // after it within 80 columns look like two lines of one wrapped paragraph; that paragraph
    // is read as article text. Every other line keeps its verdict.
    for (const { id, text } of seedInputs()) {
      const unwrapped = prepareSource(text);
      const wrapped = hardWrap(text, 80);
      const prepared = prepareSource(wrapped);
      assert.ok(prepared.paragraphs?.length, `${id}: not read as wrapped`);
      const from = originalLines(text, 80);
      let differing = 0;
      prepared.lines.forEach((verdict, line) => {
        const before = unwrapped.lines[from[line]].kind;
        if (before === 'content') assert.equal(verdict.kind, 'content', `${id}, line ${line}`);
        if (verdict.kind !== before) differing++;
      });
      assert.ok(differing <= 2, `${id}: ${differing} lines differ`);
    }
  });

  it('reads a sentence that runs over a line break as one sentence, its offsets covering the break', () => {
    const text = ['Harbour works delayed again', '', ...PARAGRAPHS.flatMap(p => [p, ''])].join('\n');
    const wrapped = hardWrap(text, 64);
    assert.notEqual(wrapped, text);
    const prepared = prepareSource(wrapped);
    const sentences = prepareSource(text).sentences;
    assert.deepEqual(
      prepared.sentences.map(s => [s.start, s.end, s.text]),
      sentences.map(s => [s.start, s.end, s.text]),
    );
    const spanning = prepared.sentences.filter(s => wrapped.slice(s.start, s.end).includes('\n'));
    assert.ok(spanning.length >= 4, `${spanning.length} sentences over a line break`);
    for (const s of spanning) assert.equal(s.text, wrapped.slice(s.start, s.end).replace(/\n/g, ' '));
  });

  it('reads a page wrapped with CR LF line ends as its unwrapped form, each break read as spaces', () => {
    const text = ['Harbour works delayed again', '', ...PARAGRAPHS.flatMap(p => [p, ''])].join('\r\n');
    const wrapped = hardWrap(text.replace(/\r\n/g, '\n'), 70, '\r\n');
    const prepared = prepareSource(wrapped);
    const plain = prepareSource(text);
    assert.ok(prepared.paragraphs?.length);
    assert.deepEqual(
      prepared.sentences.map(s => s.form),
      plain.sentences.map(s => s.form),
    );
    for (const s of prepared.sentences) {
      assert.equal(s.text.length, s.end - s.start);
      assert.ok(!/[\r\n]/.test(s.text), s.text);
    }
  });

  it('aligns the sentences of versions wrapped at different widths as it aligns the versions unwrapped', function () {
    this.timeout(60_000);
    const seeds = seedInputs();
    const widths = [60, 72, 80, 0, 66];
    const wrapped: SourceInput[] = seeds.map(({ id, text }, i) => ({ id, text: widths[i] ? hardWrap(text, widths[i]) : text }));
    const links = (inputs: SourceInput[]) =>
      analyzeCorpus(inputs).groups.map(g => g.members.map(m => `${m.source}:${m.sentence}`).join(' '));
    const sentences = (inputs: SourceInput[]) =>
      analyzeCorpus(inputs).sources.map(s => s.sentences.map(x => `${x.start}-${x.end}`).join(' '));
    assert.deepEqual(sentences(wrapped), sentences(seeds));
    const groups = links(wrapped);
    assert.ok(groups.length >= 10, `${groups.length} groups`);
    assert.deepEqual(groups, links(seeds));
  });

  it('gives a hard-wrapped page prepared in another thread back whole, its paragraphs and its sentences over line breaks', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = hardWrap(seedInputs()[1].text.replace(/\r\n/g, '\n'), 64, eol);
      const prepared = prepareSource(text);
      assert.ok(prepared.paragraphs?.length);
      assert.deepEqual(unpackPrepared(structuredClone(packPrepared(prepared)), text), prepared);
    }
  });

  it('turns a hard-wrapped paragraph whose sentences recur across stories to chrome on every one of its lines', () => {
    const text = ['Harbour works delayed again', '', ...PARAGRAPHS.flatMap(p => [p, ''])].join('\n');
    const prepared = prepareSource(hardWrap(text, 64));
    const paragraph = prepared.paragraphs!.find(p => prepared.lines[p.first].kind === 'content' && p.last - p.first >= 2)!;
    const recurring = new Map(prepared.sentences.filter(s => s.line === paragraph.first).map(s => [s.form, 1] as const));
    assert.ok(recurring.size >= 1);
    const verdicts = markCrossStoryChrome(prepared, prepared.lines, 0, recurring);
    verdicts.forEach((v, line) => {
      const inside = line >= paragraph.first && line <= paragraph.last;
      assert.deepEqual(v, inside ? { kind: 'boilerplate', reason: CROSS_STORY_REASON } : prepared.lines[line], `line ${line}`);
    });
  });

  it('finds the width of a wrapped page and its paragraphs, a blank line ending one', () => {
    const text = PARAGRAPHS.join('\n\n');
    const wrapped = hardWrap(text, 50);
    const lines = splitLines(wrapped).map(span => wrapped.slice(span.start, span.end));
    const wrap = detectHardWrap(lines);
    assert.ok(wrap);
    assert.ok(wrap.width >= Math.max(...lines.map(l => l.length)) && wrap.width <= 50, `width ${wrap.width}`);
    const expected: { first: number; last: number }[] = [];
    let first = 0;
    lines.forEach((line, i) => {
      if (line && (i + 1 === lines.length || !lines[i + 1])) expected.push({ first, last: i });
      if (!line) first = i + 1;
    });
    assert.deepEqual(wrap.paragraphs, expected);
  });

  it('leaves out of a wrapped paragraph a line the page prints again on its own, as "Advertisement" between paragraphs', () => {
    const marker = 'Advertisement';
    // A width at which the first paragraph's last line is full enough that the marker after it
    // would not have fitted: by its length alone, the marker reads as that paragraph's tail.
    const width = Array.from({ length: 41 }, (_, k) => 40 + k).find(w => {
      const last = hardWrap(PARAGRAPHS[0], w).split('\n').pop()!;
      return 2 * last.length > w && last.length + 1 + marker.length > w;
    });
    assert.ok(width, 'some width fills the last line');
    // No blank lines: the paragraphs are set apart by the marker alone.
    const lines = PARAGRAPHS.flatMap(paragraph => [...hardWrap(paragraph, width).split('\n'), marker]);
    const wrap = detectHardWrap(lines);
    assert.ok(wrap);
    for (const { first, last } of wrap.paragraphs) {
      const text = lines.slice(first, last + 1).join(' ');
      assert.ok(PARAGRAPHS.includes(text), `${first}-${last}: ${text}`);
    }
    assert.equal(wrap.paragraphs.length, PARAGRAPHS.length);
  });

  it('still finds the width when a line has no space to break at (an address, a rule)', () => {
    const text = [
      PARAGRAPHS[0],
      'https://example.org/a/very/long/address/that/no/wrapper/can/break/anywhere/at/all',
      PARAGRAPHS[1],
      '━'.repeat(90),
      PARAGRAPHS[2],
    ].join('\n\n');
    const wrapped = hardWrap(text, 60);
    const wrap = detectHardWrap(wrapped.split('\n'));
    assert.ok(wrap);
    assert.equal(wrap.paragraphs.length, 3);
  });

  it('does not join a page of short lines that is not wrapped: a menu, a list, a poem-like block', () => {
    const random = seededRandom(5);
    const menu = ['Home', 'World', 'Politics', 'Business', 'Technology', 'Science', 'Health', 'Sports', 'Arts', 'Travel', 'Opinion'];
    const poem = [
      'I wandered by the harbour wall at night,',
      'the boats asleep, the water black and still;',
      'a single lamp was burning on the hill,',
      'and every window of the town was white.',
      'The wind came round from somewhere in the west',
      'and found the gaps between the granite stones;',
      'it sang to me in low and broken tones',
      'of fishermen who never came to rest.',
    ];
    const teasers = Array.from({ length: 24 }, (_, i) => {
      const words = PARAGRAPHS[i % PARAGRAPHS.length].split(' ');
      const from = Math.floor(random() * 10);
      return words.slice(from, from + 5 + Math.floor(random() * 10)).join(' ');
    });
    for (const [name, lines] of [
      ['menu', menu],
      ['poem', poem],
      ['list of teasers', teasers],
      ['page', [...menu, '', ...PARAGRAPHS, '', ...teasers, '', '© 2024 Example Media. All rights reserved.']],
    ] as const) {
      assert.equal(detectHardWrap(lines), undefined, name);
      const prepared = prepareSource(lines.join('\n'));
      assert.equal(prepared.paragraphs, undefined, name);
    }
  });

  it('never reads the seed versions as they are as wrapped', () => {
    for (const { id, text } of seedInputs()) assert.equal(detectHardWrap(text.split(/\r\n|\r|\n/)), undefined, id);
  });
});
