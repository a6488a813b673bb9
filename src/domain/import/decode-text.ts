import type { FILE_ERROR_WORDS } from './file-error-words';
import { fileError, IncidentFileError } from './file-error-words';
import type { LoadWarning } from '../incident';
import { megabytes } from './read-limits';

/** The encodings an incident file can be read in (TextDecoder labels), with their usual names. */
export const ENCODING_NAMES = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'windows-1252': 'Windows-1252',
  'windows-1256': 'Windows-1256',
} as const;

export type TextEncodingName = keyof typeof ENCODING_NAMES;

/**
 * A file's text and the encoding it was read in. `basis` says what chose the encoding: a
 * byte-order mark, the caller (the user's choice), bytes that are valid in it, or a guess.
 */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  basis: 'mark' | 'asked' | 'valid' | 'guessed';
}

/** How much of the start of a file is inspected for signs of binary content. */
const SNIFF_BYTES = 8192;

const BYTE_ORDER_MARKS: ReadonlyArray<{ bytes: number[]; encoding: TextEncodingName }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** Signatures of binary files people pick by mistake, each with its words (what to do instead). */
const SIGNATURES: ReadonlyArray<{
  bytes: number[];
  kind: keyof (typeof FILE_ERROR_WORDS)['signature'];
}> = [
  // A workbook or a KMZ is read before text decoding; any other ZIP ends here.
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'zip' },
  { bytes: [0x1f, 0x8b], kind: 'gzip' },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'pdf' },
];

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

/**
 * Looks for NUL and other control bytes at the start and says what kind of binary it seems;
 * returns the byte order of UTF-16 text without a byte-order mark, which has NULs too.
 */
function sniffBinary(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  for (const { bytes: signature, kind } of SIGNATURES) {
    if (startsWith(bytes, signature)) throw fileError(`signature.${kind}`);
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
  // ASCII text in UTF-16 has a NUL in every other byte, on the same side throughout; the high
  // bytes of other characters may look like control bytes, so those are not counted then.
  if (
    half > 0 &&
    (oddNuls > half * 0.4 || evenNuls > half * 0.4) &&
    Math.min(oddNuls, evenNuls) < half * 0.05
  ) {
    return oddNuls > evenNuls ? 'utf-16le' : 'utf-16be';
  }
  if (evenNuls + oddNuls + control > 0) throw fileError('binary');
  return null;
}

/** Decodes bytes that must be valid in the encoding; `null` when they are not. */
function decodeStrictly(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * What Windows-1252 makes of bytes 0x80–0x9F (the WHATWG index; five of them stay C1 controls).
 * Some TextDecoders (Node before the fix of nodejs/node#56542) read Windows-1252 as Latin-1 and
 * give the C1 controls for all of them, so `€`, curly quotes and dashes are mapped here again.
 */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decodes bytes, any bytes: those not valid in the encoding become U+FFFD. */
function decodeLeniently(bytes: Uint8Array, encoding: TextEncodingName): string {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!);
}

/** Bytes that Windows-1256 reads as letters of the Arabic script, or as the joiners inside words. */
const ARABIC_IN_1256: Uint8Array = (() => {
  const decoder = new TextDecoder('windows-1256');
  const table = new Uint8Array(256);
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const code = decoder.decode(new Uint8Array([byte])).charCodeAt(0);
    if ((code >= 0x0600 && code <= 0x06ff) || code === 0x200c || code === 0x200d) table[byte] = 1;
  }
  return table;
})();

/**
 * Whether bytes that are not UTF-8 read better as Windows-1256 (Urdu, Pashto, Dari, Arabic) than
 * as Windows-1252 (Western European). Every letter of Arabic-script text is a byte above 0x7F,
 * so its words are runs of such bytes that Windows-1256 reads as Arabic letters (پشاور). In
 * Windows-1252 the same bytes are accented letters that sit among ASCII letters (`Peshâwar`,
 * `Müller`), or symbols standing alone (`£`, `€`, curly quotes).
 */
function readsAsArabicScript(bytes: Uint8Array): boolean {
  let arabic = 0;
  let latin = 0;
  // The word being read: a run of ASCII letters and bytes above 0x7F (bar the no-break space).
  let asciiLetters = 0;
  let high = 0;
  let arabicLetters = 0;
  const endWord = () => {
    // A word with an ASCII letter is Latin script: its high bytes are accented letters. A word
    // of high bytes only, two or more of them Arabic letters in 1256, is Arabic script. A lone
    // high byte (a symbol, the word "و") says nothing.
    if (asciiLetters > 0) latin += high;
    else if (arabicLetters >= 2) arabic += arabicLetters;
    asciiLetters = high = arabicLetters = 0;
  };
  for (const byte of bytes) {
    if (byte >= 0x80 && byte !== 0xa0) {
      high++;
      arabicLetters += ARABIC_IN_1256[byte]!;
    } else if ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)) {
      asciiLetters++;
    } else if (high > 0 || asciiLetters > 0) {
      endWord();
    }
  }
  endWord();
  return arabic > latin;
}

/** Decodes bytes without a byte-order mark, as asked, else as what they are valid in or look like. */
function decodeUnmarked(bytes: Uint8Array, asked: TextEncodingName | undefined): DecodedText {
  const utf16 = sniffBinary(bytes);
  if (asked) {
    // The user's choice: bytes the encoding does not allow become U+FFFD, as they asked.
    return { text: decodeLeniently(bytes, asked), encoding: asked, basis: 'asked' };
  }
  if (utf16) {
    const text = decodeStrictly(bytes, utf16);
    if (text === null) {
      throw fileError('utf16NotValid', { encoding: ENCODING_NAMES[utf16] });
    }
    return { text, encoding: utf16, basis: 'valid' };
  }
  const text = decodeStrictly(bytes, 'utf-8');
  if (text !== null) return { text, encoding: 'utf-8', basis: 'valid' };
  // Not UTF-8: one of the single-byte encodings of Windows, which accept any byte.
  const encoding = readsAsArabicScript(bytes) ? 'windows-1256' : 'windows-1252';
  return { text: decodeLeniently(bytes, encoding), encoding, basis: 'guessed' };
}

function decodeBytes(bytes: Uint8Array, asked: TextEncodingName | undefined): DecodedText {
  const mark = BYTE_ORDER_MARKS.find((m) => startsWith(bytes, m.bytes));
  if (!mark) return decodeUnmarked(bytes, asked);
  // A byte-order mark decides, whatever was asked.
  const body = bytes.subarray(mark.bytes.length);
  if (mark.encoding === 'utf-8' && sniffBinary(body)) throw fileError('binary');
  const text = decodeStrictly(body, mark.encoding);
  if (text === null) {
    throw fileError('markNotValid', { encoding: ENCODING_NAMES[mark.encoding] });
  }
  return { text, encoding: mark.encoding, basis: 'mark' };
}

/**
 * The text of an incident file, and the encoding it was read in. A byte-order mark (UTF-8,
 * UTF-16LE/BE) decides and is dropped; else `encoding`, the user's choice, when given; else
 * UTF-8 when the bytes are valid UTF-8, UTF-16 when they have its NULs, and otherwise
 * Windows-1256 when they look like Arabic-script words, Windows-1252 when not. Text given as a
 * string is taken as it is. Throws IncidentFileError for an empty file or binary content.
 */
export function decodeIncidentText(
  input: ArrayBuffer | Uint8Array | string,
  encoding?: TextEncodingName,
): DecodedText {
  let decoded: DecodedText;
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    for (let i = 0; i < Math.min(text.length, SNIFF_BYTES); i++) {
      if (isBinaryCode(text.charCodeAt(i))) {
        throw fileError('binary');
      }
    }
    decoded = { text, encoding: 'utf-8', basis: 'valid' };
  } else {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    try {
      decoded = decodeBytes(bytes, encoding);
    } catch (error) {
      // Node throws where a browser hands back an empty string (below).
      if (bytes.byteLength > MAX_STRING_CHARS && !(error instanceof IncidentFileError))
        throw tooLongForText(bytes.byteLength);
      throw error;
    }
    if (decoded.text === '' && bytes.byteLength > MAX_STRING_CHARS)
      throw tooLongForText(bytes.byteLength);
    if (decoded.text.includes('\u0000')) throw fileError('binary');
  }
  if (decoded.text.trim() === '') throw fileError('empty');
  return decoded;
}

/** The longest string V8 (Chromium, Node) can make: 2^29 − 24 UTF-16 code units. */
const MAX_STRING_CHARS = 2 ** 29 - 24;

/** Bytes whose text a browser cannot hold as one string: it decodes them to nothing. */
function tooLongForText(bytes: number): IncidentFileError {
  return fileError('tooLongForText', { size: megabytes(bytes) });
}

const GUESSED: Partial<Record<TextEncodingName, string>> = {
  'windows-1252':
    'Read as Windows-1252: the file is not UTF-8 text, and Windows-1252 (Western European, ' +
    'a superset of Latin-1) fits its bytes. If names look wrong, read it again as another encoding.',
  'windows-1256':
    'Read as Windows-1256: the file is not UTF-8 text, and its bytes read as words of the ' +
    'Arabic script (Urdu, Pashto, Dari, Arabic) in Windows-1256. If names look wrong, read it ' +
    'again as another encoding.',
};

/**
 * The warning that says how a file was read when that was a guess or the user's choice (for the
 * load report to offer the other encodings); `null` when a byte-order mark or valid bytes said.
 */
export function encodingWarning({ encoding, basis }: DecodedText): LoadWarning | null {
  const message =
    basis === 'asked'
      ? `Read as ${ENCODING_NAMES[encoding]}, as asked.`
      : basis === 'guessed'
        ? GUESSED[encoding]
        : undefined;
  return message === undefined
    ? null
    : { code: 'encoding', message, encoding, facts: { asked: basis === 'asked' } };
}
