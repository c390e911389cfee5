import * as assert from 'node:assert/strict';
import { findStories, prepareSource } from '../../src/core';
import { seedInputs } from '../support/fixtures';
import { seededRandom } from '../support/random';

const HARBOUR = [
  'Harbour workers end strike after pay deal',
  'Dock workers in the northern port voted on Tuesday to accept a new pay offer, ending a strike that had lasted nine days.',
  'The union said the agreement raises wages by seven percent over two years and adds a bonus for night shifts.',
  'Container ships had queued outside the harbour for most of last week, and several carriers diverted cargo to other ports.',
  'Local businesses said the stoppage had left shelves empty and delayed deliveries of building materials.',
  'The port authority expects normal operations to resume by the weekend once the backlog of vessels is cleared.',
  'Negotiators met through the night at a hotel near the terminal before announcing the deal shortly after dawn.',
  'A spokesperson for the employers said the settlement was fair and would protect jobs at the terminal.',
  'Several workers told reporters they were relieved but worried about the pace of automation at the quays.',
  'The strike was the longest at the port since a dispute over pensions more than a decade ago.',
  'Farmers who export fruit through the harbour said some of their produce had spoiled while waiting on the docks.',
  'The transport minister welcomed the agreement and promised a review of safety rules for crane operators.',
  'Union leaders plan to hold a meeting next month to discuss training for the new electric cranes.',
];

const LIBRARY = [
  'City library reopens after three years of repairs',
  'The central library opened its doors again on Saturday after a renovation that cost more than twelve million dollars.',
  'Engineers replaced the leaking roof, restored the reading room ceiling and added a lift for wheelchair users.',
  'Hundreds of residents lined up before opening time, some carrying books they had borrowed before the closure.',
  'The building now has a workshop for young people with laser cutters, sewing machines and a small recording studio.',
  'Librarians spent months moving the collection back from a warehouse on the edge of the city.',
  'The mayor said the project had run over budget because the old foundations were weaker than surveys had shown.',
  'Opening hours will be extended into the evening on weekdays from next month, the library board said.',
  'The restored reading room seats two hundred people under a painted ceiling that had been hidden for decades.',
  'Volunteers will run free reading sessions for children every Saturday morning throughout the summer.',
  'A small exhibition on the ground floor tells the history of the building through old photographs and letters.',
  'Membership is free for residents, and visitors can apply for a temporary card at the front desk.',
];

interface Site {
  readonly name: string;
  readonly newsletter: string;
  readonly about: string;
}

const SITES: readonly Site[] = [
  {
    name: 'Coastal Ledger',
    newsletter: 'Sign up for our morning newsletter and get the stories that matter delivered to your inbox before breakfast.',
    about: 'The Coastal Ledger is an independent newsroom that has reported on the region for more than forty years.',
  },
  {
    name: 'Valley Courier',
    newsletter: 'Sign up for our morning newsletter and get the stories that matter delivered to your inbox before breakfast.',
    about: 'The Valley Courier is a reader-funded newsroom that has covered the valley and its towns since the war.',
  },
];

/** A page of `site` carrying `article` (headline first), with the site's chrome and teasers of `teased` stories. */
function page(site: Site, article: readonly string[], teased: readonly (readonly string[])[]): string {
  const lines = [site.name, '', '  • Home', '  • News', '  • Sport', '  • Opinion', '', article[0], '', 'By Staff Reporter', ''];
  for (let i = 1; i < article.length; i += 2) lines.push(article.slice(i, i + 2).join(' '), '');
  lines.push(site.newsletter, '', 'Related stories');
  // A teaser: the other story's headline and its first sentence.
  for (const other of teased) lines.push(`  • ${other[0]}`, `    ${other[1]}`);
  lines.push('', site.about, '', `© 2024 ${site.name}. All rights reserved.`);
  return lines.join('\n');
}

/** One word in each of several sentences replaced and two sentences swapped: a rewrite. */
function rewrite(article: readonly string[]): string[] {
  const out = article.map((s, i) => (i > 0 && i % 2 === 0 ? s.replace(/\b(\w{5,})\b/, 'reportedly') : s));
  [out[3], out[4]] = [out[4], out[3]];
  return out;
}

function partition(groups: readonly (readonly number[])[], ids: readonly string[]): string[] {
  return groups.map(g => g.map(i => ids[i]).sort().join(' ')).sort();
}

describe('Stories', () => {
  it('keeps apart two stories whose pages share only site chrome and teasers of each other', () => {
    const texts = [
      page(SITES[0], HARBOUR, [LIBRARY]),
      page(SITES[1], HARBOUR, [LIBRARY]),
      page(SITES[0], LIBRARY, [HARBOUR]),
      page(SITES[1], LIBRARY, [HARBOUR]),
    ];
    const grouping = findStories(texts.map(t => prepareSource(t)));
    assert.deepEqual(
      grouping.stories.map(s => s.sources),
      [
        [0, 1],
        [2, 3],
      ],
    );
    assert.deepEqual([...grouping.storyOfSource], [0, 0, 1, 1]);
  });

  it('joins a reprint and a rewrite of one story, on other sites, with its original', () => {
    const texts = [page(SITES[0], HARBOUR, []), page(SITES[1], HARBOUR, [LIBRARY]), page(SITES[1], rewrite(HARBOUR), [])];
    const grouping = findStories(texts.map(t => prepareSource(t)));
    assert.deepEqual(
      grouping.stories.map(s => s.sources),
      [[0, 1, 2]],
    );
    assert.equal(grouping.stories[0].title, HARBOUR[0]);
  });

  it('makes a story of one of a source that shares nothing, and puts every source in exactly one story, largest first', () => {
    const seeds = seedInputs();
    const texts = [page(SITES[0], LIBRARY, []), ...seeds.map(s => s.text), page(SITES[1], HARBOUR, [LIBRARY]), 'A note to self: buy milk.', ''];
    const grouping = findStories(texts.map(t => prepareSource(t)));
    const sizes = grouping.stories.map(s => s.sources.length);
    assert.deepEqual(sizes, [...sizes].sort((x, y) => y - x));
    const all = grouping.stories.flatMap(s => s.sources).sort((x, y) => x - y);
    assert.deepEqual(all, texts.map((_, i) => i));
    // The seeds are one story of five versions; each other page is alone.
    assert.deepEqual(grouping.stories[0].sources, [1, 2, 3, 4, 5]);
    assert.equal(grouping.stories.length, 5);
    for (const story of grouping.stories) assert.deepEqual(story.sources, [...story.sources].sort((x, y) => x - y));
  });

  it('finds the same stories, with the same titles, whatever the order of the files', () => {
    const seeds = seedInputs();
    const inputs = [
      ...seeds.map(s => ({ id: s.id, text: s.text })),
      { id: 'h1', text: page(SITES[0], HARBOUR, [LIBRARY]) },
      { id: 'h2', text: page(SITES[1], rewrite(HARBOUR), []) },
      { id: 'l1', text: page(SITES[0], LIBRARY, [HARBOUR]) },
      { id: 'l2', text: page(SITES[1], LIBRARY, [HARBOUR]) },
      { id: 'l3', text: page(SITES[1], rewrite(LIBRARY), []) },
      { id: 'copy', text: seeds[2].text },
    ];
    const expected = (() => {
      const g = findStories(inputs.map(i => prepareSource(i.text)));
      return { parts: partition(g.stories.map(s => s.sources), inputs.map(i => i.id)), titles: g.stories.map(s => s.title).sort() };
    })();
    assert.equal(expected.parts.length, 3);
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seededRandom(seed);
      const shuffled = [...inputs];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      const g = findStories(shuffled.map(i => prepareSource(i.text)));
      assert.deepEqual(partition(g.stories.map(s => s.sources), shuffled.map(i => i.id)), expected.parts, `shuffle ${seed}`);
      assert.deepEqual(g.stories.map(s => s.title).sort(), expected.titles, `shuffle ${seed}`);
    }
  });

  it('stays fast on a page repeating one sentence 45,000 times and on two sources cut from one template', function () {
    this.timeout(20_000);
    const repeated = 'The committee will publish its findings in the spring. '.repeat(45_000);
    const template = (seed: number) => {
      const random = seededRandom(seed);
      const places = ['north', 'south', 'east', 'west', 'centre'];
      return Array.from({ length: 10_000 }, (_, i) => `The ${places[i % 5]} report number ${i} was read by ${Math.floor(random() * 10_000)} people in the ${places[(i * 7) % 5]}.`).join('\n');
    };
    for (const texts of [[repeated, seedInputs()[0].text], [template(1), template(2)]]) {
      const prepared = texts.map(t => prepareSource(t));
      const start = process.hrtime.bigint();
      const grouping = findStories(prepared);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      assert.equal(grouping.storyOfSource.length, 2);
      // Generous: the stage takes a few tens of milliseconds here; quadratic work would take minutes.
      assert.ok(ms < 5_000, `${ms} ms`);
    }
  });
});
