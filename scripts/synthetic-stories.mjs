// Seeded synthetic corpora of many stories, for measuring the story stage: each story is told
// by several pages (5-9) of different sites; each page keeps about 70% of its story's
// sentences (a quarter of them reworded: a word dropped, two swapped, one replaced or added)
// and carries its site's chrome (a menu, a newsletter sign-up and an "about" line written as
// prose, a footer, the same on every page of the site whatever the story) and teasers of other
// stories (their headlines as related links, sometimes with their first sentence).

const FUNCTION_WORDS = [
  'the',
  'of',
  'and',
  'to',
  'in',
  'a',
  'is',
  'that',
  'for',
  'it',
  'as',
  'was',
  'with',
  'on',
  'by',
  'at',
  'from',
  'his',
  'her',
  'they',
  'this',
  'had',
  'have',
  'are',
  'not',
  'but',
  'which',
  'said',
];
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tus',
  'va',
  'dor',
  'pel',
  'si',
  'gra',
  'mon',
  'ti',
  'bar',
  'ne',
  'qui',
  'zal',
  'fen',
  'ro',
  'cha',
  'wel',
  'dri',
  'um',
  'sto',
  'lin',
];
/** Notices written as prose that name no site, so that several sites print the same one (a consent banner, an appeal for support). */
const NOTICES = [
  'We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.',
  'Our journalism is independent and relies on the support of readers like you. Please consider making a contribution today.',
  'You have reached your limit of free articles this month. Subscribe now for unlimited access to every story.',
  'Comments are moderated and may take up to a day to appear. Please keep the discussion civil and on topic.',
  'The information on this site is for general purposes only and does not constitute legal, financial or medical advice.',
  'Want more stories like this? Subscribe to our weekly briefing and never miss an update from our reporters.',
];
const MENU = ['Home', 'World', 'Politics', 'Business', 'Technology', 'Science', 'Health', 'Sports', 'Opinion', 'Culture'];

/**
 * Returns `{ files, stories }`: `files` as `{ id, text }` in a shuffled order, `stories` the
 * truth as lists of indices into `files`. `random` is a seeded generator (numbers in [0, 1)).
 * About 4 KB per page: 300 stories give about 2,000 pages and 8 MB. The options shape the
 * corpus (the defaults make the benchmark's corpora): `sites`; `sentences`, the least number of
 * sentences a story has, and `moreSentences`, how many more it may have; `kept`, the share of
 * them a page keeps; `reworded`, the share of a page's sentences reworded, each `rewordings`
 * times; `topics`, how many stories in a row share their names (follow-ups of one subject);
 * `snippets`, the share of teasers with a snippet, of `snippetSentences` sentences; `briefs`,
 * the share of pages that tell only the story's first 3-5 sentences; `mostRead`, how many
 * stories each site's box of its most read stories teases at the foot of every page of the
 * site (their headlines and first sentences, of as many different stories), each headline marked as
 * `mostReadMark` says ("{n}" stands for its number: "{n}. " numbers them, "VIDEO: " labels them);
 * `sharedNotices`, how many of the notices written as prose that name no site (`NOTICES`, at
 * most its six) the sites draw theirs from, two different ones each (the one where there is
 * one), so that sites print the same ones; `noticesAbove`, the share of sites that print their
 * notices above the headline (a consent banner at the top of every page) instead of under the
 * article.
 */
export function syntheticStories(
  storyCount,
  random,
  {
    sites = Math.max(8, Math.round(storyCount / 5)),
    sentences: leastSentences = 28,
    moreSentences = 12,
    kept: keptShare = 0.7,
    reworded = 0.25,
    rewordings = 1,
    topics = 1,
    snippets = 0.3,
    snippetSentences = 1,
    briefs = 0,
    mostRead = 0,
    mostReadMark = '{n}. ',
    sharedNotices = 0,
    noticesAbove = 0,
  } = {},
) {
  const int = n => Math.floor(random() * n);
  const pick = list => list[int(list.length)];
  const word = () => Array.from({ length: 2 + int(3) }, () => pick(SYLLABLES)).join('');
  const vocabulary = Array.from({ length: 20000 }, word);
  // Common words are drawn more often (a rough Zipf law), so stories share much vocabulary.
  const common = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)];
  const capital = w => w[0].toUpperCase() + w.slice(1);
  const sentence = (names, length) => {
    const ws = [];
    for (let i = 0; i < length; i++) ws.push(random() < 0.4 ? pick(FUNCTION_WORDS) : random() < 0.3 ? pick(names) : common());
    return `${capital(ws.join(' '))}.`;
  };
  let names;
  const stories = Array.from({ length: storyCount }, (_, k) => {
    if (k % topics === 0) names = Array.from({ length: 6 }, () => capital(word()));
    const headline = capital(Array.from({ length: 8 }, () => (random() < 0.4 ? pick(names) : common())).join(' '));
    return { headline, sentences: Array.from({ length: leastSentences + int(moreSentences) }, () => sentence(names, 10 + int(14))) };
  });
  // `count` different stories (all of them where there are fewer), drawn at random.
  const distinctStories = count => {
    const drawn = new Set();
    while (drawn.size < Math.min(count, storyCount)) drawn.add(int(storyCount));
    return [...drawn].map(k => stories[k]);
  };
  // Two different notices of `pool` (its one where it holds one), drawn at random.
  const twoNotices = pool => {
    const first = int(pool.length);
    return pool.length > 1 ? [pool[first], pool[(first + 1 + int(pool.length - 1)) % pool.length]] : pool;
  };
  const siteChrome = Array.from({ length: sites }, () => {
    const name = `${capital(word())} ${pick(['News', 'Daily', 'Post', 'Times', 'Herald'])}`;
    return {
      name,
      menu: MENU.filter(() => random() < 0.8),
      newsletter: `Sign up for the ${name} newsletter to get the stories that matter delivered to your inbox every morning.`,
      about: `${name} is an independent newsroom that has covered the region and the wider world for more than ${10 + int(80)} years.`,
      footer: `© ${2000 + int(25)} ${name}. All rights reserved.`,
      mostRead: distinctStories(mostRead),
      notices: sharedNotices ? twoNotices(NOTICES.slice(0, sharedNotices)) : [],
      // No draw where no site does, so that the other shapes stay as they were.
      noticesAbove: noticesAbove > 0 && random() < noticesAbove,
    };
  });
  const FILLERS = ['reportedly', 'also', 'on Monday', 'officials said', 'in a statement'];
  const reword = s => {
    const ws = s.slice(0, -1).split(' ');
    const i = int(ws.length);
    const op = int(4);
    if (op === 0 && ws.length > 6) ws.splice(i, 1);
    else if (op === 1 && i + 1 < ws.length) [ws[i], ws[i + 1]] = [ws[i + 1], ws[i]];
    else if (op === 2) ws[i] = common();
    else ws.splice(i, 0, pick(FILLERS));
    return `${ws.join(' ')}.`;
  };
  const pages = [];
  stories.forEach((story, storyIndex) => {
    const count = 5 + int(5);
    for (let v = 0; v < count; v++) {
      const site = siteChrome[int(sites)];
      const told = briefs && random() < briefs ? story.sentences.slice(0, 3 + int(3)) : story.sentences;
      const kept = told
        .filter(() => random() < keptShare)
        .map(s => {
          if (random() >= reworded) return s;
          for (let r = 0; r < rewordings; r++) s = reword(s);
          return s;
        });
      const lines = [
        site.name,
        '',
        ...site.menu.map(m => `  • ${m}`),
        '',
        ...(site.noticesAbove ? site.notices.flatMap(notice => [notice, '']) : []),
        story.headline,
        '',
        `By ${capital(word())} ${capital(word())}`,
        '',
      ];
      for (let i = 0; i < kept.length; i += 3) lines.push(kept.slice(i, i + 3).join(' '), '');
      lines.push(site.newsletter, '');
      if (!site.noticesAbove) for (const notice of site.notices) lines.push(notice, '');
      lines.push('Related stories');
      for (let t = 0; t < 4; t++) {
        const other = stories[int(storyCount)];
        if (other === story) continue;
        lines.push(`  • ${other.headline}`);
        if (random() < snippets) lines.push(`    ${other.sentences.slice(0, snippetSentences).join(' ')}`);
      }
      lines.push('', site.about, '', site.footer);
      if (site.mostRead.length) {
        lines.push('', 'Most read');
        site.mostRead.forEach((other, k) =>
          lines.push(`${mostReadMark.replace('{n}', String(k + 1))}${other.headline}`, `   ${other.sentences[0]}`),
        );
      }
      pages.push({ story: storyIndex, text: lines.join('\n') });
    }
  });
  for (let i = pages.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [pages[i], pages[j]] = [pages[j], pages[i]];
  }
  const truth = stories.map(() => []);
  pages.forEach((p, i) => truth[p.story].push(i));
  return { files: pages.map((p, i) => ({ id: `page-${String(i).padStart(5, '0')}.txt`, text: p.text })), stories: truth };
}

/**
 * A third of the pages of `corpus` (`{ files, stories }`, stories as indices into files), drawn
 * with `random`, and its stories as indices into those pages, the stories left without a page
 * dropped: most stories keep one to four pages and many keep one, as a corpus gathered from
 * fewer sites holds them.
 */
export function sparseCorpus(corpus, random) {
  const kept = corpus.files.map((_, i) => i).filter(() => random() < 1 / 3);
  const keptIndex = new Map(kept.map((i, j) => [i, j]));
  return {
    files: kept.map(i => corpus.files[i]),
    stories: corpus.stories.map(story => story.filter(i => keptIndex.has(i)).map(i => keptIndex.get(i))).filter(story => story.length),
  };
}

/**
 * Shapes of synthetic corpora, the benchmark's first, each a label and the options of
 * `syntheticStories`: the story stage must not depend on the pages being long, the rewrites light,
 * the teasers short or their headlines unmarked (`npm run eval` scores each).
 */
export const STORY_SHAPES = [
  ['as in the benchmark', {}],
  ['short pages', { sentences: 6, moreSentences: 8 }],
  ['heavy rewrites', { kept: 0.45, reworded: 0.6, rewordings: 2 }],
  ['follow-ups, long teasers', { topics: 3, snippets: 0.6, snippetSentences: 2 }],
  ['briefs among the versions', { briefs: 0.4 }],
  [
    'all of these at once',
    {
      sentences: 8,
      moreSentences: 10,
      kept: 0.5,
      reworded: 0.5,
      rewordings: 2,
      topics: 3,
      snippets: 0.5,
      snippetSentences: 2,
      briefs: 0.4,
    },
  ],
  ["short pages, each site's most-read box numbered", { sentences: 6, moreSentences: 6, kept: 0.6, reworded: 0.4, mostRead: 6 }],
  ['the same, its headlines labelled', { sentences: 6, moreSentences: 6, kept: 0.6, reworded: 0.4, mostRead: 6, mostReadMark: 'VIDEO: ' }],
  ['the same, its headlines unmarked', { sentences: 6, moreSentences: 6, kept: 0.6, reworded: 0.4, mostRead: 6, mostReadMark: '' }],
  ['short pages, notices shared among sites', { sentences: 6, moreSentences: 8, sharedNotices: 3 }],
  ['the same, half the sites printing them above the headline', { sentences: 6, moreSentences: 8, sharedNotices: 3, noticesAbove: 0.5 }],
];
