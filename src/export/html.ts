/**
 * HTML export: one self-contained page with the side-by-side view of a story, one column per
 * source, differences from each row's first wording marked. No script, no external resource:
 * a content security policy allows only the page's own style sheet (by its hash). All document
 * text is escaped. Readable in print: the header row repeats, marks stay visible without colour.
 */
import { DiffPart } from '../core';
import { escapeMarkup } from './markup';
import { nameBreakPieces } from '../sourceName';
import { NO_TITLE } from './stories';
import { ExportInput, ExportOptions, ExportTable, TableCell, TableRow, exportTables } from './table';
import { counted, printedTimes } from '../plural';
import { standsApart } from '../core/replacedWords';

/** The page's generator line: how the export is known again (`ownOutput.ts`). */
export const HTML_GENERATOR = '<meta name="generator" content="Synoptic">';

/** Width of the column of row numbers. */
const ROW_COLUMN_REM = 6.5;

/**
 * The narrowest a source's column may get: a few words a line. Narrower, each word is cut across
 * lines; the page then scrolls sideways instead, as the comparison panel does.
 */
const SOURCE_COLUMN_MIN_REM = 13;

const STYLE = `
:root { color-scheme: light dark; --line: #8888; --unique: #3794ff22; --ins: #2ea04333; --del: #f8514933; --quiet: GrayText; }
/* Quiet text two thirds of the way from the background to the text colour: GrayText, the fallback, is #808080 in Chromium, 3.9:1 on white, under the 4.5:1 that text this small needs. */
@supports (color: color-mix(in srgb, red, blue)) { :root { --quiet: color-mix(in srgb, CanvasText 65%, Canvas); } }
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem; }
h1 { font-size: 1.3rem; margin: 0 0 .3rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .3rem; }
nav ol { margin: 0 0 1rem; padding-left: 1.6rem; }
nav .note { display: inline; }
p.legend { margin: 0 0 1rem; color: var(--quiet); }
table { border-collapse: collapse; table-layout: fixed; width: 100%; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead th { position: sticky; top: 0; background: Canvas; }
th.row, td.row { width: ${ROW_COLUMN_REM}rem; font-size: .8rem; color: var(--quiet); }
/* A sentence is its own paragraph, in its own direction: one right to left stands at the cell's right. */
.sentence { text-align: start; }
tr.unique td.cell:not(.absent) { background: var(--unique); }
td.absent { background: none; }
ins { background: var(--ins); text-decoration: underline; }
del { background: var(--del); text-decoration: line-through; }
.note { display: block; font-size: .75rem; color: var(--quiet); }
@media print {
  body { margin: 0; font-size: 10pt; }
  thead { display: table-header-group; }
  thead th { position: static; }
  tr { break-inside: avoid; }
  section + section { break-before: page; }
  ins { background: none; font-weight: bold; }
  del { background: none; }
  tr.unique td.cell:not(.absent) { background: none; outline: 1px dashed; }
}
`;

/** Below this similarity a word diff marks most words; the wording is shown whole instead. */
const RELATED_BELOW = 0.6;

/** A path's file name (the header's title attribute holds the whole path). */
function lastSegment(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** Column headings: each source's file name, or its whole path where two sources share the name. O(n). */
function columnLabels(paths: readonly string[]): string[] {
  const names = paths.map(lastSegment);
  const count = new Map<string, number>();
  for (const name of names) count.set(name, (count.get(name) ?? 0) + 1);
  return names.map((name, k) => (count.get(name)! > 1 ? paths[k] : name));
}

/**
 * The page's style sheet: `STYLE`, and for each number of sources a table of the page has, the
 * least width that leaves each of its columns `SOURCE_COLUMN_MIN_REM` wide. The columns keep
 * equal shares of wider windows; only the column count, which CSS cannot read, is the page's.
 * On paper the table fits the page width, as before.
 */
function pageStyle(columnCounts: Iterable<number>): string {
  const least = [...new Set(columnCounts)]
    .sort((a, b) => a - b)
    .map(n => `  table.sources-${n} { min-width: ${ROW_COLUMN_REM + n * SOURCE_COLUMN_MIN_REM}rem; }\n`)
    .join('');
  return `${STYLE}@media screen {\n${least}}\n`;
}

/**
 * The policy in the page's meta tag: nothing may load or run; only `style`, the page's own style
 * sheet, applies (by its SHA-256 hash). The crypto module is loaded here: loading it cost the start
 * of every command-line run, most of which write no page.
 */
export function htmlCsp(style: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, see above
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const hash = createHash('sha256').update(style, 'utf8').digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'`;
}

/**
 * The page for the chosen story, or for every story of the corpus: then a table of contents
 * links to one section per story, each with its title, its sources and its table.
 * O(table size) plus one word diff per distinct wording.
 */
export function toHtml(input: ExportInput, options: ExportOptions = {}): string {
  const tables = exportTables(input, { ...options, repeatsOnce: true });
  const several = tables.length > 1;
  const languages = (table: ExportTable) => table.columns.map(s => languageTag(input.analysis.sources[s].language));
  const title = several ? `${tables.length} stories` : tables[0].title || 'Synoptic comparison';
  // The page's own words (the legend, the notes) are English; a story's title and each cell are
  // in their source's language, and say so, so that a screen reader reads each in its own voice.
  const storyLanguage = (table: ExportTable) => (table.title ? (languages(table)[0] ?? 'und') : 'en');
  const titleLanguage = several ? 'en' : storyLanguage(tables[0]);
  const sources = tables.reduce((n, t) => n + t.columns.length, 0);
  const contents = several
    ? `<nav aria-label="Stories"><ol>\n${tables
        .map(
          t =>
            `<li><a href="#story-${t.story + 1}"><bdi lang="${storyLanguage(t)}">${escapeMarkup(t.title || NO_TITLE)}</bdi></a> <span class="note">${counted(t.columns.length, 'source')}, ${counted(t.rows.length, 'row')}</span></li>`,
        )
        .join('\n')}\n</ol></nav>`
    : '';
  const sections = tables.map(table => {
    const labels = columnLabels(table.names);
    const head = table.names
      .map((n, k) => `<th scope="col" title="${escapeMarkup(n)}">${nameBreakPieces(labels[k]).map(escapeMarkup).join('<wbr>')}</th>`)
      .join('');
    const body = table.rows.map(row => rowHtml(row, languages(table))).join('\n');
    const heading = several
      ? `<h2>${table.story + 1}. <bdi lang="${storyLanguage(table)}">${escapeMarkup(table.title || NO_TITLE)}</bdi></h2>\n<p class="legend">${counted(table.columns.length, 'source')}, ${counted(table.rows.length, 'row')}.</p>\n`
      : '';
    const tableHtml = `<table class="sources-${table.columns.length}">
<thead><tr>${table.columns.length > 1 ? '<th class="row" scope="col">statement</th>' : ''}${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>`;
    return several ? `<section id="story-${table.story + 1}">\n${heading}${tableHtml}\n</section>` : tableHtml;
  });
  const summary = several
    ? `${counted(tables.length, 'story', 'stories')}, ${counted(sources, 'source')}.`
    : `${counted(sources, 'source')}, ${counted(tables[0].rows.length, 'row')}.`;
  const style = pageStyle(tables.map(t => t.columns.length));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${htmlCsp(style)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${HTML_GENERATOR}
<title dir="auto" lang="${titleLanguage}">${escapeMarkup(title)}</title>
<style>${style}</style>
</head>
<body>
<h1 dir="auto" lang="${titleLanguage}">${escapeMarkup(title)}</h1>
<p class="legend">${summary} Each row is one statement in the reading order of the first source${several ? ' of its story' : ''}; a statement's number (#3) is the one the text report and the CSV export give it. <ins>Underlined</ins> words are added and <del>struck</del> words are left out, compared with the row's first wording; the percentage is the similarity to that wording. Wordings less than ${Math.round(RELATED_BELOW * 100)}% alike are shown whole, as related. Shaded cells (outlined in print): the sentence is found in that source only.</p>
${contents}${several ? '\n' : ''}${sections.join('\n')}
</body>
</html>
`;
}

function rowHtml(row: TableRow, languages: readonly string[]): string {
  // A story of one source is compared with nothing: none of its rows is "only here", shaded as such.
  const sole = languages.length === 1;
  // A statement's number is the one the text report and the CSV export give it ("#3"); a
  // sentence only one source has is no statement and has none.
  const number = row.kind === 'statement' ? `#${row.group + 1}` : '';
  const label = sole ? '' : row.kind === 'unique' ? 'only here' : `in ${row.cells.filter(c => c).length} sources`;
  const notes = [label, row.printed ? printedTimes(row.printed) : ''].filter(Boolean);
  // A story of one source has no statements: its table has no column for their numbers, and a
  // note on its row ("printed twice") goes under the sentence.
  const cells = row.cells
    .map((cell, i) =>
      cell
        ? `<td class="cell" lang="${languages[i]}"${directionAttribute(languages[i])}>${cellHtml(cell, sole ? notes : [])}</td>`
        : '<td class="cell absent"><span class="note">not in this source</span></td>',
    )
    .join('');
  if (sole) return `<tr class="sole">${cells}</tr>`;
  return `<tr class="${row.kind}"><td class="row">${number}${notesHtml(notes)}</td>${cells}</tr>`;
}

/** Languages written right to left, as `languageTag` gives them. */
const RIGHT_TO_LEFT = new Set(['ar', 'ckb', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi']);

/**
 * A cell's `dir` attribute: a browser takes the direction from `dir`, never from `lang`, so
 * without it an Arabic or Hebrew sentence is laid out left to right and its closing stop and
 * any figure or Latin word at its edges stand on the wrong side. Where the language is unknown
 * the browser judges by the first strong letter; a left-to-right language needs nothing.
 */
function directionAttribute(language: string): string {
  return RIGHT_TO_LEFT.has(language) ? ' dir="rtl"' : language === 'und' ? ' dir="auto"' : '';
}

/** A language code as an attribute value: the analysis's code where it is one, else "und". */
function languageTag(code: string): string {
  return /^[a-z]{2,3}$/.test(code) ? code : 'und';
}

/** Letters of the scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, …). */
const RIGHT_TO_LEFT_LETTER =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/u;

/**
 * A sentence's direction, from its own letters rather than its source's language: an Arabic or
 * Hebrew sentence quoted in an English article reads right to left, an English one in an Arabic
 * article left to right. The letters of most of its words decide, not its first letter alone as
 * `dir="auto"` has it, so that an Arabic sentence that opens with a Latin name ("BBC …") still
 * reads right to left; a sentence without letters, or with as many of each, is left to the
 * browser (`auto`). O(length).
 */
export function sentenceDirection(text: string): 'ltr' | 'rtl' | 'auto' {
  let rtl = 0;
  let ltr = 0;
  for (const letter of text.match(/\p{L}/gu) ?? []) {
    if (RIGHT_TO_LEFT_LETTER.test(letter)) rtl++;
    else ltr++;
  }
  return rtl > ltr ? 'rtl' : ltr > rtl ? 'ltr' : 'auto';
}

/**
 * A cell's sentence, marked, in a paragraph of its own direction (`sentenceDirection`), with its
 * notes and then `rowNotes`.
 */
function cellHtml(cell: TableCell, rowNotes: readonly string[]): string {
  const related = !cell.reference && cell.similarity < RELATED_BELOW;
  const text = cell.diff && !cell.reference && !related ? diffHtml(cell.diff) : escapeMarkup(cell.text);
  const notes: string[] = [];
  if (!cell.reference)
    notes.push(`${related ? 'related wording, ' : ''}similarity to the first wording: ${Math.round(cell.similarity * 100)}%`);
  if (cell.moved) notes.push('moved: out of the order it shares with the first source');
  return `<div class="sentence" dir="${sentenceDirection(cell.text)}">${text}</div>${notesHtml([...notes, ...rowNotes])}`;
}

function notesHtml(notes: readonly string[]): string {
  return notes.map(n => `<span class="note">${n}</span>`).join('');
}

/**
 * A diff as marked text; words added right where words are struck are marked `replacing`, and
 * where whole words are struck they stand apart from them by a space, so that a line breaks
 * between them and copied text reads as words (`standsApart`).
 */
function diffHtml(parts: readonly DiffPart[]): string {
  return parts
    .map((p, i) =>
      p.kind === 'added'
        ? parts[i - 1]?.kind === 'removed'
          ? `${standsApart(parts, i) ? ' ' : ''}<ins class="replacing">${escapeMarkup(p.text)}</ins>`
          : `<ins>${escapeMarkup(p.text)}</ins>`
        : p.kind === 'removed'
          ? `<del>${escapeMarkup(p.text)}</del>`
          : escapeMarkup(p.text),
    )
    .join('');
}
