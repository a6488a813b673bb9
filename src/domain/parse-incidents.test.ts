import { describe, expect, it } from 'vitest';
import type { FieldReader } from './parse-incidents';
import {
  IncidentFileError,
  MAX_NESTING_DEPTH,
  parseIncidentCollection,
  parseIncidentText,
  readTypeCode,
  setOwn,
  TRUNCATED_MARKER,
  truncateDeepValue,
  validateFeature,
} from './parse-incidents';
import { parseIncidentDate } from './incident-date';
import { makeCollection, makeFeature } from './test-factories';

function reasonFor(feature: unknown): string | undefined {
  const set = parseIncidentCollection(makeCollection([feature]));
  return set.rejected[0]?.reason;
}

describe('Loading a FeatureCollection', () => {
  it('loads a valid incident with its day, type and position', () => {
    const set = parseIncidentCollection(makeCollection([makeFeature({ id: 'a-1' })]));
    expect(set.rejected).toEqual([]);
    expect(set.incidents[0]).toMatchObject({
      index: 0,
      key: 'a-1',
      day: '2025-10-12',
      type: 'armed_clash',
      lon: 70.1,
      lat: 33.9,
    });
  });

  it('loads an unlocated incident with null geometry', () => {
    const set = parseIncidentCollection(makeCollection([makeFeature({}, { geometry: null })]));
    expect(set.incidents[0]).toMatchObject({ lon: null, lat: null });
  });

  it('accepts a position with altitude', () => {
    const feature = makeFeature({}, { geometry: { type: 'Point', coordinates: [70, 34, 1200] } });
    expect(parseIncidentCollection(makeCollection([feature])).incidents).toHaveLength(1);
  });

  it('accepts a type outside the default taxonomy', () => {
    const set = parseIncidentCollection(makeCollection([makeFeature({ type: 'kidnapping' })]));
    expect(set.incidents[0]?.type).toBe('kidnapping');
  });

  it('prefers the Feature id over properties.id', () => {
    const set = parseIncidentCollection(makeCollection([makeFeature({ id: 'p' }, { id: 7 })]));
    expect(set.incidents[0]?.key).toBe('7');
  });

  it('derives the same id for the same feature on every load', () => {
    const first = parseIncidentCollection(makeCollection([makeFeature()])).incidents[0]!.key;
    const second = parseIncidentCollection(makeCollection([makeFeature()])).incidents[0]!.key;
    expect(first).toMatch(/^derived-[0-9a-f]{8}$/);
    expect(second).toBe(first);
  });

  it('keeps features with duplicate ids and warns about them', () => {
    const set = parseIncidentCollection(
      makeCollection([makeFeature({ id: 'x' }), makeFeature({ id: 'x', type: 'ied' })]),
    );
    expect(set.incidents).toHaveLength(2);
    expect(set.warnings).toMatchObject([
      {
        code: 'duplicate-id',
        message: 'id "x" is used by 2 features (#0, #1); all are kept',
        indices: [0, 1],
      },
    ]);
  });

  it('keeps the collection foreign members', () => {
    const set = parseIncidentCollection(makeCollection([], { metadata: { title: 't' } }));
    expect(set.collectionMembers).toEqual({ metadata: { title: 't' } });
  });

  it('loads valid features and lists rejected ones with index and id', () => {
    const set = parseIncidentCollection(
      makeCollection([makeFeature({ id: 'ok' }), makeFeature({ id: 'bad', date: '2025-02-30' })]),
    );
    expect(set.incidents.map((i) => i.key)).toEqual(['ok']);
    expect(set.rejected).toEqual([
      expect.objectContaining({
        index: 1,
        id: 'bad',
        reason: 'date "2025-02-30" is not a calendar date',
      }),
    ]);
  });

  it('hands a rejected feature back exactly as it came in', () => {
    const bad = makeFeature({ date: 'yesterday', extra: { nested: [1, 2] } });
    const set = parseIncidentCollection(makeCollection([bad]));
    expect(set.rejected[0]?.input).toBe(bad);
  });
});

describe('Rejection reasons', () => {
  it('rejects a missing date', () => {
    expect(reasonFor(makeFeature({ date: undefined }))).toBe('date is missing');
  });

  it('rejects an impossible date', () => {
    expect(reasonFor(makeFeature({ date: '2025-02-30' }))).toBe(
      'date "2025-02-30" is not a calendar date',
    );
  });

  it('rejects a date in another format', () => {
    expect(reasonFor(makeFeature({ date: '12/10/2025' }))).toMatch(
      /^date "12\/10\/2025" is not ISO 8601/,
    );
  });

  it('rejects a missing type', () => {
    expect(reasonFor(makeFeature({ type: undefined }))).toBe('type is missing');
  });

  it('rejects an empty type', () => {
    expect(reasonFor(makeFeature({ type: '  ' }))).toBe('type "  " is not a non-empty string');
  });

  it('rejects a non-string type', () => {
    expect(reasonFor(makeFeature({ type: 3 }))).toBe('type 3 is not a non-empty string');
  });

  it('rejects coordinates that are not numbers', () => {
    const feature = makeFeature({}, { geometry: { type: 'Point', coordinates: ['70', 34] } });
    expect(reasonFor(feature)).toBe('coordinates ["70", 34] are not all finite numbers');
  });

  it('rejects a position with one or four numbers', () => {
    expect(reasonFor(makeFeature({}, { geometry: { type: 'Point', coordinates: [70] } }))).toBe(
      'coordinates an array of 1 are not [lon, lat] or [lon, lat, alt]',
    );
    expect(
      reasonFor(makeFeature({}, { geometry: { type: 'Point', coordinates: [70, 34, 1, 2] } })),
    ).toMatch(/are not \[lon, lat\]/);
  });

  it('rejects a Point without coordinates', () => {
    expect(reasonFor(makeFeature({}, { geometry: { type: 'Point' } }))).toBe(
      'coordinates are missing',
    );
  });

  it('rejects a longitude or latitude out of range', () => {
    expect(
      reasonFor(makeFeature({}, { geometry: { type: 'Point', coordinates: [200, 34] } })),
    ).toBe('longitude 200 is outside -180…180');
    expect(
      reasonFor(makeFeature({}, { geometry: { type: 'Point', coordinates: [70, -95] } })),
    ).toBe('latitude -95 is outside -90…90');
  });

  it('rejects an infinite coordinate from an overflowing number', () => {
    const [feature] = (
      JSON.parse('{"f":[' + JSON.stringify(makeFeature()).replace('70.1', '1e400') + ']}') as {
        f: unknown[];
      }
    ).f;
    expect(reasonFor(feature)).toBe('coordinates [Infinity, 33.9] are not all finite numbers');
  });

  it('rejects a property that overflows to Infinity', () => {
    const feature = JSON.parse(
      JSON.stringify(makeFeature({ fatalities_max: 1 })).replace(':1}', ':-1e400}'),
    );
    expect(reasonFor(feature)).toBe(
      'feature.properties.fatalities_max (-Infinity) is not a finite number',
    );
  });

  it('rejects a geometry other than Point', () => {
    const feature = makeFeature(
      {},
      {
        geometry: {
          type: 'LineString',
          coordinates: [
            [70, 34],
            [71, 35],
          ],
        },
      },
    );
    expect(reasonFor(feature)).toBe('geometry type "LineString" is not supported (Point or null)');
  });

  it('rejects a feature without a geometry member', () => {
    const feature = makeFeature();
    delete feature.geometry;
    expect(reasonFor(feature)).toBe('geometry is missing (use null for an unlocated incident)');
  });

  it('rejects something that is not a Feature', () => {
    expect(reasonFor({ type: 'Point', coordinates: [70, 34] })).toBe(
      'not a GeoJSON Feature (got type "Point")',
    );
    expect(reasonFor('text')).toBe('not a GeoJSON Feature (got "text")');
    expect(reasonFor(null)).toBe('not a GeoJSON Feature (got null)');
  });

  it('rejects properties that are not an object', () => {
    expect(reasonFor(makeFeature({}, { properties: null }))).toBe(
      'properties must be an object with date and type',
    );
  });

  it('rejects an id that is neither string nor number', () => {
    expect(reasonFor(makeFeature({}, { id: { a: 1 } }))).toBe(
      'id a object is not a string or number',
    );
  });
});

describe('Unusable files', () => {
  it('refuses text that is not JSON with one clear message', () => {
    expect(() => parseIncidentText('date,type\n2025-10-12,ied')).toThrow(IncidentFileError);
    expect(() => parseIncidentText('{"type": ')).toThrow(/^The file is not valid JSON/);
  });

  it('refuses JSON that is not a FeatureCollection', () => {
    expect(() => parseIncidentText('{"type":"Feature"}')).toThrow(
      'The file is not a GeoJSON FeatureCollection (got type "Feature").',
    );
    expect(() => parseIncidentText('[1,2]')).toThrow(/got an array of 2/);
  });

  it('refuses a FeatureCollection without a features array', () => {
    expect(() => parseIncidentText('{"type":"FeatureCollection","features":{}}')).toThrow(
      'The FeatureCollection has no "features" array.',
    );
  });

  it('reads a file that starts with a byte-order mark', () => {
    const text = '\ufeff' + JSON.stringify(makeCollection([makeFeature()]));
    expect(parseIncidentText(text).incidents).toHaveLength(1);
  });
});

describe('Hostile keys', () => {
  it('keeps __proto__ and constructor keys as plain data without touching any prototype', () => {
    const text = JSON.stringify(makeCollection([makeFeature()])).replace(
      '"date"',
      '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"date"',
    );
    const set = parseIncidentText(text);
    const properties = set.incidents[0]!.feature.properties;
    expect(Object.hasOwn(properties, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
  });

  it('does not read an id or type through the prototype', () => {
    const feature = JSON.parse(
      '{"type":"Feature","geometry":null,"properties":{"date":"2025-10-12","__proto__":{"type":"x"}}}',
    );
    expect(reasonFor(feature)).toBe('type is missing');
  });
});

describe('Field readers', () => {
  const LEGACY: FieldReader = {
    id: (properties) => properties.ref,
    date: (properties) => parseIncidentDate(properties.when, { field: 'when' }),
    type: (properties) => readTypeCode(properties, 'kind'),
  };

  it('read id, date and type from the fields a layout names', () => {
    const feature = makeFeature(
      {},
      { properties: { ref: 'r-1', when: '2025-10-12', kind: 'ied' } },
    );
    expect(validateFeature(feature, 4, LEGACY)).toMatchObject({
      index: 4,
      key: 'r-1',
      day: '2025-10-12',
      type: 'ied',
    });
  });

  it('name the layout’s fields in rejection reasons', () => {
    const feature = makeFeature({}, { properties: { when: '2025-10-12' } });
    expect(validateFeature(feature, 0, LEGACY)).toMatchObject({ reason: 'kind is missing' });
  });

  it('apply to a whole collection', () => {
    const feature = makeFeature({}, { properties: { when: 'soon', kind: 'ied' } });
    expect(parseIncidentCollection(makeCollection([feature]), LEGACY).rejected[0]?.reason).toMatch(
      /^when "soon" is not ISO 8601/,
    );
  });
});

describe('Nesting depth', () => {
  function nested(depth: number): unknown {
    let value: unknown = 'leaf';
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  }

  it('loads properties nested well below the limit', () => {
    expect(reasonFor(makeFeature({ deep: nested(MAX_NESTING_DEPTH - 10) }))).toBeUndefined();
  });

  it('rejects a feature nested deeper than the limit, handing back a copy cut at the limit', () => {
    const feature = makeFeature({ id: 'deep', deep: nested(10_000) });
    const set = parseIncidentCollection(makeCollection([feature]));
    expect(set.rejected[0]?.reason).toMatch(
      new RegExp(`^feature\\.properties\\.deep.* nests deeper than ${MAX_NESTING_DEPTH} levels$`),
    );
    expect(() => JSON.stringify(set.rejected[0]?.input)).not.toThrow();
    expect(JSON.stringify(set.rejected[0]?.input)).toContain(TRUNCATED_MARKER);
  });

  it('cuts a too-deep collection member, with a warning', () => {
    const set = parseIncidentCollection(makeCollection([], { metadata: nested(10_000) }));
    expect(set.warnings[0]?.message).toMatch(/"metadata" nests deeper than/);
    expect(() => structuredClone(set)).not.toThrow();
  });

  it('copies values at or above the limit whole, keeping prototype-named keys as own data', () => {
    const value = JSON.parse('{"__proto__":{"a":[1,{"b":null}]},"c":"d"}');
    const copy = truncateDeepValue(value) as Record<string, unknown>;
    expect(copy).toEqual(value);
    expect(copy).not.toBe(value);
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
  });
});

describe('setOwn', () => {
  it('creates an own __proto__ property instead of changing the prototype', () => {
    const object: Record<string, unknown> = {};
    setOwn(object, '__proto__', { polluted: true });
    expect(Object.hasOwn(object, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    expect(JSON.stringify(object)).toBe('{"__proto__":{"polluted":true}}');
  });
});
