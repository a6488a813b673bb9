import { describe, expect, it } from 'vitest';
import { wordMessage } from '../message';
import type { ReadStop } from './read-limits';
import {
  MB,
  READ_LIMIT_NAMESPACE,
  READ_LIMIT_WORDS,
  ReadLimitError,
  describeStop,
} from './read-limits';

const RAISE = 'if you expect data this large, choose "Load again with a higher limit".';

/** Each way a read stops, with the English it has always been told in. */
const STOPS: Array<[string, ReadStop, string]> = [
  [
    'a body larger than the limit',
    { kind: 'too-large', limit: 512 * MB },
    `larger than the 512 MB limit for data read from a link, so reading stopped there; ${RAISE}`,
  ],
  [
    'a body declared larger than the limit',
    { kind: 'too-large', limit: 2 * MB, size: 1.5 * 1024 * MB },
    `1,536 MB, more than the 2 MB limit for data read from a link, so it was not read; ${RAISE}`,
  ],
  [
    'compressed data that unpacks beyond the limit',
    { kind: 'unpacked', limit: 20 * 1024 },
    'sent compressed, it unpacks to more than the 20 KB limit, so reading stopped there (data ' +
      `that grows this much may be a decompression bomb); ${RAISE}`,
  ],
  [
    'an archive declared to unpack beyond the limit',
    { kind: 'unpacked', limit: 512 * MB, size: 1.25 * MB * 1000 },
    `the archive unpacks to 1,250 MB, more than the 512 MB limit, so it was not unpacked; ${RAISE}`,
  ],
  [
    'a stalled server',
    { kind: 'stalled', seconds: 30 },
    'the server stalled: no data for 30 s (less than 1 KB came), so reading stopped. Try again ' +
      'later, or ask whoever serves the file.',
  ],
];

describe('A read stopped by a limit', () => {
  it.each(STOPS)('by %s says what it always said', (_, stop, english) => {
    const error = new ReadLimitError(stop);
    expect(error.message).toBe(english);
    expect(describeStop(stop)).toBe(english);
  });

  it.each(STOPS)('by %s sends a message that words to its English', (_, stop) => {
    const error = new ReadLimitError(stop);
    expect(error.sent.key.startsWith(`${READ_LIMIT_NAMESPACE}:`)).toBe(true);
    expect(wordMessage({ [READ_LIMIT_NAMESPACE]: READ_LIMIT_WORDS }, error.sent)).toBe(
      error.message,
    );
  });
});
