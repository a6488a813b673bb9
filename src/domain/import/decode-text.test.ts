import { describe, expect, it } from 'vitest';
import { IncidentFileError } from '../parse-incidents';
import type { TextEncodingName } from './decode-text';
import { decodeIncidentText, encodingWarning } from './decode-text';

/** Windows-1256 as a reverse table: each character of bytes 0x80–0xFF → its byte. */
const WINDOWS_1256 = new Map(
  Array.from({ length: 0x80 }, (_, i) => [
    new TextDecoder('windows-1256').decode(new Uint8Array([0x80 + i])),
    0x80 + i,
  ]),
);

/** Windows-1252's own characters at 0x80–0x9F used below (its 0xA0–0xFF are Latin-1). */
const WINDOWS_1252_SYMBOLS = new Map([
  ['€', 0x80],
  ['…', 0x85],
  ['‘', 0x91],
  ['’', 0x92],
  ['“', 0x93],
  ['”', 0x94],
  ['–', 0x96],
]);

/** Encodes text in a single-byte encoding; throws for a character the encoding lacks. */
function encode(text: string, encoding: 'windows-1252' | 'windows-1256'): Uint8Array {
  return new Uint8Array(
    [...text].map((char) => {
      const code = char.charCodeAt(0);
      if (code < 0x80) return code;
      const byte =
        encoding === 'windows-1256'
          ? WINDOWS_1256.get(char)
          : (WINDOWS_1252_SYMBOLS.get(char) ?? (code >= 0xa0 && code <= 0xff ? code : undefined));
      if (byte === undefined) throw new Error(`${char} is not in ${encoding}`);
      return byte;
    }),
  );
}

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes.set(order === 'le' ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff], i * 2);
  }
  return bytes;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function expectRead(bytes: Uint8Array, encoding: TextEncodingName, text: string) {
  expect(decodeIncidentText(bytes)).toEqual({ text, encoding, basis: expect.any(String) });
}

describe('Reading UTF-8 and UTF-16', () => {
  it('keeps valid UTF-8 as UTF-8, Arabic-script text included', () => {
    const text = 'id,place\n1,پشاور، کوئٹہ، باجوڑ\n2,Peshāwar\n';
    expect(decodeIncidentText(utf8(text))).toEqual({ text, encoding: 'utf-8', basis: 'valid' });
  });

  it('lets a UTF-8 byte-order mark decide and drops it', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('place\nکوئٹہ\n')]);
    expect(decodeIncidentText(bytes)).toEqual({
      text: 'place\nکوئٹہ\n',
      encoding: 'utf-8',
      basis: 'mark',
    });
  });

  it('lets a byte-order mark decide over the encoding asked for', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...utf16('place\nچمن\n', 'le')]);
    expect(decodeIncidentText(bytes, 'windows-1252')).toMatchObject({
      text: 'place\nچمن\n',
      encoding: 'utf-16le',
      basis: 'mark',
    });
  });

  it('reads UTF-16LE without a byte-order mark', () => {
    const text = 'id,place\n1,Spīn Boldak / سپین بولدک\n';
    expect(decodeIncidentText(utf16(text, 'le'))).toEqual({
      text,
      encoding: 'utf-16le',
      basis: 'valid',
    });
  });

  it('reads UTF-16BE without a byte-order mark', () => {
    const text = 'id,place\n1,Chaman / چمن\n';
    expect(decodeIncidentText(utf16(text, 'be'))).toEqual({
      text,
      encoding: 'utf-16be',
      basis: 'valid',
    });
  });

  it('refuses what looks like UTF-16 without a byte-order mark but ends mid-character', () => {
    const bytes = utf16('id,place\n1,Chaman\n', 'le').subarray(0, 35);
    expect(() => decodeIncidentText(bytes)).toThrow(
      'The file looks like UTF-16LE text without a byte-order mark, but it is not valid UTF-16LE.',
    );
  });
});

describe('Guessing the encoding of bytes that are not UTF-8', () => {
  it('reads accented Western European names as Windows-1252', () => {
    const text =
      'id,name,place\n1,Zoë Dupré,Genève\n2,José Muñoz,Cañón\n3,Jürgen Weiß,Köln\n4,João Gonçalves,São Paulo\n';
    expectRead(encode(text, 'windows-1252'), 'windows-1252', text);
  });

  it('reads a spreadsheet export with £, € and curly quotes as Windows-1252', () => {
    const text = 'item,cost,note\nfuel,£1200,“estimated” – about €1400…\nfood,£80,the driver’s\n';
    expectRead(encode(text, 'windows-1252'), 'windows-1252', text);
  });

  it('reads a single accented letter inside an ASCII word as Windows-1252', () => {
    const text = 'id,date,type,place\nTEST-1,2025-10-12,ied,Peshâwar\n';
    expectRead(encode(text, 'windows-1252'), 'windows-1252', text);
  });

  it('reads words in upper-case accented letters as Windows-1252', () => {
    const text = 'ÉCOLE NORMALE SUPÉRIEURE,ÎLE-DE-FRANCE,Ærø\n';
    expectRead(encode(text, 'windows-1252'), 'windows-1252', text);
  });

  it('reads Urdu place names as Windows-1256', () => {
    // ٹ ڑ ہ are among the letters Windows-1256 adds for Persian and Urdu.
    const text = 'id,place\n1,پشاور، کوئٹہ، باجوڑ\n';
    expectRead(encode(text, 'windows-1256'), 'windows-1256', text);
  });

  it('reads Urdu and Pashto names among English columns as Windows-1256', () => {
    const text =
      'id,date,type,place,note\n' +
      'TEST-1,2025-10-12,ied,چمن,Chaman border crossing\n' +
      'TEST-2,2025-10-13,shelling,طورخم,Torkham\n' +
      'TEST-3,2025-10-14,airstrike,ژوب,Zhob\n' +
      'TEST-4,2025-10-15,ied,گوادر,Gwadar\n' +
      'TEST-5,2025-10-16,ied,بنوں,Bannu\n';
    expectRead(encode(text, 'windows-1256'), 'windows-1256', text);
  });

  it('reads Arabic and Dari sentences as Windows-1256', () => {
    const text = 'وقع انفجار في مدينة قندهار\nدر ولايت کنر يک حمله هوايي رخ داد\n';
    expectRead(encode(text, 'windows-1256'), 'windows-1256', text);
  });

  it('says that it guessed', () => {
    const bytes = encode('place\nPeshâwar\n', 'windows-1252');
    expect(decodeIncidentText(bytes).basis).toBe('guessed');
  });
});

describe('Reading in the encoding asked for', () => {
  it('reads Windows-1256 bytes as Windows-1252 when asked', () => {
    const bytes = encode('place\nپشاور\n', 'windows-1256');
    expect(decodeIncidentText(bytes, 'windows-1252')).toEqual({
      text: 'place\n\u0081ÔÇæÑ\n',
      encoding: 'windows-1252',
      basis: 'asked',
    });
  });

  it('reads Windows-1252 bytes as Windows-1256 when asked', () => {
    const bytes = encode('place\n“São Paulo”\n', 'windows-1252');
    expect(decodeIncidentText(bytes, 'windows-1256')).toEqual({
      text: 'place\n“Sمo Paulo”\n',
      encoding: 'windows-1256',
      basis: 'asked',
    });
  });

  it('reads bytes that are not UTF-8 as UTF-8 with replacement characters when asked', () => {
    const bytes = encode('place\nPeshâwar\n', 'windows-1252');
    expect(decodeIncidentText(bytes, 'utf-8')).toEqual({
      text: 'place\nPesh\ufffdwar\n',
      encoding: 'utf-8',
      basis: 'asked',
    });
  });
});

describe('Refusing what is not text', () => {
  it('refuses an empty file', () => {
    expect(() => decodeIncidentText(new Uint8Array(0))).toThrow(
      new IncidentFileError('The file is empty.'),
    );
  });

  it('says that a ZIP archive that reaches it is not a workbook or a data file', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]);
    expect(() => decodeIncidentText(zip)).toThrow(
      'The file is a ZIP archive but not an Excel .xlsx workbook or a KMZ: unzip it and open the data file inside.',
    );
  });

  it('refuses control bytes even in an encoding asked for', () => {
    const junk = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => decodeIncidentText(junk, 'windows-1252')).toThrow(/^The file is binary, not text/);
  });
});

describe('The encoding warning', () => {
  it('says a guessed Windows-1252 and how to choose another', () => {
    const warning = encodingWarning(decodeIncidentText(encode('place\nGenève\n', 'windows-1252')));
    expect(warning).toEqual({
      code: 'encoding',
      encoding: 'windows-1252',
      message:
        'Read as Windows-1252: the file is not UTF-8 text, and Windows-1252 (Western European, ' +
        'a superset of Latin-1) fits its bytes. If names look wrong, read it again as another encoding.',
      facts: { asked: false },
    });
  });

  it('says a guessed Windows-1256', () => {
    const warning = encodingWarning(decodeIncidentText(encode('place\nپشاور\n', 'windows-1256')));
    expect(warning?.message).toMatch(/^Read as Windows-1256: /);
    expect(warning?.encoding).toBe('windows-1256');
  });

  it('says that the encoding asked for was used', () => {
    const decoded = decodeIncidentText(encode('place\nپشاور\n', 'windows-1256'), 'utf-8');
    expect(encodingWarning(decoded)).toEqual({
      code: 'encoding',
      encoding: 'utf-8',
      message: 'Read as UTF-8, as asked.',
      facts: { asked: true },
    });
  });

  it('says nothing for valid UTF-8 or a byte-order mark', () => {
    expect(encodingWarning(decodeIncidentText(utf8('place\nپشاور\n')))).toBeNull();
    expect(
      encodingWarning(decodeIncidentText(new Uint8Array([0xfe, 0xff, ...utf16('a\n', 'be')]))),
    ).toBeNull();
  });
});
