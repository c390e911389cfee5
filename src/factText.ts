/**
 * How a fact change reads: the hover's line ("number: 12 → 15 in 002.txt") and the label a
 * screen reader is given in the comparison panel ("number changed: 12 to 15"). Pure, so the
 * hover, the panel's script and the unit tests share it.
 */
import type { FactChange } from './core';

/** Longest text of one side of a change that is shown whole; longer quotes are clipped. */
const MAX_SIDE_CHARS = 80;
/** Sources a hover line names before it counts the rest. */
const MAX_NAMED_SOURCES = 3;

function clip(text: string): string {
  // A clause cut from its sentence can bring the comma before it (", state media reported").
  const flat = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[,;]\s*/, '');
  return flat.length <= MAX_SIDE_CHARS ? flat : `${flat.slice(0, MAX_SIDE_CHARS - 1)}…`;
}

/** What a change touches, as a reader is told: its kind, or "date" for a number that is a date ("date: added Friday", not "number"). */
export function kindLabel(change: Pick<FactChange, 'kind' | 'date'>): string {
  return change.kind === 'number' && change.date ? 'date' : change.kind;
}

/** The change itself, as the panel's mark shows it: "12 → 15", "added “…”", "dropped 12". */
export function changeText(change: FactChange): string {
  if (!change.base) return `added ${clip(change.other)}`;
  if (!change.other) return `dropped ${clip(change.base)}`;
  const arrow = `${clip(change.base)} → ${clip(change.other)}`;
  return change.variant ? `${arrow} (spelling)` : arrow;
}

/** `names` joined for a sentence: "a", "a, b", "a, b, c, d", "a, b, c and 2 more" (never "and 1 more"). */
export function sourceList(names: readonly string[]): string {
  if (names.length <= MAX_NAMED_SOURCES + 1) return names.join(', ');
  return `${names.slice(0, MAX_NAMED_SOURCES).join(', ')} and ${names.length - MAX_NAMED_SOURCES} more`;
}

/** The hover's line for a change read from the hovered sentence into the sources `names`. */
export function hoverLine(change: FactChange, names: readonly string[]): string {
  return `${kindLabel(change)}: ${changeText(change)} in ${sourceList(names)}`;
}

/** What a screen reader is told of a change: "number changed: 12 to 15". */
export function accessibleLabel(change: FactChange): string {
  if (!change.base) return `${kindLabel(change)} added: ${clip(change.other)}`;
  if (!change.other) return `${kindLabel(change)} dropped: ${clip(change.base)}`;
  const verb = change.variant ? 'spelt differently' : 'changed';
  return `${kindLabel(change)} ${verb}: ${clip(change.base)} to ${clip(change.other)}`;
}
