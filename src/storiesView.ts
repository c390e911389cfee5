/**
 * The Stories view, in a view container of its own: the workspace's stories, largest first,
 * each with its sources and their shared and unique sentence counts. Selecting a story opens its comparison; the active file's
 * story is revealed. When the view is first shown it asks for the analysis of every folder of
 * `.txt` files (or of the `synoptic.sources` glob), and fills as each analysis arrives; while
 * any analysis runs, the view shows a progress bar (a large corpus also shows a cancellable
 * notification, `analysisProgress.ts`).
 */
import * as vscode from 'vscode';
import { counted } from './plural';
import { COMPARE_COMMAND } from './comparePanel';
import { CorpusService } from './corpus';
import { TEXT_FILE_GLOB } from './sourceDiscovery';
import { speaksAboutSource } from './speaking';
import {
  StoryNode,
  StorySourceNode,
  buildStoryTree,
  sourceDescription,
  storyDescription,
  storyOfUri,
  storySize,
  storySizeBadge,
  storyTooltip,
} from './storyTree';

export const STORIES_VIEW = 'synoptic.stories';
export const REFRESH_STORIES_COMMAND = 'synoptic.refreshStories';
/** Longest a new tree waits for a running reveal to end. */
const REVEAL_WAIT_MS = 5000;
/** Files looked at to find the workspace's corpora. */
const MAX_FILES_LISTED = 5000;

/**
 * Stories from elsewhere than the analysis (passim's clusters, imported), shown as groups of
 * their own above the analysed stories. The group answers for its nodes: which are its, their
 * children, parents and items.
 */
export interface StoryGroupSource {
  readonly onDidChange: vscode.Event<void>;
  /** The group's top nodes (none while it has nothing to show). */
  roots(): readonly GroupNode[];
  owns(node: object): node is GroupNode;
  children(node: GroupNode): readonly GroupNode[];
  parent(node: GroupNode): GroupNode | undefined;
  treeItem(node: GroupNode): vscode.TreeItem;
}

/** A node of a `StoryGroupSource`. */
export interface GroupNode {
  readonly kind: string;
}

type Node = StoryNode | StorySourceNode | GroupNode;

/** What the view shows, as far as others (the integration tests) may see it. */
export interface StoriesViewProbe {
  readonly stories: readonly StoryNode[];
  /** The story last revealed for the active file. */
  readonly revealed?: StoryNode;
  /** The nodes the view shows under `node` (at the top without one), and each one's item. */
  children(node?: object): readonly object[];
  item(node: object): vscode.TreeItem;
}

class StoriesProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  stories: StoryNode[] = [];
  private readonly parents = new Map<StorySourceNode, StoryNode>();
  // VS Code registers each element of the tree by its id. A reveal fetches elements too: one
  // that runs while a refresh fetches the new tree (or a refresh while it runs) registers an
  // id twice, and VS Code shows the user an error. So a reveal waits for the view to fetch the
  // refreshed top level, and a new tree waits for a running reveal to end.
  /** From a refresh until the view next asks for its top level. */
  private refreshing = false;
  /** A reveal asked for while a refresh or another reveal ran. */
  private queuedReveal: (() => void) | undefined;
  private revealing = false;
  /** A tree built while a reveal ran, shown when it ends. */
  private waitingTree: StoryNode[] | undefined;

  /** The view showing this tree, which reveals its stories. */
  view: vscode.TreeView<Node> | undefined;

  constructor(
    private readonly corpus: CorpusService,
    private readonly groups: readonly StoryGroupSource[] = [],
  ) {}

  private groupOf(node: Node): StoryGroupSource | undefined {
    return this.groups.find(g => g.owns(node));
  }

  /** Tells the view that a group changed. */
  groupChanged(): void {
    if (this.revealing) this.waitingTree ??= this.stories;
    else this.refresh();
  }

  /**
   * Reveals the story `find` gives once the view shows the current tree (`find` is asked then,
   * so it reads that tree), and says which it revealed through `revealed`.
   */
  reveal(find: () => StoryNode | undefined, revealed: (story: StoryNode) => void): void {
    const run = () => {
      const view = this.view;
      const story = find();
      if (!view?.visible || !story) return;
      revealed(story);
      this.revealing = true;
      let settled = false;
      const settle = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.revealing = false;
        const tree = this.waitingTree;
        this.waitingTree = undefined;
        // A new tree first: the queued reveal then waits for the view to fetch it.
        if (tree) this.show(tree);
        else this.runQueuedReveal();
      };
      // A reveal that never ends must not hold the view's updates back for good.
      const timer = setTimeout(settle, REVEAL_WAIT_MS);
      view.reveal(story, { select: true, focus: false, expand: true }).then(settle, settle);
    };
    this.queuedReveal = run;
    if (!this.refreshing && !this.revealing) this.runQueuedReveal();
  }

  private runQueuedReveal(): void {
    const reveal = this.queuedReveal;
    this.queuedReveal = undefined;
    reveal?.();
  }

  /** Corpora whose every file `files.exclude` hides, as the last search found them: not listed. */
  hidden: ReadonlySet<string> = new Set();

  rebuild(): void {
    const tree = buildStoryTree(
      this.corpus
        .analysed()
        .filter(view => !this.hidden.has(view.key))
        .map(view => ({
          key: view.key,
          uris: view.uris.map(u => u.toString()),
          analysis: view.analysis,
          texts: view.texts,
          speaksFor: (source: number) => speaksAboutSource(view, source),
        })),
    );
    if (this.revealing) this.waitingTree = tree;
    else this.show(tree);
  }

  private show(tree: StoryNode[]): void {
    this.stories = tree;
    this.parents.clear();
    for (const story of this.stories) for (const source of story.sources) this.parents.set(source, story);
    this.refresh();
  }

  private refresh(): void {
    this.refreshing = true;
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      this.refreshing = false;
      // Once VS Code has registered what this call returns.
      if (this.queuedReveal) setTimeout(() => !this.refreshing && !this.revealing && this.runQueuedReveal(), 0);
      return [...this.groups.flatMap(g => g.roots()), ...this.stories];
    }
    const group = this.groupOf(node);
    if (group) return [...group.children(node)];
    return node.kind === 'story' ? [...(node as StoryNode).sources] : [];
  }

  getParent(node: Node): Node | undefined {
    const group = this.groupOf(node);
    if (group) return group.parent(node);
    return node.kind === 'source' ? this.parents.get(node as StorySourceNode) : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const group = this.groupOf(node);
    return group ? group.treeItem(node) : this.analysedItem(node as StoryNode | StorySourceNode);
  }

  private analysedItem(node: StoryNode | StorySourceNode): vscode.TreeItem {
    if (node.kind === 'story') {
      const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = storyDescription(node);
      item.tooltip = storyTooltip(node);
      item.iconPath = new vscode.ThemeIcon('book');
      // The address carries the story's size to `storySizeDecorations`, which shows it as a badge.
      item.resourceUri = vscode.Uri.from({
        scheme: STORY_SIZE_SCHEME,
        path: `/${encodeURIComponent(node.id)}`,
        query: `${node.versions}/${node.sources.length}`,
      });
      item.contextValue = 'story';
      item.command = {
        command: COMPARE_COMMAND,
        title: 'Compare the sources of this story',
        arguments: [vscode.Uri.parse(node.sources[0].uri)],
      };
      return item;
    }
    const uri = vscode.Uri.parse(node.uri);
    const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.parents.get(node)?.id ?? ''}/${node.uri}`;
    item.label = node.name;
    item.description = sourceDescription(node, this.parents.get(node));
    item.tooltip = `${vscode.workspace.asRelativePath(uri)}\n${counted(node.shared, 'sentence')} shared with other sources of the story, ${node.unique} in this source only`;
    item.contextValue = 'storySource';
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
    return item;
  }
}

/**
 * The workspace's corpora as the search finds them: one file of each (of every folder holding
 * `.txt` files, or the first file of the `synoptic.sources` glob), files hidden by
 * `files.exclude` left out; and the analysed corpora whose every file that setting hides, which
 * the view leaves out (listed before the user hid their folder, or opened from it). Only where
 * an analysed corpus is missing from the listing is the workspace listed again without excludes,
 * to tell a hidden folder from one deleted or outside the search: that listing walks what the
 * user hides, installed packages included, which most searches need not.
 */
async function searchCorpora(corpus: CorpusService): Promise<{ representatives: vscode.Uri[]; hidden: Set<string> }> {
  const glob = (vscode.workspace.getConfiguration('synoptic').get<string>('sources') ?? '').trim();
  const shown = await vscode.workspace.findFiles(glob || TEXT_FILE_GLOB, excludedFiles(), MAX_FILES_LISTED);
  const byKey = new Map<string, vscode.Uri>();
  for (const file of shown.sort((a, b) => (a.toString() < b.toString() ? -1 : 1))) {
    const key = corpus.keyFor(file);
    if (!byKey.has(key)) byKey.set(key, file);
  }
  const representatives = [...byKey.values()];
  if (corpus.analysed().every(view => byKey.has(view.key))) return { representatives, hidden: new Set() };
  // No exclude at all: any pattern given here, VS Code applies `files.exclude` besides it.
  const all = await vscode.workspace.findFiles(glob || TEXT_FILE_GLOB, null, MAX_FILES_LISTED);
  const hidden = new Set(
    all
      .filter(file => !file.path.includes('/node_modules/'))
      .map(file => corpus.keyFor(file))
      .filter(key => !byKey.has(key)),
  );
  return { representatives, hidden };
}

/** Installed packages: their licences and changelogs are no stories. */
const INSTALLED_PACKAGES = '**/node_modules/**';

/**
 * What the search for stories leaves out: installed packages and what the user hides from the
 * Explorer (`files.exclude`). VS Code applies `files.exclude` besides an exclude pattern given to
 * `findFiles`, whole (braces and conditions included), though the API's documentation says the
 * pattern replaces it; so its patterns are given too, for a host that does as documented, save
 * those with braces of their own (they cannot stand in one group of alternatives) or a condition
 * (`when`), which only the host can apply. `search.exclude` is not applied: it keeps files out of
 * search results (build output, a copy of the data), not out of the folders the user reads, as
 * the Explorer still shows them.
 */
function excludedFiles(): string {
  const hidden = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude') ?? {};
  const patterns = Object.keys(hidden).filter(pattern => hidden[pattern] === true && !/[{}]/.test(pattern));
  return `{${[INSTALLED_PACKAGES, ...patterns].join(',')}}`;
}

/** The scheme of the addresses that give a story's line its size badge (`storySizeDecorations`). */
const STORY_SIZE_SCHEME = 'synoptic-story-size';

/**
 * Badges a story's line with its number of versions (copies of one file count once), read from
 * the address its item carries: `versions/files`.
 */
function storySizeDecorations(): vscode.Disposable {
  return vscode.window.registerFileDecorationProvider({
    provideFileDecoration(uri) {
      if (uri.scheme !== STORY_SIZE_SCHEME) return undefined;
      const [versions, files] = uri.query.split('/').map(Number);
      if (!Number.isInteger(versions) || !Number.isInteger(files) || versions < 1 || files < versions) return undefined;
      return new vscode.FileDecoration(storySizeBadge(versions), storySize(versions, files));
    },
  });
}

/** `groups`: stories from elsewhere, listed above the analysed ones (see `StoryGroupSource`). */
export function register(
  corpus: CorpusService,
  groups: readonly StoryGroupSource[] = [],
): { disposable: vscode.Disposable; probe: StoriesViewProbe } {
  const provider = new StoriesProvider(corpus, groups);
  const view = vscode.window.createTreeView(STORIES_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  provider.view = view;
  let revealed: StoryNode | undefined;
  let discovery: Promise<void> | undefined;

  /** A search asked for while one runs, which starts once that one ends. */
  let next: Promise<void> | undefined;
  /** Set when the view goes: a search asked for before then does not start after it. */
  let disposed = false;

  /** Analyses every corpus of the workspace, with the view's progress bar; each result fills the view as it comes. */
  const discover = () => {
    if (discovery) return discovery;
    if (provider.stories.length === 0) view.message = 'Looking for stories…';
    discovery = Promise.resolve(
      vscode.window.withProgress({ location: { viewId: STORIES_VIEW } }, async () => {
        const { representatives, hidden } = await searchCorpora(corpus);
        if (disposed) return;
        // A folder hidden since it was listed leaves the view now, before the analyses.
        provider.hidden = hidden;
        update();
        // One at a time: the analyses share the worker, and the view fills corpus by corpus.
        for (const uri of representatives) {
          if (disposed) return;
          await corpus.request(uri);
        }
      }),
    ).finally(() => {
      discovery = undefined;
      view.message = undefined;
    });
    return discovery;
  };

  /**
   * A new search, as *Find Stories Again* and a change of `synoptic.sources` ask: one under way
   * lists the files as they were when it started (a folder written since, or the glob before its
   * change, missed), so the new one follows it. Several asked for meanwhile are one search.
   */
  const discoverAgain = () => {
    if (!discovery) return discover();
    const after = () => {
      next = undefined;
      return disposed ? undefined : discover();
    };
    next ??= discovery.then(after, after);
    return next;
  };

  const revealActive = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const story = uri && storyOfUri(provider.stories, uri.toString());
    if (!story || !view.visible) return;
    // The tree may change before the reveal runs: it reveals the file's story as it then stands.
    provider.reveal(
      () => storyOfUri(provider.stories, uri.toString()),
      story => (revealed = story),
    );
  };

  const update = () => {
    provider.rebuild();
    view.message = provider.stories.length === 0 && discovery ? 'Looking for stories…' : undefined;
    revealActive();
  };

  if (view.visible) void discover();
  return {
    disposable: vscode.Disposable.from(
      { dispose: () => (disposed = true) },
      view,
      provider,
      storySizeDecorations(),
      corpus.onDidChange(update),
      corpus.onDidRemove(update),
      view.onDidChangeVisibility(e => {
        if (e.visible) {
          update();
          void discover();
        }
      }),
      // Every analysis, a large one in the worker too, shows the view's progress bar until it ends.
      corpus.onDidStartAnalysis(pending => void vscode.window.withProgress({ location: { viewId: STORIES_VIEW } }, () => pending)),
      vscode.window.onDidChangeActiveTextEditor(revealActive),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (!e.affectsConfiguration('synoptic')) return;
        update();
        // Other files make the workspace's corpora now: each is found again.
        if (e.affectsConfiguration('synoptic.sources') && view.visible) void discoverAgain();
      }),
      // A folder the user hides from the Explorer leaves the view; one shown again comes back.
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('files.exclude') && view.visible) void discoverAgain();
      }),
      vscode.commands.registerCommand(REFRESH_STORIES_COMMAND, () => discoverAgain()),
      ...groups.map(g => g.onDidChange(() => provider.groupChanged())),
    ),
    probe: {
      get stories() {
        return provider.stories;
      },
      get revealed() {
        return revealed;
      },
      children: node => provider.getChildren(node as Node | undefined),
      item: node => provider.getTreeItem(node as Node),
    },
  };
}
