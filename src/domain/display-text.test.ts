import { describe, expect, it } from 'vitest';
import {
  canvasText,
  clipText,
  displayName,
  displayText,
  MAX_NAME_CHARS,
  MAX_TEXT_CHARS,
} from './display-text';

const RLO = '\u202e';
const FSI = '\u2068';
const PDI = '\u2069';

describe('Clipping text from data', () => {
  it('keeps text up to the limit as it is', () => {
    const text = 'x'.repeat(MAX_TEXT_CHARS);
    expect(clipText(text)).toBe(text);
  });

  it('cuts a longer text at the limit and says how many characters are left out', () => {
    const clipped = clipText('x'.repeat(20_000_000));
    expect(clipped).toBe(`${'x'.repeat(MAX_TEXT_CHARS)} … (19,996,000 more characters)`);
  });

  it('never splits a character made of two UTF-16 units', () => {
    const text = 'a'.repeat(MAX_NAME_CHARS - 1) + '😀' + 'b';
    const clipped = clipText(text, MAX_NAME_CHARS);
    expect(clipped.startsWith('a'.repeat(MAX_NAME_CHARS - 1) + ' …')).toBe(true);
    expect(clipped).toContain('(3 more characters)');
  });

  it('leaves text clipped before as it is, with its count', () => {
    const once = clipText('x'.repeat(1_000), MAX_NAME_CHARS);
    expect(clipText(once, MAX_NAME_CHARS)).toBe(once);
    expect(displayName(once)).toContain('(800 more characters)');
  });

  it('clips a name (a type, an id, a property name) at 200 characters', () => {
    expect(displayName('n'.repeat(50_000_000))).toBe(
      `${'n'.repeat(MAX_NAME_CHARS)} … (49,999,800 more characters)`,
    );
  });

  it('writes lists of plain values with semicolons, objects as JSON and nothing for null', () => {
    expect(displayText(['TTP', 'Pakistan Army'])).toBe('TTP; Pakistan Army');
    expect(displayText({ a: 1 })).toBe('{"a":1}');
    expect(displayText(null)).toBe('');
    expect(displayText(undefined)).toBe('');
    expect(displayText(7)).toBe('7');
  });

  it('clips the JSON of a large object too', () => {
    const text = displayText({ list: 'y'.repeat(10_000) });
    expect(text.length).toBeLessThan(MAX_TEXT_CHARS + 40);
  });

  it('hands markup back as the characters it is made of, never as markup', () => {
    const markup = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    expect(displayText(markup)).toBe(markup);
    expect(typeof displayText(markup)).toBe('string');
  });
});

describe('Text for a canvas', () => {
  it('takes out embedding, override and isolate controls and sets the text apart', () => {
    const controls = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    expect(canvasText(`Killed by${controls}`)).toBe(`${FSI}Killed by${PDI}`);
  });

  it('keeps "Killed by" with a right-to-left override from turning what follows it', () => {
    const drawn = `${canvasText(`Killed by${RLO}`)}  12`;
    expect(drawn).not.toContain(RLO);
    // An isolate ends at its PDI: the count after it is laid out on its own, left to right.
    expect(drawn.endsWith(`${PDI}  12`)).toBe(true);
  });

  it('keeps right-to-left script, isolated', () => {
    expect(canvasText('طالبان')).toBe(`${FSI}طالبان${PDI}`);
  });

  it('clips before drawing, and draws nothing for empty text', () => {
    expect(canvasText('t'.repeat(20_000_000)).length).toBeLessThan(MAX_NAME_CHARS + 40);
    expect(canvasText('')).toBe('');
  });
});
