import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../layouts/mapped-layout';
import { wordMessage } from '../message';
import { importIncidents } from './import-incidents';
import { MAPPING_NAMESPACE, MAPPING_WORDS } from './mapping-words';

const CATALOGUE = { [MAPPING_NAMESPACE]: MAPPING_WORDS };

describe('A mapping that cannot be used', () => {
  it.each<[string, ColumnMapping]>([
    ['a date column not in the file', { date: 'day', type: 'what' }],
    [
      'a latitude column not in the file',
      { date: 'when', type: 'what', longitude: 'when', latitude: 'y' },
    ],
    ['a longitude without a latitude', { date: 'when', type: 'what', longitude: 'when' }],
  ])('with %s sends a message that words to its English reason', (_, mapping) => {
    const outcome = importIncidents('when,what\n2025-10-12,ied\n', { mapping });
    if (outcome.status !== 'needs-mapping') throw new Error(`got ${outcome.status}`);
    expect(outcome.sent).toBeDefined();
    expect(wordMessage(CATALOGUE, outcome.sent!)).toBe(outcome.reason);
  });
});
