import * as assert from 'node:assert/strict';
import { prepareSource } from '../../src/core';
import { PairEvidence, passFacts, sharedOf } from '../../src/core/storyEvidence';
import { StoryIndex, buildStoryIndex, storyFormsOf } from '../../src/core/storyIndex';
import { stemmerFor } from '../../src/core/stemming';
import { shingleKeysOf } from '../../src/core/storyShingles';
import { PairSettings, storyComponents } from '../../src/core/storyPairs';
import type { PassFacts } from '../../src/core/storyEvidence';
import { JoinPair, TokenSpace } from '../../src/core/tokenSpace';
import { FreshLeaders, OneShotIndex } from '../../src/core/similarityIndex';
import { FormSpace } from '../../src/core/forms';
import { RememberedProbes } from '../../src/core/rememberedProbes';
import { PrefixIndex } from '../../src/core/prefixIndex';
import { bigramProfile } from '../../src/core/similarity';
import type { SpaceId } from '../../src/core/ids';
import { pick, pickedString, seededRandom } from '../support/random';
import { hasSpacelessScript, hashText } from '../../src/core/text';
import { DATELINE, mayOpenWithCapitals } from '../../src/core/sentenceReading';
import { HARBOUR, LIBRARY, SITES, page, rewrite } from '../support/storyPages';
import { attachRepeats } from '../../src/core/spans';
import { AnchorChoice, GroupTally, chooseAnchor } from '../../src/core/anchors';
import { SharedTokens } from '../../src/core/tokenSpace';
import { LinkEvidence } from '../../src/core/linkEvidence';
import type { AlignNode } from '../../src/core/grouping';
import { QUOTED, SALIENT } from '../../src/core/terms';
import type { FormId, WordingId } from '../../src/core/ids';
import type { BigramProfile } from '../../src/core/similarity';

/**
 * `storyComponents` computed plainly: every neighbour's story looked up on each meeting, the
 * stories joined strongest pair first with their members listed afresh at every step.
 */
function plainComponents(index: StoryIndex, pass: PassFacts, settings: PairSettings, enough: number, evidence: PairEvidence): Int32Array {
  const n = index.sources.length;
  const rootsOf = () => {
    const parent = Int32Array.from({ length: n }, (_, s) => s);
    const find = (x: number): number => (parent[x] === x ? x : find(parent[x]));
    const union = (a: number, b: number) => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    };
    return { find, union };
  };
  const held = rootsOf();
  const story = rootsOf();
  const byText = new Map<string, number>();
  for (let s = 0; s < n; s++) {
    if (!index.sourceForms[s].length) continue;
    const other = byText.get(index.sources[s].text);
    if (other === undefined) byText.set(index.sources[s].text, s);
    else {
      held.union(other, s);
      story.union(other, s);
    }
  }
  const counted = sharedOf(index, pass, settings);
  const needed = (a: number, b: number) =>
    Math.max(settings.minSharedSentences, Math.ceil(settings.minSharedShare * Math.min(counted[a], counted[b])));
  const edges: { a: number; b: number; strength: number }[] = [];
  for (let r = 0; r < n; r++) {
    const a = index.order[r];
    const own = held.find(a);
    const common = new Map<number, number>();
    index.sourceShingles[a].forEach((x, k) => {
      if (pass.chrome[x]) return;
      const end = index.postingStart[x + 1];
      const at = index.postingPlace[a][k];
      const reach = Math.max(1, Math.min(settings.window, Math.floor((settings.window * settings.window) / (end - index.postingStart[x]))));
      let paired = 0;
      for (let j = at + 1; j <= Math.min(end - 1, at + settings.window) && paired < reach; j++) {
        const b = index.postings[j];
        if (held.find(b) === own) continue;
        paired++;
        common.set(b, (common.get(b) ?? 0) + 1);
      }
    });
    for (const b of [...common.keys()].sort((x, y) => index.rank[x] - index.rank[y])) {
      if (
        common.get(b)! >=
          Math.ceil(needed(a, b) * settings.foundShingles * Math.min(index.shingleDiversity[a], index.shingleDiversity[b])) &&
        held.find(a) !== held.find(b) &&
        evidence.oneStory(a, b, pass, settings, enough)
      ) {
        const strength = evidence.strength(a, b, pass, settings);
        edges.push({ a, b, strength });
        if (strength >= 2 / 3) held.union(a, b);
      }
    }
  }
  const low = (e: { a: number; b: number }) => Math.min(index.rank[e.a], index.rank[e.b]);
  const high = (e: { a: number; b: number }) => Math.max(index.rank[e.a], index.rank[e.b]);
  edges.sort((e, f) => f.strength - e.strength || low(e) - low(f) || high(e) - high(f));
  const membersOf = (root: number) =>
    Array.from({ length: n }, (_, s) => s)
      .filter(s => story.find(s) === root)
      .sort((x, y) => index.rank[x] - index.rank[y]);
  for (const e of edges) {
    const ra = story.find(e.a);
    const rb = story.find(e.b);
    if (ra === rb) continue;
    const left = membersOf(ra);
    const right = membersOf(rb);
    // A pair where one page mostly holds the other joins two larger stories without the check
    // only where two or more of the first four sources of the held page's story are each mostly
    // held by the holding page (counted in order, up to two).
    const heldBy = (from: number, holder: number) => {
      let held = 0;
      for (const x of membersOf(from).slice(0, 4)) {
        if (counted[x] > counted[holder] || !evidence.oneStory(x, holder, pass, settings, enough)) continue;
        if (evidence.strength(x, holder, pass, settings) >= 2 / 3 && ++held === 2) return true;
      }
      return false;
    };
    const contained = () =>
      e.strength >= 2 / 3 && ((counted[e.a] <= counted[e.b] && heldBy(ra, e.b)) || (counted[e.b] <= counted[e.a] && heldBy(rb, e.a)));
    if (left.length > 2 && right.length > 2 && !contained()) {
      const [small, other] = left.length <= right.length ? [ra, rb] : [rb, ra];
      const near = new Set<number>();
      const far = new Set<number>();
      const agree = (x: number, y: number) => {
        near.add(x);
        far.add(y);
      };
      for (const f of edges) {
        if (story.find(f.a) === small && story.find(f.b) === other) agree(f.a, f.b);
        if (story.find(f.b) === small && story.find(f.a) === other) agree(f.b, f.a);
      }
      if (near.size < 2 || far.size < 2) {
        const first = (root: number) => membersOf(root).slice(0, 4);
        for (const x of first(small)) for (const y of first(other)) if (evidence.oneStory(x, y, pass, settings, enough)) agree(x, y);
        if (near.size < 2 || far.size < 2) continue;
      }
    }
    // A small story (2 sources or fewer) pulled into a larger one through a page of the larger
    // that its page mostly holds joins only where it is one story with 2 or more pages of the
    // larger (among the pairs found, then among the larger's first four sources).
    if (e.strength >= 2 / 3 && left.length > 2 !== right.length > 2) {
      const [inLarge, inSmall, large, small] = left.length > 2 ? [e.a, e.b, ra, rb] : [e.b, e.a, rb, ra];
      if (counted[inLarge] < counted[inSmall]) {
        const far = new Set<number>();
        for (const f of edges) {
          if (story.find(f.a) === small && story.find(f.b) === large) far.add(f.b);
          if (story.find(f.b) === small && story.find(f.a) === large) far.add(f.a);
        }
        if (far.size < 2) {
          for (const x of membersOf(small))
            for (const y of membersOf(large).slice(0, 4)) if (evidence.oneStory(x, y, pass, settings, enough)) far.add(y);
          if (far.size < 2) continue;
        }
      }
    }
    story.union(ra, rb);
  }
  // Each source moved to the story its pairs hold it to most strongly, rounds until none moves.
  const label = Array.from({ length: n }, (_, s) => story.find(s));
  for (let round = 0; round < 3; round++) {
    const rep = new Map<number, number>();
    for (const s of index.order) if (!rep.has(label[s])) rep.set(label[s], s);
    for (let s = 0; s < n; s++) label[s] = rep.get(label[s])!;
    let moved = false;
    for (const s of index.order) {
      const hold = new Map<number, number>();
      for (const e of edges)
        if (e.a === s || e.b === s) {
          const other = label[e.a === s ? e.b : e.a];
          hold.set(other, (hold.get(other) ?? 0) + e.strength);
        }
      if (!hold.size) continue;
      let best = label[s];
      for (const [to, h] of hold) {
        const bestHold = hold.get(best) ?? 0;
        if (h > bestHold || (h === bestHold && best !== label[s] && index.rank[to] < index.rank[best])) best = to;
      }
      if (best !== label[s]) {
        label[s] = best;
        moved = true;
      }
    }
    if (!moved) break;
  }
  const smallest = new Map<number, number>();
  label.forEach((l, s) => smallest.has(l) || smallest.set(l, s));
  return Int32Array.from(label, l => smallest.get(l)!);
}

/** `count` seeded sentences cut from one template: a few of a small set of words, then a number. */
function templateSentences(random: () => number, count: number): string[] {
  const words = 'the report number was read by people in north south east west centre of a said on'.split(' ');
  return Array.from({ length: count }, () => {
    const digits = String(Math.floor(random() * 10 ** (1 + Math.floor(random() * 4))));
    return Array.from({ length: 3 + Math.floor(random() * 6) }, () => pick(random, words)).join(' ') + ' ' + digits;
  });
}

/**
 * `count` seeded pages of two stories and their rewrites, told by several sites, some with a
 * teaser of another story; their story index; and a seeded tenth of its shingles as chrome.
 */
function seededPages(random: () => number, count: number) {
  const stories = [HARBOUR, LIBRARY, rewrite(HARBOUR), rewrite(LIBRARY)];
  const texts = Array.from({ length: count }, () => {
    const story = pick(random, stories);
    const kept = story.filter((_, i) => i === 0 || random() > 0.4);
    return page(pick(random, SITES), kept, random() < 0.5 ? [pick(random, stories)] : []);
  });
  const index = buildStoryIndex(
    texts.map(t => prepareSource(t)),
    2,
    source => storyFormsOf(source, 2),
  );
  const chrome = new Uint8Array(index.shingleCount);
  for (let x = 0; x < chrome.length; x++) chrome[x] = random() < 0.1 ? 1 : 0;
  return { texts, index, chrome };
}

describe('Fast paths give what the plain computation gives', () => {
  it('hashes a text as 32-bit FNV-1a over its UTF-16 code units in eight hex digits, then its length, on 500 seeded texts', () => {
    // The plain computation, in unbounded integers reduced modulo 2^32.
    const fnv1a = (text: string) => {
      let h = 0x811c9dc5n;
      for (let i = 0; i < text.length; i++) h = ((h ^ BigInt(text.charCodeAt(i))) * 0x01000193n) % 0x100000000n;
      return h.toString(16).padStart(8, '0') + text.length.toString(16);
    };
    const random = seededRandom(178);
    const pieces = ['a', 'Z', ' ', 'é', 'ж', '—', '語', '😀', '\n', 'word ', '0'];
    for (let n = 0; n < 500; n++) {
      const text = pickedString(random, pieces, 0, 40);
      assert.equal(hashText(text), fnv1a(text), JSON.stringify(text));
    }
  });

  it('passes over no text the wire-dateline pattern matches, on every pair of opening characters and seeded texts', () => {
    const openings = ['A', 'Z', 'a', 'z', 'É', 'é', 'Ж', 'ж', '語', '𝐀', '😀', "'", '’', '.', '-', ' ', '0', ',', '\u0301', '(', ':', 'İ'];
    const tails = [', May 14 - ', ' - ', ': ', ', Sri Lanka (Agency) — ', ' (AP) - ', ', 14. Mai – ', 'AB -- ', ''];
    let matched = 0;
    for (const a of openings)
      for (const b of openings)
        for (const c of openings)
          for (const tail of tails) {
            const text = `${a}${b}${c}${tail}rest of the sentence.`;
            if (DATELINE.test(text)) {
              matched++;
              assert.ok(mayOpenWithCapitals(text), JSON.stringify(text));
            }
          }
    assert.ok(matched > 100, `${matched}`);
    const random = seededRandom(41);
    for (let n = 0; n < 3000; n++) {
      const text = pickedString(random, [...openings, ...tails, 'PORT', 'ASHBY', ' '], 1, 12);
      if (DATELINE.test(text)) assert.ok(mayOpenWithCapitals(text), JSON.stringify(text));
    }
  });

  it('tells a letter of a script without spaces between words as the script classes do, for every code point and in seeded texts', () => {
    // The plain test: the Unicode script classes alone, over the whole text.
    const plain = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
    let spaceless = 0;
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const text = `Latin “words” — ${String.fromCodePoint(c)} 12`;
      const expected = plain.test(text);
      if (expected) spaceless++;
      assert.equal(hasSpacelessScript(text), expected, `U+${c.toString(16).toUpperCase()}`);
    }
    // Every script is there: thousands of Han ideographs alone.
    assert.ok(spaceless > 90_000, `${spaceless} code points`);
    const random = seededRandom(179);
    const pieces = ['a', ' ', 'é', 'ж', 'ب', '—', '’', '•', '€', '語', 'の', 'カ', 'ไ', 'ລ', 'ក', 'မ', '한', '😀', '𠀋', '\n'];
    for (let n = 0; n < 500; n++) {
      const text = pickedString(random, pieces, 0, 12);
      assert.equal(hasSpacelessScript(text), plain.test(text), JSON.stringify(text));
    }
  });

  it("gives each page's story forms the shingle keys of its own forms when other versions gave them first, on seeded sets of pages", () => {
    const stories = [HARBOUR, LIBRARY, rewrite(HARBOUR), rewrite(LIBRARY)];
    for (let seed = 1; seed <= 8; seed++) {
      const random = seededRandom(seed);
      const sources = Array.from({ length: 5 }, () => prepareSource(page(pick(random, SITES), pick(random, stories), [])));
      for (const words of [1, 2, 3]) {
        for (const source of sources) {
          const part = storyFormsOf(source, words);
          part.forms.forEach((form, i) => {
            const keys = part.keys.slice(2 * part.keyStart[i], 2 * part.keyStart[i + 1]);
            assert.deepEqual(
              keys,
              shingleKeysOf(form, words, source.profile.words, stemmerFor(source.profile.language)),
              `seed ${seed}, ${words} words: ${form}`,
            );
          });
        }
      }
    }
  });

  it('scores a pair of pages the same when the scorer kept its count from an earlier pass, on seeded sets of pages', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const random = seededRandom(seed);
      const { texts, index, chrome } = seededPages(random, 6);
      const settings = { foundShingles: 2, minSharedSentences: 2, minSharedShare: 0.2 };
      const kept = new PairEvidence(index);
      for (const pass of [passFacts(index, new Uint8Array(index.shingleCount), 2), passFacts(index, chrome, 2)]) {
        for (let round = 0; round < 2; round++) {
          for (let a = 0; a < texts.length; a++) {
            for (let b = 0; b < texts.length; b++) {
              if (a === b) continue;
              for (const enough of [3, Number.MAX_SAFE_INTEGER]) {
                const fresh = new PairEvidence(index).oneStory(a, b, pass, settings, enough);
                assert.equal(kept.oneStory(a, b, pass, settings, enough), fresh, `seed ${seed}, pair ${a}-${b}`);
              }
            }
          }
        }
      }
    }
  });

  it('finds the same sentences of one page in another when the scorer kept the second page marked from the pairs read before, in any order of pairs and passes', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const random = seededRandom(100 + seed);
      const { texts, index, chrome } = seededPages(random, 7);
      const plain = passFacts(index, new Uint8Array(index.shingleCount), 2);
      const ignored = Uint8Array.from({ length: index.formShingles.length }, () => (random() < 0.2 ? 1 : 0));
      const passes: PassFacts[] = [plain, passFacts(index, chrome, 2), { ...plain, ignored }];
      // Every ordered pair in every pass once, shuffled: the kept scorer meets a page it marked a few pairs ago, or in another pass.
      const reads: [number, number, PassFacts][] = [];
      for (const pass of passes)
        for (let a = 0; a < texts.length; a++) for (let b = 0; b < texts.length; b++) if (a !== b) reads.push([a, b, pass]);
      for (let k = reads.length - 1; k > 0; k--) {
        const j = Math.floor(random() * (k + 1));
        [reads[k], reads[j]] = [reads[j], reads[k]];
      }
      const kept = new PairEvidence(index);
      for (const [a, b, pass] of reads)
        assert.equal(kept.foundInOrder(a, b, pass), new PairEvidence(index).foundInOrder(a, b, pass), `seed ${seed}, pair ${a}-${b}`);
    }
  });

  it('tells a probe saturated from one long posting list only where the walk of its postings saturates, on 20 seeded template corpora', () => {
    let told = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed);
      const texts = templateSentences(random, 200);
      const space = new TokenSpace(texts.map(t => bigramProfile(t)));
      const threshold = pick(random, [0.5, 0.7, 0.85]);
      const index = new PrefixIndex(space, threshold);
      const accept = (j: number) => j % 3 !== 0;
      for (let i = 0; i < texts.length; i++) {
        const budget = pick(random, [1, 4, 16]);
        if (index.saturates(i, accept, budget)) {
          told++;
          index.matches(i, accept, { budget, nothingPastBudget: true });
          assert.ok(index.saturated, `seed ${seed}, probe ${i}, budget ${budget}`);
        }
        index.add(i);
      }
    }
    assert.ok(told > 500, `only ${told} probes told saturated`);
  });

  it('finds the leaders a remembering index finds, saturated where it is, on 40 seeded runs of lookups and additions', () => {
    const key = (pairs: readonly JoinPair[]) =>
      pairs
        .map(p => `${p.b}:${p.similarity}`)
        .sort()
        .join(' ');
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const texts = templateSentences(random, 150);
      const space = new TokenSpace(texts.map(t => bigramProfile(t)));
      const threshold = pick(random, [0.5, 0.7, 0.85]);
      const remembering = new RememberedProbes(space, threshold);
      const fresh = new FreshLeaders(space, threshold);
      const isLeader = new Uint8Array(texts.length);
      const rejected = random() < 0.5 ? new Set<number>() : new Set(texts.map((_, i) => i).filter(() => random() < 0.3));
      const accept = (j: SpaceId) => isLeader[j] === 1 && !rejected.has(j);
      for (let i = 0; i < texts.length; i++) {
        const id = i as SpaceId;
        const budget = pick(random, [1, 4, 16, 256]);
        const expected = remembering.matches(id, accept, budget);
        const found = fresh.matches(id, accept, budget);
        assert.equal(fresh.saturated, remembering.saturated, `seed ${seed}, probe ${i}: saturated`);
        assert.equal(key(found), key(expected), `seed ${seed}, probe ${i}`);
        for (let k = Math.max(0, i - 5); k < Math.min(texts.length, i + 5); k++) {
          assert.deepEqual(fresh.matchOf(id, k as SpaceId), remembering.matchOf(id, k as SpaceId), `seed ${seed}, ${i} with ${k}`);
        }
        if (random() < 0.7) {
          isLeader[i] = 1;
          remembering.add(id);
          fresh.add(id);
        }
      }
    }
  });

  it('finds among many targets what the index finds, when a few probes compare each target instead, on 30 seeded corpora', () => {
    const words = 'the harbour workers strike pay deal union said port ships cargo night a of and in to'.split(' ');
    for (let seed = 1; seed <= 30; seed++) {
      const random = seededRandom(seed);
      const texts = [
        ...new Set(
          Array.from({ length: 400 }, () => Array.from({ length: 4 + Math.floor(random() * 10) }, () => pick(random, words)).join(' ')),
        ),
      ];
      const forms = new FormSpace(texts);
      const ids = texts.map((_, i) => i as SpaceId);
      const targets = ids.filter(() => random() < 0.6);
      const probes = ids.filter(() => random() < 0.02);
      const threshold = pick(random, [0.5, 0.7]);
      const all = (probeCount: number) => {
        const lookup = new OneShotIndex(forms).lookupAmong(targets, probeCount, threshold);
        return probes.map(probe => {
          const found: string[] = [];
          lookup(probe, pair => (found.push(`${pair.b}:${pair.similarity}`), true));
          return found.sort().join(' ');
        });
      };
      // Past 50,000 probe × target pairs the many probes go through an index.
      assert.ok(targets.length * 1000 > 50_000);
      assert.deepEqual(all(probes.length), all(1000), `seed ${seed}`);
    }
  });

  it('scores the pairs and joins the stories the plain pairing does, on seeded sets of pages told by several sites', () => {
    const stories = [HARBOUR, LIBRARY, rewrite(HARBOUR), rewrite(LIBRARY)];
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed * 31);
      const texts = Array.from({ length: 4 + Math.floor(random() * 30) }, () => {
        const story = pick(random, stories);
        const kept = story.filter((_, i) => i === 0 || random() > 0.5);
        return page(pick(random, SITES), kept, random() < 0.5 ? [pick(random, stories)] : []);
      });
      const index = buildStoryIndex(
        texts.map(t => prepareSource(t)),
        2,
        source => storyFormsOf(source, 2),
      );
      const chrome = new Uint8Array(index.shingleCount);
      for (let x = 0; x < chrome.length; x++) chrome[x] = random() < 0.05 ? 1 : 0;
      const window = pick(random, [1, 2, 16]);
      // As the story stage runs them: a first pass on all the sentences that count, a final one on the pages' own.
      for (const [share, enough, ownShare] of [
        [0.35, 8, false],
        [0.2, Number.MAX_SAFE_INTEGER, true],
      ] as const) {
        const settings = { foundShingles: 2, minSharedSentences: 2, minSharedShare: share, window, ownShare };
        const pass = passFacts(index, chrome, 2);
        const scored = (run: (evidence: PairEvidence) => Int32Array) => {
          const pairs: string[] = [];
          const evidence = new PairEvidence(index);
          const oneStory = evidence.oneStory.bind(evidence);
          evidence.oneStory = (a, b, ...rest) => (pairs.push(`${a}-${b}`), oneStory(a, b, ...rest));
          return { components: [...run(evidence)], pairs };
        };
        assert.deepEqual(
          scored(evidence => storyComponents(index, pass, settings, enough, evidence)),
          scored(evidence => plainComponents(index, pass, settings, enough, evidence)),
          `seed ${seed}`,
        );
      }
    }
  });

  it('gives every profile the tokens that sorting each list of ranks gives, on 30 seeded sets of template sentences', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const random = seededRandom(seed);
      const texts = templateSentences(random, 1 + Math.floor(random() * 300));
      // Some profiles twice, and some too short for a bigram.
      texts.push(texts[0], 'a', '');
      const profiles = texts.map(t => bigramProfile(t));
      const space = new TokenSpace(profiles);
      const expected = plainRankedTokens(profiles);
      assert.equal(space.tokenCount, expected.tokenCount, `seed ${seed}`);
      profiles.forEach((_, i) => {
        assert.deepEqual([...space.tokens(i)], expected.tokens[i], `seed ${seed}, profile ${i}`);
        assert.equal(space.size(i), expected.tokens[i].length);
      });
    }
  });

  it('attaches each repeat to the first group holding its twin, as a map over source and form does, on 40 seeded layouts', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const sourceCount = 1 + Math.floor(random() * 6);
      const placeStart = new Int32Array(sourceCount + 1);
      for (let s = 0; s < sourceCount; s++) placeStart[s + 1] = placeStart[s] + Math.floor(random() * 12);
      const places = placeStart[sourceCount];
      const sourceOfPlace = new Int32Array(places);
      for (let s = 0; s < sourceCount; s++) sourceOfPlace.fill(s, placeStart[s], placeStart[s + 1]);
      const formOfPlace = Array.from({ length: places }, () => Math.floor(random() * 8) as FormId);
      const layout = {
        placeStart,
        sourceOfPlace,
        wordingOfPlace: new Int32Array(places) as Int32Array & { readonly [place: number]: WordingId },
      };
      const groups: number[][] = Array.from({ length: 1 + Math.floor(random() * 5) }, () => []);
      for (let p = 0; p < places; p++) if (random() < 0.5) pick(random, groups).push(p);
      const plain = groups.map(g => [...g]);
      const plainRepeats = plainAttachRepeats(plain, sourceOfPlace, formOfPlace);
      const repeats = attachRepeats(groups, layout, formOfPlace);
      assert.deepEqual(groups, plain, `seed ${seed}`);
      assert.deepEqual([...repeats], [...plainRepeats], `seed ${seed}`);
    }
  });

  it('chooses the anchor and its similarities that reading every candidate gives, on 40 seeded groups of template sentences', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const texts = templateSentences(random, 40);
      // Near-copies of one sentence (most groups: where one wording dominates, candidates are
      // passed over unread), a duplicate and texts too short for a bigram make close sums and ties.
      for (let i = 0; i < 40; i++) texts.push(texts[0] + pick(random, ['', ' 1', 's', ' said', ` on ${i}`]));
      texts.push(texts[0], 'a', 'b', '');
      const space = new TokenSpace(texts.map(t => bigramProfile(t)));
      const spaceIdOf = texts.map((_, i) => i as SpaceId);
      const shared = new SharedTokens(space);
      for (let g = 0; g < 20; g++) {
        const distinct = texts.map((_, i) => i as WordingId).filter(i => random() < (i < 40 ? 0.05 : 0.4));
        if (!distinct.length) continue;
        const skew = pick(random, [1, 5, 200]);
        const counts = Int32Array.from(distinct, () => 1 + Math.floor(random() ** 3 * skew));
        const tally: GroupTally = { places: new Int32Array(0), distinct, counts };
        const expected = plainAnchor(tally, spaceIdOf, new SharedTokens(space));
        const choice = chooseAnchor(tally, spaceIdOf, shared);
        assert.equal(choice.at, expected.at, `seed ${seed}, group ${g}`);
        assert.deepEqual([...choice.similarities], [...expected.similarities], `seed ${seed}, group ${g}`);
      }
    }
  });

  it('scores links and finds rare-word pairs as statistics over the whole vocabulary do, on 30 seeded sets of nodes', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const random = seededRandom(seed);
      // Term ids from a large vocabulary, as where stories analysed apart share one.
      const vocabulary = Array.from({ length: 40 }, () => Math.floor(random() * 200_000));
      const nodes: AlignNode[] = templateSentences(random, 2 + Math.floor(random() * 40)).map(text => {
        const ids = [...new Set(Array.from({ length: Math.floor(random() * 9) }, () => pick(random, vocabulary)))].sort((x, y) => x - y);
        const salient = Uint8Array.from(ids, () => (random() < 0.3 ? SALIENT : 0) | (random() < 0.2 ? QUOTED : 0));
        const weight = 1 + Math.floor(random() * 5);
        const sources = Array.from({ length: weight }, (_, k) => k);
        const headline = random() < 0.1;
        return {
          profile: bigramProfile(text),
          terms: ids,
          salient,
          firstAt: shuffledPlaces(random, ids.length),
          headline,
          sources,
          weight,
        };
      });
      const evidence = new LinkEvidence(nodes, 0.6);
      const plain = plainLinkStatistics(nodes);
      for (let a = 0; a < nodes.length; a++) {
        for (let b = 0; b < nodes.length; b++) assert.equal(evidence.cosine(a, b), plain.cosine(a, b), `seed ${seed}, ${a}-${b}`);
      }
      assert.deepEqual([...evidence.rareWordPairs()], plain.rareWordPairs, `seed ${seed}`);
    }
  });

  it('finds the same rare-word pairs and link scores, to the last bit, whichever ids the vocabulary gave the terms, on 30 seeded sets of nodes', () => {
    // An editor's vocabulary grows over many analyses, and numbers a corpus's terms otherwise than one analysis of it does.
    for (let seed = 1; seed <= 30; seed++) {
      const random = seededRandom(seed);
      // Few terms, each in many nodes, so that many are as rare as each other.
      const vocabulary = Array.from({ length: 12 }, (_, k) => k);
      const nodes: AlignNode[] = templateSentences(random, 4 + Math.floor(random() * 30)).map(text => {
        const ids = [...new Set(Array.from({ length: 3 + Math.floor(random() * 6) }, () => pick(random, vocabulary)))].sort(
          (x, y) => x - y,
        );
        const salient = Uint8Array.from(ids, () => (random() < 0.3 ? SALIENT : 0) | (random() < 0.2 ? QUOTED : 0));
        return {
          profile: bigramProfile(text),
          terms: ids,
          salient,
          firstAt: shuffledPlaces(random, ids.length),
          headline: false,
          sources: [0],
          weight: 1,
        };
      });
      // The same terms under other ids: the vocabulary reversed and spread out.
      const renumbered: AlignNode[] = nodes.map(n => {
        const order = n.terms.map((_, k) => k).sort((x, y) => n.terms[y] - n.terms[x]);
        return {
          ...n,
          terms: order.map(k => 1000 - 7 * n.terms[k]),
          salient: Uint8Array.from(order, k => n.salient[k]),
          firstAt: Int32Array.from(order, k => n.firstAt[k]),
        };
      });
      const evidence = new LinkEvidence(nodes, 0.6);
      const other = new LinkEvidence(renumbered, 0.6);
      assert.deepEqual([...other.rareWordPairs()], [...evidence.rareWordPairs()], `seed ${seed}`);
      for (let a = 0; a < nodes.length; a++) {
        for (let b = 0; b < nodes.length; b++) assert.equal(other.score(a, b), evidence.score(a, b), `seed ${seed}, ${a}-${b}`);
      }
    }
  });
});

/** The places 0..count-1 in a seeded random order: the order a sentence's terms first stand in. */
function shuffledPlaces(random: () => number, count: number): Int32Array {
  const places = Int32Array.from({ length: count }, (_, k) => k);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [places[i], places[j]] = [places[j], places[i]];
  }
  return places;
}

/**
 * Each profile's tokens worked out plainly: an occurrence of a bigram is a token by the bigram
 * and its number of occurrences before it in the profile; tokens ranked rarest first, ties by
 * first appearance; each list sorted.
 */
function plainRankedTokens(profiles: readonly BigramProfile[]): { tokenCount: number; tokens: number[][] } {
  const idOf = new Map<string, number>();
  const frequency: number[] = [];
  const ids = profiles.map(p => {
    const out: number[] = [];
    let occurrence = 0;
    p.bigrams.forEach((code, i) => {
      occurrence = i > 0 && p.bigrams[i - 1] === code ? occurrence + 1 : 0;
      const key = `${code}:${occurrence}`;
      let id = idOf.get(key);
      if (id === undefined) {
        idOf.set(key, (id = idOf.size));
        frequency.push(0);
      }
      out.push(id);
    });
    return out;
  });
  for (const list of ids) for (const id of list) frequency[id]++;
  const rank: number[] = [];
  frequency
    .map((_, id) => id)
    .sort((x, y) => frequency[x] - frequency[y] || x - y)
    .forEach((id, r) => (rank[id] = r));
  return { tokenCount: frequency.length, tokens: ids.map(list => list.map(id => rank[id]).sort((x, y) => x - y)) };
}

/** `attachRepeats` with one map from source and form to the first group holding such a place. */
function plainAttachRepeats(groups: number[][], sourceOfPlace: Int32Array, formOfPlace: readonly FormId[]): Uint8Array {
  const grouped = new Uint8Array(sourceOfPlace.length);
  const repeats = new Uint8Array(sourceOfPlace.length);
  const groupOfTwin = new Map<string, number>();
  groups.forEach((group, g) => {
    for (const place of group) {
      grouped[place] = 1;
      const key = `${sourceOfPlace[place]}:${formOfPlace[place]}`;
      if (!groupOfTwin.has(key)) groupOfTwin.set(key, g);
    }
  });
  for (let place = 0; place < sourceOfPlace.length; place++) {
    if (grouped[place]) continue;
    const g = groupOfTwin.get(`${sourceOfPlace[place]}:${formOfPlace[place]}`);
    if (g === undefined) continue;
    groups[g].push(place);
    repeats[place] = 1;
  }
  return repeats;
}

/** The anchor as read plainly: every candidate's sum read in full, then every similarity to the anchor read again. */
function plainAnchor(tally: GroupTally, spaceIdOf: readonly SpaceId[], shared: SharedTokens): AnchorChoice {
  const { distinct, counts } = tally;
  const candidates = Array.from(distinct, (_, slot) => slot)
    .sort((x, y) => counts[y] - counts[x] || x - y)
    .slice(0, 16);
  let best = candidates[0];
  let bestSum = -1;
  for (const c of candidates) {
    shared.mark(spaceIdOf[distinct[c]]);
    let sum = (counts[c] - 1) * 1;
    for (let o = 0; o < distinct.length; o++) if (o !== c) sum += counts[o] * shared.similarity(spaceIdOf[distinct[o]]);
    if (sum > bestSum + 1e-12) {
      bestSum = sum;
      best = c;
    }
  }
  shared.mark(spaceIdOf[distinct[best]]);
  return { at: best, similarities: Float64Array.from(distinct, w => shared.similarity(spaceIdOf[w])) };
}

/** The link statistics read plainly: document frequencies by term id over the whole vocabulary, rarest terms by a full sort. */
function plainLinkStatistics(nodes: readonly AlignNode[]): { cosine(a: number, b: number): number; rareWordPairs: [number, number][] } {
  // The terms ranked by where they first occur: node by node, each node's in the order its words give them.
  const rank = new Map<number, number>();
  for (const n of nodes) {
    const inWordOrder = n.terms.map((_, k) => k).sort((x, y) => n.firstAt[x] - n.firstAt[y]);
    for (const k of inWordOrder) if (!rank.has(n.terms[k])) rank.set(n.terms[k], rank.size);
  }
  // Each node's terms (with their flags) in the order of their ranks.
  const ranked = nodes.map(n => n.terms.map((t, k) => ({ t, salient: n.salient[k] })).sort((x, y) => rank.get(x.t)! - rank.get(y.t)!));
  const df = new Map<number, number>();
  let sentences = 0;
  for (const n of nodes) {
    sentences += n.weight;
    for (const t of n.terms) df.set(t, (df.get(t) ?? 0) + n.weight);
  }
  const total = Math.max(1, sentences);
  const weightSquared = (t: number) => Math.log(1 + total / df.get(t)!) ** 2;
  const salience = (flags: number) => (flags & SALIENT ? 1.25 : 1);
  const norms = ranked.map(terms => Math.sqrt(terms.reduce((s, x) => s + weightSquared(x.t) * salience(x.salient) ** 2, 0)));
  const cosine = (a: number, b: number) => {
    if (!norms[a] || !norms[b]) return 0;
    let dot = 0;
    for (const x of ranked[a]) {
      const y = ranked[b].find(other => other.t === x.t);
      if (y) dot += weightSquared(x.t) * salience(x.salient) * salience(y.salient);
    }
    return dot / (norms[a] * norms[b]);
  };
  const postings = new Map<number, number[]>();
  ranked.forEach((terms, i) => {
    for (const { t } of [...terms].sort((x, y) => df.get(x.t)! - df.get(y.t)! || rank.get(x.t)! - rank.get(y.t)!).slice(0, 4)) {
      if (!postings.has(t)) postings.set(t, []);
      postings.get(t)!.push(i);
    }
  });
  const rareWordPairs: [number, number][] = [];
  for (const list of postings.values()) {
    if (list.reduce((k, i) => k + nodes[i].weight, 0) > 48) continue;
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) rareWordPairs.push([list[i], list[j]]);
  }
  return { cosine, rareWordPairs };
}
