/**
 * "Synoptic: Import passim Clusters…": reads passim's output (a folder of part files such as
 * `out.json/`, or one file) as the command line's `import-passim` does (`node/passimImport.ts`),
 * with the documents its records name resolved only under the workspace folder the user
 * chose. Each cluster becomes a story over the original files: listed in the Stories view in
 * a group of its own, compared as one story in the panel, its passages selectable in the
 * editor. Skipped records are reported in one message, never as a failure; reading and
 * analysing show a cancellable progress notification. "Clear Imported passim Clusters" forgets
 * the import. The import is kept in memory for the window's life.
 */
import { realpathSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import * as vscode from 'vscode';
import { AnalysisCancelled, AnalysisRunner } from './analysisRunner';
import { COMPARE_COMMAND, StoryScopes } from './comparePanel';
import type { CorpusView } from './corpus';
import {
  ImportedClusters,
  PassimClusterNode,
  PassimImportNode,
  PassimPassageNode,
  buildImportedTree,
  clusterDescription,
  importDescription,
  passageDescription,
} from './importedStoryTree';
import { revealSentence } from './navigation';
import { clusterStories, readPassimRecords, skippedCount, skippedSummary } from './node/passimImport';
import { InputError } from './node/readSource';
import { restrictAnalysis } from './stories';
import type { GroupNode, StoryGroupSource } from './storiesView';

export const IMPORT_PASSIM_COMMAND = 'synoptic.importPassim';
export const CLEAR_PASSIM_COMMAND = 'synoptic.clearPassimImport';
export const REVEAL_PASSAGE_COMMAND = 'synoptic.revealPassimPassage';
/** Context key: true while clusters are imported (shows the clear action). */
const IMPORTED_CONTEXT = 'synoptic.passimImported';

/** What the command may be given: passim's output and the workspace folder its ids are under. */
export interface PassimImportRequest {
  readonly output?: vscode.Uri;
  readonly folder?: vscode.Uri;
}

/** The questions the command asks; the window's dialogs by default. */
export interface PassimImportPrompts {
  pickOutput(defaultUri: vscode.Uri): Thenable<vscode.Uri | undefined>;
  pickFolder(folders: readonly vscode.WorkspaceFolder[]): Thenable<vscode.WorkspaceFolder | undefined>;
}

export const windowPrompts: PassimImportPrompts = {
  async pickOutput(defaultUri) {
    const picked = await vscode.window.showOpenDialog({
      defaultUri,
      canSelectFiles: true,
      canSelectFolders: true,
      canSelectMany: false,
      title: "Import passim Clusters: passim's output folder (out.json) or one file of records",
      openLabel: 'Import',
    });
    return picked?.[0];
  },
  async pickFolder(folders) {
    const picked = await vscode.window.showQuickPick(
      folders.map(folder => ({ label: folder.name, description: vscode.workspace.asRelativePath(folder.uri), folder })),
      { placeHolder: "Workspace folder holding the documents passim was given (records' ids are read only under it)" },
    );
    return picked?.folder;
  },
};

/** What the command did, for its caller: the import shown, and the one message the user saw. */
export interface PassimImportResult {
  readonly imported?: PassimImportNode;
  readonly message: string;
}

/** The import as far as others (the integration tests) may see it. */
export interface PassimImportProbe {
  readonly imported?: PassimImportNode;
}

type Node = PassimImportNode | PassimClusterNode | PassimPassageNode;

/** The imported clusters: the Stories view's group of them, and the panel's scopes over them. */
class PassimImports implements StoryGroupSource, StoryScopes, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private imported?: ImportedClusters;
  private tree?: PassimImportNode;
  private readonly parents = new Map<Node, Node>();
  private readonly views = new Map<string, CorpusView>();
  private generation = 0;

  get root(): PassimImportNode | undefined {
    return this.tree;
  }

  set(imported: Omit<ImportedClusters, 'key'> | undefined): void {
    this.imported = imported && { ...imported, key: String(++this.generation) };
    this.tree = this.imported && buildImportedTree(this.imported);
    this.parents.clear();
    this.views.clear();
    for (const cluster of this.tree?.clusters ?? []) {
      this.parents.set(cluster, this.tree!);
      for (const passage of cluster.passages) this.parents.set(passage, cluster);
    }
    void vscode.commands.executeCommand('setContext', IMPORTED_CONTEXT, this.tree !== undefined);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  roots(): readonly GroupNode[] {
    return this.tree ? [this.tree] : [];
  }

  owns(node: object): node is GroupNode {
    const kind = (node as GroupNode).kind;
    return kind === 'passimImport' || kind === 'passimCluster' || kind === 'passimPassage';
  }

  children(node: GroupNode): readonly GroupNode[] {
    const n = node as Node;
    return n.kind === 'passimImport' ? n.clusters : n.kind === 'passimCluster' ? n.passages : [];
  }

  parent(node: GroupNode): GroupNode | undefined {
    return this.parents.get(node as Node);
  }

  treeItem(node: GroupNode): vscode.TreeItem {
    const n = node as Node;
    switch (n.kind) {
      case 'passimImport': {
        const item = new vscode.TreeItem(`Imported from passim: ${n.name}`, vscode.TreeItemCollapsibleState.Expanded);
        item.id = n.id;
        item.description = importDescription(n);
        item.tooltip = `passim's clusters read from ${n.name}: each cluster is a story over the files its records name.\n${importDescription(n)}`;
        item.iconPath = new vscode.ThemeIcon('cloud-download');
        item.contextValue = 'passimImport';
        return item;
      }
      case 'passimCluster': {
        // The largest cluster open, so that its passages show how to reach them.
        const state = n.index === 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
        const item = new vscode.TreeItem(n.title, state);
        item.id = n.id;
        item.description = clusterDescription(n);
        item.tooltip = `${n.title}\nImported from passim: ${clusterDescription(n)}.\nSelect to compare its sources side by side; expand for its passages.`;
        item.iconPath = new vscode.ThemeIcon('references');
        item.contextValue = 'passimCluster';
        item.command = {
          command: COMPARE_COMMAND,
          title: 'Compare the sources of this cluster',
          arguments: [vscode.Uri.parse(n.sources[0].uri), n.id],
        };
        return item;
      }
      case 'passimPassage': {
        const uri = vscode.Uri.parse(n.uri);
        const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
        item.id = n.id;
        item.label = n.name;
        item.description = passageDescription(n);
        item.tooltip = `${vscode.workspace.asRelativePath(uri)}, ${passageDescription(n)}${n.uid ? `\npassim uid ${n.uid}` : ''}\nSelect to show the passage in the editor.`;
        item.contextValue = 'passimPassage';
        item.command = { command: REVEAL_PASSAGE_COMMAND, title: 'Show the passage', arguments: [n.uri, n.start, n.end] };
        return item;
      }
    }
  }

  /** The sources of the cluster node `scope` as one story, as the panel compares them. */
  viewOf(scope: string): CorpusView | undefined {
    const cached = this.views.get(scope);
    if (cached) return cached;
    const node = this.tree?.clusters.find(c => c.id === scope);
    const imported = this.imported;
    if (!node || !imported) return undefined;
    const story = imported.stories[node.index];
    const uris = story.sources.map(s => vscode.Uri.parse(imported.uris[s]));
    const positions = new Map(uris.map((u, i) => [u.toString(), i]));
    const view: CorpusView = {
      key: scope,
      uris,
      analysis: restrictAnalysis(imported.analysis, story.sources),
      texts: story.sources.map(s => imported.texts[s]),
      generation: this.generation,
      notice: `passim cluster ${node.cluster}, imported from ${imported.name}: its ${story.sources.length} sources compared as one story.`,
      indexOf: u => positions.get(u.toString()) ?? -1,
    };
    this.views.set(scope, view);
    return view;
  }
}

/** The workspace folders on disk: passim's ids name files, which only a local folder holds. */
function localFolders(): readonly vscode.WorkspaceFolder[] {
  return (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file');
}

/** A file's address under `folder`, whatever links lie above the folder: `real` is a real path under `realRoot`. */
function uriUnder(folder: vscode.Uri, realRoot: string, real: string): vscode.Uri {
  return vscode.Uri.joinPath(folder, ...relative(realRoot, real).split(sep));
}

async function runImport(
  imports: PassimImports,
  runner: AnalysisRunner,
  request: PassimImportRequest,
  prompts: PassimImportPrompts,
): Promise<PassimImportResult | undefined> {
  const folders = localFolders();
  if (folders.length === 0) {
    const message = 'Open the folder holding the documents passim was given, then import its clusters.';
    void vscode.window.showInformationMessage(message);
    return { message };
  }
  const output = request.output ?? (await prompts.pickOutput(folders[0].uri));
  if (!output) return undefined;
  // With several folders the user chooses; the one holding the output is offered first.
  const holding = (f: vscode.WorkspaceFolder) => output.fsPath.startsWith(f.uri.fsPath + sep);
  const folder =
    request.folder ??
    (folders.length === 1
      ? folders[0].uri
      : (await prompts.pickFolder([...folders.filter(holding), ...folders.filter(f => !holding(f))]))?.uri);
  if (!folder) return undefined;
  const folderName = basename(folder.fsPath);
  const outputName = basename(output.fsPath);

  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Synoptic: importing passim clusters from ${outputName}`, cancellable: true },
    async (progress, token): Promise<{ message: string; warn: boolean } | undefined> => {
      let read;
      try {
        read = await readPassimRecords(output.fsPath, folder.fsPath, {
          onProgress: async p => {
            progress.report({
              message: `reading file ${Math.min(p.file + 1, p.files)} of ${p.files}, ${p.records.toLocaleString('en')} records`,
            });
            // A turn of the event loop between chunks: the window stays responsive and can cancel.
            await new Promise(resolve => setImmediate(resolve));
            return !token.isCancellationRequested;
          },
        });
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        return { message: `Synoptic could not import passim clusters: ${e.message}`, warn: true };
      }
      if (!read) return undefined;
      const skipped = skippedSummary(read.skipped, folderName);
      if (read.records.length === 0) {
        const why = skipped ? `; ${skipped}` : '';
        return { message: `No passim record in ${outputName} names a readable file under ${folderName}${why}.`, warn: true };
      }
      progress.report({ message: `analysing ${read.ids.length} files` });
      const realRoot = realpathSync(folder.fsPath);
      const uris = read.paths.map(p => uriUnder(folder, realRoot, p).toString());
      let analysis;
      try {
        analysis = await runner.run(
          uris.map((id, i) => ({ id, text: read.texts[i] })),
          token,
        );
      } catch (e) {
        if (e instanceof AnalysisCancelled) return undefined;
        throw e;
      }
      const stories = clusterStories(read, analysis);
      imports.set({ name: outputName, uris, texts: read.texts, analysis, stories });
      const listed = imports.root!;
      const shown = listed.clusters.length < stories.length ? ` (the largest ${listed.clusters.length} listed)` : '';
      const summary = `Imported ${stories.length.toLocaleString('en')} passim cluster${stories.length === 1 ? '' : 's'}${shown} over ${read.ids.length} file${read.ids.length === 1 ? '' : 's'} from ${outputName} into the Stories view`;
      return { message: skipped ? `${summary}; ${skipped}.` : `${summary}.`, warn: skippedCount(read.skipped) > 0 };
    },
  );
  if (!outcome) return { message: 'cancelled' };
  if (outcome.warn) void vscode.window.showWarningMessage(outcome.message);
  else void vscode.window.showInformationMessage(outcome.message);
  if (imports.root) void vscode.commands.executeCommand('synoptic.stories.focus');
  return { imported: imports.root, message: outcome.message };
}

/**
 * Registers the import, clear and reveal commands. `group` goes to the Stories view, `scopes`
 * to the comparison panel. `workerScript` is the analysis worker's bundle (large imports are
 * analysed there).
 */
export function register(
  workerScript: string,
  prompts: PassimImportPrompts = windowPrompts,
): { disposable: vscode.Disposable; group: StoryGroupSource; scopes: StoryScopes; probe: PassimImportProbe } {
  const imports = new PassimImports();
  let runner: AnalysisRunner | undefined;
  const runnerOf = () => (runner ??= new AnalysisRunner(workerScript));
  return {
    disposable: vscode.Disposable.from(
      imports,
      { dispose: () => runner?.dispose() },
      vscode.commands.registerCommand(IMPORT_PASSIM_COMMAND, (arg?: vscode.Uri | PassimImportRequest) =>
        runImport(imports, runnerOf(), arg instanceof vscode.Uri ? { output: arg } : (arg ?? {}), prompts),
      ),
      vscode.commands.registerCommand(CLEAR_PASSIM_COMMAND, () => {
        imports.set(undefined);
        runner?.dispose();
        runner = undefined;
      }),
      vscode.commands.registerCommand(REVEAL_PASSAGE_COMMAND, (uri: string, start: number, end: number) =>
        revealSentence(vscode.Uri.parse(uri), start, end),
      ),
    ),
    group: imports,
    scopes: imports,
    probe: {
      get imported() {
        return imports.root;
      },
    },
  };
}
