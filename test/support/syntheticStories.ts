/** The seeded corpus generator of the benchmark and the eval (`scripts/synthetic-stories.mjs`), for tests. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A generated corpus: its pages, and per story the pages that tell it. */
export interface SyntheticCorpus {
  files: { id: string; text: string }[];
  stories: number[][];
}

/** The generator, as far as the tests use it. */
export interface SyntheticStories {
  syntheticStories(count: number, random: () => number, options?: Record<string, number | string>): SyntheticCorpus;
  readonly STORY_SHAPES: readonly (readonly [string, Record<string, number | string>])[];
  sparseCorpus(corpus: SyntheticCorpus, random: () => number): SyntheticCorpus;
}

/** The generator module, an ES module that these CommonJS tests load with a dynamic import (which TypeScript would turn into a require). */
export function loadSyntheticStories(): Promise<SyntheticStories> {
  const load = new Function('url', 'return import(url)') as (url: string) => Promise<SyntheticStories>;
  return load(pathToFileURL(join(__dirname, '..', '..', '..', 'scripts', 'synthetic-stories.mjs')).href);
}
