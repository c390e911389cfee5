import * as assert from 'node:assert/strict';
import { CorpusAnalysis, createAnalyzer } from '../../src/core';
import { activationMode, activationOf, speaks } from '../../src/activation';
import { restrictAnalysis, scopeToStory, storiesOf, storyOfSource } from '../../src/stories';
import {
  buildStoryTree,
  corpusName,
  nameOf,
  sourceDescription,
  storyDescription,
  storyOfUri,
  storySize,
  storySizeBadge,
  storyTooltip,
} from '../../src/storyTree';
import { seedInputs } from '../support/fixtures';
import { bridgeStory, notes } from '../support/stories';

const analyze = (inputs: Parameters<ReturnType<typeof createAnalyzer>['analyze']>[0]) => createAnalyzer().analyze(inputs);

/** The mixed folder as the story stage reports it: seeds 0-4, then the two bridge versions. */
function mixedWithStories(): { analysis: CorpusAnalysis; ids: string[] } {
  const inputs = [...seedInputs(), ...bridgeStory()];
  const analysis = analyze(inputs);
  const stories = [
    { title: 'Putin and Assad meet', sources: [0, 1, 2, 3, 4] },
    { title: 'Harbour bridge reopens', sources: [5, 6] },
  ];
  return { analysis: { ...analysis, stories } as CorpusAnalysis, ids: inputs.map(i => `file:///${i.id.replace(/^\/+/, '')}`) };
}

describe('stories of an analysis', () => {
  it('falls back to one story of all sources, titled by the opening sentence most sources share', () => {
    const analysis = analyze(bridgeStory());
    const stories = storiesOf(analysis);
    assert.equal(stories.length, 1);
    assert.deepEqual(stories[0].sources, [0, 1]);
    assert.equal(stories[0].title, 'Harbour bridge reopens after two years of repairs');
  });

  it("returns the analysis's own stories when it carries them", () => {
    const { analysis } = mixedWithStories();
    assert.deepEqual(
      storiesOf(analysis).map(s => s.sources),
      [
        [0, 1, 2, 3, 4],
        [5, 6],
      ],
    );
    assert.deepEqual(storyOfSource(storiesOf(analysis), 6)?.sources, [5, 6]);
    assert.equal(storyOfSource(storiesOf(analysis), 9), undefined);
  });

  it('restricts an analysis to a story: groups renumbered, members of other stories dropped, sentences kept', () => {
    const { analysis } = mixedWithStories();
    const bridge = restrictAnalysis(analysis, [5, 6]);
    assert.equal(bridge.sources.length, 2);
    assert.equal(bridge.sources[0].id, analysis.sources[5].id);
    for (const group of bridge.groups) {
      assert.ok(group.members.every(m => m.source === 0 || m.source === 1));
      assert.equal(group.sourceCount, 2);
      assert.ok(group.anchor >= 0 && group.anchor < group.members.length);
    }
    bridge.sources.forEach((source, s) => {
      assert.equal(source.sentences.length, analysis.sources[5 + s].sentences.length);
      source.groupOfSentence.forEach((g, i) => {
        if (g >= 0)
          assert.ok(
            bridge.groups[g].members.some(m => m.source === s && m.sentence === i),
            'a sentence is in the group it names',
          );
      });
    });
    const shared = (a: CorpusAnalysis, s: number) => a.sources[s].groupOfSentence.filter(g => g >= 0).length;
    assert.equal(shared(bridge, 1), shared(analysis, 6));
    for (let i = 1; i < bridge.groups.length; i++) assert.ok(bridge.groups[i - 1].sourceCount >= bridge.groups[i].sourceCount);
  });

  it("keeps each group's earliest version and the stories' sources and origin, renumbered, when it restricts an analysis", () => {
    const analysis = analyze([...seedInputs(), ...bridgeStory()]);
    const bridgeStoryIndex = analysis.stories.findIndex(st => st.sources.includes(5));
    const story = analysis.stories[bridgeStoryIndex];
    assert.deepEqual(story.sources, [5, 6]);
    const bridge = restrictAnalysis(analysis, [5, 6]);
    const kept = analysis.groups.filter(g => g.members.some(m => m.source === 5) && g.members.some(m => m.source === 6));
    assert.ok(kept.length > 0);
    assert.equal(bridge.groups.length, kept.length);
    // Groups of one story keep their order; each earliest version is renumbered like the sources.
    kept.forEach((g, i) => {
      assert.equal(typeof g.earliest, 'number');
      assert.equal(bridge.groups[i].earliest, g.earliest! - 5);
    });
    assert.deepEqual(
      bridge.stories.map(st => st.sources),
      [[0, 1]],
    );
    if (story.origin) assert.deepEqual(bridge.stories[0].origin, { ...story.origin, source: story.origin.source - 5 });
    const seeds = restrictAnalysis(analysis, [0, 1, 2, 3, 4]);
    assert.deepEqual(
      seeds.stories.map(st => st.sources),
      [[0, 1, 2, 3, 4]],
    );
    assert.equal(seeds.stories[0].origin?.source, analysis.stories.find(st => st.sources.includes(0))!.origin?.source);
  });

  it("renumbers an imported cluster's passages with its sources when it restricts an analysis, and drops those of other sources", () => {
    const { analysis } = mixedWithStories();
    const passage = (source: number, start: number) => ({ source, start, end: start + 10 });
    const imported = {
      ...analysis,
      stories: [
        { title: 'bridge', cluster: 7, sources: [5, 6], passages: [passage(5, 0), passage(6, 20)] },
        { title: 'seeds', cluster: 3, sources: [0, 1, 2, 3, 4], passages: [passage(0, 0), passage(4, 5)] },
      ],
    };
    const bridge = restrictAnalysis(imported, [5, 6]) as typeof imported;
    assert.deepEqual(bridge.stories, [{ title: 'bridge', cluster: 7, sources: [0, 1], passages: [passage(0, 0), passage(1, 20)] }]);
    const mixed = restrictAnalysis(imported, [4, 6]) as typeof imported;
    assert.deepEqual(
      mixed.stories.map(st => st.passages),
      [[passage(1, 20)], [passage(0, 5)]],
    );
  });

  it("scopes a corpus to the story of a source, with addresses and texts of that story's sources only", () => {
    const { analysis, ids } = mixedWithStories();
    const view = { uris: ids, texts: ids.map(() => ''), analysis, indexOf: (u: string) => ids.indexOf(u), key: 'folder' };
    const scoped = scopeToStory(view, 5);
    assert.deepEqual(scoped.uris, ids.slice(5));
    assert.equal(scoped.indexOf(ids[6]), 1);
    assert.equal(scoped.indexOf(ids[0]), -1);
    assert.equal(scoped.key, 'folder');
    assert.equal(scopeToStory({ ...view, analysis: analyze(bridgeStory()), uris: ids.slice(5) }, 0).uris.length, 2);
  });
});

describe('where Synoptic speaks', () => {
  it('leaves a folder of notes alone', () => {
    const analysis = analyze(notes());
    notes().forEach((_, i) => assert.equal(activationOf(analysis, i, 'corpus'), 'none', notes()[i].id));
  });

  it('speaks about each version of a story', () => {
    const analysis = analyze([...seedInputs(), ...bridgeStory()]);
    for (let i = 0; i < analysis.sources.length; i++) assert.equal(activationOf(analysis, i, 'corpus'), 'story');
  });

  it('marks a page dump that is a story of one', () => {
    const [, reprint] = bridgeStory();
    assert.equal(activationOf(analyze([reprint]), 0, 'corpus'), 'page');
    assert.equal(activationOf(analyze([reprint, ...notes()]), 0, 'corpus'), 'page');
  });

  it('does not count sentences shared with another story', () => {
    const { analysis } = mixedWithStories();
    const alone = {
      ...analysis,
      stories: [
        { title: 'a', sources: [0] },
        { title: 'b', sources: [1, 2, 3, 4, 5, 6] },
      ],
    } as CorpusAnalysis;
    assert.equal(activationOf(analysis, 0, 'corpus'), 'story');
    assert.notEqual(activationOf(alone, 0, 'corpus'), 'story');
  });

  it('follows the setting: always, never, and corpus for anything else', () => {
    const analysis = analyze(notes());
    assert.ok(speaks(activationOf(analysis, 0, activationMode('always'))));
    assert.ok(!speaks(activationOf(analyze(bridgeStory()), 0, activationMode('never'))));
    assert.equal(activationMode('sometimes'), 'corpus');
    assert.equal(activationMode(undefined), 'corpus');
  });
});

describe('the Stories view model', () => {
  it("badges a story's line with its number of sources, in at most two characters", () => {
    assert.deepEqual([1, 8, 99, 100, 2500].map(storySizeBadge), ['1', '8', '99', '+', '+']);
  });

  it('lists every story largest first, with its size and its sources with shared and unique counts', () => {
    const { analysis, ids } = mixedWithStories();
    const tree = buildStoryTree([{ key: 'folder:file:///projects/mixed', uris: ids, analysis, speaksFor: () => true }]);
    assert.deepEqual(
      tree.map(n => [n.title, storyDescription(n)]),
      [
        ['Putin and Assad meet', '5 sources · mixed'],
        ['Harbour bridge reopens', '2 sources · mixed'],
      ],
    );
    const reprint = tree[1].sources[1];
    assert.equal(reprint.name, 'reprint.txt');
    assert.equal(reprint.shared + reprint.unique, analysis.sources[6].sentences.length);
    assert.equal(reprint.shared, 4);
    assert.equal(sourceDescription(reprint), `4 shared · ${reprint.unique} unique`);
    assert.equal(storyOfUri(tree, ids[6])?.title, 'Harbour bridge reopens');
  });

  it('leaves out stories Synoptic does not speak about and orders corpora independently of their order', () => {
    const mixed = mixedWithStories();
    const notesInputs = notes();
    const notesAnalysis = analyze(notesInputs);
    const notesEntry = {
      key: 'folder:notes',
      uris: notesInputs.map(i => `file:///${i.id}`),
      analysis: notesAnalysis,
      speaksFor: (s: number) => speaks(activationOf(notesAnalysis, s, 'corpus')),
    };
    const mixedEntry = { key: 'folder:mixed', uris: mixed.ids, analysis: mixed.analysis, speaksFor: () => true };
    const one = buildStoryTree([notesEntry, mixedEntry]);
    const other = buildStoryTree([mixedEntry, notesEntry]);
    assert.deepEqual(one, other);
    assert.equal(one.length, 2);
    assert.ok(!one.some(n => n.corpusKey === 'folder:notes'));
  });

  it('lists a story once when two folders hold copies of its files, naming both folders, and keeps other stories apart', () => {
    const { analysis, ids } = mixedWithStories();
    const inputs = [...seedInputs(), ...bridgeStory()];
    const texts = inputs.map(i => i.text);
    // A second folder with copies of the five seeds only.
    const seedsAnalysis = analyze(seedInputs());
    const seedsEntry = {
      key: 'folder:file:///projects/seeds',
      uris: seedInputs().map(i => `file:///projects/seeds/${i.id.split('/').pop()}`),
      texts: seedInputs().map(i => i.text),
      analysis: { ...seedsAnalysis, stories: [{ title: 'Putin and Assad meet', sources: [0, 1, 2, 3, 4] }] } as CorpusAnalysis,
      speaksFor: () => true,
    };
    const mixedEntry = { key: 'folder:file:///projects/mixed', uris: ids, texts, analysis, speaksFor: () => true };
    const tree = buildStoryTree([mixedEntry, seedsEntry]);
    assert.deepEqual(buildStoryTree([seedsEntry, mixedEntry]), tree);
    assert.deepEqual(
      tree.map(n => [n.title, storyDescription(n), n.corpusCount]),
      [
        ['Putin and Assad meet', '5 versions in 10 files · mixed, seeds', 2],
        ['Harbour bridge reopens', '2 sources · mixed', 1],
      ],
    );
    const copy = tree[0].sources.find(s => s.uri.startsWith('file:///projects/seeds/'))!;
    assert.match(sourceDescription(copy, tree[0]), / · seeds$/);
    assert.equal(storyOfUri(tree, copy.uri), tree[0]);
    assert.equal(tree[0].versions, 5);
    // Without texts (a corpus from elsewhere) nothing is joined.
    const apart = buildStoryTree([{ ...mixedEntry, texts: undefined }, seedsEntry]);
    assert.equal(apart.length, 3);
  });

  it('counts copies of one file in a folder as one version, and ranks stories by their versions', () => {
    const seeds = seedInputs();
    // Two seeds and a copy of each under another name; the other three seeds, once each.
    const inputs = [...seeds, ...seeds.slice(0, 2).map(i => ({ id: `copy-${i.id}`, text: i.text }))];
    const entry = {
      key: 'folder:file:///projects/copies',
      uris: inputs.map((_, k) => `file:///projects/copies/${k}.txt`),
      texts: inputs.map(i => i.text),
      analysis: {
        ...analyze(inputs),
        stories: [
          { title: 'Two seeds and their copies', sources: [0, 1, 5, 6] },
          { title: 'Three seeds', sources: [2, 3, 4] },
        ],
      } as CorpusAnalysis,
      speaksFor: () => true,
    };
    assert.deepEqual(
      buildStoryTree([entry]).map(n => [n.title, n.versions, storyDescription(n)]),
      [
        ['Three seeds', 3, '3 sources · copies'],
        ['Two seeds and their copies', 2, '2 versions in 4 files · copies'],
      ],
    );
    assert.equal(storySize(1, 2), '1 version in 2 files');
    // Empty files join no copies: each is a version of its own.
    const empties = buildStoryTree([
      {
        ...entry,
        uris: entry.uris.slice(0, 3),
        texts: ['', '', inputs[2].text],
        analysis: { ...entry.analysis, stories: [{ title: 'T', sources: [0, 1, 2] }] } as CorpusAnalysis,
      },
    ]);
    assert.equal(empties[0].versions, 3);
  });

  it('names a story without a title after its first source, and decodes file names', () => {
    const analysis = { ...analyze(notes()), stories: [{ title: '  ', sources: [0, 1, 2] }] } as CorpusAnalysis;
    const tree = buildStoryTree([
      { key: 'k', uris: ['file:///n/100%25.txt', 'file:///n/b.txt', 'file:///n/c.txt'], analysis, speaksFor: () => true },
    ]);
    assert.equal(tree[0].title, '100%.txt');
    assert.equal(nameOf('file:///a/b%20c.txt'), 'b c.txt');
    assert.equal(storyDescription(tree[0]), '3 sources');
    assert.equal(corpusName('glob:stories/**/*.txt'), 'stories/**/*.txt');
  });

  it('offers to compare the sources of a story of several, and says that no other source tells a story of one', () => {
    const analysis = {
      ...analyze(bridgeStory()),
      stories: [
        { title: 'Harbour bridge reopens', sources: [0] },
        { title: 'Harbour bridge reopens again', sources: [0, 1] },
      ],
    } as CorpusAnalysis;
    const uris = ['file:///reports/report.txt', 'file:///reports/reprint.txt'];
    const tooltips = Object.fromEntries(
      buildStoryTree([{ key: 'reports', uris, analysis, speaksFor: () => true }]).map(n => [n.sources.length, storyTooltip(n)]),
    );
    assert.equal(
      tooltips[1],
      'Harbour bridge reopens\n1 source: no other source here tells this story. Select to open it in the comparison panel',
    );
    assert.equal(tooltips[2], 'Harbour bridge reopens again\n2 sources: select to compare them side by side');
  });

  it('says of a story whose files are copies of one text that no other version tells it, not that they compare', () => {
    const [report] = bridgeStory();
    const analysis = {
      ...analyze([report, { ...report, id: 'copy.txt' }]),
      stories: [{ title: 'Harbour bridge reopens', sources: [0, 1] }],
    } as CorpusAnalysis;
    const [node] = buildStoryTree([
      {
        key: 'reports',
        uris: ['file:///reports/report.txt', 'file:///reports/copy.txt'],
        texts: [report.text, report.text],
        analysis,
        speaksFor: () => true,
      },
    ]);
    assert.equal(storyDescription(node), '1 version in 2 files');
    assert.equal(
      storyTooltip(node),
      'Harbour bridge reopens\n1 version in 2 files: its files are copies of one text, and no other version here tells this story. Select to open it in the comparison panel',
    );
  });
});
