/**
 * "Synoptic: Export Comparison…": writes the analysis of the active file's corpus as CSV,
 * HTML, TEI, CollateX JSON, passim input or the JSON export. Asks for the format and the file,
 * never replaces a file without a modal question, and shows progress while a large corpus is
 * analysed and written. The analysis comes from the corpus service, as the panel gets it.
 * Run with a request (`{ source, format, target }`) it asks only what the request leaves open.
 */
import * as vscode from 'vscode';
import { toExportFormat1 } from './core';
import { CorpusService, CorpusView } from './corpus';
import { toCollatex } from './export/collatex';
import { toCsv } from './export/csv';
import { toHtml } from './export/html';
import { toPassim } from './export/passim';
import { Story, storiesOf } from './export/stories';
import { ExportInput } from './export/table';
import { toTei } from './export/tei';
import { exportedNotice } from './exportNotice';
import { notComparableMessage } from './notComparable';
import { StoryPickItem, storyPickItem } from './exportStoryPick';
import { fileExists } from './vscodeWorkspace';

export const EXPORT_COMMAND = 'synoptic.exportComparison';

export type ExportFormatId = 'csv' | 'html' | 'tei' | 'collatex' | 'passim' | 'json';

interface FormatInfo {
  readonly label: string;
  readonly detail: string;
  readonly extension: string;
  readonly filter: string;
  /** How the format shows every story of a corpus of several, or undefined where it shows only one. */
  readonly allStories?: string;
  /** `story` undefined: every story (one story of every source for the JSON export). */
  write(input: ExportInput, story: number | undefined): string;
}

export const EXPORT_FORMATS: Readonly<Record<ExportFormatId, FormatInfo>> = {
  csv: {
    label: 'CSV',
    detail: 'A spreadsheet: one row per statement, one column per source',
    extension: 'csv',
    filter: 'CSV',
    allStories: 'one table, a story column first',
    write: (i, story) => toCsv(i, { story, bom: true }),
  },
  html: {
    label: 'HTML',
    detail: 'One page to send or print: the sources side by side, differences marked',
    extension: 'html',
    filter: 'HTML',
    allStories: 'one section per story, with a table of contents',
    write: (i, story) => toHtml(i, { story }),
  },
  tei: {
    label: 'TEI P5',
    detail: 'Parallel segmentation for editions: <app> and <rdg> per statement',
    extension: 'xml',
    filter: 'TEI XML',
    allStories: 'one <div> per story',
    write: (i, story) => toTei(i, { story }),
  },
  collatex: {
    label: 'CollateX JSON',
    detail: 'Witnesses and alignment table, as CollateX writes them',
    extension: 'json',
    filter: 'JSON',
    write: (i, story) => JSON.stringify(toCollatex(i, { story })) + '\n',
  },
  passim: {
    label: 'passim input',
    detail: 'JSON lines for passim on Spark: id, series, text without boilerplate',
    extension: 'jsonl',
    filter: 'JSON lines',
    allStories: 'every source, for passim to find the clusters itself',
    write: (i, story) => toPassim(i, { story }),
  },
  json: {
    label: 'Synoptic JSON',
    detail: 'The JSON export (format 1): lines, sentences, groups',
    extension: 'json',
    filter: 'JSON',
    write: i => JSON.stringify(toExportFormat1(i.analysis, i.paths)) + '\n',
  },
};

/**
 * What the command may be given: the file whose corpus to export, the format, the story (an
 * index into the corpus's stories, or every story), the file to write.
 */
export interface ExportRequest {
  readonly source?: vscode.Uri;
  readonly format?: ExportFormatId;
  readonly story?: number | 'all';
  readonly target?: vscode.Uri;
}

/** The questions the command asks; the window's pickers and dialogs by default. */
export interface ExportPrompts {
  pickFormat(): Thenable<ExportFormatId | undefined>;
  /**
   * Asked when the corpus holds several stories: one of `stories` (its index), or `'all'`
   * where `allStories` says how the format shows them. `active` is the active file's story.
   */
  pickStory(stories: readonly Story[], active: number | undefined, allStories: string | undefined): Thenable<number | 'all' | undefined>;
  pickTarget(suggested: vscode.Uri, format: ExportFormatId): Thenable<vscode.Uri | undefined>;
  /** Asked before a file that exists is replaced; true replaces it. */
  confirmOverwrite(target: vscode.Uri): Thenable<boolean>;
}

export const windowPrompts: ExportPrompts = {
  async pickFormat() {
    const items = (Object.keys(EXPORT_FORMATS) as ExportFormatId[]).map(id => ({
      id,
      label: EXPORT_FORMATS[id].label,
      detail: EXPORT_FORMATS[id].detail,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Export Comparison',
      placeHolder: 'Format to export the comparison in',
    });
    return picked?.id;
  },
  async pickStory(stories, active, allStories) {
    type Item = vscode.QuickPickItem & StoryPickItem;
    const storyItem = (story: number): Item => storyPickItem(stories, story, active);
    const items: Item[] = [
      ...(active !== undefined ? [storyItem(active)] : []),
      ...(allStories ? [{ story: 'all' as const, label: `All ${stories.length} stories`, description: allStories }] : []),
      ...stories
        .map((_, i) => i)
        .filter(i => i !== active)
        .map(storyItem),
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Export Comparison',
      placeHolder: `These sources tell ${stories.length} stories: which to export`,
    });
    return picked?.story;
  },
  pickTarget(suggested, format) {
    const info = EXPORT_FORMATS[format];
    return vscode.window.showSaveDialog({
      defaultUri: suggested,
      filters: { [info.filter]: [info.extension] },
      title: `Export Comparison as ${info.label}`,
      saveLabel: 'Export',
    });
  },
  async confirmOverwrite(target) {
    const replace = 'Replace';
    const answer = await vscode.window.showWarningMessage(
      `${vscode.workspace.asRelativePath(target)} already exists. Replace it with the export?`,
      { modal: true },
      replace,
    );
    return answer === replace;
  },
};

/** Corpora of this many characters or more show a notification while they are exported. */
const LARGE_CORPUS = 2_000_000;

/**
 * Exports the corpus of `request.source` (default: the active editor's file). Resolves to the
 * file written, or undefined when the user cancelled or there was nothing to export.
 */
export async function exportComparison(
  corpus: CorpusService,
  request: ExportRequest = {},
  prompts: ExportPrompts = windowPrompts,
): Promise<vscode.Uri | undefined> {
  const source = request.source ?? vscode.window.activeTextEditor?.document.uri;
  if (!source) {
    void vscode.window.showInformationMessage('Open a text file to export the comparison of its sources.');
    return undefined;
  }
  if (!CorpusService.isComparable(source)) {
    void vscode.window.showInformationMessage(notComparableMessage(source, 'export'));
    return undefined;
  }
  const format = request.format ?? (await prompts.pickFormat());
  if (!format) return undefined;
  if (!EXPORT_FORMATS[format]) throw new Error(`unknown export format '${format}'`);
  const story = format === 'json' ? 'all' : (request.story ?? (await chooseStory(corpus, source, format, prompts)));
  if (story === undefined) return undefined;
  const target = request.target ?? (await prompts.pickTarget(suggestedTarget(source, format), format));
  if (!target) return undefined;
  if ((await fileExists(target)) && !(await prompts.confirmOverwrite(target))) return undefined;

  const work = async (progress?: vscode.Progress<{ message?: string }>) => {
    progress?.report({ message: 'analysing' });
    const view = await corpus.request(source);
    if (!view) throw new Error(`${vscode.workspace.asRelativePath(source)} cannot be analysed`);
    progress?.report({ message: `writing ${EXPORT_FORMATS[format].label}` });
    const chosen = story === 'all' ? undefined : story;
    const text = EXPORT_FORMATS[format].write(exportInput(view), chosen);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    return chosen === undefined ? view.uris.length : (storiesOf(view.analysis)[chosen]?.sources.length ?? 0);
  };
  const known = corpus.current(source);
  const large = !known || known.texts.reduce((n, t) => n + t.length, 0) >= LARGE_CORPUS;
  try {
    const exported = large
      ? await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: 'Synoptic: exporting the comparison' },
          work,
        )
      : await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Synoptic: exporting' }, () => work());
    void vscode.window.showInformationMessage(exportedNotice(exported, vscode.workspace.asRelativePath(target)));
    return target;
  } catch (e) {
    void vscode.window.showErrorMessage(`Synoptic could not export the comparison: ${(e as Error).message}`);
    return undefined;
  }
}

function exportInput(view: CorpusView): ExportInput {
  return { analysis: view.analysis, paths: view.uris.map(u => vscode.workspace.asRelativePath(u, false)), texts: view.texts };
}

/**
 * The story to export: every story of a corpus of one, else the user's pick among the
 * corpus's stories (every story only where the format can show several). The corpus is
 * analysed first if it has not been.
 */
async function chooseStory(
  corpus: CorpusService,
  source: vscode.Uri,
  format: ExportFormatId,
  prompts: ExportPrompts,
): Promise<number | 'all' | undefined> {
  const view =
    corpus.current(source) ??
    (await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Synoptic: analysing' }, () =>
      corpus.request(source),
    ));
  const stories = view ? storiesOf(view.analysis) : [];
  if (!view || stories.length <= 1) return 'all';
  const index = view.indexOf(source);
  const active = stories.findIndex(s => s.sources.includes(index));
  return prompts.pickStory(stories, active >= 0 ? active : undefined, EXPORT_FORMATS[format].allStories);
}

function suggestedTarget(source: vscode.Uri, format: ExportFormatId): vscode.Uri {
  const folder = vscode.Uri.joinPath(source, '..');
  const name = folder.path.split('/').filter(Boolean).pop() ?? 'synoptic';
  return vscode.Uri.joinPath(folder, `${name}-comparison.${EXPORT_FORMATS[format].extension}`);
}

/**
 * Registers the command. It takes, from a menu, the file to export from; from a caller, an
 * `ExportRequest`. Without either it exports the active editor's file or, run from the
 * comparison panel, the panel's base (`activeBase`).
 */
export function register(
  corpus: CorpusService,
  activeBase: () => vscode.Uri | undefined = () => undefined,
  prompts: ExportPrompts = windowPrompts,
): vscode.Disposable {
  return vscode.commands.registerCommand(EXPORT_COMMAND, (arg?: vscode.Uri | ExportRequest) => {
    const request = arg instanceof vscode.Uri ? { source: arg } : (arg ?? {});
    const source = request.source ?? vscode.window.activeTextEditor?.document.uri ?? activeBase();
    return exportComparison(corpus, { ...request, source }, prompts);
  });
}
