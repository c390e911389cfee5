/**
 * A word diff written as markdown for the hover: the other wording with its added words in bold
 * and the removed ones struck through. Pure: no `vscode`, so it is tested on its own.
 *
 * Markdown reads `**` and `~~` as marks only where they flank text the CommonMark way: a mark
 * that opens on punctuation right after a letter ("night**’s**") or closes on punctuation right
 * before one ("**al-**Assad") is printed as it stands. Such a change takes the rest of the word
 * it is glued to, on both sides ("~~night~~ **night’s**"), which also reads better; where the
 * word has no end in sight (a script written without spaces) the change stands apart by a space.
 */
import { wordDiff } from './core';

/** Escapes every ASCII punctuation mark, so no markdown, HTML or link in `text` can take effect. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&"'=:;,/?@$%^]/g, ch => `\\${ch}`).replace(/\s+/g, ' ');
}

/** Text in both wordings, or a change: what the reference has there and what the other has (either may be ''). */
export type DiffSegment =
  { readonly kind: 'same'; readonly text: string } | { readonly kind: 'change'; readonly removed: string; readonly added: string };

/** Longest part of a word a change takes from the text beside it. */
const MAX_GLUED_CHARS = 24;

/** Punctuation and symbols, as CommonMark's flanking rules count them. */
const PUNCTUATION = /[\p{P}\p{S}]/u;
const SPACE = /\s/;

/**
 * The diff of `from` and `other` as same text and changes, each change glued to a word in a way
 * markdown cannot mark widened to that whole word (see above). Concatenating the same text and
 * the removed text gives `from` back, the same text and the added text `other` (up to case
 * and to spaces at the ends of runs, as `wordDiff` gives them). O(n) over the diff's parts, beside `wordDiff`.
 */
export function markableSegments(from: string, other: string): DiffSegment[] {
  const segments: ({ kind: 'same'; text: string } | { kind: 'change'; removed: string; added: string })[] = [];
  for (const part of wordDiff(from, other)) {
    const last = segments[segments.length - 1];
    if (part.kind === 'same') {
      if (last?.kind === 'same') last.text += part.text;
      else segments.push({ kind: 'same', text: part.text });
    } else if (last?.kind === 'change') {
      last[part.kind] += part.text;
    } else {
      segments.push({ kind: 'change', removed: part.kind === 'removed' ? part.text : '', added: part.kind === 'added' ? part.text : '' });
    }
  }
  segments.forEach((change, i) => {
    if (change.kind !== 'change') return;
    const before = segments[i - 1];
    if (before?.kind === 'same' && !delimits(before.text.at(-1), firstMarked(change)[0])) {
      const glued = /\S*$/.exec(before.text)![0];
      if (glued.length <= MAX_GLUED_CHARS) {
        before.text = before.text.slice(0, before.text.length - glued.length);
        change.removed = glued + change.removed;
        change.added = glued + change.added;
      }
    }
    const after = segments[i + 1];
    if (after?.kind === 'same' && !delimits(after.text[0], lastMarked(change).at(-1))) {
      const glued = /^\S*/.exec(after.text)![0];
      if (glued.length <= MAX_GLUED_CHARS) {
        after.text = after.text.slice(glued.length);
        change.removed += glued;
        change.added += glued;
      }
    }
  });
  // A change that took all the text between it and the next is one change with it.
  const merged: DiffSegment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (segment.kind === 'same' && !segment.text) continue;
    if (segment.kind === 'change' && last?.kind === 'change')
      merged[merged.length - 1] = { kind: 'change', removed: last.removed + segment.removed, added: last.added + segment.added };
    else merged.push(segment);
  }
  return merged;
}

/**
 * The other wording as markdown, its added words in bold and its removed ones struck through;
 * every character of the texts escaped. A removed run and the added run after it stand apart
 * by a space, as does a mark from text it is glued to where markdown could not read it.
 */
export function diffMarkdown(from: string, other: string): string {
  const pieces: Piece[] = [];
  const text = (raw: string) => raw && pieces.push({ markdown: escapeMarkdown(raw), raw, mark: false });
  const mark = (raw: string, delimiter: string) => {
    const trimmed = raw.trim();
    if (!trimmed) return;
    text(/^\s*/.exec(raw)![0]);
    pieces.push({ markdown: `${delimiter}${escapeMarkdown(trimmed)}${delimiter}`, raw: trimmed, mark: true });
    text(/\s*$/.exec(raw)![0]);
  };
  for (const segment of markableSegments(from, other)) {
    if (segment.kind === 'same') text(segment.text);
    else {
      mark(segment.removed, '~~');
      mark(segment.added, '**');
    }
  }
  let markdown = '';
  pieces.forEach((piece, i) => {
    const previous = pieces[i - 1];
    const parted =
      previous !== undefined &&
      (piece.mark
        ? previous.mark || !delimits(previous.raw.at(-1), piece.raw[0])
        : previous.mark && !delimits(piece.raw[0], previous.raw.at(-1)));
    markdown += (parted ? ' ' : '') + piece.markdown;
  });
  return markdown.replace(/ {2,}/g, ' ').trim();
}

/** A run of the markdown: text of both wordings or one mark, with its raw text (for the characters at its edges). */
interface Piece {
  readonly markdown: string;
  readonly raw: string;
  readonly mark: boolean;
}

/** The text of the change's first mark (the removed run when there is one). */
function firstMarked(change: { readonly removed: string; readonly added: string }): string {
  return change.removed.trim() ? change.removed : change.added;
}

/** The text of the change's last mark (the added run when there is one). */
function lastMarked(change: { readonly removed: string; readonly added: string }): string {
  return change.added.trim() ? change.added : change.removed;
}

/**
 * Whether a mark's delimiter counts between `inside`, the marked text's character next to it,
 * and `outside`, the character beyond (undefined: an edge): CommonMark reads no delimiter that
 * meets punctuation inside and a letter or digit outside. The same test opens a mark (outside
 * before it) and closes one (outside after it).
 */
function delimits(outside: string | undefined, inside: string | undefined): boolean {
  if (outside === undefined || inside === undefined || SPACE.test(outside) || SPACE.test(inside)) return true;
  return !PUNCTUATION.test(inside) || PUNCTUATION.test(outside);
}
