/**
 * passim's output read back as stories. passim (seriatim) writes one JSON record per passage
 * of a cluster: `cluster`, `size`, `uid` (a 64-bit hash of `id`), `begin`/`end` (offsets in
 * Unicode code points into the text it was given), `boiler`, `src`, `id`, `text`, … The
 * older Scala version wrote `gid` (a series hash), and `bw`/`ew`, the passage's bounds in
 * words, beside `begin`/`end`. 64-bit integers are kept exactly (lossless-json), since
 * `JSON.parse` rounds them beyond 2^53.
 */
import { isInteger, parse } from 'lossless-json';
import { CorpusAnalysis } from '../core';
import { PassimText, originalOffset, passimText } from './passim';
import { storyTitle } from './stories';

/** One passage of a cluster, as passim wrote it. */
export interface PassimRecord {
  /** The cluster's id: a number where it is a safe integer, else its decimal digits. */
  readonly cluster: number | string;
  readonly id: string;
  /** The document's 64-bit uid in decimal, when the record has one. */
  readonly uid?: string;
  /** Bounds in code points (`begin`/`end`), or in words (`bw`/`ew`) where only those are given. */
  readonly begin: number;
  readonly end: number;
  readonly unit: 'codePoints' | 'words';
  /** The passage's text, when the record carries it. */
  readonly text?: string;
}

/** Why a line gave no record: not JSON, or JSON without the fields a passage needs. */
export class BrokenRecord extends Error {}

/** A record that names a document but no cluster: a line of passim's input, not of its output. */
export class UnclusteredRecord extends BrokenRecord {}

/** Parses one line of passim's output. Throws `BrokenRecord` (`UnclusteredRecord` for a document without a cluster). O(line length). */
export function parsePassimRecord(line: string): PassimRecord {
  let value: unknown;
  try {
    // Integers stay as their digits; other numbers become JavaScript numbers.
    value = parse(line, null, digits => (isInteger(digits) ? digits : Number(digits)));
  } catch {
    throw new BrokenRecord('not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BrokenRecord('not an object');
  const r = value as Record<string, unknown>;
  const cluster = integerDigits(r.cluster) ?? integerDigits(r.gid);
  const id = r.id;
  if (typeof id !== 'string') throw new BrokenRecord('no id');
  if (cluster === undefined) throw new UnclusteredRecord('no cluster');
  const begin = smallInteger(r.begin);
  const end = smallInteger(r.end);
  const bw = smallInteger(r.bw);
  const ew = smallInteger(r.ew);
  const uid = integerDigits(r.uid);
  const text = typeof r.text === 'string' ? r.text : undefined;
  const clusterValue = Number.isSafeInteger(Number(cluster)) ? Number(cluster) : cluster;
  if (begin !== undefined && end !== undefined && begin <= end)
    return { cluster: clusterValue, id, uid, begin, end, unit: 'codePoints', text };
  if (bw !== undefined && ew !== undefined && bw <= ew) return { cluster: clusterValue, id, uid, begin: bw, end: ew, unit: 'words', text };
  throw new BrokenRecord('no passage bounds');
}

function integerDigits(v: unknown): string | undefined {
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return v.replace(/^(-?)0+(?=\d)/, '$1');
  return undefined;
}

function smallInteger(v: unknown): number | undefined {
  const digits = integerDigits(v);
  if (digits === undefined) return undefined;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** A passage of a story: `[start, end)` in UTF-16 code units of the source's original text. */
export interface StoryPassage {
  readonly source: number;
  readonly start: number;
  readonly end: number;
  /** passim's uid of the document, in decimal (exact). */
  readonly uid?: string;
}

/** A passim cluster as a story. */
export interface ClusterStory {
  readonly title: string;
  readonly cluster: number | string;
  readonly sources: readonly number[];
  readonly passages: readonly StoryPassage[];
}

/**
 * The clusters of `records` as stories, largest first (sources, then passages, then cluster
 * id). `sourceOf(id)` gives a record's source index (records whose id it does not know must be
 * left out before). Offsets are converted from code points to UTF-16 and from the text passim
 * read (the source without boilerplate lines, as `toPassim` writes it) to the original text;
 * where a record's `text` matches the original text at its offsets but not the text without
 * boilerplate, passim was given the original text, and its offsets are taken as they are;
 * where it matches neither, the passage is placed where its text stands nearest.
 * O(R log R + total text) for R records, plus a search of its source's text for each record
 * whose text stands at neither place (`nearestPlace`).
 */
export function passimStories(
  records: readonly PassimRecord[],
  analysis: CorpusAnalysis,
  texts: readonly string[],
  sourceOf: (id: string) => number,
): ClusterStory[] {
  const mapped = new Map<number, { stripped: PassimText; strippedIndex: CodePoints; originalIndex: CodePoints }>();
  const mappingOf = (source: number) => {
    let m = mapped.get(source);
    if (!m) {
      const stripped = passimText(analysis, source, texts[source]);
      mapped.set(source, (m = { stripped, strippedIndex: new CodePoints(stripped.text), originalIndex: new CodePoints(texts[source]) }));
    }
    return m;
  };
  const byCluster = new Map<string, { cluster: number | string; passages: StoryPassage[] }>();
  for (const record of records) {
    const source = sourceOf(record.id);
    const m = mappingOf(source);
    let start: number;
    let end: number;
    if (record.unit === 'words') {
      [start, end] = m.strippedIndex.wordBounds(record.begin, record.end);
      start = originalOffset(m.stripped, start);
      end = originalOffset(m.stripped, end);
    } else {
      const s = m.strippedIndex.utf16(record.begin);
      const e = m.strippedIndex.utf16(record.end);
      const os = m.originalIndex.utf16(record.begin);
      const oe = m.originalIndex.utf16(record.end);
      const text = record.text;
      if (text === undefined || !text || m.stripped.text.slice(s, e) === text)
        [start, end] = [originalOffset(m.stripped, s), originalOffset(m.stripped, e)];
      else if (texts[source].slice(os, oe) === text) [start, end] = [os, oe];
      else {
        // The text passim read is not the one this analysis gives: the file changed, or its
        // boilerplate was judged with other files beside it. The passage goes where its text
        // stands nearest its offsets, in the text without boilerplate or else in the whole file.
        const inStripped = nearestPlace(m.stripped.text, text, s);
        const inOriginal = inStripped < 0 ? nearestPlace(texts[source], text, os) : -1;
        [start, end] =
          inStripped >= 0
            ? [originalOffset(m.stripped, inStripped), originalOffset(m.stripped, inStripped + text.length)]
            : inOriginal >= 0
              ? [inOriginal, inOriginal + text.length]
              : [originalOffset(m.stripped, s), originalOffset(m.stripped, e)];
      }
    }
    const key = String(record.cluster);
    let entry = byCluster.get(key);
    if (!entry) byCluster.set(key, (entry = { cluster: record.cluster, passages: [] }));
    entry.passages.push(record.uid === undefined ? { source, start, end } : { source, start, end, uid: record.uid });
  }
  // A cluster of the very sources of a story the analysis found is titled as `synoptic stories` titles it.
  const titleOfStory = new Map((analysis.stories ?? []).map(story => [[...story.sources].sort((a, b) => a - b).join(','), story.title]));
  const stories = [...byCluster.values()].map(({ cluster, passages }) => {
    passages.sort((a, b) => a.source - b.source || a.start - b.start || a.end - b.end);
    const sources = [...new Set(passages.map(p => p.source))];
    return { title: titleOfStory.get(sources.join(',')) || storyTitle(analysis, sources), cluster, sources, passages };
  });
  return stories.sort(
    (a, b) => b.sources.length - a.sources.length || b.passages.length - a.passages.length || compareIds(a.cluster, b.cluster),
  );
}

/**
 * Where `text` stands in `within` nearest to `near` (UTF-16 offsets), or -1: first within
 * `NEAR_CHARS` of `near`, where a passage moved by a few lines is found without reading the
 * whole file, then anywhere. O(NEAR_CHARS) for a passage found near, else O(n) per occurrence.
 */
function nearestPlace(within: string, text: string, near: number): number {
  const nearest = (from: number, to: number) => {
    let best = -1;
    for (let at = within.indexOf(text, from); at >= 0 && at <= to; at = within.indexOf(text, at + 1))
      if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
    return best;
  };
  const close = nearest(Math.max(0, near - NEAR_CHARS), near + NEAR_CHARS);
  return close >= 0 ? close : nearest(0, within.length);
}

/** How far around a passage's offsets its text is looked for first. */
const NEAR_CHARS = 4096;

function compareIds(a: number | string, b: number | string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Code-point offsets of one text as UTF-16 offsets, and word bounds, without a scan per offset. */
class CodePoints {
  /** Code-point index of every character outside the Basic Multilingual Plane, ascending. */
  private readonly astral: number[] = [];
  private words?: { start: number; end: number }[];

  constructor(private readonly text: string) {
    let cp = 0;
    for (let i = 0; i < text.length; i++, cp++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.astral.push(cp);
          i++;
        }
      }
    }
  }

  /** The UTF-16 offset of code point `cp` (clamped to the text). O(log n). */
  utf16(cp: number): number {
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] < cp) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(cp + lo, this.text.length);
  }

  /** UTF-16 bounds of words `[bw, ew)`, words being runs of non-space characters. */
  wordBounds(bw: number, ew: number): [number, number] {
    if (!this.words) this.words = [...this.text.matchAll(/\S+/g)].map(m => ({ start: m.index!, end: m.index! + m[0].length }));
    const words = this.words;
    if (words.length === 0) return [0, 0];
    const first = words[Math.min(bw, words.length - 1)];
    const last = words[Math.min(Math.max(ew - 1, bw), words.length - 1)];
    return [first.start, Math.max(first.start, last.end)];
  }
}
