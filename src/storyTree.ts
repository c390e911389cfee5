/**
 * The Stories view's data: the stories of every analysed corpus, largest first, each with its
 * sources and how many of their sentences the story's other sources share. No `vscode` here.
 *
 * Each folder (or the `synoptic.sources` glob) is a corpus of its own: its files are compared
 * with each other, as the panel and the hover compare them. Where two folders hold copies of
 * one file (the same text), their stories are one story of the workspace and the view lists it
 * once, with every folder it was found in. A corpus need not come from an analysis: any source
 * of stories that gives addresses, an analysis and its stories (an import of another tool's
 * clusters) fits `CorpusEntry`.
 */
import { CorpusAnalysis, compareCodeUnits } from './core';
import { counted } from './plural';
import { restrictAnalysis, storiesOf } from './stories';

/** One analysed corpus (a folder, or the files of the `synoptic.sources` glob). */
export interface CorpusEntry {
  readonly key: string;
  /** Each source's address (a URI string), in the analysis's order. */
  readonly uris: readonly string[];
  readonly analysis: CorpusAnalysis;
  /** Each source's text, in the analysis's order: a copy in another corpus joins its story there. Optional. */
  readonly texts?: readonly string[];
  /** Whether Synoptic speaks about source `i` (see `activation.ts`); stories with no such source are left out. */
  readonly speaksFor: (source: number) => boolean;
}

export interface StorySourceNode {
  readonly kind: 'source';
  readonly uri: string;
  readonly name: string;
  /** Sentences another source of the story also carries. */
  readonly shared: number;
  /** Sentences no other source of the story carries. */
  readonly unique: number;
  /** The name of the corpus (folder) the source was compared in; absent for sources of stories from elsewhere (an import). */
  readonly corpusName?: string;
}

export interface StoryNode {
  readonly kind: 'story';
  /** Stable while the corpus keeps the story's first source: `corpus key` + first source. */
  readonly id: string;
  readonly corpusKey: string;
  /** Where the story was found: its folder's name, or the glob; empty for a document analysed alone. Several, comma-separated, when folders hold copies. */
  readonly corpusName: string;
  /** The corpora the story was found in (more than one where folders hold copies of its files). */
  readonly corpusCount: number;
  readonly title: string;
  readonly sources: readonly StorySourceNode[];
  /**
   * Its versions: distinct texts among its sources, where the corpus gave them (copies of one
   * file, in one folder or several, are one version); otherwise its number of sources.
   */
  readonly versions: number;
}

/** The last path segment of a URI string, decoded. */
export function nameOf(uri: string): string {
  const segment = uri.replace(/\/+$/, '').split('/').pop() ?? uri;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The view's stories: of every corpus, the stories with at least one source Synoptic speaks
 * about; stories of different corpora that hold the same text (a copy of a file) are one story,
 * listed once with the sources of each; largest first, then by title and id so the order never
 * depends on which corpus was analysed first. A story without a title is named after its first
 * source. O(sentences + group members of the corpora + text length + stories · log stories).
 */
export function buildStoryTree(corpora: readonly CorpusEntry[]): StoryNode[] {
  const parts: { node: StoryNode; texts: readonly string[] }[] = [];
  for (const corpus of corpora) {
    for (const story of storiesOf(corpus.analysis)) {
      if (!story.sources.some(source => corpus.speaksFor(source))) continue;
      const scoped = restrictAnalysis(corpus.analysis, story.sources);
      const name = corpusName(corpus.key);
      const sources = story.sources.map((source, i): StorySourceNode => {
        const groups = scoped.sources[i].groupOfSentence;
        const shared = groups.filter(g => g >= 0).length;
        return {
          kind: 'source',
          uri: corpus.uris[source],
          name: nameOf(corpus.uris[source]),
          shared,
          unique: groups.length - shared,
          corpusName: name,
        };
      });
      const first = corpus.uris[story.sources[0]];
      parts.push({
        node: {
          kind: 'story',
          id: `${corpus.key}#${first}`,
          corpusKey: corpus.key,
          corpusName: name,
          corpusCount: 1,
          title: story.title.trim() || nameOf(first),
          sources,
          versions: corpus.texts ? versionCount(story.sources.map(source => corpus.texts![source])) : sources.length,
        },
        texts: corpus.texts ? story.sources.map(source => corpus.texts![source]) : [],
      });
    }
  }
  return joinCopies(parts).sort(
    (a, b) =>
      b.versions - a.versions || b.sources.length - a.sources.length || compareCodeUnits(a.title, b.title) || compareCodeUnits(a.id, b.id),
  );
}

/**
 * Stories of different corpora that share a text, joined: the id, key and title of the part
 * with most sources (ties: the smaller id), the sources of every part in that order, the
 * corpora's names sorted. O(parts + texts).
 */
function joinCopies(parts: readonly { node: StoryNode; texts: readonly string[] }[]): StoryNode[] {
  const parent = parts.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const partOfText = new Map<string, number>();
  parts.forEach((part, i) => {
    for (const text of part.texts) {
      // An empty file says nothing of its story.
      if (!text.trim()) continue;
      const other = partOfText.get(text);
      if (other === undefined) partOfText.set(text, i);
      else if (parts[other].node.corpusKey !== part.node.corpusKey) parent[find(i)] = find(other);
    }
  });
  const joined = new Map<number, number[]>();
  parts.forEach((_, i) => {
    const root = find(i);
    const list = joined.get(root);
    if (list) list.push(i);
    else joined.set(root, [i]);
  });
  return [...joined.values()].map(members => {
    if (members.length === 1) return parts[members[0]].node;
    const nodes = members.map(i => parts[i].node).sort((a, b) => b.sources.length - a.sources.length || compareCodeUnits(a.id, b.id));
    const names = [...new Set(nodes.map(n => n.corpusName))].sort(compareCodeUnits);
    return {
      ...nodes[0],
      corpusName: names.join(', '),
      corpusCount: new Set(nodes.map(n => n.corpusKey)).size,
      sources: nodes.flatMap(n => n.sources),
      versions: versionCount(members.flatMap(i => parts[i].texts)),
    };
  });
}

/** How many versions `texts` hold: copies of one text count once, and each empty file (which joins no copies) once. O(texts). */
function versionCount(texts: readonly string[]): number {
  let empty = 0;
  const distinct = new Set<string>();
  for (const text of texts) {
    if (text.trim()) distinct.add(text);
    else empty++;
  }
  return distinct.size + empty;
}

/** The story of `uri` among `nodes`, if any. O(sources of the tree). */
export function storyOfUri(nodes: readonly StoryNode[], uri: string): StoryNode | undefined {
  return nodes.find(node => node.sources.some(source => source.uri === uri));
}

/** The name of a corpus key of `sourceDiscovery.corpusKey`: a folder's last segment, or the glob. */
export function corpusName(key: string): string {
  if (key.startsWith('folder:')) return nameOf(key.slice('folder:'.length));
  if (key.startsWith('glob:')) return key.slice('glob:'.length);
  return '';
}

/**
 * A story's line in the view: its size and where it was found, e.g. "3 sources · reports"; where
 * some of its files are copies of others, its versions and files, e.g. "5 versions in 10 files ·
 * reports, archive".
 */
export function storyDescription(node: StoryNode): string {
  const size = storySize(node.versions, node.sources.length);
  return node.corpusName ? `${size} · ${node.corpusName}` : size;
}

/**
 * A story's tooltip in the view: its title, its line, and what selecting it does. A story of one
 * source says that no other source tells it, as the panel and the status bar do, rather than
 * offering to compare "them"; one found in several folders says how they are compared.
 */
export function storyTooltip(node: StoryNode): string {
  const line = `${node.title}\n${storyDescription(node)}`;
  if (node.sources.length < 2) return `${line}: no other source here tells this story. Select to open it in the comparison panel`;
  // Copies of one text (the same page saved twice): the same words side by side, nothing to compare.
  if (node.versions < 2)
    return `${line}: its files are copies of one text, and no other version here tells this story. Select to open it in the comparison panel`;
  if (node.corpusCount > 1)
    return `${line}: copies of its files are in ${node.corpusCount} folders; each folder's files are compared with each other (set synoptic.sources to a glob to compare across folders). Select to compare them side by side`;
  return `${line}: select to compare them side by side`;
}

/** A story's size in words: "8 sources"; where some files are copies of others, "5 versions in 10 files". */
export function storySize(versions: number, files: number): string {
  return versions < files ? `${counted(versions, 'version')} in ${files} files` : sourceCount(files);
}

/** A story's size in words: "1 source", "8 sources". */
export function sourceCount(sources: number): string {
  return counted(sources, 'source');
}

/**
 * A story's size (its number of versions) as a badge at the right end of its line, which the
 * view never cuts off (a long title pushes the description out of a narrow sidebar): the number
 * up to 99, "+" beyond, since a badge holds at most two characters.
 */
export function storySizeBadge(sources: number): string {
  return sources < 100 ? String(sources) : '+';
}

/**
 * A source's line in the view, e.g. "12 shared · 3 unique"; in a story found in several folders,
 * with the folder it was compared in ("12 shared · 3 unique · reports"), as its counts are
 * within that folder.
 */
export function sourceDescription(node: StorySourceNode, story?: StoryNode): string {
  const counts = `${node.shared} shared · ${node.unique} unique`;
  return story && story.corpusCount > 1 && node.corpusName ? `${counts} · ${node.corpusName}` : counts;
}
