/**
 * The status bar item's tooltip, free of `vscode` so that its wording is tested on its own:
 * how many sources the active file's story has and what a click does, then any notice of the
 * corpus (limits hit).
 */

import { counted } from './plural';

/** Said of a file no other source of its folder retells; the comparison panel says the same. */
export const ALONE_TOOLTIP = 'No other source here tells this story, so there is nothing to compare it with.';

/** What the item counts of the active file: its sentences, those its story's other sources share, and its boilerplate lines. */
export interface StatusCounts {
  readonly sentences: number;
  readonly shared: number;
  readonly boilerplateLines: number;
  /** The sources of the file's story, the file's own included. */
  readonly sources: number;
}

/**
 * The item's text, short enough for the status bar of a narrow window, where a longer one is
 * cut off: "Synoptic: 15/16 shared · 29 boilerplate"; the tooltip says it in full.
 */
export function statusText(counts: StatusCounts): string {
  const boilerplate = `${counts.boilerplateLines} boilerplate`;
  return counts.sources < 2
    ? `Synoptic: a story of one · ${boilerplate}`
    : `Synoptic: ${counts.shared}/${counts.sentences} shared · ${boilerplate}`;
}

/**
 * The tooltip for a story of `sources` sources, with the corpus's `notice` where it has one,
 * led by what the item's text counts, in full, where `counts` are given.
 */
export function statusTooltip(sources: number, notice?: string, counts?: StatusCounts): string {
  const lead = sources < 2 ? ALONE_TOOLTIP : `${sources} sources compared. Click to compare them side by side.`;
  const lines = counted(counts?.boilerplateLines ?? 0, 'boilerplate line');
  const full =
    counts &&
    (counts.sources < 2
      ? `${lines}.`
      : `${counts.shared} of ${counted(counts.sentences, 'sentence')} shared with other sources · ${lines}.`);
  return [full, lead, notice].filter(Boolean).join('\n\n');
}
