// Seeded corpora of many stories in real language, for measuring the story stage on text that no
// generator wrote: each article of the dev page sets (its `content` lines by the gold) is a
// story, told by several pages (3-7) of different sites. A site is one dev page's chrome (its
// boilerplate lines before the article and its last ones, the same on every page of the site
// whatever the story). Each page keeps about three quarters of its story's paragraphs, a
// quarter of them reworded (a word dropped, two swapped, one replaced by a word of another
// story, or one added), and lists the headlines of other stories as teasers, sometimes with
// the first sentence of their first paragraph. The articles are in English, German and Russian, and many of them
// report on the same subjects (technology, politics, sport), so stories share vocabulary and
// names as real ones do.
//
//   npm run build && node scripts/page-stories.mjs [--seed S] [--keep DIR]
//
// Prints the story pair measures and the statement links that join different stories, for the
// whole CLI (`synoptic analyze --format json`). Pages of the page sets that report one event
// (`ONE_EVENT` of mixed-corpus.mjs) are one story in the truth.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ONE_EVENT, crossStoryLinks, storyPairScores } from './mixed-corpus.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { seededRandom } = createRequire(import.meta.url)(join(root, 'dist', 'bench-core.js'));

/** Lines of a page's chrome after its article that make its site's footer. */
const FOOTER_LINES = 15;

/** A teaser's snippet of a paragraph: its first sentence, as a list of related stories shows it. */
function snippet(paragraph) {
  const end = paragraph.search(/[.!?。](?=\s+\p{Lu})/u);
  return end > 0 ? paragraph.slice(0, end + 1) : paragraph;
}

/** The words of four letters or more of a line, lower case. */
function longWords(line) {
  return (line.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter(Boolean);
}

/** The article (content lines) and chrome (boilerplate before and after it) of each dev page. */
function readPages(shared) {
  const pages = [];
  for (const set of ['pages', 'pages-more']) {
    const dir = join(shared, 'dev', set);
    const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8'));
    for (const file of gold.files) {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n');
      const labels = gold.lines[file];
      const content = lines.map((_, i) => i).filter(i => labels[i] === 'content');
      if (content.length < 3) continue;
      const [first, last] = [content[0], content[content.length - 1]];
      // A page's chrome may repeat its own story (the headline in a breadcrumb, the lede in a
      // share box): such lines are the story's, not the site's, and are left out of the site.
      const articleWords = new Set(content.flatMap(i => longWords(lines[i])));
      const ownStory = line => {
        const ws = longWords(line);
        return ws.length >= 2 && ws.filter(w => articleWords.has(w)).length >= ws.length / 2;
      };
      const chrome = (from, to) =>
        lines.slice(from, to).filter((line, k) => (labels[from + k] === 'boilerplate' && !ownStory(line)) || labels[from + k] === 'blank');
      // The footer is the page's last chrome lines; what stands between the article and them
      // (comments, lists of related and most read stories) belongs to the page, not the site.
      const tail = chrome(last + 1, lines.length);
      let kept = 0;
      let from = tail.length;
      while (from > 0 && kept < FOOTER_LINES) if (tail[--from].trim()) kept++;
      pages.push({
        origin: `dev/${set}/${file}`,
        article: content.map(i => lines[i].trim()).filter(Boolean),
        header: chrome(0, first),
        footer: tail.slice(from),
      });
    }
  }
  return pages;
}

/**
 * Returns `{ files, stories }`: `files` as `{ id, text }` in a shuffled order, `stories` the
 * truth as lists of indices into `files`. `random` is a seeded generator.
 */
export function pageStories(shared, random, { teaserHeading = '', teaserParagraphs = 0.3 } = {}) {
  const int = n => Math.floor(random() * n);
  const pick = list => list[int(list.length)];
  const pages = readPages(shared);
  const words = pages.flatMap(p => p.article.join(' ').split(/\s+/)).filter(w => /^\p{L}{4,}$/u.test(w));
  const reword = paragraph => {
    const ws = paragraph.split(' ');
    const i = int(ws.length);
    const op = int(4);
    if (op === 0 && ws.length > 6) ws.splice(i, 1);
    else if (op === 1 && i + 1 < ws.length) [ws[i], ws[i + 1]] = [ws[i + 1], ws[i]];
    else if (op === 2) ws[i] = pick(words);
    else ws.splice(i, 0, pick(words));
    return ws.join(' ');
  };
  const out = [];
  pages.forEach((story, storyIndex) => {
    const count = 3 + int(5);
    for (let v = 0; v < count; v++) {
      const site = pick(pages);
      const [headline, ...body] = story.article;
      const kept = body.filter(() => random() < 0.75).map(p => (random() < 0.25 ? reword(p) : p));
      const lines = [...site.header, '', headline, '', ...kept.flatMap(p => [p, '']), ''];
      if (teaserHeading) lines.push(teaserHeading);
      for (let t = 0; t < 4; t++) {
        const other = pick(pages);
        if (other === story) continue;
        lines.push(`  • ${other.article[0]}`);
        if (random() < teaserParagraphs) lines.push(`    ${snippet(other.article[1])}`);
      }
      lines.push('', ...site.footer);
      out.push({ story: storyIndex, text: lines.join('\n') });
    }
  });
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  const files = out.map((p, i) => ({ id: `page-${String(i + 1).padStart(4, '0')}.txt`, text: p.text }));
  // One event told by two dev pages is one story.
  const eventOf = new Map(ONE_EVENT.flatMap(pair => pair.map(origin => [origin, pair[0]])));
  const keyOf = storyIndex => eventOf.get(pages[storyIndex].origin) ?? pages[storyIndex].origin;
  const byStory = new Map();
  out.forEach((p, i) => {
    const key = keyOf(p.story);
    if (!byStory.has(key)) byStory.set(key, []);
    byStory.get(key).push(i);
  });
  return { files, stories: [...byStory.values()] };
}

function main() {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      keep: { type: 'string' },
      'teaser-heading': { type: 'string', default: '' },
      'teaser-paragraphs': { type: 'string', default: '0.3' },
    },
  });
  const shared = resolve(process.env.SYNOPTIC_SHARED ?? join(root, '..', 'shared'));
  const corpus = pageStories(shared, seededRandom(Number(values.seed)), {
    teaserHeading: values['teaser-heading'],
    teaserParagraphs: Number(values['teaser-paragraphs']),
  });
  const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'synoptic-page-stories-'));
  mkdirSync(dir, { recursive: true });
  for (const f of corpus.files) writeFileSync(join(dir, f.id), f.text);
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'analyze', '--format', 'json', ...corpus.files.map(f => f.id)], {
    cwd: dir,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(run.stderr);
  const exported = JSON.parse(run.stdout);
  const pairs = storyPairScores(
    exported.stories.map(s => s.sources),
    corpus.stories,
  );
  const links = crossStoryLinks(exported, corpus.stories);
  const megabytes = corpus.files.reduce((n, f) => n + Buffer.byteLength(f.text), 0) / 1e6;
  console.log(
    `seed ${values.seed}: ${corpus.files.length} pages (${megabytes.toFixed(1)} MB), ${corpus.stories.length} stories; ` +
      `found ${exported.stories.length}; pairs P ${pairs.p.toFixed(4)} R ${pairs.r.toFixed(4)} F1 ${pairs.f1.toFixed(4)}; ` +
      `links across stories ${links.cross} of ${links.links}; ${(ms / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
