import { counted } from './plural';

/** What the Export Comparison command says once the file is written; free of `vscode` so that its wording is tested on its own. */

/** "Exported 5 sources to stories/comparison.html.", and "1 source" for a story of one. */
export function exportedNotice(sources: number, target: string): string {
  return `Exported ${counted(sources, 'source')} to ${target}.`;
}
