/**
 * CSV export: one row per statement and one per unique sentence, in the story's reading order;
 * one column per source holding its sentence. RFC 4180 quoting by csv-stringify.
 */
import { stringify } from 'csv-stringify/sync';
import { ExportInput, ExportOptions, exportTable } from './table';

export interface CsvOptions extends ExportOptions {
  /** Start with a UTF-8 byte order mark, which spreadsheet programs take as the encoding. Default false. */
  readonly bom?: boolean;
}

/**
 * The CSV text: a header row (`kind`, `statement`, `sources`, `similarity`, then each source's
 * name), then one row per table row. `statement` numbers the groups from 1 (empty for a unique
 * sentence); `similarity` is the lowest similarity of a wording to the row's first wording.
 * Lines end with CR LF. O(table size).
 */
export function toCsv(input: ExportInput, options: CsvOptions = {}): string {
  const table = exportTable(input, { ...options, diffs: false });
  const records: string[][] = [['kind', 'statement', 'sources', 'similarity', ...table.names.map(inertInSpreadsheets)]];
  for (const row of table.rows) {
    records.push([
      row.kind,
      row.group >= 0 ? String(row.group + 1) : '',
      String(row.cells.filter(c => c !== undefined).length),
      row.similarity.toFixed(3),
      ...row.cells.map(c => inertInSpreadsheets(c?.text ?? '')),
    ]);
  }
  return stringify(records, { bom: options.bom === true, record_delimiter: 'windows' });
}

/**
 * Document text as a spreadsheet shows it but never evaluates it: a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a formula, so it gets a
 * leading apostrophe (the spreadsheet convention for "text as typed").
 */
export function inertInSpreadsheets(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
