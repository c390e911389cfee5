/**
 * The comparison panel's script. Builds the grid from the model with DOM calls and
 * `textContent` only (document text is never parsed as HTML), renders large models in chunks
 * so the panel stays responsive, and keeps its options with `setState`.
 *
 * Layout: the base is the first column and stays in view while the others scroll sideways.
 * Each statement is a row; a sentence that only one other source carries is listed under its
 * neighbour in that source's column instead of taking a row of empty cells of its own.
 */
import { standsApart } from '../core/replacedWords';
import { counted, printedTimes } from '../plural';
import { cellOf } from '../protocol';
import { nameBreakPieces } from '../sourceName';
import type { CellModel, ComparisonModel, FromWebview, PanelState, RowFilter, RowModel, ToWebview, WordingModel } from '../protocol';
import type { Direction, NavigationTarget } from '../navigationTargets';
import { factColumn, factList, hasChangedFacts, markedWordingNodes, originBadge } from './facts';
import { fittedColumnWidth, hiddenColumnsCue } from './hiddenColumns';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): PanelState | undefined;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** A sentence shown in a column: the model row it comes from and its cell there. */
interface Entry {
  readonly row: RowModel;
  readonly cell: CellModel;
  /** The cells of the same sentence only here that its source prints again under the same row (a caption in two places). */
  again?: CellModel[];
}

/** One row of the grid: a statement with its cells, plus the sentences only here listed under it. */
interface DisplayRow {
  /** The statement (or boilerplate line) that opens the row. */
  readonly lead: RowModel;
  /** Per shown column: its entries, the lead's cell first. Empty for boilerplate rows. */
  readonly entries: Entry[][];
  /** Holds a sentence that only one source carries. */
  unique: boolean;
  /** Not carried by every source in the same words. */
  difference: boolean;
  /** Some source gives a fact of the statement otherwise. */
  facts?: boolean;
}

/**
 * Why a panel of one column has nothing to compare: no other source tells the base's story. The
 * Stories view lists stories of one source too, so it is pointed to for its counts.
 */
const ONE_SOURCE_NOTICE =
  'No other source here tells this story, so there is nothing to compare it with. The Stories view shows how many sources tell each story.';

/** Cells rendered per frame: rows per chunk shrink as columns grow. */
const CELLS_PER_CHUNK = 2400;
const MAX_ROWS_PER_CHUNK = 120;
/**
 * Beyond this many other sources the grid shows them a page at a time beside the base: a grid
 * of hundreds of columns costs the browser a layout of every cell on every change, and no
 * reader takes in more columns than a screen holds.
 */
const COLUMNS_PER_PAGE = 20;
/** How many frames a scroll to a cell is checked and repeated (about a third of a second). */
const SCROLL_SETTLE_FRAMES = 20;

const FILTERS: readonly [RowFilter, string, string][] = [
  ['all', 'All', 'All rows'],
  ['sharedByAll', 'Shared by all', 'Shared by all sources'],
  ['uniqueToOne', 'Only in one source', 'Only in one source'],
  ['reworded', 'Reworded', 'Reworded'],
  ['changedFacts', 'Changed facts', 'Changed facts'],
];

const vscode = acquireVsCodeApi();
const toolbar = document.getElementById('toolbar')!;
const notice = document.getElementById('notice')!;
const grid = document.getElementById('grid')!;
const outOfViewBar = document.getElementById('columns-out-of-view')!;

/**
 * Keeps the grid's scroll padding at the base column's width, which follows the panel's:
 * sideways scrolling snaps each column's start to the base column's right edge (see the
 * stylesheet), and a snap to a stale width would leave a column half under it. Where the
 * columns overflow the panel, the others are widened so that the view beside the base holds a
 * whole number of them (`fittedColumnWidth`): each scroll comes to rest on whole columns, and at
 * the far end the last one ends at the view's edge, with no blank room after it and no column
 * half under the base. The bar over the grid then says how many stand out of view on each side.
 */
const columnEdges = new ResizeObserver(() => {
  keepColumnEdges();
  // A new base's model drawn while the panel had no size (a tab behind another) opens at its place now.
  revealOpening();
});

function keepColumnEdges(): void {
  const base = grid.querySelector<HTMLElement>('.row.header > .cell.base');
  if (!base) return;
  const narrowest = parseFloat(getComputedStyle(grid).getPropertyValue('--cell-min')) || 200;
  const width = fittedColumnWidth(grid.clientWidth, narrowest, panel.columns.length - 1);
  if (width === undefined) grid.style.removeProperty('--column-width');
  else grid.style.setProperty('--column-width', `${width}px`);
  grid.style.scrollPaddingLeft = `${base.offsetWidth}px`;
  columnsOutOfView.update();
}

/** Everything the script keeps between events, in one place. */
const panel = {
  model: undefined as ComparisonModel | undefined,
  state: (vscode.getState() ?? {}) as PanelState,
  /** The sources shown as columns, left to right: the base first. */
  columns: [] as number[],
  rows: [] as DisplayRow[],
  /** Where each shown sentence is: "source:sentence" → row and column. */
  places: new Map<string, { row: number; col: number }>(),
  rowsPerChunk: MAX_ROWS_PER_CHUNK,
  renderedCount: 0,
  /** Increases with every render: chunks of an older render stop. */
  renderToken: 0,
  focused: { row: 0, col: 0 },
  /**
   * Whether the reader put the cursor cell since the last model came (a click, a key, a
   * navigation, the editor's cursor moving): until then the editor cursor's row, which the
   * extension marks after each model, is where the navigation goes on from.
   */
  placed: false,
  /** The base column last brought into view: a refresh of the same base keeps the reader's scroll. */
  shownBase: undefined as string | undefined,
  /**
   * The model shown is a new base's, and the extension's mark of the editor cursor's row, which
   * follows each model, has not come yet: that row is where the grid opens (see `openAt`).
   */
  awaitsCursor: false,
  /** The sentence whose row a new base's grid is to be scrolled to, until the grid has a size to scroll. */
  opening: undefined as { source: number; sentence: number } | undefined,
  /** Increases whenever the reader scrolls: a scroll to a cell that is still settling stops. */
  scrollToken: 0,
};

/** The bar over the grid that counts the columns out of view on each side (see `keepColumnEdges`). */
const columnsOutOfView = hiddenColumnsCue(
  outOfViewBar,
  grid,
  () => panel.columns.slice(1).map(source => panel.model?.sources[source]?.name ?? ''),
  // A button that had the focus went with its columns: the focus goes back to the cursor cell.
  () => focusCell(panel.focused.row, panel.focused.col),
);

function saveState(patch: PanelState): void {
  panel.state = { ...panel.state, ...patch };
  vscode.setState(panel.state);
  vscode.postMessage({ type: 'stateChanged', state: panel.state });
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function matches(row: RowModel, filter: RowFilter, sourceCount: number): boolean {
  if (row.kind === 'boilerplate') return panel.state.showBoilerplate === true && filter === 'all';
  switch (filter) {
    case 'sharedByAll':
      // A story of one source shares nothing: its sentences are all "only in one source".
      return sourceCount > 1 && row.sourceCount === sourceCount;
    case 'uniqueToOne':
      return row.sourceCount === 1;
    case 'reworded':
      return row.reworded;
    case 'changedFacts':
      return hasChangedFacts(row);
    default:
      return true;
  }
}

/**
 * What a filter's count counts, for its tooltip: the story's statements, not the rows shown, since
 * a sentence that one other source alone carries is listed in that source's column under its
 * neighbour rather than as a row of its own.
 */
function countedStatements(count: number): string {
  return `${count} ${count === 1 ? 'statement' : 'statements'} of the story; one that only another source carries is listed in its column, under the sentence before it`;
}

/** The other sources (all but the base), in order: what the column pages divide. */
function othersOf(m: ComparisonModel): number[] {
  const others: number[] = [];
  for (let s = 0; s < m.sources.length; s++) if (s !== m.base) others.push(s);
  return others;
}

/** The base, then the other sources of the page that starts at `state.firstColumn`. */
function pageColumns(m: ComparisonModel): number[] {
  const others = othersOf(m);
  if (others.length <= COLUMNS_PER_PAGE) return [m.base, ...others];
  const first = clampPage(panel.state.firstColumn ?? 0, others.length);
  return [m.base, ...others.slice(first, first + COLUMNS_PER_PAGE)];
}

/** A valid first column of a page: the last page is full, not short. */
function clampPage(first: number, others: number): number {
  return Math.min(Math.max(0, others - COLUMNS_PER_PAGE), Math.max(0, first));
}

/** Shows the page holding `source`; true when the page changed. */
function showPageOf(m: ComparisonModel, source: number): boolean {
  if (m.sources.length <= COLUMNS_PER_PAGE + 1 || source === m.base) return false;
  const others = m.sources.length - 1;
  const at = othersOf(m).indexOf(source);
  const current = clampPage(panel.state.firstColumn ?? 0, others);
  if (at < 0 || (at >= current && at < current + COLUMNS_PER_PAGE)) return false;
  saveState({ firstColumn: clampPage(Math.floor(at / COLUMNS_PER_PAGE) * COLUMNS_PER_PAGE, others) });
  return true;
}

/**
 * The grid's rows from the model's rows that pass the filter: a statement only one other
 * source carries joins the row before it, in its source's column, and one the base prints
 * again, word for word, since the last statement of several sources is listed once, as printed
 * again. O(rows × columns).
 */
function displayRows(m: ComparisonModel, rows: readonly RowModel[], columns: readonly number[]): DisplayRow[] {
  const columnOf = new Map(columns.map((source, col) => [source, col]));
  const out: DisplayRow[] = [];
  // Sentences only one source has that come before any statement row: they join the first one,
  // under its own cells (each column's entries open with the lead's cell).
  let waiting: Entry[][] = columns.map(() => []);
  let anyWaiting = false;
  const flush = (into: DisplayRow) => {
    into.entries.forEach((entries, col) => entries.push(...waiting[col]));
    into.unique = into.difference = true;
    waiting = columns.map(() => []);
    anyWaiting = false;
  };
  // The base's own sentences since the last statement row of several sources, by text: a photo
  // caption the base prints twice there is listed once, as another column's is (`addLone`).
  let baseLone = new Map<string, Entry>();
  for (const row of rows) {
    if (row.kind === 'boilerplate') {
      out.push({ lead: row, entries: [], unique: false, difference: false });
      continue;
    }
    const lone = row.sourceCount === 1 ? row.cells[0] : undefined;
    if (lone && lone.source === m.base) {
      const listed = baseLone.get(row.wordings[lone.wording].text);
      if (listed) {
        (listed.again ??= []).push(lone);
        continue;
      }
    } else if (!lone) baseLone = new Map();
    if (lone && lone.source !== m.base) {
      const col = columnOf.get(lone.source);
      if (col === undefined) continue; // its source is on another page of columns
      const previous = out[out.length - 1];
      if (previous && previous.lead.kind === 'statement') {
        addLone(previous.entries[col], { row, cell: lone });
        previous.unique = previous.difference = true;
      } else {
        addLone(waiting[col], { row, cell: lone });
        anyWaiting = true;
      }
      continue;
    }
    const entries = columns.map(source => {
      const cell = cellOf(row, source);
      return cell ? [{ row, cell }] : [];
    });
    if (entries.every(e => e.length === 0)) continue;
    const display: DisplayRow = {
      lead: row,
      entries,
      unique: row.sourceCount === 1,
      difference: row.sourceCount < m.sources.length || row.reworded,
      facts: hasChangedFacts(row),
    };
    if (anyWaiting) flush(display);
    out.push(display);
    if (lone) {
      const baseEntry = display.entries[columnOf.get(m.base) ?? -1]?.[0];
      if (baseEntry) baseLone.set(row.wordings[lone.wording].text, baseEntry);
    }
  }
  if (anyWaiting) {
    // Nothing but such sentences (the "only in one source" filter from the start): one row of them.
    const first = waiting.find(e => e.length)![0];
    const display: DisplayRow = { lead: first.row, entries: columns.map(() => []), unique: true, difference: true };
    flush(display);
    out.push(display);
  }
  return out;
}

/**
 * Adds a sentence only its source has to a column's entries, or, where the same sentence of that
 * source is listed there already (a photo caption a page prints twice), to that entry's copies:
 * the reader sees it once, marked as printed again. O(entries).
 */
function addLone(entries: Entry[], entry: Entry): void {
  const text = entry.row.wordings[entry.cell.wording].text;
  const same = entries.find(
    e => e.row.sourceCount === 1 && e.cell.source === entry.cell.source && e.row.wordings[e.cell.wording].text === text,
  );
  if (!same) entries.push(entry);
  else if (same.again) same.again.push(entry.cell);
  else same.again = [entry.cell];
}

/**
 * Where a key moves the choice in the filters' radio group, as WAI-ARIA's radio group pattern
 * has it: the arrows to the next or previous filter, wrapping around, Home and End to the first
 * and last. `at` is the focused filter's index; undefined for any other key.
 */
function filterIndexAfterKey(key: string, at: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (at + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (at - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

function filterControls(m: ComparisonModel): HTMLElement[] {
  const current = panel.state.filter ?? 'all';
  const counts = new Map(
    FILTERS.map(([value]) => [value, m.rows.filter(r => r.kind === 'statement' && matches(r, value, m.sources.length)).length]),
  );
  // Wide panels: a row of buttons. Narrow ones: a drop-down, so the toolbar stays one or two lines.
  const buttons = el('div', 'filters wide-only');
  // The render builds the toolbar anew; focus in the group moves to the new choice's button (`renderToolbar`).
  const choose = (value: RowFilter) => {
    if (value === (panel.state.filter ?? 'all')) return;
    saveState({ filter: value });
    render();
  };
  buttons.setAttribute('role', 'radiogroup');
  buttons.setAttribute('aria-label', 'Show rows');
  FILTERS.forEach(([value, label], index) => {
    const button = el('button', 'filter');
    button.title = countedStatements(counts.get(value) ?? 0);
    button.append(el('span', 'check', value === current ? '✓ ' : ''), document.createTextNode(`${label} (${counts.get(value)})`));
    button.setAttribute('role', 'radio');
    button.setAttribute('aria-checked', String(value === current));
    button.dataset.index = String(index);
    // One Tab stop for the group (a roving tabindex): the chosen filter; the arrows reach the others.
    button.tabIndex = value === current ? 0 : -1;
    button.dataset.control = 'filter';
    button.addEventListener('click', () => choose(value));
    buttons.append(button);
  });
  buttons.addEventListener('keydown', e => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const at = Number((e.target as HTMLElement).closest<HTMLElement>('button.filter')?.dataset.index);
    if (Number.isNaN(at)) return;
    const next = filterIndexAfterKey(e.key, at, FILTERS.length);
    if (next === undefined) return;
    e.preventDefault();
    choose(FILTERS[next][0]);
  });
  const narrow = el('label', 'narrow-only');
  const select = el('select', 'filter-select');
  select.setAttribute('aria-label', 'Show rows');
  select.dataset.control = 'filter-select';
  for (const [value, , long] of FILTERS) {
    const option = el('option', undefined, `${long} (${counts.get(value)})`);
    option.title = countedStatements(counts.get(value) ?? 0);
    option.value = value;
    option.selected = value === current;
    select.append(option);
  }
  select.addEventListener('change', () => choose(select.value as RowFilter));
  narrow.append(select);
  return [buttons, narrow];
}

function renderPager(m: ComparisonModel): HTMLElement | undefined {
  const others = m.sources.length - 1;
  if (others <= COLUMNS_PER_PAGE) return undefined;
  const first = clampPage(panel.state.firstColumn ?? 0, others);
  const pager = el('div', 'pager');
  pager.setAttribute('role', 'group');
  pager.setAttribute('aria-label', 'Other sources shown as columns');
  const turn = (control: string, label: string, title: string, to: number, enabled: boolean) => {
    const button = el('button', 'page', label);
    button.dataset.control = control;
    button.title = title;
    button.setAttribute('aria-label', title);
    button.disabled = !enabled;
    button.addEventListener('click', () => {
      saveState({ firstColumn: clampPage(to, others) });
      render();
    });
    return button;
  };
  const range = el('span', 'range');
  range.append(
    el('span', 'wide-only', 'Sources '),
    document.createTextNode(`${first + 1}–${Math.min(others, first + COLUMNS_PER_PAGE)} of ${others}`),
    el('span', 'wide-only', ' others'),
  );
  pager.append(
    turn('page-previous', '‹', `Previous ${COLUMNS_PER_PAGE} sources`, first - COLUMNS_PER_PAGE, first > 0),
    range,
    turn('page-next', '›', `Next ${COLUMNS_PER_PAGE} sources`, first + COLUMNS_PER_PAGE, first + COLUMNS_PER_PAGE < others),
  );
  return pager;
}

/**
 * Where the keyboard focus goes when the toolbar is built anew and one of its controls had it:
 * the control of the same name, or the next of these in its stead (a page button that the turn
 * disabled: the one for the other way). The filters' radio group is entered at its checked filter.
 */
const FOCUS_INSTEAD: Readonly<Record<string, readonly string[]>> = {
  'page-next': ['page-previous'],
  'page-previous': ['page-next'],
};

/** The name (`data-control`) of the toolbar control that has the focus, if one has. */
function focusedControl(): string | undefined {
  const active = document.activeElement;
  return active instanceof HTMLElement && toolbar.contains(active) ? active.dataset.control : undefined;
}

/** Gives the focus back to the rebuilt toolbar's control named `name` (see `FOCUS_INSTEAD`). */
function refocusControl(name: string): void {
  for (const candidate of [name, ...(FOCUS_INSTEAD[name] ?? [])]) {
    const control = Array.from(toolbar.querySelectorAll<HTMLElement>(`[data-control="${candidate}"]`)).find(
      c => !(c as HTMLButtonElement).disabled && c.tabIndex >= 0,
    );
    if (control) {
      control.focus();
      return;
    }
  }
}

function renderToolbar(m: ComparisonModel): void {
  // A control used from the keyboard (a filter, the base, a page turned) builds the toolbar anew:
  // the reader's focus must not fall out of the panel with the old control.
  const focused = focusedControl();
  toolbar.replaceChildren();
  const baseLabel = el('label', 'base');
  baseLabel.append(el('span', undefined, 'Base'));
  const select = el('select');
  select.setAttribute('aria-label', 'Base source');
  select.dataset.control = 'base';
  // A name longer than the panel is wide is still cut off: the tooltip gives it whole.
  select.title = m.sources[m.base]?.name ?? '';
  m.sources.forEach((s, i) => {
    const option = el('option', undefined, s.name);
    option.value = String(i);
    option.selected = i === m.base;
    select.append(option);
  });
  select.addEventListener('change', () => vscode.postMessage({ type: 'setBase', source: Number(select.value) }));
  baseLabel.append(select);
  const boilerplate = el('label', 'toggle');
  boilerplate.title = "Show the base's boilerplate lines as rows";
  const checkbox = el('input');
  checkbox.type = 'checkbox';
  checkbox.dataset.control = 'boilerplate';
  checkbox.checked = panel.state.showBoilerplate === true;
  // A base Synoptic leaves unmarked has no boilerplate lines to show: the box is off, and says why
  // (the reader's choice stays for the next base).
  const unmarked = m.sources[m.base]?.unmarked;
  if (unmarked) {
    checkbox.checked = false;
    checkbox.disabled = true;
    boilerplate.classList.add('disabled');
    boilerplate.title = unmarked;
  }
  checkbox.addEventListener('change', () => {
    saveState({ showBoilerplate: checkbox.checked });
    vscode.postMessage({ type: 'setShowBoilerplate', show: checkbox.checked });
  });
  boilerplate.append(checkbox, document.createTextNode(' Boilerplate'));
  toolbar.append(...filterControls(m), baseLabel, boilerplate);
  const pager = renderPager(m);
  if (pager) toolbar.append(pager);
  if (focused) refocusControl(focused);
}

function renderHeader(m: ComparisonModel): HTMLElement {
  const header = el('div', 'row header');
  header.setAttribute('role', 'row');
  panel.columns.forEach(i => {
    const s = m.sources[i];
    const cell = el('div', i === m.base ? 'cell head base' : 'cell head');
    cell.setAttribute('role', 'columnheader');
    cell.title = s.location ?? s.path;
    const name = el('div', 'name');
    // Breaks between the name's words where its column is too narrow for it (`nameBreakPieces`).
    nameBreakPieces(s.name).forEach((piece, k) => name.append(...(k ? [el('wbr')] : []), piece));
    cell.append(name);
    // Sentences and lines are counted apart, as the status bar counts them: the units are named.
    // Each count keeps its number and its unit on one line; a narrow column breaks between them.
    const counts = el('div', 'counts');
    // A source Synoptic leaves unmarked in the editor (a note) has no lines counted as boilerplate.
    const boilerplate = el('span', undefined, s.unmarked ? 'boilerplate not marked' : counted(s.boilerplateLines, 'boilerplate line'));
    if (s.unmarked) boilerplate.title = s.unmarked;
    counts.append(
      el('span', undefined, `${s.shared} of ${counted(s.sentences, 'sentence')} shared`),
      document.createTextNode(' · '),
      boilerplate,
    );
    cell.append(counts);
    if (i === m.base) cell.append(el('div', 'badge', 'base'));
    const origin = originBadge(s);
    if (origin) cell.append(origin);
    header.append(cell);
  });
  return header;
}

/** A wording's words: plain, or with the words it drops (`<del>`) and adds (`<ins>`) marked. */
function wordingNodes(wording: WordingModel): Node[] {
  const marked = markedWordingNodes(wording);
  if (marked) return marked;
  if (!wording.diff?.length) return [document.createTextNode(wording.text)];
  return wording.diff.flatMap((part, i, parts) => {
    if (part.kind === 'same') return [document.createTextNode(part.text)];
    // The stylesheet gives <del> and <ins> spoken text ("deleted", "inserted") besides strike and underline.
    const replacing = part.kind === 'added' && parts[i - 1]?.kind === 'removed';
    const apart = standsApart(parts, i);
    const mark = el(
      part.kind === 'removed' ? 'del' : 'ins',
      replacing ? (apart ? 'replacing' : 'replacing abutting') : undefined,
      part.text,
    );
    mark.title = part.kind === 'removed' ? 'not in this source (in the reference wording)' : 'only in this source';
    // Words added right where whole words are struck: a space between them, so that the line
    // breaks and copied text read as words; inside a word only a margin sets them apart.
    return apart ? [document.createTextNode(' '), mark] : [mark];
  });
}

function entryNode(entry: Entry, isBase: boolean, alone: boolean): HTMLElement {
  const { row, cell } = entry;
  const wording = row.wordings[cell.wording];
  // With one source every sentence is that source's alone: the grid then shows neither the
  // stripe (`one-source`, see `render`) nor the label, which would tell nothing.
  const several = (panel.model?.sources.length ?? 0) > 1;
  const node = el('div', alone ? 'entry only-here' : 'entry');
  // A sentence in Arabic or Hebrew reads right to left, its full stop at its left end.
  node.dir = 'auto';
  node.dataset.source = String(cell.source);
  node.dataset.sentence = String(cell.sentence);
  node.append(...wordingNodes(wording));
  const facts = factList(wording);
  if (facts) node.append(facts);
  const meta = el('div', 'meta');
  if (wording.related) meta.append(el('span', 'related', 'related'));
  if (!alone && (!isBase || wording.similarity < 1))
    meta.append(el('span', 'similarity', `similarity ${Math.round(wording.similarity * 100)}%`));
  if (cell.moved) meta.append(el('span', 'moved', 'moved'));
  if (alone && several) meta.append(el('span', 'lone', 'only in this source'));
  if (entry.again) meta.append(el('span', 'again', printedTimes(entry.again.length + 1)));
  if (meta.childElementCount) node.append(meta);
  return node;
}

function cellNode(display: DisplayRow, rowIndex: number, col: number, isBase: boolean): HTMLElement {
  const node = el('div', isBase ? 'cell base' : 'cell');
  node.setAttribute('role', 'gridcell');
  node.dataset.row = String(rowIndex);
  node.dataset.col = String(col);
  node.tabIndex = -1;
  const entries = display.entries[col];
  if (!entries.length) {
    node.classList.add('empty');
    node.setAttribute('aria-label', 'not in this source');
    return node;
  }
  // An entry of another row than the lead is a sentence only its source has, listed under the statement.
  entries.forEach(entry => node.append(entryNode(entry, isBase, entry.row !== display.lead || display.lead.sourceCount === 1)));
  return node;
}

function rowNode(display: DisplayRow, index: number, m: ComparisonModel): HTMLElement {
  const row = display.lead;
  const node = el('div', `row ${row.kind}`);
  node.setAttribute('role', 'row');
  node.dataset.row = String(index);
  if (row.kind === 'boilerplate') {
    const cell = el('div', 'cell boilerplate-line', row.text ?? '');
    cell.dir = 'auto';
    cell.setAttribute('role', 'gridcell');
    cell.dataset.row = String(index);
    cell.dataset.col = '0';
    cell.tabIndex = -1;
    cell.style.gridColumn = `1 / span ${panel.columns.length}`;
    cell.append(el('span', 'reason', row.reason ? ` · ${row.reason}` : ''));
    node.append(cell);
    return node;
  }
  if (display.unique) node.classList.add('unique');
  panel.columns.forEach((source, col) => node.append(cellNode(display, index, col, source === m.base)));
  return node;
}

function render(): void {
  const m = panel.model;
  if (!m) return;
  toolbar.hidden = grid.hidden = false;
  renderToolbar(m);
  // A base Synoptic leaves unmarked in the editor (a note) says why it shows no boilerplate.
  notice.textContent = [m.notice, m.sources.length === 1 ? ONE_SOURCE_NOTICE : '', m.sources[m.base]?.unmarked].filter(Boolean).join(' ');
  const basePath = m.sources[m.base]?.path;
  // The same base drawn again (an edit, a filter, a page of columns): the reader stays at the row
  // they were reading.
  const kept = basePath === panel.shownBase ? topPlace() : undefined;
  grid.replaceChildren();
  panel.columns = pageColumns(m);
  grid.style.setProperty('--others', String(panel.columns.length - 1));
  grid.classList.toggle('one-source', m.sources.length === 1);
  const header = renderHeader(m);
  grid.append(header);
  columnEdges.disconnect();
  const baseHead = header.querySelector<HTMLElement>('.cell.base');
  if (baseHead) columnEdges.observe(baseHead);
  // The content box: it narrows as a vertical scrollbar comes, which the border box does not.
  columnEdges.observe(grid);
  if (basePath !== panel.shownBase) {
    panel.shownBase = basePath;
    // The scroll padding first, for the new columns: the snap to the last model's base width (a
    // file of one source, whose column spans the panel) had put the scroll a column further on,
    // the source after the base under it, before the observer caught up. From the top: where the
    // grid opens is the model's to say (`openAt`).
    keepColumnEdges();
    grid.scrollTo({ left: 0, top: 0 });
  }
  const filter = panel.state.filter ?? 'all';
  panel.rows = displayRows(
    m,
    m.rows.filter(r => matches(r, filter, m.sources.length)),
    panel.columns,
  );
  panel.places = new Map();
  panel.rows.forEach((display, row) =>
    display.entries.forEach((entries, col) => {
      for (const { cell, again } of entries)
        for (const shown of [cell, ...(again ?? [])])
          for (const sentence of [shown.sentence, ...(shown.more ?? [])]) panel.places.set(`${shown.source}:${sentence}`, { row, col });
    }),
  );
  panel.rowsPerChunk = Math.max(1, Math.min(MAX_ROWS_PER_CHUNK, Math.floor(CELLS_PER_CHUNK / Math.max(1, panel.columns.length))));
  panel.renderedCount = 0;
  const token = ++panel.renderToken;
  if (!panel.rows.length) grid.append(el('div', 'empty-state', emptyStateText(m, filter)));
  renderChunk(token);
  if (kept) keepPlace(kept);
  columnsOutOfView.reset();
}

/** The distance from the grid's top to the top of its view below the sticky header row. */
function clearTop(): number {
  const header = grid.querySelector<HTMLElement>('.row.header > .cell');
  return grid.getBoundingClientRect().top + grid.clientTop + (header?.offsetHeight ?? 0);
}

/**
 * The first row at the top of the grid's view that shows a sentence, by that sentence
 * ("source:sentence", as `panel.places` keys it), and how far its top stands below the view's
 * top; undefined at the top of the grid or without a size. O(rows rendered).
 */
function topPlace(): { key: string; offset: number } | undefined {
  if (!grid.clientHeight || grid.scrollTop < 1) return undefined;
  const top = clearTop();
  for (const row of Array.from(grid.querySelectorAll<HTMLElement>('.row[data-row]'))) {
    const cell = row.firstElementChild;
    if (!cell || cell.getBoundingClientRect().bottom <= top) continue;
    const entry = row.querySelector<HTMLElement>('.entry');
    if (entry) return { key: `${entry.dataset.source}:${entry.dataset.sentence}`, offset: cell.getBoundingClientRect().top - top };
  }
  return undefined;
}

/**
 * Scrolls the grid drawn anew so that the row of `place.key` stands where it stood (`topPlace`):
 * cells skipped by `content-visibility` take their real height only near the view, so that the
 * same scroll offset would show other rows. Repeated for a few frames, unless the reader
 * scrolls meanwhile; a sentence no longer shown leaves the scroll as it is.
 */
function keepPlace(place: { key: string; offset: number }): void {
  const at = panel.places.get(place.key);
  if (!at) return;
  if (at.row >= panel.renderedCount) renderChunk(panel.renderToken, at.row);
  const cell = grid.querySelector<HTMLElement>(`.row[data-row="${at.row}"] > .cell`);
  if (!cell) return;
  const settle = () => {
    const off = cell.getBoundingClientRect().top - clearTop() - place.offset;
    if (Math.abs(off) > 0.5) grid.scrollBy({ top: off });
  };
  settle();
  settleScroll(cell, settle);
}

/**
 * What the grid says when it has no row: a filter that hides every row says so; without one, the
 * base has no sentence of an article (a note, a page of chrome alone), and where its lines are
 * boilerplate the Boilerplate box shows them.
 */
function emptyStateText(m: ComparisonModel, filter: RowFilter): string {
  if (filter !== 'all') return 'No rows match this filter.';
  const base = m.sources[m.base];
  if (!base) return 'No rows to show.';
  const lines = base.boilerplateLines;
  return lines > 0 && panel.state.showBoilerplate !== true
    ? lines === 1
      ? `${base.name} has no sentences of an article to compare: its one line is read as boilerplate. Tick Boilerplate to show it as a row.`
      : `${base.name} has no sentences of an article to compare: its ${counted(lines, 'line')} are read as boilerplate. Tick Boilerplate to show them as rows.`
    : `${base.name} has no sentences of an article to compare.`;
}

/** Renders the next chunk, then yields to the browser: thousands of rows never freeze the panel. */
function renderChunk(token: number, until = 0): void {
  const m = panel.model;
  if (token !== panel.renderToken || !m) return;
  const fragment = document.createDocumentFragment();
  const stop = Math.min(panel.rows.length, Math.max(panel.renderedCount + panel.rowsPerChunk, until + 1));
  for (; panel.renderedCount < stop; panel.renderedCount++)
    fragment.append(rowNode(panel.rows[panel.renderedCount], panel.renderedCount, m));
  grid.append(fragment);
  if (panel.renderedCount === Math.min(panel.rows.length, panel.rowsPerChunk) || panel.renderedCount === panel.rows.length) {
    focusCell(panel.focused.row, panel.focused.col, false);
  }
  if (panel.renderedCount < panel.rows.length) requestAnimationFrame(() => renderChunk(token));
  else vscode.postMessage({ type: 'rendered', rows: panel.renderedCount, generation: m.generation });
}

function cellAt(row: number, col: number): HTMLElement | null {
  return (
    grid.querySelector<HTMLElement>(`.cell[data-row="${row}"][data-col="${col}"]`) ??
    grid.querySelector<HTMLElement>(`.cell[data-row="${row}"]`)
  );
}

function focusCell(row: number, col: number, moveFocus = true): HTMLElement | undefined {
  const target = cellAt(row, col);
  if (!target) return undefined;
  grid.querySelectorAll<HTMLElement>('.cell[tabindex="0"]').forEach(c => (c.tabIndex = -1));
  target.tabIndex = 0;
  panel.focused = { row, col: Number(target.dataset.col ?? col) };
  if (moveFocus) {
    panel.placed = true;
    target.focus({ preventScroll: true });
    revealInGrid(target, 'nearest');
  }
  return target;
}

/** Tells the extension which sentence the reader's cursor is on (its tests follow it). */
function reportFocus(cell: HTMLElement | undefined | null, entry = cell?.querySelector<HTMLElement>('.entry')): void {
  vscode.postMessage({
    type: 'focused',
    row: panel.focused.row,
    source: entry ? Number(entry.dataset.source) : undefined,
    sentence: entry ? Number(entry.dataset.sentence) : undefined,
  });
}

function reveal(entry: HTMLElement | null | undefined): void {
  if (!entry || entry.dataset.source === undefined) return;
  vscode.postMessage({ type: 'reveal', source: Number(entry.dataset.source), sentence: Number(entry.dataset.sentence) });
}

/** Marks the cursor's row; -1 clears the mark. */
function markCurrent(index: number): HTMLElement | null {
  grid.querySelectorAll('.row.current').forEach(r => r.classList.remove('current'));
  if (index < 0) return null;
  const row = grid.querySelector<HTMLElement>(`.row[data-row="${index}"]`);
  row?.classList.add('current');
  return row;
}

// The browser scrolls a cell that takes the focus by Tab into view itself, perhaps under the
// sticky header or base column: bring it clear of them (a no-op where it already is).
grid.addEventListener('focusin', e => {
  const cell = (e.target as HTMLElement).closest<HTMLElement>('.cell[data-row]');
  if (cell) revealInGrid(cell, 'nearest');
});

grid.addEventListener('click', e => {
  const target = e.target as HTMLElement;
  const cell = target.closest<HTMLElement>('.cell[data-row]');
  if (!cell) return;
  focusCell(Number(cell.dataset.row), Number(cell.dataset.col));
  reportFocus(cell);
  reveal(target.closest<HTMLElement>('.entry') ?? cell.querySelector<HTMLElement>('.entry'));
});

grid.addEventListener('keydown', e => {
  const columnCount = Math.max(1, panel.columns.length);
  let { row, col } = panel.focused;
  switch (e.key) {
    case 'ArrowDown':
      row = Math.min(panel.rows.length - 1, row + 1);
      if (row >= panel.renderedCount) renderChunk(panel.renderToken, row);
      break;
    case 'ArrowUp':
      row = Math.max(0, row - 1);
      break;
    case 'ArrowRight':
      col = Math.min(columnCount - 1, col + 1);
      break;
    case 'ArrowLeft':
      col = Math.max(0, col - 1);
      break;
    case 'Home':
      row = 0;
      break;
    case 'End':
      row = panel.rows.length - 1;
      renderChunk(panel.renderToken, row);
      break;
    case 'Enter':
    case ' ':
      reveal(cellAt(row, col)?.querySelector<HTMLElement>('.entry'));
      e.preventDefault();
      return;
    default:
      return;
  }
  e.preventDefault();
  reportFocus(focusCell(row, col));
});

/**
 * Where a cell of the grid is in the clear: inside the grid's view, below the sticky header
 * row and, for a cell of another column, right of the sticky base column. Measured when asked,
 * as the columns' widths follow the panel's.
 */
function clearView(cell: HTMLElement): { top: number; bottom: number; left: number; right: number } {
  const view = grid.getBoundingClientRect();
  const header = grid.querySelector<HTMLElement>('.row.header > .cell');
  const base = grid.querySelector<HTMLElement>('.row.header > .cell.base');
  const top = view.top + grid.clientTop;
  const left = view.left + grid.clientLeft;
  return {
    top: top + (header?.offsetHeight ?? 0),
    bottom: top + grid.clientHeight,
    left: left + (cell.classList.contains('base') ? 0 : (base?.offsetWidth ?? 0)),
    right: left + grid.clientWidth,
  };
}

/**
 * Scrolls the grid so that `cell` stands in the clear (`clearView`): from top to bottom by the
 * least distance, or with `center` in the middle; sideways at the base column's edge. Only the
 * grid scrolls: `scrollIntoView` scrolls every box around the cell too, the page itself
 * included, which shifted the toolbar up, and it cannot tell the sticky base column from the
 * cell it covers.
 */
function revealInGrid(cell: HTMLElement, block: 'nearest' | 'center' | 'start'): void {
  const box = cell.getBoundingClientRect();
  const clear = clearView(cell);
  const nearest = (start: number, end: number, from: number, to: number) =>
    start < from ? start - from : end > to ? Math.min(end - to, start - from) : 0;
  const top =
    block === 'center'
      ? (box.top + box.bottom) / 2 - (clear.top + clear.bottom) / 2
      : block === 'start'
        ? box.top - clear.top
        : nearest(box.top, box.bottom, clear.top, clear.bottom);
  // Sideways, a cell out of the clear comes to stand right of the base column: a column's
  // start, where the grid's snapping would put it anyway (see the stylesheet).
  const outside = box.left < clear.left - 0.5 || box.right > clear.right + 0.5;
  const left = cell.classList.contains('base') || !outside ? 0 : box.left - clear.left;
  if (top || left) grid.scrollBy({ top, left });
}

/**
 * Scrolls a cell to the middle of the view. Rows are `display: contents` (no box of their own),
 * so the cell is the target. Cells skipped by `content-visibility` take their real height only
 * once they come near the view, which pushes the target away: for a few frames the scroll is
 * repeated whenever the cell has left the view, unless the reader scrolls meanwhile.
 */
function scrollToCell(cell: HTMLElement, block: 'center' | 'start' = 'center'): void {
  revealInGrid(cell, block);
  settleScroll(cell, () => {
    if (!inClearView(cell, 0)) revealInGrid(cell, block);
  });
}

/**
 * Runs `step` on each of the next `SCROLL_SETTLE_FRAMES` frames while `cell` is shown, unless
 * the reader scrolls meanwhile (or another scroll starts): cells skipped by
 * `content-visibility` take their real height only as they come near the view, which moves
 * what a scroll was aimed at.
 */
function settleScroll(cell: HTMLElement, step: () => void): void {
  const token = ++panel.scrollToken;
  let frames = SCROLL_SETTLE_FRAMES;
  const next = () => {
    if (token !== panel.scrollToken || !cell.isConnected || --frames < 0) return;
    step();
    requestAnimationFrame(next);
  };
  requestAnimationFrame(next);
}

/** Whether `cell` stands within the grid's clear view (`clearView`), give or take `slack` pixels. */
function inClearView(cell: HTMLElement, slack: number): boolean {
  const box = cell.getBoundingClientRect();
  const clear = clearView(cell);
  return (
    box.top >= clear.top - slack && box.bottom <= clear.bottom + slack && box.left >= clear.left - slack && box.right <= clear.right + slack
  );
}
for (const event of ['wheel', 'keydown', 'pointerdown', 'touchstart']) {
  window.addEventListener(
    event,
    () => {
      panel.scrollToken++;
      // The reader has taken the grid in hand: a new base's grid no longer opens by itself.
      panel.opening = undefined;
    },
    { passive: true },
  );
}

/**
 * The editor's cursor is on `sentence` of `source`: mark its row and bring its cell into view.
 * `markOnly` (after a model): only the mark, but a new base's grid opens at that row.
 */
function highlight(source: number, sentence: number, markOnly = false): void {
  const m = panel.model;
  if (!m) return;
  const opens = markOnly && panel.awaitsCursor;
  panel.awaitsCursor = false;
  // A source on another page of columns brings its page into view (not for a mark alone: the
  // reader may have turned the page; but a new base has no page the reader turned to yet).
  if ((!markOnly || opens) && showPageOf(m, source)) render();
  const place = panel.places.get(`${source}:${sentence}`);
  if (!place) {
    markCurrent(-1);
    return;
  }
  if (place.row >= panel.renderedCount) renderChunk(panel.renderToken, place.row);
  markCurrent(place.row);
  if (markOnly) {
    // A new model's cursor cell is the editor cursor's until the reader puts it elsewhere.
    if (!panel.placed) focusCell(place.row, place.col, false);
    if (opens) openAt(source, sentence);
    return;
  }
  const cell = cellAt(place.row, place.col);
  if (cell) {
    scrollToCell(cell);
    focusCell(place.row, place.col, false);
    panel.placed = true;
  }
}

/**
 * The base's first sentence shown (the grid's first row with a cell of the base), or undefined
 * where it has none: where a new base's grid opens when no editor shows a source of its story.
 */
function firstBaseSentence(m: ComparisonModel): { source: number; sentence: number } | undefined {
  const row = panel.rows.find(d => d.lead.kind === 'statement' && d.entries[0]?.length);
  return row && { source: m.base, sentence: row.entries[0][0].cell.sentence };
}

/**
 * Opens a new base's grid at the row of `sentence` of `source`: the statements the base lacks
 * stand before its first sentence, so that a grid opened at its top may show, in a narrow panel,
 * nothing but their empty cells in the base column, their text in columns off to the right. The
 * row is scrolled to the top of the view where it is the base's first, otherwise to the middle
 * (as the cursor's row is when the cursor moves); a row in view already is left where it is. A
 * grid without a size yet (drawn in a hidden tab) is scrolled once it has one.
 */
function openAt(source: number, sentence: number): void {
  panel.opening = { source, sentence };
  revealOpening();
}

/** Scrolls to `panel.opening` (see `openAt`) once the grid has a size. */
function revealOpening(): void {
  const m = panel.model;
  const at = panel.opening;
  if (!m || !at || !grid.clientHeight) return;
  panel.opening = undefined;
  const place = panel.places.get(`${at.source}:${at.sentence}`);
  if (!place) return;
  if (place.row >= panel.renderedCount) renderChunk(panel.renderToken, place.row);
  const cell = cellAt(place.row, place.col);
  if (!cell) return;
  if (!panel.placed) focusCell(place.row, place.col, false);
  if (inClearView(cell, 0.5)) return;
  const first = firstBaseSentence(m);
  const isFirst = first !== undefined && panel.places.get(`${first.source}:${first.sentence}`)?.row === place.row;
  scrollToCell(cell, isFirst ? 'start' : 'center');
}

/** The navigation commands: the next (previous) row of the kind, from the focused row, wrapping around. */
function navigate(target: NavigationTarget, direction: Direction): void {
  const count = panel.rows.length;
  if (!count) return;
  const wanted = (d: DisplayRow) => (target === 'unique' ? d.unique : target === 'fact' ? d.facts === true : d.difference);
  for (let step = 1; step <= count; step++) {
    const index = (((panel.focused.row + direction * step) % count) + count) % count;
    const display = panel.rows[index];
    if (!wanted(display)) continue;
    // A sentence only one source has: its column; otherwise the column the reader is in.
    const lone =
      target === 'unique'
        ? display.entries.findIndex(e => e.some(x => x.row.sourceCount === 1))
        : target === 'fact'
          ? factColumn(display.entries, panel.focused.col)
          : -1;
    if (index >= panel.renderedCount) renderChunk(panel.renderToken, index);
    markCurrent(index);
    const cell = focusCell(index, lone >= 0 ? lone : panel.focused.col);
    if (cell) scrollToCell(cell);
    reportFocus(cell, cell?.querySelector<HTMLElement>(target === 'unique' ? '.entry.only-here' : '.entry'));
    return;
  }
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'model': {
      // A new base (a new panel, a reloaded one, another base): its grid opens at the editor
      // cursor's row, which the extension marks next, or else at the base's first sentence.
      // Later models of the same base keep the reader's scroll.
      const opens = message.model.sources[message.model.base]?.path !== panel.shownBase;
      panel.model = message.model;
      panel.state = { ...message.state, ...stateWithout(message.state) };
      vscode.setState(panel.state);
      panel.focused = { row: 0, col: 0 };
      panel.placed = false;
      panel.opening = undefined;
      render();
      panel.awaitsCursor = opens;
      const first = opens ? firstBaseSentence(message.model) : undefined;
      if (first) openAt(first.source, first.sentence);
      break;
    }
    case 'highlight':
      highlight(message.source, message.sentence, message.markOnly);
      break;
    case 'navigate':
      navigate(message.target, message.direction);
      break;
    case 'status':
      showStatusOnly(message.text);
      break;
  }
});

/**
 * The extension has no model to show (the base cannot be analysed): the last model's rows and
 * toolbar are of other text, and left under the status line they read as this file's. They go,
 * with the cursor's places, until the next model brings a grid back.
 */
function showStatusOnly(text: string): void {
  panel.model = undefined;
  panel.rows = [];
  panel.places = new Map();
  panel.renderedCount = 0;
  // A render still adding rows chunk by chunk stops.
  panel.renderToken++;
  toolbar.replaceChildren();
  grid.replaceChildren();
  toolbar.hidden = grid.hidden = true;
  columnsOutOfView.hide();
  notice.textContent = text;
  // The reader's place went with the grid: the next model opens as a new base's does.
  panel.shownBase = undefined;
}

/** Options the user changed in this webview win over the extension's copy. */
function stateWithout(incoming: PanelState): PanelState {
  const own: PanelState = vscode.getState() ?? {};
  return {
    filter: own.filter ?? incoming.filter,
    showBoilerplate: incoming.showBoilerplate ?? own.showBoilerplate,
    basePath: incoming.basePath,
    firstColumn: own.firstColumn ?? incoming.firstColumn,
  };
}

vscode.postMessage({ type: 'ready' });
