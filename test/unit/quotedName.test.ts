import * as assert from 'node:assert/strict';
import { quotedName, unbrokenLine } from '../../src/node/quotedName';

describe('file names in line-based reports', () => {
  it('prints a plain name as it is, backslashes, spaces, quotes inside and other scripts too', () => {
    for (const name of ['story.txt', 'a b.txt', 'C:\\news\\a.txt', 'say "hi".txt', 'новости.txt', 'خبر.txt']) {
      assert.equal(quotedName(name), name);
    }
  });

  it('quotes a name with a newline, a tab or another control character, escaping it in C style', () => {
    assert.equal(quotedName('one\nline.txt'), '"one\\nline.txt"');
    assert.equal(quotedName('tab\there.txt'), '"tab\\there.txt"');
    assert.equal(quotedName('cr\r.txt'), '"cr\\r.txt"');
    assert.equal(quotedName('bell\u0007.txt'), '"bell\\u0007.txt"');
    assert.equal(quotedName('sep\u2028.txt'), '"sep\\u2028.txt"');
    assert.equal(quotedName('a\\b\n"c".txt'), '"a\\\\b\\n\\"c\\".txt"');
  });

  it('quotes a name with a mark that sets the direction of the text after it, which would reorder the line on screen', () => {
    assert.equal(quotedName('invoice\u202Etxt.exe'), '"invoice\\u202etxt.exe"');
    assert.equal(quotedName('a\u2066b\u2069.txt'), '"a\\u2066b\\u2069.txt"');
    assert.equal(quotedName('\u200Fخبر.txt'), '"\\u200fخبر.txt"');
    // Right-to-left letters need no mark: they print as they are.
    assert.equal(quotedName('خبر عاجل.txt'), 'خبر عاجل.txt');
  });

  it('quotes a name that starts with a double quote, so that it is never read as quoted', () => {
    assert.equal(quotedName('"quoted".txt'), '"\\"quoted\\".txt"');
  });

  it('never prints a line break or a tab', () => {
    for (let code = 0; code < 0x3000; code++) {
      const shown = quotedName(`a${String.fromCharCode(code)}b`);
      assert.doesNotMatch(shown, /[\n\r\t\u2028\u2029\u0085]/, `U+${code.toString(16)}`);
    }
  });

  it('keeps a message naming such a file on one line, its other characters as they are', () => {
    assert.equal(unbrokenLine('no\nsuch "file".txt: no such file'), 'no\\nsuch "file".txt: no such file');
    assert.equal(unbrokenLine('a\tb\u202ec\\d'), 'a\\tb\\u202ec\\d');
    assert.equal(unbrokenLine('خبر عاجل.txt: no such file'), 'خبر عاجل.txt: no such file');
  });
});
