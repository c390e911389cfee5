/** Pages of two invented stories on two invented sites, with site chrome and teasers, for the story tests. */

export const HARBOUR = [
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

export const LIBRARY = [
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

export interface Site {
  readonly name: string;
  readonly newsletter: string;
  readonly about: string;
}

export const SITES: readonly Site[] = [
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
export function page(site: Site, article: readonly string[], teased: readonly (readonly string[])[]): string {
  const lines = [site.name, '', '  • Home', '  • News', '  • Sport', '  • Opinion', '', article[0], '', 'By Staff Reporter', ''];
  for (let i = 1; i < article.length; i += 2) lines.push(article.slice(i, i + 2).join(' '), '');
  lines.push(site.newsletter, '', 'Related stories');
  // A teaser: the other story's headline and its first sentence.
  for (const other of teased) lines.push(`  • ${other[0]}`, `    ${other[1]}`);
  lines.push('', site.about, '', `© 2024 ${site.name}. All rights reserved.`);
  return lines.join('\n');
}

/** One word in each of several sentences replaced and two sentences swapped: a rewrite. */
export function rewrite(article: readonly string[]): string[] {
  const out = article.map((s, i) => (i > 0 && i % 2 === 0 ? s.replace(/\b(\w{5,})\b/, 'reportedly') : s));
  [out[3], out[4]] = [out[4], out[3]];
  return out;
}

/**
 * A page of `site` whose short `article` runs a teaser of `teased` (its headline and first
 * sentence) straight after it, with no heading, where the page alone reads it as more of the
 * article.
 */
export function teasingPage(site: Site, article: readonly string[], teased: readonly string[]): string {
  return [
    ...page(site, article, []).split('\n').slice(2, 11),
    article.slice(1).join(' '),
    '',
    `  • ${teased[0]}`,
    `    ${teased[1]}`,
    '',
    site.about,
    '',
    `© 2024 ${site.name}. All rights reserved.`,
  ].join('\n');
}

export const FERRY = [
  'Night ferry to the islands returns after engine repairs',
  'The overnight ferry to the outer islands sailed again on Friday after three weeks in dry dock for new engines.',
  'Islanders had relied on a smaller boat that could not carry trucks, leaving shops short of fresh food.',
  'The operator said the new engines burn less fuel and should cut the crossing by almost an hour.',
  'Tickets bought for cancelled sailings will be refunded in full or can be moved to a later date.',
];

export const MARKET = [
  'Farmers market moves to the old railway yard',
  'The weekly farmers market will open in the old railway yard next spring, after outgrowing the square it has used since 1998.',
  'Stallholders said the square had no room for more vans and that customers struggled to find parking on busy mornings.',
  'The council will lay new paving in the yard and put up a roof over part of it so the market can run in the rain.',
  'Some traders worry that fewer shoppers will walk the extra distance from the bus station to reach the new site.',
];

/**
 * Two stories of one subject, days apart: each statement names two of the same people, places
 * and bodies (Elena Varga, Port Halden, the Harbour Board, Northern Ferries), and says
 * something the other story does not; the last sentences of both share a phrase too ("summer
 * tourists").
 */
export const PIER_CLOSED = [
  'Storm damage shuts the old pier',
  'Engineers warned Elena Varga that the wooden pier at Port Halden could collapse within weeks.',
  'Inspectors from the Harbour Board found deep cracks in three pillars near Port Halden.',
  'Last night Elena Varga ordered the pier shut until the Harbour Board approves new supports.',
  'Fishing crews were asked to moor their boats beside the Northern Ferries terminal.',
  'Repairs paid for by the Harbour Board should take most of the spring, Elena Varga said.',
  'Traders in Port Halden fear the closure will keep summer tourists away.',
];
export const FERRY_STRIKE = [
  'Ferry walkout strands holiday travellers',
  'Staff of Northern Ferries walked out on Friday, stranding hundreds of travellers in Port Halden.',
  'Their union accuses the Harbour Board of cutting night shifts in Port Halden without notice.',
  'On Saturday Elena Varga urged the Harbour Board and the union to meet before the weekend.',
  'Northern Ferries replied that its managers would sail the morning boats themselves.',
  'The Harbour Board denied any plan to reduce staff, a spokesman wrote to Elena Varga.',
  'Hotel owners in Port Halden reported cancellations as summer tourists stayed away.',
];

/**
 * `PIER_CLOSED` as another desk retold it: every statement keeps its names, and only one keeps
 * more than a word of its wording ("deep cracks in three pillars").
 */
export const PIER_RETOLD = [
  'Old jetty closed by council order',
  'Elena Varga heard from surveyors that Port Halden may lose its timber jetty.',
  'Deep cracks in three pillars near Port Halden were reported by inspectors from the Harbour Board.',
  'A ban on use of the jetty stays until the Harbour Board signs off, Elena Varga decided.',
  'Boats now tie up next to the Northern Ferries terminal.',
  'Elena Varga expects the Harbour Board to fund months of work.',
];
