/**
 * The compared forms an analyzer has met, kept between analyses: each distinct form once, its
 * bigram profile in one token space, and the prefix indexes the cross-source passes probe.
 * An edit adds a few forms to what is there instead of rebuilding the space and the indexes,
 * so re-analysing a large corpus after one document changed costs little more than the
 * forms of that document. Every pass still filters what it finds by the current corpus, and
 * the joins are exact, so a result never depends on what the space kept from before.
 */
import { PrefixIndex, TokenSpace } from './candidates';
import { BigramProfile, bigramProfile } from './similarity';

/** Past this many forms no longer in use (and twice those in use), the space starts afresh. */
const STALE_FORMS = 20_000;

export class FormSpace {
  readonly space: TokenSpace;
  private readonly idOf = new Map<string, number>();
  private readonly indexes = new Map<number, PrefixIndex>();

  /** A space for `forms`, ranked by their token frequencies. */
  constructor(forms: readonly string[]) {
    this.space = new TokenSpace(forms.map(form => bigramProfile(form)));
    forms.forEach((form, i) => this.idOf.set(form, i));
  }

  /**
   * The space's number of each of `forms`, adding those it lacks. O(total length) for the
   * new forms, one map lookup for each known one.
   */
  idsOf(forms: readonly string[]): Int32Array {
    return Int32Array.from(forms, form => {
      let id = this.idOf.get(form);
      if (id === undefined) this.idOf.set(form, (id = this.space.add(bigramProfile(form))));
      return id;
    });
  }

  profile(id: number): BigramProfile {
    return this.space.profiles[id];
  }

  /** The standing index at `threshold`; what it holds is up to its users (they add and filter). */
  index(threshold: number): PrefixIndex {
    let index = this.indexes.get(threshold);
    if (!index) this.indexes.set(threshold, (index = new PrefixIndex(this.space, threshold)));
    return index;
  }

  /** Whether a corpus of `inUse` distinct forms is better served by a fresh space. */
  isStaleFor(inUse: number): boolean {
    const unused = this.space.profiles.length - inUse;
    return unused > STALE_FORMS && unused > 2 * inUse;
  }
}
