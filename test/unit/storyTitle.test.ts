import * as assert from 'node:assert/strict';
import { CorpusAnalysis, MAX_TITLE_CHARS, clippedTitle, createAnalyzer, toExportFormat1 } from '../../src/core';
import { storiesListing } from '../../src/export/stories';
import { opensQuotation } from '../../src/core/storyTitle';
import { storiesOf } from '../../src/stories';
import { bridgeStory } from '../support/stories';

/** A page flattened to one line of words with no sentence stop, about `chars` long. */
function oneLongLine(chars: number): string {
  const words = ['river', 'council', 'bridge', 'repairs', 'traffic', 'budget', 'mayor', 'engineers'];
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const word = `${words[i % words.length]}${i % 7}`;
    out.push(word);
    length += word.length + 1;
  }
  return out.join(' ');
}

describe('story titles', () => {
  it('cuts a source of one long line without sentence stops to a title of whole words and an ellipsis', () => {
    const line = oneLongLine(60_000);
    const analysis = createAnalyzer().analyze([{ id: 'flat.txt', text: `${line}\n` }]);
    const [story] = storiesOf(analysis);
    assert.ok(story.title.length <= MAX_TITLE_CHARS, `${story.title.length} characters`);
    assert.ok(story.title.endsWith('…'), story.title);
    const kept = story.title.slice(0, -1);
    assert.ok(line.startsWith(`${kept} `), 'the title is the line up to a word boundary');
    assert.ok(kept.length > MAX_TITLE_CHARS / 2);
    // Every display takes the title from the analysis: the listing and the JSON export agree.
    assert.ok(storiesListing(analysis, ['flat.txt']).length < MAX_TITLE_CHARS + 40);
    const exported = toExportFormat1(analysis) as unknown as { stories?: { title: string }[] };
    assert.equal(exported.stories?.[0].title, story.title);
  });

  it('cuts the title of an analysis without stories (one made by hand, or before the story stage) alike', () => {
    const line = oneLongLine(5_000);
    const analysis = createAnalyzer().analyze([{ id: 'flat.txt', text: `${line}\n` }]);
    const withoutStories: CorpusAnalysis = { ...analysis, stories: [] };
    assert.equal(storiesOf(withoutStories)[0].title, storiesOf(analysis)[0].title);
  });

  it('leaves a real headline as it is', () => {
    const analysis = createAnalyzer().analyze(bridgeStory());
    assert.equal(storiesOf(analysis)[0].title, 'Harbour bridge reopens after two years of repairs');
    const headline = 'A'.repeat(MAX_TITLE_CHARS);
    assert.equal(clippedTitle(headline), headline);
  });

  it('runs a title on to close a quotation its first sentence leaves open, where the line closes it', () => {
    const headline = 'State doubles down on ‘Drugs. We’re on it.’ The ads might just work.';
    const body = [
      'The state has spent more than a million dollars on a campaign against the drug that most residents call a failure.',
      'The governor defended the adverts on Tuesday, saying that the people who mocked them were now talking about the problem.',
      'Health officials said the number of people asking for help had doubled since the first adverts appeared in October.',
    ].join(' ');
    const analysis = createAnalyzer().analyze([{ id: 'page.txt', text: `${headline}\n\n${body}\n` }]);
    assert.equal(storiesOf(analysis)[0].title, 'State doubles down on ‘Drugs. We’re on it.’');
  });

  it('takes the whole first line for the title where a date stands under it, however many sentences it holds', () => {
    const body = [
      'The state has spent more than a million dollars on a campaign against the drug that most residents call a failure.',
      'The governor defended the adverts on Tuesday, saying that the people who mocked them were now talking about the problem.',
    ].join(' ');
    for (const headline of ['State doubles down on ‘Drugs. We’re on it.’ The ads might just work.', 'The adverts are back! Here is why.']) {
      const text = `${headline}\n\nUpdated Nov 19, 2019, 9:41 AM\n\n${body}\n`;
      const analysis = createAnalyzer().analyze([{ id: 'page.txt', text }]);
      assert.equal(storiesOf(analysis)[0].title, headline);
      assert.equal(analysis.sources[0].lines[0].headline, true);
    }
  });

  it('joins the sentences of a Chinese title without a space, and stops reading a long line at the longest title', () => {
    const body = '总理周一在首都表示，政府将在明年春天之前完成所有受灾地区的重建工作，并为受影响的家庭提供住房补贴。';
    const headline = '总理表示：“我们一定会赢。我们将与人民并肩作战。”';
    const analysis = createAnalyzer().analyze([{ id: 'zh.txt', text: `${headline}\n\n${body}\n\n${body.replace('周一', '周二')}\n` }]);
    const title = storiesOf(analysis)[0].title;
    assert.ok(!/。 /.test(title), title);
    // A lead that opens a quotation on a line of thousands of sentences that never close it.
    const flat = `He said "we will win. ${'The vote was counted again in every district. '.repeat(4000)}`;
    const started = Date.now();
    const long = storiesOf(createAnalyzer().analyze([{ id: 'flat.txt', text: `${flat}\n` }]))[0].title;
    assert.ok(Date.now() - started < 20_000);
    assert.ok(long.length <= MAX_TITLE_CHARS, long);
  });

  it('tells an open quotation from an apostrophe and a closed one', () => {
    assert.equal(opensQuotation('Doubles down on ‘Drugs.'), true);
    assert.equal(opensQuotation('Doubles down on ‘Drugs. We’re on it.’'), false);
    assert.equal(opensQuotation('We’re on it, the governor’s office said.'), false);
    assert.equal(opensQuotation('He said: "We will stay.'), true);
    assert.equal(opensQuotation('He said: "We will stay."'), false);
    assert.equal(opensQuotation('Sie sagte: „Wir bleiben.“'), false);
    assert.equal(opensQuotation('Il a dit : « Nous restons.'), true);
    // A straight double quote between two letters is a Hebrew gershayim, no quotation mark.
    assert.equal(opensQuotation('דובר צה"ל אמר כי הכוחות נסוגו.'), false);
  });

  it('cuts a line without spaces at the limit, never inside a character of two code units', () => {
    assert.equal(clippedTitle('x'.repeat(MAX_TITLE_CHARS * 3)), `${'x'.repeat(MAX_TITLE_CHARS - 1)}…`);
    const emoji = '😀'.repeat(MAX_TITLE_CHARS);
    const cut = clippedTitle(emoji);
    assert.ok(cut.length <= MAX_TITLE_CHARS);
    assert.ok(emoji.startsWith(cut.slice(0, -1)));
    assert.ok(!/[\uD800-\uDBFF]$/.test(cut.slice(0, -1)), 'no lone high surrogate before the ellipsis');
  });
});
