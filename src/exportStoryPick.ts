/** The Export Comparison command's question "which story": its items, free of `vscode` so that their wording is tested on its own. */
import { NO_TITLE, Story } from './stories';

/** An item of the story picker: the story's index, or `'all'` for every story at once. */
export interface StoryPickItem {
  readonly story: number | 'all';
  readonly label: string;
  readonly description: string;
}

/**
 * The picker's item for `stories[story]`: its title (`NO_TITLE` for a story without one, as the
 * CLI and the HTML export call it), its number of sources, and whether it is the active file's.
 */
export function storyPickItem(stories: readonly Story[], story: number, active: number | undefined): StoryPickItem {
  const sources = stories[story].sources.length;
  return {
    story,
    label: stories[story].title || NO_TITLE,
    description: `${sources} source${sources === 1 ? '' : 's'}${story === active ? ' · the active file’s story' : ''}`,
  };
}
