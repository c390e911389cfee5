import * as assert from 'node:assert/strict';
import { pageForm, pageVariant } from '../../src/core/model/pageVariants';
import { detectStopwords } from '../../src/core/stopwords';
import { hasSpacelessScript, words } from '../../src/core/text';

describe('page forms without sentence punctuation', () => {
  const page = [
    'He said "we will go."',
    'The U.S. index rose 3.5 pct. Then it fell!',
    '...',
    'What now?  ',
    'देश में चुनाव हुआ।',
    'Read more at www.example.com',
  ].join('\r\n');

  it('takes the sentence terminals off the end of each line, before closing quotes, and keeps the rest', () => {
    assert.deepEqual(pageVariant(page, 'noFinalStops').split('\r\n'), [
      'He said "we will go"',
      'The U.S. index rose 3.5 pct. Then it fell',
      '...',
      'What now  ',
      'देश में चुनाव हुआ',
      'Read more at www.example.com',
    ]);
  });

  it('takes every word-final terminal off, and keeps the stops inside words and numbers', () => {
    assert.deepEqual(pageVariant(page, 'noSentenceStops').split('\r\n'), [
      'He said "we will go"',
      'The U.S index rose 3.5 pct Then it fell',
      '...',
      'What now  ',
      'देश में चुनाव हुआ',
      'Read more at www.example.com',
    ]);
  });

  it('keeps the number of lines of a page', () => {
    const text = 'One.\n\nTwo!\n.\n\n';
    for (const v of ['noFinalStops', 'noSentenceStops'] as const)
      assert.deepEqual(pageVariant(text, v).split('\n'), ['One', '', 'Two', '.', '', '']);
  });
});

describe('page form in a language without a function-word list', () => {
  const latin = 'abcdefghijklmnopqrstuvwxyz';
  const cyrillic = 'абвгдежзийклмнопрстуфхцчшщъыьэюя';
  /** The letter half its alphabet on, looked up in the alphabet as written. */
  const rotated = (ch: string) => {
    for (const alphabet of [latin, cyrillic]) {
      const lower = ch.toLowerCase();
      const at = alphabet.indexOf(lower);
      if (at < 0) continue;
      const out = alphabet[(at + alphabet.length / 2) % alphabet.length];
      return ch === lower ? out : out.toUpperCase();
    }
    return ch;
  };
  const english = 'The minister said on Monday that the talks would go on, and that both sides were ready to meet again in the spring.';
  const russian = 'Министр заявил в понедельник, что переговоры будут продолжены и что обе стороны готовы встретиться снова.';

  it('moves each Latin and Cyrillic letter half its alphabet on, keeping case, digits, marks and other scripts', () => {
    const text = `${english}\n${russian}\nÄrger 2019: «Ёж», في المدينة 3.5%`;
    assert.equal(pageVariant(text, 'unlistedLanguage'), [...text].map(rotated).join(''));
    assert.equal(pageVariant('The Cat, 12 ноября.', 'unlistedLanguage'), 'Gur Png, 12 эюпсап.');
  });

  it('gives the page back when applied twice', () => {
    const text = `${english}\n\n${russian}\n`;
    assert.equal(pageVariant(pageVariant(text, 'unlistedLanguage'), 'unlistedLanguage'), text);
  });

  it('leaves no function-word list to recognise the language by', () => {
    for (const [text, language] of [
      [english, 'en'],
      [russian, 'ru'],
    ]) {
      const lower = (t: string) => words(t).map(w => w.toLowerCase());
      assert.equal(detectStopwords(lower(text)).language, language);
      assert.equal(detectStopwords(lower(pageVariant(text, 'unlistedLanguage'))).language, 'und');
    }
  });
});

describe('page form in a script without capitals', () => {
  it('sets every letter in lower case and keeps the lines', () => {
    assert.equal(
      pageVariant('Home | World News\r\n\r\nThe U.S. Senate, ЦИК и Минфин.', 'caseless'),
      'home | world news\r\n\r\nthe u.s. senate, цик и минфин.',
    );
  });
});

describe('page form of a language that writes its short function words as prefixes', () => {
  const text = [
    'Home | World | In the News',
    '',
    'The mayor said in a statement that the new bridge over the river will open in May, and that it was built by the city.',
    'Read more at www.example.com',
  ].join('\r\n');

  it('writes each function word of at most three letters onto the next word, a run of them onto the word after the run, and keeps longer ones, other words and the lines', () => {
    assert.deepEqual(pageVariant(text, 'gluedFunctionWords').split('\r\n'), [
      'Home | World | IntheNews',
      '',
      'Themayor said inastatement that thenew bridge over theriver will open inMay, andthat itwasbuilt bythecity.',
      'Read more atwww.example.com',
    ]);
  });

  it('leaves a line less than half its share of function words, in two thirds of its words or fewer', () => {
    const lower = (t: string) => words(t).map(w => w.toLowerCase());
    const share = (t: string) => {
      const ws = lower(t);
      const profile = detectStopwords(ws);
      return ws.filter(w => profile.words.has(w)).length / ws.length;
    };
    const line = text.split('\r\n')[2];
    const glued = pageVariant(line, 'gluedFunctionWords');
    assert.ok(share(glued) < share(line) / 2, `${share(glued)} against ${share(line)}`);
    assert.ok(words(glued).length < (words(line).length * 2) / 3);
  });
});

describe('page form in a script without spaces between words', () => {
  const IDEOGRAPH = /^[\u4e00-\u9fff]$/u;

  it('writes each Latin and Cyrillic word as ideographs, one per three letters or part of three, the same for every case of the word', () => {
    const out = pageVariant('Cat dog CAT Dog Москва run', 'spacelessScript');
    // 1 + 1 + 1 + 1 + 2 + 1 ideographs, and no space left between them.
    assert.equal(out.length, 7);
    assert.ok([...out].every(ch => IDEOGRAPH.test(ch)));
    assert.equal(out[2], out[0]);
    assert.equal(out[3], out[1]);
    assert.notEqual(out[0], out[1]);
  });

  it('sets sentence punctuation after a word in full width without the spaces after it, and keeps digits, stops inside words, other scripts and the lines', () => {
    const text = ['He left at 3.5 pm. Then: rain, snow!', '', '  • Read www.example.com', 'في المدينة 12'].join('\r\n');
    const lines = pageVariant(text, 'spacelessScript').split('\r\n');
    assert.equal(lines.length, 4);
    assert.match(lines[0], /^[\u4e00-\u9fff]+ 3\.5 [\u4e00-\u9fff]+。[\u4e00-\u9fff]+：[\u4e00-\u9fff]+，[\u4e00-\u9fff]+！$/u);
    assert.equal(lines[1], '');
    assert.match(lines[2], /^ {2}• [\u4e00-\u9fff]+\.[\u4e00-\u9fff]+\.[\u4e00-\u9fff]+$/u);
    assert.equal(lines[3], 'في المدينة 12');
  });

  it('is read word by word by a segmenter, as a page in Chinese is', () => {
    const out = pageVariant('The minister said on Monday that the talks would go on.', 'spacelessScript');
    assert.ok(!out.includes(' '));
    const ws = words(out);
    assert.ok(ws.length > 1);
    assert.ok(ws.every(hasSpacelessScript));
  });

  it('keeps every line apart, whatever its line breaks', () => {
    for (const variant of ['spacelessScript', 'spacelessScriptNoStops'] as const) {
      for (const text of ['Home\nWorld news', 'Home\rWorld news', 'Home\r\nWorld news.\r\n\r\nThe end', 'One, two.\nThree']) {
        const lines = (t: string) => t.split(/\r\n|\r|\n/u).length;
        assert.equal(lines(pageVariant(text, variant)), lines(text), `${variant}: ${JSON.stringify(text)}`);
      }
    }
  });

  it('without its sentence ends and pauses, as Thai is written, leaves a space in their place inside a line', () => {
    const lines = pageVariant('He left at 3.5 pm. Then it rained, a lot!\r\nThe end.', 'spacelessScriptNoStops').split('\r\n');
    assert.match(lines[0], /^[\u4e00-\u9fff]+ 3\.5 [\u4e00-\u9fff]+ [\u4e00-\u9fff]+ [\u4e00-\u9fff]+$/u);
    assert.match(lines[1], /^[\u4e00-\u9fff]+$/u);
  });
});

describe('page forms of the headline', () => {
  const text = ['Menu', '', "Mother's day: the town's station gets a new signal box ", 'It will open in May.'].join('\r\n');
  const labels = ['boilerplate', 'blank', 'content', 'content'];

  it('ends the first article line in a full stop, capitalises its words or sets it in capitals, and leaves every other line', () => {
    const lines = (v: 'headlineFullStop' | 'headlineTitleCase' | 'headlineUpperCase') => pageVariant(text, v, labels).split('\r\n');
    assert.deepEqual(lines('headlineFullStop'), [
      'Menu',
      '',
      "Mother's day: the town's station gets a new signal box.",
      'It will open in May.',
    ]);
    assert.deepEqual(lines('headlineTitleCase'), [
      'Menu',
      '',
      "Mother's Day: The Town's Station Gets A New Signal Box ",
      'It will open in May.',
    ]);
    assert.deepEqual(lines('headlineUpperCase'), [
      'Menu',
      '',
      "MOTHER'S DAY: THE TOWN'S STATION GETS A NEW SIGNAL BOX ",
      'It will open in May.',
    ]);
  });

  it('adds no second stop to a headline that has one, and leaves a page without article lines as it is', () => {
    assert.equal(pageVariant('Menu\nAll is well!\n', 'headlineFullStop', ['boilerplate', 'content', 'blank']), 'Menu\nAll is well!\n');
    assert.equal(pageVariant(text, 'headlineUpperCase', ['boilerplate', 'blank', 'meta', 'blank']), text);
  });
});

describe('page forms of another layout', () => {
  const text = ['Menu', '', 'First paragraph.', '', '', '  • item', 'Last line.'].join('\n');
  const labels = ['boilerplate', 'blank', 'content', 'blank', 'blank', 'content', 'content'];

  it('sets every non-blank line in by four spaces and keeps the labels', () => {
    const form = pageForm(text, 'indented', labels);
    assert.deepEqual(form.text.split('\n'), ['    Menu', '', '    First paragraph.', '', '', '      • item', '    Last line.']);
    assert.equal(form.labels, labels);
  });

  it('doubles every blank line or takes each out, each label following its line', () => {
    const doubled = pageForm(text, 'doubledBlankLines', labels);
    assert.deepEqual(doubled.text.split('\n'), ['Menu', '', '', 'First paragraph.', '', '', '', '', '  • item', 'Last line.']);
    assert.deepEqual(doubled.labels, [
      'boilerplate',
      'blank',
      'blank',
      'content',
      'blank',
      'blank',
      'blank',
      'blank',
      'content',
      'content',
    ]);
    const none = pageForm(text, 'noBlankLines', labels);
    assert.deepEqual(none.text.split('\n'), ['Menu', 'First paragraph.', '  • item', 'Last line.']);
    assert.deepEqual(none.labels, ['boilerplate', 'content', 'content', 'content']);
  });

  it('takes out both the blank lines and the final stops for the bare form, each label following its line', () => {
    const bare = pageForm(text, 'bareLines', labels);
    assert.deepEqual(bare.text.split('\n'), ['Menu', 'First paragraph', '  • item', 'Last line']);
    assert.deepEqual(bare.labels, ['boilerplate', 'content', 'content', 'content']);
    const none = pageForm(text, 'noBlankLines', labels);
    assert.equal(bare.text, pageForm(none.text, 'noFinalStops', none.labels).text);
  });

  it('takes out the blank lines and writes the rest as Thai is written for the bare form in a script without spaces, each label following its line', () => {
    const bare = pageForm(text, 'spacelessScriptBare', labels);
    const none = pageForm(text, 'noBlankLines', labels);
    assert.equal(bare.text, pageForm(none.text, 'spacelessScriptNoStops', none.labels).text);
    assert.deepEqual(bare.labels, ['boilerplate', 'content', 'content', 'content']);
    assert.equal(bare.text.split('\n').length, 4);
    assert.doesNotMatch(bare.text, /[.。a-z]/);
  });

  it('sets each run of short list items of one label on one line, separators in turn, each label following its line', () => {
    // Each line of the page with its label.
    const page: [string, string][] = [
      ['Site', 'boilerplate'],
      ['  • Home', 'boilerplate'],
      ['  • World news', 'boilerplate'],
      ['  • Sport', 'boilerplate'],
      ['', 'blank'],
      ['First paragraph.', 'content'],
      ['  • A single item', 'content'],
      ['', 'blank'],
      ['  * Tag one', 'boilerplate'],
      ['  * Tag two', 'boilerplate'],
      ['  • Steps of the recipe in one item of six words', 'content'],
      ['  • Mix it', 'content'],
      ['  • Bake it\r', 'content'],
      ['  • Serve it\r', 'boilerplate'],
    ];
    const form = pageForm(
      page.map(([line]) => line).join('\n'),
      'inlineLists',
      page.map(([, label]) => label),
    );
    const lines = form.text.split('\n');
    assert.deepEqual(
      lines.map((line, i) => [line, form.labels[i]]),
      [
        ['Site', 'boilerplate'],
        ['Home | World news | Sport', 'boilerplate'],
        ['', 'blank'],
        ['First paragraph.', 'content'],
        ['  • A single item', 'content'],
        ['', 'blank'],
        ['Tag one · Tag two', 'boilerplate'],
        ['  • Steps of the recipe in one item of six words', 'content'],
        ['Mix it • Bake it\r', 'content'],
        ['  • Serve it\r', 'boilerplate'],
      ],
    );
    assert.equal(form.labels.length, lines.length);
  });
});
