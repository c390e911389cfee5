import * as assert from 'node:assert/strict';
import { nearDuplicateFamilies } from '../../src/core/families';
import { FormNumbering, FormSpace } from '../../src/core/forms';
import type { FormId, SpaceId, WordingId } from '../../src/core/ids';
import { SourceSet } from '../../src/core/sourceSet';

describe('id spaces', () => {
  const numbering = new FormNumbering();
  const formIds = numbering.numbersOf([{ form: 'the army stormed the city' }, { form: 'the army took the city' }]);
  const space = new FormSpace(numbering.forms);
  const spaceIds: SpaceId[] = numbering.forms.map(form => space.idOf(form));
  const sets = [new SourceSet(2, [0]), new SourceSet(2, [1])];
  const order = [0, 1] as WordingId[];

  it('refuses at compile time a form id where a space id is meant, and a plain number where a wording id is meant', () => {
    // Each `@ts-expect-error` fails the compilation of the tests if the line after it compiles;
    // the calls are never made.
    const misuses = [
      // @ts-expect-error form ids are not space ids
      () => nearDuplicateFamilies(space.index(0.85), [formIds[0], formIds[1]] as FormId[], sets, order),
      // @ts-expect-error a plain number is not a wording id
      () => nearDuplicateFamilies(space.index(0.85), spaceIds, sets, [0, 1]),
    ];
    assert.equal(misuses.length, 2);
  });

  it('groups two similar wordings of different sources into one family when given space ids', () => {
    assert.deepEqual(nearDuplicateFamilies(space.index(0.5), spaceIds, sets, order), [[0, 1]]);
  });
});
