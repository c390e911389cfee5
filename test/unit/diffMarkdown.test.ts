import * as assert from 'node:assert/strict';
import { diffMarkdown, markableSegments } from '../../src/diffMarkdown';
import { pick, seededRandom } from '../support/random';

/** The text a markdown renderer shows for `markdown` (escapes undone), and the runs it marks. */
function rendered(markdown: string): { text: string; struck: string[]; bold: string[] } {
  const struck: string[] = [];
  const bold: string[] = [];
  // Marks are delimiters that no escaped character can form, as the hover writes them.
  const text = markdown
    .replace(/~~((?:\\.|[^~\\])+)~~/g, (_, inner: string) => (struck.push(unescape(inner)), ''))
    .replace(/\*\*((?:\\.|[^*\\])+)\*\*/g, (_, inner: string) => (bold.push(unescape(inner)), unescape(inner)));
  return { text: unescape(text).replace(/ +/g, ' ').trim(), struck, bold };
}

const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

describe('Word differences in the hover', () => {
  it('strikes the word a possessive is glued to and shows the whole new word in bold', () => {
    const markdown = diffMarkdown('The Monday night meeting was the first.', 'The Monday night’s meeting was the first.');
    assert.equal(markdown, 'The Monday ~~night~~ **night’s** meeting was the first\\.');
  });

  it('marks a changed number on its own, the full stop after it left as it stands', () => {
    assert.equal(
      diffMarkdown('for the first time since 2014.', 'for the first time since 2013.'),
      'for the first time since ~~2014~~ **2013**\\.',
    );
  });

  it('takes the rest of the word a hyphenated prefix is glued to', () => {
    assert.equal(
      diffMarkdown('talks with Assad in Moscow', 'talks with al-Assad in Moscow'),
      'talks with ~~Assad~~ **al\\-Assad** in Moscow',
    );
  });

  it('marks a changed quotation mark with the word it is glued to', () => {
    assert.equal(
      diffMarkdown('he called it "a success" then', 'he called it “a success” then'),
      'he called it ~~\\"a~~ **“a** ~~success\\"~~ **success”** then',
    );
  });

  it('changes whole words in a script written without spaces, as its dictionary tells them', () => {
    assert.equal(diffMarkdown('东京今天下雨了。', '东京明天下雨了。'), '东京~~今天~~ **明天**下雨了。');
  });

  it('shows every character of document text escaped, so no mark, link or tag in it takes effect', () => {
    const markdown = diffMarkdown('See the report.', 'See the **report** [here](command:evil) <img src=x>.');
    assert.doesNotMatch(markdown.replace(/\*\*(?:\\.|[^*\\])+\*\*/g, ''), /(?<!\\)[*[\]()<>]/);
    assert.equal(rendered(markdown).text, 'See the **report** [here](command:evil) <img src=x>.');
  });

  it('reads back as the other wording, with the reference wording in its struck and same runs, for seeded rewordings', () => {
    const random = seededRandom(21);
    const words = [
      'the',
      'minister',
      'said',
      'night’s',
      'al-Assad',
      '2014.',
      '“quote”',
      '(AP)',
      'rebel-held',
      'on',
      'Monday,',
      'five',
      '5',
    ];
    for (let n = 0; n < 300; n++) {
      const from = Array.from({ length: 3 + Math.floor(random() * 8) }, () => pick(random, words));
      const other = from.flatMap(word =>
        random() < 0.2 ? [] : random() < 0.2 ? [pick(random, words)] : random() < 0.1 ? [word, pick(random, words)] : [word],
      );
      const [a, b] = [from.join(' '), other.join(' ')];
      const segments = markableSegments(a, b);
      const back = (side: 'removed' | 'added') => segments.map(s => (s.kind === 'same' ? s.text : s[side])).join('');
      // As `wordDiff` gives them: up to case, and to spaces at the ends of its runs.
      const loose = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
      assert.equal(loose(back('removed')), loose(a), `${a} → ${b}`);
      assert.equal(loose(back('added')), loose(b), `${a} → ${b}`);
      const shown = rendered(diffMarkdown(a, b));
      assert.equal(shown.text.replace(/ /g, '').toLowerCase(), b.replace(/ /g, '').toLowerCase(), `${a} → ${b}`);
      for (let k = 1; k < segments.length; k++)
        assert.ok(!(segments[k - 1].kind === 'change' && segments[k].kind === 'change'), 'changes stand apart');
    }
  });
});
