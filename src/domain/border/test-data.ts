/**
 * Test and benchmark helpers: the committed data files, read with node:fs, and a seeded random
 * number generator. Not imported by the app.
 */
import { readFileSync } from 'node:fs';
import type { FeatureCollection, LineString, Point, Position } from 'geojson';
import type { BorderCrossing, BorderIndex, BorderIndexOptions } from './border-measures';
import { buildBorderIndex, pickCountryPolygons } from './border-measures';

/** Parses a file of the repository's `data/` folder, e.g. `readData('basemap/places.geojson')`. */
export function readData<T = FeatureCollection>(path: string): T {
  return JSON.parse(readFileSync(new URL(`../../../data/${path}`, import.meta.url), 'utf8')) as T;
}

/** `data/durand-line.geojson`: its coordinates and its `length_km` property (Turf, on a sphere). */
export function readDurandLine(): { coordinates: Position[]; lengthKm: number } {
  const feature = readData<FeatureCollection<LineString>>('durand-line.geojson').features[0]!;
  return {
    coordinates: feature.geometry.coordinates,
    lengthKm: feature.properties!.length_km as number,
  };
}

/** `data/crossings.geojson` as builder input. */
export function readCrossings(): BorderCrossing[] {
  return readData<FeatureCollection<Point>>('crossings.geojson').features.map((feature) => ({
    id: String(feature.id ?? feature.properties!.id),
    name: String(feature.properties!.name),
    lon: feature.geometry.coordinates[0]!,
    lat: feature.geometry.coordinates[1]!,
  }));
}

/** `[lon, lat]` of a label point of `data/basemap/places.geojson` (GeoNames for towns). */
export function readPlace(name: string): [number, number] {
  const places = readData<FeatureCollection<Point>>('basemap/places.geojson').features;
  const place = places.find((feature) => feature.properties!.name === name);
  if (place === undefined) throw new Error(`places.geojson has no place named "${name}"`);
  const [lon, lat] = place.geometry.coordinates;
  return [lon!, lat!];
}

/** The index over every committed input: line, crossings, provinces and country polygons. */
export function buildCommittedBorderIndex(options: BorderIndexOptions = {}): BorderIndex {
  return buildBorderIndex(
    readDurandLine().coordinates,
    readCrossings(),
    readData('provinces.geojson'),
    pickCountryPolygons(readData('basemap/countries.geojson')),
    options,
  );
}

/** mulberry32: a small seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
