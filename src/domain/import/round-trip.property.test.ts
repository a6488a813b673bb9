// @vitest-environment node
/**
 * Property tests: whatever valid data a file holds, loading it and exporting everything gives
 * the same data back. GeoJSON through Export GeoJSON, CSV through Export CSV.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { serialiseGeoJsonExport } from '../export-geojson';
import { exportCsv } from './export-csv';
import { importIncidents } from './import-incidents';
import { LATITUDE_NAMES, LONGITUDE_NAMES } from '../layouts/layout-adapter';
import { EMPTY_URL_FILTER } from '../filters/filter-table';

/** Text of every kind, without C0 control characters (which mark a file as binary). */
const text = (constraints: { minLength?: number; maxLength?: number } = {}) =>
  fc
    .string({ unit: 'binary', maxLength: 12, ...constraints })
    .map((value) =>
      [...value].filter((c) => c.charCodeAt(0) >= 0x20 || '\t\n\r'.includes(c)).join(''),
    );

/** Property names, with the prototype-ish ones and the empty name mixed in. */
const key = fc.oneof(
  text({ minLength: 1 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''),
);

const isoDay = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

const isoDate = fc.oneof(
  isoDay,
  fc
    .tuple(
      isoDay,
      fc.integer({ min: 0, max: 23 }),
      fc.constantFrom('Z', '+05:00', '-04:30', '+0430'),
    )
    .map(([day, hour, offset]) => `${day}T${String(hour).padStart(2, '0')}:15:00${offset}`),
);

const typeCode = text({ minLength: 1 }).filter((value) => value.trim() !== '');

const position = fc.oneof(
  fc.tuple(
    fc.double({ min: -180, max: 180, noNaN: true }),
    fc.double({ min: -90, max: 90, noNaN: true }),
  ),
  fc.tuple(
    fc.double({ min: -180, max: 180, noNaN: true }),
    fc.double({ min: -90, max: 90, noNaN: true }),
    fc.double({ min: -500, max: 9000, noNaN: true }),
  ),
);

/** Any JSON value, nested a few levels, with prototype-ish keys among the object keys. */
const jsonValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    text(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;

const feature = fc
  .record(
    {
      id: fc.oneof(text(), fc.integer()),
      geometry: fc.oneof(
        fc.constant(null),
        position.map((coordinates) => ({ type: 'Point', coordinates })),
      ),
      date: isoDate,
      type: typeCode,
      extra: fc.dictionary(key, jsonValue, { maxKeys: 5 }),
      foreign: fc.dictionary(
        key.filter((k) => !['type', 'id', 'geometry', 'properties'].includes(k)),
        jsonValue,
        { maxKeys: 2 },
      ),
    },
    { requiredKeys: ['geometry', 'date', 'type', 'extra', 'foreign'] },
  )
  .map(({ id, geometry, date, type, extra, foreign }) => {
    // Built as JSON text, so that `__proto__` keys stay plain data as they would in a file.
    const properties = JSON.stringify({ ...JSON.parse(JSON.stringify(extra)), date, type });
    const members = JSON.stringify(foreign).slice(1, -1);
    return (
      `{"type":"Feature",${id === undefined ? '' : `"id":${JSON.stringify(id)},`}` +
      `"geometry":${JSON.stringify(geometry)},"properties":${properties}${members ? ',' + members : ''}}`
    );
  });

const collection = fc
  .tuple(
    fc.array(feature, { maxLength: 8 }),
    fc.dictionary(
      key.filter((k) => k !== 'type' && k !== 'features'),
      jsonValue,
      { maxKeys: 2 },
    ),
  )
  .map(([features, members]) => {
    const extra = JSON.stringify(members).slice(1, -1);
    return `{"type":"FeatureCollection",${extra ? extra + ',' : ''}"features":[${features.join(',')}]}`;
  });

describe('Loading then exporting everything', () => {
  it('gives back every feature of any valid collection, deep-equal', () => {
    fc.assert(
      fc.property(collection, (file) => {
        const outcome = importIncidents(new TextEncoder().encode(file));
        expect(outcome.status).toBe('loaded');
        if (outcome.status !== 'loaded') return;
        expect(outcome.set.rejected).toEqual([]);
        const exported = JSON.parse(
          serialiseGeoJsonExport(outcome.set.incidents, {
            filter: EMPTY_URL_FILTER,
            loaded: outcome.set.incidents,
            source: 'property test',
          }),
        );
        const original = JSON.parse(file);
        expect(exported.features).toEqual(original.features);
        expect(JSON.parse(JSON.stringify(outcome.set.collectionMembers))).toEqual(
          Object.fromEntries(
            Object.entries(original).filter(([k]) => k !== 'type' && k !== 'features'),
          ),
        );
      }),
      { numRuns: 200 },
    );
  });

  const COORDINATE_NAMES = new Set([...LONGITUDE_NAMES, ...LATITUDE_NAMES]);
  const columnName = key.filter(
    (name) => !COORDINATE_NAMES.has(name.trim().toLowerCase()) && !name.startsWith('\ufeff'),
  );
  const csvTable = fc
    .tuple(fc.array(columnName, { maxLength: 5 }), fc.boolean())
    .chain(([extraColumns, located]) => {
      const header = [
        'date',
        'type',
        ...extraColumns,
        ...(located ? ['longitude', 'latitude'] : []),
      ];
      const coordinates = fc.oneof(
        fc.constant(['', '']),
        fc
          .tuple(
            fc.double({ min: -180, max: 180, noNaN: true }),
            fc.double({ min: -90, max: 90, noNaN: true }),
          )
          .map(([lon, lat]) => [String(lon), String(lat)]),
      );
      const row = fc
        .tuple(
          isoDate,
          typeCode,
          fc.array(text(), { minLength: extraColumns.length, maxLength: extraColumns.length }),
          coordinates,
        )
        .map(([date, type, cells, [lon, lat]]) => [
          date,
          type,
          ...cells,
          ...(located ? [lon, lat] : []),
        ]);
      return fc.tuple(fc.constant(header), fc.array(row, { maxLength: 10 }));
    });

  it('gives back every row of any valid CSV, exactly, with its columns in order', () => {
    fc.assert(
      fc.property(csvTable, ([header, rows]) => {
        const file = Papa.unparse({ fields: header, data: rows }, { newline: '\r\n' });
        const withEnd = file.endsWith('\r\n') ? file : file + '\r\n';
        const outcome = importIncidents(withEnd);
        expect(outcome.status).toBe('loaded');
        if (outcome.status !== 'loaded') return;
        expect(outcome.set.rejected).toEqual([]);
        expect(outcome.set.incidents).toHaveLength(rows.length);
        expect(exportCsv(outcome.set.incidents, outcome.columns!)).toBe(withEnd);
      }),
      { numRuns: 200 },
    );
  });
});
