// A mixed folder built from the gold sets beside the project: every story set (the seeds and
// each dev set with sentence groups) and every single page of the dev page sets, copied under
// neutral names (doc-001.txt, …) in a seeded shuffled order, so nothing in a name tells which
// story a file belongs to. The truth comes from the folders (one story per story set, one per
// single page), corrected where single pages of the page sets report one event: read side by
// side, each pair below is one story by the rule the story sets follow (versions of one event,
// rewrites of one wire story included), so counting them apart would score a right join as wrong.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The seeded generator the tests and training use (in the built core).
const { seededRandom } = createRequire(import.meta.url)(join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bench-core.js'));

/**
 * Single pages of the page sets that report one event, found by reading every pair the story
 * stage joined across the page sets: a case report on a lung disease and a rewrite of it from
 * another outlet (they share a quote and the report's facts); a wire story on a state
 * investigation and a rewrite that credits it; a tour announcement and a local report that
 * cites it.
 */
export const ONE_EVENT = [
  ['dev/pages-more/25_forbes.com.txt', 'dev/pages-more/27_gizmodo.com.txt'],
  ['dev/pages/25_venturebeat.com.txt', 'dev/pages-more/68_techcrunch.com.txt'],
  ['dev/pages-more/61_rollingstone.com.txt', 'dev/pages-more/14_cleveland.com.txt'],
];

/**
 * Returns `{ files, stories, folderStories, sets }`: `files` as `{ name, text, origin }` in the shuffled order
 * (origin = `set/file`), `stories` as lists of indices into `files` (one per story, truth),
 * `folderStories` the same as the folders alone say (every single page a story of its own),
 * `sets` the gold sets with groups as `{ name, dir, files: [[neutralName, goldName]] }`.
 * `shared` is the folder holding `seeds/` and `dev/`; `seed` seeds the shuffle.
 */
export function mixedCorpus(shared, seed) {
  const random = seededRandom(seed);
  const entries = [];
  const storySets = [];
  const addSet = (name, dir) => {
    const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8'));
    const story = gold.groups !== undefined && gold.files.length > 1;
    for (const file of gold.files)
      entries.push({
        origin: `${name}/${file}`,
        text: readFileSync(join(dir, file), 'utf8'),
        story: story ? name : `${name}/${file}`,
        set: name,
        file,
      });
    if (story) storySets.push({ name, dir });
  };
  if (existsSync(join(shared, 'seeds', 'gold.json'))) addSet('seeds', join(shared, 'seeds'));
  const dev = join(shared, 'dev');
  if (existsSync(dev))
    for (const name of readdirSync(dev).sort()) if (existsSync(join(dev, name, 'gold.json'))) addSet(`dev/${name}`, join(dev, name));
  // Fisher–Yates with the seeded generator.
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j], entries[i]];
  }
  const files = entries.map((e, i) => ({ name: `doc-${String(i + 1).padStart(3, '0')}.txt`, text: e.text, origin: e.origin }));
  const storiesBy = keyOf => {
    const byStory = new Map();
    entries.forEach((e, i) => {
      const key = keyOf(e);
      if (!byStory.has(key)) byStory.set(key, []);
      byStory.get(key).push(i);
    });
    return [...byStory.values()];
  };
  const eventOf = new Map(ONE_EVENT.flatMap(pair => pair.map(origin => [origin, pair[0]])));
  const sets = storySets.map(s => ({
    ...s,
    files: entries
      .map((e, i) => [files[i].name, e.file, e.set])
      .filter(x => x[2] === s.name)
      .map(x => [x[0], x[1]]),
  }));
  return {
    files,
    stories: storiesBy(e => eventOf.get(e.origin) ?? e.story),
    folderStories: storiesBy(e => e.story),
    sets,
  };
}

/**
 * Pair measures of found stories against the truth: precision, recall and F1 over the pairs of
 * sources put in one story. Both arguments are lists of lists of source indices.
 */
export function storyPairScores(found, truth) {
  const storyOf = new Map();
  truth.forEach((s, i) => s.forEach(x => storyOf.set(x, i)));
  const pairs = stories => stories.reduce((n, s) => n + (s.length * (s.length - 1)) / 2, 0);
  let hit = 0;
  for (const s of found) {
    const counts = new Map();
    for (const x of s) counts.set(storyOf.get(x), (counts.get(storyOf.get(x)) ?? 0) + 1);
    for (const c of counts.values()) hit += (c * (c - 1)) / 2;
  }
  const foundPairs = pairs(found);
  const truePairs = pairs(truth);
  const p = foundPairs ? hit / foundPairs : 1;
  const r = truePairs ? hit / truePairs : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, foundPairs, truePairs, hit };
}

/**
 * Statement links (pairs of group members from different sources) and how many of them join
 * sources of different stories of the truth. `analysis` is a format-1 export.
 */
export function crossStoryLinks(analysis, truth) {
  const storyOf = new Map();
  truth.forEach((s, i) => s.forEach(x => storyOf.set(x, i)));
  let links = 0;
  let cross = 0;
  for (const group of analysis.groups) {
    const members = group.members;
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        if (members[i].source === members[j].source) continue;
        links++;
        if (storyOf.get(members[i].source) !== storyOf.get(members[j].source)) cross++;
      }
    }
  }
  return { links, cross };
}

/**
 * The part of a format-1 export that concerns one gold set of the mixed folder: its sources
 * under their gold names, and the groups' members among them (groups left with fewer than two
 * members dropped), so the set's gold scores it as if it were analysed alone.
 */
export function restrictToSet(analysis, set) {
  const goldName = new Map(set.files);
  const base = path => path.slice(path.lastIndexOf('/') + 1);
  const kept = [];
  const newIndex = new Map();
  analysis.sources.forEach((s, i) => {
    const name = goldName.get(base(s.path));
    if (name === undefined) return;
    newIndex.set(i, kept.length);
    kept.push({ ...s, path: name });
  });
  const groups = analysis.groups
    .map(g => ({ members: g.members.filter(m => newIndex.has(m.source)).map(m => ({ ...m, source: newIndex.get(m.source) })) }))
    .filter(g => g.members.length >= 2);
  return { ...analysis, sources: kept, groups };
}
