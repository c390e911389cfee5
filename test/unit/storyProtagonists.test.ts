import * as assert from 'node:assert/strict';
import { aboutDifferentProtagonists, formNames, pageNames } from '../../src/core/storyProtagonists';

const ENGLISH_FUNCTION_WORDS = new Set(['the', 'of', 'and', 'in', 'on', 'a', 'to', 'its', 'it', 'he', 'she', 'we', 'they', 'i', 'said']);

/** Pages given as their distinct sentences, each text one form, with their sources in the order given. */
function formsOf(pages: readonly (readonly string[])[], functionWords?: ReadonlySet<string>) {
  const ids = new Map<string, number>();
  const sources = pages.map(samples => ({
    forms: Int32Array.from(samples, text => ids.get(text) ?? ids.set(text, ids.size).get(text)!),
    samples,
    functionWords,
  }));
  return {
    sources,
    names: formNames(
      sources,
      ids.size,
      Int32Array.from(pages, (_, s) => s),
    ),
  };
}

/** Names and protagonists of pages given as their distinct sentences, every sentence read. */
function read(pages: readonly (readonly string[])[]) {
  const { sources, names } = formsOf(pages, ENGLISH_FUNCTION_WORDS);
  const read = sources.map(source => pageNames(names, source.forms, new Uint8Array(source.forms.length).fill(1)));
  return { names, read, protagonists: read.map(page => page.protagonists) };
}

describe('Protagonists of a page', () => {
  it('reads as names the capitalised words inside statements: not the first word, a function word, or a title without a stop', () => {
    const { names } = read([
      [
        'Officials in Leeds said on Monday that Norvell Dynamics would close the plant.',
        'It was, He said, too late.',
        'Norvell Dynamics profit rises in Leeds',
      ],
    ]);
    assert.deepEqual(names, [['leeds', 'monday', 'norvell', 'dynamics'], [], []]);
  });

  it('names as protagonists the names in most of its statements, in two at least, and none where no name stands in two', () => {
    const { protagonists } = read([
      [
        'Shares of Calder Pharma rose in Graz on Monday.',
        'The chief executive of Calder Pharma spoke in Graz.',
        'Analysts said Calder Pharma had done well.',
      ],
      ['Rain fell on Tuesday in Porto.', 'The river in Lyon rose.'],
    ]);
    assert.deepEqual(protagonists, [['calder', 'pharma'], []]);
  });

  it('reads only the sentences flagged as the page’s own, for its protagonists and for the names it states', () => {
    const { sources, names } = formsOf([
      [
        'Shares of Calder Pharma rose.',
        'Analysts said Calder Pharma had done well.',
        'A fire hit Porto on Sunday.',
        'Crews in Porto worked all night.',
      ],
    ]);
    const page = pageNames(names, sources[0].forms, Uint8Array.from([0, 0, 1, 1]));
    assert.deepEqual(page.protagonists, ['porto']);
    assert.deepEqual(page.sorted, ['porto', 'sunday']);
  });

  it('tells pages apart only where each has protagonists and neither states any of the other’s', () => {
    const pages = read([
      ['Shares of Calder Pharma rose on Monday.', 'Analysts said Calder Pharma had done well.'],
      ['Shares of Norvell Dynamics rose on Monday.', 'Analysts said Norvell Dynamics had done well.'],
      ['Shares of Norvell Dynamics rose on Monday.', 'Analysts said Norvell Dynamics had outrun Calder Pharma.'],
      ['Shares rose on Monday.', 'Analysts said the firm had done well.'],
    ]);
    const apart = (a: number, b: number) => aboutDifferentProtagonists(pages.read[a], pages.read[b]);
    assert.equal(apart(0, 1), true);
    assert.equal(apart(1, 0), true);
    assert.equal(apart(0, 2), false, 'the third page states Calder Pharma');
    assert.equal(apart(0, 3), false, 'the fourth page has no protagonist');
  });

  it('reads a name in another case ending or spelling as stated: Аткинса and Аткинс, Zelenskyy and Zelensky', () => {
    const { read: pages, protagonists } = read([
      ['Диета Аткинса учитывает особенности организма.', 'Идеолог диеты, доктор Аткинса, требует воздержания.'],
      ['Доктор Аткинс требует воздержания.', 'Тот же принцип использует доктор Аткинс.'],
      ['A statement by Zelenskyy came on Monday.', 'Aides to Zelenskyy said more.'],
      ['A statement by Zelensky came late.', 'Aides to Zelensky said more.'],
    ]);
    assert.deepEqual(protagonists[0], ['аткинса']);
    assert.deepEqual(protagonists[1], ['аткинс']);
    assert.equal(aboutDifferentProtagonists(pages[0], pages[1]), false);
    assert.equal(aboutDifferentProtagonists(pages[2], pages[3]), false);
  });

  it('reads a form shared by several pages from the first in canonical order, whatever the order of the input', () => {
    const sources = [
      { forms: Int32Array.of(0), samples: ['The plant of calder pharma closed.'] },
      { forms: Int32Array.of(0), samples: ['The plant of Calder Pharma closed.'] },
    ];
    assert.deepEqual(formNames(sources, 1, Int32Array.of(1, 0)), [['calder', 'pharma']]);
    assert.deepEqual(formNames([...sources].reverse(), 1, Int32Array.of(0, 1)), [['calder', 'pharma']]);
  });

  it('finds no names, and so no protagonists, in a script without capital letters', () => {
    const { protagonists } = read([['قال الرئيس عبد الله إن الحكومة ستعمل.', 'وأضاف عبد الله أن الحكومة مستعدة.']]);
    assert.deepEqual(protagonists, [[]]);
  });
});
