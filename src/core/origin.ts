/**
 * The likely first version of each story, and per statement the earliest version carrying it.
 *
 * Two rules, the first that applies wins:
 * 1. Dates: where two or more versions of a story give a publication date, the earliest of
 *    them ("earliest date: 14 Sep 2021 09:00"). A version without a date is not known to be
 *    earlier or later than any other, so one date alone orders nothing. Where other dates do
 *    not order against the earliest (the same day without a time, or the same minute), the
 *    reason names them, and says what the shared text told, as the derivation order breaks
 *    that tie ("…, not known to be earlier than b.txt (14 Sep 2021); of the two it carries the
 *    most shared statements (16 of 21)").
 * 2. Derivation: the version whose statements the others' shared text derives from: the one
 *    carrying the most statements that another version also carries (ties: the one carrying
 *    the anchor's wording of more statements, then the first by name), with how many of the
 *    other versions carry only statements it carries too ("the others are subsets"). A version
 *    that ties with it on both counts is named ("as does …"): the shared text does not tell
 *    the two apart, and what is said of the other versions is said of the rest alone (nothing
 *    where none is left).
 * When the two rules name different versions the date wins, and the reason says so; not when
 * the shared text cannot tell the dated one from the one it points to.
 *
 * Nothing here depends on the order the versions were given in: every tie is broken by name
 * (the file name, then the whole id), and a statement's anchor wording counts for every
 * version carrying that wording, not only for the member that stands as anchor.
 *
 * The order behind `earliest`: dated versions by date (within a day, a version without a time
 * ties with every version of that day), ties and undated versions after them by the
 * derivation rule's order (most shared statements first, then by name). A statement's
 * earliest version is the first in that order that carries it.
 */
import { comparePublished, showPublished } from './published';
import { compareCodeUnits } from './text';
import type { SentenceGroup, Story, StoryOrigin } from './types';

/** What the origin of one story needs. */
export interface OriginInput {
  /** The story's sources (indices into the corpus), ascending. */
  readonly sources: readonly number[];
  /** Per corpus source, its publication date (ISO 8601) where found. */
  readonly published: readonly (string | undefined)[];
  /** Per corpus source, a short name for reasons (its file name). */
  readonly names: readonly string[];
  /** Per corpus source, its id: breaks ties between sources of one file name in other folders. */
  readonly ids: readonly string[];
  /** The corpus's groups; those of this story are the ones whose members are its sources. */
  readonly groups: readonly SentenceGroup[];
  /** Indices (into `groups`) of this story's groups. */
  readonly storyGroups: readonly number[];
}

/** A story's origin and the order of its versions from first to last. */
export interface StoryOrder {
  readonly origin?: StoryOrigin;
  /** The story's sources, likely first first. */
  readonly order: readonly number[];
}

/** Most versions that carry no shared statement an origin's reason names; more are counted. */
const MAX_NAMED = 3;

/**
 * The origin and order of one story. Output: no origin for a story of one version or with no
 * shared statement and fewer than two dates. O(M + S²·G/32) at most for M group members, S
 * sources and G groups (the subset test), in practice O(M + S·G).
 */
export function storyOrder(input: OriginInput): StoryOrder {
  const { sources, groups, storyGroups, published, names, ids } = input;
  const carried = new Map<number, Set<number>>(sources.map(s => [s, new Set<number>()]));
  const anchored = new Map<number, Set<number>>(sources.map(s => [s, new Set<number>()]));
  for (const g of storyGroups) {
    const group = groups[g];
    for (const m of group.members) {
      carried.get(m.source)?.add(g);
      // The anchor's own wording, wherever it stands, not only the anchor member's source: every
      // source that prints the anchor's words has the same claim to them.
      if (m.similarity >= 1) anchored.get(m.source)?.add(g);
    }
  }
  const byName = (x: number, y: number) => compareCodeUnits(names[x], names[y]) || compareCodeUnits(ids[x], ids[y]) || x - y;
  const evidence = (x: number, y: number) => carried.get(y)!.size - carried.get(x)!.size || anchored.get(y)!.size - anchored.get(x)!.size;
  const byDerivation = [...sources].sort((x, y) => evidence(x, y) || byName(x, y));
  const rank = new Map(byDerivation.map((s, i) => [s, i]));
  const dated = sources.filter(s => published[s]);
  const byDate =
    dated.length >= 2 ? [...dated].sort((x, y) => comparePublished(published[x]!, published[y]!) || rank.get(x)! - rank.get(y)!) : [];
  const order = [...byDate, ...byDerivation.filter(s => !byDate.includes(s))];
  if (sources.length < 2) return { order };

  const shared = storyGroups.length;
  const derived = byDerivation[0];
  const derivedSet = carried.get(derived)!;
  const tied = sources.filter(s => s !== derived && evidence(s, derived) === 0).sort(byName);
  // The sources that tie with it are named with it; what is said of the rest is said of them alone.
  const rest = sources.filter(s => s !== derived && !tied.includes(s));
  // A version that carries no shared statement (one the reader took for a version of the story)
  // is no subset of anything: it is named apart.
  const others = rest.filter(s => carried.get(s)!.size > 0);
  const subsets = others.filter(s => [...carried.get(s)!].every(g => derivedSet.has(g))).length;
  // A subset as large as the set is the same statements, told apart by their wording alone.
  const same = others.filter(s => carried.get(s)!.size === derivedSet.size).length;
  const carries = `carries ${derivedSet.size} of the ${shared} shared statements`;
  // A file name that another version of the story shares ("a/story.txt", "b/story.txt") names neither: its id does.
  const shownName = (s: number) => (sources.some(o => o !== s && names[o] === names[s]) ? ids[s] : names[s]);
  const subsetWords =
    subsets === others.length && same === others.length
      ? `${others.length === 1 ? 'the other carries' : 'the others carry'} the same ones, fewer in the wording closest to all`
      : subsets === others.length
        ? others.length === 1
          ? 'the other is a subset'
          : 'the others are subsets'
        : subsets === 0
          ? `the others carry at most ${Math.max(0, ...others.map(s => carried.get(s)!.size))}`
          : `${subsets} of the ${others.length} others ${subsets === 1 ? 'is a subset' : 'are subsets'}`;
  const tiedWords = tied.length ? `, as ${tied.length === 1 ? 'does' : 'do'} ${tied.map(shownName).join(', ')}` : '';
  const carryNone = rest.filter(s => carried.get(s)!.size === 0).sort(byName);
  const noneWords = carryNone.length
    ? `; ${carryNone.length <= MAX_NAMED ? carryNone.map(shownName).join(', ') : `${carryNone.length} others`} ${carryNone.length === 1 ? 'carries' : 'carry'} none`
    : '';
  // Dates that do not order against the first's (the same day, one without a time, or the same
  // minute) leave it first by the shared text alone, and the reason names them with what decided.
  // What it says of the shared text holds of each of them: the dates of a day need not order
  // one way (8:00 before 9:00, and a version of that day without a time tied with both), so one
  // that the shared text favours may stand after it all the same.
  const sameDateWords = (first: number) => {
    const same = byDate.filter(s => s !== first && comparePublished(published[s]!, published[first]!) === 0);
    if (!same.length) return '';
    const listed = (list: readonly number[]) =>
      list.length <= MAX_NAMED ? list.map(shownName).join(', ') : `${list.length} other versions of that day`;
    const named =
      same.length <= MAX_NAMED
        ? same.map(s => `${shownName(s)} (${showPublished(published[s]!)})`).join(', ')
        : `${same.length} other versions of that day`;
    const these = same.length === 1 ? 'the two' : 'these';
    const count = carried.get(first)!.size;
    const favoured = same.filter(s => evidence(first, s) > 0);
    const even = same.filter(s => evidence(first, s) === 0);
    const asMany = same.filter(s => carried.get(s)!.size === count);
    const decided =
      shared === 0
        ? 'nothing shared tells them apart'
        : favoured.length
          ? `the shared text favours ${listed(favoured)}`
          : even.length === same.length
            ? 'the shared text does not tell them apart'
            : even.length
              ? `the shared text does not tell it from ${listed(even)}`
              : !asMany.length
                ? `of ${these} it carries the most shared statements (${count} of ${shared})`
                : `of ${these} it carries the most shared statements (${count} of ${shared}), as ${listed(asMany)} ${asMany.length === 1 ? 'does' : 'do'}, and more of them in the wording closest to all`;
    return `, not known to be earlier than ${named}; ${decided}`;
  };
  // Those that carry none are named first, so that "the other(s)" after them are those that carry some.
  const derivationReason = `${carries}${tiedWords}${noneWords}${others.length ? `; ${subsetWords}` : ''}`;

  if (byDate.length) {
    const first = byDate[0];
    const dateReason = `earliest date: ${showPublished(published[first]!)}${sameDateWords(first)}`;
    if (first === derived || shared === 0 || tied.includes(first)) return { order, origin: { source: first, reason: dateReason } };
    return {
      order,
      origin: {
        source: first,
        reason: `${dateReason}; the shared text points to ${shownName(derived)} (${carries}), but the date wins`,
      },
    };
  }
  if (shared === 0) return { order };
  return { order, origin: { source: derived, reason: derivationReason } };
}

/** The story with its origin (unchanged when it has none). */
export function withOrigin(story: Story, origin: StoryOrigin | undefined): Story {
  return origin ? { ...story, origin } : story;
}
