// Scores a format-1 analysis against a gold set (see README, "Accuracy"): line-level boilerplate
// precision / recall / F1 with the share of article lines kept, and sentence-link precision /
// recall / F1. Gold "meta" and "blank" lines do not count; a predicted sentence stands for each
// gold sentence it overlaps by at least half of the shorter one.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const round4 = x => Math.round(x * 1e4) / 1e4;

function prf(tp, fp, fn) {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { p: round4(precision), r: round4(recall), f1: round4(f1), tp, fp, fn };
}

function scoreLines(gold, sourceByName) {
  const tally = { tp: 0, fp: 0, fn: 0, content: 0, kept: 0 };
  for (const [file, labels] of Object.entries(gold.lines)) {
    const predicted = sourceByName.get(file).lines;
    if (predicted.length !== labels.length) throw new Error(`${file}: ${predicted.length} lines analysed, gold has ${labels.length}`);
    for (let i = 0; i < labels.length; i++) {
      const marked = predicted[i].kind === 'boilerplate';
      if (labels[i] === 'boilerplate') marked ? tally.tp++ : tally.fn++;
      else if (labels[i] === 'content') {
        tally.content++;
        marked ? tally.fp++ : tally.kept++;
      }
    }
  }
  return { ...prf(tally.tp, tally.fp, tally.fn), contentKept: round4(tally.content ? tally.kept / tally.content : 1) };
}

function scoreLinks(gold, analysis) {
  // Gold sentences get ids by (file, start, end); gold links join every cross-file pair of a group.
  const ids = new Map();
  const spansOf = new Map();
  const goldLinks = new Set();
  const linkKey = (x, y) => (x < y ? `${x}-${y}` : `${y}-${x}`);
  for (const group of gold.groups) {
    const members = group.map(s => {
      const k = `${s.file}\u0000${s.start}\u0000${s.end}`;
      if (!ids.has(k)) {
        ids.set(k, ids.size);
        if (!spansOf.has(s.file)) spansOf.set(s.file, []);
        spansOf.get(s.file).push({ start: s.start, end: s.end, id: ids.get(k) });
      }
      return { file: s.file, id: ids.get(k) };
    });
    members.forEach((a, i) =>
      members.slice(i + 1).forEach(b => {
        if (a.file !== b.file) goldLinks.add(linkKey(a.id, b.id));
      }),
    );
  }
  const goldFor = (file, s) =>
    (spansOf.get(file) ?? [])
      .filter(g => {
        const overlap = Math.min(s.end, g.end) - Math.max(s.start, g.start);
        return overlap > 0 && overlap * 2 >= Math.min(s.end - s.start, g.end - g.start);
      })
      .map(g => g.id);
  const files = new Set(gold.files);
  const found = new Set();
  let unmapped = 0;
  for (const group of analysis.groups) {
    const members = group.members
      .map(m => ({ file: basename(analysis.sources[m.source].path), span: analysis.sources[m.source].sentences[m.sentence] }))
      .filter(m => files.has(m.file));
    members.forEach((a, i) =>
      members.slice(i + 1).forEach(b => {
        if (a.file === b.file) return;
        const ga = goldFor(a.file, a.span);
        const gb = goldFor(b.file, b.span);
        if (!ga.length || !gb.length) {
          unmapped++;
          return;
        }
        for (const x of ga) for (const y of gb) found.add(linkKey(x, y));
      }),
    );
  }
  const hits = [...found].filter(l => goldLinks.has(l)).length;
  return prf(hits, found.size - hits + unmapped, goldLinks.size - hits);
}

/** Scores `analysis` (format 1) against the gold set in `goldDir`. */
export function scoreAgainstGold(goldDir, analysis) {
  return scoreGold(JSON.parse(readFileSync(join(goldDir, 'gold.json'), 'utf8')), analysis);
}

/**
 * The gold set `gold` (as read from a gold.json) cut down to the versions `files`: their line
 * labels, and each group's sentences in them where two or more of them carry it.
 */
export function goldOfVersions(gold, files) {
  const kept = new Set(files);
  const cut = { ...gold, files: gold.files.filter(f => kept.has(f)) };
  if (gold.lines) cut.lines = Object.fromEntries(Object.entries(gold.lines).filter(([f]) => kept.has(f)));
  if (gold.groups)
    cut.groups = gold.groups.map(group => group.filter(s => kept.has(s.file))).filter(group => new Set(group.map(s => s.file)).size >= 2);
  return cut;
}

/** Scores `analysis` (format 1) against `gold` (as read from a gold.json). */
export function scoreGold(gold, analysis) {
  const sourceByName = new Map(analysis.sources.map(s => [basename(s.path), s]));
  const absent = gold.files.filter(f => !sourceByName.has(f));
  if (absent.length) throw new Error(`analysis lacks ${absent.join(', ')}`);
  const result = {};
  if (gold.lines) result.boiler = scoreLines(gold, sourceByName);
  if (gold.groups) result.align = scoreLinks(gold, analysis);
  return result;
}
