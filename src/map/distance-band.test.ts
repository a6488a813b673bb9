// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { area, booleanPointInPolygon, length, point } from '@turf/turf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OPEN_KM } from '../domain/url-state';
import { buildDistanceBand, createBandMaker, readBorderLine, readCountry } from './distance-band';

const dataFile = (path: string) => fileURLToPath(new URL(`../../data/${path}`, import.meta.url));
const readData = (path: string): unknown => JSON.parse(readFileSync(dataFile(path), 'utf8'));

const line = readBorderLine(readData('durand-line.geojson'));
const countries = readData('basemap/countries.geojson');
const lineKm = length(line, { units: 'kilometers' });
const km2 = (feature: Parameters<typeof area>[0]) => area(feature) / 1e6;

/** A vertex of the line, and the Torkham crossing, ~1.4 km from the line on the Pakistani side. */
const onLine = point(line.geometry.coordinates[290] as [number, number]);
const torkham = point([71.08472, 34.11472]);

describe('Distance band', () => {
  it('from 0 to 5 km covers about 5 km either side of the whole line', () => {
    const band = buildDistanceBand(line, [0, 5]);
    expect(band.features).toHaveLength(1);
    expect(band.features[0]!.properties.kind).toBe('band');
    const expected = 2 * 5 * lineKm;
    // The line bends: where it doubles back, the two sides overlap and the band is smaller.
    expect(km2(band.features[0]!)).toBeGreaterThan(expected * 0.9);
    expect(km2(band.features[0]!)).toBeLessThan(expected * 1.03);
    expect(booleanPointInPolygon(onLine, band.features[0]!)).toBe(true);
  });

  it('from 5 to 20 km leaves out the 5 km next to the line', () => {
    const [band] = buildDistanceBand(line, [5, 20]).features;
    expect(booleanPointInPolygon(onLine, band!)).toBe(false);
    expect(booleanPointInPolygon(torkham, band!)).toBe(false);
    const outer = km2(buildDistanceBand(line, [0, 20]).features[0]!);
    const inner = km2(buildDistanceBand(line, [0, 5]).features[0]!);
    expect(km2(band!)).toBeCloseTo(outer - inner, -2);
  });

  it('open-ended, is only its near edge, to be outlined', () => {
    const band = buildDistanceBand(line, [50, OPEN_KM]);
    expect(band.features).toHaveLength(1);
    expect(band.features[0]!.properties.kind).toBe('beyond');
    expect(booleanPointInPolygon(onLine, band.features[0]!)).toBe(true);
  });

  it('draws nothing for a band that excludes nothing or holds nothing', () => {
    expect(buildDistanceBand(line, [0, OPEN_KM]).features).toEqual([]);
    expect(buildDistanceBand(line, [5, 5]).features).toEqual([]);
  });

  it('clipped to the Pakistani side, keeps Torkham and about half the band', () => {
    const both = km2(buildDistanceBand(line, [0, 5]).features[0]!);
    const [pakistani] = buildDistanceBand(line, [0, 5], readCountry(countries, 'PK')).features;
    const [afghan] = buildDistanceBand(line, [0, 5], readCountry(countries, 'AF')).features;
    expect(booleanPointInPolygon(torkham, pakistani!)).toBe(true);
    expect(booleanPointInPolygon(torkham, afghan!)).toBe(false);
    expect(km2(pakistani!) + km2(afghan!)).toBeGreaterThan(both * 0.9);
    expect(km2(pakistani!) + km2(afghan!)).toBeLessThan(both * 1.02);
  });

  it('names the file and the value it could not use', () => {
    expect(() => readBorderLine({ features: [] }, 'line.geojson')).toThrow(
      'line.geojson holds no LineString feature',
    );
    expect(() => readCountry({ features: [] }, 'AF', 'countries.geojson')).toThrow(
      'countries.geojson has no polygon with iso_n3 "004"',
    );
  });
});

describe('Band maker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('fetches the line once and answers a repeated band from its cache', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(readFileSync(dataFile(new URL(url).pathname.slice(1))));
    });
    const make = createBandMaker({
      durandLine: 'http://app.test/durand-line.geojson',
      countries: 'http://app.test/basemap/countries.geojson',
    });
    const first = await make([0, 5], null);
    expect(await make([0, 5], null)).toBe(first);
    await make([5, 20], null);
    expect(fetched).toEqual(['http://app.test/durand-line.geojson']);
  });

  it('says which file could not be read', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    const make = createBandMaker({
      durandLine: 'http://app.test/missing.geojson',
      countries: 'http://app.test/countries.geojson',
    });
    await expect(make([0, 5], null)).rejects.toThrow(
      'http://app.test/missing.geojson answered 404',
    );
  });
});
