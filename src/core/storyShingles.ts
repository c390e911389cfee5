/**
 * Shingles for the story stage: runs of consecutive content words of a sentence, each hashed
 * to 53 bits and numbered densely.
 *
 * A corpus of 10,000 pages holds some ten million distinct shingles. With 32-bit hashes that
 * many keys collide by the thousand (two unrelated shingles then count as shared); with two
 * independent 32-bit hashes kept as 21 + 32 bits, the expected number of colliding pairs among
 * ten million keys is about 0.003.
 */
import { capitalisesNouns } from './stopwords';
import { endsWithStop, words } from './text';

/**
 * An open-addressing table from 53-bit keys (given as a 21-bit high part and a 32-bit low
 * part) to dense ids, numbered in order of first insertion. O(1) expected per lookup, memory
 * O(k) for k keys.
 */
export class ShingleIds {
  private high: Uint32Array;
  private low: Uint32Array;
  private ids: Int32Array;
  size = 0;

  constructor(expected = 1 << 12) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.high = new Uint32Array(capacity);
    this.low = new Uint32Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
  }

  /** The id of key (`high`, `low`), a new one if the key is new. */
  idOf(high: number, low: number): number {
    if (this.size * 2 >= this.ids.length) this.grow();
    const mask = this.ids.length - 1;
    for (let at = slotOf(high, low) & mask; ; at = (at + 1) & mask) {
      const id = this.ids[at];
      if (id < 0) {
        this.high[at] = high;
        this.low[at] = low;
        this.ids[at] = this.size;
        return this.size++;
      }
      if (this.low[at] === low && this.high[at] === high) return id;
    }
  }

  private grow(): void {
    const { high, low, ids } = this;
    const capacity = ids.length * 2;
    this.high = new Uint32Array(capacity);
    this.low = new Uint32Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
    const mask = capacity - 1;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] < 0) continue;
      let at = slotOf(high[i], low[i]) & mask;
      while (this.ids[at] >= 0) at = (at + 1) & mask;
      this.high[at] = high[i];
      this.low[at] = low[i];
      this.ids[at] = ids[i];
    }
  }
}

function slotOf(high: number, low: number): number {
  return Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> 0;
}

/**
 * The distinct shingle ids of a compared form: every run of `size` consecutive words with the
 * function words left out, each word as `stem` reads it (as it stands without one), in order
 * of first occurrence. A form with fewer content words than `size` has none. O(w) for w words.
 */
export function shinglesOf(
  form: string,
  size: number,
  ids: ShingleIds,
  functionWords: ReadonlySet<string> | undefined,
  stem?: (word: string) => string,
): Int32Array {
  const keys = shingleKeysOf(form, size, functionWords, stem);
  const out = new Int32Array(keys.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = ids.idOf(keys[2 * i], keys[2 * i + 1]);
  return out;
}

/**
 * The distinct shingle keys of a compared form, as `shinglesOf` numbers them: per shingle, in
 * order of first occurrence, its 21-bit high part and its 32-bit low part side by side. Depends
 * on the form, the function words and the stemmer only, so it can be kept with the source it
 * came from. Stems let a rewrite meet the words it inflects otherwise ("storms damaged" and
 * "storm damage", "blamed" and "blame"; Russian and Arabic change a word's ending with its role
 * in the sentence).
 * O(w) for w words.
 */
export function shingleKeysOf(
  form: string,
  size: number,
  functionWords: ReadonlySet<string> | undefined,
  stem?: (word: string) => string,
): Uint32Array {
  return shingleRuns(form, size, functionWords, stem, undefined).keys;
}

/** What a shingle is in one sentence (`writtenShingles`): one of its words is written without a capital, so the sentence says something with it. */
export const SHINGLE_OF_WORDS = 0;
/** Each of its words is written with a capital, none opening the sentence: part of a name. */
export const SHINGLE_OF_NAME = 1;
/** Capitals tell nothing here: a word of it opens the sentence, or the sentence is no statement, is written in capitals alone, is in a language that capitalises nouns, or does not give back its form's words. */
export const SHINGLE_UNDECIDED = 2;

/** A sentence's shingles: their keys as `shingleKeysOf` gives them, and per key what it is where the sentence is written. */
export interface WrittenShingles {
  readonly keys: Uint32Array;
  /** Per key: `SHINGLE_OF_WORDS`, `SHINGLE_OF_NAME` or `SHINGLE_UNDECIDED`, where it first stands. */
  readonly kinds: Uint8Array;
}

/**
 * The shingles of `form` (`shingleKeysOf`) and what each is in `sample`, the sentence as written
 * (`language` its language). Capitals mark names only inside a statement (a sentence that
 * ends with a stop: a headline may capitalise every word), not on the word that opens it, and
 * not in a language that capitalises nouns, nor in a sentence written in capitals alone: there
 * every shingle is undecided. A script without capitals has no names. Where the sample does
 * not give back the form's words one for one (a soft hyphen or a character reference the form
 * reads otherwise), every shingle is undecided too, so that such a sentence leaves what its
 * shingles are to the others that carry them. O(w) for w words, and as much again where a
 * capital stands past the first letter.
 */
export function writtenShingles(
  form: string,
  sample: string,
  size: number,
  functionWords: ReadonlySet<string> | undefined,
  stem: ((word: string) => string) | undefined,
  language: string,
): WrittenShingles {
  const text = sample.trim();
  const inCapitalsAlone = !LOWER_CASE.test(text) && CAPITAL_ANYWHERE.test(text);
  if (capitalisesNouns(language) || !endsWithStop(text) || inCapitalsAlone) return shingleRuns(form, size, functionWords, stem, UNDECIDED);
  if (!CAPITAL_PAST_FIRST.test(text)) return shingleRuns(form, size, functionWords, stem, undefined);
  const written = words(text);
  const capitals = new Uint8Array(written.length);
  for (let k = 0; k < written.length; k++) capitals[k] = startsWithCapital(written[k]) ? 1 : 0;
  return shingleRuns(form, size, functionWords, stem, capitals);
}

/** Whether `word` opens with a letter written with a capital, or in title case; ASCII read by its code. */
function startsWithCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return CAPITAL.test(word);
}
/** A letter written with a capital, or in title case. */
const CAPITAL = /^[\p{Lu}\p{Lt}]/u;
/** A lower-case letter: a sentence with a capital and none of these is written in capitals alone (a script without case has neither). */
const LOWER_CASE = /\p{Ll}/u;
/** A letter written with a capital, or in title case, anywhere. */
const CAPITAL_ANYWHERE = /[\p{Lu}\p{Lt}]/u;
/** A capital past the first character: only then can a run of two words be a name. */
const CAPITAL_PAST_FIRST = /.[\p{Lu}\p{Lt}]/su;
/** Every shingle undecided (`shingleRuns`). */
const UNDECIDED = 'undecided';

/**
 * The distinct shingle keys of `form` and their kinds: with `capitals` (per word of the
 * sentence as written, 1 where it has a capital) read as `writtenShingles` says, with
 * `UNDECIDED` every one undecided, and without either every one of words. O(w) for w words.
 */
function shingleRuns(
  form: string,
  size: number,
  functionWords: ReadonlySet<string> | undefined,
  stem: ((word: string) => string) | undefined,
  capitals: Uint8Array | typeof UNDECIDED | undefined,
): WrittenShingles {
  const all = words(form);
  // The written words are read only where they are the form's, one for one; else nothing is decided.
  if (typeof capitals === 'object' && capitals.length !== all.length) capitals = UNDECIDED;
  const written = typeof capitals === 'object' ? capitals : undefined;
  let count = 0;
  for (let j = 0; j < all.length; j++) {
    const word = all[j];
    if (functionWords?.has(word)) continue;
    const w = stem ? stem(word) : word;
    if (count === wordLow.length) {
      wordLow = grownInt32(wordLow);
      wordHigh = grownInt32(wordHigh);
      wordName = grownUint8(wordName);
    }
    wordLow[count] = fnv1a(w);
    wordHigh[count] = murmurLike(w);
    // 1: written with a capital; 2: with a capital, opening the sentence.
    wordName[count] = written?.[j] ? (j === 0 ? 2 : 1) : 0;
    count++;
  }
  if (count < size) return NO_SHINGLES;
  const out = new Uint32Array(2 * (count - size + 1));
  const kinds = new Uint8Array(count - size + 1);
  let distinct = 0;
  for (let i = 0; i + size <= count; i++) {
    let low = 0x2545f491;
    let high = 0x3c6ef372;
    let name = 1;
    for (let k = 0; k < size; k++) {
      low = Math.imul(low ^ wordLow[i + k], 0x01000193) + k;
      high = Math.imul(high ^ wordHigh[i + k], 0x5bd1e995) + k;
      if (name) name = wordName[i + k] ? Math.max(name, wordName[i + k]) : 0;
    }
    const keyHigh = finish(high) & 0x1fffff;
    const keyLow = finish(low) >>> 0;
    // Sentences are short: a scan finds a repeat sooner than a set would.
    let seen = false;
    for (let j = 0; j < distinct && !seen; j += 2) seen = out[j] === keyHigh && out[j + 1] === keyLow;
    if (seen) continue;
    kinds[distinct / 2] =
      capitals === UNDECIDED ? SHINGLE_UNDECIDED : name === 1 ? SHINGLE_OF_NAME : name === 2 ? SHINGLE_UNDECIDED : SHINGLE_OF_WORDS;
    out[distinct++] = keyHigh;
    out[distinct++] = keyLow;
  }
  return distinct === out.length ? { keys: out, kinds } : { keys: out.slice(0, distinct), kinds: kinds.slice(0, distinct / 2) };
}

/** FNV-1a of a string's UTF-16 code units, 32 bits. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** A second 32-bit hash of a string, independent of FNV-1a (another multiplier, seed and mix). */
function murmurLike(text: string): number {
  let h = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  return finish(h);
}

/** MurmurHash3's final mix: every input bit reaches every output bit. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const NO_SHINGLES: WrittenShingles = { keys: new Uint32Array(0), kinds: new Uint8Array(0) };
/** Scratch: the two hashes of one sentence's content words, and whether each is written as a name (`shingleRuns`). */
let wordLow: Int32Array = new Int32Array(256);
let wordHigh: Int32Array = new Int32Array(256);
let wordName: Uint8Array = new Uint8Array(256);

function grownUint8(array: Uint8Array): Uint8Array {
  const grown = new Uint8Array(array.length * 2);
  grown.set(array);
  return grown;
}

function grownInt32(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
