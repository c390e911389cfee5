/**
 * The Stories view's group of stories imported from passim: one node for the import, under it
 * one node per cluster (largest first, as `passimStories` orders them), and under each cluster
 * its passages, each a range of one source that the editor can select. No `vscode` here.
 */
import type { CorpusAnalysis } from './core';
import type { ClusterStory } from './export/passimImport';
import { restrictAnalysis } from './stories';
import { StorySourceNode, nameOf } from './storyTree';

/** An import as the view needs it: the documents (URI strings), their texts as read, their analysis, the clusters. */
export interface ImportedClusters {
  /** Distinguishes imports: node ids carry it, so a new import never reuses an old node's id. */
  readonly key: string;
  /** What was imported: the output folder's or file's name. */
  readonly name: string;
  readonly uris: readonly string[];
  readonly texts: readonly string[];
  readonly analysis: CorpusAnalysis;
  readonly stories: readonly ClusterStory[];
}

export interface PassimPassageNode {
  readonly kind: 'passimPassage';
  readonly id: string;
  readonly uri: string;
  readonly name: string;
  /** UTF-16 offsets into the source's text as imported. */
  readonly start: number;
  readonly end: number;
  /** 1-based lines of the passage's first and last character. */
  readonly startLine: number;
  readonly endLine: number;
  readonly uid?: string;
}

export interface PassimClusterNode {
  readonly kind: 'passimCluster';
  readonly id: string;
  /** Index into the import's `stories`. */
  readonly index: number;
  /** passim's cluster id, in decimal. */
  readonly cluster: string;
  readonly title: string;
  readonly sources: readonly StorySourceNode[];
  readonly passages: readonly PassimPassageNode[];
}

export interface PassimImportNode {
  readonly kind: 'passimImport';
  readonly id: string;
  readonly name: string;
  readonly documents: number;
  readonly clusterCount: number;
  /** The clusters listed, the largest `limit` of them. */
  readonly clusters: readonly PassimClusterNode[];
}

/** Clusters listed at most; passim's output may hold millions, the view shows the largest. */
export const MAX_CLUSTERS_LISTED = 500;

/**
 * The import's node and its first `limit` clusters with their sources (shared and unique
 * sentence counts within the cluster) and passages. O(sentences and group members of the
 * listed clusters' sources + passages · log lines).
 */
export function buildImportedTree(imported: ImportedClusters, limit = MAX_CLUSTERS_LISTED): PassimImportNode {
  const lineStarts = new Map<number, number[]>();
  const lineOf = (source: number, offset: number) => {
    let starts = lineStarts.get(source);
    if (!starts) lineStarts.set(source, (starts = lineStartsOf(imported.texts[source])));
    return upperBound(starts, offset);
  };
  const clusters = imported.stories.slice(0, limit).map((story, index): PassimClusterNode => {
    const cluster = String(story.cluster);
    const id = `passim:${imported.key}#${cluster}`;
    const scoped = restrictAnalysis(imported.analysis, story.sources);
    const sources = story.sources.map((source, i): StorySourceNode => {
      const groups = scoped.sources[i].groupOfSentence;
      const shared = groups.filter(g => g >= 0).length;
      const uri = imported.uris[source];
      return { kind: 'source', uri, name: nameOf(uri), shared, unique: groups.length - shared };
    });
    const passages = story.passages.map((p, k): PassimPassageNode => {
      const uri = imported.uris[p.source];
      return {
        kind: 'passimPassage',
        id: `${id}/${k}`,
        uri,
        name: nameOf(uri),
        start: p.start,
        end: p.end,
        startLine: lineOf(p.source, p.start),
        endLine: lineOf(p.source, Math.max(p.start, p.end - 1)),
        uid: p.uid,
      };
    });
    const title = story.title.trim() || nameOf(imported.uris[story.sources[0]] ?? '') || `cluster ${cluster}`;
    return { kind: 'passimCluster', id, index, cluster, title, sources, passages };
  });
  return {
    kind: 'passimImport',
    id: `passim:${imported.key}`,
    name: imported.name,
    documents: imported.uris.length,
    clusterCount: imported.stories.length,
    clusters,
  };
}

/** The import's line in the view, e.g. "3 clusters · 7 files" or "500 of 1,204 clusters · 3,001 files". */
export function importDescription(node: PassimImportNode): string {
  const clusters =
    node.clusters.length < node.clusterCount
      ? `${node.clusters.length} of ${node.clusterCount.toLocaleString('en')} clusters`
      : plural(node.clusterCount, 'cluster');
  return `${clusters} · ${plural(node.documents, 'file')}`;
}

/** A cluster's line in the view, its size first (a narrow view cuts the end), e.g. "3 sources · 4 passages · passim cluster 12". */
export function clusterDescription(node: PassimClusterNode): string {
  return `${plural(node.sources.length, 'source')} · ${plural(node.passages.length, 'passage')} · passim cluster ${node.cluster}`;
}

/** A passage's line in the view, e.g. "lines 4–6" or "line 4". */
export function passageDescription(node: PassimPassageNode): string {
  return node.startLine === node.endLine ? `line ${node.startLine}` : `lines ${node.startLine}–${node.endLine}`;
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

/** Offsets where each line starts; lines end at LF, CR LF or a lone CR, as in the editor. O(n). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** Number of entries of `sorted` at most `value`: the 1-based line of an offset. O(log n). */
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
