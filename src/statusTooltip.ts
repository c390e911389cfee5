/**
 * The status bar item's tooltip, free of `vscode` so that its wording is tested on its own:
 * how many sources the active file's story has and what a click does, then any notice of the
 * corpus (limits hit).
 */

/** Said of a file no other source of its folder retells; the comparison panel says the same. */
export const ALONE_TOOLTIP = 'No other source here tells this story, so there is nothing to compare it with.';

/** The tooltip for a story of `sources` sources, with the corpus's `notice` where it has one. */
export function statusTooltip(sources: number, notice?: string): string {
  const lead = sources < 2 ? ALONE_TOOLTIP : `${sources} sources compared. Click to compare them side by side.`;
  return notice ? `${lead}\n\n${notice}` : lead;
}
