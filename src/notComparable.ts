/**
 * What the comparison and the export say when they are run on a file that is not a source
 * (code, settings, a markdown note): what they take, and what to open instead. No `vscode` here.
 */
import { sourceName } from './sourceName';

export function notComparableMessage(uri: { readonly path: string; toString(): string }, command: 'compare' | 'export'): string {
  const what = command === 'compare' ? 'compare it with the other sources in its folder' : 'export the comparison of its sources';
  return `Synoptic reads plain-text (.txt) files, and ${sourceName(uri)} is not one. Open a .txt file to ${what}.`;
}
