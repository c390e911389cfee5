/** A story's title: the headline most of its sources carry. */
import { QUOTE_CLOSERS } from './quotationMarks';
import type { PairEvidence, PassFacts } from './storyEvidence';
import { EVIDENCE_SHINGLES, StoryIndex } from './storyIndex';

/**
 * What the story stage decided that the titles read: the pass of the final decision, and the
 * forms that open the pages of many of the final stories (`openingsOfManyStories`).
 */
export interface DecidedLeads {
  readonly pass: PassFacts;
  readonly manyStories: Uint8Array;
  /** Per form, the story that more of the sources it opens belong to than any other, or -1 (`openingsOfFinalStories`). */
  readonly openingHolder: Int32Array;
  /** Per source, its story, as `openingHolder` numbers them. */
  readonly storyOf: Int32Array;
}

/** How many of the most frequent leads compete for the title. */
const TITLE_CANDIDATES = 8;

/**
 * The longest title, in UTF-16 code units, ellipsis included. A page flattened to one line
 * with no sentence stop has that whole line as its lead, megabytes of it, and every list,
 * report and export prints the title; cutting it here keeps them all alike. Real headlines stay
 * well below it (the longest among the development sets is a photo caption of 181).
 */
export const MAX_TITLE_CHARS = 200;

/** A cut made at a space before this share of the limit would drop too much: cut mid-word instead. */
const SHORTEST_WORD_CUT = 0.5;

/**
 * Input: a title. Output: the title itself when it fits in
 * `MAX_TITLE_CHARS`; otherwise its words up to the last white space that leaves room for an ellipsis,
 * then `…` (a run of text without white space is cut at the limit, never between the two halves of a
 * surrogate pair). O(limit).
 */
export function clippedTitle(title: string): string {
  if (title.length <= MAX_TITLE_CHARS) return title;
  const room = MAX_TITLE_CHARS - 1;
  let space = room;
  while (space > 0 && !/\s/.test(title[space])) space--;
  let cut = space >= room * SHORTEST_WORD_CUT ? space : room;
  if (cut === room && /[\uD800-\uDBFF]/.test(title[cut - 1])) cut--;
  return `${title.slice(0, cut).trimEnd()}…`;
}

/**
 * Input: the index, a story's sources, a scorer over the index, and what the story stage decided
 * (optional: `DecidedLeads`). Output: the story's best-supported headline, white space collapsed
 * and cut by `clippedTitle` ('' when no source has an article sentence).
 * Among the sources' leads (`StoryIndex.leadForm`: each its headline, or its first article
 * sentence where the page marks none; where it opens the pages of many stories, as a consent
 * notice above the headline does, which hid the headline from the page's own verdicts, and its
 * own story opens no more of them than another (`DecidedLeads.openingHolder`), or is a
 * site's name (`siteLabel`), the source's first sentence that counts in the final pass and opens
 * no others instead; the `TITLE_CANDIDATES` most often met), the one most of its sources carry
 * wins; ties go to a headline a page marks before a first sentence, then to the one whose
 * shingles most sources show, then to the source first in canonical order. A headline is given whole, as its line prints it in the source first in
 * canonical order (a headline may hold two sentences). O(c·m·k) for c candidates, m sources and
 * k shingles per source.
 */
export function storyTitle(index: StoryIndex, members: readonly number[], evidence: PairEvidence, decided?: DecidedLeads): string {
  const leads = new Map<number, { count: number; firstRank: number; marked: number }>();
  const leadOf = (s: number) => {
    const f = index.leadForm[s];
    if (!decided || f < 0) return f;
    // A headline that other stories' pages tease at their top opens pages of many stories too,
    // but more of its own story's than of any other's.
    const many = decided.manyStories[f] && decided.openingHolder[f] !== decided.storyOf[s];
    if (!(many || siteLabel(index, decided.pass, f))) return f;
    // A lead that opens the pages of many stories (a consent notice above the headline) or a
    // site's name: the source's first sentence that counts and opens no others.
    const { pass, manyStories } = decided;
    for (const g of index.sourceForms[s]) if (pass.needed[g] && !pass.ignored?.[g] && !manyStories[g]) return g;
    return f;
  };
  for (const s of members) {
    const f = leadOf(s);
    if (f < 0) continue;
    const marked = index.leadText[s] && f === index.leadForm[s] ? 1 : 0;
    const entry = leads.get(f);
    if (entry) {
      entry.count++;
      entry.firstRank = Math.min(entry.firstRank, index.rank[s]);
      entry.marked = Math.max(entry.marked, marked);
    } else leads.set(f, { count: 1, firstRank: index.rank[s], marked });
  }
  if (!leads.size) return '';
  const candidates = [...leads].sort((x, y) => y[1].count - x[1].count || x[1].firstRank - y[1].firstRank).slice(0, TITLE_CANDIDATES);
  const carried = new Map<number, number>(candidates.map(([f]) => [f, 0]));
  for (const s of members) {
    for (const f of index.sourceAllForms[s]) {
      const c = carried.get(f);
      if (c !== undefined) carried.set(f, c + 1);
    }
  }
  let best = -1;
  let bestKey: number[] = [];
  for (const [f, entry] of candidates) {
    const shown = index.formShingles[f].length ? members.filter(s => evidence.shows(s, f)).length : 0;
    const key = [carried.get(f)!, entry.marked, shown, -entry.firstRank];
    if (best < 0 || compareKeys(key, bestKey) > 0) {
      best = f;
      bestKey = key;
    }
  }
  // The headline line as the first source in canonical order prints it, where one marks it.
  let text = index.formSample[best];
  let textRank = Infinity;
  for (const s of members) {
    if (index.leadForm[s] === best && index.leadText[s] && index.rank[s] < textRank) [text, textRank] = [index.leadText[s], index.rank[s]];
  }
  // A lead sentence no page marks as its headline may stop inside a quotation its line goes on
  // to close ("Doubles down on ‘Meth. We’re on it.’"): the title runs on to close it.
  if (textRank === Infinity) text = withQuotationClosed(index, members, best) ?? text;
  return clippedTitle(text.replace(/\s+/g, ' ').trim());
}

/**
 * The lead sentence of form `form`, as the first of `members` in canonical order that leads with
 * it prints it, continued by the next sentences of its line up to the one that closes every
 * quotation it leaves open; undefined where it leaves none open, or its line does not close them
 * within `MAX_TITLE_CHARS` (a title that long is cut anyway). Sentences of Chinese or Japanese
 * are joined without a space, others with one. O(n) in the length of the lead and the sentences
 * read after it, which stop at the limit.
 */
function withQuotationClosed(index: StoryIndex, members: readonly number[], form: number): string | undefined {
  let first = -1;
  for (const s of members) if (index.leadForm[s] === form && (first < 0 || index.rank[s] < index.rank[first])) first = s;
  if (first < 0) return undefined;
  const sentences = index.sources[first].sentences;
  const at = sentences.findIndex(x => x.form === index.formTexts[form]);
  if (at < 0) return undefined;
  const quotation = new QuotationReading();
  let text = sentences[at].text;
  quotation.read(text);
  if (!quotation.open) return undefined;
  for (let i = at + 1; i < sentences.length && sentences[i].line === sentences[at].line && text.length <= MAX_TITLE_CHARS; i++) {
    const next = (WRITTEN_WITHOUT_SPACES.test(text[text.length - 1]) ? '' : ' ') + sentences[i].text;
    quotation.read(next);
    text += next;
    if (!quotation.open) return text.length <= MAX_TITLE_CHARS ? text : undefined;
  }
  return undefined;
}

/** The end of a sentence in a script written without spaces between sentences: Han, kana, their punctuation and full-width forms. */
const WRITTEN_WITHOUT_SPACES = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/u;

/**
 * Whether `text` leaves a quotation open: an opening mark that no mark of its pair closes after
 * it (as `quotationMarks.ts` pairs them), or an odd number of straight double
 * quotes. Between two letters, a right single quotation mark is an apostrophe ("We’re") and a
 * straight double quote a Hebrew gershayim (צה"ל), neither a quotation's. O(n).
 */
export function opensQuotation(text: string): boolean {
  const quotation = new QuotationReading();
  quotation.read(text);
  return quotation.open;
}

/** The quotations a text leaves open, read a piece at a time (`opensQuotation`). */
class QuotationReading {
  private readonly marks: string[] = [];
  private straight = 0;
  private last = '';

  /** Reads the next piece of the text. O(piece). */
  read(piece: string): void {
    for (let i = 0; i < piece.length; i++) {
      const c = piece[i];
      if ((c === '’' || c === '"') && LETTER.test(i > 0 ? piece[i - 1] : this.last) && LETTER.test(piece[i + 1] ?? '')) continue;
      if (c === '"') this.straight++;
      else if (this.marks.length && QUOTE_CLOSERS[this.marks[this.marks.length - 1]].includes(c)) this.marks.pop();
      else if (c in QUOTE_CLOSERS) this.marks.push(c);
    }
    if (piece) this.last = piece[piece.length - 1];
  }

  /** Whether the text read so far leaves a quotation open. */
  get open(): boolean {
    return this.marks.length > 0 || this.straight % 2 === 1;
  }
}

const LETTER = /\p{L}/u;

function compareKeys(x: readonly number[], y: readonly number[]): number {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/**
 * Whether form `f` is too short to be evidence (fewer than `EVIDENCE_SHINGLES` shingles) and
 * every shingle of it is chrome in `pass`: a site's name that its pages print across stories,
 * which a page alone may mark as its headline. O(k) for its k shingles.
 */
function siteLabel(index: StoryIndex, pass: PassFacts, f: number): boolean {
  const shingles = index.formShingles[f];
  if (!shingles.length || shingles.length >= EVIDENCE_SHINGLES) return false;
  for (const x of shingles) if (!pass.chrome[x]) return false;
  return true;
}
