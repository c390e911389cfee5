/**
 * Stage 11, facts: the analysis with what changed and where it came from. Each group member
 * gets its changes against the group's anchor (`changes.ts`), each source the publication date
 * its page gives (`published.ts`), each story its likely origin and each group its earliest
 * version (`origin.ts`).
 */
import { ChangeCache, changesAgainst, ChangeOptions, PlacedChange, WordForms } from './changes';
import { mayBeSameLanguage } from './factPairs';
import { storyOrder, withOrigin } from './origin';
import { findPublished, PublishedOptions } from './published';
import type { CorpusAnalysis, FactChange, GroupMember, SentenceGroup, SourceAnalysis, SourceInput } from './types';

/** Tuning of the facts stage; every field has a default. */
export interface FactOptions {
  readonly changes?: ChangeOptions;
  readonly published?: PublishedOptions;
  /**
   * Whether members get their `changes` against their group's anchor (default true). A caller
   * that shows none (a list of stories, an export of the texts side by side) leaves them out,
   * the most of this stage's work; publication dates, origins and `earliest` are as ever.
   */
  readonly memberChanges?: boolean;
}

/**
 * Input: an analysis and the texts it was made from (same order), and where the caller keeps
 * the changes of pairs compared before (optional; the analyzer keeps them between analyses),
 * and the `WordForms` to work out each word's forms in (optional: a fresh one by default; the
 * groups' sentences share most of their words, and the stories of one corpus many, so each
 * word's forms are worked out once in it).
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
  words: WordForms = new WordForms(),
): CorpusAnalysis {
  const sources: SourceAnalysis[] = analysis.sources.map((s, i) => {
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
  const groups =
    options.memberChanges === false ? analysis.groups : analysis.groups.map(g => withChanges(g, sources, options.changes, cache, words));
  const storyOfSource = new Int32Array(sources.length);
  analysis.stories.forEach((story, k) => story.sources.forEach(s => (storyOfSource[s] = k)));
  const groupsOfStory = analysis.stories.map(() => [] as number[]);
  groups.forEach((g, gi) => groupsOfStory[storyOfSource[g.members[0].source]].push(gi));
  const ids = sources.map(s => s.id);
  const names = ids.map(fileName);
  const published = sources.map(s => s.published);
  const earliestOf = new Int32Array(groups.length).fill(-1);
  const stories = analysis.stories.map((story, k) => {
    const { origin, order } = storyOrder({ sources: story.sources, published, names, ids, groups, storyGroups: groupsOfStory[k] });
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

/**
 * The group with each member's changes against the anchor. A source's members that stand in
 * a span are compared as one joined text, and each change goes to the member it lies in; the
 * anchor's own source and repeats get none, nor do members in another language than the anchor
 * (a translation differs in every word). A language left undetermined is no other language: two
 * versions of one page in a language without a function-word list, or near its threshold, may
 * fall either side of it.
 */
function withChanges(
  group: SentenceGroup,
  sources: readonly SourceAnalysis[],
  options: ChangeOptions | undefined,
  cache: ChangeCache | undefined,
  words: WordForms,
): SentenceGroup {
  const members = group.members;
  const anchorSource = members[group.anchor].source;
  // Each source's members that are no repeats, by their index, in reading order: its span in the group.
  const spans = new Map<number, number[]>();
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    if (m.repeat) continue;
    const span = spans.get(m.source);
    if (span) span.push(i);
    else spans.set(m.source, [i]);
  }
  const anchorSpan = spans.get(anchorSource);
  if (!anchorSpan || spans.size < 2) return group;
  const textOf = (m: GroupMember) => sources[m.source].sentences[m.sentence].text;
  const joined = (span: number[]) => {
    if (span.length === 1) return { text: textOf(members[span[0]]), starts: [0] };
    span.sort((x, y) => members[x].sentence - members[y].sentence);
    const starts: number[] = [];
    let text = '';
    for (const i of span) {
      if (text) text += ' ';
      starts.push(text.length);
      text += textOf(members[i]);
    }
    return { text, starts };
  };
  const language = sources[anchorSource].language;
  const compare = changesAgainst(joined(anchorSpan).text, language, options, cache, words);
  const changesOf = new Map<number, FactChange[]>();
  for (const [source, span] of spans) {
    if (source === anchorSource || !mayBeSameLanguage(sources[source].language, language)) continue;
    const { text, starts } = joined(span);
    for (const placed of compare(text)) {
      let k = 0;
      while (k + 1 < starts.length && starts[k + 1] <= placed.at) k++;
      const i = span[k];
      const list = changesOf.get(i) ?? [];
      list.push(relativeTo(placed, starts[k], textOf(members[i]).length));
      changesOf.set(i, list);
    }
  }
  if (!changesOf.size) return group;
  return { ...group, members: members.map((m, i) => (changesOf.has(i) ? { ...m, changes: changesOf.get(i)! } : m)) };
}

/** A change placed in a joined text, with its range in the member sentence that starts at `offset`. */
function relativeTo(placed: PlacedChange, offset: number, length: number): FactChange {
  const { change } = placed;
  if (!change.otherRange) return change;
  const [start, end] = change.otherRange;
  if (offset === 0 && end <= length) return change;
  return { ...change, otherRange: [start - offset, Math.min(end - offset, length)] };
}
