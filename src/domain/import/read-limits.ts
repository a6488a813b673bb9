/**
 * How much a load may read, and how long it may wait for it: the limits of a `data` URL's body
 * and of what a ZIP-based file (XLSX, KMZ) unpacks to, and the words that say which one stopped
 * a load. Defined once here; the reader, the unzipper and the load report all use them.
 */
import type { Message } from '../message';
import { message, wordMessage } from '../message';

/** A megabyte as the limits are written: 2^20 bytes. */
export const MB = 1024 * 1024;

/**
 * The most bytes a `data` URL may bring, and a ZIP-based file unpack to, unless the user raises
 * it: 512 MB. That is about the longest text a browser holds as one string (V8: 2^29 − 24
 * characters), so every file read whole fits under it, and so do 500,000 incidents of GeoJSON
 * (307 MB, loaded in seconds); the million-incident file (617 MB), streamed feature by feature,
 * loads after one press of "Load again with a higher limit".
 */
export const DEFAULT_MAX_BYTES = 512 * MB;

/** A read that brings less than STALL_MIN_BYTES in this many seconds has stalled. */
export const DEFAULT_STALL_SECONDS = 30;

/**
 * What a read must bring within the stall timeout to go on: a server that drips a byte now and
 * then would otherwise keep a load reading for ever.
 */
export const STALL_MIN_BYTES = 1024;

/** The name of the button that loads again with a higher limit, as the messages refer to it. */
export const RAISE_LIMIT_LABEL = 'Load again with a higher limit';

export interface ReadLimits {
  /** Most bytes to read (as decoded: after the browser undoes a Content-Encoding). */
  maxBytes: number;
  /** Seconds a read may go with less than STALL_MIN_BYTES before it stops. */
  stallSeconds: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxBytes: DEFAULT_MAX_BYTES,
  stallSeconds: DEFAULT_STALL_SECONDS,
};

/** Why a read stopped short. */
export type ReadStop =
  /** The body is larger than the limit: `size` when its length was declared. */
  | { kind: 'too-large'; limit: number; size?: number }
  /** Compressed bytes unpack beyond the limit: `size` when the archive declared it. */
  | { kind: 'unpacked'; limit: number; size?: number }
  | { kind: 'stalled'; seconds: number };

/** A read stopped by a limit; its message names the limit and how to raise it. */
export class ReadLimitError extends Error {
  override name = 'ReadLimitError';
  readonly #sent: Message;
  constructor(readonly stop: ReadStop) {
    const sent = stopMessage(stop);
    super(wordMessage({ [READ_LIMIT_NAMESPACE]: READ_LIMIT_WORDS }, sent));
    this.#sent = sent;
  }
  /**
   * What stopped the read, for the reader (after the source's name). Kept private behind a
   * getter, as IncidentFileError's is, so errors still compare by their English text.
   */
  get sent(): Message {
    return this.#sent;
  }
}

/** A size as the limits are written: "512 MB", "1.5 MB", "1,024 MB"; "20 KB" below 0.1 MB. */
export function megabytes(bytes: number): string {
  const mb = bytes / MB;
  if (mb < 0.1) return `${Math.round(bytes / 1024).toLocaleString('en-GB')} KB`;
  const shown = mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10;
  return `${shown.toLocaleString('en-GB')} MB`;
}

const RAISE = `if you expect data this large, choose "${RAISE_LIMIT_LABEL}"`;

/**
 * What stopped a read, in English: the source catalogue of the `readLimit` namespace
 * (domain/message.ts), each a sentence that starts after the source's name and a colon. Sizes
 * are values as megabytes() writes them; the other languages quote the raise button's own label.
 */
export const READ_LIMIT_WORDS = {
  tooLarge: `larger than the {{limit}} limit for data read from a link, so reading stopped there; ${RAISE}.`,
  tooLargeSized: `{{size}}, more than the {{limit}} limit for data read from a link, so it was not read; ${RAISE}.`,
  unpacked: `sent compressed, it unpacks to more than the {{limit}} limit, so reading stopped there (data that grows this much may be a decompression bomb); ${RAISE}.`,
  unpackedSized: `the archive unpacks to {{size}}, more than the {{limit}} limit, so it was not unpacked; ${RAISE}.`,
  stalled:
    'the server stalled: no data for {{seconds}} s (less than {{kb}} KB came), so reading ' +
    'stopped. Try again later, or ask whoever serves the file.',
} as const;

/** The namespace of these words in the catalogue. */
export const READ_LIMIT_NAMESPACE = 'readLimit';

/** What stopped the read, as a message of READ_LIMIT_WORDS. */
function stopMessage(stop: ReadStop): Message {
  switch (stop.kind) {
    case 'too-large':
    case 'unpacked': {
      const key = stop.kind === 'too-large' ? 'tooLarge' : 'unpacked';
      const limit = megabytes(stop.limit);
      return stop.size === undefined
        ? message(READ_LIMIT_NAMESPACE, key, { limit })
        : message(READ_LIMIT_NAMESPACE, `${key}Sized`, { size: megabytes(stop.size), limit });
    }
    case 'stalled':
      return message(READ_LIMIT_NAMESPACE, 'stalled', {
        seconds: stop.seconds,
        kb: STALL_MIN_BYTES / 1024,
      });
  }
}

/** What stopped the read, in a sentence that starts after the source's name and a colon. */
export function describeStop(stop: ReadStop): string {
  return wordMessage({ [READ_LIMIT_NAMESPACE]: READ_LIMIT_WORDS }, stopMessage(stop));
}

/**
 * The limit a new attempt may take after this stop: twice the old one, or the declared size
 * when that is more; null when raising a limit would not help (a stall).
 */
export function raisedLimit(stop: ReadStop): number | null {
  if (stop.kind === 'stalled') return null;
  return Math.max(stop.limit * 2, Math.ceil((stop.size ?? 0) / MB) * MB);
}
