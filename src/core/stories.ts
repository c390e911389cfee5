/**
 * The story stage (between stages 1 and 2): which sources of a corpus tell one story.
 *
 * A folder may hold many stories, each told by a few sources, and every page carries its
 * site's chrome and teasers of other stories. Two sources belong to one story when they share
 * article statements: several of their article sentences are found in each other, in one
 * reading order, and those make up a fair share of the smaller of the two. A source that shares
 * nothing is a story of one.
 *
 * How it decides (`src/core/README.md`, "Stories", has the rule and its cost in full):
 * 1. Each source is read as its distinct article sentences, each sentence as its distinct
 *    shingles (`storyIndex.ts`, `storyShingles.ts`).
 * 2. Candidate pairs come from the shingle index, never from all pairs, and each is scored by
 *    its found sentences (`storyPairs.ts`, `storyEvidence.ts`). Stories are the connected
 *    components of the pairs that pass.
 * 3. Before any pass, a site's template read as article text (sentences carried by exactly the
 *    same sources whose pairs share nothing else: `templateForms`) is set aside.
 *    A first pass asks for more shared text; every shingle whose sources fall into
 *    `chromeStories` or more of its stories, none holding half, is chrome (`storyChrome.ts`),
 *    and so is a sentence that some page prints off its article lines where the pages that
 *    print it fall so (`recurringForms`; a story's openings never are); the pairs are decided
 *    again without them, each share taken of a page's own sentences (its teased headlines left
 *    out: `ownSentences`). Both rules are then read again over the stories that pass found, which
 *    leaves fewer in pieces; what no longer recurs is given back and the pairs decided again.
 *    In that final decision, two pages cut from one mould (each keeps returning to a name the
 *    other never states, in sentences found on the other: `storyProtagonists.ts`) are not
 *    paired, whatever they share.
 * 4. Each story is titled by its best-supported headline (`storyTitle.ts`), a lead that opens
 *    the pages of many stories passed over for the source's first sentence that counts.
 *
 * A copy of another source (the same text, with an article sentence) is set aside before step 1
 * and joins its original's story at the end (`findStories`).
 *
 * With `oneStory` the caller says that every source is a version of one story: steps 2 and 3
 * are skipped, and nothing recurs across stories.
 *
 * Deterministic and independent of the order of the sources: candidates are paired in the
 * canonical order, every tie is broken by it, and the result is a partition.
 * Cost: O(W) to read W words, O(S·window) for S distinct shingle occurrences of the sources,
 * plus O(a + b) shingles for each scored pair (and, for a sentence whose shingles are first
 * met in several sentences of the other, the shingles of those: `carrierOf`); memory O(S + F + n) for F forms and n sources.
 */
import { PairEvidence, passFacts } from './storyEvidence';
import { SourceStoryForms, StorySource, buildStoryIndex, storyFormsOf } from './storyIndex';
import {
  chromeShingles,
  crossStoryForms,
  openingsOfFinalStories,
  openingsOfManyStories,
  recurringForms,
  templateForms,
} from './storyChrome';
import { storyComponents } from './storyPairs';
import { storyTitle } from './storyTitle';
import type { Story, StoryOptions } from './types';

export type { SourceStoryForms, Story, StoryOptions, StorySource };

/** The stories of a corpus, and per source the index of its story. */
export interface StoryGrouping {
  /** Largest story first, ties by first source. Every source is in exactly one story. */
  readonly stories: readonly Story[];
  readonly storyOfSource: Int32Array;
  /**
   * Forms of sentences (compared forms) whose sources fall into `chromeStories` or more
   * stories, on article lines or not: recurring text, evidence of chrome. Each maps to its
   * home, the story whose text it is (`crossStoryForms`), or -1 where it is no story's text.
   * Keyed by the form `unnumbered` (`text.ts`): look a sentence up by `unnumbered(form)`.
   */
  readonly crossStoryForms: ReadonlyMap<string, number>;
}

/**
 * Input: the prepared sources, the stage's options, and how to get a source's own part of the
 * work (by default `storyFormsOf`; a caller that keeps those parts by content, as an editor
 * session's analyzer does, passes its kept ones, which must equal what `storyFormsOf` gives).
 * Output: the stories, each source's story, and the forms that recur across stories. See the
 * module comment for how and at what cost.
 */
export function findStories(
  sources: readonly StorySource[],
  options: StoryOptions = {},
  formsOf: (source: StorySource, shingleWords: number) => SourceStoryForms = storyFormsOf,
): StoryGrouping {
  const originalOf = originalsOf(sources, source => hasArticleForms(formsOf(source, storyShingleWords(options))));
  if (!originalOf.some(o => o >= 0)) return findDistinctStories(sources, options, formsOf);
  // A copy of a source (the same page saved twice, a reprint word for word) is the same story,
  // and no more evidence of anything than the source itself: the stories are found among the
  // distinct texts, and each copy joins its original's story. Counted as a source of its own,
  // a copy made a story of two outlets look like three to the checks that keep large stories
  // apart, and tipped the choice of a story's title.
  const distinct: number[] = [];
  const distinctOf = new Int32Array(sources.length);
  sources.forEach((_, s) => {
    distinctOf[s] = originalOf[s] < 0 ? distinct.push(s) - 1 : distinctOf[originalOf[s]];
  });
  const found = findDistinctStories(
    distinct.map(s => sources[s]),
    options,
    formsOf,
  );
  // Every source in its original's story; the stories ordered again by their sizes with the copies.
  const lists = found.stories.map(() => [] as number[]);
  sources.forEach((_, s) => lists[found.storyOfSource[distinctOf[s]]].push(s));
  const order = lists.map((_, k) => k).sort((x, y) => lists[y].length - lists[x].length || lists[x][0] - lists[y][0]);
  const renumbered = new Int32Array(order.length);
  order.forEach((k, at) => (renumbered[k] = at));
  const storyOfSource = new Int32Array(sources.length);
  sources.forEach((_, s) => (storyOfSource[s] = renumbered[found.storyOfSource[distinctOf[s]]]));
  return {
    stories: order.map(k => ({ ...found.stories[k], sources: lists[k] })),
    storyOfSource,
    crossStoryForms: new Map([...found.crossStoryForms].map(([form, home]) => [form, home < 0 ? home : renumbered[home]])),
  };
}

/**
 * Per source, the first source with the same hash and text where it is a copy of one, and -1
 * otherwise. A source without article forms (`hasArticle` false, asked of copies only) is no
 * one's copy: such texts, a blank note saved twice, have nothing to be one story by. O(n)
 * expected, and a comparison of texts per pair of one hash.
 */
function originalsOf(sources: readonly StorySource[], hasArticle: (source: StorySource) => boolean): Int32Array {
  const originalOf = new Int32Array(sources.length).fill(-1);
  const byHash = new Map<string, number[]>();
  sources.forEach((source, s) => {
    const earlier = byHash.get(source.hash);
    const original = earlier?.find(e => sources[e].text === source.text);
    if (original !== undefined && hasArticle(source)) originalOf[s] = original;
    else if (earlier) earlier.push(s);
    else byHash.set(source.hash, [s]);
  });
  return originalOf;
}

/** Whether a source's part of the index holds a form with shingles: an article sentence to go by. */
function hasArticleForms(forms: SourceStoryForms): boolean {
  for (let i = 0; i < forms.forms.length; i++) if (forms.keyStart[i + 1] > forms.keyStart[i]) return true;
  return false;
}

/** `findStories` of sources no two of which are copies of each other (see `originalsOf`). */
function findDistinctStories(
  sources: readonly StorySource[],
  options: StoryOptions,
  formsOf: (source: StorySource, shingleWords: number) => SourceStoryForms,
): StoryGrouping {
  const settings = {
    shingleWords: storyShingleWords(options),
    foundShingles: Math.max(1, options.foundShingles ?? 2),
    minSharedSentences: Math.max(1, options.minSharedSentences ?? 2),
    minSharedShare: options.minSharedShare ?? 0.2,
    window: Math.max(1, options.window ?? 16),
    chromeStories: Math.max(2, options.chromeStories ?? 3),
    firstPassShare: options.firstPassShare ?? 0.35,
    firstPassSentences: options.firstPassSentences ?? 8,
  };
  const index = buildStoryIndex(sources, settings.shingleWords, source => formsOf(source, settings.shingleWords));
  const evidence = new PairEvidence(index);
  if (options.oneStory && sources.length > 0) {
    // One story by the caller's word: nothing recurs across stories, and nothing is decided.
    const all = sources.map((_, s) => s);
    return {
      stories: [{ title: storyTitle(index, all, evidence), sources: all }],
      storyOfSource: new Int32Array(sources.length),
      crossStoryForms: new Map(),
    };
  }
  // The first pass asks for more shared text, so that recurring chrome and teasers cannot
  // join stories there; which stories that text then spans tells it apart.
  const noChrome = new Uint8Array(index.shingleCount);
  const untemplated = passFacts(index, noChrome, settings.foundShingles);
  const template = templateForms(index, untemplated, evidence, settings.minSharedSentences);
  // Without a template the first pass reads the same evidence, which the scorer then keeps.
  const firstPass = template.includes(1) ? passFacts(index, noChrome, settings.foundShingles, template) : untemplated;
  const first = storyComponents(
    index,
    firstPass,
    { ...settings, minSharedShare: Math.max(settings.minSharedShare, settings.firstPassShare) },
    settings.firstPassSentences,
    evidence,
  );
  // The final pass: the pairs decided again without what `chrome` and `recurring` set aside,
  // each share taken of a page's own sentences. With nothing set aside it reads the first
  // pass's evidence, which the scorer then keeps.
  const decide = (chrome: Uint8Array, recurring: Uint8Array) => {
    const anyRecurring = recurring.includes(1);
    const setAside = anyRecurring ? recurring.map((r, f) => r | template[f]) : template;
    const pass = chrome.includes(1) || anyRecurring ? passFacts(index, chrome, settings.foundShingles, setAside) : firstPass;
    return { pass, component: storyComponents(index, pass, { ...settings, ownShare: true }, Number.MAX_SAFE_INTEGER, evidence) };
  };
  // Openings of many stories are no story's (a notice above every story of several sites).
  const firstMany = openingsOfManyStories(index, first, settings.chromeStories, firstPass);
  let chrome = chromeShingles(index, first, settings.chromeStories, firstPass, firstMany, true);
  let recurring = recurringForms(index, first, settings.chromeStories, firstPass, firstMany);
  let decision = decide(chrome, recurring);
  // The final stories are nearer the truth than the first pass's pieces: a story's own text
  // that the first pass left in pieces spans them as chrome does. What no longer recurs across
  // the final stories is given back (chrome is only ever taken away here), and the pairs are
  // decided again.
  for (let round = 0; round < MAX_REFINEMENTS && (chrome.includes(1) || recurring.includes(1)); round++) {
    const manyStories = openingsOfManyStories(index, decision.component, settings.chromeStories, firstPass);
    const keptChrome = stillSetAside(chrome, chromeShingles(index, decision.component, settings.chromeStories, firstPass, manyStories));
    const keptRecurring = stillSetAside(
      recurring,
      recurringForms(index, decision.component, settings.chromeStories, firstPass, manyStories),
    );
    if (!keptChrome && !keptRecurring) break;
    chrome = keptChrome ?? chrome;
    recurring = keptRecurring ?? recurring;
    decision = decide(chrome, recurring);
  }
  const component = decision.component;
  const lists = storyLists(component);
  const storyOfSource = new Int32Array(sources.length);
  lists.forEach((list, story) => {
    for (const s of list) storyOfSource[s] = story;
  });
  // The final stories' openings, as the titles read them.
  const openings = openingsOfFinalStories(index, storyOfSource, settings.chromeStories, firstPass);
  const decided = {
    pass: decision.pass,
    manyStories: openings.manyStories,
    openingHolder: openings.holder,
    storyOf: storyOfSource,
  };
  const stories = lists.map(list => ({ title: storyTitle(index, list, evidence, decided), sources: list }));
  return {
    stories,
    storyOfSource,
    crossStoryForms: crossStoryForms(
      index,
      storyOfSource,
      lists.map(list => list.length),
      settings.chromeStories,
    ),
  };
}

/**
 * At most this many times the final stories are read again for chrome. Chrome is only taken
 * away, so the rounds end by themselves; on the synthetic shapes they did so by the third.
 */
const MAX_REFINEMENTS = 3;

/** What `setAside` flags that `again` flags too, or undefined where that is all of it (nothing given back). O(length). */
function stillSetAside(setAside: Uint8Array, again: Uint8Array): Uint8Array | undefined {
  let given = false;
  const kept = setAside.map((flag, i) => {
    if (flag && !again[i]) given = true;
    return flag & again[i];
  });
  return given ? kept : undefined;
}

/** The words in a shingle that `options` give (at least 1, 2 by default). */
export function storyShingleWords(options: StoryOptions = {}): number {
  return Math.max(1, options.shingleWords ?? 2);
}

/**
 * A prepared source's own part of the story stage, as `findStories` makes it with `options`:
 * it depends on that source alone, so it can be made where the source is prepared (another
 * thread) and handed to `Analyzer.adopt`. O(W) for W words.
 */
export function storyFormsFor(source: StorySource, options: StoryOptions = {}): SourceStoryForms {
  return storyFormsOf(source, storyShingleWords(options));
}

/** The sources of each component, ascending; largest first, ties by first source. O(n log n). */
function storyLists(component: Int32Array): number[][] {
  const members = new Map<number, number[]>();
  component.forEach((root, s) => {
    const list = members.get(root);
    if (list) list.push(s);
    else members.set(root, [s]);
  });
  return [...members.values()].sort((x, y) => y.length - x.length || x[0] - y[0]);
}
