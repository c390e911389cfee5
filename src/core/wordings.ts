/**
 * Stage 5, wordings: equal forms of one language and headline role, with the places that carry
 * them. A form a source repeats is a second wording there (its k-th copy), so no source ever
 * has two sentences in one wording. The cross-source stages that follow work on wordings, so
 * their cost grows with the different sentences, not with the copies.
 */
import type { FormCorpus } from './formCorpus';
import type { FormId, SpaceId, WordingId } from './ids';
import type { PlaceOwners, Places } from './places';
import { compareCodeUnits, endsWithStop, words } from './text';
import type { Sentence } from './types';

/** Equal forms of one language and headline role, one occurrence rank per source. */
export interface Wording {
  readonly form: FormId;
  /** Its space id (wordings of one form share it). */
  readonly spaceId: SpaceId;
  /** Occurrence rank: the k-th time a source carries this form. */
  readonly copy: number;
  readonly language: string;
  readonly headline: boolean;
  /** The places of its sentences, ascending, and their sources. */
  readonly places: number[];
  readonly sources: number[];
}

/**
 * Input: the corpus's forms and its places. Output: the wordings in canonical order (see
 * `canonicalOrder`), so that every tie later on is independent of the order of the sources.
 * O(P) for P places, plus the canonical order.
 */
export function collectWordings(corpus: FormCorpus, places: Places): Wording[] {
  const { prepared, spaceIds } = corpus;
  const { sentencesBySource, placeStart, formOfPlace } = places;
  const languages = [...new Set(prepared.map(p => p.profile.language))];
  const languageNumber = new Map(languages.map((language, i) => [language, i]));
  // Per form, headline role and language (as one number, the wording's key), the wordings by copy rank.
  const byKey = new Map<number, Wording[]>();
  const copies = new Map<number, number>();
  sentencesBySource.forEach((list, source) => {
    const language = prepared[source].profile.language;
    copies.clear();
    const headlineAt = headlineIndex(list);
    list.forEach((s, sentence) => {
      const place = placeStart[source] + sentence;
      const form = formOfPlace[place];
      const headline = sentence === headlineAt;
      const key = (form * 2 + (headline ? 1 : 0)) * languages.length + languageNumber.get(language)!;
      const copy = copies.get(key) ?? 0;
      copies.set(key, copy + 1);
      let ranks = byKey.get(key);
      if (!ranks) byKey.set(key, (ranks = []));
      let w = ranks[copy];
      if (!w) ranks[copy] = w = { form, spaceId: spaceIds[form], copy, language, headline, places: [], sources: [] };
      w.places.push(place);
      w.sources.push(source);
    });
  });
  return canonicalOrder([...byKey.values()].flat(), corpus);
}

/** How many titles at the top of a source are read as candidates for its headline. */
const LEADING_TITLES = 3;

/**
 * Input: a source's sentences. Output: the index of its headline, or -1. The headline is the
 * title (a sentence alone on its line with no final stop) with the most words among the titles
 * the source opens with, the first on ties: a site's name or a section label kept above it
 * (one or two words) does not hide it. O(LEADING_TITLES · length).
 */
export function headlineIndex(list: readonly Sentence[]): number {
  let best = -1;
  let bestWords = 0;
  for (let i = 0; i < Math.min(LEADING_TITLES, list.length) && isTitle(list, i); i++) {
    const count = words(list[i].text).length;
    if (count > bestWords) [best, bestWords] = [i, count];
  }
  return best;
}

/** Whether sentence i stands alone on its line with no final stop. */
function isTitle(list: readonly Sentence[], i: number): boolean {
  const s = list[i];
  const alone = (i === 0 || list[i - 1].line !== s.line) && (i + 1 === list.length || list[i + 1].line !== s.line);
  return alone && !endsWithStop(s.text);
}

/**
 * Input: the places. Output: per place, 1 where its sentence is a title: alone on its line
 * with no final stop (a headline, a subheading, a caption's title). A title says a statement
 * in its own words and is never part of another's span. O(P) for P places.
 */
export function titlePlaces(places: Places): Uint8Array {
  const out = new Uint8Array(places.formOfPlace.length);
  places.sentencesBySource.forEach((list, source) => {
    list.forEach((_, i) => {
      if (isTitle(list, i)) out[places.placeStart[source] + i] = 1;
    });
  });
  return out;
}

/**
 * Wordings in a canonical order: by text, then language, headline role and copy rank. A bucket
 * per text rank: O(W + F) for W wordings and F forms in the space, with few comparisons (only
 * wordings of one text compare).
 */
function canonicalOrder(wordings: readonly Wording[], corpus: FormCorpus): Wording[] {
  const textRank = corpus.formSpace.textRanks();
  const head = new Int32Array(textRank.length).fill(-1);
  const next = new Int32Array(wordings.length);
  for (let i = 0; i < wordings.length; i++) {
    const rank = textRank[wordings[i].spaceId];
    next[i] = head[rank];
    head[rank] = i;
  }
  const sameText = (x: Wording, y: Wording) =>
    compareCodeUnits(x.language, y.language) || Number(x.headline) - Number(y.headline) || x.copy - y.copy;
  const out: Wording[] = [];
  for (let rank = 0; rank < head.length; rank++) {
    if (head[rank] < 0) continue;
    if (next[head[rank]] < 0) {
      out.push(wordings[head[rank]]);
      continue;
    }
    const bucket: Wording[] = [];
    for (let i = head[rank]; i >= 0; i = next[i]) bucket.push(wordings[i]);
    for (const w of bucket.sort(sameText)) out.push(w);
  }
  return out;
}

/** Per place, its wording. O(P) for P places. */
export function wordingOfPlaces(wordings: readonly Wording[], placeCount: number): PlaceOwners['wordingOfPlace'] {
  const wordingOfPlace = new Int32Array(placeCount);
  wordings.forEach((w, i) => {
    for (const place of w.places) wordingOfPlace[place] = i;
  });
  return wordingOfPlace as PlaceOwners['wordingOfPlace'];
}

/** Per cluster of families, the places of all their wordings. O(P) for P places. */
export function placesOfClusters(
  clusters: readonly (readonly number[])[],
  families: readonly (readonly WordingId[])[],
  wordings: readonly Wording[],
): number[][] {
  return clusters.map(cluster => {
    const places: number[] = [];
    for (const f of cluster) for (const w of families[f]) for (const place of wordings[w].places) places.push(place);
    return places;
  });
}
