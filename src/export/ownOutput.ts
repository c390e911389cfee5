/**
 * This tool's readable outputs, known again when they turn up among the versions: a report or
 * a stories listing saved in the folder it was made from (`synoptic analyze corpus >
 * corpus/report.txt`) is a `.txt` file like the versions, but no version of theirs. Read as one,
 * a report carries every shared statement and becomes the likely origin.
 */
import { isStoriesListing } from './stories';
import { isTextReport } from './textReport';

/** Whether `text` is a text report (`textReport`) or a stories listing (`storiesListing`). O(n). */
export function isOwnOutput(text: string): boolean {
  return isTextReport(text) || isStoriesListing(text);
}
