/**
 * Word-level differences between two wordings of one statement, for hovers and the
 * comparison panel. Built on jsdiff's `diffWords` (Myers' O(ND) diff over word tokens).
 */
import { diffWords } from 'diff';
import { windowedSegments } from './segmentWindows';
import { withoutInvisibles } from './text';

/**
 * A letter, mark or digit beyond those jsdiff's own word pattern knows (ASCII, Latin-1 and
 * Latin Extended): Cyrillic, Greek, Arabic, Hebrew, Devanagari, Han… jsdiff would cut a word of
 * such a script into pieces at every letter the two words share.
 */
const BEYOND_LATIN = /(?![\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc-\u00be\u00c0-\u02ff\u1e00-\u1eff])[\p{L}\p{M}\p{N}]/u;

// Made on first use: creating the first segmenter loads ICU's break data.
let wordSegmenter: Intl.Segmenter | undefined;

/** jsdiff's options for two texts: Unicode's word boundaries (UAX #29) where a text holds a script beyond Latin. */
function diffOptions(from: string, other: string): { ignoreCase: true; intlSegmenter?: Intl.Segmenter } {
  if (!BEYOND_LATIN.test(from) && !BEYOND_LATIN.test(other)) return { ignoreCase: true };
  wordSegmenter ??= whiteSpaceApart(new Intl.Segmenter(undefined, { granularity: 'word' }));
  return { ignoreCase: true, intlSegmenter: wordSegmenter };
}

/**
 * `segmenter`, with every segment that holds white space and other characters cut into its
 * runs of each. UAX #29 keeps a combining mark with the character before it, a space too, so a
 * mark left alone after a space makes one segment of both; jsdiff reads a segment with white
 * space in it as white space, and wrote that mark twice ("a \u0301b" against "a b" removed
 * "a \u0301\u0301b"). The runs are not words.
 */
function whiteSpaceApart(segmenter: Intl.Segmenter): Intl.Segmenter {
  // The segments of the texts segmented last, most recent last: a statement's wording is
  // compared with each of its other wordings in turn, and segmented afresh each time (jsdiff
  // copies the list and reads each segment's text alone, so one list serves every call).
  const recent = new Map<string, Intl.SegmentData[]>();
  // What jsdiff asks of a segmenter: its options, and its segments in order.
  const apart = {
    resolvedOptions: () => segmenter.resolvedOptions(),
    segment: (input: string) => {
      const kept = recent.get(input);
      if (kept) {
        recent.delete(input);
        recent.set(input, kept);
        return kept as unknown as Intl.Segments;
      }
      const out: Intl.SegmentData[] = [];
      for (const data of windowedSegments(input, segmenter)) {
        if (data.isWordLike || !MIXED_WHITE_SPACE.test(data.segment)) {
          out.push(data);
          continue;
        }
        for (const run of data.segment.matchAll(WHITE_SPACE_RUNS)) {
          out.push({ segment: run[0], index: data.index + run.index, input, isWordLike: false });
        }
      }
      recent.set(input, out);
      if (recent.size > RECENT_SEGMENTATIONS) recent.delete(recent.keys().next().value!);
      return out as unknown as Intl.Segments;
    },
  };
  return apart as Intl.Segmenter;
}
/**
 * How many texts' segments `whiteSpaceApart` keeps, the least recently asked for leaving first.
 * jsdiff segments each changed part too, for its white space, and those take places here: a
 * wording that differs from the reference in many words pushes the reference out.
 */
const RECENT_SEGMENTATIONS = 16;

/** A segment with white space and something else in it. */
const MIXED_WHITE_SPACE = /^(?=.*\s)(?=.*\S)/su;
const WHITE_SPACE_RUNS = /\s+|\S+/gu;

/** A run of text: in both wordings, only in the other one (`added`), or only in `from` (`removed`). */
export interface DiffPart {
  readonly text: string;
  readonly kind: 'same' | 'added' | 'removed';
}

/** Summary counts of a word diff. */
export interface DiffSummary {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/**
 * The differences that turn `from` into `other`, ignoring case and invisible format characters
 * (`withoutInvisibles`); concatenating the `same` and `added` parts gives `other` back, the
 * `same` and `removed` parts give `from` (up to case and those characters).
 * O((n + m) · d), d the number of differing words.
 */
export function wordDiff(from: string, other: string): DiffPart[] {
  // Invisible format characters (a soft hyphen inside a word) would make a word differ that
  // reads the same: the words are compared without them.
  const visibleFrom = withoutInvisibles(from);
  const visibleOther = withoutInvisibles(other);
  const parts: DiffPart[] = diffWords(visibleFrom, visibleOther, diffOptions(visibleFrom, visibleOther)).map(change => ({
    text: change.value,
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
  }));
  return visibleOther === other ? parts : withInvisiblesOf(other, visibleOther, parts);
}

/**
 * `parts`, whose `same` and `added` texts spell `visible` (`other` without its invisible
 * characters), with those texts taken from `other` itself, so that they spell it as it stands;
 * `removed` texts as they are (without invisibles, they read the same). The parts as they are
 * where they do not spell `visible`. O(n).
 */
function withInvisiblesOf(other: string, visible: string, parts: readonly DiffPart[]): DiffPart[] {
  // Per character of `visible`, where it stands in `other`; then the end of `other`.
  const at = new Int32Array(visible.length + 1);
  for (let i = 0, v = 0; i < other.length; i++) if (v < visible.length && other[i] === visible[v]) at[v++] = i;
  at[visible.length] = other.length;
  let v = 0;
  const mapped = parts.map(part => {
    if (part.kind === 'removed') return part;
    const start = v;
    v += part.text.length;
    if (visible.slice(start, v) !== part.text) return undefined;
    return { ...part, text: other.slice(start ? at[start] : 0, at[v]) };
  });
  return v === visible.length && mapped.every(part => part !== undefined) ? (mapped as DiffPart[]) : [...parts];
}

/** The words only in `other` and the words only in `from`, trimmed, in order. */
export function summarizeDiff(parts: readonly DiffPart[]): DiffSummary {
  const pick = (kind: DiffPart['kind']) =>
    parts
      .filter(p => p.kind === kind)
      .map(p => p.text.trim())
      .filter(Boolean);
  return { added: pick('added'), removed: pick('removed') };
}
