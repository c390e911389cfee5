/**
 * The comparison panel's script. Builds the grid from the model with DOM calls and
 * `textContent` only (document text is never parsed as HTML), renders large models in chunks
 * so the panel stays responsive, and keeps its options with `setState`.
 */
import { cellOf } from '../protocol';
import type { CellModel, ComparisonModel, FromWebview, PanelState, RowFilter, RowModel, ToWebview } from '../protocol';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): PanelState | undefined;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
/** Cells rendered per frame: rows per chunk shrink as columns grow. */
const CELLS_PER_CHUNK = 2400;
const MAX_ROWS_PER_CHUNK = 120;
/**
 * Beyond this many other sources the grid shows them a page at a time beside the base: a grid
 * of hundreds of columns costs the browser a layout of every cell on every change, and no
 * reader takes in more columns than a screen holds.
 */
const COLUMNS_PER_PAGE = 20;
let rowsPerChunk = MAX_ROWS_PER_CHUNK;
/** The sources shown as columns, left to right. */
let columns: number[] = [];

let model: ComparisonModel | undefined;
let state: PanelState = vscode.getState() ?? {};
let visibleRows: RowModel[] = [];
let renderedCount = 0;
let renderToken = 0;
let focused = { row: 0, col: 0 };
/** The base column last brought into view: a refresh of the same base keeps the reader's scroll. */
let shownBase: string | undefined;

const toolbar = document.getElementById('toolbar')!;
const notice = document.getElementById('notice')!;
const grid = document.getElementById('grid')!;

const FILTERS: readonly [RowFilter, string][] = [
  ['all', 'All'],
  ['sharedByAll', 'Shared by all'],
  ['uniqueToOne', 'Only in one source'],
  ['reworded', 'Reworded'],
];

function saveState(patch: PanelState): void {
  state = { ...state, ...patch };
  vscode.setState(state);
  vscode.postMessage({ type: 'stateChanged', state });
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function matches(row: RowModel, filter: RowFilter, sourceCount: number): boolean {
  if (row.kind === 'boilerplate') return state.showBoilerplate === true && filter === 'all';
  switch (filter) {
    case 'sharedByAll':
      return row.sourceCount === sourceCount;
    case 'uniqueToOne':
      return row.sourceCount === 1;
    case 'reworded':
      return row.reworded;
    default:
      return true;
  }
}

/** The other sources (all but the base), in order: what the column pages divide. */
function othersOf(m: ComparisonModel): number[] {
  const others: number[] = [];
  for (let s = 0; s < m.sources.length; s++) if (s !== m.base) others.push(s);
  return others;
}

/** The base, then the page of other sources that starts at `state.firstColumn`. */
function pageColumns(m: ComparisonModel): number[] {
  if (m.sources.length <= COLUMNS_PER_PAGE + 1) return m.sources.map((_, i) => i);
  const others = othersOf(m);
  const first = clampPage(state.firstColumn ?? 0, others.length);
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
  const current = clampPage(state.firstColumn ?? 0, others);
  if (at < 0 || (at >= current && at < current + COLUMNS_PER_PAGE)) return false;
  saveState({ firstColumn: clampPage(Math.floor(at / COLUMNS_PER_PAGE) * COLUMNS_PER_PAGE, others) });
  return true;
}

function renderPager(m: ComparisonModel): HTMLElement | undefined {
  const others = m.sources.length - 1;
  if (others <= COLUMNS_PER_PAGE) return undefined;
  const first = clampPage(state.firstColumn ?? 0, others);
  const pager = el('div', 'pager');
  pager.setAttribute('role', 'group');
  pager.setAttribute('aria-label', 'Other sources shown as columns');
  const turn = (label: string, title: string, to: number, enabled: boolean) => {
    const button = el('button', 'page', label);
    button.title = title;
    button.setAttribute('aria-label', title);
    button.disabled = !enabled;
    button.addEventListener('click', () => {
      saveState({ firstColumn: clampPage(to, others) });
      render();
    });
    return button;
  };
  pager.append(
    turn('‹', `Previous ${COLUMNS_PER_PAGE} sources`, first - COLUMNS_PER_PAGE, first > 0),
    el('span', 'range', `Sources ${first + 1}–${Math.min(others, first + COLUMNS_PER_PAGE)} of ${others} others`),
    turn('›', `Next ${COLUMNS_PER_PAGE} sources`, first + COLUMNS_PER_PAGE, first + COLUMNS_PER_PAGE < others),
  );
  return pager;
}

function renderToolbar(m: ComparisonModel): void {
  toolbar.replaceChildren();
  const filterGroup = el('div', 'filters');
  filterGroup.setAttribute('role', 'radiogroup');
  filterGroup.setAttribute('aria-label', 'Show rows');
  const current = state.filter ?? 'all';
  for (const [value, label] of FILTERS) {
    const count = m.rows.filter(r => r.kind === 'statement' && matches(r, value, m.sources.length)).length;
    const button = el('button', 'filter', `${label} (${count})`);
    button.setAttribute('role', 'radio');
    button.setAttribute('aria-checked', String(value === current));
    button.addEventListener('click', () => {
      saveState({ filter: value });
      render();
    });
    filterGroup.append(button);
  }
  const baseLabel = el('label', 'base', 'Base ');
  const select = el('select');
  m.sources.forEach((s, i) => {
    const option = el('option', undefined, s.name);
    option.value = String(i);
    option.selected = i === m.base;
    select.append(option);
  });
  select.addEventListener('change', () => vscode.postMessage({ type: 'setBase', source: Number(select.value) }));
  baseLabel.append(select);
  const boilerplate = el('label', 'toggle');
  const checkbox = el('input');
  checkbox.type = 'checkbox';
  checkbox.checked = state.showBoilerplate === true;
  checkbox.addEventListener('change', () => {
    saveState({ showBoilerplate: checkbox.checked });
    vscode.postMessage({ type: 'setShowBoilerplate', show: checkbox.checked });
  });
  boilerplate.append(checkbox, document.createTextNode(' Show boilerplate of the base'));
  toolbar.append(filterGroup, baseLabel, boilerplate);
  const pager = renderPager(m);
  if (pager) toolbar.append(pager);
}

function renderHeader(m: ComparisonModel): HTMLElement {
  const header = el('div', 'row header');
  header.setAttribute('role', 'row');
  columns.forEach(i => {
    const s = m.sources[i];
    const cell = el('div', i === m.base ? 'cell head base' : 'cell head');
    cell.setAttribute('role', 'columnheader');
    cell.title = s.path;
    cell.append(el('div', 'name', s.name));
    cell.append(el('div', 'counts', `${s.shared} of ${s.sentences} shared · ${s.boilerplateLines} boilerplate`));
    if (i === m.base) cell.append(el('div', 'badge', 'base'));
    header.append(cell);
  });
  return header;
}

function cellNode(row: RowModel, cell: CellModel | undefined, rowIndex: number, col: number, isBase: boolean): HTMLElement {
  const node = el('div', 'cell');
  node.setAttribute('role', 'gridcell');
  node.dataset.row = String(rowIndex);
  node.dataset.col = String(col);
  node.tabIndex = -1;
  if (!cell) {
    node.classList.add('empty');
    node.setAttribute('aria-label', 'not in this source');
    node.textContent = '—';
    return node;
  }
  const [source, sentence, wordingIndex, moved] = cell;
  const wording = row.wordings[wordingIndex];
  node.dataset.source = String(source);
  node.dataset.sentence = String(sentence);
  if (wording.diff && wording.diff.length) {
    for (const part of wording.diff) {
      const span = el('span', part.kind === 'same' ? undefined : part.kind, part.text);
      if (part.kind === 'removed') span.title = 'not in this source (in the reference wording)';
      if (part.kind === 'added') span.title = 'only in this source';
      node.append(span);
    }
  } else {
    node.append(document.createTextNode(wording.text));
  }
  const meta = el('div', 'meta');
  if (!isBase || wording.similarity < 1) meta.append(el('span', 'similarity', `${Math.round(wording.similarity * 100)}%`));
  if (moved) meta.append(el('span', 'moved', 'moved'));
  if (meta.childElementCount) node.append(meta);
  return node;
}

function rowNode(row: RowModel, index: number, m: ComparisonModel): HTMLElement {
  const node = el('div', `row ${row.kind}`);
  node.setAttribute('role', 'row');
  node.dataset.row = String(index);
  if (row.kind === 'boilerplate') {
    const cell = el('div', 'cell boilerplate-line', row.text ?? '');
    cell.setAttribute('role', 'gridcell');
    cell.dataset.row = String(index);
    cell.dataset.col = String(m.base);
    cell.tabIndex = -1;
    cell.style.gridColumn = `1 / span ${columns.length}`;
    cell.append(el('span', 'reason', row.reason ? ` · ${row.reason}` : ''));
    node.append(cell);
    return node;
  }
  if (row.sourceCount === 1) node.classList.add('unique');
  columns.forEach((source, col) => node.append(cellNode(row, cellOf(row, source), index, col, source === m.base)));
  return node;
}

function render(): void {
  const m = model;
  if (!m) return;
  renderToolbar(m);
  notice.textContent = m.notice ?? '';
  grid.replaceChildren();
  columns = pageColumns(m);
  grid.style.setProperty('--columns', String(columns.length));
  const header = renderHeader(m);
  grid.append(header);
  const basePath = m.sources[m.base]?.path;
  if (basePath !== shownBase) {
    shownBase = basePath;
    header.children[columns.indexOf(m.base)]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  const filter = state.filter ?? 'all';
  visibleRows = m.rows.filter(r => matches(r, filter, m.sources.length));
  rowsPerChunk = Math.max(1, Math.min(MAX_ROWS_PER_CHUNK, Math.floor(CELLS_PER_CHUNK / Math.max(1, columns.length))));
  renderedCount = 0;
  const token = ++renderToken;
  if (!visibleRows.length) grid.append(el('div', 'empty-state', 'No rows match this filter.'));
  renderChunk(token);
}

/** Renders the next chunk, then yields to the browser: thousands of rows never freeze the panel. */
function renderChunk(token: number, until = 0): void {
  if (token !== renderToken || !model) return;
  const m = model;
  const fragment = document.createDocumentFragment();
  const stop = Math.min(visibleRows.length, Math.max(renderedCount + rowsPerChunk, until + 1));
  for (; renderedCount < stop; renderedCount++) fragment.append(rowNode(visibleRows[renderedCount], renderedCount, m));
  grid.append(fragment);
  if (renderedCount === Math.min(visibleRows.length, rowsPerChunk) || renderedCount === visibleRows.length) {
    focusCell(focused.row, focused.col, false);
  }
  if (renderedCount < visibleRows.length) requestAnimationFrame(() => renderChunk(token));
  else vscode.postMessage({ type: 'rendered', rows: renderedCount, generation: m.generation });
}

function cellAt(row: number, col: number): HTMLElement | null {
  return grid.querySelector<HTMLElement>(`.cell[data-row="${row}"][data-col="${col}"]`) ?? grid.querySelector<HTMLElement>(`.cell[data-row="${row}"]`);
}

function focusCell(row: number, col: number, moveFocus = true): void {
  const target = cellAt(row, col);
  if (!target) return;
  grid.querySelectorAll<HTMLElement>('.cell[tabindex="0"]').forEach(c => (c.tabIndex = -1));
  target.tabIndex = 0;
  focused = { row, col: Number(target.dataset.col ?? col) };
  if (moveFocus) {
    target.focus();
    target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
}

function reveal(cell: HTMLElement): void {
  if (cell.dataset.source === undefined) return;
  vscode.postMessage({ type: 'reveal', source: Number(cell.dataset.source), sentence: Number(cell.dataset.sentence) });
}

grid.addEventListener('click', e => {
  const cell = (e.target as HTMLElement).closest<HTMLElement>('.cell[data-row]');
  if (!cell) return;
  focusCell(Number(cell.dataset.row), Number(cell.dataset.col));
  reveal(cell);
});

grid.addEventListener('keydown', e => {
  const columnCount = Math.max(1, columns.length);
  let { row, col } = focused;
  switch (e.key) {
    case 'ArrowDown':
      row = Math.min(visibleRows.length - 1, row + 1);
      if (row >= renderedCount) renderChunk(renderToken, row);
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
      row = visibleRows.length - 1;
      renderChunk(renderToken, row);
      break;
    case 'Enter':
    case ' ': {
      const cell = cellAt(row, col);
      if (cell) reveal(cell);
      e.preventDefault();
      return;
    }
    default:
      return;
  }
  e.preventDefault();
  focusCell(row, col);
});

let scrollToken = 0;
/** How many frames a scroll to a cell is checked and repeated (about a third of a second). */
const SCROLL_SETTLE_FRAMES = 20;

/**
 * Scrolls a cell to the middle of the view. Rows are `display: contents` (no box of their own),
 * so the cell is the target. Cells skipped by `content-visibility` take their real height only
 * once they come near the view, which pushes the target away: for a few frames the scroll is
 * repeated whenever the cell has left the view, unless the reader scrolls meanwhile.
 */
function scrollToCell(cell: HTMLElement): void {
  const token = ++scrollToken;
  cell.scrollIntoView({ block: 'center', inline: 'nearest' });
  let frames = SCROLL_SETTLE_FRAMES;
  const check = () => {
    if (token !== scrollToken || !cell.isConnected || --frames < 0) return;
    const box = cell.getBoundingClientRect();
    const view = grid.getBoundingClientRect();
    if (box.top < view.top || box.bottom > view.bottom) cell.scrollIntoView({ block: 'center', inline: 'nearest' });
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
for (const event of ['wheel', 'keydown', 'pointerdown', 'touchstart']) {
  window.addEventListener(event, () => scrollToken++, { passive: true });
}

function highlight(source: number, sentence: number): void {
  const index = visibleRows.findIndex(r => cellOf(r, source)?.[1] === sentence);
  grid.querySelectorAll('.row.current').forEach(r => r.classList.remove('current'));
  if (index < 0 || !model) return;
  // A source on another page of columns brings its page into view.
  if (showPageOf(model, source)) render();
  if (index >= renderedCount) renderChunk(renderToken, index);
  const row = grid.querySelector<HTMLElement>(`.row[data-row="${index}"]`);
  if (!row) return;
  row.classList.add('current');
  const col = columns.indexOf(source);
  const cell = col < 0 ? null : cellAt(index, col);
  if (cell) {
    scrollToCell(cell);
    grid.querySelectorAll<HTMLElement>('.cell[tabindex="0"]').forEach(c => (c.tabIndex = -1));
    cell.tabIndex = 0;
    focused = { row: index, col };
  }
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'model':
      model = message.model;
      state = { ...message.state, ...stateWithout(message.state) };
      vscode.setState(state);
      focused = { row: 0, col: pageColumns(message.model).indexOf(message.model.base) };
      render();
      break;
    case 'highlight':
      highlight(message.source, message.sentence);
      break;
    case 'status':
      notice.textContent = message.text;
      break;
  }
});

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
