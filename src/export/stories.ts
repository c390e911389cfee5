/**
 * The stories of an analysis for the exports: the same as the extension's (`../stories.ts`),
 * one implementation for both.
 */
export { storiesOf, storyTitle } from '../stories';
export type { Story } from '../stories';
