/**
 * Small corpora for the story and activation tests: a second story in two versions (written
 * for the tests), and a folder of personal notes.
 */
import type { SourceInput } from '../../src/core';

const bridge = [
  'Harbour bridge reopens after two years of repairs',
  '',
  'The harbour bridge reopened to traffic on Saturday morning after two years of repairs that cost the region far more than planned.',
  'Engineers replaced every cable and half of the steel deck, which had been weakened by salt and heavy lorries.',
  'The first cars crossed at seven o clock, greeted by a small crowd and a brass band from the local school.',
  'Tolls will stay suspended until the end of the month, the transport office said.',
].join('\n');

const bridgeReprint = [
  'Home',
  '  • News',
  '  • Weather',
  '  • Sport',
  '',
  'Harbour bridge reopens after two years of repairs',
  '',
  'The harbour bridge reopened to traffic on Saturday after two years of repairs that cost the region much more than planned.',
  'Engineers replaced every cable and half of the steel deck, which had been weakened by salt and heavy lorries.',
  'Tolls will stay suspended until the end of the month, the transport office said on Friday.',
  '',
  'Leave a comment',
  'Share this article',
].join('\n');

/** Two versions of one short story: a report and a reprint wrapped in a site's chrome. */
export function bridgeStory(): SourceInput[] {
  return [
    { id: 'bridge/report.txt', text: bridge },
    { id: 'bridge/reprint.txt', text: bridgeReprint },
  ];
}

/** A folder of notes: a to-do list, meeting notes and a shopping list with a few sentences. */
export function notes(): SourceInput[] {
  return [
    {
      id: 'notes/todo.txt',
      text: 'TODO\n- buy milk\n- call the plumber about the kitchen sink\n- finish the quarterly report\n\nIdeas\nMaybe rewrite the intro of chapter two.\nAsk Sam about the budget.\n',
    },
    {
      id: 'notes/meeting.txt',
      text: 'Meeting notes 3 March\nAttendees: Ana, Sam, Lee\nWe agreed to ship the beta on Friday.\nSam will check the budget.\n- follow up with design\n- book the room\n',
    },
    {
      id: 'notes/groceries.txt',
      text: 'Groceries\n  • milk\n  • eggs\n  • bread\n\nCall the bank about the card that was blocked last week before the trip.\nThe car needs new tyres before winter, ask the garage on Main Street.\n',
    },
  ];
}
