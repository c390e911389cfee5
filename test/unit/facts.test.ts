import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { CorpusAnalysis, FactChange, SentenceGroup, SourceInput, createAnalyzer, toExportFormat1 } from '../../src/core';
import { storyOrder } from '../../src/core/origin';
import { ChangeCache, PlacedChange, changesAgainst, classifyChanges, factTokens, tidyRange } from '../../src/core/changes';
import { asciiDigits, digitValue, numberLexicon } from '../../src/core/numbers';
import { isProperAdjective } from '../../src/core/factWords';
import { comparePublished, dateOfLine, findPublished, writesMonthFirst } from '../../src/core/published';
import { splitLines } from '../../src/core/text';
import { textReport } from '../../src/export/textReport';
import { storiesListing } from '../../src/export/stories';
import { exportTables } from '../../src/export/table';
import { toHtml } from '../../src/export/html';
import { toTei } from '../../src/export/tei';
import { accessibleLabel, hoverLine } from '../../src/factText';
import { fixturesDir, seedInputs } from '../support/fixtures';
import { seededRandom } from '../support/random';
import { validateExport } from '../support/schema';

const factsDir = join(fixturesDir, 'facts');

function inputsOf(dir: string): SourceInput[] {
  return readdirSync(join(factsDir, dir))
    .filter(f => f.endsWith('.txt'))
    .sort()
    .map(f => ({ id: f, text: readFileSync(join(factsDir, dir, f), 'utf8') }));
}

function analyse(inputs: readonly SourceInput[]): CorpusAnalysis {
  return createAnalyzer({}, { expectEdits: false }).analyze(inputs);
}

/** The changes of the member of `source` in the group that holds the sentence of `source` containing `words`. */
function changesAt(analysis: CorpusAnalysis, source: number, words: string): readonly FactChange[] {
  const sentence = analysis.sources[source].sentences.findIndex(s => s.text.includes(words));
  assert.ok(sentence >= 0, `no sentence with "${words}"`);
  const group = analysis.groups[analysis.sources[source].groupOfSentence[sentence]];
  assert.ok(group, `"${words}" is in no group`);
  const member = group.members.find(m => m.source === source && m.sentence === sentence)!;
  return member.changes ?? [];
}

const kinds = (changes: readonly FactChange[]) => changes.map(c => c.kind);
/** The kinds of the changes from `base` to `other` in `language`. */
const kindsIn = (language: string, base: string, other: string) => kinds(classifyChanges(base, other, language));

describe('Changed facts', () => {
  const inputs = inputsOf('changed');
  const analysis = analyse(inputs);
  const edited = inputs.findIndex(i => i.id === 'edited.txt');
  const reprint = inputs.findIndex(i => i.id === 'reprint.txt');

  it('finds a changed number as a number, with both figures', () => {
    const changes = changesAt(analysis, edited, 'some 5 million');
    assert.deepEqual(kinds(changes), ['number']);
    assert.equal(changes[0].base, '4 million');
    assert.equal(changes[0].other, '5 million');
  });

  it('finds changed words inside quotation marks as a quote', () => {
    const changes = changesAt(analysis, edited, 'I am delighted');
    assert.deepEqual(kinds(changes), ['quote']);
    assert.deepEqual([changes[0].base, changes[0].other], ['happy', 'delighted']);
  });

  it('finds another name as a name, not a spelling variant', () => {
    const changes = changesAt(analysis, edited, 'city of Homs');
    assert.deepEqual(kinds(changes), ['name']);
    assert.deepEqual([changes[0].base, changes[0].other, changes[0].variant], ['Daraa', 'Homs', undefined]);
  });

  it('finds another speaker before a speech verb as an attribution', () => {
    const changes = changesAt(analysis, edited, 'the Kremlin said');
    assert.deepEqual(kinds(changes), ['attribution']);
    assert.deepEqual([changes[0].base, changes[0].other], ['TV', 'Kremlin']);
  });

  it('finds an added negation as a negation', () => {
    const changes = changesAt(analysis, edited, 'did not bring');
    assert.deepEqual(kinds(changes), ['negation']);
    assert.match(changes[0].other, /\bnot\b/);
  });

  it('reports a synonym as wording only', () => {
    assert.deepEqual(kinds(changesAt(analysis, edited, 'a lengthy meeting')), ['wording']);
  });

  it('reports no change for identical sentences, nor for the anchor', () => {
    for (const sentence of analysis.sources[reprint].sentences.keys()) {
      const group = analysis.groups[analysis.sources[reprint].groupOfSentence[sentence]];
      for (const m of group.members) if (m.source !== edited) assert.equal(m.changes?.length ?? 0, 0);
    }
    assert.deepEqual(classifyChanges('The meeting was long.', 'The meeting was long.', 'en'), []);
  });

  it('places each change in the member sentence it lies in', () => {
    for (const g of analysis.groups) {
      for (const m of g.members) {
        const text = analysis.sources[m.source].sentences[m.sentence].text;
        for (const c of m.changes ?? []) if (c.otherRange) assert.equal(text.slice(c.otherRange[0], c.otherRange[1]), c.other);
      }
    }
  });

  it('exports each change with its kind and both texts, valid against the schema', () => {
    const json = toExportFormat1(analysis);
    assert.deepEqual(validateExport(json), []);
    const exported = json.groups.flatMap(g => g.members.flatMap(m => m.changes ?? []));
    assert.deepEqual(exported.map(c => c.kind).sort(), ['attribution', 'name', 'negation', 'number', 'quote', 'wording']);
    assert.ok(exported.some(c => c.kind === 'number' && c.base === '4 million' && c.other === '5 million'));
  });

  it('lists the changed facts per story in the text report, without the wording changes', () => {
    const report = textReport(
      analysis,
      inputs.map(i => i.id),
    );
    const section = report.slice(report.indexOf('Changed facts, story 1'));
    assert.match(section, /number: 4 million → 5 million in edited\.txt/);
    assert.match(section, /name: Daraa → Homs in edited\.txt/);
    assert.doesNotMatch(section, /wording:/);
  });
});

describe('Changed facts left out', () => {
  it('gives the analysis with every member as it is but for its changes, and the same exports and list of stories', () => {
    for (const inputs of [inputsOf('changed'), seedInputs()]) {
      const full = createAnalyzer().analyze(inputs);
      const without = createAnalyzer({ facts: { memberChanges: false } }).analyze(inputs);
      assert.ok(full.groups.some(g => g.members.some(m => m.changes?.length)));
      const stripped: CorpusAnalysis = {
        ...full,
        groups: full.groups.map(g => ({ ...g, members: g.members.map(({ changes: _, ...m }) => m) })),
      };
      assert.deepEqual(without, stripped);
      const paths = inputs.map(i => i.id);
      assert.equal(storiesListing(without, paths), storiesListing(full, paths));
      const tables = (analysis: CorpusAnalysis) => exportTables({ analysis, paths });
      assert.deepEqual(tables(without), tables(full));
      assert.equal(toHtml({ analysis: without, paths }), toHtml({ analysis: full, paths }));
      assert.equal(toTei({ analysis: without, paths }), toTei({ analysis: full, paths }));
    }
  });
});

describe('Changed facts where a page leaves its language undetermined', () => {
  it('compares the versions all the same: an undetermined language is no other language', () => {
    // Hebrew writes many of its function words onto the next word, so a page with few of the
    // rest falls under the list's threshold while its reprint, with more, does not.
    const body = [
      'הצי שלח 34 ספינות לאזור המפרץ בשבוע שעבר.',
      'ראש הממשלה הודיע על תוכנית חדשה לתחבורה ציבורית בעיר.',
      'התוכנית תעלה 20 מיליון שקלים בשנה הקרובה.',
      'תושבי השכונות הצפוניות מחכים לקו הרכבת החדש כבר עשר שנים.',
      'העירייה פתחה השבוע מרכז מידע לתושבים ליד התחנה המרכזית.',
      'נציגי הוועד המקומי ביקשו להאריך את שעות הפעילות בלילה.',
    ];
    const page = (lines: readonly string[]) => ['חדשות היום', '', ...lines.flatMap(line => [line, ''])].join('\n');
    const longer = body.map(line => line.replace('34', '36').replace(/\.$/, ', כך לפי הדוח של המשרד שלא פורסם עד כה.'));
    const analysis = createAnalyzer().analyze([
      { id: 'a.txt', text: page(body) },
      { id: 'b.txt', text: page(longer) },
    ]);
    assert.deepEqual(
      analysis.sources.map(s => s.language),
      ['und', 'he'],
    );
    const changes = analysis.groups.flatMap(g => g.members.flatMap(m => m.changes ?? []));
    assert.ok(
      changes.some(c => c.kind === 'number' && c.base === '34' && c.other === '36'),
      JSON.stringify(changes.map(c => [c.kind, c.base, c.other])),
    );
  });
});

describe('Change kinds', () => {
  it('reads spelling variants of one name as such', () => {
    const [change] = classifyChanges('He met Bashar al-Assad in Moscow.', 'He met Bashar Assad in Moscow.', 'en');
    assert.equal(change.kind, 'name');
    assert.equal(change.variant, true);
  });

  it('reads two people with one title as two names, not spellings of one, where their family names differ', () => {
    for (const [a, b] of [
      ['Die Lage sei ernst, sagte Polizeisprecherin Martina Echterhoff.', 'Die Lage sei ernst, sagte Polizeisprecher Thomas Kernbach.'],
      ['Innenminister Roman Weißgerber besuchte den Ort.', 'Innenministerin Petra Kallweit besuchte den Ort.'],
    ]) {
      const changes = classifyChanges(a, b, 'de');
      assert.deepEqual(kinds(changes), ['name'], `${a} / ${b}`);
      assert.equal(changes[0].variant, undefined, `${a} / ${b}`);
    }
    // One family name spelt two ways is still one person.
    const [same] = classifyChanges('Minister Sergei Shoigu arrived.', 'Minister Sergey Shoygu arrived.', 'en');
    assert.equal(same.variant, true);
  });

  it('finds negations in German, Russian and Arabic', () => {
    assert.deepEqual(kinds(classifyChanges('Die Armee hat die Stadt erobert.', 'Die Armee hat die Stadt nicht erobert.', 'de')), [
      'negation',
    ]);
    assert.deepEqual(kinds(classifyChanges('Армия взяла город.', 'Армия не взяла город.', 'ru')), ['negation']);
    assert.deepEqual(kinds(classifyChanges('دخل الجيش المدينة.', 'لم يدخل الجيش المدينة.', 'ar')), ['negation']);
  });

  it('finds a negation behind a conjunction written onto it, in Arabic and Hebrew', () => {
    assert.deepEqual(kindsIn('ar', 'وتم الإبلاغ عن أضرار في العاصمة.', 'ولم يتم الإبلاغ عن أضرار في العاصمة.'), ['negation']);
    assert.deepEqual(kindsIn('ar', 'وسيحضر الوزير الاجتماع.', 'فلا يحضر الوزير الاجتماع.'), ['negation']);
    assert.deepEqual(kindsIn('he', 'הצבא נכנס לעיר והודיע על כך.', 'הצבא נכנס לעיר ולא הודיע על כך.'), ['negation']);
    // A word that merely reads as a conjunction and a negation is none: "فلم" is a film.
    assert.ok(!kindsIn('ar', 'عرض فيلم وثائقي عن المدينة.', 'عرض فلم وثائقي عن المدينة.').includes('negation'));
  });

  it('reads a fact whose place the other wording fills with function words alone as dropped or added, in any language with a list of them', () => {
    const facts = (a: string, b: string, language = 'en') =>
      classifyChanges(a, b, language)
        .filter(c => c.kind !== 'wording')
        .map(c => [c.kind, c.base, c.other]);
    assert.deepEqual(
      facts('Monday night’s meeting of the two was the first since 2020.', 'The meeting of the two was the first since 2020.'),
      [['number', 'Monday', '']],
    );
    assert.deepEqual(facts('12 people died on Monday.', 'The people died on Monday.'), [['number', '12', '']]);
    assert.deepEqual(facts('The people died on Monday.', '12 people died on Monday.'), [['number', '', '12']]);
    assert.deepEqual(facts('Police said 12 people died.', 'It is said that 12 people died.'), [['attribution', 'Police', '']]);
    assert.deepEqual(facts('Das Treffen am Montag war das erste.', 'Das Treffen war das erste.', 'de'), [['number', 'Montag', '']]);
    // Words that say something still stand for the fact they replace.
    assert.deepEqual(facts('The two presidents met in Moscow.', 'Putin and Assad met in Moscow.'), [
      ['name', 'The two presidents', 'Assad'],
    ]);
    assert.deepEqual(facts('12 people died on Monday.', 'Several people died on Monday.'), [['number', '12', 'Several']]);
  });

  it('marks a changed number that is a date and nothing else as a date, and says "date" to the reader', () => {
    const dated = (a: string, b: string) => classifyChanges(a, b, 'en').filter(c => c.kind === 'number');
    for (const [a, b] of [
      ['The office said the tolls stay suspended.', 'The office said on Friday the tolls stay suspended.'],
      ['The bridge opened on 13 July after the repairs.', 'The bridge opened on 14 July after the repairs.'],
      ['The fighting began in March 2011 in the south.', 'The fighting began in April 2011 in the south.'],
      ['The treaty was signed on July 4, 2011 in the capital.', 'The treaty was signed on July 4, 2012 in the capital.'],
      // The figure last in its sentence, with no stop after it.
      ['The treaty was signed in July 2011', 'The treaty was signed in July 2012'],
    ]) {
      const [change] = dated(a, b);
      assert.equal(change?.date, true, `${a} / ${b}`);
      assert.match(hoverLine(change, ['b.txt']), /^date: /);
      assert.match(accessibleLabel(change), /^date (added|dropped|changed): /);
    }
    for (const [a, b] of [
      ['The repairs cost 4 million over two years.', 'The repairs cost 5 million over two years.'],
      ['Ten people were hurt, the police said.', 'Ten people were hurt on Friday in 12 towns, the police said.'],
    ]) {
      assert.ok(dated(a, b).length > 0, `${a} / ${b}`);
      for (const change of dated(a, b)) {
        assert.equal(change.date, undefined, `${a} / ${b}`);
        assert.match(hoverLine(change, ['b.txt']), /^number: /);
      }
    }
  });

  it('reads a figure written against Chinese or Japanese characters as a number', () => {
    const [change] = classifyChanges('北京遭遇特大暴雨，至少12人死亡。', '北京遭遇特大暴雨，至少15人死亡。', 'zh');
    assert.equal(change.kind, 'number');
    assert.deepEqual([change.base, change.other], ['12', '15']);
    assert.deepEqual(kindsIn('ja', '地震で1,200人が避難した。', '地震で1,500人が避難した。'), ['number']);
  });

  it('reads a figure behind a prefix of a script without capitals as a number', () => {
    const [change] = classifyChanges('הצי שלח ב-34 ספינות לאזור.', 'הצי שלח ב-36 ספינות לאזור.', 'he');
    assert.equal(change.kind, 'number');
    assert.deepEqual([change.base, change.other], ['34', '36']);
    assert.deepEqual(kindsIn('am', 'ዋጋው የ12 በመቶ ጭማሪ አሳይቷል።', 'ዋጋው የ15 በመቶ ጭማሪ አሳይቷል።'), ['number']);
  });

  it('finds changed words inside Chinese and Japanese quotation marks as a quote', () => {
    assert.deepEqual(kindsIn('zh', '他说：「我们不会离开。」', '他说：「我们会离开。」'), ['quote']);
    assert.deepEqual(kindsIn('ja', '首相は「辞任しない」と述べた。', '首相は「辞任する」と述べた。'), ['quote']);
  });

  it('finds negations, and attributions dropped after "according to", in languages listed since', () => {
    const negations: readonly [string, string, string][] = [
      ['da', 'Hæren har indtaget byen.', 'Hæren har ikke indtaget byen.'],
      ['fi', 'Armeija valtasi kaupungin.', 'Armeija ei vallannut kaupunkia.'],
      ['hu', 'A hadsereg elfoglalta a várost.', 'A hadsereg nem foglalta el a várost.'],
      ['ro', 'Armata a cucerit orașul.', 'Armata nu a cucerit orașul.'],
      ['el', 'Ο στρατός κατέλαβε την πόλη.', 'Ο στρατός δεν κατέλαβε την πόλη.'],
      ['he', 'הצבא כבש את העיר.', 'הצבא לא כבש את העיר.'],
      ['vi', 'Quân đội đã chiếm thành phố.', 'Quân đội không chiếm thành phố.'],
    ];
    for (const [language, base, other] of negations) {
      assert.ok(kinds(classifyChanges(base, other, language)).includes('negation'), `${language}: ${other}`);
    }
    const attributions: readonly [string, string, string][] = [
      ['da', 'Forhandlingerne mislykkedes, ifølge en embedsmand.', 'Forhandlingerne mislykkedes.'],
      ['ro', 'Negocierile au eșuat, potrivit unui oficial.', 'Negocierile au eșuat.'],
      ['cs', 'Jednání podle jednoho úředníka selhalo.', 'Jednání selhalo.'],
    ];
    for (const [language, base, other] of attributions) {
      assert.deepEqual(kinds(classifyChanges(base, other, language)), ['attribution'], `${language}: ${base}`);
    }
  });

  it("shows a fact's words without the punctuation at their edges, brackets and quotation marks paired", () => {
    const cases: readonly [string, string, [string, string, string]][] = [
      // A dateline's colon, the comma before a clause, a stop: no part of the fact.
      [
        'The spacecraft landed on the moon on Wednesday.',
        'New Delhi: The spacecraft landed on the moon on Wednesday.',
        ['name', '', 'New Delhi'],
      ],
      ['The summit opens on Monday, state media reported.', 'The summit opens on Monday.', ['attribution', 'state media reported', '']],
      // A bracket the fact opens is closed by the token after it.
      [
        'Protesters stormed the residence of the president.',
        'Protesters stormed the residence of the president today (July 13).',
        ['number', '', 'today (July 13)'],
      ],
      // A quotation the fact holds whole keeps both its marks.
      [
        'Modi called it a victory cry for the world, officials said.',
        'Modi called it a ‘victory cry’ for the world, officials said.',
        ['quote', 'victory cry', '‘victory cry’'],
      ],
    ];
    for (const [base, other, expected] of cases) {
      const changes = classifyChanges(base, other, 'en');
      assert.deepEqual(
        changes.map(c => [c.kind, c.base, c.other]),
        [expected],
        other,
      );
      const range = changes[0].otherRange;
      if (range) assert.equal(other.slice(range[0], range[1]), expected[2], 'the mark covers the text shown');
    }
  });

  it('drops a quotation mark at an edge only where the range holds it without its pair, and reports no change of marks alone', () => {
    const tidied = (text: string) => {
      const tokens = factTokens(text, 'en');
      const [a, b] = tidyRange({ text, tokens }, [0, tokens.length]);
      return a < b ? text.slice(tokens[a].start, tokens[b - 1].end) : '';
    };
    assert.equal(tidied('‘victory cry'), 'victory cry');
    assert.equal(tidied('“victory” cry and “more'), '“victory” cry and “more');
    assert.equal(tidied('"a" b "'), '"a" b');
    assert.equal(tidied('„Wir bleiben“'), '„Wir bleiben“');
    assert.equal(tidied('’'), '');
    const changes = classifyChanges(
      'The minister said that we will win the vote on Monday.',
      'The minister said, “We will win the vote on Monday.”',
      'en',
    );
    assert.ok(
      changes.every(c => c.base || c.other),
      JSON.stringify(changes),
    );
  });

  it('never widens a range but to close its bracket, and leaves no comma, stop or colon at its edges', () => {
    const random = seededRandom(11);
    const pieces = ['word', 'Name', '12', ',', '.', ':', '(', ')', '“', '”', '‘', '’', '"'];
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 10) }, () => pieces[Math.floor(random() * pieces.length)]).join(' ');
      const tokens = factTokens(text, 'en');
      const from = Math.floor(random() * tokens.length);
      const to = from + Math.floor(random() * (tokens.length - from + 1));
      const [a, b] = tidyRange({ text, tokens }, [from, to]);
      assert.ok(a >= from && a <= b, text);
      assert.ok(b <= to + 1, text);
      if (b === to + 1) assert.equal(tokens[to].key, ')', `${text}: only a closing bracket is taken in`);
      if (a < b) {
        for (const edge of [tokens[a], tokens[b - 1]])
          assert.ok(!(edge.kind === 'punct' && [',', '.', ':'].includes(edge.key)), `${text}: [${a}, ${b})`);
      }
    }
  });

  it('finds another speaker across the auxiliary of a compound tense, before or after the verb', () => {
    const pairs: readonly [string, string, string][] = [
      ['en', 'The summit will open on Monday, the Kremlin has said.', 'The summit will open on Monday, the White House has said.'],
      ['fr', 'Le Kremlin a déclaré que le sommet aura lieu lundi.', 'La Maison Blanche a déclaré que le sommet aura lieu lundi.'],
      ['fr', 'Le sommet aura lieu lundi, a déclaré le Kremlin.', 'Le sommet aura lieu lundi, a déclaré la Maison Blanche.'],
      [
        'es',
        'El vocero del Kremlin ha dicho que la cumbre empezará el lunes.',
        'El vocero de la Casa Blanca ha dicho que la cumbre empezará el lunes.',
      ],
      [
        'ro',
        'Potrivit presei, ministrul Ion Popescu a declarat că summitul va începe luni.',
        'Potrivit presei, ministrul Andrei Ionescu a declarat că summitul va începe luni.',
      ],
      [
        'ca',
        'Segons la premsa, el ministre Joan Puig va declarar que la cimera començarà dilluns.',
        'Segons la premsa, la ministra Anna Vila va declarar que la cimera començarà dilluns.',
      ],
      [
        'sh',
        'Prema medijima, ministri Ivan Horvat i Ana Kovač su rekli da će samit početi u ponedjeljak.',
        'Prema medijima, ministri Marko Babić i Ivo Perić su rekli da će samit početi u ponedjeljak.',
      ],
      [
        'sh',
        'Prema medijima, ministar Ivan Horvat je rekao da će samit početi u ponedjeljak.',
        'Prema medijima, ministar Marko Babić je rekao da će samit početi u ponedjeljak.',
      ],
      [
        'sh',
        'Prema medijima, ministrica Ana Kovač je dodala da će samit početi u ponedjeljak.',
        'Prema medijima, ministrica Ivana Horvat je dodala da će samit početi u ponedjeljak.',
      ],
      [
        'ca',
        'Segons la premsa, el ministre Joan Puig va dir que la cimera començarà dilluns.',
        'Segons la premsa, la ministra Anna Vila va dir que la cimera començarà dilluns.',
      ],
      [
        'fr',
        'Le ministre Paul Martin aurait déclaré que le sommet aura lieu lundi.',
        'Le ministre Jean Dubois aurait déclaré que le sommet aura lieu lundi.',
      ],
      [
        'bg',
        'Според медиите, министър Иван Петров е казал, че срещата ще започне в понеделник.',
        'Според медиите, министър Георги Димитров е казал, че срещата ще започне в понеделник.',
      ],
      ['de', 'Der Kreml hat mitgeteilt, der Gipfel beginne am Montag.', 'Das Weiße Haus hat mitgeteilt, der Gipfel beginne am Montag.'],
      ['nl', 'Het Kremlin heeft gezegd dat de top maandag begint.', 'Het Witte Huis heeft gezegd dat de top maandag begint.'],
      ['sv', 'Kreml har sagt att toppmötet börjar på måndag.', 'Vita huset har sagt att toppmötet börjar på måndag.'],
      ['da', 'Kreml har udtalt, at topmødet begynder mandag.', 'Det Hvide Hus har udtalt, at topmødet begynder mandag.'],
      ['nb', 'Kreml har uttalt at toppmøtet begynner mandag.', 'Det hvite hus har uttalt at toppmøtet begynner mandag.'],
    ];
    for (const [language, base, other] of pairs) {
      assert.ok(kinds(classifyChanges(base, other, language)).includes('attribution'), `${language}: ${base}`);
    }
    // After the verb, as a Romance language puts it, a name or a common noun; the auxiliary is one of the attribution's words
    // (the comma before the clause is not).
    const dropped: readonly [string, string, string, string][] = [
      ['fr', 'Le sommet aura lieu lundi, a déclaré le Kremlin.', 'Le sommet aura lieu lundi.', 'a déclaré le Kremlin'],
      ['fr', 'Le sommet aura lieu lundi, a déclaré le ministre.', 'Le sommet aura lieu lundi.', 'a déclaré le ministre'],
      ['es', 'La cumbre empezará el lunes, ha dicho el ministro.', 'La cumbre empezará el lunes.', 'ha dicho el ministro'],
      ['ro', 'Summitul va începe luni, a declarat ministrul.', 'Summitul va începe luni.', 'a declarat ministrul'],
    ];
    for (const [language, base, other, words] of dropped) {
      assert.deepEqual(
        classifyChanges(base, other, language).map(c => [c.kind, c.base]),
        [['attribution', words]],
        `${language}: ${base}`,
      );
    }
  });

  it('finds no speaker in an object after an English compound tense, a passive, a participle standing as an adjective, a noun after "has", or an infinitive after its marker', () => {
    const pairs: readonly [string, string, string][] = [
      [
        'en',
        'Putin, who met Assad on Tuesday, has said the war is over.',
        'Putin, who met Assad on Tuesday, has said the fighting is over.',
      ],
      [
        'en',
        'The minister, who arrived on Monday, has confirmed his resignation.',
        'The minister, who arrived on Monday, has confirmed his departure.',
      ],
      [
        'ro',
        'Ministrul a plecat pentru a declara că summitul va începe luni.',
        'Ministrul a plecat pentru a spune că summitul va începe luni.',
      ],
      ['de', 'Der Bericht wird zitiert, um die Lage zu erklären.', 'Die Studie wird zitiert, um die Lage zu erklären.'],
      ['es', 'El plan anunciado entra en vigor el lunes.', 'El proyecto anunciado entra en vigor el lunes.'],
      ['en', 'Moscow has claims on the island.', 'Kyiv has claims on the island.'],
    ];
    for (const [language, base, other] of pairs) {
      assert.ok(!kinds(classifyChanges(base, other, language)).includes('attribution'), `${language}: ${base}`);
    }
  });

  it('reads another person under the same title as another speaker, and a title kept before a common word or an acronym as the same one', () => {
    assert.deepEqual(
      kindsIn('en', 'President Putin said the summit will open on Monday.', 'President Assad said the summit will open on Monday.'),
      ['attribution'],
    );
    assert.deepEqual(
      kindsIn(
        'fr',
        'Le président Emmanuel Macron a déclaré que le sommet aura lieu lundi.',
        'Le président Joe Biden a déclaré que le sommet aura lieu lundi.',
      ),
      ['attribution'],
    );
    assert.ok(
      !kindsIn('en', 'State media said the summit will open on Monday.', 'State TV said the summit will open on Monday.').includes(
        'attribution',
      ),
    );
  });

  it('reads a month name written with a capital inside a sentence as a name where the language writes months in lower case', () => {
    assert.deepEqual(kindsIn('fr', 'La sonde vers Mars a été lancée lundi.', 'La sonde vers Vénus a été lancée lundi.'), ['name']);
    assert.deepEqual(kindsIn('nl', 'Minister Jan de Vries opende de top.', 'Minister de Vries opende de top.'), ['name']);
    // Written in lower case, or opening the sentence, it is a date; in English every month has a capital.
    assert.deepEqual(kindsIn('fr', 'Le sommet aura lieu en mai à Genève.', 'Le sommet aura lieu en juin à Genève.'), ['number']);
    assert.deepEqual(kindsIn('fr', 'Lundi, le ministre a ouvert le sommet.', 'Mardi, le ministre a ouvert le sommet.'), ['number']);
    assert.deepEqual(kindsIn('en', 'The summit opens in May in Geneva.', 'The summit opens in June in Geneva.'), ['number']);
    // Beside a number, in capitals throughout or in a headline in title case, the capital says nothing.
    assert.deepEqual(kindsIn('fr', 'Le sommet aura lieu le 3 Mars 2024 à Genève.', 'Le sommet aura lieu le 3 Avril 2024 à Genève.'), [
      'number',
    ]);
    assert.deepEqual(kindsIn('pt', 'A cimeira terá lugar a 15 de Março em Genebra.', 'A cimeira terá lugar a 15 de Abril em Genebra.'), [
      'number',
    ]);
    assert.deepEqual(kindsIn('fr', 'LE SOMMET AURA LIEU EN MAI À GENÈVE.', 'LE SOMMET AURA LIEU EN JUIN À GENÈVE.'), ['number']);
    assert.deepEqual(kindsIn('es', 'La Cumbre Se Celebrará En Mayo En Ginebra', 'La Cumbre Se Celebrará En Junio En Ginebra'), ['number']);
  });

  it('reads no number in a word for one that is the indefinite article, nor in Vietnamese words for "not" and "year"', () => {
    const pairs: readonly [string, string, string][] = [
      ['hu', 'A hadsereg egy várost foglalt el.', 'A hadsereg a várost foglalta el.'],
      ['vi', 'Ông là một nhà báo.', 'Ông là nhà báo.'],
      ['vi', 'Năm nay, giá gạo tăng.', 'Giá gạo tăng.'],
    ];
    for (const [language, base, other] of pairs) {
      assert.ok(!kinds(classifyChanges(base, other, language)).includes('number'), `${language}: ${base} / ${other}`);
    }
  });

  it('reads a dropped attribution after "according to" as an attribution', () => {
    const changes = classifyChanges('The talks failed, according to a security official.', 'The talks failed.', 'en');
    assert.deepEqual(kinds(changes), ['attribution']);
    assert.equal(changes[0].other, '');
  });

  it('reports a rewrite past the edit limit as one wording change between the shared start and end, with the facts it holds beside it', () => {
    const anchor = 'Officials said the storm destroyed forty homes near the coast on Monday, and rescue teams worked through the night.';
    const member =
      'Officials said a powerful cyclone flattened villages along the shore near Kellport while volunteers searched for survivors until dawn, and rescue teams worked through the night.';
    const capped = classifyChanges(anchor, member, 'en', { maxEdits: 4 });
    const wording = capped.filter(c => c.kind === 'wording');
    assert.equal(wording.length, 1);
    assert.ok(wording[0].base.startsWith('the storm') && wording[0].base.endsWith('Monday'), wording[0].base);
    assert.ok(wording[0].other.startsWith('a powerful') && wording[0].other.endsWith('dawn'), wording[0].other);
    const facts = capped.filter(c => c.kind !== 'wording').map(c => [c.kind, c.base, c.other]);
    assert.deepEqual(facts, [
      ['number', 'forty', ''],
      ['number', 'Monday', ''],
      ['name', '', 'Kellport'],
    ]);
    assert.ok(classifyChanges(anchor, member, 'en').length > 1, 'aligned word by word under the default limit');
  });

  it('gives a pair compared again the same changes, and keeps results apart per options', () => {
    const anchor = 'He met Bashar al-Assad in Moscow.';
    const member = 'He met Bashar Assad in Moscow.';
    const first = classifyChanges(anchor, member, 'en');
    assert.deepEqual(classifyChanges(anchor, member, 'en'), first);
    assert.equal(first[0].variant, true);
    assert.equal(classifyChanges(anchor, member, 'en', { variantSimilarity: 1.01 })[0].variant, true, 'contained in the other');
    const strict = classifyChanges('He met Bashar Asad in Moscow.', 'He met Bashar Assat in Moscow.', 'en', { variantSimilarity: 0.99 });
    const loose = classifyChanges('He met Bashar Asad in Moscow.', 'He met Bashar Assat in Moscow.', 'en', { variantSimilarity: 0.1 });
    assert.equal(strict[0].variant, undefined);
    assert.equal(loose[0].variant, true);
  });

  it('reads a title, a common acronym or a derived form of a name as no change of name', () => {
    assert.ok(
      !kinds(classifyChanges('He met Russia’s Putin on Monday.', 'He met Russian President Putin on Monday.', 'en')).includes('name'),
    );
    assert.ok(!kinds(classifyChanges('Crowds watched on screens at home.', 'Crowds watched on TV at home.', 'en')).includes('name'));
    assert.ok(
      !kinds(classifyChanges('He thanked the Russian leader for the aid.', 'He thanked Russia for the aid.', 'en')).includes('name'),
    );
    assert.deepEqual(kinds(classifyChanges('He met Bashar Assad in Moscow.', 'He met Bashar Assad in Sochi.', 'en')), ['name']);
  });

  it('reads an acronym spelt out or a common word beside a kept speaker as no change of attribution', () => {
    assert.ok(
      !kinds(
        classifyChanges('The army won, Syrian TV quoted Assad as saying.', 'The army won, Syrian television quoted Assad as saying.', 'en'),
      ).includes('attribution'),
    );
    assert.ok(
      !kinds(
        classifyChanges('Talks went well, according to a Kremlin statement.', 'Talks went well, according to the Kremlin.', 'en'),
      ).includes('attribution'),
    );
    assert.deepEqual(
      kinds(classifyChanges('Talks went well, according to the Kremlin.', 'Talks went well, according to Syrian TV.', 'en')),
      ['attribution'],
    );
  });

  it('reads the words an acronym abbreviates as the acronym, not as another name, whatever their language', () => {
    for (const [a, b, language] of [
      ['The World Health Organization warned of a surge.', 'The WHO warned of a surge.', 'en'],
      ['Helfer des Technischen Hilfswerks waren vor Ort.', 'Helfer des THW waren vor Ort.', 'de'],
      ['Der Deutsche Wetterdienst warnte vor Sturm.', 'Der DWD warnte vor Sturm.', 'de'],
      ['Die Bundesstelle für Eisenbahnunfalluntersuchung ermittelt.', 'Die BEU ermittelt.', 'de'],
    ])
      for (const [x, y] of [
        [a, b],
        [b, a],
      ])
        assert.deepEqual(kinds(classifyChanges(x, y, language)), ['wording'], `${x} / ${y}`);
    // Each word gives the acronym its first letter, and one word never all of it: "UN" abbreviates
    // no "United States", "UK" no "Ukraine", "WHO" no "White House".
    for (const [a, b] of [
      ['The UN said the talks failed.', 'The United States said the talks failed.'],
      ['The UK said the talks failed.', 'Ukraine said the talks failed.'],
      ['The WHO warned of a surge.', 'The White House warned of a surge.'],
    ])
      assert.deepEqual(kinds(classifyChanges(a, b, 'en')), ['attribution'], `${a} / ${b}`);
    assert.deepEqual(kinds(classifyChanges('Die Lage sei ernst, sagte die Ukraine.', 'Die Lage sei ernst, sagte das UK.', 'de')), [
      'attribution',
    ]);
    // Two letters are two words' initials, the speaker kept.
    for (const [a, b, language] of [
      ['The US said the talks failed.', 'The United States said the talks failed.', 'en'],
      ['Die EU lehnte den Antrag ab.', 'Die Europäische Union lehnte den Antrag ab.', 'de'],
    ])
      assert.deepEqual(kinds(classifyChanges(a, b, language)), ['wording'], `${a} / ${b}`);
  });

  it('reads a name in quotation marks as a name, not as someone’s words', () => {
    assert.deepEqual(kinds(classifyChanges('Склад компании «Норд Ритейл» сгорел.', 'Склад компании «Юг Ритейл» сгорел.', 'ru')), ['name']);
    assert.deepEqual(kinds(classifyChanges('Склад компании «Северный» сгорел.', 'Склад компании сгорел.', 'ru')), ['name']);
    assert.deepEqual(classifyChanges('Le navire « Ever Given » a été dégagé.', 'Le navire Ever Given a été dégagé.', 'fr'), []);
    assert.deepEqual(classifyChanges('Selon « Le Monde », le projet avance.', 'Selon Le Monde, le projet avance.', 'fr'), []);
    // Words in lower case are someone's words; German capitalises every noun, so there a quoted noun is a quoted word.
    assert.deepEqual(kinds(classifyChanges('«Мы сделали всё возможное», сказал он.', '«Мы сделали всё, что могли», сказал он.', 'ru')), [
      'quote',
    ]);
    assert.deepEqual(kinds(classifyChanges('Es sei eine „Katastrophe“, sagte er.', 'Es sei eine „Tragödie“, sagte er.', 'de')), ['quote']);
    // After a colon, a speech verb or a function word, one capitalised word is a quoted reply or verdict.
    for (const [a, b, language] of [
      ['Il ministro ha risposto: «No».', 'Il ministro ha risposto: «Sì».', 'it'],
      ['Он сказал: «Победа».', 'Он сказал: «Поражение».', 'ru'],
      ['Lo calificó de «Inaceptable».', 'Lo calificó de «Aceptable».', 'es'],
    ])
      assert.deepEqual(kinds(classifyChanges(a, b, language)), ['quote'], `${a} / ${b}`);
  });

  it('reads a dropped speaker as an attribution even where the run also respells a name, and the name as respelt', () => {
    const changes = classifyChanges('The Ministry said al-Assad thanked him.', 'Assad thanked him.', 'en');
    assert.deepEqual(kinds(changes), ['attribution', 'name']);
    assert.deepEqual([changes[0].base, changes[0].other], ['The Ministry said', '']);
    assert.deepEqual([changes[1].base, changes[1].other, changes[1].variant], ['al-Assad', 'Assad', true]);
  });

  describe('precision rules (fixture pairs)', () => {
    const { cases } = JSON.parse(readFileSync(join(factsDir, 'precision.json'), 'utf8')) as {
      cases: {
        rule: string;
        anchor: string;
        member: string;
        kinds?: string[];
        notKinds?: string[];
        base?: string;
        other?: string;
        variant?: boolean;
      }[];
    };
    for (const c of cases)
      it(c.rule, () => {
        const changes = classifyChanges(c.anchor, c.member, 'en');
        const facts = changes.filter(x => x.kind !== 'wording');
        const detail = JSON.stringify(changes);
        if (c.kinds) assert.deepEqual(kinds(facts), c.kinds, detail);
        for (const k of c.notKinds ?? []) assert.ok(!kinds(changes).includes(k as FactChange['kind']), detail);
        if (c.base !== undefined) assert.equal(facts[0].base, c.base, detail);
        if (c.other !== undefined) assert.equal(facts[0].other, c.other, detail);
        if (c.variant !== undefined) assert.equal(facts[0].variant, c.variant, detail);
        // Each fact's place in the member holds its text: the box covers the fact, not its whole run.
        for (const f of facts) if (f.otherRange) assert.equal(c.member.slice(f.otherRange[0], f.otherRange[1]), f.other, detail);
      });
  });

  it('reads a given name added in a rewrite beside the name the other side keeps as that name, respelt', () => {
    const changes = classifyChanges(
      'Berg said the plan was an obstacle to al-Moro’s reforms, the council statement said.',
      'Mayor Anna Berg met the governor Luis al-Moro on the square, calling the plan a hindrance to reform.',
      'en',
      { maxEdits: 4 },
    );
    const names = changes.filter(c => c.kind === 'name').map(c => [c.base, c.other, c.variant]);
    assert.deepEqual(names, [
      ['Berg', 'Anna Berg', true],
      ['al-Moro', 'Luis al-Moro', true],
    ]);
    assert.ok(
      changes.some(c => c.kind === 'attribution' && c.base === 'council statement'),
      JSON.stringify(changes),
    );
  });

  it('keeps the changes of compared pairs only in the cache its caller passes', () => {
    const kept = new Map<string, readonly PlacedChange[]>();
    let made = 0;
    const cache: ChangeCache = {
      get(key, make) {
        let value = kept.get(key);
        if (!value) {
          made++;
          kept.set(key, (value = make()));
        }
        return value;
      },
    };
    const anchor = 'Police said 12 people were hurt.';
    const first = changesAgainst(anchor, 'en', {}, cache)('Police said 15 people were hurt.');
    const again = changesAgainst(anchor, 'en', {}, cache)('Police said 15 people were hurt.');
    assert.equal(made, 1);
    assert.equal(again, first);
    assert.deepEqual(kinds(first.map(p => p.change)), ['number']);
    // Without a cache nothing is kept between calls: each call compares afresh, to an equal result.
    const fresh = changesAgainst(anchor, 'en')('Police said 15 people were hurt.');
    assert.notEqual(fresh, first);
    assert.deepEqual(fresh, first);
  });

  it('reads quotation marks that the other side lost to a character reference as no quote change', () => {
    const changes = classifyChanges('This is a new day,quot; said the minister.', '“This is a new day,” said the minister.', 'en');
    assert.ok(!kinds(changes).includes('quote'), JSON.stringify(changes));
    assert.deepEqual(
      kinds(classifyChanges('He called it a victory.', 'He called it a “victory”.', 'en')).filter(k => k === 'quote').length > 0,
      true,
    );
  });

  it('reads a moved name as no change of name', () => {
    const changes = classifyChanges('Putin met Assad on Monday.', 'On Monday Putin met Assad.', 'en');
    assert.ok(!kinds(changes).includes('name'));
  });
});

describe('Number forms', () => {
  const same = (a: string, b: string, language = 'en') => assert.deepEqual(classifyChanges(a, b, language), [], `${a} / ${b}`);

  it('reads numbers written as words and as digits as one value', () => {
    same('Twelve people were hurt.', '12 people were hurt.');
    same('Погибли двенадцать человек.', 'Погибли 12 человек.', 'ru');
    same('Zwölf Menschen starben.', '12 Menschen starben.', 'de');
    same('The toll rose to twenty-five.', 'The toll rose to 25.');
    same('It cost 5 million dollars.', 'It cost 5,000,000 dollars.');
    assert.deepEqual(kinds(classifyChanges('Twelve people were hurt.', '15 people were hurt.', 'en')), ['number']);
  });

  it('reads the spellings of written numbers the number-word package lacks as their values', () => {
    same('Circa trecento persone sono state evacuate.', 'Circa 300 persone sono state evacuate.', 'it');
    same('Sono arrivati duemila soccorritori.', 'Sono arrivati 2.000 soccorritori.', 'it');
    same('Morreram duas pessoas.', 'Morreram 2 pessoas.', 'pt');
    same('Foram retiradas duzentas famílias.', 'Foram retiradas 200 famílias.', 'pt');
    same('Morreram dezassete pessoas.', 'Morreram 17 pessoas.', 'pt');
    same('Evacuaron a doscientas personas.', 'Evacuaron a 200 personas.', 'es');
    same('Среди погибших двое детей.', 'Среди погибших 2 детей.', 'ru');
    same('Der Schaden beträgt viereinhalb Millionen Euro.', 'Der Schaden beträgt 4,5 Millionen Euro.', 'de');
    same('Der Schaden beträgt 4,5 Mio. Euro.', 'Der Schaden beträgt 4,5 Millionen Euro.', 'de');
    assert.deepEqual(kinds(classifyChanges('Sono morte trecento persone.', 'Sono morte quattrocento persone.', 'it')), ['number']);
    assert.deepEqual(kinds(classifyChanges('Погибли трое детей.', 'Погибли четверо детей.', 'ru')), ['number']);
  });

  it('reads a hedged round figure that the exact figure agrees with as no changed figure, either way round', () => {
    const figureKinds = (a: string, b: string, language = 'en') =>
      [classifyChanges(a, b, language), classifyChanges(b, a, language)].map(changes => kinds(changes).filter(k => k === 'number'));
    const agree: [string, string, string?][] = [
      ['Egypt bought 1,012,000 tonnes of wheat.', 'Egypt bought about 1 million tonnes of wheat.'],
      ['Egypt bought 1,012,000 tonnes of wheat.', 'Egypt bought more than a million tonnes of wheat.'],
      ['48,000 homes lost power.', 'Nearly 50,000 homes lost power.'],
      ['388 people were hurt.', 'Fewer than 400 people were hurt.'],
      ['Погибли 146 человек.', 'Погибли около 150 человек.', 'ru'],
      ['Es kostete 86,4 Millionen Euro.', 'Es kostete knapp 90 Millionen Euro.', 'de'],
    ];
    for (const [a, b, language] of agree) assert.deepEqual(figureKinds(a, b, language), [[], []], `${a} / ${b}`);
    // The wrong side of the hedge, half a unit or more off, a hedge elsewhere in the sentence or
    // on both sides, a bound rather than a hedge, a year, or no hedge.
    const disagree: [string, string, string?][] = [
      ['About 48,000 homes lost power.', 'Nearly 50,000 homes lost power.'],
      ['About 1,000 troops were sent.', 'About 1,400 troops were sent.'],
      ['Children under 10 travel free.', 'Children under 6 travel free.'],
      ['Число погибших выросло до 50.', 'Число погибших выросло до 46.', 'ru'],
      ['The firm was founded in 2019.', 'The firm was founded in about 2020.'],
      ['The fire burned 1,012 hectares.', 'The fire burned more than 1,200 hectares.'],
      ['The fire burned 1,900 hectares.', 'The fire burned more than 1,000 hectares.'],
      ['About 1,000 troops.', 'About 1,500 troops.'],
      ['Nearly 50,000 homes lost power.', 'Nearly 51,000 homes lost power.'],
      ['The toll rose to 51,000.', 'The toll rose to nearly 50,000.'],
      ['About half of the 388 people were hurt.', 'About half of the 400 people were hurt.'],
      ['The toll rose to 1,012.', 'The toll rose to 1,000.'],
    ];
    for (const [a, b, language] of disagree) assert.deepEqual(figureKinds(a, b, language), [['number'], ['number']], `${a} / ${b}`);
  });

  it('reads capitals set apart by full stops as the word other papers write without them', () => {
    same('U.S. officials said the talks failed.', 'US officials said the talks failed.');
    same('The U.K. government said it would act.', 'The UK government said it would act.');
    same('The U.N.-brokered deal expired.', 'The UN-brokered deal expired.');
    same('The deal was signed in the U.S.', 'The deal was signed in the US.');
    same('J. R. R. Tolkien wrote it.', 'J.R.R. Tolkien wrote it.');
    same("The U.N.'s envoy arrived.", "The UN's envoy arrived.");
    same('The U.N.’s envoy arrived.', 'The UN’s envoy arrived.');
    assert.deepEqual(kinds(classifyChanges('The U.N. deal expired.', 'The E.U. deal expired.', 'en')), ['name']);
  });

  it('reads a speaker who stresses, emphasises or reiterates as one who says: another such verb is a rewording, not another attribution', () => {
    assert.deepEqual(kindsIn('en', 'El-Sissi said the deal would hold.', 'Sisi stressed the deal would hold.'), ['wording']);
  });

  it('reads a wire dateline added, dropped or written otherwise as a rewording, its place and date no changed facts', () => {
    const lede = 'Dock workers voted on Tuesday to end the strike.';
    for (const dateline of ['PORT ASHBY, May 14 (Reuters) - ', 'COLOMBO: ', 'NEW DELHI, India (AP) — ', 'WASHINGTON, Sept. 13, 2021 — '])
      for (const [a, b] of [
        [dateline + lede, lede],
        [lede, dateline + lede],
      ])
        assert.deepEqual(kindsIn('en', a, b), ['wording'], `${a} / ${b}`);
    assert.deepEqual(kindsIn('en', `WASHINGTON — ${lede}`, `NEW YORK — ${lede}`), ['wording']);
    // Other languages write the day before the month, perhaps with a full stop or a joining word,
    // and the month in lower case.
    for (const [language, dateline, sentence] of [
      ['de', 'BERLIN, 14. Mai (dpa) - ', 'Die Regierung hat den Hafen am Mittwoch geöffnet.'],
      ['fr', 'PARIS, 14 mai (AFP) - ', 'Le gouvernement a rouvert le port mercredi.'],
      ['es', 'MADRID, 14 de mayo de 2024 (EFE) - ', 'El Gobierno reabrió el puerto el miércoles.'],
      ['ru', 'МОСКВА, 14 мая (Рейтер) - ', 'Власти заявили, что порт откроется в среду.'],
    ])
      assert.deepEqual(kindsIn(language, dateline + sentence, sentence), ['wording'], dateline);
    // A count after an acronym's comma is no date, with a short word before it or not.
    assert.deepEqual(kindsIn('en', 'EU, 15 members - agreed to the deal.', 'EU, 16 members - agreed to the deal.'), ['number']);
    assert.deepEqual(kindsIn('en', 'NATO, at 75 - The alliance met.', 'NATO, at 76 - The alliance met.'), ['number']);
    // Past the dateline a date is a date again, and an acronym opening a clause, or a name with
    // a bracket, is no dateline.
    assert.deepEqual(
      kindsIn(
        'en',
        'IBM, which cut 3,900 jobs in January - said more would go.',
        'IBM, which cut 4,900 jobs in January - said more would go.',
      ),
      ['number'],
    );
    assert.deepEqual(kindsIn('en', 'Shares fell 12% (to $40) - their worst day.', 'Shares fell 9% (to $40) - their worst day.'), [
      'number',
    ]);
    assert.deepEqual(kindsIn('en', 'FBI, CIA warn of 3 plots - officials say.', 'FBI, NSA warn of 3 plots - officials say.'), ['name']);
    assert.deepEqual(kindsIn('en', `COLOMBO: ${lede}`, `COLOMBO: ${lede.replace('Tuesday', 'Wednesday')}`), ['number']);
    assert.ok(kindsIn('en', `On May 14 Moscow said the talks failed.`, `Moscow said the talks failed.`).includes('number'));
  });

  it('reads thousands separators and decimal marks', () => {
    same('About 1,000 troops.', 'About 1000 troops.');
    same('Etwa 1.000 Soldaten.', 'Etwa 1000 Soldaten.', 'de');
    assert.equal(digitValue('2,5'), '2.5');
    assert.equal(digitValue('10,000.5'), '10000.5');
    assert.deepEqual(kinds(classifyChanges('About 1,000 troops.', 'About 1,500 troops.', 'en')), ['number']);
  });

  it('reads groups of thousands set apart by plain spaces as one figure where the language writes them so', () => {
    same('Environ 1 200 soldats.', 'Environ 1200 soldats.', 'fr');
    same('Environ 1 200 soldats.', 'Environ 1\u202f200 soldats.', 'fr');
    same('Около 12 300 человек.', 'Около 12300 человек.', 'ru');
    same('Omkring 1 200 500,5 kronor.', 'Omkring 1200500,5 kronor.', 'sv');
    assert.deepEqual(kinds(classifyChanges('Environ 1 200 soldats.', 'Environ 1 500 soldats.', 'fr')), ['number']);
    const numbers = (text: string, language: string) =>
      factTokens(text, language)
        .filter(t => t.kind === 'number')
        .map(t => t.key);
    // A year before a count, and a day before a count in a language that groups by commas, stay two.
    assert.deepEqual(numbers('En 2022 300 personnes sont venues.', 'fr'), ['#2022', '#300']);
    assert.deepEqual(numbers('On June 12 300 people came.', 'en').slice(-2), ['#12', '#300']);
    // A fourth digit after the space is no group of thousands.
    assert.deepEqual(numbers('Il y a 12 3000 raisons.', 'fr'), ['#12', '#3000']);
  });

  it('reads percent written in two words, and a scale letter written onto a figure after a currency sign', () => {
    same('About 50% of the town was flooded.', 'About 50 per cent of the town was flooded.');
    same('Environ 50 % de la ville.', 'Environ 50 pour cent de la ville.', 'fr');
    same('Cerca del 50 por ciento de la ciudad.', 'Cerca del 50% de la ciudad.', 'es');
    // Without a figure before it "pour cent" is "for a hundred".
    assert.deepEqual(kinds(classifyChanges('Il a payé pour cent euros.', 'Il a payé pour 100 euros.', 'fr')), []);
    assert.deepEqual(kinds(classifyChanges('About 50 per cent of the town.', 'About 60 per cent of the town.', 'en')), ['number']);
    same('The fund gave $5m to the town.', 'The fund gave $5 million to the town.');
    same('It cost £2.5bn in all.', 'It cost £2.5 billion in all.');
    assert.deepEqual(kinds(classifyChanges('The fund gave $5m to the town.', 'The fund gave $6 million to the town.', 'en')), ['number']);
    // Without a currency sign "5m" is five metres.
    assert.deepEqual(kinds(classifyChanges('The wall is 5m high.', 'The wall is 5 million high.', 'en')), ['number']);
  });

  it('reads the scales of South Asian and East Asian counting, spaced or written onto the figure', () => {
    same('项目投资约为120万元。', '项目投资约为1200000元。', 'zh');
    assert.deepEqual(kinds(classifyChanges('项目投资约为120万元。', '项目投资约为120亿元。', 'zh')), ['number']);
    same('피해액은 3억 원으로 집계됐다.', '피해액은 300,000,000 원으로 집계됐다.', 'ko');
    same('3억 원을 냈다.', '3 억 원을 냈다.', 'ko');
    same('5 ह\u095bार लोग आए।', '5000 लोग आए।', 'hi');
    // 千 written onto a figure opens a unit: "3千米" is three kilometres.
    assert.deepEqual(kinds(classifyChanges('他跑了3千米。', '他跑了3公里。', 'zh')), ['wording']);
    assert.deepEqual(kinds(classifyChanges('सरकार ने 12 लाख रुपये दिए।', 'सरकार ने 12 करोड़ रुपये दिए।', 'hi')), ['number']);
    same('The state gave Rs 12 lakh to the families.', 'The state gave Rs 1.2 million to the families.');
    same('It cost 0.7 million dollars.', 'It cost 700,000 dollars.');
  });

  it('reads a date written in figures as the date its month name gives, day and month in the order of the language', () => {
    same('Sie trafen sich am 5. Mai 2024 in Paris.', 'Sie trafen sich am 05.05.2024 in Paris.', 'de');
    same('Ils se sont vus le 5 juillet 2024 à Paris.', 'Ils se sont vus le 05/07/2024 à Paris.', 'fr');
    assert.deepEqual(kinds(classifyChanges('Sie trafen sich am 5. Mai 2024 in Paris.', 'Sie trafen sich am 06.05.2024 in Paris.', 'de')), [
      'number',
    ]);
    // US English writes the month first: 05/07/2024 is 7 May, no changed fact against "7 May 2024".
    assert.ok(
      !classifyChanges('They met on 7 May 2024 in Paris.', 'They met on 05/07/2024 in Paris.', 'en').some(c => c.kind === 'number'),
    );
    // A version number is no date.
    assert.deepEqual(kinds(classifyChanges('Version 1.2.2024 was out.', 'Version 1.2.2025 was out.', 'en')), ['number']);
  });

  it('reads a time of day on either clock as one value', () => {
    same('The curfew starts at 6 p.m. on Monday.', 'The curfew starts at 18:00 on Monday.');
    same('The curfew starts at 6pm on Monday.', 'The curfew starts at 6 p.m. on Monday.');
    same('The curfew starts at 06:30 on Monday.', 'The curfew starts at 6:30 a.m. on Monday.');
    same('Le couvre-feu commence à 18h30 lundi.', 'Le couvre-feu commence à 18:30 lundi.', 'fr');
    same('Die Sperre beginnt um 18 Uhr.', 'Die Sperre beginnt um 18:00 Uhr.', 'de');
    assert.deepEqual(kinds(classifyChanges('The curfew starts at 6 p.m. on Monday.', 'The curfew starts at 6 a.m. on Monday.', 'en')), [
      'number',
    ]);
    assert.deepEqual(kinds(classifyChanges('Die Sperre beginnt um 18 Uhr.', 'Die Sperre beginnt um 19 Uhr.', 'de')), ['number']);
  });

  it('reads hours and minutes set apart by a full stop as the time another version writes with a colon, either way round', () => {
    const figureKinds = (a: string, b: string) =>
      [classifyChanges(a, b, 'en'), classifyChanges(b, a, 'en')].map(changes => kinds(changes).filter(k => k === 'number'));
    for (const [a, b] of [
      ['The curfew starts at 10.30 on Monday.', 'The curfew starts at 10:30 on Monday.'],
      ['The curfew starts at 22.30 on Monday.', 'The curfew starts at 10:30 p.m. on Monday.'],
    ])
      assert.deepEqual(figureKinds(a, b), [[], []], `${a} / ${b}`);
    // Other minutes, another hour, or an amount of money or a share are other figures.
    for (const [a, b] of [
      ['The curfew starts at 10.30 on Monday.', 'The curfew starts at 10:45 on Monday.'],
      ['The curfew starts at 10.30 on Monday.', 'The curfew starts at 11:30 on Monday.'],
      ['The quake struck at 2.15 on Monday.', 'The quake struck at 14:15 on Monday.'],
      ['The ticket costs $10.30 on Monday.', 'The ticket costs 10:30 on Monday.'],
      ['Turnout was 10.30 percent on Monday.', 'Turnout was 10:30 on Monday.'],
    ])
      assert.deepEqual(figureKinds(a, b), [['number'], ['number']], `${a} / ${b}`);
  });

  it('reads Russian numerals in every case as their values', () => {
    same('Вода затопила дома в пяти деревнях.', 'Вода затопила дома в 5 деревнях.', 'ru');
    same('Эвакуировали более двадцати пяти человек.', 'Эвакуировали более 25 человек.', 'ru');
    same('Он говорил с двенадцатью людьми.', 'Он говорил с 12 людьми.', 'ru');
    same('Пострадали жители трёх тысяч домов.', 'Пострадали жители 3 тыс. домов.', 'ru');
    // "семью" is "family" far more often than "with seven".
    assert.deepEqual(kinds(classifyChanges('Он потерял семью в войне.', 'Он потерял дом в войне.', 'ru')), ['wording']);
    assert.deepEqual(kinds(classifyChanges('Вода затопила дома в пяти деревнях.', 'Вода затопила дома в шести деревнях.', 'ru')), [
      'number',
    ]);
  });

  it('reads a capitalised German word after a determiner or a figure as a noun, not a name', () => {
    const names = (a: string, b: string) => classifyChanges(a, b, 'de').filter(c => c.kind === 'name');
    assert.deepEqual(
      names('Die Helfer verstärkten am Montag die Deiche am Fluss.', 'Die Einsatzkräfte verstärkten am Montag die Dämme am Fluss.'),
      [],
    );
    assert.deepEqual(kinds(classifyChanges('Am Montag sprach Scholz mit den Helfern.', 'Am Montag sprach Merz mit den Helfern.', 'de')), [
      'name',
    ]);
    // A demonstrative before a verb, and a relative pronoun after a comma, are no articles of the name.
    assert.deepEqual(kinds(classifyChanges('Das sagte Merz am Montag.', 'Das sagte Scholz am Montag.', 'de')), ['name']);
    assert.deepEqual(kinds(classifyChanges('Die Partei, die Merz anführt, siegte.', 'Die Partei, die Scholz anführt, siegte.', 'de')), [
      'name',
    ]);
    // A figure counts things, not people by name: the word after it is a noun too.
    assert.deepEqual(names('Rund 250 Helfer waren im Einsatz.', 'Rund 250 Einsatzkräfte waren im Einsatz.'), []);
    assert.deepEqual(names('Unter den Toten ist der 58 Jahre alte Lokführer.', 'Unter den Toten ist der 58-jährige Lokführer.'), []);
    // After a score stands a scorer's name; after a time or a year, as after a count, a noun.
    assert.deepEqual(
      kinds(classifyChanges('Die Tore erzielten 1:0 Müller und 2:0 Kane.', 'Die Tore erzielten 1:0 Sané und 2:0 Kane.', 'de')),
      ['name'],
    );
    assert.deepEqual(names('Um 15:30 Uhr Ortszeit begann das Spiel.', 'Um 15:30 Uhr Lokalzeit begann das Spiel.'), []);
  });

  it('reads digit runs and texts as the plain character-by-character reading does, on seeded random ones', () => {
    const zeros = [0x30, 0x660, 0x6f0, 0x966, 0xff10];
    const plainAsciiDigits = (text: string) => {
      let out = '';
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        const zero = cp > 0x39 && /\p{Nd}/u.test(ch) ? zeros.find(z => cp >= z && cp <= z + 9) : undefined;
        out += zero !== undefined ? String.fromCharCode(48 + cp - zero) : ch;
      }
      return out;
    };
    // The fast paths of `digitValue` read plain ASCII digits; the same run in Arabic-Indic digits takes the general one.
    const arabicIndic = (text: string) => text.replace(/[0-9]/g, d => String.fromCharCode(0x660 + Number(d)));
    const random = seededRandom(20261204);
    const pieces = ['0', '1', '7', '9', '00', '١', '٥', '۲', '५', '３', ',', '.', ':', "'", '’', '\u00a0', 'a', 'é', ' '];
    for (let trial = 0; trial < 3000; trial++) {
      let text = '';
      for (let n = Math.floor(random() * 8); n > 0; n--) text += pieces[Math.floor(random() * (random() < 0.7 ? 4 : pieces.length))];
      assert.equal(asciiDigits(text), plainAsciiDigits(text), text);
      assert.equal(digitValue(text), digitValue(arabicIndic(text)), text);
    }
  });

  it('reads every code point as a digit exactly when Unicode calls it a decimal digit of a listed block', () => {
    const zeros = [
      0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090,
      0x17e0, 0x1810, 0x1946, 0x19d0, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xaa50, 0xabf0, 0xff10,
    ];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const zero = cp > 0x39 && /\p{Nd}/u.test(ch) ? zeros.find(z => cp >= z && cp <= z + 9) : undefined;
      const expected = zero !== undefined ? String.fromCharCode(48 + cp - zero) : ch;
      if (asciiDigits(`a${ch}b`) !== `a${expected}b`) assert.fail(`U+${cp.toString(16)}`);
    }
    // Lone surrogates are kept as they are.
    assert.equal(asciiDigits('\ud800١\udc00'), '\ud8001\udc00');
  });

  it('reads Arabic-Indic and Persian digits as their values', () => {
    same('قتل ١٢ شخصا', 'قتل 12 شخصا', 'ar');
    assert.equal(digitValue('۲۰۲۱'), '2021');
    assert.equal(digitValue('١٬٠٠٠'), '1000');
    assert.deepEqual(kinds(classifyChanges('قتل ١٢ شخصا', 'قتل ١٥ شخصا', 'ar')), ['number']);
  });

  it('reads percentages, dates and month names as numbers', () => {
    same('It controls 90 percent of the land.', 'It controls 90% of the land.');
    assert.deepEqual(kinds(classifyChanges('They met on Monday.', 'They met on Tuesday.', 'en')), ['number']);
    assert.deepEqual(kinds(classifyChanges('It began in March 2011.', 'It began in May 2011.', 'en')), ['number']);
    assert.deepEqual(kinds(classifyChanges('It controls 90% of the land.', 'It controls 80% of the land.', 'en')), ['number']);
  });

  it('reads half as the share 50 % and "half a million" as its figure', () => {
    same('Half the votes were counted.', '50% the votes were counted.');
    same('It killed half a million people.', 'It killed 500,000 people.');
    same('Die Hälfte der Stimmen.', 'Die 50 Prozent der Stimmen.', 'de');
    assert.deepEqual(
      classifyChanges('It killed half a million people.', 'It killed hundreds of thousands of people.', 'en').map(c => [c.kind, c.base]),
      [['number', 'half a million']],
    );
    assert.deepEqual(kinds(classifyChanges('Half the votes were counted.', 'A third of the votes were counted.', 'en')), ['number']);
    same('قتل نصف مليون شخص', 'قتل 500000 شخص', 'ar');
    // A half counted ("the second half", "two and a half") is no share of a whole.
    assert.ok(!factTokens('He scored in the second half.', 'en').some(t => t.key === '%'));
    assert.ok(!factTokens('It took two and a half hours.', 'en').some(t => t.key === '%'));
  });

  it('reads a day told from the day of writing against a weekday or another such day as wording, and two weekdays as numbers', () => {
    const kindsOf = (a: string, b: string, language = 'en') => kinds(classifyChanges(a, b, language));
    assert.deepEqual(kindsOf('They met on Monday.', 'They met yesterday.'), ['wording']);
    assert.deepEqual(kindsOf('They met today.', 'They met yesterday.'), ['wording']);
    assert.deepEqual(kindsOf('He left on July 13.', 'He left today.'), ['wording']);
    assert.deepEqual(kindsOf('Sie trafen sich am Montag.', 'Sie trafen sich gestern.', 'de'), ['wording']);
    assert.deepEqual(kindsOf('Они встретились в понедельник.', 'Они встретились вчера.', 'ru'), ['wording']);
    assert.deepEqual(kindsOf('They met on Monday.', 'They met on Tuesday.'), ['number']);
    // A day dropped is a fact dropped, however it was told.
    assert.deepEqual(kindsOf('They met yesterday in Moscow.', 'They met in Moscow.'), ['number']);
    // A month alone or a year names no day, and two relative days two days apart are two days.
    assert.deepEqual(kindsOf('It began in March 2011.', 'It began yesterday.'), ['number']);
    assert.deepEqual(kindsOf('It began in 2019.', 'It began yesterday.'), ['number']);
    assert.deepEqual(kindsOf('The vote is tomorrow.', 'The vote was yesterday.').includes('number'), true);
    // The morning, not tomorrow: a capital inside a sentence or an article before the word.
    assert.ok(!kindsOf('Er kam am Morgen an.', 'Er kam an.', 'de').includes('number'));
    assert.ok(!kindsOf('Llegó por la mañana.', 'Llegó.', 'es').includes('number'));
  });

  it('reads a date that opens or closes a sentence against a day told from the day of writing', () => {
    const kindsOf = (a: string, b: string) => kinds(classifyChanges(a, b, 'en'));
    assert.deepEqual(kindsOf('July 13 was the day he left.', 'Yesterday was the day he left.'), ['wording']);
    assert.deepEqual(kindsOf('Yesterday was the day he left.', 'July 13 was the day he left.'), ['wording']);
    assert.deepEqual(kindsOf('He left on 13 July', 'He left yesterday'), ['wording']);
  });

  it('reads ordinals written as words and with a suffix as the number they count', () => {
    same('He won the first round on Monday.', 'He won the 1st round on Monday.');
    same('Their twenty-first title came.', 'Their 21st title came.');
    same('It opened on May 1st.', 'It opened on May 1.');
    same('Le 1er mai.', 'Le 1 mai.', 'fr');
    assert.deepEqual(
      classifyChanges('It was the third attempt.', 'It was the fourth attempt.', 'en').map(c => [c.kind, c.base, c.other]),
      [['number', 'third', 'fourth']],
    );
    assert.deepEqual(kinds(classifyChanges('It was the 3rd attempt.', 'It was the 4th attempt.', 'en')), ['number']);
    assert.deepEqual(kinds(classifyChanges('Le 1er mai.', 'Le 2e mai.', 'fr')), ['number']);
  });

  it('reads "first" without an article or a possessive before it as a word, not a number', () => {
    assert.ok(!factTokens('He first said no.', 'en').some(t => t.kind === 'number'));
    assert.ok(factTokens('He said no for the first time.', 'en').some(t => t.kind === 'number' && t.ordinal));
    // German writes "1." for the first: no ending makes a German figure an ordinal.
    assert.ok(!factTokens('Am 1st Mai.', 'de').some(t => t.kind === 'number' && t.end - t.start > 1));
  });

  it('does not read the article "ein" or "un" as the number one', () => {
    assert.ok(!factTokens('Ein Mann kam.', 'de').some(t => t.kind === 'number'));
    assert.ok(!factTokens('Un homme est venu.', 'fr').some(t => t.kind === 'number'));
    assert.ok(numberLexicon('en').phrases.get('one') === 1);
  });

  it('names the months of Bosnian, Croatian and Serbian in Latin script as each of them does, and no date by a number word alone', () => {
    const months = numberLexicon('sh').dateWords;
    for (const word of ['januar', 'siječanj', 'listopad', 'oktobar']) assert.match(months.get(word) ?? '', /^month:/, word);
    assert.equal(numberLexicon('vi').dateWords.get('năm'), undefined);
    assert.equal(months.get('svi'), undefined, 'Croatian "all", short for May');
    assert.equal(numberLexicon('cs').dateWords.get('pro'), undefined, 'Czech "for", short for December');
    assert.equal(numberLexicon('hu').phrases.get('két'), 2);
    assert.equal(numberLexicon('hu').phrases.get('hét'), undefined, 'Hungarian "week", also 7');
  });

  it('reads the numbers Greek, Hindi, Persian and Hebrew news texts spell out, and not their indefinite articles', () => {
    const numbers = (text: string, language: string) =>
      factTokens(text, language)
        .filter(t => t.kind === 'number')
        .map(t => t.key);
    assert.deepEqual(numbers('Τα δρομολόγια θα γίνονται τρεις φορές την εβδομάδα, όχι δύο.', 'el'), ['#3', '#2']);
    assert.deepEqual(numbers('Ένας επιβάτης τραυματίστηκε.', 'el'), []);
    assert.deepEqual(numbers('मौसम विभाग ने बारह जिलों में अलर्ट जारी किया है।', 'hi'), ['#12']);
    assert.deepEqual(numbers('एक व्यक्ति घायल हुआ।', 'hi'), []);
    assert.deepEqual(numbers('کتابخانه پس از پنج سال ساخت افتتاح شد.', 'fa'), ['#5']);
    assert.deepEqual(numbers('نه، این کتابخانه در یک روستا نیست.', 'fa'), []);
    assert.deepEqual(numbers('העבודות יימשכו שלוש שנים.', 'he'), ['#3']);
  });

  it('reads a number of tens and units or a teen, spelled out in Greek, Persian or Hebrew, as one number', () => {
    const numbers = (text: string, language: string) =>
      factTokens(text, language)
        .filter(t => t.kind === 'number')
        .map(t => t.key);
    assert.deepEqual(numbers('Τραυματίστηκαν είκοσι πέντε άνθρωποι.', 'el'), ['#25']);
    assert.deepEqual(numbers('بیست و پنج نفر زخمی شدند.', 'fa'), ['#25']);
    assert.deepEqual(numbers('העבודות יימשכו שתים עשרה שנים.', 'he'), ['#12']);
    assert.deepEqual(numbers('נפצעו שלושה עשר בני אדם.', 'he'), ['#13']);
    assert.deepEqual(numbers('נפצעו עשרים וחמישה בני אדם.', 'he'), ['#25']);
  });

  it('reads no number in the letters of an acronym that Persian spells out, one of which is also thirty', () => {
    const numbers = (text: string) =>
      factTokens(text, 'fa')
        .filter(t => t.kind === 'number')
        .map(t => t.key);
    assert.deepEqual(numbers('به گزارش بی بی سی، پنج نفر زخمی شدند.'), ['#5']);
    assert.deepEqual(numbers('به گزارش سی ان ان، پنج نفر زخمی شدند.'), ['#5']);
  });

  it('reads no month in an everyday word that shares the stem of a month named after it', () => {
    const dates = (text: string, language: string) =>
      factTokens(text, language)
        .filter(t => t.kind === 'date')
        .map(t => t.key);
    // Lithuanian names months by nouns: "kova" (fight) has the stem of "kovas" (March), "vasarą"
    // (in summer) that of "vasaris" (February), "sausas" (dry) that of "sausis" (January).
    assert.deepEqual(dates('Kova su korupcija tęsis visą vasarą.', 'lt'), []);
    assert.deepEqual(dates('Oras buvo sausas ir šiltas.', 'lt'), []);
    assert.deepEqual(dates('Rinkimai vyks kovo 15 d.', 'lt'), ['month:3']);
    // Ukrainian "лютих" (fierce) has the stem of "лютий" (February).
    assert.deepEqual(dates('Після лютих боїв місто звільнили.', 'uk'), []);
    assert.deepEqual(dates('Вибори пройдуть у червні.', 'uk'), ['month:6']);
  });

  it('reads a Persian page’s Gregorian month names as those months, and its Solar Hijri months as months of their own calendar', () => {
    const monthOf = (text: string) => factTokens(text, 'fa').find(t => t.kind === 'date')?.key;
    assert.equal(monthOf('نشست روز ۱۵ مارس برگزار شد.'), monthOf('نشست روز 15/03/2024 برگزار شد.'));
    assert.equal(monthOf('نشست روز ۱۵ مارس برگزار شد.'), 'month:3');
    assert.equal(monthOf('نشست روز ۱۵ ژانویه برگزار شد.'), 'month:1');
    // Esfand, the twelfth month of the Solar Hijri year, runs from late February to March.
    const esfand = monthOf('نشست روز ۲۸ اسفند برگزار شد.');
    assert.match(esfand ?? '', /^month:/);
    assert.notEqual(esfand, 'month:3');
    assert.notEqual(esfand, 'month:12');
    assert.equal(numberLexicon('fa').dateWords.get('مه'), undefined, 'Persian "May", also "fog"');
  });
});

describe('Publication dates', () => {
  /** The publication date of a page of `language` whose headline `line` follows. */
  const datedOn = (language: string, line: string) => {
    const text = `Headline of the story\n${line}\n\nThe body.`;
    return findPublished({ text, language, lineSpans: splitLines(text), firstArticleLine: 0 });
  };

  const parsers = [chrono.en.strict];
  it('reads a date line in several formats and languages as ISO 8601', () => {
    const en = numberLexicon('en').dateWords;
    assert.equal(dateOfLine('DAMASCUS Sep 14, 2021 - 10:51 am GMT+3', parsers, en), '2021-09-14T10:51+03:00');
    assert.equal(dateOfLine('Gulan Media September 14, 2021 News', parsers, en), '2021-09-14');
    assert.equal(dateOfLine('14. September 2021, 09:00 Uhr', [chrono.de.strict], numberLexicon('de').dateWords), '2021-09-14T09:00');
    assert.equal(dateOfLine('14 сентября 2021, 09:00', [chrono.ru.strict], numberLexicon('ru').dateWords), '2021-09-14T09:00');
    // A time the parser takes into its date unread, one set with an "h", and Greenwich time in words.
    const pt = numberLexicon('pt').dateWords;
    assert.equal(dateOfLine('Publicado em 14/05/2024 - 10:52', [chrono.pt.strict], pt), '2024-05-14T10:52');
    assert.equal(dateOfLine('14 de maio de 2024 às 10h52', [chrono.pt.strict], pt), '2024-05-14T10:52');
    assert.equal(dateOfLine('14 мая 2024 г. 12:48 по Гринвичу', [chrono.ru.strict], numberLexicon('ru').dateWords), '2024-05-14T12:48Z');
    // Greenwich time beside the time read is no offset of it, and a length is no time.
    assert.equal(
      dateOfLine('14 мая 2024, 15:48 по Москве (12:48 по Гринвичу)', [chrono.ru.strict], numberLexicon('ru').dateWords),
      '2024-05-14T15:48',
    );
    assert.equal(dateOfLine('14/05/2024 - Atualizado há 2h30', [chrono.pt.strict], pt), '2024-05-14');
    assert.equal(dateOfLine('14/05/2024 - Lecture 3 min - 10h52', [chrono.fr.strict], numberLexicon('fr').dateWords), '2024-05-14T10:52');
    assert.equal(dateOfLine('14 мая 2024 12:48 (по Гринвичу)', [chrono.ru.strict], numberLexicon('ru').dateWords), '2024-05-14T12:48Z');
    assert.equal(
      dateOfLine('الثلاثاء 14 سبتمبر-أيلول 2021 الساعة 09 مساءً', [chrono.ar.strict], numberLexicon('ar').dateWords),
      '2021-09-14T21:00',
    );
    assert.equal(
      dateOfLine(
        'In recent weeks, Syrian opposition activists said on September 14, 2021 that Russian warplanes struck Idlib',
        parsers,
        en,
      ),
      undefined,
    );
  });

  it('finds the date line near the headline and skips an embedded post', () => {
    const text = 'Headline of the story\n— Someone (@someone) September 13, 2021\nBy A Reporter, 14 Sep 2021\n\nThe body.';
    assert.equal(findPublished({ text, language: 'en', lineSpans: splitLines(text), firstArticleLine: 0 }), '2021-09-14');
  });

  it('reads a date in figures day first on a page whose language writes it so, month first on an English page', () => {
    assert.equal(datedOn('el', '12.08.2024 10:30'), '2024-08-12T10:30');
    assert.equal(datedOn('he', '07/05/2024'), '2024-05-07');
    assert.equal(datedOn('ka', '10.01.2025'), '2025-01-10');
    assert.equal(datedOn('und', '07.05.2024'), '2024-05-07', 'an undetermined language, as most languages write it');
    assert.equal(datedOn('en', '07/05/2024'), '2024-07-05');
    assert.equal(datedOn('de', '07.05.2024'), '2024-05-07');
    assert.equal(writesMonthFirst('en'), true);
    assert.equal(writesMonthFirst('el'), false);
    assert.equal(writesMonthFirst('sv'), false, 'year first, a date ending in its year day first');
    assert.equal(writesMonthFirst('ja'), false);
    assert.equal(writesMonthFirst('no-such-tag-!'), false);
  });

  it('dates a page only by a year it may be dated, in the digits of any script', () => {
    const dated = (line: string, language = 'en') => datedOn(language, line);
    assert.equal(dated('The report was read by 5274 people on March 3'), undefined);
    assert.equal(dated('March 3, 1850'), undefined, 'no web page is dated so');
    assert.equal(dated('March 3, 1999'), '1999-03-03');
    assert.equal(dated('٣ مارس ٢٠٢١', 'ar'), '2021-03-03', 'Arabic-Indic digits read as their values');
  });

  it('dates a page in a language without a date parser of its own by its month names', () => {
    assert.equal(datedOn('tr', '6 Nisan 2024 Cumartesi'), '2024-04-06');
    assert.equal(datedOn('el', 'Δημοσιεύθηκε: 15 Μαΐου 2024, 09:40'), '2024-05-15T09:40');
    assert.equal(datedOn('hi', 'प्रकाशित: 28 जून 2024, 11:15 AM'), '2024-06-28T11:15');
    assert.equal(datedOn('pl', '12 marca 2024, 10:15'), '2024-03-12T10:15');
    assert.equal(datedOn('he', 'פורסם: 12 במרץ 2024, 08:15'), '2024-03-12T08:15', 'a month with the letter for "in" written onto it');
    assert.equal(datedOn('fa', '۱۵ مارس ۲۰۲۴ - ۱۰:۳۰'), '2024-03-15T10:30');
    assert.equal(datedOn('ko', '2024년 3월 12일 14:05'), '2024-03-12T14:05');
    // A Solar Hijri date is not read as a Gregorian one.
    assert.equal(datedOn('fa', '۲۸ اسفند ۲۰۲۴'), undefined);
  });

  it('dates a page by a day written as an ordinal, a date written year first and figures set apart by spaces', () => {
    assert.equal(datedOn('cs', '12. března 2024 10:30'), '2024-03-12T10:30');
    assert.equal(datedOn('da', '7. december 2026'), '2026-12-07');
    assert.equal(datedOn('hr', '7. prosinca 2026. u 10:30'), '2026-12-07T10:30');
    assert.equal(datedOn('hu', '2026. december 7. 10:30'), '2026-12-07T10:30');
    assert.equal(datedOn('lt', '2026 m. gruodžio 7 d. 10:30'), '2026-12-07T10:30');
    assert.equal(datedOn('cs', '12. 3. 2024 10:30'), '2024-03-12T10:30');
    assert.equal(datedOn('da', '7. dec. 2026 kl. 10:30'), '2026-12-07T10:30', 'a month name cut short with a full stop');
  });

  it("dates a page by its language's own calendar: the Buddhist era, the Solar Hijri calendar", () => {
    assert.equal(datedOn('th', '7 ธันวาคม 2569 เวลา 10:30 น.'), '2026-12-07T10:30');
    assert.equal(datedOn('th', '7 ธ.ค. 2569'), '2026-12-07');
    assert.equal(datedOn('th', '7 ธันวาคม 2026'), '2026-12-07', 'a Thai page dated by the Gregorian year');
    assert.equal(datedOn('th', 'วันจันทร์ที่ 7 ธันวาคม พ.ศ. 2569 เวลา 10:30 น.'), '2026-12-07T10:30', 'the era named before the year');
    assert.equal(datedOn('fa', '۱۶ آذر ۱۴۰۵ - ۱۰:۳۰'), '2026-12-07T10:30');
    assert.equal(datedOn('fa', 'دوشنبه ۱۶ آذر ۱۴۰۵'), '2026-12-07');
    assert.equal(datedOn('fa', 'دوشنبه ۱۶ آذرماه ۱۴۰۵'), '2026-12-07', 'the word for month written onto its name');
  });

  it('takes no relative expression for the date a page was published', () => {
    for (const line of ['Updated 2 days ago, 2021 edition', 'Tonight: the 2021 season opens', 'In the past week, 2021 records fell']) {
      const text = `Headline of the story\n${line}\n\nThe body.`;
      assert.equal(findPublished({ text, language: 'en', lineSpans: splitLines(text), firstArticleLine: 0 }), undefined, line);
    }
  });

  it('orders dates by day, then by time, leaving a day without a time undecided', () => {
    assert.ok(comparePublished('2021-09-13T23:00', '2021-09-14') < 0);
    assert.ok(comparePublished('2021-09-14T10:51+03:00', '2021-09-14T09:00Z') < 0);
    assert.equal(comparePublished('2021-09-14', '2021-09-14T09:00'), 0);
  });
});

describe('Origin', () => {
  const originOf = (dir: string) => {
    const inputs = inputsOf(dir);
    const analysis = analyse(inputs);
    assert.equal(analysis.stories.length, 1);
    const origin = analysis.stories[0].origin!;
    return { inputs, analysis, origin, name: inputs[origin.source].id };
  };

  /** A statement the versions `sources` carry, those of `inAnchorWording` in the anchor's own words. */
  const statementOf = (sources: number[], inAnchorWording: number[]): SentenceGroup => ({
    members: sources.map(source => ({ source, sentence: 0, similarity: inAnchorWording.includes(source) ? 1 : 0.8 })),
    anchor: 0,
    sourceCount: sources.length,
  });
  /** The origin of versions v0.txt, v1.txt, … with the dates `published`, carrying `groups`. */
  const originOfDated = (published: (string | undefined)[], groups: SentenceGroup[]) =>
    storyOrder({
      sources: published.map((_, s) => s),
      published,
      names: published.map((_, s) => `v${s}.txt`),
      ids: published.map((_, s) => `v${s}.txt`),
      groups,
      storyGroups: groups.map((_, g) => g),
    }).origin!;

  it('names the version with the earliest date on a story whose pages carry dates', () => {
    const { name, origin, analysis } = originOf('dated');
    assert.equal(name, 'full.txt');
    assert.equal(origin.reason, 'earliest date: 14 Sep 2021 09:00');
    assert.deepEqual(
      analysis.sources.map(s => s.published),
      ['2021-09-14T21:00', '2021-09-14T09:00', '2021-09-15T07:45'],
    );
  });

  it('names the superset on a story without dates, with how many shared statements it carries', () => {
    const { name, origin, analysis } = originOf('superset');
    assert.equal(name, 'full.txt');
    const shared = analysis.groups.length;
    assert.equal(origin.reason, `carries ${shared} of the ${shared} shared statements; the others are subsets`);
    assert.ok(analysis.sources.every(s => s.published === undefined));
  });

  it('names a version that carries no shared statement apart, not as a subset of the origin', () => {
    const { inputs } = originOf('superset');
    const stray = { id: 'stray.txt', text: 'Groceries\n\nCall the bank about the card that was blocked last week before the trip.\n' };
    const analysis = createAnalyzer({ stories: { oneStory: true } }, { expectEdits: false }).analyze([...inputs, stray]);
    const origin = analysis.stories[0].origin!;
    assert.equal(analysis.sources.length, inputs.length + 1);
    assert.equal(inputs[origin.source]?.id, 'full.txt');
    const shared = analysis.groups.length;
    assert.equal(origin.reason, `carries ${shared} of the ${shared} shared statements; stray.txt carries none; the others are subsets`);
  });

  it('names the versions whose dates do not order against the earliest, and what told them apart', () => {
    // v1 carries both statements; v0 (the same day, no time) one of them.
    assert.deepEqual(
      originOfDated(['2021-09-14', '2021-09-14T09:00', '2021-09-15'], [statementOf([0, 1, 2], [0, 1, 2]), statementOf([1, 2], [1, 2])]),
      {
        source: 1,
        reason:
          'earliest date: 14 Sep 2021 09:00, not known to be earlier than v0.txt (14 Sep 2021); of the two it carries the most shared statements (2 of 2)',
      },
    );
    // All carry the one statement: the name decides, and the reason says the text did not.
    assert.deepEqual(originOfDated(['2021-09-14T09:00', '2021-09-14T09:00', '2021-09-14'], [statementOf([0, 1, 2], [0, 1, 2])]), {
      source: 0,
      reason:
        'earliest date: 14 Sep 2021 09:00, not known to be earlier than v1.txt (14 Sep 2021 09:00), v2.txt (14 Sep 2021); the shared text does not tell them apart',
    });
    // A day before the others: no tie to name.
    assert.equal(originOfDated(['2021-09-13', '2021-09-14T09:00'], [statementOf([0, 1], [0, 1])]).reason, 'earliest date: 13 Sep 2021');
  });

  it('says of the shared text only what holds of each version whose date does not order against the earliest', () => {
    // One day, no times. v0 and v1 carry all three statements, v0 one in the anchor's wording and
    // v1 none; v2 carries two, both in it: v0 is not the one with most in the wording closest to all.
    assert.deepEqual(
      originOfDated(
        ['2021-09-14', '2021-09-14', '2021-09-14'],
        [statementOf([0, 1, 2], [2]), statementOf([0, 1, 2], [0, 2]), statementOf([0, 1], [])],
      ),
      {
        source: 0,
        reason:
          'earliest date: 14 Sep 2021, not known to be earlier than v1.txt (14 Sep 2021), v2.txt (14 Sep 2021); of these it carries the most shared statements (3 of 3), as v1.txt does, and more of them in the wording closest to all',
      },
    );
    // v0 at 8:00 is before v1 at 9:00, and v2 gives the day alone: the dates order no three of
    // them one way. Whichever comes first, the reason does not say that the text tells nothing
    // where it favours one of those it names.
    const all = [0, 1, 2, 3];
    const reason = originOfDated(
      ['2021-09-14T08:00', '2021-09-14T09:00', '2021-09-14', undefined],
      [statementOf([0, 1, 2], all), statementOf([1, 2], all), statementOf([1, 3], all)],
    ).reason;
    assert.doesNotMatch(reason, /does not tell|carries the most/, reason);
    assert.match(reason, /; the shared text favours v\d\.txt/, reason);
  });

  it('lets the date win where the dates and the shared text disagree, and says so', () => {
    const { name, origin } = originOf('disagree');
    assert.equal(name, 'first-half.txt');
    assert.match(
      origin.reason,
      /^earliest date: 14 Sep 2021 21:00; the shared text points to full\.txt \(carries \d+ of the \d+ shared statements\), but the date wins$/,
    );
  });

  it('gives each statement its earliest version: by date where known', () => {
    const { inputs, analysis } = originOf('disagree');
    const first = inputs.findIndex(i => i.id === 'first-half.txt');
    const middle = inputs.findIndex(i => i.id === 'middle.txt');
    for (const g of analysis.groups) {
      const sources = g.members.map(m => m.source);
      const expected = sources.includes(first) ? first : sources.includes(middle) ? middle : sources[0];
      assert.equal(g.earliest, expected);
    }
  });

  it('gives the seeds the version with the earliest time as origin, and exports it', () => {
    const analysis = analyse(seedInputs());
    const json = toExportFormat1(analysis);
    assert.deepEqual(validateExport(json), []);
    assert.match(json.sources[json.stories[0].origin!.source].path, /001_/);
    // 004 gives the same day without a time, which the dates do not order against 10:51.
    assert.match(
      json.stories[0].origin!.reason,
      /^earliest date: 14 Sep 2021 10:51 GMT\+3, not known to be earlier than 004_b132656ddbd9dbe3\.txt \(14 Sep 2021\); of the two it carries the most shared statements \(\d+ of \d+\)$/,
    );
    assert.ok(json.groups.every(g => typeof g.earliest === 'number'));
    assert.equal(json.sources.filter(s => s.published).length, 3);
  });
});

/** `items` in a seeded random order (Fisher–Yates). */
function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('Origin, whatever the order of the versions', () => {
  /** The origin's file name and reason of `inputs` analysed in the order `order` (indices into `inputs`). */
  const originIn = (inputs: readonly SourceInput[], order: readonly number[]) => {
    const analysis = analyse(order.map(i => inputs[i]));
    const origin = analysis.stories[0].origin!;
    return { name: analysis.sources[origin.source].id, reason: origin.reason };
  };

  it('names the same version for the same reason in every order of the seeds', () => {
    const inputs = seedInputs();
    const random = seededRandom(17);
    const orders = [
      [0, 1, 2, 3, 4],
      [4, 3, 2, 1, 0],
      // Two versions that carry as many shared statements as each other, the later one given first.
      [0, 2, 3, 1, 4],
      ...Array.from({ length: 5 }, () => shuffled(random, [0, 1, 2, 3, 4])),
    ];
    const first = originIn(inputs, orders[0]);
    for (const order of orders) assert.deepEqual(originIn(inputs, order), first, order.join(','));
  });

  it('breaks a tie between copies by name, and says the shared text cannot tell them apart', () => {
    const text = inputsOf('superset').find(i => i.id === 'full.txt')!.text;
    const copies = [
      { id: 'b.txt', text },
      { id: 'a.txt', text },
    ];
    for (const order of [
      [0, 1],
      [1, 0],
    ]) {
      const { name, reason } = originIn(copies, order);
      assert.equal(name, 'a.txt');
      // The copy it ties with is no other version to say more of: it carries as much.
      assert.match(reason, /^carries (\d+) of the \1 shared statements, as does b\.txt$/);
    }
    // Beside a version that carries less, what is said of the others is said of that one alone.
    const withPart = [...copies, { id: 'part.txt', text: inputsOf('superset').find(i => i.id === 'first-half.txt')!.text }];
    assert.match(
      originIn(withPart, [0, 1, 2]).reason,
      /^carries (\d+) of the \1 shared statements, as does b\.txt; the other is a subset$/,
    );
  });

  it('says of a version that carries the same statements in other words that it does, not that it is a subset', () => {
    const text = inputsOf('superset').find(i => i.id === 'full.txt')!.text;
    // One word of one article sentence changed: the same statements, one of them reworded.
    const reworded = text.replace(/\b(said|says|told)\b/, 'stated');
    assert.notEqual(reworded, text);
    const { name, reason } = originIn(
      [
        { id: 'a.txt', text },
        { id: 'b.txt', text: reworded },
      ],
      [0, 1],
    );
    assert.equal(name, 'a.txt');
    assert.match(
      reason,
      /^carries (\d+) of the \1 shared statements; the other carries the same ones, fewer in the wording closest to all$/,
    );
  });

  it('names every copy it ties with in order of name, and a copy by its path where another shares its file name', () => {
    const text = inputsOf('superset').find(i => i.id === 'full.txt')!.text;
    const copies = ['c.txt', 'a.txt', 'b.txt'].map(id => ({ id, text }));
    for (const order of [
      [0, 1, 2],
      [2, 1, 0],
    ])
      assert.match(originIn(copies, order).reason, /, as do b\.txt, c\.txt$/);
    const sameName = [
      { id: 'wire/story.txt', text },
      { id: 'agency/story.txt', text },
    ];
    assert.match(originIn(sameName, [0, 1]).reason, /, as does wire\/story\.txt$/);
  });
});

describe('adjectives of nations and faiths', () => {
  it('are made from the region names the runtime knows, by the regular patterns', () => {
    for (const word of ['qatari', 'somali', 'german', 'uzbek', 'kazakh', 'afghan', 'kenyan', 'hindu'])
      assert.ok(isProperAdjective(word, 'en'), word);
  });

  it('leave names that only look like a region name cut short alone', () => {
    for (const word of ['green', 'chin', 'helen', 'nation', 'marin', 'putin']) assert.ok(!isProperAdjective(word, 'en'), word);
    assert.ok(!isProperAdjective('qatari', 'xx'), 'a language without an entry has none');
  });
});
