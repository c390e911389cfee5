import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toExportFormat1 } from '../../src/core';
import { analyzeCorpus } from '../../src/core/analyzer';
import { seedInputs, seedsDir } from '../support/fixtures';

interface Scores {
  boiler: { f1: number; contentKept: number };
  align: { f1: number };
}

interface GoldSet {
  files: string[];
  groups: { file: string }[][];
}

/** The scorer `npm run eval` uses, an ES module: TypeScript would turn import() into require(). */
interface GoldScorer {
  scoreAgainstGold: (dir: string, analysis: unknown) => Scores;
  goldOfVersions: (gold: GoldSet, files: readonly string[]) => GoldSet;
  scoreGold: (gold: GoldSet, analysis: unknown) => { align: { tp: number; fp: number; fn: number } };
}

function loadScorer(): Promise<GoldScorer> {
  const scorer = join(__dirname, '..', '..', '..', 'scripts', 'gold-score.mjs');
  const load = new Function('url', 'return import(url)') as (url: string) => Promise<GoldScorer>;
  return load(pathToFileURL(scorer).href);
}

describe('accuracy on the hand-labelled seeds', () => {
  let scores: Scores;
  before(async () => {
    const { scoreAgainstGold } = await loadScorer();
    scores = scoreAgainstGold(seedsDir, toExportFormat1(analyzeCorpus(seedInputs())));
  });

  it('marks boilerplate with F1 of at least 0.97', () => assert.ok(scores.boiler.f1 >= 0.97, String(scores.boiler.f1)));
  it('keeps at least 99% of article lines', () => assert.ok(scores.boiler.contentKept >= 0.99, String(scores.boiler.contentKept)));
  it('aligns sentences with link F1 of at least 0.85', () => assert.ok(scores.align.f1 >= 0.85, String(scores.align.f1)));
});

describe('accuracy on every pair of the seeds', () => {
  let gold: GoldSet;
  let goldOfVersions: GoldScorer['goldOfVersions'];
  let scoreGold: GoldScorer['scoreGold'];
  before(async () => {
    ({ goldOfVersions, scoreGold } = await loadScorer());
    gold = JSON.parse(readFileSync(join(seedsDir, 'gold.json'), 'utf8')) as GoldSet;
  });

  it('cuts the gold down to two versions: only the groups both carry, with their sentences in them', () => {
    const [a, b] = gold.files;
    const cut = goldOfVersions(gold, [a, b]);
    assert.deepEqual(cut.files, [a, b]);
    assert.ok(cut.groups.length > 0 && cut.groups.length < gold.groups.length);
    for (const group of cut.groups) assert.deepEqual(new Set(group.map(s => s.file)), new Set([a, b]));
  });

  it('aligns the versions two at a time with link F1 of at least 0.80 over all pairs', () => {
    const inputs = new Map(seedInputs().map(input => [basename(input.id), input]));
    const tally = { tp: 0, fp: 0, fn: 0 };
    gold.files.forEach((a, i) =>
      gold.files.slice(i + 1).forEach(b => {
        const pair = [inputs.get(a)!, inputs.get(b)!];
        const { align } = scoreGold(goldOfVersions(gold, [a, b]), toExportFormat1(analyzeCorpus(pair)));
        tally.tp += align.tp;
        tally.fp += align.fp;
        tally.fn += align.fn;
      }),
    );
    const f1 = (2 * tally.tp) / (2 * tally.tp + tally.fp + tally.fn);
    assert.ok(f1 >= 0.8, `${f1} from ${JSON.stringify(tally)}`);
  });
});
