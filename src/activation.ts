/**
 * Whether Synoptic speaks about a source (marks, hover, status item, title-bar button): only
 * where there is a corpus, so a folder of notes or code comments is left alone. No `vscode`
 * here; the setting `synoptic.activation` chooses the mode.
 */
import type { CorpusAnalysis } from './core';
import { storiesOf, storyOfSource } from './stories';

/** `corpus`: where the rules below find one; `always`: every text file; `never`: nowhere. */
export type ActivationMode = 'corpus' | 'always' | 'never';

export interface ActivationOptions {
  /** Sentences a source must share with other sources of its story to count as one of its versions. Default 2. */
  readonly minSharedSentences?: number;
  /** Different kinds of boilerplate a page dump shows (menus, forms, copyright, …). Default 3. */
  readonly minBoilerplateKinds?: number;
  /** Article sentences a page dump has besides its boilerplate. Default 2. */
  readonly minArticleSentences?: number;
}

/**
 * Boilerplate reasons that only web pages show: a list of notes has bullet lists ("list of short
 * links") and lines without sentence structure, but no site menu, form, copyright line or
 * readers' comment thread.
 */
const PAGE_CHROME = new Set(['navigation list', 'copyright notice', 'form field', 'comment thread']);

export type ActivationReason = 'always' | 'never' | 'story' | 'page' | 'none';

/**
 * Whether source `source` of `analysis` gets Synoptic's marks, and why. In `corpus` mode a
 * source qualifies when it shares at least `minSharedSentences` sentences with other sources
 * of its story (it is one version among others), or when it looks like a page dump: at least
 * `minArticleSentences` article sentences, and page chrome (a site menu, a form, a copyright
 * line, a readers' comment thread) or boilerplate of at least `minBoilerplateKinds` kinds
 * around them. So a single web page
 * in a story of one still has its chrome marked, while notes (short lines, bullet lists, a few
 * sentences) are left alone. O(lines + sentences of the source + stories).
 */
export function activationOf(
  analysis: CorpusAnalysis,
  source: number,
  mode: ActivationMode,
  options: ActivationOptions = {},
): ActivationReason {
  if (mode === 'always' || mode === 'never') return mode;
  const minShared = options.minSharedSentences ?? 2;
  const minKinds = options.minBoilerplateKinds ?? 3;
  const minSentences = options.minArticleSentences ?? 2;
  const analysed = analysis.sources[source];
  if (!analysed) return 'none';
  const story = storyOfSource(storiesOf(analysis), source);
  if (story && story.sources.length > 1 && sharedWithinStory(analysis, source, story.sources) >= minShared) return 'story';
  const kinds = new Set<string>();
  for (const line of analysed.lines) if (line.kind === 'boilerplate') kinds.add(line.reason ?? '');
  if (analysed.sentences.length < minSentences) return 'none';
  if (kinds.size >= minKinds || [...kinds].some(kind => PAGE_CHROME.has(kind))) return 'page';
  return 'none';
}

/** True when `activationOf` lets Synoptic speak. */
export function speaks(reason: ActivationReason): boolean {
  return reason === 'always' || reason === 'story' || reason === 'page';
}

/** How many sentences of `source` have a counterpart in another source of `storySources`. */
function sharedWithinStory(analysis: CorpusAnalysis, source: number, storySources: readonly number[]): number {
  const inStory = new Set(storySources);
  let shared = 0;
  for (const group of analysis.sources[source].groupOfSentence) {
    if (group < 0) continue;
    if (analysis.groups[group].members.some(m => m.source !== source && inStory.has(m.source))) shared++;
  }
  return shared;
}

/** The setting's value, read leniently: anything unknown is the default, `corpus`. */
export function activationMode(value: unknown): ActivationMode {
  return value === 'always' || value === 'never' ? value : 'corpus';
}
