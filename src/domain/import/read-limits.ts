/**
 * How much a load may read, and how long it may wait for it: the limits of a `data` URL's body
 * and of what a ZIP-based file (XLSX, KMZ) unpacks to, and the words that say which one stopped
 * a load. Defined once here; the reader, the unzipper and the load report all use them.
 */

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
  constructor(readonly stop: ReadStop) {
    super(describeStop(stop));
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

/** What stopped the read, in a sentence that starts after the source's name and a colon. */
export function describeStop(stop: ReadStop): string {
  switch (stop.kind) {
    case 'too-large':
      return stop.size === undefined
        ? `larger than the ${megabytes(stop.limit)} limit for data read from a link, so reading stopped there; ${RAISE}.`
        : `${megabytes(stop.size)}, more than the ${megabytes(stop.limit)} limit for data read from a link, so it was not read; ${RAISE}.`;
    case 'unpacked':
      return stop.size === undefined
        ? `sent compressed, it unpacks to more than the ${megabytes(stop.limit)} limit, so reading stopped there (data that grows this much may be a decompression bomb); ${RAISE}.`
        : `the archive unpacks to ${megabytes(stop.size)}, more than the ${megabytes(stop.limit)} limit, so it was not unpacked; ${RAISE}.`;
    case 'stalled':
      return `the server stalled: no data for ${stop.seconds} s (less than ${STALL_MIN_BYTES / 1024} KB came), so reading stopped. Try again later, or ask whoever serves the file.`;
  }
}

/**
 * The limit a new attempt may take after this stop: twice the old one, or the declared size
 * when that is more; null when raising a limit would not help (a stall).
 */
export function raisedLimit(stop: ReadStop): number | null {
  if (stop.kind === 'stalled') return null;
  return Math.max(stop.limit * 2, Math.ceil((stop.size ?? 0) / MB) * MB);
}
