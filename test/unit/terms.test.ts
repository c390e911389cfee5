import * as assert from 'node:assert/strict';
import { functionWordsOf } from '../../src/core/stopwords';
import { QUOTED, SALIENT, contentTermKeys, contentTerms, quotationParts } from '../../src/core/terms';

const english = { language: 'en', words: functionWordsOf('en')! };

/** The vocabulary keys of a sentence's terms, sorted, and those of its salient terms. */
function termsOf(text: string, vocabulary = new Map<string, number>()) {
  const terms = contentTerms(text, english, vocabulary);
  const keyOf = new Map([...vocabulary].map(([key, id]) => [id, key]));
  const keys = terms.ids.map(id => keyOf.get(id)!);
  return { all: [...keys].sort(), salient: keys.filter((_, k) => terms.salient[k] & SALIENT).sort() };
}

describe('content terms', () => {
  it('reads a figure with group separators as one number, so that "1,200" and "1200" meet', () => {
    const vocabulary = new Map<string, number>();
    const grouped = termsOf('The ferry carried 1,200 passengers across the bay.', vocabulary);
    const plain = termsOf('About 1200 passengers crossed the bay by ferry.', vocabulary);
    assert.equal(grouped.salient.length, 1);
    assert.deepEqual(grouped.salient, plain.salient);
  });

  it('meets the inflected forms of a short word in each language with a stemmer, which its first letters alone do not', () => {
    const forms: readonly [string, string, string][] = [
      ['da', 'Huset brændte i nat.', 'To huse blev ødelagt.'],
      ['nb', 'Huset brant i natt.', 'To hus ble ødelagt, og husene må rives.'],
      ['fi', 'Talo paloi yöllä.', 'Talon katto romahti.'],
      ['hu', 'A ház leégett.', 'A házban senki sem volt.'],
      ['ro', 'Luna a răsărit târziu.', 'Lumina lunii a fost slabă.'],
      ['el', 'Ο νόμος ψηφίστηκε.', 'Η ψήφιση του νόμου καθυστέρησε.'],
      ['sr', 'Град је поплављен.', 'Становници града су евакуисани.'],
      ['sh', 'Grad je poplavljen.', 'Stanovnici grada su evakuirani.'],
      ['lt', 'Namas sudegė naktį.', 'Namo stogas įgriuvo.'],
      ['hi', 'लड़का स्कूल गया।', 'लड़के मैदान में खेले।'],
    ];
    for (const [language, one, other] of forms) {
      const profile = { language, words: functionWordsOf(language)! };
      const vocabulary = new Map<string, number>();
      const a = contentTerms(one, profile, vocabulary).ids;
      const b = contentTerms(other, profile, vocabulary).ids;
      assert.equal(a.filter(id => b.includes(id)).length, 1, `${language}: ${one} / ${other}`);
    }
  });

  it('keeps a clock time and a decimal whole, so that they do not meet their parts elsewhere', () => {
    const vocabulary = new Map<string, number>();
    const time = contentTerms('The train left at 7:15 from the northern platform.', english, vocabulary);
    const parts = contentTerms('Seven people were hurt, 15 of them badly.', english, vocabulary);
    assert.deepEqual(
      time.ids.filter(id => parts.ids.includes(id)),
      [],
    );
    const decimal = contentTerms('Prices rose 2.5 percent in the spring.', english, vocabulary);
    const whole = contentTerms('Two people and 5 dogs were rescued.', english, vocabulary);
    assert.deepEqual(
      decimal.ids.filter(id => whole.ids.includes(id)),
      [],
    );
  });

  it('reads a word with a soft hyphen or a zero-width space inside as the word without them, as the compared form does', () => {
    const plain = contentTermKeys('Residents were evacuated from the flooded district.', english).keys;
    const hyphenated = contentTermKeys('Residents were evac\u00aduated from the flood\u200bed dis\u00adtrict.', english).keys;
    assert.deepEqual(hyphenated, plain);
  });

  it('keeps digits that are part of a name or a code in that word', () => {
    const { all } = termsOf('Leaders of the G7 met the makers of the Falcon-9 rocket.');
    assert.ok(all.includes('g7'), all.join(' '));
    assert.ok(all.includes('falcon-9'), all.join(' '));
  });

  it('reads words glued to a character reference as the words a reader of the page saw', () => {
    const vocabulary = new Map<string, number>();
    const mangled = termsOf('Rescuers reached the remotenbsp;village on Sunday, quot;at lastquot; one said.', vocabulary);
    const clean = termsOf('Rescuers reached the remote village on Sunday, "at last" one said.', vocabulary);
    assert.deepEqual(mangled.all, clean.all);
  });

  it('flags the words of a quotation that opens its sentence as quoted, also where only the closing mark is left', () => {
    const quotedOf = (text: string) => {
      const vocabulary = new Map<string, number>();
      const terms = contentTerms(text, english, vocabulary);
      const keyOf = new Map([...vocabulary].map(([key, id]) => [id, key]));
      return terms.ids
        .filter((_, k) => terms.salient[k] & QUOTED)
        .map(id => keyOf.get(id)!)
        .sort();
    };
    assert.deepEqual(quotedOf('“We rebuilt the bridge in nine weeks,” the mayor said on Friday.'), ['bridg', 'nine', 'rebuil', 'week']);
    assert.deepEqual(quotedOf('We rebuilt the bridge in nine weeks,” the mayor said on Friday.'), ['bridg', 'nine', 'rebuil', 'week']);
    assert.deepEqual(quotedOf('«Nous avons reconstruit le pont» a dit la maire.').length > 0, true);
    // A quotation further on is part of a reported statement, not the statement itself.
    assert.deepEqual(quotedOf('The mayor said the bridge was rebuilt “in nine weeks” by the city.'), []);
    assert.deepEqual(quotedOf('The mayor said the bridge was rebuilt in nine weeks.'), []);
  });

  it('cuts a sentence into its quoted and unquoted parts in order', () => {
    assert.deepEqual(quotationParts('“Yes,” she said, “and soon.”'), [
      { text: 'Yes,', quoted: true },
      { text: ' she said, ', quoted: false },
      { text: 'and soon.', quoted: true },
    ]);
    assert.deepEqual(quotationParts('He said "no" twice.'), [
      { text: 'He said ', quoted: false },
      { text: 'no', quoted: true },
      { text: ' twice.', quoted: false },
    ]);
    assert.deepEqual(quotationParts('and soon,” she said.'), [
      { text: 'and soon,', quoted: true },
      { text: ' she said.', quoted: false },
    ]);
    assert.deepEqual(quotationParts('„Ja“, sagte sie.'), [
      { text: 'Ja', quoted: true },
      { text: ', sagte sie.', quoted: false },
    ]);
  });

  it('reads words by the function words of the profile at hand: a copy of a language’s list reads as the list, another list of that language by its own words', () => {
    const text = 'The ferry carried the passengers across the bay.';
    const original = contentTermKeys(text, english).keys;
    const copy = { language: 'en', words: new Set(english.words) };
    const own = { language: 'en', words: new Set(['ferry', 'bay']) };
    assert.deepEqual(contentTermKeys(text, copy).keys, original);
    const keys = contentTermKeys(text, own).keys;
    assert.ok(keys.includes('the') && !keys.some(key => key.startsWith('ferr')), keys.join(' '));
    assert.deepEqual(contentTermKeys(text, english).keys, original);
  });
});
