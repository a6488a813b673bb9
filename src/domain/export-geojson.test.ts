import { describe, expect, it } from 'vitest';
import {
  buildGeoJsonExport,
  exportFileName,
  geoJsonExportChunks,
  serialiseGeoJsonExport,
} from './export-geojson';
import { EMPTY_URL_FILTER } from './filters/filter-table';
import { parseIncidentText } from './parse-incidents';
import { makeCollection, makeFeature } from './test-factories';

const features = [
  makeFeature(
    { id: 'a', date: '2025-10-01', custom: { nested: [1, 'two', null] } },
    { bbox: [70, 33, 71, 34] },
  ),
  makeFeature(
    { id: 'b', date: '2025-10-12', type: 'shelling' },
    { geometry: null, 'x-source': 'field team' },
  ),
  makeFeature({ id: 'c', date: '2025-10-20', type: 'unknown_code', ünïcode: '→ ✓' }),
];
const fileText = JSON.stringify(makeCollection(features, { metadata: { title: 'input' } }));

describe('GeoJSON export', () => {
  it('returns every loaded feature deep-equal, including unknown properties, foreign members and null geometry', () => {
    const loaded = parseIncidentText(fileText).incidents;
    const exported = JSON.parse(
      serialiseGeoJsonExport(loaded, {
        filter: { ...EMPTY_URL_FILTER, from: null, to: null, types: null },
        loaded,
        source: 'test',
      }),
    );
    expect(exported.type).toBe('FeatureCollection');
    expect(exported.features).toEqual(JSON.parse(fileText).features);
  });

  it('contains exactly the matching incidents in load order', () => {
    const loaded = parseIncidentText(fileText).incidents;
    const filter = { ...EMPTY_URL_FILTER, from: '2025-10-10', to: null, types: null };
    const matching = loaded.filter((incident) => incident.day >= '2025-10-10').reverse();
    const exported = buildGeoJsonExport(matching, { filter, loaded, source: 'test' });
    expect(exported.features.map((f) => f.id ?? f.properties.id)).toEqual(['b', 'c']);
  });

  it('exports prototype keys back as they were', () => {
    const text = JSON.stringify(makeCollection([makeFeature()])).replace(
      '"date"',
      '"__proto__":{"x":1},"date"',
    );
    const loaded = parseIncidentText(text).incidents;
    const output = serialiseGeoJsonExport(loaded, {
      filter: { ...EMPTY_URL_FILTER, from: null, to: null, types: null },
      loaded,
      source: 't',
    });
    expect(JSON.parse(output).features).toEqual(JSON.parse(text).features);
    expect(output).toContain('"__proto__": {');
  });

  it('records the source and every active filter by its URL parameter in metadata', () => {
    const loaded = parseIncidentText(fileText).incidents;
    const exported = buildGeoJsonExport(loaded, {
      filter: {
        ...EMPTY_URL_FILTER,
        to: '2025-10-31',
        types: ['shelling'],
        actors: ['TTP'],
        countries: ['PK'],
        minFatalities: 2,
        text: 'kurram',
        side: 'PK',
        borderKm: [0, 5],
        crossing: { id: 'torkham', km: 10 },
      },
      loaded,
      source: 'embedded',
    });
    expect(exported.metadata).toEqual({
      source: 'embedded',
      filter: {
        from: '2025-10-01',
        to: '2025-10-31',
        types: ['shelling'],
        actor: ['TTP'],
        country: ['PK'],
        minFatalities: '2',
        q: 'kurram',
        side: 'PK',
        distance: '0-5',
        crossing: 'torkham:10',
      },
      count: 3,
      of: 3,
    });
  });

  it('names the file after the date range, using the data extent for open bounds', () => {
    const loaded = parseIncidentText(fileText).incidents;
    expect(
      exportFileName({
        filter: { ...EMPTY_URL_FILTER, from: '2025-10-05', to: null, types: null },
        loaded,
        source: '',
      }),
    ).toBe('incidents-2025-10-05-2025-10-20.geojson');
  });

  it('writes the same text piece by piece as JSON.stringify writes whole', () => {
    const loaded = parseIncidentText(fileText).incidents;
    const context = {
      filter: { ...EMPTY_URL_FILTER, from: null, to: null, types: null },
      loaded,
      source: 'test',
    };
    for (const matching of [loaded, loaded.slice(1, 2), []]) {
      const whole = JSON.stringify(buildGeoJsonExport(matching, context), null, 2) + '\n';
      expect([...geoJsonExportChunks(matching, context)].join('')).toBe(whole);
    }
  });
});
