import { describe, expect, it } from 'vitest';
import { checkLoadOptions, readRememberedMapping } from './load-options';

const COLUMNS = ['When', 'What', 'lon', 'lat'];

describe('A remembered column mapping', () => {
  it('comes back whole when it fits the file', () => {
    const saved = {
      mapping: { date: 'When', type: 'What', longitude: 'lon', latitude: 'lat' },
      dayOrder: 'mdy',
    };
    expect(readRememberedMapping(saved, COLUMNS)).toEqual(saved);
  });

  it('keeps no day order outside the allowed set', () => {
    expect(readRememberedMapping({ mapping: { date: 'When' }, dayOrder: 'evil' }, COLUMNS)).toEqual(
      { mapping: { date: 'When' }, dayOrder: null },
    );
  });

  it('keeps only the columns the file has, and only text', () => {
    const saved = { mapping: { date: 'Gone', type: 7, longitude: 'lon', latitude: ['lat'] } };
    expect(readRememberedMapping(saved, COLUMNS)).toEqual({
      mapping: { longitude: 'lon' },
      dayOrder: null,
    });
  });

  it('keeps a type for every row only when no type column is kept', () => {
    expect(
      readRememberedMapping({ mapping: { type: 'What', typeForAll: 'x' } }, COLUMNS)?.mapping,
    ).toEqual({ type: 'What' });
    expect(
      readRememberedMapping({ mapping: { typeForAll: 'Drone strike' } }, COLUMNS)?.mapping,
    ).toEqual({ typeForAll: 'Drone strike' });
  });

  it('reads nothing from what is not an object, nor from inherited keys', () => {
    expect(readRememberedMapping('mapping', COLUMNS)).toBeNull();
    expect(readRememberedMapping(null, COLUMNS)).toBeNull();
    const inherited = JSON.parse('{"__proto__": {"mapping": {"date": "When"}}}') as unknown;
    expect(readRememberedMapping(inherited, COLUMNS)).toEqual({ mapping: {}, dayOrder: null });
  });
});

describe('Load options checked by the engine', () => {
  it('accept every well-formed option', () => {
    expect(
      checkLoadOptions({
        mapping: { date: 'When', typeForAll: 'other', longitude: 'lon' },
        dayOrder: 'dmy',
        encoding: 'windows-1256',
        sheet: 'Sheet 2',
        swapCoordinates: true,
      }),
    ).toBeNull();
    expect(checkLoadOptions({})).toBeNull();
  });

  it.each([
    [{ dayOrder: 'evil' }, 'dayOrder "evil" is not one of dmy, mdy'],
    [{ dayOrder: null }, 'dayOrder null is not one of dmy, mdy'],
    [{ mapping: 'When' }, 'mapping is "When", not an object'],
    [{ mapping: { type: 'What' } }, 'mapping has no date column'],
    [{ mapping: { date: 'When' } }, 'mapping has neither a type column nor a type for every row'],
    [
      { mapping: { date: 'When', type: 'What', latitude: 1 } },
      'mapping.latitude is 1, not a column name',
    ],
    [
      { encoding: 'utf-7' },
      'encoding "utf-7" is not one of utf-8, utf-16le, utf-16be, windows-1252, windows-1256',
    ],
    [
      { encoding: 'toString' },
      'encoding "toString" is not one of utf-8, utf-16le, utf-16be, windows-1252, windows-1256',
    ],
    [{ sheet: 2 }, 'sheet is 2, not a sheet name'],
    [{ swapCoordinates: 'yes' }, 'swapCoordinates is "yes", not true or false'],
    [[], 'the load options are an array of 0, not an object'],
  ])('refuse %j: %s', (options, reason) => {
    expect(checkLoadOptions(options)).toBe(reason);
  });
});
