import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toExportFormat1 } from '../../src/core';
import { analyzeCorpus } from '../../src/core/analyzer';
import { seedInputs, seedsDir } from '../support/fixtures';

interface Scores {
  boiler: { f1: number; contentKept: number };
  align: { f1: number };
}

describe('accuracy on the hand-labelled seeds', () => {
  let scores: Scores;
  before(async () => {
    const scorer = join(__dirname, '..', '..', '..', 'scripts', 'gold-score.mjs');
    // The scorer is an ES module shared with `npm run eval`; TypeScript would turn import() into require().
    const load = new Function('url', 'return import(url)') as (
      url: string,
    ) => Promise<{ scoreAgainstGold: (dir: string, a: unknown) => Scores }>;
    const { scoreAgainstGold } = await load(pathToFileURL(scorer).href);
    scores = scoreAgainstGold(seedsDir, toExportFormat1(analyzeCorpus(seedInputs())));
  });

  it('marks boilerplate with F1 of at least 0.97', () => assert.ok(scores.boiler.f1 >= 0.97, String(scores.boiler.f1)));
  it('keeps at least 99% of article lines', () => assert.ok(scores.boiler.contentKept >= 0.99, String(scores.boiler.contentKept)));
  it('aligns sentences with link F1 of at least 0.85', () => assert.ok(scores.align.f1 >= 0.85, String(scores.align.f1)));
});
