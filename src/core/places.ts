/**
 * Stage 4, places: the content sentences of every source, after revision, numbered through the
 * corpus source by source in reading order. Sorting places sorts by source, then by sentence,
 * with no objects to compare.
 */
import type { LineVerdict } from './boilerplate';
import type { FormId, WordingId } from './ids';
import type { FormCorpus } from './formCorpus';
import type { PreparedSource, Sentence } from './types';

/** The sentences of a source's article lines, and the index of each among the prepared sentences. */
export interface ContentSentences {
  readonly sentences: Sentence[];
  readonly indices: Int32Array;
}

/**
 * Input: a prepared source and its (possibly revised) line verdicts. Output: the sentences of
 * its content lines. O(S) for its S prepared sentences.
 */
export function contentSentences(p: PreparedSource, verdicts: readonly LineVerdict[]): ContentSentences {
  const sentences: Sentence[] = [];
  const indices: number[] = [];
  for (let i = 0; i < p.sentences.length; i++) {
    const s = p.sentences[i];
    if (verdicts[s.line].kind !== 'content') continue;
    sentences.push({ start: s.start, end: s.end, line: s.line, text: s.text });
    indices.push(i);
  }
  return { sentences, indices: Int32Array.from(indices) };
}

/** Every content sentence of the corpus as a place. */
export interface Places {
  /** Per source, its content sentences. */
  readonly sentencesBySource: readonly (readonly Sentence[])[];
  /** Per source, its first place; one more entry holds the number of places. */
  readonly placeStart: Int32Array;
  readonly formOfPlace: readonly FormId[];
  readonly sourceOfPlace: Int32Array;
}

/** Input: the corpus's forms and each source's content sentences. Output: the places. O(P) for P places. */
export function numberPlaces(corpus: FormCorpus, contents: readonly ContentSentences[]): Places {
  const sourceCount = contents.length;
  const sentencesBySource: Sentence[][] = [];
  const placeStart = new Int32Array(sourceCount + 1);
  const formOfPlace: FormId[] = [];
  contents.forEach((content, source) => {
    const ids = corpus.formIds[source];
    for (let k = 0; k < content.indices.length; k++) formOfPlace.push(ids[content.indices[k]]);
    sentencesBySource.push(content.sentences);
    placeStart[source + 1] = placeStart[source] + content.sentences.length;
  });
  const sourceOfPlace = new Int32Array(formOfPlace.length);
  for (let source = 0; source < sourceCount; source++) sourceOfPlace.fill(source, placeStart[source], placeStart[source + 1]);
  return { sentencesBySource, placeStart, formOfPlace, sourceOfPlace };
}

/** Where the places stand: per source its first place, per place its source and its wording. */
export interface PlaceOwners {
  readonly placeStart: Int32Array;
  readonly sourceOfPlace: Int32Array;
  readonly wordingOfPlace: Int32Array & { readonly [place: number]: WordingId };
}
