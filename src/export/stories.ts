/**
 * The stories of an analysis for the exports: the same as the extension's (`../stories.ts`),
 * one implementation for both.
 */
import type { CorpusAnalysis } from '../core';
import { NO_TITLE, storiesOf } from '../stories';
import { unbrokenLine } from '../node/quotedName';
import { printable } from './printable';

export { NO_TITLE, restrictAnalysisWithGroups, storiesOf, storyTitle } from '../stories';
export type { Story } from '../stories';

/**
 * What `synoptic stories` prints: one line per story, largest first, with its number, its
 * number of sources, its title and, for a story of two or more sources, its likely origin
 * ("origin: FILE (REASON)"); for a story of one source, its file ("file: FILE"). `names[i]`
 * names source i. O(stories).
 */
export function storiesListing(analysis: CorpusAnalysis, names: readonly string[]): string {
  return storiesOf(analysis)
    .map((s, i) => {
      // A story of one source is named by its file, which no origin names. The reason may name
      // other files as they are: a control character or a mark of direction in a name is
      // escaped (`unbrokenLine`), so that the story keeps its one line, in its order.
      const shownOrigin = s.origin
        ? `\torigin: ${names[s.origin.source]} (${unbrokenLine(printable(s.origin.reason))})`
        : s.sources.length === 1
          ? `\tfile: ${names[s.sources[0]]}`
          : '';
      return `${i + 1}\t${s.sources.length} source${s.sources.length === 1 ? '' : 's'}\t${printable(s.title) || NO_TITLE}${shownOrigin}\n`;
    })
    .join('');
}

/** A line of `storiesListing`, up to its title. */
const LISTING_LINE = /^\d+\t\d+ sources?\t/;

/**
 * Whether `text` is a listing `storiesListing` wrote: every line a story's, numbered from 1
 * on. Saved beside the versions, it would be read as a page of their headlines. O(n).
 */
export function isStoriesListing(text: string): boolean {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.length > 0 && lines.every((line, i) => LISTING_LINE.test(line) && line.startsWith(`${i + 1}\t`));
}
