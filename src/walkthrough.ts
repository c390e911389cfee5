/**
 * First run: the commands the walkthrough's steps call. "Open Sample Stories" copies the five
 * sample versions that ship with the extension into its storage (so they can be edited
 * freely) and opens the first; the tour commands show a boilerplate line and a hover on it, in
 * the active source or else in the first sample.
 */
import * as vscode from 'vscode';
import { CorpusService, CorpusView } from './corpus';
import { speaksAbout } from './speaking';
import { TEXT_FILE } from './sourceDiscovery';

export const OPEN_SAMPLES_COMMAND = 'synoptic.openSamples';
/** Internal, for the walkthrough's buttons: not contributed to the palette. */
export const TOUR_BOILERPLATE_COMMAND = 'synoptic.tour.boilerplate';
export const TOUR_HOVER_COMMAND = 'synoptic.tour.hover';

/** Copies the bundled samples where they may be edited (once: later edits are kept). Returns their folder. */
async function samplesFolder(context: vscode.ExtensionContext): Promise<vscode.Uri> {
  const bundled = vscode.Uri.joinPath(context.extensionUri, 'seeds');
  const folder = vscode.Uri.joinPath(context.globalStorageUri, 'samples');
  await vscode.workspace.fs.createDirectory(folder);
  for (const [name, type] of await vscode.workspace.fs.readDirectory(bundled)) {
    if (type !== vscode.FileType.File || !TEXT_FILE.test(name)) continue;
    const copy = vscode.Uri.joinPath(folder, name);
    try {
      await vscode.workspace.fs.stat(copy);
    } catch {
      await vscode.workspace.fs.copy(vscode.Uri.joinPath(bundled, name), copy);
    }
  }
  return folder;
}

/** Opens the first sample story; its folder's other samples are compared with it. */
export async function openSamples(context: vscode.ExtensionContext): Promise<vscode.TextEditor> {
  const folder = await samplesFolder(context);
  const names = (await vscode.workspace.fs.readDirectory(folder))
    .map(([name]) => name)
    .filter(n => TEXT_FILE.test(n))
    .sort();
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, names[0]));
  return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** Where a tour step shows its feature in `editor`, whose analysis is `view`; undefined where the file has nothing to show. */
type TourFinder = (editor: vscode.TextEditor, view: CorpusView) => vscode.Position | undefined;

/**
 * Shows a tour step's hover where `find` puts it: in the active source, or where that file has
 * nothing to show (no boilerplate, no sentence another source carries, a file Synoptic leaves
 * alone), in the first sample, which has all a step shows. A step had done nothing at all.
 */
async function tourAt(context: vscode.ExtensionContext, corpus: CorpusService, find: TourFinder): Promise<void> {
  const active = vscode.window.activeTextEditor;
  const editors: (() => Promise<vscode.TextEditor>)[] = [() => openSamples(context)];
  if (active && CorpusService.isCandidate(active.document) && active.document.uri.scheme === 'file') editors.unshift(async () => active);
  for (const open of editors) {
    const editor = await open();
    const view = await corpus.request(editor.document.uri);
    const position = view && speaksAbout(view, editor.document.uri) ? find(editor, view) : undefined;
    if (position) return hoverAt(editor, position);
  }
}

/** Puts the cursor at `position` in `editor`, scrolls it to the centre and shows its hover. */
async function hoverAt(editor: vscode.TextEditor, position: vscode.Position): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  // An open hover would only take focus on showHover instead of showing the new position's.
  await vscode.commands.executeCommand('editor.action.hideHover');
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('editor.action.showHover');
}

export function register(context: vscode.ExtensionContext, corpus: CorpusService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(OPEN_SAMPLES_COMMAND, () => openSamples(context)),
    vscode.commands.registerCommand(TOUR_BOILERPLATE_COMMAND, () =>
      tourAt(context, corpus, (editor, view) => {
        const line = view.analysis.sources[view.indexOf(editor.document.uri)].lines.findIndex(l => l.kind === 'boilerplate');
        return line >= 0 ? new vscode.Position(line, editor.document.lineAt(line).firstNonWhitespaceCharacterIndex) : undefined;
      }),
    ),
    vscode.commands.registerCommand(TOUR_HOVER_COMMAND, () =>
      tourAt(context, corpus, (editor, view) => {
        const source = view.analysis.sources[view.indexOf(editor.document.uri)];
        // The first of the sentences that the most other sources carry, so the hover has the most to compare.
        const reach = (i: number) => (source.groupOfSentence[i] >= 0 ? view.analysis.groups[source.groupOfSentence[i]].sourceCount : 0);
        let best = -1;
        source.sentences.forEach((_, i) => {
          if (reach(i) > 1 && (best < 0 || reach(i) > reach(best))) best = i;
        });
        return best >= 0 ? editor.document.positionAt(source.sentences[best].start + 1) : undefined;
      }),
    ),
  );
}
