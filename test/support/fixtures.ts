import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SourceInput } from '../../src/core';

export const fixturesDir = join(__dirname, '..', '..', '..', 'test', 'fixtures');
export const seedsDir = join(fixturesDir, 'seeds');

/** The five seed versions, read as the CLI reads them. */
export function seedInputs(): SourceInput[] {
  return readdirSync(seedsDir)
    .filter(f => f.endsWith('.txt'))
    .sort()
    .map(f => ({ id: join(seedsDir, f), text: readFileSync(join(seedsDir, f), 'utf8') }));
}
