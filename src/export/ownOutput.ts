/**
 * This tool's outputs, known again when they turn up among the versions: a report, a stories
 * listing or an export saved in the folder it was made from (`synoptic analyze corpus >
 * corpus/report.txt`, `synoptic export --format csv -o corpus/comparison.txt corpus`) is a
 * `.txt` file like the versions, but no version of theirs. Read as one, a report or an export
 * carries every shared statement: it becomes the likely origin and joins the stories into one.
 */
import { CSV_COLUMNS } from './csv';
import { HTML_GENERATOR } from './html';
import { isStoriesListing } from './stories';
import { TEI_EXPORT_NOTE } from './tei';
import { isTextReport } from './textReport';

/** Whether `text` is a text report (`textReport`), a stories listing (`storiesListing`) or an export (`isExport`). O(n). */
export function isOwnOutput(text: string): boolean {
  return isTextReport(text) || isStoriesListing(text) || isExport(text);
}

/** The header row of the CSV export, with or without its first column `story`. */
const CSV_HEADER = new RegExp(`^(?:story,)?${CSV_COLUMNS.join(',')}(?:,|\\r?\\n|$)`);
/** The first record of the passim export, one JSON object a line: its id, then its series. */
const PASSIM_RECORD = /^\{"id":"(?:[^"\\\n]|\\.)*","series":"/;
/** How far into an HTML or TEI export the line that names this tool stands, at most (past a long title). */
const HEAD_CHARS = 4096;

/**
 * Whether `text` opens as one of this tool's exports does: the CSV header row, the JSON export
 * (`{"format":1,"sources":`), CollateX JSON (`{"witnesses":`), passim's input records
 * (`{"id":…,"series":`), an HTML page whose generator is
 * Synoptic or a TEI document it says Synoptic exported. O(1): only the opening is looked at.
 */
export function isExport(text: string): boolean {
  if (CSV_HEADER.test(text) || text.startsWith('{"format":1,"sources":[') || text.startsWith('{"witnesses":[') || PASSIM_RECORD.test(text))
    return true;
  const head = text.slice(0, HEAD_CHARS);
  if (head.startsWith('<!DOCTYPE html>')) return head.includes(HTML_GENERATOR);
  if (head.startsWith('<?xml')) return head.includes('<TEI ') && head.includes(TEI_EXPORT_NOTE);
  return false;
}
