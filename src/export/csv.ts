/**
 * CSV export: one row per statement and one per unique sentence (one for the copies of a sentence
 * its source prints twice in one place), in the story's reading order;
 * one column per source holding its sentence. RFC 4180 quoting by csv-stringify.
 */
import { stringify } from 'csv-stringify/sync';
import { ExportInput, ExportOptions, exportTables } from './table';

export interface CsvOptions extends ExportOptions {
  /** Start with a UTF-8 byte order mark, which spreadsheet programs take as the encoding. Default false. */
  readonly bom?: boolean;
}

/** The columns before the sources' (and after `story` where the export holds several stories): how the export is known again. */
export const CSV_COLUMNS = ['kind', 'statement', 'sources', 'similarity'] as const;

/**
 * The CSV text: a header row (`kind`, `statement`, `sources`, `similarity`, then each source's
 * name), then one row per table row. `statement` numbers the groups from 1 (empty for a unique
 * sentence); `similarity` is the lowest similarity of a wording to the row's first wording.
 * A corpus of several stories exported whole gets a first column `story` (the story's number,
 * as `synoptic stories` lists them) and one column per source of every story, story after
 * story; a row fills the columns of its own story's sources. Lines end with CR LF; a field
 * holding any line break is quoted. O(table size).
 */
export function toCsv(input: ExportInput, options: CsvOptions = {}): string {
  // A caption a page prints twice is one row, as the panel shows it.
  const tables = exportTables(input, { ...options, diffs: false, repeatsOnce: true });
  const several = tables.length > 1;
  const names = tables.flatMap(t => t.names);
  // csv-stringify quotes a field holding the record delimiter, CR LF, but not a lone LF or CR,
  // which a reader takes as a line break as well: a file name may hold either.
  const fields = (record: readonly string[]) => stringify([record], { record_delimiter: 'windows', quoted_match: /[\r\n]/, eof: false });
  const lines = [fields([...(several ? ['story'] : []), ...CSV_COLUMNS, ...names.map(inertInSpreadsheets)])];
  let before = 0;
  for (const table of tables) {
    const after = names.length - before - table.names.length;
    for (const row of table.rows) {
      const lead = fields([
        ...(several ? [String(table.story + 1)] : []),
        row.kind,
        row.group >= 0 ? String(row.group + 1) : '',
        String(row.cells.filter(c => c !== undefined).length),
        row.similarity.toFixed(3),
      ]);
      // The other stories' columns are empty fields: their delimiters alone, written as such
      // rather than as fields (a corpus of hundreds of stories has thousands of columns).
      lines.push(`${lead}${','.repeat(before)},${fields(row.cells.map(c => inertInSpreadsheets(c?.text ?? '')))}${','.repeat(after)}`);
    }
    before += table.names.length;
  }
  return `${options.bom === true ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}

/**
 * Document text as a spreadsheet shows it but never evaluates it: a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a formula, so it gets a
 * leading apostrophe (the spreadsheet convention for "text as typed"). A lone hyphen stays as
 * it is: it is how the command line names standard input (a column heading), and a spreadsheet
 * reads it as text.
 */
export function inertInSpreadsheets(text: string): string {
  return text !== '-' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
