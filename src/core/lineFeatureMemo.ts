/**
 * What a line's text alone gives the features, kept by that text (`LineFeatureMemo`): its facts,
 * its own columns (`BaseColumnStore`) and its long words as numbers (`LongWordIndex`). Apart
 * because it outlives a page: the versions of one story share most of their lines, and a caller
 * that prepares many pages keeps one memo for them all.
 */
import { LineFacts, repeatKey } from './lineFacts';
import { BASE } from './featureColumns';
import { StopwordProfile } from './stopwords';

/**
 * Numbers for lower-cased words, and a tally of them for one count at a time. A page's
 * body-overlap column and headline search count the words of its prose lines: as numbers in
 * typed arrays that costs an array read per word, where a map keyed by the word hashed and
 * compared every word of every page again. A count begins with `beginCount`, which leaves the
 * tallies of the last count behind instead of clearing them. Grows with the distinct words.
 */
export class LongWordIndex {
  private readonly numbers = new Map<string, number>();
  /** Per word number, the count its tally belongs to; tallies of other counts read as 0. */
  private counted = new Int32Array(256);
  private tallies = new Int32Array(256);
  private count = 0;

  /** The numbers of the words longer than three characters of `lowerWords`, in order, repeats kept. O(words). */
  idsOf(lowerWords: readonly string[]): Int32Array {
    let long = 0;
    for (const w of lowerWords) if (w.length > 3) long++;
    const ids = new Int32Array(long);
    let at = 0;
    for (const w of lowerWords) {
      if (w.length <= 3) continue;
      let id = this.numbers.get(w);
      if (id === undefined) this.numbers.set(w, (id = this.numbers.size));
      ids[at++] = id;
    }
    if (this.numbers.size > this.tallies.length) this.grow(this.numbers.size);
    return ids;
  }

  /** Starts a new count: every tally reads 0. O(1). */
  beginCount(): void {
    if (++this.count === 0x7fffffff) {
      this.counted.fill(0);
      this.count = 1;
    }
  }

  /** Adds one to the tally of each number of `ids`. */
  add(ids: Int32Array): void {
    const { counted, tallies, count } = this;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      if (counted[id] !== count) {
        counted[id] = count;
        tallies[id] = 0;
      }
      tallies[id]++;
    }
  }

  /** The tally of number `id` in the current count. */
  tally(id: number): number {
    return this.counted[id] === this.count ? this.tallies[id] : 0;
  }

  private grow(size: number): void {
    const capacity = Math.max(size, 2 * this.tallies.length);
    const counted = new Int32Array(capacity);
    counted.set(this.counted);
    const tallies = new Int32Array(capacity);
    tallies.set(this.tallies);
    this.counted = counted;
    this.tallies = tallies;
  }
}

/**
 * What a line's text alone gives the features (with the page's function words and whether the
 * page prints the line more than once): its facts and its own columns (`BASE`). The versions of
 * one story share most of their lines, so a caller that prepares many pages keeps one memo for
 * them all and each distinct line is read once. It grows with the distinct lines it is shown.
 */
export class LineFeatureMemo {
  /** Numbers for the lines' long words, whatever the profile. */
  readonly longWords = new LongWordIndex();
  /** The own columns of the lines' facts, each kept from its first row on. */
  readonly baseColumns = new BaseColumnStore();
  private readonly byProfile = new Map<ReadonlySet<string>, Map<string, KnownLine>>();

  /** The entry of each line of `raw` under `profile`, made where the text is new. O(n). */
  linesOf(raw: readonly string[], profile: StopwordProfile): KnownLine[] {
    let lines = this.byProfile.get(profile.words);
    if (!lines) this.byProfile.set(profile.words, (lines = new Map()));
    const out = new Array<KnownLine>(raw.length);
    for (let i = 0; i < raw.length; i++) {
      let line = lines.get(raw[i]);
      if (!line) lines.set(raw[i], (line = knownLine(raw[i])));
      out[i] = line;
    }
    return out;
  }
}

/**
 * A line's text as `LineFeatureMemo` keeps it. `facts` is filled on first use, by whether the
 * page repeats the line (index 1) or not (0); `baseSlot` likewise, with the slot of the line's
 * own columns in the memo's `BaseColumnStore` (-1 until the first row is written).
 */
export interface KnownLine {
  readonly trimmed: string;
  /** The line as a repeat is recognised: spaces collapsed, lower case; '' for a blank line. */
  readonly repeatKey: string;
  readonly facts: [LineFacts | undefined, LineFacts | undefined];
  readonly baseSlot: [number, number];
  /** The line's long words as numbers of the memo's `LongWordIndex`, once asked for. */
  longWordIds: Int32Array | undefined;
  /** Whether the line holds an ASCII digit, once asked for. */
  hasDigit: boolean | undefined;
}

function knownLine(line: string): KnownLine {
  const trimmed = line.trim();
  return {
    trimmed,
    repeatKey: repeatKey(trimmed),
    facts: [undefined, undefined],
    baseSlot: [-1, -1],
    longWordIds: undefined,
    hasDigit: undefined,
  };
}

/**
 * The own columns (`BASE`) of lines, one slot after another in blocks of one typed array each:
 * kept from a line's first row on without an array per line (reprints and one site's chrome
 * repeat lines verbatim across pages, and a line read once costs a copy into a block). Grows
 * with the slots taken.
 */
export class BaseColumnStore {
  private readonly blocks: Float64Array[] = [];
  private slots = 0;

  /** Keeps `matrix[at, at + BASE.length)` in a new slot; returns the slot. */
  keep(matrix: Float64Array, at: number): number {
    const slot = this.slots++;
    const block = slot >> BASE_BLOCK_BITS;
    if (block === this.blocks.length) this.blocks.push(new Float64Array(BASE.length << BASE_BLOCK_BITS));
    this.blocks[block].set(matrix.subarray(at, at + BASE.length), (slot & BASE_BLOCK_MASK) * BASE.length);
    return slot;
  }

  /** Writes the columns kept in `slot` at `matrix[at]`, `matrix[at + 1]`, …. */
  write(slot: number, matrix: Float64Array, at: number): void {
    const block = this.blocks[slot >> BASE_BLOCK_BITS];
    const from = (slot & BASE_BLOCK_MASK) * BASE.length;
    for (let c = 0; c < BASE.length; c++) matrix[at + c] = block[from + c];
  }
}

/** Slots per block of a `BaseColumnStore`: 2^10, 200 KB a block. */
const BASE_BLOCK_BITS = 10;
const BASE_BLOCK_MASK = (1 << BASE_BLOCK_BITS) - 1;
