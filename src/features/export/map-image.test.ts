import { describe, expect, it } from 'vitest';
import { wrapPhrases } from './map-image';

/** A context whose text is as wide as its number of characters. */
const context = {
  measureText: (text: string) => ({ width: text.length }),
} as CanvasRenderingContext2D;

describe('The filters written on Export PNG', () => {
  it('are joined on a line while they fit', () => {
    expect(wrapPhrases(context, ['all types', 'sources: a.csv'], 40)).toEqual([
      'all types · sources: a.csv',
    ]);
  });

  it('go on to the next line between phrases', () => {
    expect(wrapPhrases(context, ['2025-10-01 to 2025-10-31', 'all types'], 30)).toEqual([
      '2025-10-01 to 2025-10-31',
      'all types',
    ]);
  });

  it('break a phrase wider than a line after its commas, losing no word', () => {
    const types = 'types: Airstrike, Drone strike, Cross-border attack, Shelling, IED';
    const lines = wrapPhrases(context, [types, 'sources: a.csv'], 30);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
    expect(lines.join(' ').replace(/, /g, ',').replace(/ · /g, ' ')).toContain(
      'types: Airstrike,Drone strike,Cross-border attack,Shelling,IED',
    );
    expect(lines.at(-1)).toContain('sources: a.csv');
  });
});

describe('The filters written on Export PNG in Arabic script', () => {
  it('break after the Arabic comma too', () => {
    const lines = wrapPhrases(context, ['اقسام: الف، ب، ج، د، ہ'], 12);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(12);
    expect(lines.join(' ')).toBe('اقسام: الف، ب، ج، د، ہ');
  });
});
