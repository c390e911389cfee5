/**
 * Fact changes between any two wordings of one statement. The analysis classifies each member
 * of a group against the group's anchor only; a reader compares the sentence in front of them
 * with another source's, so this reads one member into another through the anchor.
 */
import type { ChangeKind, FactChange, SentenceGroup } from './types';

/** The kinds that are facts: every kind but `wording`. */
export const FACT_KINDS: readonly Exclude<ChangeKind, 'wording'>[] = ['number', 'quote', 'name', 'attribution', 'negation'];

/** True for a change of a fact (any kind but `wording`). */
export function isFactChange(change: FactChange): boolean {
  return change.kind !== 'wording';
}

/** The fact changes of member `member` of `group` against its anchor (none for the anchor). O(changes). */
export function factChangesOf(group: SentenceGroup, member: number): readonly FactChange[] {
  if (member === group.anchor) return [];
  return (group.members[member]?.changes ?? []).filter(isFactChange);
}

/** True when some member of `group` differs from its anchor in a fact. O(members · changes). */
export function groupHasFactChanges(group: SentenceGroup): boolean {
  return group.members.some((_, i) => factChangesOf(group, i).length > 0);
}

/**
 * The fact changes that turn member `from`'s wording into member `to`'s, both of `group`:
 * `base` is `from`'s text of the change and `other` is `to`'s. A change both members made
 * alike cancels out; one only `from` made is undone (its anchor text comes back). `otherRange`
 * places `other` in `to`'s sentence: from the analysis where `to` made the change, otherwise
 * the first occurrence of `other` in `toText` when it is given. O(c²) for c changes.
 */
export function factChangesBetween(group: SentenceGroup, from: number, to: number, toText?: string): FactChange[] {
  if (from === to) return [];
  const fromChanges = factChangesOf(group, from);
  const toChanges = factChangesOf(group, to);
  const used = new Set<FactChange>();
  const out: FactChange[] = [];
  const sameSpot = (a: FactChange, b: FactChange) => a.kind === b.kind && (a.base ? a.base === b.base : !b.base && a.other === b.other);
  for (const change of toChanges) {
    const mate = fromChanges.find(f => !used.has(f) && sameSpot(f, change));
    if (mate) used.add(mate);
    const base = mate ? mate.other : change.base;
    if (mate && base === change.other) continue;
    out.push(narrowed(withBase(change, base)));
  }
  for (const change of fromChanges) {
    if (used.has(change)) continue;
    // `to` reads as the anchor here: the change is undone.
    const at = toText && change.base ? toText.indexOf(change.base) : -1;
    const undone: FactChange = { kind: change.kind, base: change.other, other: change.base };
    const placed: FactChange = at >= 0 ? { ...undone, otherRange: [at, at + change.base.length] } : undone;
    out.push(
      narrowed({ ...placed, ...(change.variant ? { variant: true as const } : {}), ...(change.date ? { date: true as const } : {}) }),
    );
  }
  return out;
}

/**
 * `change` without the whole words its two sides share at their start and end: two members
 * that changed one phrase differently ("in 2016 at his residence" and "in 2018 at his
 * residence") differ only in "2016" and "2018". `otherRange` follows. O(length).
 */
export function narrowed(change: FactChange): FactChange {
  const { base, other } = change;
  if (!base || !other || base === other) return change;
  const shortest = Math.min(base.length, other.length);
  let same = 0;
  while (same < shortest && base[same] === other[same]) same++;
  // Cut after the last white space inside the shared start (and before the first one inside
  // the shared end), so that words stay whole.
  let head = 0;
  for (let i = same - 1; i >= 0; i--)
    if (/\s/.test(base[i])) {
      head = i + 1;
      break;
    }
  let sameEnd = 0;
  while (sameEnd < shortest - head && base[base.length - 1 - sameEnd] === other[other.length - 1 - sameEnd]) sameEnd++;
  let tail = 0;
  for (let i = sameEnd; i > 0; i--)
    if (/\s/.test(base[base.length - i])) {
      tail = i;
      break;
    }
  if (!head && !tail) return change;
  const newBase = base.slice(head, base.length - tail).trim();
  const cutOther = other.slice(head, other.length - tail);
  const newOther = cutOther.trim();
  if (!newBase || !newOther) return change;
  const narrow: FactChange = { ...change, base: newBase, other: newOther };
  if (!change.otherRange) return narrow;
  const start = change.otherRange[0] + head + (cutOther.length - cutOther.trimStart().length);
  return { ...narrow, otherRange: [start, start + newOther.length] };
}

function withBase(change: FactChange, base: string): FactChange {
  return base === change.base ? change : { ...change, base };
}
