import { VALUE_CATALOGUE } from '../value-words';
import { describe, expect, it } from 'vitest';
import { wordMessage } from '../message';
import { REJECTION_NAMESPACE, REJECTION_WORDS } from '../rejection-words';
import { makeFeature } from '../test-factories';
import { importIncidents } from './import-incidents';

const CATALOGUE = { [REJECTION_NAMESPACE]: REJECTION_WORDS, ...VALUE_CATALOGUE };

/** The rejections of a file that loaded. */
function rejectionsOf(text: string) {
  const outcome = importIncidents(text);
  if (outcome.status !== 'loaded') throw new Error(`needs mapping: ${outcome.reason}`);
  return outcome.set.rejected;
}

const CSV = [
  'id,date,type,longitude,latitude',
  'a,2025-10-12,ied,70,34,extra',
  'b,2025-10-12,ied,70,34',
  'c,2025-10-12,ied,"70,1",34',
  'd,2025-10-12,ied,seventy,34',
  'e,2025-10-12,ied,1e400,34',
  'f,2025-10-12,ied,,34',
  'g,2025-10-12,ied,70,',
  'h,soon,ied,70,34',
  'Total,,,,',
  'i,"2025-10-12,ied,70,34',
].join('\n');

const SEQUENCE = [
  JSON.stringify(makeFeature({ id: 'a' })),
  '{"type":"Feature", oops}',
  JSON.stringify(makeFeature({ id: 'b', type: '' })),
].join('\n');

describe('The rejections of a file', () => {
  it.each([
    ['a CSV table', CSV, 9],
    ['newline-delimited GeoJSON', SEQUENCE, 2],
  ])('of %s each carry a message that words to their English reason', (_, text, count) => {
    const rejected = rejectionsOf(text);
    expect(rejected).toHaveLength(count);
    for (const { reason, message } of rejected) {
      expect(message, reason).toBeDefined();
      expect(wordMessage(CATALOGUE, message!)).toBe(reason);
    }
  });
});
