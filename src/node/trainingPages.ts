/**
 * The labelled development pages the line model is trained on: every page of the gold sets
 * `dev/pages` and `dev/pages-more` under a shared data folder, with its gold line labels.
 * A page's site is its set and file name (one page per site in these sets).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabelledPage } from '../core/model/lineTraining';

export const TRAINING_SETS = ['pages', 'pages-more'];

/** The pages of the training sets under `sharedDir` (none when the folder is absent), in a fixed order. */
export function readTrainingPages(sharedDir: string): LabelledPage[] {
  const pages: LabelledPage[] = [];
  for (const set of TRAINING_SETS) {
    const dir = join(sharedDir, 'dev', set);
    const goldPath = join(dir, 'gold.json');
    if (!existsSync(goldPath)) continue;
    const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { files: string[]; lines?: Record<string, string[]> };
    for (const file of [...gold.files].sort()) {
      const labels = gold.lines?.[file];
      if (labels) pages.push({ site: `${set}/${file}`, text: readFileSync(join(dir, file), 'utf8'), labels });
    }
  }
  return pages;
}
