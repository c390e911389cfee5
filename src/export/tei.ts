/**
 * TEI P5 export in parallel segmentation, as CollateX writes it: text all sources read alike
 * stands as it is; every other statement is an `<app>` with one `<rdg wit="#…">` per distinct
 * reading (sources that read alike share it) and an empty `<rdg/>` for the sources that lack
 * the statement. The header's `listWit` names the sources. Readings are whole sentences.
 */
import { escapeMarkup } from './markup';
import { ExportInput, ExportOptions, exportTable } from './table';

export const TEI_NAMESPACE = 'http://www.tei-c.org/ns/1.0';

/** The TEI document for the chosen story. O(table size). */
export function toTei(input: ExportInput, options: ExportOptions = {}): string {
  const table = exportTable(input, { ...options, diffs: false });
  const sigla = table.columns.map((_, i) => `w${i + 1}`);
  const witnesses = table.names.map((name, i) => `          <witness xml:id="${sigla[i]}">${escapeMarkup(name)}</witness>`).join('\n');
  const segments: string[] = [];
  for (const row of table.rows) {
    const texts = row.cells.map(c => c?.text);
    if (texts.every(t => t !== undefined && t === texts[0])) {
      segments.push(`        ${escapeMarkup(texts[0]!)}`);
      continue;
    }
    // Distinct readings in the order their first source comes; the empty reading last.
    const siglaOfReading = new Map<string, string[]>();
    const lacking: string[] = [];
    texts.forEach((text, i) => {
      if (text === undefined) lacking.push(`#${sigla[i]}`);
      else siglaOfReading.set(text, [...(siglaOfReading.get(text) ?? []), `#${sigla[i]}`]);
    });
    const readings = [...siglaOfReading].map(([text, wit]) => `          <rdg wit="${wit.join(' ')}">${escapeMarkup(text)}</rdg>`);
    if (lacking.length) readings.push(`          <rdg wit="${lacking.join(' ')}"/>`);
    segments.push(`        <app>\n${readings.join('\n')}\n        </app>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="${TEI_NAMESPACE}">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title>${escapeMarkup(table.title || 'Synoptic comparison')}</title>
      </titleStmt>
      <publicationStmt>
        <p>Exported by Synoptic.</p>
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
      <p>
${segments.join('\n')}
      </p>
    </body>
  </text>
</TEI>
`;
}
