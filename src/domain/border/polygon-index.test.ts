// @vitest-environment node
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PolygonIndex } from './polygon-index';
import { readData, seededRandom } from './test-data';

/** A closed square ring, counter-clockwise, from its south-west corner and side in degrees. */
function square(west: number, south: number, side: number): Position[] {
  return [
    [west, south],
    [west + side, south],
    [west + side, south + side],
    [west, south + side],
    [west, south],
  ];
}

function polygon(...rings: Position[][]): Polygon {
  return { type: 'Polygon', coordinates: rings };
}

describe('PolygonIndex', () => {
  it('tells points inside a polygon from points outside it', () => {
    const index = new PolygonIndex([polygon(square(70, 30, 2))]);
    expect(index.contains(0, 71, 31)).toBe(true);
    expect(index.contains(0, 70.1, 31.9)).toBe(true);
    expect(index.contains(0, 72.5, 31)).toBe(false);
    expect(index.contains(0, 71, 29.9)).toBe(false);
  });

  it('leaves out the holes of a polygon', () => {
    const index = new PolygonIndex([polygon(square(70, 30, 4), square(71, 31, 1))]);
    expect(index.contains(0, 71.5, 31.5)).toBe(false);
    expect(index.contains(0, 70.5, 31.5)).toBe(true);
    expect(index.contains(0, 73.5, 31.5)).toBe(true);
  });

  it('holds every part of a MultiPolygon', () => {
    const parts: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[square(60, 30, 1)], [square(70, 30, 1)]],
    };
    const index = new PolygonIndex([parts]);
    expect(index.locate(60.5, 30.5)).toBe(0);
    expect(index.locate(70.5, 30.5)).toBe(0);
    expect(index.locate(65, 30.5)).toBe(-1);
  });

  it('closes a ring that does not repeat its first position', () => {
    const open = polygon(square(70, 30, 2).slice(0, 4));
    expect(new PolygonIndex([open]).contains(0, 71, 31)).toBe(true);
  });

  it('locates the first of several areas, and -1 outside all of them', () => {
    const index = new PolygonIndex([
      polygon(square(70, 30, 1)),
      null,
      polygon(square(71, 30, 1)),
      polygon(square(70, 30, 2)),
    ]);
    expect(index.locate(71.5, 30.5)).toBe(2);
    expect(index.locate(71.5, 31.5)).toBe(3);
    expect(index.locate(69, 30.5)).toBe(-1);
    expect(index.locate(NaN, NaN)).toBe(-1);
  });

  it('counts a point on an edge shared by two areas in exactly one of them', () => {
    const index = new PolygonIndex([polygon(square(70, 30, 1)), polygon(square(71, 30, 1))]);
    const inside = [0, 1].filter((area) => index.contains(area, 71, 30.5));
    expect(inside).toHaveLength(1);
  });

  it('locates the same province as Turf, with the cell cache and without', () => {
    const provinces = readData<FeatureCollection<Polygon | MultiPolygon>>('provinces.geojson');
    const index = new PolygonIndex(provinces.features.map((feature) => feature.geometry));
    const random = seededRandom(11);
    for (let i = 0; i < 2000; i++) {
      const point = [59 + 19 * random(), 23 + 16 * random()];
      const turf = provinces.features.findIndex((feature) => booleanPointInPolygon(point, feature));
      expect(index.locateExact(point[0]!, point[1]!), `(${point.join(', ')})`).toBe(turf);
      expect(index.locate(point[0]!, point[1]!), `(${point.join(', ')})`).toBe(turf);
    }
    expect(index.cachedCells).toBeGreaterThan(100);
  });

  it('names the area, ring and position of a bad coordinate', () => {
    const bad = polygon([
      [70, 30],
      [71, 30],
      [71, 91],
      [70, 30],
    ]);
    expect(() => new PolygonIndex([bad], (area) => `province ${area}`)).toThrow(
      'province 0: polygon 0, ring 0, position 2 (71, 91) is not a longitude and latitude',
    );
  });

  it('names a geometry that is not a polygon', () => {
    const line = {
      type: 'LineString',
      coordinates: [
        [70, 30],
        [71, 30],
      ],
    } as unknown as Polygon;
    expect(() => new PolygonIndex([line])).toThrow(
      'area 0: geometry type "LineString" is not Polygon or MultiPolygon',
    );
  });
});
