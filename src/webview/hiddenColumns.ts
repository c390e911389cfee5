/**
 * The comparison panel's columns out of view. The base column is pinned at the left and the other
 * sources' columns scroll past it: a column scrolled left goes under the base and leaves no edge
 * on screen, so that a reader who sees two columns may take the story for one of two versions.
 * A bar over the grid says how many columns stand out of view on each side ("‹ 3 more sources"
 * at the base column's edge, "2 more sources ›" at the right one); each count is a button that
 * scrolls the next of them into view, and a screen reader hears the counts as the columns move.
 *
 * The columns are also sized so that the view holds a whole number of them: every column a
 * sideways scroll comes to rest on shows whole, and the last one ends at the view's right edge
 * with no blank room after it.
 */
import { counted } from '../plural';

/** How long the columns must stay put before the counts are read out: a scroll passes many. */
const ANNOUNCE_AFTER_MS = 600;
/** Names a button's tooltip lists before it counts the rest. */
const NAMES_LISTED = 5;

/** Where a column stands across the page (its header's left and right edges). */
export interface ColumnSpan {
  readonly left: number;
  readonly right: number;
}

/** The other columns out of view, by their index among the other columns (left to right). */
export interface ColumnsOutOfView {
  /** Columns that start under the base column (scrolled off to the left). */
  readonly before: readonly number[];
  /** Columns that end past the view's right edge. */
  readonly after: readonly number[];
}

/**
 * Which of the other columns stand out of the view between `clearLeft` (the base column's right
 * edge) and `clearRight` (the view's right edge): a column even partly under the base or past the
 * edge counts as out of view. Half a pixel of slack absorbs fractional widths.
 */
export function columnsOutOfView(columns: readonly ColumnSpan[], clearLeft: number, clearRight: number): ColumnsOutOfView {
  const before: number[] = [];
  const after: number[] = [];
  columns.forEach((column, index) => {
    if (column.left < clearLeft - 0.5) before.push(index);
    else if (column.right > clearRight + 0.5) after.push(index);
  });
  return { before, after };
}

/**
 * The width that makes the other columns fill the view beside the base a whole number of times,
 * where they do not all fit at their narrowest (`minWidth`; the base then takes its narrowest
 * too); undefined where they all fit and share the width as the stylesheet has it. A view too
 * narrow for one column at its narrowest shows one narrower column, whole, rather than part of one.
 */
export function fittedColumnWidth(viewWidth: number, minWidth: number, others: number): number | undefined {
  if (others < 1 || (others + 1) * minWidth <= viewWidth) return undefined;
  const room = viewWidth - minWidth;
  if (room <= 0) return undefined;
  return room / Math.max(1, Math.floor(room / minWidth));
}

/** What a screen reader hears once the columns come to rest: how many are in view, and where the rest are. */
export function outOfViewSentence(others: number, before: number, after: number): string {
  const sides = [before ? `${before} more to the left, under the base column` : '', after ? `${after} more to the right` : ''].filter(
    Boolean,
  );
  const inView = others - before - after;
  return `${inView} of ${counted(others, 'other source')} in view${sides.length ? `: ${sides.join('; ')}` : ''}.`;
}

/** The names of the sources out of view on one side, for a tooltip: the first few, then how many more. */
function listedNames(names: readonly string[]): string {
  if (names.length <= NAMES_LISTED) return names.join(', ');
  return `${names.slice(0, NAMES_LISTED).join(', ')} and ${names.length - NAMES_LISTED} more`;
}

export interface HiddenColumnsCue {
  /** Counts the columns out of view again (after a scroll, a resize, a render). */
  update(): void;
  /** A new grid was drawn: its first counts are shown, not read out. */
  reset(): void;
  /** No grid: the bar goes. */
  hide(): void;
}

/**
 * Keeps `bar` saying which of the grid's other columns stand out of view. `names` gives the
 * source names of the other columns shown, left to right; `refocus` takes the keyboard focus
 * where a button that had it is no longer shown (the columns on its side all came into view).
 */
export function hiddenColumnsCue(
  bar: HTMLElement,
  grid: HTMLElement,
  names: () => readonly string[],
  refocus: () => void,
): HiddenColumnsCue {
  const before = document.createElement('button');
  before.className = 'more-columns before';
  before.dataset.control = 'columns-before';
  const after = document.createElement('button');
  after.className = 'more-columns after';
  after.dataset.control = 'columns-after';
  const announcer = document.createElement('span');
  announcer.className = 'spoken';
  announcer.setAttribute('role', 'status');
  announcer.setAttribute('aria-live', 'polite');
  bar.replaceChildren(before, after, announcer);
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Sources out of view');

  /** The counts last shown, as "before:after": a change of them is read out. */
  let shown: string | undefined;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;

  const measure = () => {
    const heads = Array.from(grid.querySelectorAll<HTMLElement>('.row.header > .cell:not(.base)'));
    const base = grid.querySelector<HTMLElement>('.row.header > .cell.base');
    if (!base || !heads.length) return undefined;
    const view = grid.getBoundingClientRect();
    const clearLeft = base.getBoundingClientRect().right;
    const clearRight = view.left + grid.clientLeft + grid.clientWidth;
    return {
      heads,
      clearLeft,
      ...columnsOutOfView(
        heads.map(h => h.getBoundingClientRect()),
        clearLeft,
        clearRight,
      ),
    };
  };

  /**
   * Scrolls the grid a view of columns towards `side`: the column that then stands at the base's
   * edge is the one a view's width of columns away from the first in view, or the first or the
   * last view of them.
   */
  const scrollTowards = (side: 'before' | 'after') => {
    const seen = measure();
    if (!seen) return;
    const inView = Math.max(1, seen.heads.length - seen.before.length - seen.after.length);
    const first = seen.before.length;
    const target = side === 'before' ? Math.max(0, first - inView) : Math.min(seen.heads.length - 1, first + inView);
    grid.scrollBy({ left: seen.heads[target].getBoundingClientRect().left - seen.clearLeft });
    update();
  };
  before.addEventListener('click', () => scrollTowards('before'));
  after.addEventListener('click', () => scrollTowards('after'));

  const label = (button: HTMLButtonElement, indices: readonly number[], text: string, where: string) => {
    button.hidden = indices.length === 0;
    if (button.hidden) return;
    button.textContent = text;
    const all = names();
    const described = `${counted(indices.length, 'more source')} ${where}: ${listedNames(indices.map(i => all[i] ?? ''))}. Scroll them into view.`;
    button.title = described;
    button.setAttribute('aria-label', described);
  };

  function update(): void {
    const seen = measure();
    const focused = document.activeElement;
    const hadFocus = focused === before || focused === after;
    if (!seen || seen.before.length + seen.after.length === 0) {
      bar.hidden = true;
      shown = seen ? '0:0' : undefined;
      if (hadFocus) refocus();
      return;
    }
    bar.hidden = false;
    const base = grid.querySelector<HTMLElement>('.row.header > .cell.base')!;
    // The left button starts at the base column's edge, the right one ends at the view's edge.
    bar.style.paddingLeft = `${base.offsetWidth + grid.clientLeft}px`;
    bar.style.paddingRight = `${grid.offsetWidth - grid.clientWidth - grid.clientLeft}px`;
    const left = seen.before.length;
    const right = seen.after.length;
    label(before, seen.before, `‹ ${counted(left, 'more source')}`, 'to the left, under the base column');
    label(after, seen.after, `${counted(right, 'more source')} ›`, 'to the right');
    if (hadFocus && (focused as HTMLButtonElement).hidden) (before.hidden ? after : before).focus();
    const counts = `${left}:${right}`;
    if (shown !== undefined && counts !== shown) {
      clearTimeout(announceTimer);
      const sentence = outOfViewSentence(seen.heads.length, left, right);
      announceTimer = setTimeout(() => (announcer.textContent = sentence), ANNOUNCE_AFTER_MS);
    }
    shown = counts;
  }

  grid.addEventListener('scroll', () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      update();
    });
  });

  return {
    update,
    reset() {
      shown = undefined;
      clearTimeout(announceTimer);
      announcer.textContent = '';
      update();
    },
    hide() {
      shown = undefined;
      clearTimeout(announceTimer);
      bar.hidden = true;
    },
  };
}
