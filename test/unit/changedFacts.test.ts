import * as assert from 'node:assert/strict';
import { counterparts } from '../../src/core';
import type { CorpusAnalysis, FactChange, SentenceGroup } from '../../src/core';
import { analyzeCorpus } from '../../src/core/analyzer';
import { buildComparison } from '../../src/core/comparison';
import { distinctCounterparts } from '../../src/distinctCounterparts';
import { FactComparer, groupHasFactChanges, statementFactsFor } from '../../src/core/factPairs';
import { accessibleLabel, changeText, hoverLine, sourceList } from '../../src/factText';
import { isTarget } from '../../src/navigationTargets';
import { changedFactSpans, factChangesAcross, factHoverLines } from '../../src/sentenceFacts';
import { seedInputs } from '../support/fixtures';

describe('fact changes between two wordings of a statement', () => {
  const comparer = new FactComparer();
  const facts = (from: string, to: string) => comparer.between(from, to, 'en').map(p => p.change);

  it('gives the facts that turn one wording into the other, placed in the other, leaving out rewordings', () => {
    assert.deepEqual(
      facts('Officials said 12 people died in the fire on Monday.', 'Officials said 15 people were killed in the fire on Monday.'),
      [{ kind: 'number', base: '12', other: '15', otherRange: [15, 17] }],
    );
    assert.deepEqual(facts('Officials said 12 people died.', 'Officials said 12 people were killed.'), []);
  });

  it('reads a fact the other wording lacks as dropped, and one it adds as added', () => {
    const [dropped] = facts('Officials said 12 people died.', '12 people died.');
    assert.equal(dropped.kind, 'attribution');
    assert.equal(dropped.base, 'Officials said');
    assert.equal(dropped.other, '');
    const [added] = facts('12 people died.', 'Officials said 12 people died.');
    assert.deepEqual([added.kind, added.base, added.other, added.otherRange], ['attribution', '', 'Officials said', [0, 14]]);
  });

  it('reads a date put where the other wording has words without a figure as added, and those words as rewording', () => {
    const changes = facts('Meanwhile, the president left for Paris.', 'On Wednesday, the president left for Paris.');
    const date = changes.find(c => c.kind === 'number');
    assert.deepEqual([date?.base, date?.other, date?.date], ['', 'Wednesday', true]);
    const [added] = facts(
      'The country cements its growing prowess in space.',
      'The feat on Wednesday cements the country’s growing prowess in space.',
    ).filter(c => c.kind === 'number');
    assert.equal(added.base, '');
    // A week, month or year named around the time of writing is what the date replaced.
    assert.deepEqual(
      facts('The talks ended last week in Paris.', 'The talks ended on Wednesday in Paris.')
        .filter(c => c.kind === 'number')
        .map(c => [c.base, c.other]),
      [['last week', 'Wednesday']],
    );
    // A figure put where the other has a figure stays one change of it.
    assert.deepEqual(
      facts('Police said hundreds were hurt.', 'Police said thousands were hurt.').map(c => [c.kind, c.base, c.other]),
      [['number', 'hundreds', 'thousands']],
    );
  });

  it('reads a month named in a case the runtime does not write as that month, in a language that declines month names', () => {
    const dated = (from: string, to: string, language: string) =>
      comparer.between(from, to, language).map(p => [p.change.kind, p.change.base, p.change.other, p.change.date === true]);
    // Russian "в июне" (in June) is neither the nominative "июнь" nor the genitive "12 июня".
    assert.deepEqual(dated('Выборы пройдут в июне, сообщил министр.', 'Выборы пройдут в июле, сообщил министр.', 'ru'), [
      ['number', 'июне', 'июле', true],
    ]);
    // Greek writes the accusative after "τον"; it was read as a name spelt otherwise.
    assert.deepEqual(dated('Η ψηφοφορία θα γίνει τον Ιούνιο.', 'Η ψηφοφορία θα γίνει τον Ιούλιο.', 'el'), [
      ['number', 'Ιούνιο', 'Ιούλιο', true],
    ]);
    assert.deepEqual(dated('Vaalit pidetään kesäkuussa.', 'Vaalit pidetään heinäkuussa.', 'fi'), [
      ['number', 'kesäkuussa', 'heinäkuussa', true],
    ]);
    // A word with a weekday's stem ("среди", among, and "среда", Wednesday) names no day: a
    // rewording, which is no fact. English does not decline its months: "marched" is no March.
    assert.deepEqual(dated('Споры идут среди жителей.', 'Споры идут между жителями.', 'ru'), []);
    assert.deepEqual(dated('Thousands marched in Paris.', 'Thousands walked in Paris.', 'en'), []);
  });

  it('reads a Persian month that is an everyday word too as a month only beside a figure', () => {
    const kinds = (from: string, to: string) =>
      comparer.between(from, to, 'fa').map(p => [p.change.kind, p.change.base, p.change.date === true]);
    // "تیر" is an arrow or a bullet, "مهر" a seal: no date was dropped.
    assert.deepEqual(kinds('پلیس گفت صدای شلیک تیر شنیده شد.', 'پلیس گفت صدای انفجار شنیده شد.'), []);
    assert.deepEqual(kinds('سند با مهر دادگاه امضا شد.', 'سند با امضای دادگاه امضا شد.'), []);
    // Beside a day and a year it is the month.
    assert.deepEqual(kinds('این قانون در ۱۵ تیر ۱۴۰۲ تصویب شد.', 'این قانون در ۱۵ مرداد ۱۴۰۲ تصویب شد.'), [['number', 'تیر', true]]);
  });

  it('reads a minus sign or a decimal mark before a figure as part of its value, and a hyphen between words or figures as none', () => {
    assert.deepEqual(facts('Temperatures fell to -5 degrees overnight.', 'Temperatures fell to 5 degrees overnight.'), [
      { kind: 'number', base: '-5', other: '5', otherRange: [21, 22] },
    ]);
    assert.deepEqual(
      facts('It fell to \u22125 degrees.', 'It fell to 5 degrees.').map(c => [c.kind, c.base, c.other]),
      [['number', '\u22125', '5']],
    );
    assert.deepEqual(
      facts('Turnout was .5 percent.', 'Turnout was 5 percent.').map(c => [c.kind, c.base, c.other]),
      [['number', '.5', '5']],
    );
    assert.deepEqual(facts('Turnout was 0.5 percent.', 'Turnout was .5 percent.'), []);
    // An en dash set for the minus is one; a hyphen after a figure is a range or a score.
    assert.deepEqual(facts('It fell to \u20135 degrees.', 'It fell to -5 degrees.'), []);
    for (const [one, other] of [
      ['It ended 5 -6.', 'It ended 5-6.'],
      ['Arsenal won 2 -1.', 'Arsenal won 2-1.'],
      ['See pp.-12.', 'See pp. 12.'],
    ])
      assert.ok(!facts(one, other).some(c => c.kind === 'number'), `${one} / ${other}`);
    assert.deepEqual(
      facts('Cases of COVID-19 rose, with scores of 5-6 and 7-8.', 'Cases of COVID-19 rose, with scores of 5-6 and 7-9.').map(c => [
        c.base,
        c.other,
      ]),
      [['8', '9']],
    );
  });

  it('reads "a million", "a thousand" and "a hundred thousand" as the figures they are, and another number of them as another figure', () => {
    for (const [one, other] of [
      ['Officials said a million people fled.', 'Officials said 1 million people fled.'],
      ['It cost a thousand dollars.', 'It cost 1,000 dollars.'],
      ['He bought a hundred eggs.', 'He bought 100 eggs.'],
      ['A hundred thousand people marched.', '100,000 people marched.'],
    ])
      assert.deepEqual(facts(one, other), [], `${one} / ${other}`);
    assert.deepEqual(
      facts('A thousand people fled.', 'Two thousand people fled.').map(c => [c.kind, c.base, c.other]),
      [['number', 'A thousand', 'Two thousand']],
    );
  });

  it('reads another currency as another figure, and one amount written with the sign or with the word as one', () => {
    assert.deepEqual(
      facts('The company lost $3 million last year.', 'The company lost €3 million last year.').map(c => [c.kind, c.base, c.other]),
      [['number', '$', '€']],
    );
    assert.deepEqual(
      facts('It cost 250 euros.', 'It cost 250 pounds.').map(c => [c.kind, c.base, c.other]),
      [['number', 'euros', 'pounds']],
    );
    for (const [one, other] of [
      ['The company lost $3 million last year.', 'The company lost 3 million dollars last year.'],
      ['It cost 250 euros.', 'It cost €250.'],
      ['It cost three million dollars.', 'It cost 3 million dollars.'],
      // A currency's name is one only after an amount.
      ['Storms pound the coast.', 'Storms batter the coast.'],
      ['The dollar and the euro rose.', 'The dollar rose.'],
    ])
      assert.ok(
        facts(one, other).every(c => c.kind === 'wording'),
        `${one} / ${other}`,
      );
  });

  it('reads a month name that is an everyday word too as a month beside a figure, in a language that writes its months in lower case', () => {
    const frenchFacts = (from: string, to: string) => comparer.between(from, to, 'fr').map(p => p.change);
    assert.deepEqual(frenchFacts('Le sommet aura lieu le 5 mai 2024.', 'Le sommet aura lieu le 05/05/2024.'), []);
    assert.deepEqual(
      frenchFacts('Le sommet aura lieu le 5 mai.', 'Le sommet aura lieu le 6 mai.').map(c => [c.kind, c.base, c.other, c.date]),
      [['number', '5', '6', true]],
    );
  });

  it('reads another name in a short German sentence as a changed name, though German capitalises every noun', () => {
    const germanFacts = (from: string, to: string) =>
      comparer.between(from, to, 'de').map(p => [p.change.kind, p.change.base, p.change.other]);
    assert.deepEqual(germanFacts('Laut Polizei gab es in Hamburg drei Tote.', 'Laut Polizei gab es in Bremen drei Tote.'), [
      ['name', 'Hamburg', 'Bremen'],
    ]);
    assert.deepEqual(germanFacts('Das sagte Bundeskanzler Olaf Scholz in Berlin.', 'Das sagte Bundeskanzler Olaf Scholz in München.'), [
      ['name', 'Berlin', 'München'],
    ]);
  });

  it('reads a quotation turned into reported speech as a changed quote, with or without the colon or comma that opened it', () => {
    for (const opened of [
      'The president said: "We will fight."',
      'The president said, "We will fight."',
      'The president said "We will fight."',
    ])
      assert.deepEqual(
        facts(opened, 'The president said we will fight.').map(c => c.kind),
        ['quote'],
        opened,
      );
    // Two quotations a comma sets apart stay two.
    assert.deepEqual(
      facts('They chanted "no war", "no cuts" outside.', 'They chanted "no peace", "no jobs" outside.').map(c => [c.kind, c.base, c.other]),
      [
        ['quote', 'war', 'peace'],
        ['quote', 'cuts', 'jobs'],
      ],
    );
  });

  it('keeps spelling variants of a name marked as such in both directions', () => {
    const [there] = facts('Bashar Assad met Putin.', 'Bashar al-Assad met Putin.');
    assert.deepEqual(there, { kind: 'name', base: 'Assad', other: 'al-Assad', otherRange: [7, 15], variant: true });
    assert.deepEqual(facts('Bashar al-Assad met Putin.', 'Bashar Assad met Putin.'), [
      { kind: 'name', base: 'al-Assad', other: 'Assad', otherRange: [7, 12], variant: true },
    ]);
  });

  it('tells a group with a changed fact from one whose members only reword', () => {
    const group: SentenceGroup = {
      anchor: 0,
      sourceCount: 2,
      members: [
        { source: 0, sentence: 3, similarity: 1 },
        { source: 1, sentence: 4, similarity: 0.9, changes: [{ kind: 'number', base: '12', other: '15', otherRange: [15, 17] }] },
      ],
    };
    assert.ok(groupHasFactChanges(group));
    const reworded: SentenceGroup = {
      anchor: 1,
      sourceCount: 2,
      members: [
        { source: 0, sentence: 0, similarity: 0.8, changes: [{ kind: 'wording', base: 'died', other: 'were killed' }] },
        // The anchor's own changes, were there any, never count.
        { source: 1, sentence: 0, similarity: 1, changes: [{ kind: 'number', base: '1', other: '2' }] },
      ],
    };
    assert.ok(!groupHasFactChanges(reworded));
  });
});

describe("the seeds' changed facts between two sources, neither of them the anchor", () => {
  const analysis = analyzeCorpus(seedInputs());
  const spanText = (source: number, sentence: number) => {
    const g = analysis.sources[source].groupOfSentence[sentence];
    return analysis.groups[g].members
      .filter(m => m.source === source)
      .map(m => analysis.sources[source].sentences[m.sentence].text)
      .join(' ');
  };

  it("names on each side only what that side's wording says", () => {
    let between = 0;
    analysis.sources.forEach((s, source) =>
      s.sentences.forEach((sentence, i) => {
        const g = s.groupOfSentence[i];
        if (g < 0) return;
        const group = analysis.groups[g];
        const anchorSource = group.members[group.anchor].source;
        for (const { source: other, changes } of factChangesAcross(analysis, source, i)) {
          if (source !== anchorSource && other !== anchorSource) between++;
          const otherText = group.members
            .filter(m => m.source === other && !m.repeat)
            .map(m => analysis.sources[other].sentences[m.sentence].text)
            .join(' ');
          for (const change of changes) {
            const where = `seed ${source} sentence ${i} against ${other}: ${change.kind} ${change.base} → ${change.other}`;
            assert.ok(sentence.text.includes(change.base) || spanText(source, i).includes(change.base), where);
            assert.ok(otherText.includes(change.other), where);
          }
        }
      }),
    );
    assert.ok(between > 10, `${between} pairs of sources neither of them the anchor`);
  });

  it("gives the panel's rows, with any seed as the base, only facts that the base's wording and the other's each hold", () => {
    let rowsWithFacts = 0;
    analysis.sources.forEach((_, base) => {
      for (const row of buildComparison(analysis, base).rows) {
        if (!row.changedFacts) continue;
        rowsWithFacts++;
        const reference = row.wordings[0].text;
        for (const wording of row.wordings)
          for (const change of wording.facts ?? []) {
            const where = `base ${base}: ${change.kind} ${change.base} → ${change.other}`;
            assert.ok(reference.includes(change.base), where);
            assert.ok(wording.text.includes(change.other), where);
            if (change.otherRange) assert.equal(wording.text.slice(...change.otherRange), change.other, where);
          }
        const bases = new Set(row.wordings.flatMap(w => (w.facts ?? []).map(change => change.base)));
        for (const mark of row.wordings[0].factMarks ?? [])
          assert.ok(bases.has(reference.slice(mark.start, mark.end)), `base ${base}: ${reference}`);
      }
    });
    assert.ok(rowsWithFacts > 20, `${rowsWithFacts} rows with changed facts`);
  });

  it("places each mark inside the sentence's own text, on the fact it names", () => {
    analysis.sources.forEach((s, source) =>
      s.sentences.forEach((sentence, i) => {
        const bases = new Set(factChangesAcross(analysis, source, i).flatMap(c => c.changes.map(change => change.base)));
        for (const span of changedFactSpans(analysis, source, i)) {
          assert.ok(span.start >= 0 && span.end <= sentence.text.length && span.start < span.end, `seed ${source} sentence ${i}`);
          assert.ok(
            bases.has(sentence.text.slice(span.start, span.end)),
            `seed ${source} sentence ${i}: ${sentence.text.slice(span.start, span.end)}`,
          );
        }
      }),
    );
  });
});

describe('changed facts of three versions, two of them alike', () => {
  const page = (votes: number) =>
    [
      'Council passes housing law',
      '',
      'The city council approved the housing law late on Tuesday after a long debate.',
      `The 2012 housing law was passed by ${votes} votes, officials said on Tuesday.`,
      'Opponents said the law would raise rents across the city within two years.',
      'The mayor is expected to sign it into law by the end of the week, her office said.',
      '',
    ].join('\n');
  const analysis = analyzeCorpus([
    { id: 'a.txt', text: page(12) },
    { id: 'b.txt', text: page(12) },
    { id: 'c.txt', text: page(15) },
  ]);
  const sentenceOf = (source: number) => analysis.sources[source].sentences.findIndex(s => s.text.includes('votes'));

  it('marks the changed figure where it stands in each version alike, not the same digits inside another number', () => {
    for (const source of [0, 1, 2]) {
      const text = analysis.sources[source].sentences[sentenceOf(source)].text;
      const marks = changedFactSpans(analysis, source, sentenceOf(source)).map(span => [span.start, text.slice(span.start, span.end)]);
      assert.deepEqual(marks, [[text.indexOf(source === 2 ? '15' : '12 votes'), source === 2 ? '15' : '12']], `source ${source}`);
    }
    for (const base of [0, 1, 2]) {
      const row = buildComparison(analysis, base).rows.find(r => r.changedFacts)!;
      const reference = row.wordings[0];
      assert.deepEqual(
        reference.factMarks?.map(m => [m.start, reference.text.slice(m.start, m.end)]),
        [[reference.text.indexOf(base === 2 ? '15' : '12 votes'), base === 2 ? '15' : '12']],
        `base ${base}`,
      );
    }
  });

  it('says the same in the hover of both alike versions', () => {
    const names = ['a.txt', 'b.txt', 'c.txt'];
    assert.deepEqual(factHoverLines(analysis, 0, sentenceOf(0), names), ['number: 12 → 15 in c.txt']);
    assert.deepEqual(factHoverLines(analysis, 1, sentenceOf(1), names), ['number: 12 → 15 in c.txt']);
    assert.deepEqual(factHoverLines(analysis, 2, sentenceOf(2), names), ['number: 15 → 12 in a.txt, b.txt']);
  });
});

describe('changed facts of a statement one version says in two sentences', () => {
  const page = (quote: string) =>
    [
      'Council passes housing law',
      '',
      'The city council approved the housing law late on Tuesday after a long debate.',
      `“We will rebuild ${quote} before winter,” the mayor said on Monday.`,
      'Opponents said the law would raise rents across the city within two years.',
      'The mayor is expected to sign it into law by the end of the week, her office said.',
      '',
    ].join('\n');
  const inputs = [
    { id: 'a.txt', text: page('the bridge and the school') },
    { id: 'b.txt', text: page('the tunnel. And the hospital') },
    { id: 'c.txt', text: page('the bridge and the school') },
  ];
  const analysis = analyzeCorpus(inputs);
  const names = inputs.map(i => i.id);
  const inB = (words: string) => analysis.sources[1].sentences.findIndex(s => s.text.includes(words));

  it('gives each of its sentences the fact that runs over both, in the hover, the marks and the navigation', () => {
    const [first, second] = [inB('tunnel'), inB('hospital')];
    assert.ok(first >= 0 && second === first + 1, 'b says the quote in two sentences');
    for (const sentence of [first, second]) {
      assert.ok(isTarget(analysis, 1, sentence, 'fact'), `b sentence ${sentence}`);
      assert.ok(
        factHoverLines(analysis, 1, sentence, names).some(
          l => l.startsWith('quote: ') && l.includes('tunnel') && l.endsWith('in a.txt, c.txt'),
        ),
        JSON.stringify(factHoverLines(analysis, 1, sentence, names)),
      );
      const text = analysis.sources[1].sentences[sentence].text;
      const marks = changedFactSpans(analysis, 1, sentence);
      assert.ok(marks.length > 0, `b sentence ${sentence} is marked`);
      for (const m of marks) assert.ok(m.start >= 0 && m.end <= text.length && m.start < m.end);
    }
  });

  it("marks the whole fact in the panel's joined wording of the version that splits it, whatever the base", () => {
    for (const base of [0, 1, 2]) {
      const row = buildComparison(analysis, base).rows.find(r => r.changedFacts)!;
      for (const wording of row.wordings)
        for (const change of wording.facts ?? [])
          if (change.otherRange) assert.equal(wording.text.slice(...change.otherRange), change.other, `base ${base}`);
      const split = row.wordings[row.cells.find(c => c.source === 1)!.wording];
      const marked = (split.factMarks ?? []).map(m => split.text.slice(m.start, m.end)).join(' ');
      assert.match(marked, /hospital/, `base ${base}: ${marked}`);
    }
  });
});

describe('changed facts between a version that rewords the words a fact stands on and one that changes the fact', () => {
  // The analysis as it would give the group: b states the anchor's facts, but calls "the
  // country" "Sri Lanka" and "its" crisis "the country’s"; c names where "the country" stood.
  const texts = [
    'The president fled the country on Wednesday amid its economic crisis.',
    'The president fled Sri Lanka on Wednesday amid the country’s economic woes.',
    'The president fled to Maldives on Wednesday amid its economic crisis.',
  ];
  const at = (text: string, words: string) => [text.indexOf(words), text.indexOf(words) + words.length] as const;
  const analysis = {
    sources: texts.map(text => ({ language: 'en', sentences: [{ text }] })),
    groups: [
      {
        anchor: 0,
        sourceCount: 3,
        members: [
          { source: 0, sentence: 0, similarity: 1 },
          {
            source: 1,
            sentence: 0,
            similarity: 0.8,
            changes: [
              { kind: 'wording', base: 'the country', other: 'Sri Lanka', otherRange: at(texts[1], 'Sri Lanka') },
              { kind: 'wording', base: 'its', other: 'the country’s', otherRange: at(texts[1], 'the country’s') },
              { kind: 'wording', base: 'crisis', other: 'woes', otherRange: at(texts[1], 'woes') },
            ],
          },
          {
            source: 2,
            sentence: 0,
            similarity: 0.9,
            changes: [{ kind: 'name', base: 'the country', other: 'to Maldives', otherRange: at(texts[2], 'to Maldives') }],
          },
        ],
      },
    ],
  } as unknown as CorpusAnalysis;

  it("compares the two directly, rather than placing the anchor's change on the words that moved", () => {
    const facts = statementFactsFor(analysis);
    const [b, c] = [facts.wordingOf(0, 1)!, facts.wordingOf(0, 2)!];
    for (const placed of [facts.between(0, b, c), facts.between(0, c, b)]) {
      assert.ok(placed.length > 0);
      for (const { change } of placed)
        assert.notEqual(change.base === 'the country' ? change.base : change.other, 'the country', JSON.stringify(change));
    }
  });
});

describe('how a changed fact reads', () => {
  const number: FactChange = { kind: 'number', base: '12', other: '15' };

  it('gives the hover line with the kind, the two texts and the source', () => {
    assert.equal(hoverLine(number, ['002.txt']), 'number: 12 → 15 in 002.txt');
    assert.equal(hoverLine(number, ['002.txt', '003.txt']), 'number: 12 → 15 in 002.txt, 003.txt');
  });

  it('says when the other source adds or drops the fact, and when a name is a spelling variant', () => {
    assert.equal(hoverLine({ kind: 'quote', base: '', other: '“We will rebuild”' }, ['a.txt']), 'quote: added “We will rebuild” in a.txt');
    assert.equal(hoverLine({ kind: 'negation', base: 'not', other: '' }, ['a.txt']), 'negation: dropped not in a.txt');
    assert.equal(changeText({ kind: 'name', base: 'Zelenskyy', other: 'Zelensky', variant: true }), 'Zelenskyy → Zelensky (spelling)');
  });

  it('names up to four sources and counts the rest past three', () => {
    assert.equal(sourceList(['a', 'b', 'c']), 'a, b, c');
    assert.equal(sourceList(['a', 'b', 'c', 'd']), 'a, b, c, d');
    assert.equal(sourceList(['a', 'b', 'c', 'd', 'e']), 'a, b, c and 2 more');
  });

  it('clips a long quote and folds its white space', () => {
    const long = `“${'word '.repeat(40)}”`;
    const text = changeText({ kind: 'quote', base: long, other: 'x\n y' });
    assert.ok(text.length < 2 * 80 + 10, text);
    assert.match(text, /… → x y$/);
    assert.equal(changeText({ kind: 'attribution', base: '', other: ', state media reported' }), 'added state media reported');
  });

  it('gives screen readers a sentence for each change', () => {
    assert.equal(accessibleLabel(number), 'number changed: 12 to 15');
    assert.equal(accessibleLabel({ kind: 'quote', base: '', other: '“Yes”' }), 'quote added: “Yes”');
    assert.equal(accessibleLabel({ kind: 'attribution', base: 'police said', other: '' }), 'attribution dropped: police said');
    assert.equal(
      accessibleLabel({ kind: 'name', base: 'Zelenskyy', other: 'Zelensky', variant: true }),
      'name spelt differently: Zelenskyy to Zelensky',
    );
  });
});

describe('the counterparts a hover lists', () => {
  const analysis = analyzeCorpus(seedInputs());

  it('lists a headline another source prints twice once, and every other counterpart as before', () => {
    let repeatedSeen = 0;
    analysis.sources.forEach((s, source) =>
      s.sentences.forEach((_, sentence) => {
        const all = counterparts(analysis, source, sentence);
        const listed = distinctCounterparts(analysis, source, sentence, all);
        const sources = listed.map(m => m.source);
        const texts = listed.map(m => `${m.source}:${analysis.sources[m.source].sentences[m.sentence].text}`);
        assert.equal(new Set(texts).size, texts.length, `no copy twice for seed ${source} sentence ${sentence}`);
        assert.deepEqual(
          [...new Set(sources)],
          [...new Set(all.map(m => m.source))].sort((a, b) => a - b),
          'every source still listed',
        );
        if (listed.length < all.length) repeatedSeen++;
      }),
    );
    assert.ok(repeatedSeen > 0, 'the seeds have a sentence whose counterpart is printed twice');
  });
});

describe('changed facts of a seed copy with one number changed', () => {
  const seeds = seedInputs();
  const copied = seeds.findIndex(s => s.id.endsWith('002_b59a2ea70077a96b.txt'));
  const inputs = [...seeds, { id: 'changed.txt', text: seeds[copied].text.replace('since 2013', 'since 2014') }];
  const analysis = analyzeCorpus(inputs);
  const changed = inputs.length - 1;
  const names = inputs.map(i => i.id.split('/').pop()!);
  const sentenceWith = (source: number, words: string) => analysis.sources[source].sentences.findIndex(s => s.text.includes(words));
  const inCopy = sentenceWith(changed, 'since 2014');
  const inSeed = sentenceWith(copied, 'since 2013');

  it('says in the hover line of each version what the other gives', () => {
    assert.ok(inCopy >= 0 && inSeed >= 0);
    const copyLines = factHoverLines(analysis, changed, inCopy, names);
    assert.ok(
      copyLines.some(l => l.startsWith('number: 2014 → 2013 in ') && l.includes('002_b59a2ea70077a96b.txt')),
      JSON.stringify(copyLines),
    );
    assert.ok(factHoverLines(analysis, copied, inSeed, names).includes('number: 2013 → 2014 in changed.txt'));
  });

  it('places the changed number in both sentences, and calls both changed facts for the navigation commands', () => {
    const text = (source: number, sentence: number) => analysis.sources[source].sentences[sentence].text;
    const copySpans = changedFactSpans(analysis, changed, inCopy).map(s => [s.kind, text(changed, inCopy).slice(s.start, s.end)]);
    assert.deepEqual(copySpans, [['number', '2014']]);
    const seedSpans = changedFactSpans(analysis, copied, inSeed).map(s => [s.kind, text(copied, inSeed).slice(s.start, s.end)]);
    assert.deepEqual(seedSpans, [['number', '2013']]);
    assert.ok(isTarget(analysis, changed, inCopy, 'fact') && isTarget(analysis, copied, inSeed, 'fact'));
    assert.ok(!isTarget(analysis, changed, inCopy, 'unique'));
  });

  it('gives no changed fact to a sentence no other source carries, nor to one every source words alike', () => {
    analysis.sources.forEach((source, s) =>
      source.sentences.forEach((_, i) => {
        const g = source.groupOfSentence[i];
        const alike = g >= 0 && analysis.groups[g].members.every(m => !m.changes?.some(c => c.kind !== 'wording'));
        if (g < 0 || alike) {
          assert.ok(!isTarget(analysis, s, i, 'fact'), `seed ${s} sentence ${i}`);
          assert.deepEqual(changedFactSpans(analysis, s, i), []);
        }
      }),
    );
  });

  it("marks the row's changed facts in the panel's rows, against the base's wording", () => {
    const rows = buildComparison(analysis, changed).rows;
    const row = rows.find(r => r.cells.some(c => c.source === changed && c.sentences.includes(inCopy)))!;
    assert.ok(row.changedFacts);
    const wordingOf = (source: number) => row.wordings[row.cells.find(c => c.source === source)!.wording];
    assert.deepEqual(
      wordingOf(copied).facts?.map(f => [f.kind, f.base, f.other]),
      [['number', '2014', '2013']],
    );
    const base = wordingOf(changed);
    assert.deepEqual(
      base.factMarks?.map(m => [m.kind, base.text.slice(m.start, m.end)]),
      [['number', '2014']],
    );
    const seedMark = wordingOf(copied).factMarks![0];
    assert.equal(wordingOf(copied).text.slice(seedMark.start, seedMark.end), '2013');
    // A row whose wordings differ in no fact is left out of the "Changed facts" filter.
    for (const r of rows)
      if (!r.wordings.some(w => w.facts?.length)) assert.ok(!r.changedFacts || r.wordings[0].factMarks, 'flag follows the facts');
  });
});
