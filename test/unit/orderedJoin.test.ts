import * as assert from 'node:assert/strict';
import type { AlignNode, NodePairs } from '../../src/core/grouping';
import { joinInOrder } from '../../src/core/orderedJoin';
import { bigramProfile, profileSimilarity } from '../../src/core/similarity';
import { normalizeForComparison } from '../../src/core/text';

const BEFORE = 'The government announced a new budget for schools and hospitals on Tuesday morning.';
const AFTER = 'Opposition leaders criticised the plan and called for a vote in parliament next week.';
const LEDE_A = 'The finance minister unveiled record spending on health care in the capital.';
const LEDE_B = 'Record money for health was announced by the treasury chief.';

function node(text: string, sources: number[]): AlignNode {
  return {
    profile: bigramProfile(normalizeForComparison(text)),
    terms: [],
    salient: new Uint8Array(0),
    firstAt: new Int32Array(0),
    headline: false,
    sources,
    weight: sources.length,
  };
}

/** The exact similarity join over few nodes: every pair among `among` at the threshold that `separate` lets through. */
function exactPairs(nodes: readonly AlignNode[]): NodePairs {
  return function* (threshold, separate, among) {
    for (const a of among) {
      for (const b of among) {
        if (b <= a) continue;
        const similarity = profileSimilarity(nodes[a].profile, nodes[b].profile);
        if (similarity >= threshold && separate(a, b)) yield { a, b, similarity };
      }
    }
  };
}

/**
 * Two agencies, sources 0–1 and 2–3; the statements before and after are one cluster each, the
 * lede is worded by each agency its own way. `ledeBPlace` is where agency B's sources carry it.
 */
function story(ledeBPlace: number) {
  const nodes = [node(BEFORE, [0, 1, 2, 3]), node(AFTER, [0, 1, 2, 3]), node(LEDE_A, [0, 1]), node(LEDE_B, [2, 3])];
  const places = [
    [0, 10, 20, 30],
    [2, 12, 22, 32],
    [1, 11],
    [20 + ledeBPlace, 30 + ledeBPlace],
  ];
  const clusters = [[0], [1], [2], [3]];
  return joinInOrder(nodes, places, 4, clusters, { wordWeight: 0 }, exactPairs(nodes));
}

describe('joining clusters in story order', () => {
  it('scores the two ledes between the weak and the strong link threshold', () => {
    const similarity = profileSimilarity(node(LEDE_A, [0]).profile, node(LEDE_B, [1]).profile);
    assert.ok(similarity >= 0.3 && similarity < 0.45, `similarity ${similarity}`);
  });

  it('joins a reworded statement that stands between the same two shared statements', () => {
    const clusters = story(1);
    assert.equal(clusters.length, 3);
    assert.ok(clusters.some(c => [...c].sort().join() === '2,3'));
  });

  it('keeps the same wording apart when it stands after a shared statement that the other follows', () => {
    const clusters = story(3);
    assert.equal(clusters.length, 4);
    assert.ok(!clusters.some(c => c.includes(2) && c.includes(3)));
  });

  /** Five sources: two shared statements around a third, and one statement in two wordings. */
  const fiveSourceNodes = () => [
    node(BEFORE, [0, 1, 2, 3, 4]),
    node(AFTER, [0, 1, 2, 3, 4]),
    node('Hospitals in the north will receive most of the money, the ministry said in a statement.', [0, 1, 2, 3, 4]),
    node(LEDE_A, [0, 1]),
    node(LEDE_B, [2, 3, 4]),
  ];
  /** The clusters of the five sources' nodes placed as `places` gives. */
  const fiveSourceClusters = (places: number[][]) => {
    const nodes = fiveSourceNodes();
    return joinInOrder(nodes, places, 5, [[0], [1], [2], [3], [4]], { wordWeight: 0 }, exactPairs(nodes));
  };

  it('joins a reworded statement across a shared statement that one source alone moved, where four sources agree on its place', () => {
    // Sources 0-3: before, moved, lede, after. Source 4 puts the moved statement after the lede.
    const places = [
      [0, 10, 20, 30, 40],
      [3, 13, 23, 33, 43],
      [1, 11, 21, 31, 42],
      [2, 12],
      [22, 32, 41],
    ];
    const clusters = fiveSourceClusters(places);
    assert.ok(clusters.some(c => [...c].sort().join() === '3,4'));
  });

  it('keeps the two wordings apart where two sources of five place a shared statement on the other side', () => {
    const places = [
      [0, 10, 20, 30, 40],
      [3, 13, 23, 33, 43],
      [1, 11, 21, 32, 42],
      [2, 12],
      [22, 31, 41],
    ];
    const clusters = fiveSourceClusters(places);
    assert.ok(!clusters.some(c => c.includes(3) && c.includes(4)));
  });

  it('counts a shared statement joined from two wordings once per source when one source alone moved it', () => {
    // Six sources: before, moved, lede, after; source 5 puts the moved statement after the lede.
    // Agency A (sources 0-2) and agency B (3-5) each word the moved statement and the lede their
    // own way; the moved statement's two wordings join first, then the ledes across it.
    const movedA = 'Hospitals in the north will receive most of the money, the ministry said in a statement.';
    const movedB = 'Most of the money will go to hospitals in the north, the ministry said.';
    const a = [0, 1, 2];
    const b = [3, 4, 5];
    const nodes = [
      node(BEFORE, [...a, ...b]),
      node(AFTER, [...a, ...b]),
      node(movedA, a),
      node(movedB, b),
      node(LEDE_A, a),
      node(LEDE_B, b),
    ];
    const moved = (s: number) => (s === 5 ? 2 : 1);
    const places = [
      [...a, ...b].map(s => s * 10),
      [...a, ...b].map(s => s * 10 + 3),
      a.map(s => s * 10 + moved(s)),
      b.map(s => s * 10 + moved(s)),
      a.map(s => s * 10 + 2),
      b.map(s => s * 10 + (s === 5 ? 1 : 2)),
    ];
    assert.ok(profileSimilarity(nodes[2].profile, nodes[3].profile) > profileSimilarity(nodes[4].profile, nodes[5].profile));
    const clusters = joinInOrder(nodes, places, 6, [[0], [1], [2], [3], [4], [5]], { wordWeight: 0 }, exactPairs(nodes));
    assert.ok(clusters.some(c => [...c].sort().join() === '2,3'));
    assert.ok(clusters.some(c => [...c].sort().join() === '4,5'));
  });

  /**
   * Sources 0–1 say the lede one way, 2–4 another, between a shared statement before and one
   * after. A cluster joined earlier holds a statement that sources 0–1 print before the lede and
   * a sentence of source 4 that stands after it, in the words `placedOtherwise`.
   */
  function crossedByOneSource(placedOtherwise: string) {
    const nodes = [
      node(BEFORE, [0, 1, 2, 3, 4]),
      node(AFTER, [0, 1, 2, 3, 4]),
      node('Hospitals in the north will receive most of the money, the ministry said in a statement.', [0, 1]),
      node(placedOtherwise, [4]),
      node(LEDE_A, [0, 1]),
      node(LEDE_B, [2, 3, 4]),
    ];
    const places = [[0, 10, 20, 30, 40], [5, 15, 25, 35, 45], [1, 11], [43], [2, 12], [22, 32, 42]];
    return joinInOrder(nodes, places, 5, [[0], [1], [2, 3], [4], [5]], { wordWeight: 0 }, exactPairs(nodes));
  }

  it('joins across a cluster that one source alone places otherwise, leaving out that source sentence where its links lose less than the join gains', () => {
    const clusters = crossedByOneSource('Most of it goes north, officials said.');
    assert.ok(clusters.some(c => [...c].sort().join() === '4,5'));
    assert.ok(clusters.some(c => c.join() === '2'));
    assert.ok(!clusters.some(c => c.includes(3)));
  });

  it('keeps the two wordings apart where the sentence one source places otherwise links to its cluster more strongly than the join', () => {
    const clusters = crossedByOneSource('Most of the money goes to hospitals in the north, the ministry said.');
    assert.ok(!clusters.some(c => c.includes(4) && c.includes(5)));
    assert.ok(clusters.some(c => [...c].sort().join() === '2,3'));
  });

  /**
   * A headline, then the lede in two wordings (agency A: sources 0–1; B: 2–4), then a shared
   * statement. `headlineSources` carry the headline; source 1 prints it under its lede, as a dump
   * that sets the first paragraph above the title does.
   */
  function headlineUnderOneLede(headlineSources: number[]) {
    const all = [0, 1, 2, 3, 4];
    const nodes = [node(BEFORE, headlineSources), node(AFTER, all), node(LEDE_A, [0, 1]), node(LEDE_B, [2, 3, 4])];
    const places = [headlineSources.map(s => s * 10 + (s === 1 ? 2 : 0)), all.map(s => s * 10 + 3), [1, 10], [21, 31, 41]];
    return joinInOrder(nodes, places, 5, [[0], [1], [2], [3]], { wordWeight: 0 }, exactPairs(nodes));
  }

  it('joins two wordings of the lede under a headline that one source alone prints after it, where sources of both sides agree on its place', () => {
    const clusters = headlineUnderOneLede([0, 1, 2, 3, 4]);
    assert.ok(clusters.some(c => [...c].sort().join() === '2,3'));
  });

  it('keeps the two wordings of the lede apart where the one source of a side that prints the headline prints it after its lede', () => {
    const clusters = headlineUnderOneLede([1, 2, 3, 4]);
    assert.ok(!clusters.some(c => c.includes(2) && c.includes(3)));
  });

  it('keeps apart two wordings at the top of the story, which no shared statement precedes', () => {
    const nodes = [node(AFTER, [0, 1, 2, 3]), node(LEDE_A, [0, 1]), node(LEDE_B, [2, 3])];
    const places = [
      [2, 12, 22, 32],
      [1, 11],
      [21, 31],
    ];
    const clusters = joinInOrder(nodes, places, 4, [[0], [1], [2]], { wordWeight: 0 }, exactPairs(nodes));
    assert.equal(clusters.length, 3);
  });

  /**
   * Two agencies of `perSide` sources each share one statement; after it each says the lede its
   * own way, and nothing shared follows (the versions end there).
   */
  function lastStatement(perSide: number) {
    const a = Array.from({ length: perSide }, (_, i) => i);
    const b = Array.from({ length: perSide }, (_, i) => perSide + i);
    const nodes = [node(BEFORE, [...a, ...b]), node(LEDE_A, a), node(LEDE_B, b)];
    const places = [[...a, ...b].map(s => s * 10), a.map(s => s * 10 + 1), b.map(s => s * 10 + 1)];
    return joinInOrder(nodes, places, 2 * perSide, [[0], [1], [2]], { wordWeight: 0 }, exactPairs(nodes));
  }

  it('joins two wordings after the last shared statement where three sources carry each and each is the other best match', () => {
    const clusters = lastStatement(3);
    assert.equal(clusters.length, 2);
    assert.ok(clusters.some(c => [...c].sort().join() === '1,2'));
  });

  it('keeps two wordings after the last shared statement apart where only two sources carry each', () => {
    assert.equal(lastStatement(2).length, 3);
  });

  it('joins two wordings after the last shared statement in a story of two versions, where all the other versions carry each', () => {
    const clusters = lastStatement(1);
    assert.equal(clusters.length, 2);
    assert.ok(clusters.some(c => [...c].sort().join() === '1,2'));
  });

  it('keeps two wordings after the last shared statement apart where one reads closer to another statement of the other side', () => {
    const a = [0, 1, 2];
    const b = [3, 4, 5];
    // Sources 0-2 open with a sentence closer to agency B's lede than their own lede is, before the shared statement.
    const closer = 'Record money for health care was announced by the treasury chief.';
    const nodes = [node(BEFORE, [...a, ...b]), node(LEDE_A, a), node(LEDE_B, b), node(closer, a)];
    const places = [[...a, ...b].map(s => s * 10 + 1), a.map(s => s * 10 + 2), b.map(s => s * 10 + 2), a.map(s => s * 10)];
    const clusters = joinInOrder(nodes, places, 6, [[0], [1], [2], [3]], { wordWeight: 0 }, exactPairs(nodes));
    assert.ok(!clusters.some(g => g.includes(1) && g.includes(2)));
  });

  it('joins a wording after the last shared statement once a later join gives the other side a third source', () => {
    const a = [0, 1, 2];
    const b = [3, 4];
    const c = [5, 6];
    // Agencies B and C share a statement after their ledes, so their two wordings join in order;
    // only then do three sources carry the side that agency A's lede joins.
    const ledeC = 'A record sum goes to hospitals, the minister said.';
    const nodes = [node(BEFORE, [...a, ...b, ...c]), node(AFTER, [...b, ...c]), node(LEDE_A, a), node(LEDE_B, b), node(ledeC, c)];
    const places = [
      [...a, ...b, ...c].map(s => s * 10),
      [...b, ...c].map(s => s * 10 + 2),
      a.map(s => s * 10 + 1),
      b.map(s => s * 10 + 1),
      c.map(s => s * 10 + 1),
    ];
    const clusters = joinInOrder(nodes, places, 7, [[0], [1], [2], [3], [4]], { wordWeight: 0 }, exactPairs(nodes));
    assert.ok(clusters.some(g => [...g].sort().join() === '2,3,4'));
  });

  /**
   * Four sources: the statements before and after are shared by all, the lede is one cluster of
   * sources 0-2 in one wording, and a sentence that no cluster holds (`lone`, carried by
   * `loneSources` at `lonePlaces`) words it otherwise.
   */
  const withLoneSentence = (loneSources: number[], lonePlaces: number[], linkageThreshold?: number) => {
    const nodes = [node(BEFORE, [0, 1, 2, 3]), node(AFTER, [0, 1, 2, 3]), node(LEDE_A, [0, 1, 2]), node(LEDE_B, loneSources)];
    const places = [[0, 10, 20, 30], [3, 13, 23, 33], [1, 11, 21], lonePlaces];
    return joinInOrder(nodes, places, 4, [[0], [1], [2]], { wordWeight: 0, linkageThreshold }, exactPairs(nodes));
  };

  it('joins a sentence no cluster holds to the cluster it stands in place of, where it links as strongly as a merge needs', () => {
    const clusters = withLoneSentence([3], [31]);
    assert.ok(clusters.some(c => [...c].sort().join() === '2,3'));
  });

  it('leaves a sentence no cluster holds alone where its link is weaker than a merge needs', () => {
    const clusters = withLoneSentence([3], [31], 0.5);
    assert.ok(!clusters.some(c => c.includes(3)));
  });

  it('leaves a sentence no cluster holds alone where it stands on the other side of a shared statement', () => {
    const clusters = withLoneSentence([3], [34]);
    assert.ok(!clusters.some(c => c.includes(3)));
  });

  it('leaves a sentence no cluster holds alone where it crosses a shared statement, though its cluster has three sources', () => {
    // Sources 0-2: before, lede, middle, after; source 3 puts its wording of the lede after the middle.
    const MIDDLE = 'Hospitals in the north will receive most of the money, the ministry said in a statement.';
    const nodes = [
      node(BEFORE, [0, 1, 2, 3]),
      node(MIDDLE, [0, 1, 2, 3]),
      node(AFTER, [0, 1, 2, 3]),
      node(LEDE_A, [0, 1, 2]),
      node(LEDE_B, [3]),
    ];
    const places = [[0, 10, 20, 30], [2, 12, 22, 32], [4, 14, 24, 34], [1, 11, 21], [33]];
    const clusters = joinInOrder(nodes, places, 4, [[0], [1], [2], [3]], { wordWeight: 0 }, exactPairs(nodes));
    assert.ok(!clusters.some(c => c.includes(4)));
  });

  it('leaves a sentence no cluster holds alone where the cluster holds a sentence of its source already', () => {
    const clusters = withLoneSentence([0], [2]);
    assert.ok(!clusters.some(c => c.includes(3)));
  });

  it('keeps it apart when no statement is shared to anchor the order', () => {
    const nodes = [node(LEDE_A, [0, 1]), node(LEDE_B, [2, 3])];
    const clusters = joinInOrder(
      nodes,
      [
        [0, 10],
        [20, 30],
      ],
      4,
      [[0], [1]],
      { wordWeight: 0 },
      exactPairs(nodes),
    );
    assert.equal(clusters.length, 2);
  });
  describe('spans across clusters', () => {
    const FULL = 'The finance minister unveiled record spending on health care and promised new teachers for every school next year.';
    const PART_ONE = 'The finance minister unveiled record spending on health care.';
    const PART_TWO = 'He also promised new teachers for every school next year.';
    const PART_TWO_AGAIN = 'New teachers were promised for every school from next year.';
    const LATER = 'Critics said the plan came far too late for the country.';

    /**
     * Sources 0–1 say the statement in one sentence; source 2 splits it in two; source 3 says
     * only its second part. Fresh arrays, for the caller to extend.
     */
    function splitCase() {
      const nodes = [
        node(BEFORE, [0, 1, 2, 3]),
        node(AFTER, [0, 1, 2, 3]),
        node(FULL, [0, 1]),
        node(PART_ONE, [2]),
        node(PART_TWO, [2]),
        node(PART_TWO_AGAIN, [3]),
      ];
      const places = [[0, 10, 20, 30], [8, 18, 28, 38], [1, 11], [21], [22], [31]];
      return { nodes, places };
    }

    /** The split case joined in order, after grouping left the first part with the full sentence and the second with source 3's. */
    function split(extra: { text: string; source: number; place: number } | undefined) {
      const { nodes, places } = splitCase();
      const clusters = [[0], [1], [2, 3], [4, 5]];
      if (extra) {
        nodes.push(node(extra.text, [extra.source]));
        places.push([extra.place]);
        clusters[3].push(nodes.length - 1);
      }
      return joinInOrder(nodes, places, 4, clusters, { wordWeight: 0 }, exactPairs(nodes));
    }

    it('joins the two sentences a source split into one group, as a span', () => {
      const clusters = split(undefined);
      assert.equal(clusters.length, 3);
      assert.ok(clusters.some(c => [...c].sort().join() === '2,3,4,5'));
    });

    it('keeps two statements apart that every source but one prints as two sentences', () => {
      // Source 2's two sentences are two statements: sources 0-1 carry the first alone, source
      // 3 the second alone, so no sentence reads closer to the two joined.
      const nodes = [
        node(BEFORE, [0, 1, 2, 3]),
        node(AFTER, [0, 1, 2, 3]),
        node(PART_ONE, [0, 1, 2]),
        node(PART_TWO, [2]),
        node(PART_TWO_AGAIN, [3]),
      ];
      const places = [[0, 10, 20, 30], [8, 18, 28, 38], [1, 11, 21], [22], [31]];
      const clusters = joinInOrder(nodes, places, 4, [[0], [1], [2], [3, 4]], { wordWeight: 0 }, exactPairs(nodes));
      assert.equal(clusters.length, 4);
    });

    it('leaves out a weakly linked sentence of a source the two clusters both hold, apart, and joins the rest', () => {
      // Source 0 stands in both clusters, far apart: its full sentence is linked to all, the
      // later sentence to nothing, so the join leaves the later one out.
      const clusters = split({ text: LATER, source: 0, place: 5 });
      assert.ok(clusters.some(c => [...c].sort().join() === '2,3,4,5'));
      assert.ok(!clusters.some(c => c.includes(6)));
    });

    it('joins a split statement at the top of the story, where only a shared statement after it anchors the order', () => {
      const nodes = [node(AFTER, [0, 1, 2, 3]), node(FULL, [0, 1]), node(PART_ONE, [2]), node(PART_TWO, [2]), node(PART_TWO_AGAIN, [3])];
      const places = [[8, 18, 28, 38], [1, 11], [21], [22], [31]];
      const clusters = joinInOrder(nodes, places, 4, [[0], [1, 2], [3, 4]], { wordWeight: 0 }, exactPairs(nodes));
      assert.ok(clusters.some(c => [...c].sort().join() === '1,2,3,4'));
    });

    it('never joins a headline into a span with the sentence after it', () => {
      // The same case as a split, but source 2's first part is its headline: a headline says
      // the statement in its own words, so it stays out of the span.
      const { nodes, places } = splitCase();
      nodes[3] = { ...nodes[3], headline: true };
      const clusters = joinInOrder(nodes, places, 4, [[0], [1], [2, 3], [4, 5]], { wordWeight: 0 }, exactPairs(nodes));
      assert.ok(!clusters.some(c => c.includes(3) && c.includes(4)));
    });

    it('does not depend on which cluster is listed first', () => {
      const a = split(undefined)
        .map(c => [...c].sort().join())
        .sort();
      const { nodes, places } = splitCase();
      const b = joinInOrder(nodes, places, 4, [[4, 5], [2, 3], [1], [0]], { wordWeight: 0 }, exactPairs(nodes))
        .map(c => [...c].sort().join())
        .sort();
      assert.deepEqual(b, a);
    });
  });
});
