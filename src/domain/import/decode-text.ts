import { IncidentFileError } from '../parse-incidents';

/** How much of the start of a file is inspected for signs of binary content. */
const SNIFF_BYTES = 8192;

/** Signatures of binary files people pick by mistake, with what to do instead. */
const SIGNATURES: ReadonlyArray<{ bytes: number[]; message: string }> = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    message:
      'The file is a ZIP archive (an Excel .xlsx workbook is one), not text. ' +
      'Save the sheet as CSV (UTF-8), or unzip the archive, and open that file.',
  },
  {
    bytes: [0x1f, 0x8b],
    message: 'The file is gzip-compressed, not text. Decompress it and open the result.',
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], message: 'The file is a PDF document, not a data file.' },
];

const BINARY_MESSAGE =
  'The file is binary, not text: it is not GeoJSON or CSV. Open a .geojson, .json or .csv file.';

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * Control characters other than tab, line feed, form feed, carriage return and the record
 * separator (GeoJSON text sequences) do not occur in text files.
 */
function isBinaryCode(code: number): boolean {
  return (
    code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d && code !== 0x1e
  );
}

/** Looks for NUL and other control bytes at the start; says what kind of binary it seems. */
function checkNotBinary(bytes: Uint8Array): void {
  for (const { bytes: signature, message } of SIGNATURES) {
    if (startsWith(bytes, signature)) throw new IncidentFileError(message);
  }
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let evenNuls = 0;
  let oddNuls = 0;
  let control = 0;
  for (let i = 0; i < end; i++) {
    const byte = bytes[i]!;
    if (byte === 0) {
      if (i % 2 === 0) evenNuls++;
      else oddNuls++;
    } else if (isBinaryCode(byte)) {
      control++;
    }
  }
  const half = end / 2;
  // ASCII text in UTF-16 has a NUL in every other byte: say so rather than just "binary".
  if (
    half > 0 &&
    (oddNuls > half * 0.4 || evenNuls > half * 0.4) &&
    Math.min(oddNuls, evenNuls) < half * 0.05
  ) {
    throw new IncidentFileError(
      'The file looks like UTF-16 text without a byte-order mark. Save it as UTF-8 and open it again.',
    );
  }
  if (evenNuls + oddNuls + control > 0) throw new IncidentFileError(BINARY_MESSAGE);
}

function decode(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string {
  try {
    // fatal: a byte sequence that is not valid in the encoding is an error, never a silent U+FFFD.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new IncidentFileError(
      encoding === 'utf-8'
        ? 'The file is not UTF-8 text (it has byte sequences UTF-8 does not allow). ' +
            'Save it as UTF-8 (for CSV: “CSV UTF-8”) and open it again.'
        : `The file starts with a UTF-16 byte-order mark but is not valid ${encoding.toUpperCase()} text.`,
    );
  }
}

/**
 * The text of an incident file: UTF-8 with or without a byte-order mark, or UTF-16 LE/BE marked
 * by theirs. The mark is dropped. Throws IncidentFileError for an empty file, binary content
 * or bytes that are not valid in the encoding.
 */
export function decodeIncidentText(input: ArrayBuffer | Uint8Array | string): string {
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    for (let i = 0; i < Math.min(text.length, SNIFF_BYTES); i++) {
      if (isBinaryCode(text.charCodeAt(i))) {
        throw new IncidentFileError(BINARY_MESSAGE);
      }
    }
  } else {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    if (startsWith(bytes, [0xff, 0xfe])) text = decode(bytes.subarray(2), 'utf-16le');
    else if (startsWith(bytes, [0xfe, 0xff])) text = decode(bytes.subarray(2), 'utf-16be');
    else {
      const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
      checkNotBinary(body);
      text = decode(body, 'utf-8');
    }
    if (text.includes('\u0000')) throw new IncidentFileError(BINARY_MESSAGE);
  }
  if (text.trim() === '') throw new IncidentFileError('The file is empty.');
  return text;
}
