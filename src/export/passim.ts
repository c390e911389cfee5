/**
 * passim's input: JSON lines, one record per source, with `id` (the source's path, which
 * `import-passim` reads the file back by), `series` (one per source, so passim compares every
 * pair) and `text`, the source's text without its boilerplate lines. `passimText` also keeps
 * where each kept line came from, to map passim's offsets back to the file.
 */
import { CorpusAnalysis } from '../core';
import { ExportInput, ExportOptions, chosenStory } from './table';

/** A source's text as passim reads it, and where its pieces stand in the original text. */
export interface PassimText {
  readonly text: string;
  /** Per kept line: its start in `text`, its start in the original text, its length (UTF-16). */
  readonly pieces: readonly { readonly at: number; readonly from: number; readonly length: number }[];
}

/**
 * The text of source `index` without its boilerplate lines: content and blank lines, joined
 * by LF. O(text length).
 */
export function passimText(analysis: CorpusAnalysis, index: number, original: string): PassimText {
  const source = analysis.sources[index];
  const parts: string[] = [];
  const pieces: { at: number; from: number; length: number }[] = [];
  let at = 0;
  source.lineSpans.forEach((span, line) => {
    if (source.lines[line]?.kind === 'boilerplate') return;
    if (parts.length) at += 1;
    parts.push(original.slice(span.start, span.end));
    pieces.push({ at, from: span.start, length: span.end - span.start });
    at += span.end - span.start;
  });
  return { text: parts.join('\n'), pieces };
}

/** An offset into `passimText(...).text` as an offset into the original text. O(log lines). */
export function originalOffset(mapped: PassimText, offset: number): number {
  const { pieces } = mapped;
  if (pieces.length === 0) return 0;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid].at <= offset) lo = mid;
    else hi = mid - 1;
  }
  const piece = pieces[lo];
  return piece.from + Math.min(Math.max(offset - piece.at, 0), piece.length);
}

/** The JSON lines for passim, one per source of the chosen story. Needs `input.texts`. O(total text). */
export function toPassim(input: ExportInput, options: ExportOptions = {}): string {
  const { analysis, paths, texts } = input;
  if (!texts) throw new Error("the passim export needs the sources' texts");
  const story = chosenStory(analysis, options);
  return story.sources
    .map(s => JSON.stringify({ id: paths[s], series: paths[s], text: passimText(analysis, s, texts[s]).text }) + '\n')
    .join('');
}
