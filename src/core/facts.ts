/**
 * Stage 11, facts: the analysis with what changed and where it came from. Each group member
 * gets its changes against the group's anchor (`changes.ts`), each source the publication date
 * its page gives (`published.ts`), each story its likely origin and each group its earliest
 * version (`origin.ts`).
 */
import { ChangeCache, changesAgainst, ChangeOptions, PlacedChange, WordForms } from './changes';
import { storyOrder, withOrigin } from './origin';
import { findPublished, PublishedOptions } from './published';
import type { CorpusAnalysis, FactChange, GroupMember, SentenceGroup, SourceAnalysis, SourceInput } from './types';

/** Tuning of the facts stage; every field has a default. */
export interface FactOptions {
  readonly changes?: ChangeOptions;
  readonly published?: PublishedOptions;
}

/**
 * Input: an analysis and the texts it was made from (same order), and where the caller keeps
 * the changes of pairs compared before (optional; the analyzer keeps them between analyses).
 * Output: the same analysis with `changes` on members, `published` on sources, `origin` on
 * stories of two or more versions and `earliest` on groups. Only members are compared, each
 * with its own group's anchor: O(Σ (a + m) · d) over members, a and m the two texts' tokens
 * and d the differing ones, plus O(L) for the lines near each page's first article line.
 */
export function addFacts(
  analysis: CorpusAnalysis,
  inputs: readonly SourceInput[],
  options: FactOptions = {},
  cache?: ChangeCache,
): CorpusAnalysis {
  const sources = withPublished(analysis, inputs, options);
  // The groups' sentences share most of their words: each word's forms are worked out once.
  const words = new WordForms();
  const groups = analysis.groups.map(g => {
    const plan = comparisonPlan(g, sources);
    return plan ? withChanges(g, plan, changesAgainst(plan.anchor, plan.language, options.changes, cache, words)) : g;
  });
  return withOrigins(analysis, sources, groups);
}

/**
 * One group's anchor and the distinct texts of its members to compare with it, in one
 * language (`compareTexts`); a plain value, so that another thread can compare them.
 */
export interface FactComparison {
  readonly anchor: string;
  readonly language: string;
  readonly members: readonly string[];
}

/** Per comparison, per member text, its changes: what `compareTexts` gives, found elsewhere (another thread). */
export type FactComparer = (
  comparisons: readonly FactComparison[],
  options: ChangeOptions | undefined,
) => Promise<readonly (readonly (readonly PlacedChange[])[])[]>;

/** Below this many characters of member texts to compare, a corpus's comparisons are not shared out. */
const SHARED_COMPARISON_CHARS = 100_000;

/**
 * `addFacts` (without a cache) with a share of the groups' comparisons made by each comparer
 * meanwhile: each comparison depends on its two texts alone, so the result is the same
 * whatever the shares. The groups go in reading order, in shares of about equal text; below
 * `minShared` characters to compare in all, this thread compares them alone. O(Σ (a + m) · d)
 * as `addFacts`, split between the threads, plus copying the texts and their changes.
 */
export async function addFactsSharing(
  analysis: CorpusAnalysis,
  inputs: readonly SourceInput[],
  options: FactOptions = {},
  comparers: readonly FactComparer[],
  minShared = SHARED_COMPARISON_CHARS,
): Promise<CorpusAnalysis> {
  const sources = withPublished(analysis, inputs, options);
  const plans = analysis.groups.map(g => comparisonPlan(g, sources));
  // What a group costs: the texts it compares (a text the same as the anchor's costs nothing).
  const weights = plans.map(plan =>
    plan ? plan.spans.reduce((n, { text }) => (text === plan.anchor ? n : n + text.length), plan.anchor.length) : 0,
  );
  const total = weights.reduce((a, b) => a + b, 0);
  if (!comparers.length || total < minShared) return addFacts(analysis, inputs, options);
  // Contiguous shares of the groups; this thread takes the first.
  const shareOf = new Int32Array(plans.length);
  const threads = comparers.length + 1;
  let filled = 0;
  weights.forEach((w, gi) => {
    shareOf[gi] = Math.min(threads - 1, Math.floor(((filled + w / 2) / total) * threads));
    filled += w;
  });
  const comparisons = plans.map((plan, gi) => (plan && shareOf[gi] !== 0 ? comparisonOf(plan) : undefined));
  const pending = comparers.map((compare, k) => {
    const list = comparisons.filter((c, gi) => c && shareOf[gi] === k + 1) as FactComparison[];
    return list.length ? compare(list, options.changes) : Promise.resolve([]);
  });
  const words = new WordForms();
  let local: (SentenceGroup | undefined)[];
  try {
    local = analysis.groups.map((g, gi) => {
      const plan = plans[gi];
      if (shareOf[gi] !== 0) return undefined;
      return plan ? withChanges(g, plan, changesAgainst(plan.anchor, plan.language, options.changes, undefined, words)) : g;
    });
  } catch (e) {
    await Promise.allSettled(pending);
    throw e;
  }
  const found = await Promise.all(pending);
  const next = new Int32Array(comparers.length);
  const groups = analysis.groups.map((g, gi) => {
    const done = local[gi];
    if (done) return done;
    const plan = plans[gi];
    if (!plan) return g;
    const k = shareOf[gi] - 1;
    const changes = found[k][next[k]++];
    const byText = new Map(comparisons[gi]!.members.map((m, i) => [m, changes[i]]));
    return withChanges(g, plan, member => (member === plan.anchor ? [] : byText.get(member)!));
  });
  return withOrigins(analysis, sources, groups);
}

/**
 * Input: comparisons (`FactComparison`). Output: per comparison, per member text, its changes
 * against the anchor (`changesAgainst`). O(Σ (a + m) · d) as `addFacts`.
 */
export function compareTexts(comparisons: readonly FactComparison[], options?: ChangeOptions): PlacedChange[][][] {
  const words = new WordForms();
  return comparisons.map(c => {
    const compare = changesAgainst(c.anchor, c.language, options, undefined, words);
    return c.members.map(m => compare(m) as PlacedChange[]);
  });
}

/** Each source with the publication date its page gives. */
function withPublished(analysis: CorpusAnalysis, inputs: readonly SourceInput[], options: FactOptions): SourceAnalysis[] {
  return analysis.sources.map((s, i) => {
    const published = findPublished(
      {
        text: inputs[i].text,
        language: s.language,
        lineSpans: s.lineSpans,
        firstArticleLine: s.sentences.length ? s.sentences[0].line : -1,
      },
      options.published,
    );
    return published ? { ...s, published } : s;
  });
}

/** The analysis with its sources, its groups with their changes, each story's origin and each group's earliest version. */
function withOrigins(analysis: CorpusAnalysis, sources: SourceAnalysis[], groups: SentenceGroup[]): CorpusAnalysis {
  const storyOfSource = new Int32Array(sources.length);
  analysis.stories.forEach((story, k) => story.sources.forEach(s => (storyOfSource[s] = k)));
  const groupsOfStory = analysis.stories.map(() => [] as number[]);
  groups.forEach((g, gi) => groupsOfStory[storyOfSource[g.members[0].source]].push(gi));
  const names = sources.map(s => fileName(s.id));
  const published = sources.map(s => s.published);
  const earliestOf = new Int32Array(groups.length).fill(-1);
  const stories = analysis.stories.map((story, k) => {
    const { origin, order } = storyOrder({ sources: story.sources, published, names, groups, storyGroups: groupsOfStory[k] });
    const rank = new Map(order.map((s, i) => [s, i]));
    for (const gi of groupsOfStory[k]) {
      let best = -1;
      for (const m of groups[gi].members) if (best < 0 || rank.get(m.source)! < rank.get(best)!) best = m.source;
      earliestOf[gi] = best;
    }
    return withOrigin(story, origin);
  });
  return {
    ...analysis,
    sources,
    groups: groups.map((g, gi) => (earliestOf[gi] >= 0 ? { ...g, earliest: earliestOf[gi] } : g)),
    stories,
  };
}

/** The last part of a path or URI. */
function fileName(id: string): string {
  return id.slice(Math.max(id.lastIndexOf('/'), id.lastIndexOf('\\')) + 1) || id;
}

/** A member's source's span in a group, read as one text: each member, and where its sentence starts in the text. */
interface JoinedSpan {
  /** The members' indices in the group, in reading order. */
  readonly span: readonly number[];
  readonly text: string;
  readonly starts: readonly number[];
}

/** What a group compares: its anchor's text and language, and the spans of the other sources in that language. */
interface ComparisonPlan {
  readonly anchor: string;
  readonly language: string;
  readonly spans: readonly JoinedSpan[];
  readonly textOf: (m: GroupMember) => string;
}

/**
 * What the group compares, or undefined where nothing is. A source's members that stand in a
 * span are compared as one joined text; the anchor's own source and repeats are not compared,
 * nor are members in another language than the anchor (a translation differs in every word).
 */
function comparisonPlan(group: SentenceGroup, sources: readonly SourceAnalysis[]): ComparisonPlan | undefined {
  const members = group.members;
  const anchorSource = members[group.anchor].source;
  // Each source's members that are no repeats, in reading order: its span in the group.
  const spans = new Map<number, number[]>();
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    if (m.repeat) continue;
    const span = spans.get(m.source);
    if (span) span.push(i);
    else spans.set(m.source, [i]);
  }
  const anchorSpan = spans.get(anchorSource);
  if (!anchorSpan || spans.size < 2) return undefined;
  const textOf = (m: GroupMember) => sources[m.source].sentences[m.sentence].text;
  const joined = (span: number[]): JoinedSpan => {
    if (span.length === 1) return { span, text: textOf(members[span[0]]), starts: [0] };
    span.sort((x, y) => members[x].sentence - members[y].sentence);
    const starts: number[] = [];
    let text = '';
    for (const i of span) {
      if (text) text += ' ';
      starts.push(text.length);
      text += textOf(members[i]);
    }
    return { span, text, starts };
  };
  const language = sources[anchorSource].language;
  const anchor = joined(anchorSpan).text;
  const others: JoinedSpan[] = [];
  for (const [source, span] of spans) {
    if (source === anchorSource || sources[source].language !== language) continue;
    others.push(joined(span));
  }
  return { anchor, language, spans: others, textOf };
}

/** The plan's distinct member texts other than the anchor's, in the order they first occur. */
function comparisonOf(plan: ComparisonPlan): FactComparison {
  const members = new Set<string>();
  for (const { text } of plan.spans) if (text !== plan.anchor) members.add(text);
  return { anchor: plan.anchor, language: plan.language, members: [...members] };
}

/** The group with each member's changes against the anchor (`compare` gives a member text's), each change to the member it lies in. */
function withChanges(group: SentenceGroup, plan: ComparisonPlan, compare: (member: string) => readonly PlacedChange[]): SentenceGroup {
  const changesOf = new Map<number, FactChange[]>();
  for (const { span, text, starts } of plan.spans) {
    for (const placed of compare(text)) {
      let k = 0;
      while (k + 1 < starts.length && starts[k + 1] <= placed.at) k++;
      const i = span[k];
      const list = changesOf.get(i) ?? [];
      list.push(relativeTo(placed, starts[k], plan.textOf(group.members[i]).length));
      changesOf.set(i, list);
    }
  }
  if (!changesOf.size) return group;
  return { ...group, members: group.members.map((m, i) => (changesOf.has(i) ? { ...m, changes: changesOf.get(i)! } : m)) };
}

/** A change placed in a joined text, with its range in the member sentence that starts at `offset`. */
function relativeTo(placed: PlacedChange, offset: number, length: number): FactChange {
  const { change } = placed;
  if (!change.otherRange) return change;
  const [start, end] = change.otherRange;
  if (offset === 0 && end <= length) return change;
  return { ...change, otherRange: [start - offset, Math.min(end - offset, length)] };
}
