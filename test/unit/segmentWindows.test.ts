import * as assert from 'node:assert/strict';
import { SEGMENT_WINDOW, windowedSegments } from '../../src/core/segmentWindows';
import { segmentLine } from '../../src/core/sentences';
import { detectStopwords } from '../../src/core/stopwords';
import { words } from '../../src/core/text';
import { pickedString, seededRandom } from '../support/random';

/** Pieces of text in several scripts, with and without spaces and stops, drawn at random into long lines. */
const PIECES = [
  '东京',
  '的',
  '市场',
  '今天',
  '。',
  '，',
  'ตลาด',
  'วันนี้',
  ' ',
  'market',
  'opened ',
  '. ',
  'Tokyo ',
  '3.5',
  '“',
  '”',
  '！',
  'は',
  'です',
  '\u0301',
];

const asList = (segments: Iterable<Intl.SegmentData>) => Array.from(segments, s => `${s.index}:${s.segment}:${s.isWordLike ?? '-'}`);

describe('segmenting long texts in windows', () => {
  it('gives the segments one pass over the whole text gives, for words and sentences (seeded)', function () {
    this.timeout(60_000);
    const random = seededRandom(29);
    for (let round = 0; round < 2; round++) {
      // About two and a half windows: the pieces average three characters.
      const text = pickedString(random, PIECES, Math.round(0.8 * SEGMENT_WINDOW), 1000);
      assert.ok(text.length > 2 * SEGMENT_WINDOW);
      for (const granularity of ['word', 'sentence'] as const) {
        const segmenter = new Intl.Segmenter(undefined, { granularity });
        assert.deepEqual(asList(windowedSegments(text, segmenter)), asList(segmenter.segment(text)), `${granularity}, round ${round}`);
      }
    }
  });

  it('gives one pass’s segments over long runs of one script without spaces, across the windows’ seams (seeded)', function () {
    this.timeout(60_000);
    const random = seededRandom(37);
    for (const pieces of [
      ['东京', '的', '市场', '今天', '开放', '价格', '上涨'],
      ['ตลาด', 'วันนี้', 'ราคา', 'ขึ้น', 'หุ้น', 'ปิด'],
    ]) {
      const text = pickedString(random, pieces, 10_000, 1);
      assert.ok(text.length > 2 * SEGMENT_WINDOW);
      const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
      assert.deepEqual(asList(windowedSegments(text, segmenter)), asList(segmenter.segment(text)), pieces[0]);
    }
  });

  it('reads a line of 200,000 Han characters into words and sentences in seconds, not minutes', function () {
    // One pass of the segmenter over such a line takes minutes: its cost grows with the square of the length.
    this.timeout(60_000);
    const line = pickedString(seededRandom(31), ['东京', '的', '市场', '今天', '开放', '价格'], 80_000, 1).slice(0, 200_000);
    const started = Date.now();
    const found = words(line);
    const sentences = segmentLine(line, 0, line.length, detectStopwords(found.slice(0, 1000)));
    const seconds = (Date.now() - started) / 1000;
    assert.ok(found.length > 50_000);
    assert.equal(sentences.length, 1, 'a line without stops is one sentence');
    assert.ok(seconds < 15, `${seconds} s`);
  });
});
