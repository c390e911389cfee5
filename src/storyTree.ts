/**
 * The Stories view's data: the stories of every analysed corpus, largest first, each with its
 * sources and how many of their sentences the story's other sources share. No `vscode` here.
 */
import type { CorpusAnalysis } from './core';
import { restrictAnalysis, storiesOf } from './stories';

/** One analysed corpus (a folder, or the files of the `synoptic.sources` glob). */
export interface CorpusEntry {
  readonly key: string;
  /** Each source's address (a URI string), in the analysis's order. */
  readonly uris: readonly string[];
  readonly analysis: CorpusAnalysis;
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
}

export interface StoryNode {
  readonly kind: 'story';
  /** Stable while the corpus keeps the story's first source: `corpus key` + first source. */
  readonly id: string;
  readonly corpusKey: string;
  /** Where the story was found: its folder's name, or the glob; empty for a document analysed alone. */
  readonly corpusName: string;
  readonly title: string;
  readonly sources: readonly StorySourceNode[];
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
 * about, largest first, then by title and id so the order never depends on which corpus was
 * analysed first. A story without a title is named after its first source.
 * O(sentences + group members of the corpora + stories · log stories).
 */
export function buildStoryTree(corpora: readonly CorpusEntry[]): StoryNode[] {
  const nodes: StoryNode[] = [];
  for (const corpus of corpora) {
    for (const story of storiesOf(corpus.analysis)) {
      if (!story.sources.some(source => corpus.speaksFor(source))) continue;
      const scoped = restrictAnalysis(corpus.analysis, story.sources);
      const sources = story.sources.map((source, i): StorySourceNode => {
        const groups = scoped.sources[i].groupOfSentence;
        const shared = groups.filter(g => g >= 0).length;
        return { kind: 'source', uri: corpus.uris[source], name: nameOf(corpus.uris[source]), shared, unique: groups.length - shared };
      });
      const first = corpus.uris[story.sources[0]];
      nodes.push({
        kind: 'story',
        id: `${corpus.key}#${first}`,
        corpusKey: corpus.key,
        corpusName: corpusName(corpus.key),
        title: story.title.trim() || nameOf(first),
        sources,
      });
    }
  }
  return nodes.sort((a, b) => b.sources.length - a.sources.length || compare(a.title, b.title) || compare(a.id, b.id));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

/** A story's line in the view: its size and where it was found, e.g. "3 sources · reports". */
export function storyDescription(node: StoryNode): string {
  const size = `${node.sources.length} source${node.sources.length === 1 ? '' : 's'}`;
  return node.corpusName ? `${size} · ${node.corpusName}` : size;
}

/** A source's line in the view, e.g. "12 shared · 3 unique". */
export function sourceDescription(node: StorySourceNode): string {
  return `${node.shared} shared · ${node.unique} unique`;
}
