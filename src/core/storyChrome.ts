/**
 * Text that recurs across stories: a site's newsletter line, a menu read as prose, a teaser of
 * another story. It is evidence of chrome, never of article text.
 */
import { HEADLINE_REACH, OPENING, PairEvidence, PassFacts, forEachOpening, openingForms } from './storyEvidence';
import type { StoryIndex } from './storyIndex';
import { endsWithStop, unnumbered } from './text';

/** How many sentences must follow a source's opening for `teaserForms` to take it for one. */
const OPENING_FOLLOWED_BY = 2;

/** How many readings `templateForms` makes at most: the first, then each with the template found so far ignored. */
const TEMPLATE_ROUNDS = 3;

/** How many pairs of its sources `templateForms` reads of each set of forms. */
const TEMPLATE_SAMPLE = 5;

/**
 * A site's template that reads as article text: its newsletter line, its "about" paragraph, a
 * comment prompt. Every page of the site prints it, whatever the story, so on two pages of one
 * site it is found in order, and on short pages it is a fair share of what they have. Input:
 * the index, a pass with nothing set aside (`passFacts` with no chrome) and its evidence, and
 * the sentences a pair must share to be one story. Output: per form, 1 where it is template.
 *
 * The forms are taken in sets carried by exactly the same sources, at least 3 of them (the
 * newsletter and the "about" line of one site go together); a story's opening and its teasers
 * (`teaserForms`) are left out of every set. A set is template where the pairs of its sources
 * mostly share nothing else: of up to `TEMPLATE_SAMPLE` pairs of sources next to each other in
 * canonical order, more find fewer than `minShared` of their other sentences in each other (in
 * one reading order, teasers set aside: `PairEvidence.foundInOrder`) than find as many. A pair
 * where the set is half of either page or more counts as finding as many: a reprint under other
 * headlines is most of its pages. Where neither page's opening is found on the other
 * (`sharesTop`: one of its first `HEADLINE_REACH` + 1 sentences that count, the set left out,
 * that is a title or that not every source of the set prints), the sentences the pair shares
 * that at least as many pages print as print the set (`widelyShared`, teasers aside) do not
 * count towards `minShared`: a box of other stories' headlines and ledes that a site prints on
 * every page is the rest of its template, where few of those stories have a page of their own
 * here that opens with what the box prints, so that `teaserForms` does not set it aside. (In a
 * script without sentence stops every sentence reads as a title, so there a page's opening
 * counts wherever the other page prints it, the site's template included.) Where a reading
 * finds template, the sets left that more pages print than share any one headline (the most
 * versions of one story, as far as headlines tell) and whose sampled pairs share no opening
 * are read again, up to `TEMPLATE_ROUNDS` readings in all, with the template found so far kept
 * in its place but ignored (`PassFacts.ignored`): two parts of one template that other sites
 * print apart, each on some of their pages, hide each other otherwise. Decided before any pass:
 * chrome that joins a site's pages in the first pass would hide which stories it spans.
 * O(T) for T sentences of all sources, plus O(a + b) shingles per pair read (each pair once per
 * reading) and, for each set a pair is read for, O(a + b + c) for c the sources of the
 * sentences at the top of either page.
 */
export function templateForms(index: StoryIndex, pass: PassFacts, evidence: PairEvidence, minShared: number): Uint8Array {
  const forms = index.formShingles.length;
  const template = new Uint8Array(forms);
  const sourcesOf: number[][] = Array.from({ length: forms }, () => []);
  // Sources in canonical order, so each form's list is in that order.
  for (const s of index.order) for (const f of index.sourceForms[s]) if (pass.needed[f]) sourcesOf[f].push(s);
  const teaser = teaserForms(index, pass);
  const sets = new Map<string, number[]>();
  for (let f = 0; f < forms; f++) {
    // A headline or a lede on the pages of its story and a teaser on others is that story's text.
    if (sourcesOf[f].length < 3 || teaser[f]) continue;
    const key = sourcesOf[f].join(',');
    const set = sets.get(key);
    if (set) set.push(f);
    else sets.set(key, [f]);
  }
  // The pass the sets are read in: `pass`, then with the template found so far ignored.
  let current = pass;
  const found = (a: number, b: number) => evidence.foundInOrder(a, b, current);
  const majority = (TEMPLATE_SAMPLE >> 1) + 1;
  // Per form, the number of the set it belongs to: equal to `setNumber` while that set is read,
  // so its forms are left out without clearing. Stamps mark the forms of a page, or the sources
  // of a form, for one question at a time.
  const inSet = new Int32Array(forms);
  let setNumber = 0;
  const stamp = new Int32Array(forms);
  let stamps = 0;
  const sourceStamp = new Int32Array(index.sources.length);
  let sourceStamps = 0;
  // Whether either page's opening is found on the other: one of its first HEADLINE_REACH + 1
  // sentences that count, the set left out, where it is a title (a headline) or some source of
  // the set lacks it (a brief's first sentences may run into its site's template, which all of
  // them print).
  const sharesTop = (a: number, b: number, carriers: readonly number[]) => opensOn(a, b, carriers) || opensOn(b, a, carriers);
  const opensOn = (a: number, b: number, carriers: readonly number[]) => {
    const value = ++stamps;
    for (const f of index.sourceForms[b]) stamp[f] = value;
    const list = index.sourceForms[a];
    for (let i = 0, counted = 0; i < list.length && counted < HEADLINE_REACH + 1; i++) {
      const f = list[i];
      if (!pass.needed[f] || inSet[f] === setNumber) continue;
      counted++;
      if (
        stamp[f] === value &&
        !current.ignored?.[f] &&
        (!endsWithStop(index.formTexts[f]) || sourcesOf[f].length < carriers.length || !carriesAll(f, carriers))
      )
        return true;
    }
    return false;
  };
  const carriesAll = (f: number, carriers: readonly number[]) => {
    const value = ++sourceStamps;
    for (const s of sourcesOf[f]) sourceStamp[s] = value;
    return carriers.every(s => sourceStamp[s] === value);
  };
  // How many sentences that count on source a, outside the set and no teasers (the pair's
  // evidence leaves those out already), b prints too and at least as many pages print as print
  // the set (`carriers`): the rest of a template, which other pages print as well (a box of
  // other stories' openings, where those stories' pages do not open with what it prints).
  const widelyShared = (a: number, b: number, carriers: readonly number[]) => {
    const value = ++stamps;
    for (const f of index.sourceForms[b]) stamp[f] = value;
    let count = 0;
    for (const f of index.sourceForms[a])
      if (
        pass.needed[f] &&
        !current.ignored?.[f] &&
        !teaser[f] &&
        stamp[f] === value &&
        inSet[f] !== setNumber &&
        sourcesOf[f].length >= carriers.length
      )
        count++;
    return count;
  };
  // Per set (by its first form), 1 where a pair of its sources read so far shares an opening (`sharesTop`).
  const opened = new Uint8Array(forms);
  const isTemplate = (set: readonly number[]): boolean => {
    const sources = sourcesOf[set[0]];
    setNumber++;
    for (const f of set) inSet[f] = setNumber;
    let apart = 0;
    let together = 0;
    for (let k = 0; k + 1 < sources.length && k < TEMPLATE_SAMPLE && apart < majority && together < majority; k++) {
      const [a, b] = [sources[k], sources[k + 1]];
      // A reprint under other headlines: the set is most of its pages.
      if (2 * set.length >= Math.min(pass.of[a], pass.of[b])) {
        together++;
        continue;
      }
      // Both carry every form of the set: what each finds of the other beyond the set is the rest.
      const beyondAB = found(a, b) - set.length;
      const beyondBA = beyondAB >= minShared ? found(b, a) - set.length : 0;
      const top = beyondAB >= minShared && beyondBA >= minShared && sharesTop(a, b, sources);
      if (top) opened[set[0]] = 1;
      const sharesMore =
        beyondAB >= minShared &&
        beyondBA >= minShared &&
        (top || (beyondAB - widelyShared(a, b, sources) >= minShared && beyondBA - widelyShared(b, a, sources) >= minShared));
      if (sharesMore) together++;
      else apart++;
    }
    return apart > together;
  };
  // Where a reading finds template, the sets left that more pages print than share any one
  // headline (`mostPagesUnderOneHeadline`: the most versions of a story, as far as headlines
  // tell), and whose sampled pairs share no opening, are read again with it ignored: a site's
  // newsletter line, each site its own, is found on the pages of other sites but for the name,
  // so notices that several sites print (each site two of them) hide it, and it them, until
  // one is set aside. Sets printed no more widely are read once: a story's versions, retitled,
  // may share no opening, and what a reading sets aside would leave the story's sets alone.
  const storyPages = mostPagesUnderOneHeadline(index, pass);
  for (let round = 0, newly = 1; round < TEMPLATE_ROUNDS && newly > 0; round++) {
    newly = 0;
    if (round) current = { ...pass, ignored: template.slice() };
    for (const set of sets.values()) {
      if (template[set[0]] || (round && (opened[set[0]] || sourcesOf[set[0]].length <= storyPages)) || !isTemplate(set)) continue;
      for (const f of set) template[f] = 1;
      newly++;
    }
  }
  return template;
}

/**
 * The most sources that open with one lead (`StoryIndex.leadForm`, a headline where the page
 * marks one) that is evidence in `pass`: as far as headlines tell, the most versions of one
 * story the corpus holds. O(n).
 */
function mostPagesUnderOneHeadline(index: StoryIndex, pass: PassFacts): number {
  const pages = new Map<number, number>();
  let most = 0;
  for (const f of index.leadForm) {
    if (f < 0 || !pass.needed[f]) continue;
    const count = (pages.get(f) ?? 0) + 1;
    pages.set(f, count);
    most = Math.max(most, count);
  }
  return most;
}

/**
 * Per form, 1 where it opens some source (`openingForms`: a headline or the lede under it, with
 * `OPENING_FOLLOWED_BY` sentences after it there) and stands more than `HEADLINE_REACH`
 * sentences down on another, among the sentences that count in `pass`: a story's opening, and a
 * teaser of it on the pages of other stories. The teaser rule of `PairEvidence` reads it where
 * it stands; as the story's own text it is evidence. O(T) for T sentences of all sources.
 */
export function teaserForms(index: StoryIndex, pass: PassFacts): Uint8Array {
  // On a page of little more than a headline, the site's chrome under it opens nothing.
  const openings = openingForms(index, pass, OPENING_FOLLOWED_BY, HEADLINE_REACH + 1);
  const teaser = new Uint8Array(index.formShingles.length);
  for (const list of index.sourceForms) {
    for (let i = 0, counted = 0; i < list.length; i++) {
      const f = list[i];
      if (!pass.needed[f]) continue;
      if (counted++ > HEADLINE_REACH && openings[f] & OPENING) teaser[f] = 1;
    }
  }
  return teaser;
}

/**
 * Input: the index, a story number per source (a first pass), the number of stories that
 * makes a shingle recurring, the first pass's facts, and the openings of many of those stories
 * (`openingsOfManyStories`). Output: per shingle, 1 where its sources fall into `limit` or more
 * stories and no one of them holds half of its sources (a story's own text may span several
 * first-pass stories where that pass left a large story in pieces), but for the shingles of a
 * story's headline or lede teased on other pages (`teaserForms`, unless it opens many stories):
 * a version that keeps little more than its headline and lede (a brief) needs them to meet its
 * story. With `firstPass`, also but for a shingle that every story of
 * article text carries where each is one source: chrome is text that recurs across stories,
 * and where the first pass formed no story and none stands apart from the shingle, nothing
 * tells it from the subject of one story whose versions that pass found too far apart (three
 * rewrites of one report, each sharing two statements with the others). Against a site's frame
 * read as article text on such pages there are then only the template rules (`templateForms`,
 * `PairEvidence`'s `framesBoth`). Not over the final stories, whose chrome, once given back,
 * is not taken again. O(S + F) for S postings and F forms.
 */
export function chromeShingles(
  index: StoryIndex,
  storyOf: Int32Array,
  limit: number,
  pass: PassFacts,
  manyStories: Uint8Array,
  firstPass = false,
): Uint8Array {
  const { postings, postingStart, shingleCount } = index;
  const chrome = new Uint8Array(shingleCount);
  const teaserShingle = teaserShinglesOf(index, pass, manyStories);
  const seen = new Int32Array(index.sources.length).fill(-1);
  const count = new Int32Array(index.sources.length);
  const size = new Int32Array(index.sources.length);
  // The stories of article text (a page of none, such as an error page, is no story against a shingle).
  let storyCount = 0;
  storyOf.forEach((story, s) => {
    if (pass.of[s] > 0 && size[story]++ === 0) storyCount++;
  });
  for (let x = 0; x < shingleCount; x++) {
    const start = postingStart[x];
    const end = postingStart[x + 1];
    if (end - start < limit || teaserShingle[x]) continue;
    let stories = 0;
    let most = 0;
    let formed = false;
    for (let i = start; i < end; i++) {
      const story = storyOf[postings[i]];
      if (seen[story] !== x) {
        seen[story] = x;
        count[story] = 0;
        stories++;
        formed ||= !firstPass || size[story] > 1;
      }
      most = Math.max(most, ++count[story]);
    }
    if (stories >= limit && most * 2 < end - start && (formed || stories < storyCount)) chrome[x] = 1;
  }
  return chrome;
}

/** `teaserForms` per pass, worked out once: the stage reads chrome again over later stories with the same pass. */
const teaserFormsOfPass = new WeakMap<PassFacts, Uint8Array>();

/**
 * Per shingle, 1 where it is one of a teaser form's (`teaserForms`) that `manyStories` does not
 * flag. O(F + s) for F forms and s shingles of teaser forms (`teaserForms` itself once per pass).
 */
function teaserShinglesOf(index: StoryIndex, pass: PassFacts, manyStories: Uint8Array): Uint8Array {
  let teaser = teaserFormsOfPass.get(pass);
  if (!teaser) teaserFormsOfPass.set(pass, (teaser = teaserForms(index, pass)));
  const teaserShingle = new Uint8Array(index.shingleCount);
  for (let f = 0; f < teaser.length; f++) if (teaser[f] && !manyStories[f]) for (const x of index.formShingles[f]) teaserShingle[x] = 1;
  return teaserShingle;
}

/**
 * Input: the index, a story number per source, the number of stories that makes text
 * recurring (`chromeStories`), and the pass's facts. Output: per form, 1 where the sources it
 * opens (among their first 3 sentences that count, with 2 more after it, as `openingForms` reads
 * an opening) that are in stories of more than one source fall into `limit` or more of those
 * stories, and no one story holds half of them. A story's headline and lede open the pages of
 * that story; a consent banner that several sites print above every story opens the pages of
 * many, and is no story's opening, however it is teased. Stories of one source are not read: a
 * story that a pass left in pieces of a page each opens them all with its headline. Read by
 * `chromeShingles` and `recurringForms` over the same stories. O(T + n log n) for T sentences of
 * all sources and n sources; memory O(F + n).
 */
export function openingsOfManyStories(index: StoryIndex, storyOf: Int32Array, limit: number, pass: PassFacts): Uint8Array {
  const forms = index.formTexts.length;
  const many = new Uint8Array(forms);
  const spread = openingSpread(index, storyOf, pass);
  for (let f = 0; f < forms; f++) if (spread.spans(f, limit)) many[f] = 1;
  return many;
}

/**
 * Input: as `openingsOfManyStories` has. Output: that function's flags (`manyStories`) and, per
 * form, the story (a number of `storyOf`) that more of the sources it opens belong to than to
 * any other, among stories of more than one source, or -1 where none does (`holder`): a
 * headline teased at the top of other stories' pages still opens more of its own story's pages
 * than of any other's. Both read from one count of the openings. O(T + n log n), as that function.
 */
export function openingsOfFinalStories(
  index: StoryIndex,
  storyOf: Int32Array,
  limit: number,
  pass: PassFacts,
): { readonly manyStories: Uint8Array; readonly holder: Int32Array } {
  const spread = openingSpread(index, storyOf, pass);
  return {
    manyStories: Uint8Array.from(index.formTexts, (_, f) => (spread.spans(f, limit) ? 1 : 0)),
    holder: Int32Array.from(index.formTexts, (_, f) => spread.heldMostBy(f)),
  };
}

/** How the forms that open sources fall into their stories of more than one source (see `openingsOfManyStories`). */
function openingSpread(index: StoryIndex, storyOf: Int32Array, pass: PassFacts): StorySpread {
  const size = new Int32Array(index.sources.length);
  storyOf.forEach((story, s) => {
    if (pass.of[s] > 0) size[story]++;
  });
  const spread = new StorySpread(index.formTexts.length);
  for (const s of sourcesByStory(storyOf)) {
    const story = storyOf[s];
    if (size[story] < 2) continue;
    // A source's opening forms are distinct: each counts the page once.
    forEachOpening(index, pass, s, OPENING_FOLLOWED_BY, HEADLINE_REACH + 1, f => spread.add(f, story));
  }
  return spread;
}

/**
 * Input: the index, the final story of each source, the stories' sizes, and the number of
 * stories that makes a form recurring. Output: the forms of sentences (compared forms) whose
 * sources fall into `limit` or more stories, each with its home: the one story whose sources
 * mark it as their headline (`StoryIndex.leadText`, among their article sentences) where only
 * one story's do (unless framed as below), or the one story whose sources
 * read it as article text when only one does, or the one story on whose sources it opens the
 * article (among their first `HEADLINE_REACH` + 1 sentences, past those that open sources of
 * several stories: a site's name, a byline) where that story reads it so, else
 * the story with most sources that do, at least two (ties: the story more of whose sources it
 * opens among their first `HEADLINE_REACH` + 1 article sentences, then the story whose first
 * source comes first in canonical order) unless the other stories' sources that do are framed as its sources
 * that do (`PageFrames.framedAlikeElsewhere`: a site's chrome read as prose), or -1 where it is
 * no story's text. Every sentence of a source counts, on article lines or not: a teaser
 * that one page reads as article text and others as chrome recurs on all of them. O(T) for T
 * sentences of all sources, plus, per form given a home by most sources, O(P · R) for its P
 * sources and the R recurring forms their frame holds; memory O(F + I) for F distinct forms and
 * I pairs of a recurring form and a source that prints it. Forms are read, and keyed,
 * `unnumbered`.
 */
export function crossStoryForms(index: StoryIndex, storyOf: Int32Array, storySizes: readonly number[], limit: number): Map<string, number> {
  const out = new Map<string, number>();
  if (storySizes.length < limit) return out;
  const storyRanks = new Int32Array(storySizes.length).fill(0x7fffffff);
  storyOf.forEach((story, s) => (storyRanks[story] = Math.min(storyRanks[story], index.rank[s])));
  // Sources story by story, so that a form's stories are counted by the last one it was met in:
  // per form, that story and the count, as one number (story · (n + 1) + count).
  const n = storyOf.length;
  const byStory = Array.from(storyOf.keys()).sort((x, y) => storyOf[x] - storyOf[y] || x - y);
  const met = new Map<string, number>();
  for (const s of byStory) {
    const story = storyOf[s];
    for (const sentence of index.sources[s].sentences) {
      const form = unnumbered(sentence.form);
      const known = met.get(form);
      if (known === undefined) met.set(form, story * (n + 1) + 1);
      else if (Math.floor(known / (n + 1)) !== story) met.set(form, story * (n + 1) + (known % (n + 1)) + 1);
    }
  }
  // Per recurring form, per story, the sources that read it as article text. One that no page
  // alone reads so stays in with no home: comparing a story's versions may make it article text.
  const storiesOfForm = new Map<string, Map<number, number>>();
  for (const [form, known] of met) if (known % (n + 1) >= limit) storiesOfForm.set(form, new Map());
  const lastPage = new Map<string, number>();
  // Per recurring form, the pages that read it as article text.
  const pagesOfForm = new Map<string, number[]>();
  index.sourceAllForms.forEach((forms, s) => {
    for (const f of forms) {
      const form = unnumbered(index.formTexts[f]);
      const counts = storiesOfForm.get(form);
      // A page that prints a headline plainly and numbered too (a related link and a most-read item) counts once.
      if (!counts || lastPage.get(form) === s) continue;
      lastPage.set(form, s);
      counts.set(storyOf[s], (counts.get(storyOf[s]) ?? 0) + 1);
      const pages = pagesOfForm.get(form);
      if (pages) pages.push(s);
      else pagesOfForm.set(form, [s]);
    }
  });
  // Per recurring form, per story on whose pages it opens the article, how many of them it
  // opens: a story's headline or lede, which the related lists of other stories' pages quote
  // further down. A page's frame (its site's name, a byline), which opens pages of several
  // stories, is passed over first.
  const openers = (take: (form: string) => boolean, skip: (form: string) => boolean) => {
    const found = new Map<string, Map<number, number>>();
    index.sourceAllForms.forEach((forms, s) => {
      // A page counts once for a form it opens with twice.
      const taken: string[] = [];
      for (let i = 0, opening = 0; i < forms.length && opening <= HEADLINE_REACH; i++) {
        const form = unnumbered(index.formTexts[forms[i]]);
        if (skip(form)) continue;
        opening++;
        if (!take(form) || taken.includes(form)) continue;
        taken.push(form);
        let pages = found.get(form);
        if (!pages) found.set(form, (pages = new Map()));
        pages.set(storyOf[s], (pages.get(storyOf[s]) ?? 0) + 1);
      }
    });
    return found;
  };
  const frames = new PageFrames(index, storiesOfForm);
  const atTop = openers(
    () => true,
    () => false,
  );
  const opensIn = openers(
    form => storiesOfForm.has(form),
    form => (atTop.get(form)?.size ?? 0) > 1,
  );
  // Per recurring form, the stories whose pages mark it as their headline (`StoryIndex.leadText`).
  const markedBy = new Map<string, Set<number>>();
  index.leadForm.forEach((f, s) => {
    if (f < 0 || !index.leadText[s]) return;
    const form = unnumbered(index.formTexts[f]);
    if (!storiesOfForm.has(form)) return;
    const stories = markedBy.get(form);
    if (stories) stories.add(storyOf[s]);
    else markedBy.set(form, new Set([storyOf[s]]));
  });
  for (const [form, counts] of storiesOfForm) {
    // A form that the pages of one story only mark as their headline (the line above the body
    // that shares most of its words) is that story's headline: its home, however many pages of
    // other stories read their teaser of it so, in a box above their own headline or under
    // their article. A page's own headline shares few words with the teasers above it. Not
    // where those other pages are framed as its pages are: a site's tagline that one page took
    // for its headline (see the frame below). (A page marks a headline only among its article
    // sentences, so that story reads it so.)
    const marking = markedBy.get(form);
    if (marking?.size === 1) {
      const [story] = marking;
      const framedAsSite = counts.size > 1 && frames.framedAlikeElsewhere(pagesOfForm.get(form)!, storyOf, story);
      out.set(form, framedAsSite ? -1 : story);
      continue;
    }
    // A form that opens the pages of one story only, which reads it as article text, is that
    // story's headline or lede: its home, even where other stories' pages read their teasers
    // of it as article text too. (A site's name above its headlines opens pages of many.)
    const opens = opensIn.get(form);
    if (opens?.size === 1) {
      const [[story]] = opens;
      if (counts.has(story)) {
        out.set(form, story);
        continue;
      }
    }
    // The one story that reads it as article text is its home, even through one page (a
    // page's own headline teased on the pages of others); among several, the one with most
    // pages that do, at least two (one page each of several stories is chrome read as prose).
    let home = -1;
    let most = counts.size === 1 ? 0 : 1;
    // Among equals, the story whose pages it opens more: a headline that as many pages of
    // another story read in their teasers, and others print in a box above their own headline,
    // still opens its own story's pages.
    const opened = atTop.get(form);
    const opensMore = (story: number, than: number) => (opened?.get(story) ?? 0) - (opened?.get(than) ?? 0);
    for (const [story, count] of counts) {
      if (
        count > most ||
        (count === most &&
          home >= 0 &&
          (opensMore(story, home) > 0 || (opensMore(story, home) === 0 && storyRanks[story] < storyRanks[home])))
      ) {
        home = story;
        most = count;
      }
    }
    // Where other stories' pages read it as article text too, it is the home's text only if at
    // most half of them are framed as the home's pages that read it are: a site's chrome that
    // one story's pages from that site read as prose is read so on the site's pages of other
    // stories, among the rest of the site's recurring chrome; a teaser of the home stands on
    // other sites' pages.
    if (home >= 0 && counts.size > 1 && frames.framedAlikeElsewhere(pagesOfForm.get(form)!, storyOf, home)) home = -1;
    out.set(form, home);
  }
  return out;
}

/**
 * Input: the index, a story number per source (a first pass), the number of stories that
 * makes a sentence recurring, and the first pass's facts. Output: per form of an article
 * sentence that some page prints off its article lines, 1 where the pages that print it, on
 * article lines or not, fall into `limit` or more stories and no one of them holds half of those
 * pages. A site's footer or cookie notice that a page alone reads as prose is chrome on the
 * site's other pages, so it spans the site's stories even where only two pages read it as
 * article text (too few for `chromeShingles`, which reads article text only; a sentence that
 * every page prints as article text is left to it). The openings of sources are never set aside
 * (`openingForms`: the first 3 sentences that count with at least 2 more after each), since a
 * box of most read stories prints a story's headline and lede as chrome on every page of its
 * site; but a form that opens the sources of many stories (`manyStories`, as
 * `openingsOfManyStories` gives it over the same stories) is no story's opening. Sources are
 * walked story by story, so each form keeps only counters. O(T + n log n) for T sentences of all
 * sources; memory O(F + n) for F forms and n sources.
 */
export function recurringForms(
  index: StoryIndex,
  storyOf: Int32Array,
  limit: number,
  pass: PassFacts,
  manyStories: Uint8Array,
): Uint8Array {
  const forms = index.formTexts.length;
  const recurring = new Uint8Array(forms);
  const offArticle = offArticleForms(index, pass);
  if (!offArticle.some(ids => ids.length)) return recurring;
  const printedOff = new Uint8Array(forms);
  for (const ids of offArticle) for (const f of ids) printedOff[f] = 1;
  // A story's opening is printed as a teaser on the pages of other stories, often as chrome.
  const opening = openingForms(index, pass, OPENING_FOLLOWED_BY, HEADLINE_REACH + 1);
  const spread = new StorySpread(forms);
  // The page last counted per form: a form printed twice on a page, or on and off its article, counts it once.
  const lastPage = new Int32Array(forms).fill(-1);
  const count = (f: number, s: number) => {
    if (!printedOff[f] || (opening[f] && !manyStories[f]) || lastPage[f] === s) return;
    lastPage[f] = s;
    spread.add(f, storyOf[s]);
  };
  for (const s of sourcesByStory(storyOf)) {
    for (const f of index.sourceAllForms[s]) count(f, s);
    for (const f of offArticle[s]) count(f, s);
  }
  for (let f = 0; f < forms; f++) if (spread.spans(f, limit)) recurring[f] = 1;
  return recurring;
}

/** The sources in story order (each story's in input order): the order `StorySpread` counts them in. O(n log n). */
function sourcesByStory(storyOf: Int32Array): number[] {
  return Array.from(storyOf.keys()).sort((x, y) => storyOf[x] - storyOf[y] || x - y);
}

/**
 * How each form's pages fall into stories, counted with the pages of one story together
 * (`sourcesByStory`), so that each form keeps only counters: its pages and stories so far, the
 * story met last and its pages there, and the most pages in one story. O(1) per page, memory
 * O(F) for F forms.
 */
class StorySpread {
  private readonly pages: Int32Array;
  private readonly stories: Int32Array;
  private readonly lastStory: Int32Array;
  private readonly inLast: Int32Array;
  private readonly most: Int32Array;
  /** Per form, the story that holds `most` of its pages, -1 where two or more hold as many. */
  private readonly mostIn: Int32Array;

  constructor(forms: number) {
    this.pages = new Int32Array(forms);
    this.stories = new Int32Array(forms);
    this.lastStory = new Int32Array(forms).fill(-1);
    this.inLast = new Int32Array(forms);
    this.most = new Int32Array(forms);
    this.mostIn = new Int32Array(forms).fill(-1);
  }

  /** Counts one page of `story` that carries form `f`. */
  add(f: number, story: number): void {
    this.pages[f]++;
    if (this.lastStory[f] !== story) {
      this.lastStory[f] = story;
      this.inLast[f] = 0;
      this.stories[f]++;
    }
    const inStory = ++this.inLast[f];
    if (inStory > this.most[f]) {
      this.most[f] = inStory;
      this.mostIn[f] = story;
    } else if (inStory === this.most[f] && this.mostIn[f] !== story) this.mostIn[f] = -1;
  }

  /** The one story that holds more of the pages of `f` than any other, or -1. */
  heldMostBy(f: number): number {
    return this.mostIn[f];
  }

  /** Whether the pages of `f` fall into `limit` stories or more, no one of which holds half of them. */
  spans(f: number, limit: number): boolean {
    return this.stories[f] >= limit && this.most[f] * 2 < this.pages[f];
  }
}

/** `offArticleForms` per pass, worked out once: the stage reads recurring sentences again over later stories with the same pass. */
const offArticleOfPass = new WeakMap<PassFacts, readonly number[][]>();

/**
 * Per source, the forms that count in `pass` of its sentences off its article lines: the only
 * ones `recurringForms` can find. O(T) for T sentences of all sources, once per pass.
 */
function offArticleForms(index: StoryIndex, pass: PassFacts): readonly number[][] {
  let offArticle = offArticleOfPass.get(pass);
  if (offArticle) return offArticle;
  offArticle = index.sources.map(source => {
    const ids: number[] = [];
    for (const { line, form } of source.sentences) {
      if (source.lines[line]?.kind === 'content') continue;
      const f = index.formIds.get(form);
      if (f !== undefined && pass.needed[f]) ids.push(f);
    }
    return ids;
  });
  offArticleOfPass.set(pass, offArticle);
  return offArticle;
}

/**
 * The frames of pages: per page (worked out on first ask), the recurring forms (keys of
 * `recurring`, read `unnumbered`) that it prints off its article lines, such as its site's menu,
 * footer and notices.
 */
class PageFrames {
  private readonly known = new Map<number, ReadonlySet<string>>();

  /** `recurring`: per recurring form, the sources of each story that read it as article text. */
  constructor(
    private readonly index: StoryIndex,
    private readonly recurring: ReadonlyMap<string, ReadonlyMap<number, number>>,
  ) {}

  /** O(sentences of the page) the first time, O(1) after. */
  of(page: number): ReadonlySet<string> {
    let frame = this.known.get(page);
    if (!frame) {
      const { index } = this;
      const article = new Set(Array.from(index.sourceAllForms[page], f => unnumbered(index.formTexts[f])));
      const printed = new Set<string>();
      for (const sentence of index.sources[page].sentences) {
        const form = unnumbered(sentence.form);
        if (this.recurring.has(form) && !article.has(form)) printed.add(form);
      }
      this.known.set(page, (frame = printed));
    }
    return frame;
  }

  /**
   * Input: the pages that read a form as article text, each page's story, and the story `home`
   * among them. Output: whether more than half of the pages outside `home` each print at least
   * half of the frame that every page of `home` among them prints: they are the same site's
   * pages. The frame leaves out what any page of `home` reads as article text (the story's own
   * headline, which other pages may print off their article too); where it is empty, no page is
   * framed alike. O(P · F) for P pages and a frame of F forms, and `of`'s part.
   */
  framedAlikeElsewhere(pages: readonly number[], storyOf: Int32Array, home: number): boolean {
    let shared: string[] | undefined;
    for (const s of pages) {
      if (storyOf[s] !== home) continue;
      const frame = this.of(s);
      shared = shared ? shared.filter(f => frame.has(f)) : [...frame].filter(f => !this.recurring.get(f)!.has(home));
      if (!shared.length) return false;
    }
    if (!shared) return false;
    let elsewhere = 0;
    let alike = 0;
    for (const s of pages) {
      if (storyOf[s] === home) continue;
      elsewhere++;
      const frame = this.of(s);
      let printed = 0;
      for (const f of shared) if (frame.has(f)) printed++;
      if (2 * printed >= shared.length) alike++;
    }
    return 2 * alike > elsewhere;
  }
}
