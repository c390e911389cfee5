/**
 * The compared forms an analyzer has met, kept between analyses: each distinct form once, its
 * bigram profile in one token space, and the prefix indexes the cross-source passes probe.
 * An edit adds a few forms to what is there instead of rebuilding the space and the indexes,
 * so re-analysing a large corpus after one document changed costs little more than the
 * forms of that document. Every pass still filters what it finds by the current corpus, and
 * the joins are exact, so a result never depends on what the space kept from before.
 */
import type { FormId, SpaceId } from './ids';
import { RememberedProbes } from './rememberedProbes';
import { BigramProfile, bigramProfile } from './similarity';
import { TokenSpace } from './tokenSpace';

/** Past this many forms no longer in use (and twice those in use), the space starts afresh. */
const STALE_FORMS = 20_000;

/** Whether a store of `total` forms, `inUse` of them in use, is better started afresh. */
function isStale(total: number, inUse: number): boolean {
  const unused = total - inUse;
  return unused > STALE_FORMS && unused > 2 * inUse;
}

/**
 * A number for every distinct compared form an analyzer meets, kept between analyses, so a
 * source that did not change keeps its numbers and is not looked up again.
 */
export class FormNumbering {
  private readonly numberOf = new Map<string, FormId>();
  private readonly texts: string[] = [];

  /** The forms, by number. */
  get forms(): readonly string[] {
    return this.texts;
  }

  /** The number of each sentence's form, new forms numbered in order of appearance. One map lookup per sentence. */
  numbersOf(sentences: readonly { readonly form: string }[]): FormIds {
    const out = new Int32Array(sentences.length);
    for (let i = 0; i < sentences.length; i++) {
      const form = sentences[i].form;
      let n = this.numberOf.get(form);
      if (n === undefined) {
        this.numberOf.set(form, (n = this.texts.length as FormId));
        this.texts.push(form);
      }
      out[i] = n;
    }
    return out as FormIds;
  }

  /** Whether a corpus of `inUse` distinct forms is better served by a fresh numbering. */
  isStaleFor(inUse: number): boolean {
    return isStale(this.texts.length, inUse);
  }
}

/** Per sentence of a prepared source, the number of its form: an `Int32Array` read as form ids. */
export type FormIds = Int32Array & { readonly [index: number]: FormId };

/**
 * The forms the similarity passes can meet, each once, with its bigram profile in one token
 * space and the standing indexes over that space (one per threshold), kept between analyses.
 */
export class FormSpace {
  readonly space: TokenSpace;
  /** Each form's number, made at the first `idOf` (a story's own space is never asked). */
  private ids: Map<string, SpaceId> | undefined;
  private readonly texts: string[];
  private readonly indexes = new Map<number, RememberedProbes>();
  /** The space's forms in code-unit order of their text, as far as they were ordered. */
  private byText: number[] = [];
  private rankByText = new Int32Array(0);

  /** A space for `forms`, ranked by their token frequencies; `profiles`, when given, are their bigram profiles. */
  constructor(forms: readonly string[], profiles?: readonly BigramProfile[]) {
    this.space = new TokenSpace(profiles ?? forms.map(form => bigramProfile(form)));
    this.texts = [...forms];
  }

  /** The space's number of `form`, adding the form if the space lacks it. O(length) for a new form, a map lookup for a known one. */
  idOf(form: string): SpaceId {
    let ids = this.ids;
    if (!ids) {
      ids = this.ids = new Map();
      for (let i = 0; i < this.texts.length; i++) ids.set(this.texts[i], i as SpaceId);
    }
    let id = ids.get(form);
    if (id === undefined) {
      ids.set(form, (id = this.space.add(bigramProfile(form)) as SpaceId));
      this.texts.push(form);
    }
    return id;
  }

  /**
   * Per form number, its rank among all the space's forms in code-unit order of their text
   * (what `<` on strings gives): a canonical order that does not depend on when a form came.
   * O(n log n) the first time; after k forms were added, O(k log k) comparisons of texts and
   * O(n) steps of a merge. The array is valid until the next call.
   */
  textRanks(): Int32Array {
    const known = this.byText.length;
    const total = this.texts.length;
    if (known === total) return this.rankByText;
    const byText = (x: number, y: number) => (this.texts[x] < this.texts[y] ? -1 : this.texts[x] > this.texts[y] ? 1 : 0);
    const added: number[] = [];
    for (let id = known; id < total; id++) added.push(id);
    added.sort(byText);
    const merged = new Array<number>(total);
    for (let i = 0, j = 0, k = 0; k < total; k++)
      merged[k] = j >= added.length || (i < known && byText(this.byText[i], added[j]) < 0) ? this.byText[i++] : added[j++];
    const ranks = new Int32Array(total);
    for (let k = 0; k < total; k++) ranks[merged[k]] = k;
    this.byText = merged;
    this.rankByText = ranks;
    return ranks;
  }

  profile(id: SpaceId): BigramProfile {
    return this.space.profiles[id];
  }

  /** The standing index at `threshold`; what it holds is up to its users (they add and filter). */
  index(threshold: number): RememberedProbes {
    let index = this.indexes.get(threshold);
    if (!index) this.indexes.set(threshold, (index = new RememberedProbes(this.space, threshold)));
    return index;
  }

  /** Brings what every standing index remembers up to date (see `RememberedProbes.catchUp`). */
  catchUp(): void {
    for (const index of this.indexes.values()) index.catchUp();
  }

  /** Whether a corpus of `inUse` distinct forms is better served by a fresh space. */
  isStaleFor(inUse: number): boolean {
    return isStale(this.space.profiles.length, inUse);
  }
}
