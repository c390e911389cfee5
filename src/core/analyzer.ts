/**
 * The analyzer: runs the stages of the pipeline (see README.md) in order, and keeps what an
 * editor session reuses from one analysis to the next. The stages are pure functions; this is
 * the one place that caches their results and the one place that chooses how candidate pairs
 * are found (`SimilarityIndex`).
 */
import { AnchorChoice, GroupTally, anchorKey, buildGroups, chooseAnchor, tallyGroups } from './anchors';
import type { LineVerdict } from './boilerplate';
import { ComparedForms, comparedForms } from './comparedForms';
import type { PlacedChange } from './changes';
import { addFacts } from './facts';
import { familyNodes, nearDuplicateFamilies } from './families';
import type { FormCorpus, SpaceIdOfForm } from './formCorpus';
import { FormIds, FormNumbering, FormSpace } from './forms';
import { groupNodes, type NodePairs } from './grouping';
import { joinInOrder, placesOfNodes } from './orderedJoin';
import type { SpaceId, WordingId } from './ids';
import { KeptWhileUsed } from './keptWhileUsed';
import { ContentSentences, Places, contentSentences, numberPlaces } from './places';
import { PreparationMemo, prepare } from './prepare';
import { joinStoryAnalyses, reportAnalysis } from './report';
import { reviseWithOtherSources } from './revise';
import { OneShotIndex, OneStoryIndex, SimilarityIndex, StandingIndex } from './similarityIndex';
import { SourceSet } from './sourceSet';
import { attachRepeats, attachSpans, mergeFollowingGroups } from './spans';
import { markCrossStoryChrome } from './crossStoryChrome';
import { SourceStoryForms, StoryGrouping, StorySource, findStories } from './stories';
import { storyFormsOf } from './storyIndex';
import type { LineRef } from './comparedForms';
import type { FormId } from './ids';
import type { StopwordProfile } from './stopwords';
import { ContentTerms, contentTerms } from './terms';
import { hashText } from './text';
import { SharedTokens } from './tokenSpace';
import { BigramProfile, bigramProfile } from './similarity';
import type { AnalysisOptions, CorpusAnalysis, PreparedSource, SourceInput, Story } from './types';
import { Wording, collectWordings, placesOfClusters, titlePlaces, wordingOfPlaces } from './wordings';

/** Analyses corpora, reusing what it computed for texts it has seen in its previous analysis. */
export interface Analyzer {
  /**
   * Same result as `analyzeCorpus(inputs, options)`, except where a wording has more than 256
   * near-identical candidates (a source repeating one line hundreds of times): which of them
   * are looked at then may depend on what the analyzer met before.
   */
  analyze(inputs: readonly SourceInput[]): CorpusAnalysis;
  /**
   * Offers sources prepared elsewhere (`prepareSource` with the same options, e.g. in other
   * threads); the next `analyze` uses them for inputs with the same text.
   */
  adopt(prepared: readonly PreparedSource[]): void;
}

/** How an analyzer will be used. */
export interface AnalyzerUse {
  /**
   * More analyses of a changing corpus will follow (an editor session). Default true: the
   * analyzer then keeps its indexes up to date after each analysis, and probes them instead of
   * self-joining afresh, which costs a little more once and much less on every edit after.
   */
  readonly expectEdits?: boolean;
}

/**
 * An analyzer for repeated analyses of a changing corpus (an editor session): each source's
 * lines, sentences and content words are kept by content, and every distinct sentence form in
 * one token space with standing prefix indexes that remember what each probe found; so after
 * one document changes, only that document is read again and only its new forms are looked up.
 * What the latest analysis did not use is dropped, except the forms, which are started afresh
 * once most of them are out of use.
 */
export function createAnalyzer(options: AnalysisOptions = {}, use: AnalyzerUse = {}): Analyzer {
  return new CachingAnalyzer(options, use.expectEdits ?? true);
}

/**
 * Analyses a corpus. The result does not depend on the order of `inputs` beyond the order of
 * `sources` itself (which follows the input). Sources are independent until alignment, which
 * works on distinct wordings: cost grows with the number of different sentences, not with the
 * number of copies. Never throws on any string input.
 */
export function analyzeCorpus(inputs: readonly SourceInput[], options: AnalysisOptions = {}): CorpusAnalysis {
  return new CachingAnalyzer(options, false).analyze(inputs);
}

/** Past this many stems, the content-term vocabulary (and the terms made with it) start afresh. */
const VOCABULARY_LIMIT = 1 << 20;

class CachingAnalyzer implements Analyzer {
  private prepared = new Map<string, PreparedSource>();
  private preparedText = new Map<string, PreparedSource>();
  private numbering = new FormNumbering();
  /** Per prepared source, the id of each sentence's form in `numbering`. */
  private formIds = new KeptWhileUsed<PreparedSource, FormIds>();
  /**
   * Per prepared source, its own part of the story stage (article forms and their shingle
   * keys), for the words in a shingle the options give: after an edit, only the edited
   * source's part is made again.
   */
  private readonly storyForms = new KeptWhileUsed<StorySource, SourceStoryForms>();
  /** Per prepared source that no other source revised, its article sentences. */
  private readonly content = new KeptWhileUsed<PreparedSource, ContentSentences>();
  private formSpace: FormSpace | undefined;
  /** Per form id, its space id in `formSpace`, or -1 where not looked up yet. */
  private spaceIdOfForm = new Int32Array(0);
  /** Anchor choices by what they depend on (`anchorKey`); kept only where edits are expected. */
  private anchors: KeptWhileUsed<string, AnchorChoice> | undefined;
  private terms = new KeptWhileUsed<string, ContentTerms>();
  /**
   * The changed facts of compared sentence pairs, by the two texts, their language and the
   * options (`changesAgainst`); kept only where edits are expected, since an edit leaves most
   * pairs as they were.
   */
  private changes: KeptWhileUsed<string, readonly PlacedChange[]> | undefined;
  private vocabulary = new Map<string, number>();
  /** How candidate pairs are found: chosen once, for the analyzer's whole life. */
  private readonly indexOver: (forms: FormSpace) => SimilarityIndex;

  constructor(
    private readonly options: AnalysisOptions,
    private readonly expectEdits: boolean,
  ) {
    this.indexOver = expectEdits ? forms => new StandingIndex(forms) : forms => new OneShotIndex(forms);
    // The anchor and the similarities to it depend only on the group's wordings and how often
    // each occurs; most groups come back unchanged after an edit.
    if (expectEdits) {
      this.anchors = new KeptWhileUsed();
      this.changes = new KeptWhileUsed();
    }
  }

  adopt(prepared: readonly PreparedSource[]): void {
    for (const p of prepared) {
      this.prepared.set(p.hash, p);
      // The same text handed to `analyze` next is then found without hashing it again.
      this.preparedText.set(p.text, p);
    }
  }

  analyze(inputs: readonly SourceInput[]): CorpusAnalysis {
    if (this.vocabulary.size > VOCABULARY_LIMIT) {
      this.terms = new KeptWhileUsed();
      this.vocabulary = new Map();
    }
    const prepared = this.prepareAll(inputs);
    // Stage 2: the stories; every cross-source stage after it works within one story.
    const grouping = findStories(prepared, this.options.stories, (source, shingleWords) =>
      this.storyForms.get(source, () => storyFormsOf(source, shingleWords)),
    );
    const crossEvidence = this.options.crossSourceEvidence !== false && prepared.length > 1;
    // A source's form ids stay valid as long as the numbering does.
    const numbering = this.numbering;
    const formIds = prepared.map(p => this.formIds.get(p, () => numbering.numbersOf(p.sentences)));
    const compared = comparedForms(prepared, formIds, numbering.forms.length, crossEvidence);
    // Analysed once, a corpus of several stories gives each story a form space of its own, so
    // that no story's work is sized by the whole corpus; a session keeps one standing space
    // for all, so that an edit looks up only its new forms.
    const apart = !this.expectEdits && grouping.stories.length > 1;
    const corpus = apart ? undefined : this.formCorpus(prepared, formIds, compared);
    const index = corpus && this.indexOver(corpus.formSpace);
    const analysis = !corpus
      ? this.analyzeStoriesApart(inputs, prepared, formIds, compared, grouping)
      : grouping.stories.length === 1
        ? this.analyzeStory(inputs, corpus, compared.promotable, index!, crossEvidence, grouping.stories)
        : this.analyzeStories(inputs, corpus, compared.promotable, index!, grouping);
    for (const cache of [this.terms, this.anchors, this.formIds, this.content, this.storyForms]) cache?.endAnalysis();
    if (numbering.isStaleFor(compared.count)) {
      this.numbering = new FormNumbering();
      this.formIds = new KeptWhileUsed();
      this.spaceIdOfForm = new Int32Array(0);
    }
    index?.endAnalysis();
    // Stage 11: changed facts and origins, on the analysis as a whole.
    const withFacts = addFacts(analysis, inputs, this.options.facts, this.changes);
    this.changes?.endAnalysis();
    return withFacts;
  }

  /** Stages 3 to 10 for a corpus that is one story (or part of one). */
  private analyzeStory(
    inputs: readonly SourceInput[],
    corpus: FormCorpus,
    promotable: ReadonlyMap<FormId, readonly LineRef[]>,
    index: SimilarityIndex,
    crossEvidence: boolean,
    stories: readonly Story[],
    recurring?: { readonly forms: ReadonlyMap<string, number>; readonly story: number },
  ): CorpusAnalysis {
    const { prepared } = corpus;
    // A source's verdicts are copied only when another source revises one.
    let lines = crossEvidence ? reviseWithOtherSources(corpus, promotable, index, this.options.align) : prepared.map(p => p.lines);
    if (recurring?.forms.size)
      lines = lines.map((verdicts, i) => markCrossStoryChrome(prepared[i], verdicts, recurring.story, recurring.forms));
    // A source no other source revised has the same article sentences as last time.
    const contents = prepared.map((p, source) =>
      lines[source] === p.lines ? this.content.get(p, () => contentSentences(p, p.lines)) : contentSentences(p, lines[source]),
    );
    return this.align(inputs, corpus, lines, contents, index, stories);
  }

  /**
   * A corpus of several stories: each story analysed on its own (a story of one source has
   * nothing to align with), text recurring across stories marked as chrome, and the results
   * put together as one analysis.
   */
  private analyzeStories(
    inputs: readonly SourceInput[],
    corpus: FormCorpus,
    promotable: ReadonlyMap<FormId, readonly LineRef[]>,
    index: SimilarityIndex,
    grouping: StoryGrouping,
  ): CorpusAnalysis {
    const promotableOf = promotableByStory(promotable, grouping);
    const crossEvidence = this.options.crossSourceEvidence !== false;
    const parts = grouping.stories.map((story, k) => {
      const members = story.sources;
      const part: FormCorpus = { ...corpus, prepared: members.map(s => corpus.prepared[s]), formIds: members.map(s => corpus.formIds[s]) };
      // Analysed once, each story looks its leaders up among its own; a session keeps one
      // standing index for all, so that an edit looks up only its new forms.
      const storyIndex = this.expectEdits || members.length < 2 ? index : new OneStoryIndex(corpus.formSpace);
      return this.analyzeStory(
        members.map(s => inputs[s]),
        part,
        promotableOf[k],
        storyIndex,
        crossEvidence && members.length > 1,
        [],
        { forms: grouping.crossStoryForms, story: k },
      );
    });
    return joinStoryAnalyses(inputs.length, grouping.stories, parts);
  }

  /**
   * A corpus of several stories analysed once: as `analyzeStories`, with each story's compared
   * forms in a form space of its own. The space numbers them in the order of their form ids,
   * as the corpus's space would, and every lookup is exact, so the result is the same; what
   * each story costs depends on its own forms, not on the corpus's. O(F_k) per story of F_k
   * compared forms, beside the stages' own work.
   */
  private analyzeStoriesApart(
    inputs: readonly SourceInput[],
    prepared: readonly PreparedSource[],
    formIds: readonly FormIds[],
    compared: ComparedForms,
    grouping: StoryGrouping,
  ): CorpusAnalysis {
    const forms = this.numbering.forms;
    const promotableOf = promotableByStory(compared.promotable, grouping);
    const crossEvidence = this.options.crossSourceEvidence !== false;
    // One array for every story, as stories are analysed one after the other: each fills in
    // its forms' space ids and clears them after.
    const spaceIds = new Int32Array(forms.length).fill(-1) as SpaceIdOfForm;
    const writable = spaceIds as Int32Array;
    // A form several stories compare (a site's line on pages of many stories) is profiled once.
    const profileOf: BigramProfile[] = [];
    const parts = grouping.stories.map((story, k) => {
      const members = story.sources;
      const own: number[] = [];
      for (const s of members) {
        for (const f of formIds[s]) {
          if (!compared.compared[f] || writable[f] !== -1) continue;
          writable[f] = -2;
          own.push(f);
        }
      }
      own.sort((x, y) => x - y);
      const formSpace = new FormSpace(
        own.map(f => forms[f]),
        own.map(f => (profileOf[f] ??= bigramProfile(forms[f]))),
      );
      own.forEach((f, id) => (writable[f] = id));
      const part: FormCorpus = {
        prepared: members.map(s => prepared[s]),
        formIds: members.map(s => formIds[s]),
        forms,
        formSpace,
        spaceIds,
      };
      const analysis = this.analyzeStory(
        members.map(s => inputs[s]),
        part,
        promotableOf[k],
        new OneStoryIndex(formSpace),
        crossEvidence && members.length > 1,
        [],
        { forms: grouping.crossStoryForms, story: k },
      );
      for (const f of own) writable[f] = -1;
      return analysis;
    });
    return joinStoryAnalyses(inputs.length, grouping.stories, parts);
  }

  /** Stage 1 for every input, reusing the prepared source of a text seen before. */
  private prepareAll(inputs: readonly SourceInput[]): PreparedSource[] {
    const used = new Map<string, PreparedSource>();
    // The sources prepared now share what their lines give (most lines recur across versions).
    const memo = new PreparationMemo();
    const prepared = inputs.map(input => {
      // An unchanged text is usually the very string seen before, found without hashing it again.
      let p = this.preparedText.get(input.text);
      if (!p) {
        const hash = hashText(input.text);
        p = used.get(hash) ?? this.prepared.get(hash);
        if (!p || p.text !== input.text) p = prepare(input.text, hash, this.options, memo);
      }
      used.set(p.hash, p);
      return p;
    });
    this.preparedText = new Map([...used.values()].map(p => [p.text, p]));
    this.prepared = used;
    return prepared;
  }

  /**
   * The corpus's compared forms in the form space: the space is kept while most of its forms
   * are in use, and a form is looked up there by its text only the first time.
   */
  private formCorpus(prepared: readonly PreparedSource[], formIds: readonly FormIds[], compared: ComparedForms): FormCorpus {
    const forms = this.numbering.forms;
    if (!this.formSpace || this.formSpace.isStaleFor(compared.count)) {
      this.formSpace = new FormSpace(forms.filter((_, f) => compared.compared[f]));
      if (this.anchors) this.anchors = new KeptWhileUsed(); // keyed by the old space's ids
      this.spaceIdOfForm = new Int32Array(0);
    }
    const formSpace = this.formSpace;
    if (this.spaceIdOfForm.length < forms.length) {
      const grown = new Int32Array(Math.max(forms.length, 2 * this.spaceIdOfForm.length)).fill(-1);
      grown.set(this.spaceIdOfForm);
      this.spaceIdOfForm = grown;
    }
    const spaceIds = new Int32Array(forms.length).fill(-1) as SpaceIdOfForm;
    for (let f = 0; f < forms.length; f++) {
      if (!compared.compared[f]) continue;
      if (this.spaceIdOfForm[f] < 0) this.spaceIdOfForm[f] = formSpace.idOf(forms[f]);
      spaceIds[f] = this.spaceIdOfForm[f] as SpaceId;
    }
    return { prepared, formIds, forms, formSpace, spaceIds };
  }

  /** Stages 4 to 10: places, wordings, families, grouping, spans, anchors, report. */
  private align(
    inputs: readonly SourceInput[],
    corpus: FormCorpus,
    lines: readonly (readonly LineVerdict[])[],
    contents: readonly ContentSentences[],
    index: SimilarityIndex,
    stories: readonly Story[],
  ): CorpusAnalysis {
    const sourceCount = corpus.prepared.length;
    const places = numberPlaces(corpus, contents);
    const wordings = collectWordings(corpus, places);
    const spaceIdOf = wordings.map(w => w.spaceId);
    const profiles = spaceIdOf.map(id => corpus.formSpace.profile(id));
    const families = this.families(wordings, spaceIdOf, sourceCount, index);
    const nodes = familyNodes(families, wordings, profiles, this.termsOfFamilies(families, wordings, corpus, places));
    const leaderIds = families.map(family => spaceIdOf[family[0]]);
    const nodePairs: NodePairs = (threshold, separate, among) => {
      if (among.length === leaderIds.length) return index.pairsAmong(leaderIds, threshold, separate);
      const pairs = index.pairsAmong(
        among.map(node => leaderIds[node]),
        threshold,
        (a, b) => separate(among[a], among[b]),
      );
      return Array.from(pairs, p => ({ a: among[p.a], b: among[p.b], similarity: p.similarity }));
    };
    const grouped = groupNodes(nodes, sourceCount, this.options.align ?? {}, nodePairs);
    const clusters = joinInOrder(nodes, placesOfNodes(families, wordings), sourceCount, grouped, this.options.align ?? {}, nodePairs);
    const owners = { ...places, wordingOfPlace: wordingOfPlaces(wordings, places.formOfPlace.length) };
    const memberPlaces = mergeFollowingGroups(placesOfClusters(clusters, families, wordings), owners, profiles);
    attachSpans(memberPlaces, owners, profiles, titlePlaces(places));
    const repeats = attachRepeats(memberPlaces, owners, places.formOfPlace);
    const tallies = tallyGroups(memberPlaces, owners.wordingOfPlace, wordings.length);
    const shared = new SharedTokens(corpus.formSpace.space);
    const choices = tallies.map(tally => this.anchorOf(tally, spaceIdOf, shared));
    const groups = buildGroups(tallies, choices, { ...owners, repeats }, profiles);
    return reportAnalysis(inputs, corpus.prepared, lines, places, groups, stories);
  }

  /** Stage 6; one source alone has nothing to align with (and may repeat itself thousands of times). */
  private families(
    wordings: readonly Wording[],
    spaceIdOf: readonly SpaceId[],
    sourceCount: number,
    index: SimilarityIndex,
  ): WordingId[][] {
    if (sourceCount < 2) return [];
    const sets = wordings.map(w => new SourceSet(sourceCount, w.sources));
    const widespreadFirst = wordings
      .map((_, i) => i as WordingId)
      .sort((x, y) => wordings[y].sources.length - wordings[x].sources.length || x - y);
    const threshold = this.options.align?.familyThreshold ?? 0.85;
    return nearDuplicateFamilies(index.leaders(threshold), spaceIdOf, sets, widespreadFirst);
  }

  /** Each family leader's content terms, kept by text and language (capitals tell names). */
  private termsOfFamilies(
    families: readonly (readonly WordingId[])[],
    wordings: readonly Wording[],
    corpus: FormCorpus,
    places: Places,
  ): ContentTerms[] {
    const stopwordsOf = new Map<string, StopwordProfile>(corpus.prepared.map(p => [p.profile.language, p.profile]));
    return families.map(family => {
      const leader = wordings[family[0]];
      const place = leader.places[0];
      const source = places.sourceOfPlace[place];
      const text = places.sentencesBySource[source][place - places.placeStart[source]].text;
      const stopwords = stopwordsOf.get(leader.language)!;
      return this.terms.get(`${stopwords.language}\u0000${text}`, () => contentTerms(text, stopwords, this.vocabulary));
    });
  }

  private anchorOf(tally: GroupTally, spaceIdOf: readonly SpaceId[], shared: SharedTokens): AnchorChoice {
    if (!this.anchors) return chooseAnchor(tally, spaceIdOf, shared);
    return this.anchors.get(anchorKey(tally, spaceIdOf), () => chooseAnchor(tally, spaceIdOf, shared));
  }
}

/** The promotable lines of each story, with the sources numbered within it. O(occurrences). */
function promotableByStory(promotable: ReadonlyMap<FormId, readonly LineRef[]>, grouping: StoryGrouping): Map<FormId, LineRef[]>[] {
  const placeInStory = new Int32Array(grouping.storyOfSource.length);
  for (const story of grouping.stories) story.sources.forEach((source, i) => (placeInStory[source] = i));
  const promotableOf = grouping.stories.map(() => new Map<FormId, LineRef[]>());
  for (const [form, occurrences] of promotable) {
    for (const o of occurrences) {
      const byForm = promotableOf[grouping.storyOfSource[o.source]];
      const list = byForm.get(form);
      const ref = { source: placeInStory[o.source], line: o.line };
      if (list) list.push(ref);
      else byForm.set(form, [ref]);
    }
  }
  return promotableOf;
}
