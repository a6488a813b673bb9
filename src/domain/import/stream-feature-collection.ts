/**
 * Reads a GeoJSON FeatureCollection from a stream of UTF-8 bytes, one feature at a time, so a
 * file larger than the longest string a JavaScript engine can hold (about 512 M characters in
 * V8: a million richly described incidents) still loads. The whole text never exists at once.
 *
 * It scans bytes, not characters: every structural character of JSON is ASCII and no byte of a
 * multi-byte UTF-8 sequence is, so brackets, quotes and commas can be found without decoding.
 * Each feature's bytes are then decoded and parsed on their own, and its byte span is kept so
 * a rejected feature can be cut from the file exactly as written.
 */
import { fileError } from './file-error-words';
import type { JsonObject } from '../parse-incidents';
import type { Reason } from '../rejection-words';
import { rejectionReason } from '../rejection-words';

export interface StreamedFeature {
  /** The parsed feature, or undefined when its text is not valid JSON (then `error` says why). */
  value: unknown;
  error?: Reason;
  index: number;
  /** Byte offsets of the feature's text in the file, end exclusive. */
  start: number;
  end: number;
}

export interface StreamedCollection {
  features: StreamedFeature[];
  /** The collection's other members (`type`, `metadata`, `crs`…), parsed. */
  members: JsonObject;
}

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** Collects the bytes of one value that may span several chunks. */
class Capture {
  private parts: Uint8Array[] = [];
  start = -1;
  active = false;

  begin(offset: number): void {
    this.parts = [];
    this.start = offset;
    this.active = true;
  }

  add(bytes: Uint8Array): void {
    if (bytes.length > 0) this.parts.push(bytes.slice());
  }

  finish(): Uint8Array {
    this.active = false;
    if (this.parts.length === 1) return this.parts[0]!;
    const total = this.parts.reduce((n, part) => n + part.length, 0);
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const part of this.parts) {
      bytes.set(part, at);
      at += part.length;
    }
    return bytes;
  }
}

function trimmedLength(bytes: Uint8Array): number {
  let end = bytes.length;
  while (end > 0 && isSpace(bytes[end - 1]!)) end--;
  return end;
}

/**
 * Splits a FeatureCollection's bytes into parsed features and members. Throws IncidentFileError
 * when the file is not a JSON object or ends before the object is complete.
 */
export async function readFeatureCollectionStream(
  chunks: AsyncIterable<Uint8Array>,
  onBytes?: (bytesRead: number) => void,
): Promise<StreamedCollection> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const features: StreamedFeature[] = [];
  const members: JsonObject = {};

  let offset = 0; // bytes before the current chunk
  let depth = 0;
  let inString = false;
  let escaped = false;
  let started = false;
  // Top-level object member state: 'key' → 'colon' → 'value' → (capturing) → 'key'.
  let memberState: 'key' | 'colon' | 'value' | 'inValue' | 'inFeatures' | 'afterValue' = 'key';
  let memberKey = '';
  const key = new Capture();
  const value = new Capture();
  const feature = new Capture();

  const parse = (bytes: Uint8Array): { value: unknown } | { error: string } => {
    try {
      return { value: JSON.parse(decoder.decode(bytes)) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };
  const endFeature = (chunk: Uint8Array, at: number) => {
    feature.add(chunk.subarray(feature.start >= offset ? feature.start - offset : 0, at));
    const bytes = feature.finish();
    const length = trimmedLength(bytes);
    const result = parse(bytes.subarray(0, length));
    features.push({
      index: features.length,
      start: feature.start,
      end: feature.start + length,
      value: 'value' in result ? result.value : undefined,
      ...('error' in result
        ? { error: rejectionReason('json.badFeature', { detail: result.error }) }
        : {}),
    });
  };
  const endMember = (chunk: Uint8Array, at: number) => {
    value.add(chunk.subarray(value.start >= offset ? value.start - offset : 0, at));
    const bytes = value.finish();
    const result = parse(bytes.subarray(0, trimmedLength(bytes)));
    if ('error' in result)
      throw fileError('memberNotJson', { member: memberKey, detail: result.error });
    Object.defineProperty(members, memberKey, {
      value: result.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  };

  for await (const chunk of chunks) {
    let i = 0;
    // A UTF-8 byte-order mark before the first byte is not part of the JSON.
    if (offset === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    for (; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) {
          inString = false;
          if (depth === 1 && memberState === 'key' && key.active) {
            key.add(chunk.subarray(key.start >= offset ? key.start - offset : 0, i + 1));
            memberKey = JSON.parse(decoder.decode(key.finish())) as string;
            memberState = 'colon';
          }
        }
        continue;
      }
      if (isSpace(byte)) continue;
      if (!started) {
        if (byte !== OPEN_OBJECT) throw fileError('notObject');
        started = true;
        depth = 1;
        continue;
      }

      // Inside the features array, at its own level: element boundaries.
      if (memberState === 'inFeatures' && depth === 2) {
        if (byte === COMMA || byte === CLOSE_ARRAY) {
          if (feature.active) endFeature(chunk, i);
          if (byte === CLOSE_ARRAY) {
            depth = 1;
            memberState = 'afterValue';
          }
          continue;
        }
        if (!feature.active) feature.begin(offset + i);
      }

      if (depth === 1) {
        if (memberState === 'inValue' && (byte === COMMA || byte === CLOSE_OBJECT)) {
          endMember(chunk, i);
          memberState = 'key';
        } else if (memberState === 'afterValue' && byte === COMMA) {
          memberState = 'key';
          continue;
        } else if (memberState === 'key' && byte === QUOTE) {
          key.begin(offset + i);
          inString = true;
          continue;
        } else if (memberState === 'colon' && byte === COLON) {
          memberState = 'value';
          continue;
        } else if (memberState === 'value') {
          if (memberKey === 'features' && byte === OPEN_ARRAY) {
            memberState = 'inFeatures';
            depth = 2;
            continue;
          }
          value.begin(offset + i);
          memberState = 'inValue';
        }
      }

      if (byte === QUOTE) inString = true;
      else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) depth++;
      else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        depth--;
        if (depth === 0) {
          // The collection is complete; anything after it but blank space is an error.
          offset += chunk.length;
          onBytes?.(offset);
          return finishStream(chunks, chunk.subarray(i + 1), features, members);
        }
      }
    }
    // Carry unfinished captures over to the next chunk.
    for (const capture of [key, value, feature]) {
      if (capture.active)
        capture.add(chunk.subarray(capture.start >= offset ? capture.start - offset : 0));
    }
    offset += chunk.length;
    onBytes?.(offset);
  }
  throw fileError('truncated');
}

async function finishStream(
  chunks: AsyncIterable<Uint8Array>,
  rest: Uint8Array,
  features: StreamedFeature[],
  members: JsonObject,
): Promise<StreamedCollection> {
  const trailing = (bytes: Uint8Array) => bytes.some((byte) => !isSpace(byte));
  if (trailing(rest)) throw fileError('moreText');
  for await (const chunk of chunks) {
    if (trailing(chunk)) throw fileError('moreText');
  }
  return { features, members };
}
