import * as assert from 'node:assert/strict';
import { headlineSearch } from '../../src/core/boilerplate';
import {
  ADDRESS_LIKE,
  FEATURE_NAMES,
  LineFacts,
  LineFeatureMemo,
  pageEndShare,
  pageFeatures,
  pageFunctionWordShare,
  SPARSE_BELOW,
} from '../../src/core/lineFeatures';
import { pageVariant } from '../../src/core/model/pageVariants';
import { detectStopwords } from '../../src/core/stopwords';
import { splitLines, words } from '../../src/core/text';
import { pick, pickedString, seededRandom } from '../support/random';

/** A page of `count` lines drawn from `pool` (blank lines among them). */
function randomPage(random: () => number, pool: readonly string[], count: number): string {
  return Array.from({ length: count }, () => pick(random, pool)).join('\n');
}

// Prose, headlines and chrome that share their long words in part, so that pages drawn from
// them overlap their bodies by chance.
const POOL = [
  'The minister said on Monday that the harbour talks would resume in the spring.',
  'Harbour talks resume in the spring',
  'Officials said the spring floods had moved many people from the harbour towns.',
  'The talks were long, and the minister said that more would follow soon.',
  'Minister visits flooded harbour towns',
  'Floods move people from harbour towns',
  'Home | World | Politics',
  'Related stories',
  'Share this article',
  'Die Ministerin sagte am Montag, dass die Gespräche im Frühjahr fortgesetzt werden.',
  'Gespräche im Frühjahr',
  '',
  '',
];

function featuresOf(text: string, memo?: LineFeatureMemo) {
  const lines = splitLines(text);
  const ws = lines.map(l => words(text.slice(l.start, l.end)));
  const lower = ws.map(w => w.map(x => x.toLowerCase()));
  return pageFeatures(text, lines, ws, lower, detectStopwords(lower.flat()), memo);
}

/** The body-overlap column as first written: long words counted in a map, by their text. */
function naiveBodyOverlap(facts: readonly LineFacts[]): number[] {
  const bodyWords = new Map<string, number>();
  for (const f of facts) {
    if (!f.proseLike) continue;
    for (const w of f.lowerWords) if (w.length > 3) bodyWords.set(w, (bodyWords.get(w) ?? 0) + 1);
  }
  return facts.map(f => {
    let long = 0;
    let shared = 0;
    for (const w of f.lowerWords) {
      if (w.length <= 3) continue;
      long++;
      if ((bodyWords.get(w) ?? 0) > (f.proseLike ? 1 : 0)) shared++;
    }
    return long ? shared / long : 0;
  });
}

/** The headline search's scores as first written: the body's long words in a set, by their text (the trigram path left out). */
function naiveHeadlines(
  facts: readonly (LineFacts | undefined)[],
  nonBlank: readonly number[],
  content: readonly boolean[],
  margins: readonly number[],
  floor: number,
  seen = { farProse: 0, fallback: 0 },
): number[] {
  // The body: article lines that read as sentences, or, where none does, those of 7 words or more.
  const proseBody = content.some((c, k) => c && facts[nonBlank[k]]!.proseLike);
  const inBody = (k: number) => content[k] && (proseBody ? facts[nonBlank[k]]!.proseLike : facts[nonBlank[k]]!.wordCount >= 7);
  let start = 0;
  while (start < content.length && !inBody(start)) start++;
  if (start === 0 || start === content.length) return [];
  const body = new Set<string>();
  for (let k = start; k < nonBlank.length; k++) {
    const f = facts[nonBlank[k]]!;
    if (inBody(k)) for (const w of f.lowerWords) if (w.length > 3) body.add(w);
  }
  const found: number[] = [];
  let best = -1;
  let bestScore = 0;
  let bestNear = false;
  let fallback = -1;
  let fallbackScore = 0;
  for (let k = start - 1; k >= 0; k--) {
    const f = facts[nonBlank[k]]!;
    if (content[k] || margins[k] < floor || f.bullet || f.wordCount > 30 || f.noLetters || f.copyright || f.formField) continue;
    if (/https?:\/\/|www\.|\S@\S/i.test(f.text)) continue;
    const long = f.lowerWords.filter(w => w.length > 3);
    const shared = long.filter(w => body.has(w)).length;
    if (long.length < 2 || shared < 2) continue;
    const score = shared / long.length;
    const near = start - k <= 12;
    if (f.proseLike && score < 0.6) {
      if (!near) seen.farProse++;
      else if (score >= 0.4 && score > fallbackScore + 1e-9) [fallback, fallbackScore] = [k, score];
      continue;
    }
    if (score >= 0.6 && near) found.push(k);
    if (score >= 0.4 && (best < 0 || (near && !bestNear) || (near === bestNear && score > bestScore + 1e-9))) {
      bestScore = score;
      bestNear = near;
      best = k;
    }
  }
  if (best >= 0) found.push(best);
  else if (fallback >= 0) {
    seen.fallback++;
    found.push(fallback);
  }
  return found;
}

describe('line features', () => {
  it('reads a page set in by a few spaces as the page itself, column for column', () => {
    const random = seededRandom(21);
    for (let round = 0; round < 100; round++) {
      const text = randomPage(random, POOL, 2 + Math.floor(random() * 15));
      const indented = text
        .split('\n')
        .map(line => (line.trim() ? `    ${line}` : line))
        .join('\n');
      const own = featuresOf(text);
      const set = featuresOf(indented);
      assert.deepEqual(
        set.nonBlank.map(i => [...set.rows[i]!]),
        own.nonBlank.map(i => [...own.rows[i]!]),
      );
    }
  });

  it('reads the prose of a page without final stops by its shape, so that its prose columns are those of the page with them', () => {
    // Chrome without stops, so that the stops the form takes off are the prose lines' alone.
    const chrome = ['Home | World | Politics', 'Related stories', 'Share this article', 'Harbour talks resume in the spring'];
    const prose = POOL.filter(line => line.endsWith('.'));
    const prosePerColumn = [
      'proseLike',
      'prev.proseLike',
      'next.proseLike',
      'prev2.proseLike',
      'next2.proseLike',
      'proseBefore',
      'densityNear',
      'densityWide',
      'proseDistance',
      'bodyOverlap',
      'pageProseShare',
      'blockProseShare',
      'mainRunSide',
      'mainRunDistance',
    ].map(name => FEATURE_NAMES.indexOf(name));
    const random = seededRandom(23);
    let withProse = 0;
    for (let round = 0; round < 100; round++) {
      const text = randomPage(random, [...chrome, ...prose, '', ''], 4 + Math.floor(random() * 15));
      const stopped = featuresOf(text);
      const unstopped = featuresOf(pageVariant(text, 'noFinalStops'));
      assert.deepEqual(unstopped.nonBlank, stopped.nonBlank);
      const columns = (page: typeof stopped) => page.nonBlank.map(i => prosePerColumn.map(c => page.rows[i]![c]));
      assert.deepEqual(columns(unstopped), columns(stopped));
      if (stopped.nonBlank.some(i => stopped.facts[i]!.proseLike)) withProse++;
    }
    // Most pages hold prose, so that the columns compared are not all empty.
    assert.ok(withProse > 50);
  });

  it('reads the prose of a page whose short function words are written onto the next word by its shape, as the page as written reads it', () => {
    // A long line that ends no sentence (a breadcrumb) is no prose by its shape either.
    const chrome = [
      'Home | World | Politics',
      'Related stories',
      'Share this article',
      'Harbour talks resume in the spring',
      'Home > News > World > Europe > Weather > Storms > Coastal towns',
    ];
    const proseFlags = ['proseLike', 'prev.proseLike', 'next.proseLike', 'prev2.proseLike', 'next2.proseLike'].map(name =>
      FEATURE_NAMES.indexOf(name),
    );
    // Prose whose function words are short ones, all in the language of the page's list.
    const english = [
      'Harbour officials said the floods moved hundreds of families from coastal towns in the north.',
      'Engineers expect the repaired sea walls to hold back winter storms for another decade.',
      'Local councils will publish a full account of the damage and the costs in the spring.',
    ];
    const random = seededRandom(24);
    let sparse = 0;
    for (let round = 0; round < 100; round++) {
      const text = randomPage(random, [...chrome, ...english, '', ''], 4 + Math.floor(random() * 15));
      const written = featuresOf(text);
      const glued = featuresOf(pageVariant(text, 'gluedFunctionWords'));
      assert.deepEqual(glued.nonBlank, written.nonBlank);
      // Only a page that reads as sparse is read so; one whose glued words still hold enough function words is read by them.
      if (pageFunctionWordShare(glued) >= SPARSE_BELOW) continue;
      sparse++;
      const flags = (page: typeof written) => page.nonBlank.map(i => proseFlags.map(c => page.rows[i]![c]));
      assert.deepEqual(flags(glued), flags(written));
    }
    assert.ok(sparse > 30, `only ${sparse} pages read as sparse`);
  });

  it('reads every long line of a page with neither function words nor stops as prose, and none where the page ends its sentences', () => {
    // Words of no list, and no stops: too few prose-shaped lines to tell whether the page ends its sentences.
    const long = (k: number) => Array.from({ length: 12 }, (_, i) => `word${k}x${i}`).join(' ');
    const proseOf = (text: string) => {
      const page = featuresOf(text);
      assert.ok(pageFunctionWordShare(page) < SPARSE_BELOW);
      return page.nonBlank.map(i => page.rows[i]![FEATURE_NAMES.indexOf('proseLike')]);
    };
    const lines = [long(1), 'Menu', long(2), 'Share', long(3)];
    assert.deepEqual(proseOf(lines.join('\n\n')), [1, 0, 1, 0, 1]);
    // The line model's choice reads its stops so too: the page is unpunctuated (it has no prose-shaped line at all).
    assert.equal(pageEndShare(featuresOf(lines.join('\n\n'))), 0);
    // The same page ending its long lines but one with a full stop: that one is no prose.
    assert.deepEqual(proseOf([`${long(1)}.`, 'Menu', `${long(2)}.`, 'Share', long(3), '', `${long(4)}.`].join('\n\n')), [1, 0, 1, 0, 0, 1]);
  });

  it('reads the long lines of a page in a script without spaces between words that marks no sentence end as its prose, and none where it marks them', () => {
    const prose = (text: string, byShape = true) => {
      const lines = splitLines(text);
      const ws = lines.map(l => words(text.slice(l.start, l.end)));
      const lower = ws.map(w => w.map(x => x.toLowerCase()));
      const page = pageFeatures(text, lines, ws, lower, detectStopwords(lower.flat()), undefined, undefined, byShape);
      return page.nonBlank.map(i => page.rows[i]![FEATURE_NAMES.indexOf('proseLike')]);
    };
    // Thai: paragraphs of many words, a menu item and a share prompt of one or two.
    const thai = [
      'ห้องสมุดกลางเปิดให้บริการอีกครั้งเมื่อวันเสาร์ หลังจากการปรับปรุงที่ใช้งบประมาณกว่าสิบล้านดอลลาร์',
      'หน้าแรก',
      'ชาวบ้านหลายร้อยคนมาเข้าแถวรอก่อนเวลาเปิด และบางคนนำหนังสือที่ยืมไปก่อนปิดปรับปรุงมาคืน',
      'แชร์',
      'นายกเทศมนตรีกล่าวว่า ค่าก่อสร้างเกินงบประมาณเพราะฐานรากเดิมอ่อนกว่าที่ผลการสำรวจระบุไว้',
    ];
    assert.deepEqual(prose(thai.join('\n\n')), [1, 0, 1, 0, 1]);
    // Read as any page (what the spaceless model learns from), a line without a stop is no prose.
    assert.deepEqual(prose(thai.join('\n\n'), false), [0, 0, 0, 0, 0]);
    // A page that ends its sentences keeps reading its prose as any page does: reading by shape
    // changes nothing, and its long line without a stop is no prose.
    const chinese = [
      '今年春天，市政府在城东建成了一座新公园，面积超过一百公顷。',
      '首页',
      '公园上周末向市民开放，第一天就接待了大约四万名游客。',
      '园林局表示园内设有步行道自行车道和儿童游乐区',
      '专家认为，城市公园能改善环境，也有益于居民的健康。',
    ];
    assert.deepEqual(prose(chinese.join('\n\n')), prose(chinese.join('\n\n'), false));
    assert.equal(prose(chinese.join('\n\n'))[3], 0);
  });

  it('counts blank lines in the page’s own spacing, so that doubling every one between its lines changes no line’s blank-line columns', () => {
    const random = seededRandom(22);
    const columns = ['blanksBefore', 'blanksAfter'].map(name => FEATURE_NAMES.indexOf(name));
    let blanks = 0;
    for (let round = 0; round < 100; round++) {
      // Blank lines between lines; the page's spacing is read between its lines, not at its ends.
      const text = randomPage(random, POOL, 2 + Math.floor(random() * 15)).replace(/^\n+|\n+$/g, '');
      const doubled = text
        .split('\n')
        .flatMap(line => (line.trim() ? [line] : [line, line]))
        .join('\n');
      const read = (t: string) => {
        const f = featuresOf(t);
        return f.nonBlank.map(i => columns.map(c => f.rows[i]![c]));
      };
      const own = read(text);
      blanks += own.flat().filter(x => x > 0).length;
      assert.deepEqual(read(doubled), own);
    }
    assert.ok(blanks > 50, `only ${blanks} blank-line counts compared`);
  });

  it('reads a line that ends its sentences with bars typed for dandas as one that ends them with dandas', () => {
    const withDandas = featuresOf('सरकार ने नई नीति की घोषणा की । मंत्री ने कहा कि यह अच्छी है ।\nहोम | देश | विदेश |\n');
    const withBars = featuresOf('सरकार ने नई नीति की घोषणा की | मंत्री ने कहा कि यह अच्छी है |\nहोम | देश | विदेश |\n');
    assert.deepEqual(withBars.rows[0], withDandas.rows[0]);
    assert.equal(withBars.facts[0]!.endsSentence, true);
    assert.equal(withBars.facts[1]!.text, 'होम | देश | विदेश |', 'a menu ending in a bar keeps its bars');
    assert.equal(withBars.facts[1]!.endsSentence, false);
  });

  it('counts sentences begun inside a line exactly as the Unicode pattern does, up to ten', () => {
    const pattern = /\p{Sentence_Terminal}[”’"')\]]*\s+\S/gu;
    const terminal = /\p{Sentence_Terminal}/u;
    const random = seededRandom(5);
    const pieces = [
      'a',
      'Word',
      '.',
      '!',
      '?',
      '。',
      '।',
      '؟',
      '\u{11047}',
      '”',
      '’',
      '"',
      "'",
      ')',
      ']',
      ' ',
      '  ',
      '\t',
      '\u00a0',
      '\u3000',
      '😀',
      '\ud800',
      '9',
      '…',
    ];
    const column = FEATURE_NAMES.indexOf('sentencesInside');
    let matched = 0;
    for (let round = 0; round < 2_000; round++) {
      const lines = Array.from({ length: 10 }, () => 'x' + pickedString(random, pieces, 0, 14));
      const features = featuresOf(lines.join('\n'));
      for (const i of features.nonBlank) {
        const text = features.facts[i]!.text;
        // The column counts only in a line with a terminal within the BMP.
        const counted = [...Array(text.length).keys()].some(c => terminal.test(text[c]));
        const expected = counted ? Math.min(10, text.match(pattern)?.length ?? 0) : 0;
        if (expected) matched++;
        assert.equal(features.rows[i]![column], expected, JSON.stringify(text));
      }
    }
    assert.ok(matched > 5000, `only ${matched} lines held a sentence inside`);
  });

  it('marks a line link-like exactly where the address pattern matches it', () => {
    const random = seededRandom(6);
    const pieces = [
      'http',
      's',
      ':',
      '/',
      '//',
      'www',
      'WWW',
      'w',
      '.',
      'com',
      'Org',
      'NET',
      'c',
      'on',
      '@',
      ' ',
      'x',
      'Mail',
      '. ',
      ':\u00a0',
    ];
    const column = FEATURE_NAMES.indexOf('linkLike');
    let linked = 0;
    for (let round = 0; round < 600; round++) {
      const lines = Array.from({ length: 10 }, () => pickedString(random, pieces, 1, 8));
      const features = featuresOf(lines.join('\n'));
      for (const i of features.nonBlank) {
        const expected = +ADDRESS_LIKE.test(features.facts[i]!.text);
        linked += expected;
        assert.equal(features.rows[i]![column], expected, JSON.stringify(lines[i]));
      }
    }
    assert.ok(linked > 500, `only ${linked} lines were link-like`);
  });

  it('gives the body-overlap column of long words counted by their text, pages sharing one memo', () => {
    const random = seededRandom(9);
    const memo = new LineFeatureMemo();
    const column = FEATURE_NAMES.indexOf('bodyOverlap');
    for (let round = 0; round < 200; round++) {
      const features = featuresOf(randomPage(random, POOL, 2 + Math.floor(random() * 15)), memo);
      const facts = features.nonBlank.map(i => features.facts[i]!);
      assert.deepEqual(
        features.nonBlank.map(i => features.rows[i]![column]),
        naiveBodyOverlap(facts),
      );
    }
  });

  it('finds the headlines the search by word texts finds, pages sharing one memo or reading alone', () => {
    const random = seededRandom(10);
    const memo = new LineFeatureMemo();
    const seen = { farProse: 0, fallback: 0 };
    let found = 0;
    for (let round = 0; round < 500; round++) {
      // Half the pages open with a run of chrome longer than the headline's reach, so that lines far above the body are read too.
      const lead = round % 2 ? 14 + Math.floor(random() * 6) : 0;
      const features = featuresOf(randomPage(random, POOL, lead + 2 + Math.floor(random() * 15)), memo);
      const { facts, nonBlank } = features;
      const content = nonBlank.map(i => i >= lead && random() < 0.5);
      const margins = nonBlank.map(() => random() * 8 - 6);
      const expected = naiveHeadlines(facts, nonBlank, content, margins, -4, seen);
      found += expected.length;
      assert.deepEqual(headlineSearch(facts, nonBlank, content, margins, -4, features.longWords).found, expected);
      assert.deepEqual(headlineSearch(facts, nonBlank, content, margins, -4).found, expected);
    }
    assert.ok(found > 100, `only ${found} headlines found`);
    assert.ok(seen.farProse > 10 && seen.fallback > 10, `far sentences ${seen.farProse}, fallbacks ${seen.fallback}`);
  });
});
