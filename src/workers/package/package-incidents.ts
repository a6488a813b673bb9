/**
 * Rows read from a package as the engine's own incidents: each row's feature exactly as it was
 * loaded when the package was built, its load position, day and type, and its border fields.
 * A few rows at a time become a small table of the engine's kind, so a package's list rows,
 * details and exports are made by the very code that makes the in-tab ones.
 */
import { LAYOUT_ADAPTERS } from '../../domain/layouts/layout-registry';
import type { Layout } from '../../domain/layouts/layout-registry';
import type { Incident, IncidentFeature } from '../../domain/incident';
import { formatDayNumber } from '../../domain/incident-date';
import type { ImportFormat } from '../../domain/import/import-incidents';
import type { PackageManifest, RowColumnName } from '../../domain/package/package-manifest';
import { ROW_COLUMNS, SIDE_CODES } from '../../domain/package/package-manifest';
import type { BorderFields, DatasetSummary } from '../engine-protocol';
import { roundKm } from '../engine/border-fields';
import type { IncidentTable } from '../engine/incident-table';
import { buildIncidentTable } from '../engine/incident-table';
import type { ColumnBlock } from './read-columns';

/** Every column of a row: what a list row, the details and an export need. */
export const ALL_COLUMNS: readonly RowColumnName[] = ROW_COLUMNS.map((c) => c.name);

const FORMATS: readonly ImportFormat[] = [
  'geojson',
  'geojson-feature',
  'geojsonseq',
  'kml',
  'csv',
  'xlsx',
];

/** The package as the one dataset of the page. */
export function packageDataset(manifest: PackageManifest, id: string): DatasetSummary {
  const format = FORMATS.find((f) => f === manifest.source.format);
  const layout = LAYOUT_ADAPTERS.find((a) => a.layout === manifest.source.layout)?.layout;
  if (!format || !layout)
    throw new Error(
      `The package's source has a format or layout this app does not read (${manifest.source.format}, ${manifest.source.layout}): rebuild it with this version of "npm run package".`,
    );
  return {
    id,
    name: manifest.name,
    format,
    layout: layout satisfies Layout,
    loaded: manifest.count,
    rejectedCount: manifest.rejected.count,
    problems: [],
    rejected: manifest.rejected.first,
    warnings: [],
    warningCount: 0,
    columns: manifest.source.columns ?? null,
    options: {},
  };
}

/** A row read from the package: its row id, the incident, its border fields. */
export interface PackageRow {
  row: number;
  incident: Incident;
  border: BorderFields | null;
}

/** The rows of a block read with ALL_COLUMNS, those of `keep` only when given. */
export function rowsOf(
  block: ColumnBlock,
  manifest: PackageManifest,
  keep?: (row: number) => boolean,
): PackageRow[] {
  const c = block.columns;
  const rows: PackageRow[] = [];
  for (let i = 0; i < block.length; i++) {
    const row = block.start + i;
    if (keep && !keep(row)) continue;
    const lon = c.lon![i];
    const lat = c.lat![i];
    const located = typeof lon === 'number' && typeof lat === 'number';
    const precision = c.datePrecision![i];
    const incident: Incident = {
      index: Number(c.index![i]),
      key: String(c.id![i]),
      day: formatDayNumber(Number(c.day![i])),
      dayNumber: Number(c.day![i]),
      ...(precision === 'month' || precision === 'year' ? { datePrecision: precision } : {}),
      type: manifest.types[Number(c.type![i])]?.code ?? '',
      lon: located ? lon : null,
      lat: located ? lat : null,
      feature: JSON.parse(String(c.feature![i])) as IncidentFeature,
    };
    rows.push({ row, incident, border: borderOf(block, i, manifest) });
  }
  return rows;
}

/** Row i's border fields as the in-tab engine gives them (null when not measured). */
function borderOf(block: ColumnBlock, i: number, manifest: PackageManifest): BorderFields | null {
  const c = block.columns;
  const km = c.km![i];
  if (typeof km !== 'number' || Number.isNaN(km)) return null;
  const side = Number(c.side![i]);
  const crossing = manifest.crossings[Number(c.crossing![i])];
  const province = manifest.provinces[Number(c.province![i])];
  return {
    side: side === SIDE_CODES.AF ? 'AF' : side === SIDE_CODES.PK ? 'PK' : null,
    distanceKm: roundKm(km),
    chainageKm: roundKm(Number(c.chainage![i])),
    nearestCrossing: crossing?.name ?? null,
    nearestCrossingKm: crossing ? roundKm(Number(c.crossingKm![i])) : null,
    province: province?.id ?? null,
    provinceName: province?.name ?? null,
  };
}

/**
 * A table of the engine's kind over these rows (table row i is rows[i]). The CSV export writes a
 * table file's rows back under its header: the manifest's `source.columns`, or, in a package
 * written before it held them, the first row's properties (in the header's order, but without a
 * column the first row leaves empty).
 */
export function tableOf(rows: readonly PackageRow[], dataset: DatasetSummary): IncidentTable {
  const first = rows[0]?.incident.feature.properties;
  const tabular = dataset.format === 'csv' || dataset.format === 'xlsx';
  return buildIncidentTable([
    {
      summary:
        tabular && first && !dataset.columns
          ? { ...dataset, columns: Object.keys(first) }
          : dataset,
      set: {
        incidents: rows.map((r) => r.incident),
        rejected: [],
        warnings: [],
        collectionMembers: {},
      },
    },
  ]);
}
