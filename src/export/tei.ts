/**
 * TEI P5 export in parallel segmentation, as CollateX writes it: text all sources read alike
 * stands as it is; every other statement is an `<app>` with one `<rdg wit="#…">` per distinct
 * reading (sources that read alike share it) and an empty `<rdg/>` for the sources that lack
 * the statement. The header's `listWit` names the sources. Readings are whole sentences. Where
 * the document holds several stories, text all sources of a story read alike is a reading of
 * theirs too (`<app>` with one `<rdg>`): standing as it is, it would be read by every witness of
 * the document.
 */
import { escapeMarkup } from './markup';
import { ExportInput, ExportOptions, ExportTable, exportTables } from './table';

export const TEI_NAMESPACE = 'http://www.tei-c.org/ns/1.0';

/** The publication statement of the header: how the export is known again (`ownOutput.ts`). */
export const TEI_EXPORT_NOTE = '<p>Exported by Synoptic.</p>';

/**
 * The TEI document for the chosen story, or for every story of the corpus: then the header's
 * `listWit` names the sources of every story (sigla `w1`… story after story) and the body holds
 * one `<div type="story" n="N">` per story, with its title as `<head>`. O(table size).
 */
export function toTei(input: ExportInput, options: ExportOptions = {}): string {
  const tables = exportTables(input, { ...options, diffs: false });
  const several = tables.length > 1;
  let first = 0;
  const parts = tables.map(table => {
    const sigla = table.columns.map((_, i) => `w${first + i + 1}`);
    first += sigla.length;
    return { table, sigla };
  });
  const witnesses = parts
    .flatMap(({ table, sigla }) => table.names.map((name, i) => `          <witness xml:id="${sigla[i]}">${escapeMarkup(name)}</witness>`))
    .join('\n');
  const title = several ? `${tables.length} stories` : tables[0]?.title || 'Synoptic comparison';
  const body = several
    ? parts
        .map(
          ({ table, sigla }) =>
            `      <div type="story" n="${table.story + 1}">\n${table.title ? `        <head>${escapeMarkup(table.title)}</head>\n` : ''}        <p>\n${segments(table, sigla, '          ', false).join('\n')}\n        </p>\n      </div>`,
        )
        .join('\n')
    : `      <p>\n${parts.length ? segments(parts[0].table, parts[0].sigla, '        ', true).join('\n') : ''}\n      </p>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="${TEI_NAMESPACE}">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title>${escapeMarkup(title)}</title>
      </titleStmt>
      <publicationStmt>
        ${TEI_EXPORT_NOTE}
      </publicationStmt>
      <sourceDesc>
        <listWit>
${witnesses}
        </listWit>
      </sourceDesc>
    </fileDesc>
    <encodingDesc>
      <variantEncoding method="parallel-segmentation" location="internal"/>
    </encodingDesc>
  </teiHeader>
  <text>
    <body>
${body}
    </body>
  </text>
</TEI>
`;
}

/**
 * A story's rows as parallel segmentation, each line indented by `indent`; text its sources all
 * read alike stands as it is where `bareWhenShared` (the document's only story). O(rows).
 */
function segments(table: ExportTable, sigla: readonly string[], indent: string, bareWhenShared: boolean): string[] {
  const lines: string[] = [];
  for (const row of table.rows) {
    const texts = row.cells.map(c => c?.text);
    if (bareWhenShared && texts.every(t => t !== undefined && t === texts[0])) {
      lines.push(`${indent}${escapeMarkup(texts[0]!)}`);
      continue;
    }
    // Distinct readings in the order their first source comes; the empty reading last.
    const siglaOfReading = new Map<string, string[]>();
    const lacking: string[] = [];
    texts.forEach((text, i) => {
      if (text === undefined) lacking.push(`#${sigla[i]}`);
      else siglaOfReading.set(text, [...(siglaOfReading.get(text) ?? []), `#${sigla[i]}`]);
    });
    const readings = [...siglaOfReading].map(([text, wit]) => `${indent}  <rdg wit="${wit.join(' ')}">${escapeMarkup(text)}</rdg>`);
    if (lacking.length) readings.push(`${indent}  <rdg wit="${lacking.join(' ')}"/>`);
    lines.push(`${indent}<app>\n${readings.join('\n')}\n${indent}</app>`);
  }
  return lines;
}
