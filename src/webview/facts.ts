/**
 * The comparison panel's changed facts: the filter's test, the facts marked by kind in a
 * wording's text, a mark per change under it with what a screen reader is told ("number
 * changed: 12 to 15"), and the story's likely first version in its column header. DOM calls
 * and `textContent` only, as in the rest of the panel's script.
 */
import { standsApart } from '../core/replacedWords';
import { accessibleLabel, changeText, kindLabel } from '../factText';
import type { RowModel, SourceHeader, WordingModel } from '../protocol';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Text read by screen readers and not shown. */
function spoken(text: string): HTMLElement {
  return el('span', 'spoken', text);
}

/** The "Changed facts" filter: rows where some source gives a fact otherwise than the reference. */
export function hasChangedFacts(row: RowModel): boolean {
  return row.kind === 'statement' && row.changedFacts === true;
}

/**
 * A wording's words with its changed facts marked by kind (`<mark class="fact fact-number">`),
 * inside the diff's marks where it has a diff. Undefined when the wording has no marks, or when
 * its diff does not spell its text (then the caller shows the diff alone).
 */
export function markedWordingNodes(wording: WordingModel): Node[] | undefined {
  const marks = wording.factMarks;
  if (!marks?.length) return undefined;
  const parts = wording.diff?.length ? wording.diff : [{ kind: 'same' as const, text: wording.text }];
  const spelt = parts.reduce((n, p) => n + (p.kind === 'removed' ? 0 : p.text.length), 0);
  if (spelt !== wording.text.length) return undefined;
  const out: Node[] = [];
  let offset = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.kind === 'removed') {
      const del = el('del', undefined, part.text);
      del.title = 'not in this source (in the reference wording)';
      out.push(del);
      continue;
    }
    const pieces = piecesOf(wording.text, offset, offset + part.text.length, marks);
    offset += part.text.length;
    if (part.kind === 'same') out.push(...pieces);
    else {
      // Added right where whole words are struck: a space sets it apart from them, for line breaks and copied text.
      const replacing = parts[i - 1]?.kind === 'removed';
      const apart = standsApart(parts, i);
      const ins = el('ins', replacing ? (apart ? 'replacing' : 'replacing abutting') : undefined);
      ins.title = 'only in this source';
      ins.append(...pieces);
      if (apart) out.push(document.createTextNode(' '));
      out.push(ins);
    }
  }
  return out;
}

/** `text.slice(from, to)` as text nodes, the parts inside `marks` wrapped in a mark of their kind. */
function piecesOf(text: string, from: number, to: number, marks: NonNullable<WordingModel['factMarks']>): Node[] {
  const out: Node[] = [];
  let at = from;
  for (const mark of marks) {
    if (mark.end <= at || mark.start >= to) continue;
    const start = Math.max(at, mark.start);
    const end = Math.min(to, mark.end);
    if (start > at) out.push(document.createTextNode(text.slice(at, start)));
    const node = el('mark', `fact fact-${mark.kind}${mark.date ? ' fact-date' : ''}`, text.slice(start, end));
    node.title = `${kindLabel(mark)}: given otherwise in another source`;
    out.push(node);
    at = end;
  }
  if (at < to) out.push(document.createTextNode(text.slice(at, to)));
  return out;
}

/** Under a wording: one mark per fact it gives otherwise than the reference, or undefined. */
export function factList(wording: WordingModel): HTMLElement | undefined {
  if (!wording.facts?.length) return undefined;
  const list = el('ul', 'facts');
  list.setAttribute('aria-label', 'Changed facts');
  for (const change of wording.facts) {
    const label = accessibleLabel(change);
    const item = el('li', `fact-change fact-${change.kind}`);
    item.title = label;
    const shown = el('span');
    shown.setAttribute('aria-hidden', 'true');
    shown.append(el('span', 'kind', kindLabel(change)), document.createTextNode(` ${changeText(change)}`));
    item.append(shown, spoken(label));
    list.append(item);
  }
  return list;
}

/** The column whose cell in `entries` gives a fact otherwise: `preferred` when it does, else the first; -1 when none. */
export function factColumn(
  entries: readonly (readonly { readonly row: RowModel; readonly cell: { readonly wording: number } }[])[],
  preferred: number,
): number {
  const has = (col: number) => entries[col]?.some(e => e.row.wordings[e.cell.wording]?.facts?.length);
  if (has(preferred)) return preferred;
  return entries.findIndex((_, col) => has(col));
}

/** On the story's likely first version, a badge "origin" whose title (and spoken text) gives the reason. */
export function originBadge(header: SourceHeader): HTMLElement | undefined {
  if (!header.origin) return undefined;
  const badge = el('div', 'badge origin');
  badge.title = `Likely first version: ${header.origin}`;
  const shown = el('span', undefined, 'origin');
  shown.setAttribute('aria-hidden', 'true');
  badge.append(shown, spoken(`likely first version: ${header.origin}`));
  return badge;
}
