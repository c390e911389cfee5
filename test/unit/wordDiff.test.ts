import * as assert from 'node:assert/strict';
import { standsApart } from '../../src/core/replacedWords';
import { wordDiff } from '../../src/core/wordDiff';

/** The places in `text` where one part of the diff ends and the next begins. */
function cutsIn(parts: ReturnType<typeof wordDiff>, side: 'from' | 'other'): number[] {
  const cuts: number[] = [];
  let at = 0;
  for (const part of parts) {
    if (part.kind === (side === 'from' ? 'added' : 'removed')) continue;
    at += part.text.length;
    cuts.push(at);
  }
  return cuts.slice(0, -1);
}

/** The wording the parts spell without those of `kind`: `from` without the added, the other without the removed. */
function spelt(parts: ReturnType<typeof wordDiff>, kind: 'added' | 'removed'): string {
  return parts
    .filter(p => p.kind !== kind)
    .map(p => p.text)
    .join('');
}

/** Whether a cut at `at` falls between two letters (or marks or digits) of one word. */
const insideWord = (text: string, at: number) => /[\p{L}\p{M}\p{N}]/u.test(text[at - 1] ?? '') && /[\p{L}\p{M}\p{N}]/u.test(text[at] ?? '');

describe('word differences between two wordings', () => {
  const pairs: [string, string][] = [
    ['Путин провёл встречу с лидером Сирии.', 'Путин встретился с президентом Сирии.'],
    ['قال الرئيس إن الاجتماع كان مثمرا.', 'قال الرئيس السوري إن اللقاء كان مثمرا.'],
    ['Ο πρόεδρος συναντήθηκε με τον υπουργό.', 'Ο πρωθυπουργός συναντήθηκε με τον υπουργό.'],
    ['הנשיא נפגש עם השר ביום שני.', 'הנשיא נפגש עם ראש הממשלה ביום שלישי.'],
    ['The Moon’s south pole was reached on Wednesday.', 'The moon south pole was reached on Thursday.'],
    ['Der Präsident traf sich mit dem Minister.', 'Der Premier traf sich mit dem Minister.'],
  ];

  it('changes whole words in every script, never letters inside a word', () => {
    for (const [from, other] of pairs) {
      const parts = wordDiff(from, other);
      assert.ok(
        parts.some(p => p.kind !== 'same'),
        from,
      );
      for (const at of cutsIn(parts, 'other')) assert.ok(!insideWord(other, at), `${other} cut at ${at}: ${JSON.stringify(parts)}`);
      for (const at of cutsIn(parts, 'from')) assert.ok(!insideWord(from, at), `${from} cut at ${at}: ${JSON.stringify(parts)}`);
    }
  });

  it('gives the same parts for a pair compared again, before and after other texts, in any order', () => {
    const base = 'Москва заявила, что 12 человек погибли в результате удара.';
    const others = Array.from({ length: 40 }, (_, i) => `Москва заявила, что ${i} человек ранены в результате \u0301удара ${i % 7}.`);
    const first = others.map(o => wordDiff(base, o));
    const reversed = [...others].reverse().map(o => wordDiff(o, base));
    others.forEach((o, i) => {
      assert.deepEqual(wordDiff(base, o), first[i]);
      assert.deepEqual(wordDiff(o, base), reversed[others.length - 1 - i]);
      assert.equal(spelt(first[i], 'removed'), o);
    });
  });

  it('gives the Russian words that differ, each whole', () => {
    const parts = wordDiff(...pairs[0]).filter(p => p.kind !== 'same');
    assert.deepEqual(
      parts.map(p => [p.kind, p.text.trim()]),
      [
        ['removed', 'провёл встречу'],
        ['added', 'встретился'],
        ['removed', 'лидером'],
        ['added', 'президентом'],
      ],
    );
  });

  it('spells each wording back from its parts', () => {
    for (const [from, other] of pairs) {
      const parts = wordDiff(from, other);
      assert.equal(spelt(parts, 'removed').toLowerCase(), other.toLowerCase());
      assert.equal(spelt(parts, 'added').toLowerCase(), from.toLowerCase());
    }
  });

  it('spells each wording back where a combining mark stands alone after a space, as a dump may leave one', () => {
    const lone: [string, string][] = [
      ['a \u0301b c', 'a b c'],
      ['x \u0301 y', 'x y'],
      ['Привет \u0301мир', 'Привет мир'],
      ['abc \u0300X def', 'abc \u0300Y ghi'],
      ['Le caf\u00e9 \u0301 ouvre lundi.', 'Le café ouvre mardi.'],
    ];
    for (const [from, other] of lone) {
      const parts = wordDiff(from, other);
      assert.equal(spelt(parts, 'removed'), other, JSON.stringify(parts));
      assert.equal(spelt(parts, 'added'), from, JSON.stringify(parts));
    }
  });
});

describe('replaced words, shown struck and added side by side', () => {
  /** The diff of `from` and `to` as shown: struck parts in [-…-], added ones in {+…+}, a space where they stand apart. */
  const shown = (from: string, to: string) => {
    const parts = wordDiff(from, to);
    return parts
      .map((p, i) =>
        p.kind === 'same' ? p.text : p.kind === 'removed' ? `[-${p.text}-]` : `${standsApart(parts, i) ? ' ' : ''}{+${p.text}+}`,
      )
      .join('');
  };

  it('sets whole words added where words are struck apart from them by a space', () => {
    assert.equal(shown('The rebel areas fell.', 'The opposition areas fell.'), 'The [-rebel-] {+opposition+} areas fell.');
    assert.equal(shown('Rebel areas fell.', 'Opposition areas fell.'), '[-Rebel-] {+Opposition+} areas fell.');
    assert.equal(shown('the “liberation of the” town', 'the “liberating” town'), 'the “[-liberation of the-] {+liberating+}” town');
  });

  it('adds no space inside a word, right after one, or in a script that sets none', () => {
    assert.equal(shown('A Russian-negotiated deal.', 'A Russian-brokered deal.'), 'A Russian-[-negotiated-]{+brokered+} deal.');
    assert.doesNotMatch(shown('至少12人受伤。', '至少15人受伤。'), / /);
    assert.doesNotMatch(shown('至少12人受伤。', '最多12人受伤。'), / /);
    assert.equal(shown('The rebel-held areas fell.', 'The opposition-held areas fell.'), 'The [-rebel-]{+opposition+}-held areas fell.');
    assert.doesNotMatch(shown('They control 90 percent of it.', 'They control 90% of it.'), /90 \{/);
  });
});
