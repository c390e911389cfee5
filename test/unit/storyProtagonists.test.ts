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

/** Whether two pages, each given as its sentences, are about different protagonists. */
function apart(x: readonly string[], y: readonly string[]): boolean {
  const { read: pages } = read([x, y]);
  return aboutDifferentProtagonists(pages[0], pages[1]);
}

describe('Protagonists of a page', () => {
  it('reads as names the capitalised words of statements, of 3 letters or more, that are no function words; a title without a stop has none', () => {
    const { names } = read([
      [
        'Officials in Leeds said on Monday that Norvell Dynamics would close the plant.',
        'It was, She said, too late for the EU.',
        'Norvell Dynamics profit rises in Leeds',
      ],
    ]);
    assert.deepEqual(names, [
      { inside: ['leeds', 'monday', 'norvell', 'dynamics'], opening: 'officials' },
      { inside: [], opening: undefined },
      { inside: [], opening: undefined },
    ]);
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

  it('counts a capitalised word that opens a statement as a name where the page writes it inside a statement too', () => {
    const { protagonists } = read([
      ['Acme reported higher sales on Monday.', 'Acme also raised its forecast.', 'Shares of Acme rose.'],
      ['Acme reported higher sales on Monday.', 'Acme also raised its forecast.', 'Shares rose.'],
    ]);
    assert.deepEqual(protagonists, [['acme'], []]);
  });

  it('reads only the sentences flagged, for its protagonists and for the names it states', () => {
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
    assert.deepEqual(
      [...page.names],
      [
        ['porto', 2],
        ['sunday', 1],
      ],
    );
    assert.deepEqual(page.protagonistSentences, [2, 3]);
  });

  it('tells pages apart only where each has protagonists and neither states any of the other’s', () => {
    const calder = ['Shares of Calder Pharma rose on Monday.', 'Analysts said Calder Pharma had done well.'];
    const norvell = ['Shares of Norvell Dynamics rose on Monday.', 'Analysts said Norvell Dynamics had done well.'];
    assert.equal(apart(calder, norvell), true);
    assert.equal(apart(norvell, calder), true);
    assert.equal(apart(calder, [...norvell, 'It had outrun Calder Pharma.']), false, 'the second page states Calder Pharma');
    assert.equal(
      apart(calder, ['Shares rose on Monday.', 'Analysts said the firm had done well.']),
      false,
      'the second page has no protagonist',
    );
  });

  it("reads a name as stated in another ending, spelling, apostrophe or composition: Putin and Putina, Nawalny and Navalny, Зеленский and Зеленского, O’Connell and O'Connell, Müller and Mu\u0308ller, Erdoğan and Erdogan", () => {
    // The second page states the first one's protagonist once, and has a protagonist of its own.
    const pairs = [
      ['Putin', 'Putina'],
      ['Nawalny', 'Navalny'],
      ['Зеленский', 'Зеленского'],
      ['Selenskyj', 'Zelensky'],
      ['O’Connell', "O'Connell"],
      ['Müller', 'Mu\u0308ller'],
      ['Erdoğan', 'Erdogan'],
    ];
    for (const [name, other] of pairs) {
      const x = [`A statement by ${name} came on Monday.`, `Aides to ${name} said more.`];
      const y = [`A statement by ${other} came on Monday.`, 'Aides to Kessler said more.', 'Kessler spoke to Reuters.'];
      assert.equal(apart(x, y), false, `${name} and ${other}`);
    }
    const umbrella = ['Shares of Umbrella rose.', 'Analysts said Umbrella had done well.'];
    assert.equal(
      apart(umbrella, ['Shares of Tyrell rose.', 'Analysts said Tyrell had done well.']),
      true,
      'Umbrella and Tyrell share half their letter pairs',
    );
  });

  it('reads a form shared by several pages from the first in canonical order, whatever the order of the input', () => {
    const sources = [
      { forms: Int32Array.of(0), samples: ['The plant of calder pharma closed.'] },
      { forms: Int32Array.of(0), samples: ['The plant of Calder Pharma closed.'] },
    ];
    const expected = [{ inside: ['calder', 'pharma'], opening: 'the' }];
    assert.deepEqual(formNames(sources, 1, Int32Array.of(1, 0)), expected);
    assert.deepEqual(formNames([...sources].reverse(), 1, Int32Array.of(0, 1)), expected);
  });

  it('finds no names, and so no protagonists, in a script without capital letters', () => {
    const { protagonists } = read([['قال الرئيس عبد الله إن الحكومة ستعمل.', 'وأضاف عبد الله أن الحكومة مستعدة.']]);
    assert.deepEqual(protagonists, [[]]);
  });
});
