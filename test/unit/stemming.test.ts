import * as assert from 'node:assert/strict';
import { stemmerFor } from '../../src/core/stemming';
import { seededRandom } from '../support/random';

/** Letters of the languages with a stemmer, marks and all, to draw words from. */
const LETTERS: Readonly<Record<string, string>> = {
  ar: 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى',
  da: 'abcdefghijklmnopqrstuvwxyzæøå',
  de: 'abcdefghijklmnopqrstuvwxyzäöüß',
  el: 'αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ',
  en: "abcdefghijklmnopqrstuvwxyz'",
  es: 'abcdefghijklmnopqrstuvwxyzáéíñóúü',
  fi: 'abcdefghijklmnopqrstuvwxyzåäö',
  fr: 'abcdefghijklmnopqrstuvwxyzàâçéèêëîïôûùüÿœ',
  hi: 'अआइईउऊएऐओऔकखगघचछजझटठडढणतथदधनपफबभमयरलवशषसहािीुूेैोौंःँ्ृ़',
  hu: 'aábcdeéfghiíjklmnoóöőpqrstuúüűvwxyz',
  id: 'abcdefghijklmnopqrstuvwxyz',
  it: 'abcdefghijklmnopqrstuvwxyzàèéìòù',
  lt: 'aąbcčdeęėfghiįyjklmnoprsštuųūvzž',
  nb: 'abcdefghijklmnopqrstuvwxyzæøå',
  nl: 'abcdefghijklmnopqrstuvwxyzëïé',
  pt: 'abcdefghijklmnopqrstuvwxyzáâãàçéêíóôõú',
  ro: 'aăâbcdefghiîjklmnopqrsștțuvwxyzşţ',
  ru: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
  sh: 'abcčćdđefghijklmnoprsštuvzž',
  sr: 'абвгдђежзијклљмнњопрстћуфхцчџш',
  sv: 'abcdefghijklmnopqrstuvwxyzåäö',
  tr: 'abcçdefgğhıijklmnoöprsştuüvyz',
  uk: 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя',
};

describe('stemming', () => {
  it('stems any word of the languages with a stemmer (seeded random words of their letters)', () => {
    const random = seededRandom(20261202);
    for (const [language, letters] of Object.entries(LETTERS)) {
      const stem = stemmerFor(language);
      const alphabet = [...letters];
      let changed = 0;
      for (let n = 0; n < 3000; n++) {
        const length = 1 + Math.floor(random() * 14);
        const word = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
        const stemmed = stem(word);
        assert.ok(typeof stemmed === 'string' && stemmed.length > 0, `${language}: ${word} → ${stemmed}`);
        if (stemmed !== word) changed++;
      }
      assert.ok(changed > 0, `${language}: no word stemmed`);
    }
  });

  it('stems Romanian s and t with a cedilla as those with a comma below', () => {
    const stem = stemmerFor('ro');
    assert.equal(stem('oraşul'), stem('orașul'));
    assert.equal(stem('anunţat'), stem('anunțat'));
  });

  it('keeps the words of a language without a stemmer as they are', () => {
    assert.equal(stemmerFor('bg')('правителството'), 'правителството');
    assert.equal(stemmerFor('und')('landings'), 'landings');
  });
});
