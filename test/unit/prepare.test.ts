import * as assert from 'node:assert/strict';
import { prepareClaimed, prepareSource, prepareSources } from '../../src/core';
import { LineFeatureMemo, pageFeatures } from '../../src/core/lineFeatures';
import { detectStopwords } from '../../src/core/stopwords';
import { splitLines, words } from '../../src/core/text';
import { seedInputs } from '../support/fixtures';
import { pick, seededRandom } from '../support/random';

// Lines of several kinds and languages, so that pages built from them share lines, repeat
// lines within a page and fall to different function-word lists.
const LINES = [
  'The minister said on Monday that the talks would resume in the spring.',
  'Mr. Smith, who heads the U.S. delegation, was not available for comment.',
  'Officials said 1,200 people had been moved.The rest stayed at home.',
  '  • Home',
  '  • World',
  '• Politics',
  'Related stories',
  'Leave a comment',
  'Name (required)',
  '[ ] Save my name for the next time I comment.',
  '© 2024 Example Media. All rights reserved.',
  'Share   this\tarticle',
  'SHARE THIS ARTICLE',
  'Die Ministerin sagte am Montag, dass die Gespräche im Frühjahr fortgesetzt werden.',
  'Der Präsident ist nicht nach Berlin gereist, wie die Agentur berichtete.',
  'وقال الوزير إن المحادثات ستستأنف في الربيع المقبل في العاصمة.',
  'الرئيسية',
  'Read more at www.example.com/news',
  'By Staff Writer',
  '14 Sep 2021 10:51',
  '"We will not give up," she said. "Never."',
  'A headline without a final stop',
  // Split after "U.S." where a function word of the page's language follows it.
  'Talks were held in the U.S. The delegation left. Sie reisten in die U.S. Die Delegation blieb.',
  '---',
  '',
  '',
];

// Pages mostly in one language, so that pages prepared together get different function-word
// lists (the last, of made-up words, falls to a page's own frequent short words).
const POOLS = [
  LINES,
  [...LINES.slice(13, 15), 'Die Regierung hat die Pläne nicht bestätigt, sagte ein Sprecher.', 'Startseite', ''],
  [...LINES.slice(15, 17), 'وأضاف أن الحكومة لم تؤكد الخطط بعد.', ''],
  ['Xa ghu lyr bep tyr xa ghu.', 'Ghu lyr xa bep tyr ghu lyr xa.', 'Bep tyr xa ghu lyr.', 'Lyr ghu bep xa tyr ghu.', ''],
];

function randomPage(random: () => number): string {
  const pool = pick(random, POOLS);
  const lines: string[] = [];
  const n = 5 + Math.floor(random() * 30);
  for (let i = 0; i < n; i++) lines.push(pick(random, random() < 0.8 ? pool : LINES));
  // Line ends of every kind, as files bring them.
  const end = pick(random, ['\n', '\n', '\r\n', '\r']);
  return lines.join(end);
}

describe('Preparing sources together', () => {
  it('gives every source what preparing it alone gives (seeded random pages sharing lines)', () => {
    const random = seededRandom(20261130);
    for (let round = 0; round < 20; round++) {
      const texts = Array.from({ length: 1 + Math.floor(random() * 8) }, () => randomPage(random));
      assert.deepEqual(
        prepareSources(texts),
        texts.map(t => prepareSource(t)),
      );
    }
  });

  it('gives the seeds, prepared together and with copies of each other, what preparing each alone gives', () => {
    const texts = seedInputs().map(s => s.text);
    const all = [...texts, ...texts, texts.join('\n')];
    assert.deepEqual(
      prepareSources(all),
      all.map(t => prepareSource(t)),
    );
  });

  it('gives each text claimed from one counter by two preparers, in turns of any length, what preparing it alone gives, each text once', () => {
    const random = seededRandom(20261201);
    for (let round = 0; round < 10; round++) {
      const texts = Array.from({ length: 1 + Math.floor(random() * 12) }, () => randomPage(random));
      // Two threads drawing from one counter, interleaved: one claims a random run, then the other.
      let next = 0;
      const claim = () => next++;
      const first: ReturnType<typeof prepareClaimed> = [];
      const second: ReturnType<typeof prepareClaimed> = [];
      while (next < texts.length) {
        const stopAt = next + 1 + Math.floor(random() * 3);
        const bounded = () => (next < stopAt ? claim() : texts.length);
        (random() < 0.5 ? first : second).push(...prepareClaimed(texts, bounded));
      }
      const all = [...first, ...second].sort((a, b) => a.index - b.index);
      assert.deepEqual(
        all.map(x => x.index),
        texts.map((_, i) => i),
      );
      assert.deepEqual(
        all.map(x => x.prepared),
        texts.map(t => prepareSource(t)),
      );
    }
  });

  it("guesses each page's function words as from all its words at once, summed line by line", () => {
    const random = seededRandom(11);
    const texts = Array.from({ length: 40 }, () => randomPage(random));
    const prepared = prepareSources(texts);
    const languages = new Set<string>();
    texts.forEach((text, i) => {
      const lower = splitLines(text).flatMap(l => words(text.slice(l.start, l.end)).map(w => w.toLowerCase()));
      assert.deepEqual(prepared[i].profile, detectStopwords(lower));
      languages.add(prepared[i].profile.language);
    });
    assert.deepEqual([...languages].sort(), ['ar', 'de', 'en', 'und']);
  });

  it("splits a line two pages share by each page's own function words", () => {
    const shared = LINES.find(l => l.startsWith('Talks were held'))!;
    const english = [shared, LINES[0], LINES[1]].join('\n');
    const german = [shared, LINES[13], LINES[14]].join('\n');
    const [en, de] = prepareSources([english, german]);
    assert.deepEqual([en.profile.language, de.profile.language], ['en', 'de']);
    assert.deepEqual([en, de], [prepareSource(english), prepareSource(german)]);
    assert.notDeepEqual(
      en.sentences.slice(0, 3).map(s => s.text),
      de.sentences.slice(0, 3).map(s => s.text),
    );
  });

  it('gives the same line features with a memo shared across pages as with none', () => {
    const random = seededRandom(7);
    const memo = new LineFeatureMemo();
    for (let round = 0; round < 30; round++) {
      const text = randomPage(random);
      const lines = splitLines(text);
      const ws = lines.map(l => words(text.slice(l.start, l.end)));
      const lower = ws.map(w => w.map(x => x.toLowerCase()));
      const profile = detectStopwords(lower.flat());
      const shared = pageFeatures(text, lines, ws, lower, profile, memo);
      const alone = pageFeatures(text, lines, ws, lower, profile);
      assert.deepEqual(shared.facts, alone.facts);
      assert.deepEqual(shared.nonBlank, alone.nonBlank);
      assert.deepEqual(
        shared.rows.map(r => r && [...r]),
        alone.rows.map(r => r && [...r]),
      );
    }
  });
});
