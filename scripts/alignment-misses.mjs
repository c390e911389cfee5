// node scripts/alignment-misses.mjs GOLD_DIR [--groups]: the alignment links of the JSON export
// that the gold lacks (false) and the gold links it lacks (missed), each with the two sentences'
// texts, their gold group and the group the analysis put each in; with --groups, every gold and
// every analysed group as well. Sentences are matched to gold sentences as scripts/gold-score.mjs
// does (overlap of at least half the shorter); links of a member that matches no gold sentence,
// which that scorer counts as false too, are not listed. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [goldDir, ...flags] = process.argv.slice(2);
if (!goldDir) {
  console.error('usage: node scripts/alignment-misses.mjs GOLD_DIR [--groups]');
  process.exit(2);
}
const gold = JSON.parse(readFileSync(join(goldDir, 'gold.json'), 'utf8'));
const analysis = JSON.parse(
  execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'analyze', '--format', 'json', ...gold.files.map(f => join(goldDir, f))], {
    maxBuffer: 1 << 28,
  }),
);
const texts = new Map(gold.files.map(f => [f, readFileSync(join(goldDir, f), 'utf8')]));
const key = (a, b) => (a < b ? `${a}|${b}` : `${b}|${a}`);

// Gold sentences, numbered once each, with their gold group; gold links between files.
const goldSentences = new Map();
const byId = [];
const goldGroupOf = [];
const goldLinks = new Set();
gold.groups.forEach((group, g) => {
  const ids = group.map(s => {
    const list = goldSentences.get(s.file) ?? goldSentences.set(s.file, []).get(s.file);
    let found = list.find(x => x.start === s.start && x.end === s.end);
    if (!found) {
      found = { ...s, id: byId.length };
      list.push(found);
      byId.push(found);
    }
    goldGroupOf[found.id] = g;
    return found;
  });
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) if (ids[i].file !== ids[j].file) goldLinks.add(key(ids[i].id, ids[j].id));
});
const goldIdsOf = (file, s) =>
  (goldSentences.get(file) ?? [])
    .filter(g => {
      const overlap = Math.min(s.end, g.end) - Math.max(s.start, g.start);
      return overlap > 0 && overlap >= 0.5 * Math.min(s.end - s.start, g.end - g.start);
    })
    .map(g => g.id);

// The analysis's links, and the group each gold sentence landed in.
const links = new Set();
const groupOf = new Map();
const memberOf = m => ({ file: basename(analysis.sources[m.source].path), sentence: analysis.sources[m.source].sentences[m.sentence], m });
analysis.groups.forEach((group, g) => {
  const members = group.members.map(memberOf).filter(x => texts.has(x.file));
  for (const x of members) for (const id of goldIdsOf(x.file, x.sentence)) groupOf.set(id, g);
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++) {
      if (members[i].file === members[j].file) continue;
      for (const a of goldIdsOf(members[i].file, members[i].sentence))
        for (const b of goldIdsOf(members[j].file, members[j].sentence)) links.add(key(a, b));
    }
});

const line = s => `${s.file} @${s.start}: ${texts.get(s.file).slice(s.start, s.end)}`;
const show = (label, link) => {
  const [a, b] = link.split('|').map(Number);
  console.log(`${label} gold ${goldGroupOf[a]}/${goldGroupOf[b]}, analysed ${groupOf.get(a) ?? '-'}/${groupOf.get(b) ?? '-'}`);
  console.log(`    ${line(byId[a])}\n    ${line(byId[b])}`);
};
const falseLinks = [...links].filter(l => !goldLinks.has(l));
const missed = [...goldLinks].filter(l => !links.has(l));
console.log(`gold links ${goldLinks.size}, analysed ${links.size}, false ${falseLinks.length}, missed ${missed.length}`);
for (const l of falseLinks) show('FALSE', l);
for (const l of missed) show('MISSED', l);
if (flags.includes('--groups')) {
  gold.groups.forEach((group, g) => {
    console.log(`gold group ${g}`);
    for (const s of group) console.log(`    ${line(s)}`);
  });
  analysis.groups.forEach((group, g) => {
    console.log(`analysed group ${g}`);
    for (const x of group.members.map(memberOf))
      console.log(`    ${line({ file: x.file, start: x.sentence.start, end: x.sentence.end })} (similarity ${x.m.similarity})`);
  });
}
