/**
 * The analyzer: runs the stages of the pipeline (see README.md) in order, and keeps what an
 * editor session reuses from one analysis to the next. The stages are pure functions; this is
 * the one place that caches their results and the one place that chooses how candidate pairs
 * are found (`SimilarityIndex`).
 */
import { AnchorChoice, GroupTally, anchorKey, buildGroups, canonicalRanks, chooseAnchor, tallyGroups } from './anchors';
import type { LineVerdict } from './boilerplate';
import { ComparedForms, comparedForms } from './comparedForms';
import { type PlacedChange, WordForms } from './changes';
import { addFacts } from './facts';
import { familyNodes, nearDuplicateFamilies } from './families';
import type { FormCorpus, SpaceIdOfForm } from './formCorpus';
import { FormIds, FormNumbering, FormSpace } from './forms';
import { groupNodes, type NodePairs } from './grouping';
import { joinInOrder, placesOfNodes } from './orderedJoin';
import { LinkEvidence } from './linkEvidence';
import type { FormId, SpaceId, WordingId } from './ids';
import { KeptWhileUsed } from './keptWhileUsed';
import { ContentSentences, Places, contentSentences, numberPlaces } from './places';
import { PreparationMemo, prepare } from './prepare';
import { joinStoryAnalyses, reportAnalysis } from './report';
import { reviseWithOtherSources } from './revise';
import { OneShotIndex, OneStoryIndex, SimilarityIndex, StandingIndex } from './similarityIndex';
import { SourceSet } from './sourceSet';
import { attachRepeats, attachSpans, foldTwinGroups, mergeFollowingGroups } from './spans';
import { markCrossStoryChrome } from './crossStoryChrome';
import { SourceStoryForms, StoryGrouping, StorySource, findStories } from './stories';
import { splitStories } from './storyShare';
import { storyFormsOf } from './storyIndex';
import type { LineRef } from './comparedForms';
import type { StopwordProfile } from './stopwords';
import { ContentTermKeys, ContentTerms, contentTermKeys, contentTerms, numberedTerms } from './terms';
import { hashText, unnumbered } from './text';
import { SharedTokens } from './tokenSpace';
import { BigramProfile, bigramProfile } from './similarity';
import type { AnalysisOptions, CorpusAnalysis, PreparedSource, SourceInput, Story } from './types';
import type { StoryShare, StoryShareRunner, StoryTask } from './storyShare';
import { Wording, collectWordings, placesOfClusters, titlePlaces, wordingOfPlaces } from './wordings';

/**
 * How many copies of a sentence a source prints are nodes of the grouping stage (see
 * `families`); later copies join a twin's group as repeats.
 */
const COPY_NODES = 3;

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
   * threads), and where given, each one's part of the story stage (`storyFormsFor` with the
   * same options); the next `analyze` uses them for inputs with the same text.
   */
  adopt(prepared: readonly PreparedSource[], storyForms?: readonly SourceStoryForms[]): void;
  /**
   * Same result as `analyze(inputs)`. A corpus of several stories hands a share of its stories
   * to each runner (another thread) and analyses the rest meanwhile; otherwise, or without
   * runners, this is `analyze`.
   */
  analyzeSharing(inputs: readonly SourceInput[], runners: readonly StoryShareRunner[]): Promise<CorpusAnalysis>;
}

/** How an analyzer will be used. */
export interface AnalyzerUse {
  /**
   * More analyses of a changing corpus will follow (an editor session). Default true: for a
   * corpus of one story the analyzer then keeps its indexes up to date after each analysis,
   * and probes them instead of self-joining afresh, which costs a little more once and much
   * less on every edit after. A corpus of several stories is analysed story by story either
   * way, each source's preparation and story-stage part kept by content.
   */
  readonly expectEdits?: boolean;
}

/**
 * An analyzer for repeated analyses of a changing corpus (an editor session): each source's
 * lines, sentences and content words are kept by content, and, while the corpus is one story,
 * every distinct sentence form in one token space with standing prefix indexes that remember
 * what each probe found; so after one document changes, only that document is read again and,
 * in one story, only its new forms are looked up.
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
  /**
   * Each story's analysis of the latest analysis of several stories, by what it was made from
   * (`storyPartKey`); kept only where edits are expected, since an edit changes one story.
   */
  private storyParts: Map<string, { readonly prepared: readonly PreparedSource[]; readonly part: CorpusAnalysis }> | undefined;
  /** Anchor choices by what they depend on (`anchorKey`); kept only where edits are expected. */
  private anchors: KeptWhileUsed<string, AnchorChoice> | undefined;
  private terms = new KeptWhileUsed<string, ContentTerms>();
  /** Each family leader's content-term keys, where stories are analysed apart; kept by text and language. */
  private readonly termKeys = new KeptWhileUsed<string, ContentTermKeys>();
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
      this.storyParts = new Map();
    }
  }

  adopt(prepared: readonly PreparedSource[], storyForms?: readonly SourceStoryForms[]): void {
    prepared.forEach((p, i) => {
      this.prepared.set(p.hash, p);
      // The same text handed to `analyze` next is then found without hashing it again.
      this.preparedText.set(p.text, p);
      if (storyForms) this.storyForms.get(p, () => storyForms[i]);
    });
  }

  analyze(inputs: readonly SourceInput[]): CorpusAnalysis {
    const started = this.start(inputs);
    return this.end(started, started.apart ? this.analyzeStoriesApart(started) : this.analyzeTogether(started));
  }

  async analyzeSharing(inputs: readonly SourceInput[], runners: readonly StoryShareRunner[]): Promise<CorpusAnalysis> {
    if (!runners.length) return this.analyze(inputs);
    const started = this.start(inputs);
    return this.end(started, started.apart ? await this.analyzeStoriesSharing(started, runners) : this.analyzeTogether(started));
  }

  /** Stages 1 and 2, and the forms the cross-source stages compare. */
  private start(inputs: readonly SourceInput[]): Started {
    if (this.vocabulary.size > VOCABULARY_LIMIT) {
      this.terms = new KeptWhileUsed();
      this.vocabulary = new Map();
      // A story's kept analysis numbered its terms in the old vocabulary.
      if (this.storyParts) this.storyParts = new Map();
    }
    const prepared = this.prepareAll(inputs);
    // The story stage (between stages 1 and 2); every cross-source stage after it works within one story.
    const grouping = findStories(prepared, this.options.stories, (source, shingleWords) =>
      this.storyForms.get(source, () => storyFormsOf(source, shingleWords)),
    );
    const crossEvidence = this.options.crossSourceEvidence !== false && prepared.length > 1;
    // A source's form ids stay valid as long as the numbering does.
    const numbering = this.numbering;
    const formIds = prepared.map(p => this.formIds.get(p, () => numbering.numbersOf(p.sentences)));
    const compared = comparedForms(prepared, formIds, numbering.forms.length, crossEvidence);
    // A corpus of several stories gives each story a form space of its own, so that no story's
    // work is sized by the whole corpus. (A session's one standing space for all made every
    // probe of one story catch up with the forms of all the others: 100 synthetic stories took
    // 42 s and 2.2 GB, 300 ran out of memory.) A session keeps its standing space for a corpus
    // of one story, so that an edit there looks up only its new forms.
    const apart = grouping.stories.length !== 1;
    const promotableOf = apart ? promotableByStory(compared.promotable, grouping) : [];
    return { inputs, prepared, grouping, crossEvidence, formIds, compared, apart, promotableOf };
  }

  /** A corpus of one story analysed in the analyzer's form space (stages 3 to 11). */
  private analyzeTogether(started: Started): CorpusAnalysis {
    const { inputs, prepared, grouping, crossEvidence, formIds, compared } = started;
    const corpus = this.formCorpus(prepared, formIds, compared);
    const index = this.indexOver(corpus.formSpace);
    const analysis = this.analyzeStory(inputs, corpus, compared.promotable, index, crossEvidence, grouping.stories);
    index.endAnalysis();
    if (this.storyParts?.size) this.storyParts = new Map();
    // Stage 11: changed facts and origins, on the analysis as a whole.
    return addFacts(analysis, inputs, this.options.facts, this.changes);
  }

  /** Ends an analysis: drops what it did not use. */
  private end(started: Started, analysis: CorpusAnalysis): CorpusAnalysis {
    for (const cache of [this.terms, this.termKeys, this.anchors, this.formIds, this.content, this.storyForms]) cache?.endAnalysis();
    if (this.numbering.isStaleFor(started.compared.count)) {
      this.numbering = new FormNumbering();
      this.formIds = new KeptWhileUsed();
      this.spaceIdOfForm = new Int32Array(0);
    }
    this.changes?.endAnalysis();
    return analysis;
  }

  /** Stages 3 to 10 for a corpus that is one story (or part of one). */
  private analyzeStory(
    inputs: readonly SourceInput[],
    corpus: FormCorpus,
    promotable: ReadonlyMap<FormId, readonly LineRef[]>,
    index: SimilarityIndex,
    crossEvidence: boolean,
    stories: readonly Story[],
  ): CorpusAnalysis {
    const { contents, lines } = this.storyLines(corpus, promotable, index, crossEvidence);
    return this.align(inputs, corpus, lines, contents, index, stories);
  }

  /** Stage 3 for one story: its verdicts revised by its other sources, and its article sentences. */
  private storyLines(
    corpus: FormCorpus,
    promotable: ReadonlyMap<FormId, readonly LineRef[]>,
    index: SimilarityIndex,
    crossEvidence: boolean,
    recurring?: { readonly forms: ReadonlyMap<string, number>; readonly story: number },
  ): { lines: readonly (readonly LineVerdict[])[]; contents: ContentSentences[] } {
    const { prepared } = corpus;
    // A source's verdicts are copied only when another source revises one.
    let lines = crossEvidence ? reviseWithOtherSources(corpus, promotable, index, this.options.align) : prepared.map(p => p.lines);
    if (recurring?.forms.size)
      lines = lines.map((verdicts, i) => markCrossStoryChrome(prepared[i], verdicts, recurring.story, recurring.forms));
    // A source no other source revised has the same article sentences as last time.
    const contents = prepared.map((p, source) =>
      lines[source] === p.lines ? this.content.get(p, () => contentSentences(p, p.lines)) : contentSentences(p, lines[source]),
    );
    return { lines, contents };
  }

  /**
   * A corpus of several stories (or none): each story analysed on its own (a story of one
   * source has nothing to align with), text recurring across stories marked as chrome, and
   * the results put together as one analysis; each story's compared forms in a form space of
   * its own. The space numbers them in the order of their form ids, as the corpus's space
   * would, and every lookup is exact, so the result is the same as in one space; what each
   * story costs depends on its own forms, not on the corpus's. O(F_k) per story of F_k
   * compared forms, beside the stages' own work. Each story gets its facts on its own.
   */
  private analyzeStoriesApart(started: Started): CorpusAnalysis {
    const { grouping } = started;
    // In a session, a story whose part would be made from the same input is not analysed again.
    const keys = this.storyParts ? grouping.stories.map((_, k) => storyPartKey(started, k)) : [];
    const members = this.storyParts ? grouping.stories.map(story => story.sources.map(source => started.prepared[source])) : [];
    const parts = new Array<CorpusAnalysis>(grouping.stories.length);
    const missing: number[] = [];
    grouping.stories.forEach((_, k) => {
      const kept = this.storyParts?.get(keys[k]);
      // The key names a text by its hash: the very prepared sources (an unchanged text's are
      // kept) tell a text that only hashes alike.
      if (kept && members[k].every((p, i) => p === kept.prepared[i])) parts[k] = kept.part;
      else missing.push(k);
    });
    const share = this.shareOf(started, missing, false);
    const work = new ShareWork(this, share);
    share.tasks.forEach((task, t) => (parts[task.story] = work.finish(t, this.numberTerms(work.begin(t)))));
    if (this.storyParts) this.storyParts = new Map(keys.map((key, k) => [key, { prepared: members[k], part: parts[k] }]));
    return joinStoryAnalyses(started.inputs.length, grouping.stories, parts);
  }

  /**
   * As `analyzeStoriesApart`, with a share of the stories analysed by each runner meanwhile.
   * The stories' term keys are numbered in story order, as `analyzeStoriesApart` numbers them,
   * so the result is the same whatever the shares.
   */
  private async analyzeStoriesSharing(started: Started, runners: readonly StoryShareRunner[]): Promise<CorpusAnalysis> {
    const { grouping, prepared } = started;
    const [own, ...others] = splitStories(
      grouping.stories.map(story => story.sources),
      source => prepared[source].sentences.length,
      runners.length + 1,
    );
    const remote = others.map(list => this.shareOf(started, list, true));
    const local = new ShareWork(this, this.shareOf(started, own, false));
    const keysOf = new Array<readonly string[]>(grouping.stories.length);
    const remoteKeys = runners.map((runner, i) => runner.begin(remote[i]));
    const localKeys = await settledWith(remoteKeys, () => local.tasks.map((_, t) => local.begin(t)));
    local.tasks.forEach((task, t) => (keysOf[task.story] = localKeys[t]));
    (await Promise.all(remoteKeys)).forEach((keys, i) => remote[i].tasks.forEach((task, t) => (keysOf[task.story] = keys[t])));
    const idsOf = keysOf.map(keys => this.numberTerms(keys));
    const parts = new Array<CorpusAnalysis>(grouping.stories.length);
    const remoteParts = runners.map((runner, i) => runner.finish(remote[i].tasks.map(task => idsOf[task.story])));
    const localParts = await settledWith(remoteParts, () => local.tasks.map((task, t) => local.finish(t, idsOf[task.story])));
    local.tasks.forEach((task, t) => (parts[task.story] = localParts[t]));
    (await Promise.all(remoteParts)).forEach((found, i) => remote[i].tasks.forEach((task, t) => (parts[task.story] = found[t])));
    return joinStoryAnalyses(started.inputs.length, grouping.stories, parts);
  }

  /** The vocabulary's id of each key, keys it lacks added in order. */
  private numberTerms(keys: readonly string[]): Int32Array {
    const vocabulary = this.vocabulary;
    return Int32Array.from(keys, key => {
      let id = vocabulary.get(key);
      if (id === undefined) vocabulary.set(key, (id = vocabulary.size));
      return id;
    });
  }

  /**
   * The stories `list` as a share. `compact` numbers only the forms their sources carry (in
   * the corpus's order), for a share sent to another thread. O(F) for F forms of the corpus,
   * plus the stories' sentences.
   */
  private shareOf(started: Started, list: readonly number[], compact: boolean): StoryShare {
    const { inputs, prepared, grouping, formIds, compared, promotableOf } = started;
    const forms = this.numbering.forms;
    let shareOf = (f: FormId) => f;
    let shareForms = forms;
    let shareCompared = compared.compared;
    if (compact) {
      const used = new Uint8Array(forms.length);
      for (const k of list) for (const s of grouping.stories[k].sources) for (const f of formIds[s]) used[f] = 1;
      const local = new Int32Array(forms.length);
      const kept: string[] = [];
      const keptCompared: number[] = [];
      for (let f = 0; f < forms.length; f++) {
        if (!used[f]) continue;
        local[f] = kept.length;
        kept.push(forms[f]);
        keptCompared.push(compared.compared[f]);
      }
      shareOf = f => local[f] as FormId;
      shareForms = kept;
      shareCompared = Uint8Array.from(keptCompared);
    }
    const tasks = list.map(k => {
      const members = grouping.stories[k].sources;
      const promotable = promotableOf[k];
      return {
        story: k,
        inputs: members.map(s => inputs[s]),
        prepared: members.map(s => prepared[s]),
        formIds: members.map(s => (compact ? (Int32Array.from(formIds[s], shareOf) as FormIds) : formIds[s])),
        promotable: compact ? new Map([...promotable].map(([f, refs]) => [shareOf(f), refs])) : promotable,
      };
    });
    return { forms: shareForms, compared: shareCompared, crossStoryForms: grouping.crossStoryForms, tasks };
  }

  /**
   * Stages 3 to 6 of one story of a share (`ShareWork.begin`): its verdicts revised, its
   * places, wordings and families, and its families' content-term keys.
   */
  beginStory(share: StoryShare, scratch: ShareScratch, task: StoryTask): BegunStory {
    const forms = share.forms;
    const writable = scratch.spaceIds as Int32Array;
    const own: number[] = [];
    for (const ids of task.formIds) {
      for (const f of ids) {
        if (!share.compared[f] || writable[f] !== -1) continue;
        writable[f] = -2;
        own.push(f);
      }
    }
    own.sort((x, y) => x - y);
    // A form several stories compare (a site's line on pages of many stories) is profiled once.
    const profileOf = scratch.profileOf;
    const formSpace = new FormSpace(
      own.map(f => forms[f]),
      own.map(f => (profileOf[f] ??= bigramProfile(forms[f]))),
    );
    own.forEach((f, id) => (writable[f] = id));
    const corpus: FormCorpus = { prepared: task.prepared, formIds: task.formIds, forms, formSpace, spaceIds: scratch.spaceIds };
    const index = new OneStoryIndex(formSpace);
    const crossEvidence = this.options.crossSourceEvidence !== false && task.prepared.length > 1;
    const { lines, contents } = this.storyLines(corpus, task.promotable, index, crossEvidence, {
      forms: share.crossStoryForms,
      story: task.story,
    });
    const aligned = this.alignBegin(corpus, contents, index);
    for (const f of own) writable[f] = -1;
    // The story's keys in the order they first occur, as a vocabulary grown story by story meets them.
    const keyAt = new Map<string, number>();
    const termKeys = this.leaderTexts(aligned.families, aligned.wordings, corpus, aligned.places).map(({ text, stopwords }) => {
      const found = this.termKeys.get(`${stopwords.language}\u0000${text}`, () => contentTermKeys(text, stopwords));
      for (const key of found.keys) if (!keyAt.has(key)) keyAt.set(key, keyAt.size);
      return found;
    });
    return { task, corpus: { ...corpus, spaceIds: EMPTY_SPACE_IDS }, index, lines, aligned, termKeys, keyAt };
  }

  /** Stages 7 to 11 of a story begun by `beginStory`, given the vocabulary id of each of its keys. */
  finishStory(begun: BegunStory, termIds: Int32Array, words: WordForms): CorpusAnalysis {
    const { task, corpus, index, lines, aligned, keyAt } = begun;
    const terms = begun.termKeys.map(found => numberedTerms(found.keys, found.salient, key => termIds[keyAt.get(key)!]));
    const analysis = this.alignEnd(task.inputs, corpus, lines, aligned, terms, index, []);
    // Stage 11 for the story alone: what it finds depends on the story's own sources only.
    const story: Story = { title: '', sources: task.prepared.map((_, i) => i) };
    return addFacts({ ...analysis, stories: [story] }, task.inputs, this.options.facts, this.changes, words);
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
    const aligned = this.alignBegin(corpus, contents, index);
    const terms = this.termsOfFamilies(aligned.families, aligned.wordings, corpus, aligned.places);
    return this.alignEnd(inputs, corpus, lines, aligned, terms, index, stories);
  }

  /** Stages 4 to 6: places, wordings, families. */
  private alignBegin(corpus: FormCorpus, contents: readonly ContentSentences[], index: SimilarityIndex): AlignBegun {
    const sourceCount = corpus.prepared.length;
    const places = numberPlaces(corpus, contents);
    const wordings = collectWordings(corpus, places);
    const spaceIdOf = wordings.map(w => w.spaceId);
    const profiles = spaceIdOf.map(id => corpus.formSpace.profile(id));
    const families = this.families(wordings, spaceIdOf, sourceCount, index);
    return { places, wordings, spaceIdOf, profiles, families };
  }

  /** Stages 7 to 10, given each family's content terms: grouping, spans, anchors, report. */
  private alignEnd(
    inputs: readonly SourceInput[],
    corpus: FormCorpus,
    lines: readonly (readonly LineVerdict[])[],
    aligned: AlignBegun,
    terms: readonly ContentTerms[],
    index: SimilarityIndex,
    stories: readonly Story[],
  ): CorpusAnalysis {
    const { places, wordings, spaceIdOf, profiles, families } = aligned;
    const sourceCount = corpus.prepared.length;
    const nodes = familyNodes(families, wordings, profiles, terms);
    const leaderIds = families.map(family => spaceIdOf[family[0]]);
    const nodePairs: NodePairs = (threshold, separate, among, sourceOf) => {
      if (among.length === leaderIds.length) return index.pairsAmong(leaderIds, threshold, separate, sourceOf);
      const pairs = index.pairsAmong(
        among.map(node => leaderIds[node]),
        threshold,
        (a, b) => separate(among[a], among[b]),
        sourceOf && (position => sourceOf(among[position])),
      );
      return Array.from(pairs, p => ({ a: among[p.a], b: among[p.b], similarity: p.similarity }));
    };
    const align = this.options.align ?? {};
    // Both stages score links over the same nodes: their word statistics are worked out once.
    const evidence = new LinkEvidence(nodes, align.wordWeight ?? 0.6);
    const grouped = groupNodes(nodes, sourceCount, align, nodePairs, evidence);
    const clusters = joinInOrder(nodes, placesOfNodes(families, wordings), sourceCount, grouped, align, nodePairs, evidence);
    const owners = { ...places, wordingOfPlace: wordingOfPlaces(wordings, places.formOfPlace.length) };
    const memberPlaces = mergeFollowingGroups(placesOfClusters(clusters, families, wordings), owners, profiles);
    attachSpans(memberPlaces, owners, profiles, titlePlaces(places));
    const twins = foldTwinGroups(memberPlaces, owners, places.formOfPlace);
    const repeats = attachRepeats(memberPlaces, owners, places.formOfPlace);
    for (let place = 0; place < twins.length; place++) repeats[place] |= twins[place];
    const tallies = tallyGroups(memberPlaces, owners.wordingOfPlace, wordings.length);
    const shared = new SharedTokens(corpus.formSpace.space);
    const choices = tallies.map(tally => this.anchorOf(tally, spaceIdOf, shared, corpus.formSpace));
    const ranks = canonicalRanks(inputs.map((input, i) => ({ id: input.id, hash: corpus.prepared[i].hash })));
    const groups = buildGroups(tallies, choices, { ...owners, repeats }, profiles, ranks);
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
    // A sentence that a source prints more than `COPY_NODES` times is no node of its own past
    // those copies: they join a twin's group as repeats (`attachRepeats`), so a source that
    // repeats its text hundreds of times (or two sources that do) costs no pairwise work per
    // copy. The first few copies stay nodes: a page may print a quote twice, once in an
    // embedded post and once in its reading order, and the later copy is the one that aligns.
    const widespreadFirst = wordings
      .map((_, i) => i as WordingId)
      .filter(w => wordings[w].copy < COPY_NODES)
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
    return this.leaderTexts(families, wordings, corpus, places).map(({ text, stopwords }) =>
      this.terms.get(`${stopwords.language}\u0000${text}`, () => contentTerms(text, stopwords, this.vocabulary)),
    );
  }

  /** Each family leader's text, with the function words of its language. */
  private leaderTexts(
    families: readonly (readonly WordingId[])[],
    wordings: readonly Wording[],
    corpus: FormCorpus,
    places: Places,
  ): { text: string; stopwords: StopwordProfile }[] {
    const stopwordsOf = new Map<string, StopwordProfile>(corpus.prepared.map(p => [p.profile.language, p.profile]));
    return families.map(family => {
      const leader = wordings[family[0]];
      const place = leader.places[0];
      const source = places.sourceOfPlace[place];
      const text = places.sentencesBySource[source][place - places.placeStart[source]].text;
      return { text, stopwords: stopwordsOf.get(leader.language)! };
    });
  }

  /** The anchor of a group; kept across analyses only for the session's standing space, whose ids the key holds. */
  private anchorOf(tally: GroupTally, spaceIdOf: readonly SpaceId[], shared: SharedTokens, formSpace: FormSpace): AnchorChoice {
    if (!this.anchors || formSpace !== this.formSpace) return chooseAnchor(tally, spaceIdOf, shared);
    return this.anchors.get(anchorKey(tally, spaceIdOf), () => chooseAnchor(tally, spaceIdOf, shared));
  }
}

/**
 * What a story's analysis, analysed apart, is made from: its sources (id and text, in order),
 * and per sentence of each, whether the corpus compares its form (article text on some page of
 * any story) and whether it recurs across stories away from this story (`crossStoryForms`,
 * which marks it as chrome here); and whether other sources may revise verdicts. Two analyses
 * of a story with one key are the same. O(sentences of the story).
 */
function storyPartKey(started: Started, k: number): string {
  const { inputs, prepared, grouping, formIds, compared, crossEvidence } = started;
  const recurring = grouping.crossStoryForms;
  const parts = [crossEvidence ? '1' : '0'];
  for (const s of grouping.stories[k].sources) {
    const ids = formIds[s];
    const sentences = prepared[s].sentences;
    const flags = new Array<number>(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const home = recurring.size ? recurring.get(unnumbered(sentences[i].form)) : undefined;
      flags[i] = compared.compared[ids[i]] + (home !== undefined && home !== k ? 2 : 0);
    }
    parts.push(inputs[s].id, prepared[s].hash, flags.join(''));
  }
  return parts.join('\u0000');
}

/** What the stages before the stories' own work found. */
interface Started {
  readonly inputs: readonly SourceInput[];
  readonly prepared: readonly PreparedSource[];
  readonly grouping: StoryGrouping;
  readonly crossEvidence: boolean;
  readonly formIds: readonly FormIds[];
  readonly compared: ComparedForms;
  /** True where each story is analysed in a form space of its own. */
  readonly apart: boolean;
  /** Where `apart`: per story, its promotable lines. */
  readonly promotableOf: readonly ReadonlyMap<FormId, readonly LineRef[]>[];
}

/** Stages 4 to 6 of a story. */
interface AlignBegun {
  readonly places: Places;
  readonly wordings: readonly Wording[];
  readonly spaceIdOf: readonly SpaceId[];
  readonly profiles: readonly BigramProfile[];
  readonly families: WordingId[][];
}

/** A story of a share after `beginStory`, waiting for its term ids. */
interface BegunStory {
  readonly task: StoryTask;
  readonly corpus: FormCorpus;
  readonly index: SimilarityIndex;
  readonly lines: readonly (readonly LineVerdict[])[];
  readonly aligned: AlignBegun;
  /** Per family, its leader's term keys. */
  readonly termKeys: readonly ContentTermKeys[];
  /** The story's keys, each at its place in the order they first occur. */
  readonly keyAt: ReadonlyMap<string, number>;
}

/** What the stories of one share reuse: per form id, its space id in the story at hand (-1 elsewhere), and bigram profiles. */
interface ShareScratch {
  readonly spaceIds: SpaceIdOfForm;
  readonly profileOf: BigramProfile[];
  /**
   * What the facts stage works out per word, for every story of the share: most words recur
   * across stories, and a fresh one per story worked each out again in every story that has it.
   */
  readonly words: WordForms;
}

/** Stories need no space ids after their families are found. */
const EMPTY_SPACE_IDS = new Int32Array(0) as SpaceIdOfForm;

/** The stories of one share, each begun and then finished (see `storyShare.ts`). */
class ShareWork {
  private readonly scratch: ShareScratch;
  private readonly begun: (BegunStory | undefined)[];

  constructor(
    private readonly analyzer: CachingAnalyzer,
    private readonly share: StoryShare,
  ) {
    this.scratch = { spaceIds: new Int32Array(share.forms.length).fill(-1) as SpaceIdOfForm, profileOf: [], words: new WordForms() };
    this.begun = share.tasks.map(() => undefined);
  }

  get tasks(): readonly StoryTask[] {
    return this.share.tasks;
  }

  /** Stages 3 to 6 of task `t`: its term keys in the order they first occur. */
  begin(t: number): readonly string[] {
    const begun = this.analyzer.beginStory(this.share, this.scratch, this.share.tasks[t]);
    this.begun[t] = begun;
    return [...begun.keyAt.keys()];
  }

  /** The rest of task `t`, begun before, given the id of each of its keys. */
  finish(t: number, termIds: Int32Array): CorpusAnalysis {
    const begun = this.begun[t]!;
    this.begun[t] = undefined;
    return this.analyzer.finishStory(begun, termIds, this.scratch.words);
  }
}

/**
 * A share of stories analysed here for another thread (see `storyShare.ts`): `begin` gives
 * each task's term keys, `finish` each task's analysis with facts, given the ids of its keys.
 */
export function storyShareWork(
  share: StoryShare,
  options: AnalysisOptions = {},
): { begin(): (readonly string[])[]; finish(termIds: readonly Int32Array[]): CorpusAnalysis[] } {
  const work = new ShareWork(new CachingAnalyzer(options, false), share);
  return {
    begin: () => share.tasks.map((_, t) => work.begin(t)),
    finish: termIds => share.tasks.map((_, t) => work.finish(t, termIds[t])),
  };
}

/**
 * `local()`, then waits for `pending` to settle if it threw (so no other thread is left
 * working on a failed analysis) before throwing on.
 */
async function settledWith<T>(pending: readonly Promise<unknown>[], local: () => T): Promise<T> {
  try {
    return local();
  } catch (e) {
    await Promise.allSettled(pending);
    throw e;
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
