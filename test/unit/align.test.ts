import * as assert from 'node:assert/strict';
import { counterparts, layoutComparison, sentenceSimilarity, toExportFormat1, wordDiff } from '../../src/core';
import { analyzeCorpus } from '../../src/core/analyzer';
import { movedBetween, outOfOrder } from '../../src/core/order';
import type { SourceInput } from '../../src/core/types';
import { seedInputs } from '../support/fixtures';
import { bridgeStory } from '../support/stories';
import { seededRandom } from '../support/random';
import { mergedStatementVersions } from '../support/mergedStatement';

const PARAGRAPHS = [
  'The central bank raised its main interest rate by half a point on Thursday, the largest increase in two decades.',
  'Officials said inflation had become too high to ignore and that further increases were likely this year.',
  'Markets had expected a smaller move, and shares in the banking sector fell sharply after the announcement.',
  'The governor told reporters that the labour market remained strong despite slowing growth in the second quarter.',
  'Economists warned that higher borrowing costs would weigh on home buyers who took out loans at variable rates.',
];

function groupOf(analysis: ReturnType<typeof analyzeCorpus>, source: number, text: string): number {
  const i = analysis.sources[source].sentences.findIndex(s => s.text.startsWith(text));
  assert.ok(i >= 0, `sentence "${text}" in source ${source}`);
  return analysis.sources[source].groupOfSentence[i];
}

describe('alignment', () => {
  it('pairs each sentence of two sources cut from one template with its twin, though every sentence resembles hundreds', () => {
    const random = seededRandom(5);
    const places = ['north', 'south', 'east', 'west', 'centre'];
    const template = () =>
      Array.from(
        { length: 600 },
        (_, i) =>
          `The ${places[i % 5]} report number ${i} was read by ${Math.floor(random() * 10_000)} people in the ${places[(i * 7) % 5]}.`,
      ).join('\n');
    const analysis = analyzeCorpus([
      { id: 'a.txt', text: template() },
      { id: 'b.txt', text: template() },
    ]);
    const [a, b] = analysis.sources;
    const number = (text: string) => /number (\d+)/.exec(text)![1];
    let twins = 0;
    a.sentences.forEach((sentence, i) => {
      const group = a.groupOfSentence[i];
      if (group < 0) return;
      const other = b.groupOfSentence.indexOf(group);
      assert.ok(other >= 0, `${sentence.text} is grouped with a sentence of the other source`);
      assert.equal(number(b.sentences[other].text), number(sentence.text), sentence.text);
      twins++;
    });
    assert.ok(twins >= 0.9 * a.sentences.length, `only ${twins} of ${a.sentences.length} sentences found their twin`);
  });

  it('groups the same statements when paragraphs are reordered, and marks the moved one', () => {
    const a = PARAGRAPHS.join('\n\n');
    const b = [PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[3], PARAGRAPHS[4], PARAGRAPHS[2]].join('\n\n');
    const analysis = analyzeCorpus([
      { id: 'a', text: a },
      { id: 'b', text: b },
    ]);
    assert.equal(analysis.groups.length, 5);
    for (const p of PARAGRAPHS) assert.notEqual(groupOf(analysis, 0, p.slice(0, 30)), -1);
    const moved = movedBetween(analysis, 0, 1);
    assert.equal(moved.size, 1);
    assert.ok(moved.has(groupOf(analysis, 0, PARAGRAPHS[2].slice(0, 30))));
    const [counterpart] = counterparts(analysis, 0, 2);
    assert.equal(counterpart.moved, true);
  });

  it('marks moved groups exactly as a naive sort of first appearances does, for every pair of seeds and shuffles', () => {
    const naiveMoved = (analysis: ReturnType<typeof analyzeCorpus>, a: number, b: number) => {
      const first = (s: number) => {
        const at = new Map<number, number>();
        analysis.sources[s].groupOfSentence.forEach((g, i) => g >= 0 && !at.has(g) && at.set(g, i));
        return at;
      };
      const inA = first(a);
      const inB = first(b);
      const shared = [...inA.keys()].filter(g => inB.has(g)).sort((x, y) => inA.get(x)! - inA.get(y)!);
      const flags = outOfOrder(shared.map(g => inB.get(g)!));
      return new Set(shared.filter((_, i) => flags[i]));
    };
    const random = seededRandom(20261121);
    const seeds = seedInputs();
    const shuffled = seeds.map(seed => {
      const paragraphs = seed.text.split('\n\n');
      for (let i = paragraphs.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [paragraphs[i], paragraphs[j]] = [paragraphs[j], paragraphs[i]];
      }
      return { id: `${seed.id}-shuffled`, text: paragraphs.join('\n\n') };
    });
    const analysis = analyzeCorpus([...seeds, ...shuffled]);
    let movedSeen = 0;
    for (let a = 0; a < analysis.sources.length; a++) {
      for (let b = 0; b < analysis.sources.length; b++) {
        if (a === b) continue;
        const expected = naiveMoved(analysis, a, b);
        movedSeen += expected.size;
        assert.deepEqual([...movedBetween(analysis, a, b)].sort(), [...expected].sort(), `sources ${a} and ${b}`);
        analysis.sources[a].groupOfSentence.forEach((g, i) => {
          if (g < 0) return;
          for (const c of counterparts(analysis, a, i)) if (c.source === b) assert.equal(c.moved, expected.has(g));
        });
      }
    }
    assert.ok(movedSeen > 20, 'the shuffles move groups');
  });

  it('groups a reworded sentence with its original and gives the changed words', () => {
    const reworded = 'The central bank lifted its key interest rate by half a point on Thursday, its biggest rise in twenty years.';
    const analysis = analyzeCorpus([
      { id: 'a', text: PARAGRAPHS.join('\n\n') },
      { id: 'b', text: [reworded, ...PARAGRAPHS.slice(1)].join('\n\n') },
    ]);
    const g = groupOf(analysis, 0, 'The central bank raised');
    assert.notEqual(g, -1);
    assert.equal(groupOf(analysis, 1, 'The central bank lifted'), g);
    const parts = wordDiff(PARAGRAPHS[0], reworded);
    assert.ok(parts.some(p => p.kind === 'removed' && p.text.includes('raised')));
    assert.ok(parts.some(p => p.kind === 'added' && p.text.includes('lifted')));
  });

  it('puts both halves of a sentence split in two into the group of the whole', () => {
    const whole =
      'Officials said inflation had become too high to ignore, and they added that further increases in the main rate were likely later this year.';
    const halves =
      'Officials said inflation had become too high to ignore. They added that further increases in the main rate were likely later this year.';
    const analysis = analyzeCorpus([
      { id: 'a', text: [PARAGRAPHS[0], whole, PARAGRAPHS[2]].join('\n\n') },
      { id: 'b', text: [PARAGRAPHS[0], halves, PARAGRAPHS[2]].join('\n\n') },
    ]);
    const g = groupOf(analysis, 0, 'Officials said');
    assert.notEqual(g, -1);
    assert.equal(groupOf(analysis, 1, 'Officials said'), g);
    assert.equal(groupOf(analysis, 1, 'They added'), g);
    assert.equal(analysis.groups[g].members.filter(m => m.source === 1).length, 2);
  });

  it('never grows a member into a span over a title line, a line without a final stop', () => {
    const whole =
      'Officials said inflation had become too high to ignore, and they added that further increases in the main rate were likely later this year.';
    const analysis = analyzeCorpus([
      { id: 'a', text: [PARAGRAPHS[0], whole, PARAGRAPHS[2]].join('\n\n') },
      {
        id: 'b',
        text: [
          PARAGRAPHS[0],
          'Further increases in the main rate likely later this year',
          'Officials said inflation had become too high to ignore.',
          PARAGRAPHS[2],
        ].join('\n\n'),
      },
    ]);
    const g = groupOf(analysis, 1, 'Officials said');
    assert.notEqual(g, -1);
    assert.equal(groupOf(analysis, 0, 'Officials said'), g);
    assert.equal(groupOf(analysis, 1, 'Further increases'), -1);
  });

  it('puts all three parts of a sentence split in three into the group of the whole, as one span', () => {
    const whole =
      'The governor told reporters on Friday that the labour market remained strong, that wages were rising faster than expected, and that the bank would act again if prices kept climbing.';
    const parts =
      'The governor told reporters on Friday that the labour market remained strong. Wages were rising faster than expected, she said. The bank would act again if prices kept climbing.';
    const analysis = analyzeCorpus([
      { id: 'a', text: [PARAGRAPHS[0], whole, PARAGRAPHS[4]].join('\n\n') },
      { id: 'b', text: [PARAGRAPHS[0], parts, PARAGRAPHS[4]].join('\n\n') },
    ]);
    const g = groupOf(analysis, 0, 'The governor');
    assert.notEqual(g, -1);
    for (const start of ['The governor', 'Wages were', 'The bank would']) assert.equal(groupOf(analysis, 1, start), g, start);
    const members = analysis.groups[g].members.filter(m => m.source === 1).map(m => m.sentence);
    assert.deepEqual(members, [1, 2, 3]);
    // The whole span is measured as one text against the anchor.
    const similarities = new Set(analysis.groups[g].members.filter(m => m.source === 1).map(m => m.similarity));
    assert.equal(similarities.size, 1);
  });

  it('puts the short second half of a split into the group of the whole, as one span', () => {
    const whole =
      'The MS Fjordlys, operated by coastal line Vestkyst Ferjer, struck a rocky shoal near the island of Sotra shortly after 5 a.m. while sailing from Bergen to Floro.';
    const split =
      'The MS Fjordlys, operated by coastal line Vestkyst Ferjer, struck a rocky shoal near the island of Sotra shortly after 5 a.m. It was sailing from Bergen to Floro.';
    const last = 'Four people were treated for minor injuries at Haukeland University Hospital, police said.';
    const analysis = analyzeCorpus([
      { id: 'a', text: ['Ferry runs aground off Norway', whole, last, ''].join('\n') },
      { id: 'b', text: ['Ferry runs aground off Norway', split, last, ''].join('\n') },
    ]);
    const g = groupOf(analysis, 0, 'The MS Fjordlys');
    assert.notEqual(g, -1);
    assert.equal(groupOf(analysis, 1, 'The MS Fjordlys'), g);
    assert.equal(groupOf(analysis, 1, 'It was sailing'), g);
    assert.notEqual(groupOf(analysis, 1, 'Four people'), g);
  });

  it('puts two sentences that another version merged into one into the group of the merged sentence', () => {
    const first = 'Markets had expected a smaller move from the central bank this week.';
    const second = 'Shares in the banking sector fell sharply after the announcement on Thursday.';
    const merged =
      'Markets had expected a smaller move from the central bank this week, and shares in the banking sector fell sharply after the announcement on Thursday.';
    const analysis = analyzeCorpus([
      { id: 'a', text: [PARAGRAPHS[0], `${first} ${second}`, PARAGRAPHS[3]].join('\n\n') },
      { id: 'b', text: [PARAGRAPHS[0], merged, PARAGRAPHS[3]].join('\n\n') },
      { id: 'c', text: [PARAGRAPHS[0], first, second, PARAGRAPHS[3]].join('\n\n') },
    ]);
    const g = groupOf(analysis, 1, 'Markets had');
    assert.notEqual(g, -1);
    for (const source of [0, 2]) {
      assert.equal(groupOf(analysis, source, 'Markets had'), g);
      assert.equal(groupOf(analysis, source, 'Shares in'), g);
    }
    assert.equal(analysis.groups[g].sourceCount, 3);
  });

  it('puts two sentences that one version merged into the merged sentence’s group, though another version keeps only the first', () => {
    const first =
      'Vestkyst Ferjer said it was cooperating fully with the Norwegian Maritime Authority, which has opened an investigation into the cause of the grounding.';
    const second =
      '"We deeply regret what happened and our priority now is to look after our passengers," chief executive Marit Solberg said in a statement.';
    const merged =
      'Vestkyst Ferjer, which said it was cooperating fully with the Norwegian Maritime Authority\'s investigation into the cause of the grounding, said in a statement: "We deeply regret what happened and our priority now is to look after our passengers."';
    const page = (...middle: string[]) => ['Ferry runs aground off Norway', ...middle, 'The vessel was stable.', ''].join('\n');
    // Two versions keep both sentences, so the second has a group of its own before spans are
    // read; the version that keeps only the first reads the merged span worse, the merger better.
    const analysis = analyzeCorpus([
      { id: 'a', text: page(first, second) },
      { id: 'a2', text: page(first, second) },
      { id: 'b', text: page(merged) },
      { id: 'c', text: page(first) },
    ]);
    const g = groupOf(analysis, 2, 'Vestkyst Ferjer');
    assert.notEqual(g, -1);
    for (const source of [0, 1]) {
      assert.equal(groupOf(analysis, source, 'Vestkyst Ferjer'), g, `source ${source}, first`);
      assert.equal(groupOf(analysis, source, '"We deeply'), g, `source ${source}, second`);
    }
    assert.equal(groupOf(analysis, 3, 'Vestkyst Ferjer'), g);
    assert.equal(analysis.groups[g].sourceCount, 4);
  });

  it('keeps a statement as a group of its own where one version merged it into the sentence before and another into the one after', () => {
    const analysis = analyzeCorpus(mergedStatementVersions());
    const g = groupOf(analysis, 0, 'Policymakers cited');
    assert.notEqual(g, -1);
    assert.equal(groupOf(analysis, 1, 'Policymakers cited'), g);
    assert.notEqual(groupOf(analysis, 0, 'The central bank'), g);
    assert.notEqual(groupOf(analysis, 0, 'Governor Anna Berg'), g);
  });

  it('puts a headline its source repeats into the group of its twin, as a repeat that adds no link', () => {
    const headline = 'Central bank raises rates by half a point';
    const other = 'Central bank lifts rates by half a point';
    const analysis = analyzeCorpus([
      { id: 'a', text: [headline, PARAGRAPHS[0], PARAGRAPHS[1], headline, PARAGRAPHS[2]].join('\n\n') },
      { id: 'b', text: [other, PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]].join('\n\n') },
    ]);
    const sentences = analysis.sources[0].sentences;
    const copies = sentences.map((s, i) => i).filter(i => sentences[i].text === headline);
    assert.equal(copies.length, 2);
    const g = analysis.sources[0].groupOfSentence[copies[0]];
    assert.notEqual(g, -1);
    assert.equal(analysis.sources[0].groupOfSentence[copies[1]], g);
    assert.equal(groupOf(analysis, 1, other), g);
    const repeat = analysis.groups[g].members.find(m => m.source === 0 && m.sentence === copies[1]);
    assert.equal(repeat?.repeat, true);
    const exported = toExportFormat1(analysis).groups[g];
    assert.deepEqual(
      exported.repeats?.map(m => m.sentence),
      [copies[1]],
    );
    assert.ok(!exported.members.some(m => m.source === 0 && m.sentence === copies[1]));
  });

  it('counts a headline that every source prints twice, in the same words, as one statement with its copies as repeats', () => {
    const headline = 'Central bank raises rates by half a point';
    const page = [headline, PARAGRAPHS[0], headline, PARAGRAPHS[1], PARAGRAPHS[2]].join('\n\n');
    const analysis = analyzeCorpus([
      { id: 'a', text: page },
      { id: 'b', text: `${page}\n\n${PARAGRAPHS[3]}` },
    ]);
    for (const source of [0, 1]) {
      const sentences = analysis.sources[source].sentences;
      const copies = sentences.map((_, i) => i).filter(i => sentences[i].text.startsWith('Central bank'));
      assert.equal(copies.length, 2, `source ${source}`);
      const [first, second] = copies.map(i => analysis.sources[source].groupOfSentence[i]);
      assert.notEqual(first, -1);
      assert.equal(second, first, `source ${source}: both copies in one group`);
      const members = analysis.groups[first].members.filter(m => m.source === source);
      assert.deepEqual(
        members.map(m => [m.sentence, m.repeat === true]),
        [
          [copies[0], false],
          [copies[1], true],
        ],
      );
    }
    const headlineGroups = analysis.groups.filter(g =>
      g.members.some(m => m.source === 0 && analysis.sources[0].sentences[m.sentence].text === headline),
    );
    assert.equal(headlineGroups.length, 1);
  });

  it("links a headline that a site's name stands above to the other versions' headline", () => {
    const headline = 'Central bank raises rates by half a point';
    const other = 'Rates up sharply in surprise bank move';
    // A site's name on the line right above the headline, as text dumps of pages often keep it.
    const analysis = analyzeCorpus([
      { id: 'a', text: `Westbrook Radio\n${headline}\n\n${[PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]].join('\n\n')}` },
      { id: 'b', text: [other, PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]].join('\n\n') },
    ]);
    const g = groupOf(analysis, 0, headline);
    assert.notEqual(g, -1);
    assert.equal(groupOf(analysis, 1, other), g);
  });

  it('reads a repeated headline once in its row of the comparison, keeping both copies in the row', () => {
    const headline = 'Central bank raises rates by half a point';
    const other = 'Central bank lifts rates by half a point';
    const analysis = analyzeCorpus([
      { id: 'a', text: [headline, PARAGRAPHS[0], PARAGRAPHS[1], headline, PARAGRAPHS[2]].join('\n\n') },
      { id: 'b', text: [other, PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]].join('\n\n') },
    ]);
    const sentences = analysis.sources[0].sentences;
    const copies = sentences.map((_, i) => i).filter(i => sentences[i].text === headline);
    const g = analysis.sources[0].groupOfSentence[copies[0]];
    const layout = layoutComparison(analysis, 1);
    const row = Array.from({ length: layout.rowCount }, (_, i) => layout.row(i)).find(r => r.group === g);
    assert.ok(row, 'the headline has a row');
    const cell = row.cells.find(c => c.source === 0)!;
    assert.equal(row.wordings[cell.wording].text, headline);
    assert.equal(cell.end, sentences[copies[0]].end);
    assert.deepEqual(
      [...cell.sentences].sort((x, y) => x - y),
      copies,
    );
  });

  it('keeps two different quotes of one speaker in different groups, even where a third version links to both', () => {
    const first = '"This is a day the whole country will remember for a very long time," said Prime Minister Anna Lindqvist on Thursday.';
    const firstAgain = '"This is a day the whole country will remember for a long time," Prime Minister Anna Lindqvist said on Thursday.';
    const second =
      '"Our engineers worked through the night and never gave up on the mission," said Prime Minister Anna Lindqvist on Thursday.';
    const secondAgain = '"Our engineers worked through the night and did not give up on the mission," Prime Minister Anna Lindqvist said.';
    const both =
      'Prime Minister Anna Lindqvist said on Thursday the country would remember the day and praised engineers who worked through the night.';
    const analysis = analyzeCorpus([
      { id: 'a', text: [PARAGRAPHS[0], first, second, PARAGRAPHS[1]].join('\n\n') },
      { id: 'b', text: [PARAGRAPHS[0], firstAgain, secondAgain, PARAGRAPHS[1]].join('\n\n') },
      { id: 'c', text: [PARAGRAPHS[0], both, PARAGRAPHS[1]].join('\n\n') },
    ]);
    const g1 = groupOf(analysis, 0, '"This is a day');
    const g2 = groupOf(analysis, 0, '"Our engineers');
    assert.notEqual(g1, -1);
    assert.notEqual(g2, -1);
    assert.notEqual(g1, g2);
    assert.equal(groupOf(analysis, 1, '"This is a day'), g1);
    assert.equal(groupOf(analysis, 1, '"Our engineers'), g2);
  });

  it('keeps a quotation apart from a sentence that tells of its speaker but carries none of the quoted words', () => {
    const quote =
      '"Today we begin a fresh chapter for every family in this valley," said Mayor Carla Benitez, who cut the ribbon at the new bridge over the river on Sunday.';
    const quoteAgain =
      '"Today we begin a fresh chapter for every family in this valley," Mayor Carla Benitez said as she cut the ribbon at the new bridge over the river.';
    const scene = 'Mayor Carla Benitez smiled and cut the ribbon at the new bridge over the river on Sunday before a crowd of residents.';
    const analysis = analyzeCorpus([
      { id: 'a', text: [PARAGRAPHS[0], quote, PARAGRAPHS[1]].join('\n\n') },
      { id: 'b', text: [PARAGRAPHS[0], quoteAgain, PARAGRAPHS[1]].join('\n\n') },
      { id: 'c', text: [PARAGRAPHS[0], scene, PARAGRAPHS[1]].join('\n\n') },
    ]);
    const g = groupOf(analysis, 0, '"Today we begin');
    assert.notEqual(g, -1);
    assert.equal(groupOf(analysis, 1, '"Today we begin'), g);
    assert.notEqual(groupOf(analysis, 2, 'Mayor Carla Benitez smiled'), g);
  });

  it('keeps unrelated sentences apart and each sentence in at most one group', () => {
    const analysis = analyzeCorpus(seedInputs());
    const seen = new Set<string>();
    for (const g of analysis.groups) {
      assert.ok(g.sourceCount >= 2);
      for (const m of g.members) {
        const key = `${m.source}:${m.sentence}`;
        assert.ok(!seen.has(key), `${key} in two groups`);
        seen.add(key);
      }
    }
  });

  it('gives the same groups whatever the order of the sources', () => {
    const inputs = seedInputs();
    const describe = (analysis: ReturnType<typeof analyzeCorpus>) =>
      analysis.groups
        .map(g =>
          g.members
            .map(m => `${analysis.sources[m.source].id}@${analysis.sources[m.source].sentences[m.sentence].start}`)
            .sort()
            .join(' '),
        )
        .sort();
    const forward = describe(analyzeCorpus(inputs));
    const backward = describe(analyzeCorpus([...inputs].reverse()));
    const shuffled = describe(analyzeCorpus([inputs[2], inputs[4], inputs[0], inputs[3], inputs[1]]));
    assert.deepEqual(backward, forward);
    assert.deepEqual(shuffled, forward);
  });

  it('numbers the statements alike whatever the order of the sources, in a folder of one story and of two', () => {
    for (const inputs of [seedInputs(), [...seedInputs(), ...bridgeStory()]]) {
      const numbered = (given: readonly SourceInput[]) => {
        const analysis = analyzeCorpus(given);
        return analysis.groups.map(g =>
          g.members
            .map(m => `${analysis.sources[m.source].id}@${analysis.sources[m.source].sentences[m.sentence].start}`)
            .sort()
            .join(' '),
        );
      };
      const forward = numbered(inputs);
      const random = seededRandom(inputs.length);
      for (const order of [[...inputs].reverse(), [...inputs].sort(() => random() - 0.5)])
        assert.deepEqual(numbered(order), forward, order.map(i => i.id).join(' '));
    }
  });

  it('gives each member the same similarity and the same moved flag whatever the order of the sources', () => {
    const headline = 'Central bank raises rates by half a point';
    // Two versions in the same words, one with a paragraph further down: which of the two is the
    // anchor decides which reads as moved. A third splits the opening paragraph in two, so its
    // span is measured against the anchor's.
    const [first, ...rest] = PARAGRAPHS;
    const all = [
      { id: 'kept.txt', text: [headline, ...PARAGRAPHS].join('\n\n') },
      { id: 'moved.txt', text: [headline, first, rest[1], rest[2], rest[0], rest[3]].join('\n\n') },
      {
        id: 'split.txt',
        text: [
          headline,
          'The central bank raised its main interest rate by half a point on Thursday.',
          'It was the largest increase in two decades.',
          ...rest,
        ].join('\n\n'),
      },
    ];
    const describe = (order: readonly number[]) => {
      const given = order.map(i => all[i]);
      const exported = toExportFormat1(
        analyzeCorpus(given),
        given.map(input => input.id),
      );
      return exported.groups
        .flatMap(g => [...g.members, ...(g.repeats ?? [])])
        .map(m => `${given[m.source].id}@${exported.sources[m.source].sentences[m.sentence].start} ${m.similarity} ${m.moved}`)
        .sort();
    };
    const forward = describe([0, 1, 2]);
    assert.ok(
      forward.some(member => member.endsWith(' true')),
      'some member is moved',
    );
    for (const order of [
      [1, 0, 2],
      [2, 1, 0],
      [1, 2, 0],
    ])
      assert.deepEqual(describe(order), forward, `order ${order.join(',')}`);
  });

  it('measures a headline printed twice in a row by one copy, not as a span of both', () => {
    const headline = 'Central bank raises rates by half a point';
    const other = 'Central bank lifts its main rate by half a point';
    for (const order of [
      ['a', 'b'],
      ['b', 'a'],
    ]) {
      const texts: Record<string, string> = {
        a: [headline, headline, PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]].join('\n\n'),
        b: [other, PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]].join('\n\n'),
      };
      const analysis = analyzeCorpus(order.map(id => ({ id, text: texts[id] })));
      const a = order.indexOf('a');
      const b = order.indexOf('b');
      const g = groupOf(analysis, b, other);
      const members = analysis.groups[g].members;
      const copies = members.filter(m => m.source === a);
      assert.deepEqual(
        copies.map(m => m.repeat === true),
        [false, true],
        `order ${order.join(',')}`,
      );
      const anchor = members[analysis.groups[g].anchor];
      assert.ok(!anchor.repeat, 'the anchor is no repeat');
      const expected = sentenceSimilarity(headline, other);
      for (const m of members) assert.equal(m.similarity, m.source === anchor.source ? 1 : expected, `order ${order.join(',')}`);
    }
  });

  it('finds the items off one longest increasing run as out of order', () => {
    assert.deepEqual(outOfOrder([0, 1, 4, 2, 3]), [false, false, true, false, false]);
    assert.deepEqual(outOfOrder([]), []);
  });
});
