import { exportFileName, geoJsonExportChunks } from '../domain/export-geojson';
import { findDayExtent } from '../domain/filter-incidents';
import type { Incident, IncidentSet, RejectedFeature } from '../domain/incident';
import { CSV_CHUNK_ROWS, exportCsv, exportCsvChunks } from '../domain/import/export-csv';
import { gatherBlob } from './file-blob';
import type { ImportOutcome } from '../domain/import/import-incidents';
import { importIncidents } from '../domain/import/import-incidents';
import type { IncidentIndex } from '../domain/incident-index';
import {
  buildIncidentIndex,
  collectMatchingRows,
  markMatchingRows,
  queryIncidentIndex,
  toIndexQuery,
} from '../domain/incident-index';
import type { FacetColumns } from '../domain/facet-columns';
import { FacetBuilder } from '../domain/facet-columns';
import type { Precision } from '../domain/incident-facets';
import {
  APPROXIMATE_PRECISIONS,
  PRECISIONS,
  readPrecision,
  readSearchText,
} from '../domain/incident-facets';
import type { JsonObject } from '../domain/parse-incidents';
import { IncidentFileError, isObject, truncateDeepValue } from '../domain/parse-incidents';
import { countProblems } from '../domain/import/rejection-problems';
import type { BorderIndex, BorderMeasures } from '../domain/border/border-measures';
import {
  buildBorderIndex,
  measureIncidents,
  measurePoint,
  pickCountryPolygons,
  SIDE_AF,
  SIDE_PK,
} from '../domain/border/border-measures';
import { compareTypeCodes } from '../domain/taxonomy';
import { distanceKm as distanceToKm } from '../domain/border/latitude-scale';
import type {
  DatasetSummary,
  EngineFilter,
  EngineSummary,
  ExportFormat,
  FeatureReply,
  FileReply,
  GeographyReply,
  LoadReply,
  BorderFields,
  FacetSummary,
  ListReply,
  ListRow,
  ListSort,
  LoadRequest,
  QueryReply,
  StripReply,
  TileReply,
} from './engine-protocol';
import { EMPTY_ENGINE_FILTER } from './engine-protocol';
import { buildListOrder, pageOfOrder, positionInOrder } from '../domain/list-order';
import { IncidentTiles } from '../domain/map-tiles/incident-tiles';
import { buildSpatialOrder } from '../domain/map-tiles/spatial-order';

/** How many rejections a load report carries; "Download rejected" returns all of them. */
const REPORTED_REJECTIONS = 500;

/** Separates the dataset from the type in the index's grouping codes. */
const KEY_SEPARATOR = '\u0000';

interface Dataset {
  summary: DatasetSummary;
  set: IncidentSet;
}

/** What the loaded data looks like to queries: all rows, and the index over them. */
interface Table {
  /** Every loaded incident, datasets in load order; a row id is a position here. */
  incidents: Incident[];
  /** The dataset of each row (position in `datasets`). */
  datasetOf: Uint16Array;
  /**
   * Grouped by (dataset, type), so one index query answers a filter on both and yields the
   * type counts (under the dataset filter) and the dataset counts (under the type filter).
   */
  index: IncidentIndex;
  /** For each index code: its dataset position and its type code. */
  keys: Array<{ dataset: number; type: string }>;
  /** The type codes present, in taxonomy order. */
  typeCodes: string[];
  /** Position in `typeCodes` of each row's type. */
  typeOf: Uint16Array;
  /** How many rows have coordinates. */
  located: number;
  /** Actors, countries, fatalities and precision per row, read on first need. */
  facets?: FacetColumns;
  /** The facet columns being made a slice at a time, until they are done. */
  facetBuilder?: FacetBuilder;
  /** Border measures per row, computed on first need once the geography is known. */
  measures?: BorderMeasures | undefined;
  /** The map's vector tiles over these rows, made on first need. */
  tiles?: IncidentTiles;
  /** Every row in each list order, made on first need (keyed `date:desc`…). */
  listOrders?: Map<string, Uint32Array>;
  summary: EngineSummary;
}

interface Match {
  count: number;
  unlocated: number;
  typeCounts: Map<string, number>;
  datasetCounts: number[];
  timeline: QueryReply['timeline'];
  /** Per row: passes the filters the index cannot answer; null when none is set. */
  extraMask: Uint8Array | null;
  /** The matching rows in load order (a fresh array each call). */
  rows: (located: boolean) => Uint32Array;
  /** Per row: 1 when it matches (and, with `located`, has coordinates). Made once, shared. */
  included: (located: boolean) => Uint8Array;
}

/** `included` for a match: one mask per kind, marked by `mark` on first need. */
function includedOf(size: number, mark: (mask: Uint8Array, located: boolean) => void) {
  const masks: Array<Uint8Array | undefined> = [];
  return (located: boolean) => {
    const kind = located ? 1 : 0;
    let mask = masks[kind];
    if (!mask) {
      mask = new Uint8Array(size);
      mark(mask, located);
      masks[kind] = mask;
    }
    return mask;
  };
}

/** How many actors the filter offers (the most frequent). */
const MAX_LISTED_ACTORS = 500;

function hasExtraFilters(filter: EngineFilter): boolean {
  return (
    filter.actors !== null ||
    filter.countries !== null ||
    filter.minFatalities !== null ||
    filter.precisions !== null ||
    filter.text.trim() !== '' ||
    filter.side !== null ||
    filter.borderKm !== null ||
    filter.chainageKm !== null ||
    filter.crossing !== null ||
    filter.province !== null
  );
}

/** The properties "Include computed fields" adds to each exported incident. */
const COMPUTED_FIELDS = [
  'border_side',
  'border_distance_km',
  'border_chainage_km',
  'nearest_crossing',
  'nearest_crossing_km',
  'admin1_derived',
] as const;

/** Shortest stretch worth its own name on the strip chart. */
const MIN_STRETCH_KM = 25;

/**
 * Names the stretches of the line after the Afghan province beside them: each vertex is
 * nudged about 3 km to the Afghan side and placed in a province; runs of one name become a
 * stretch, and runs too short to label are merged into the one before.
 */
function nameStretches(border: BorderIndex): Array<{ name: string; fromKm: number; toKm: number }> {
  const { line, vertexKm } = border;
  const vertices = line.length / 2;
  const stretches: Array<{ name: string; fromKm: number; toKm: number }> = [];
  for (let v = 0; v < vertices - 1; v++) {
    const [x0, y0, x1, y1] = [line[v * 2]!, line[v * 2 + 1]!, line[v * 2 + 2]!, line[v * 2 + 3]!];
    const length = Math.hypot(x1 - x0, y1 - y0) || 1;
    const [mx, my] = [(x0 + x1) / 2, (y0 + y1) / 2];
    const [nx, ny] = [(-(y1 - y0) / length) * 0.03, ((x1 - x0) / length) * 0.03];
    const left = measurePoint(border, mx + nx, my + ny);
    const beside = left.side === SIDE_AF ? left : measurePoint(border, mx - nx, my - ny);
    const province = border.provinces[beside.province];
    const name = province && province.country === 'AF' ? province.name : '';
    const last = stretches.at(-1);
    if (last && (last.name === name || name === '')) last.toKm = vertexKm[v + 1]!;
    else stretches.push({ name, fromKm: vertexKm[v]!, toKm: vertexKm[v + 1]! });
  }
  const merged: typeof stretches = [];
  for (const stretch of stretches) {
    const last = merged.at(-1);
    if (last && (stretch.toKm - stretch.fromKm < MIN_STRETCH_KM || last.name === stretch.name))
      last.toKm = stretch.toKm;
    else merged.push({ ...stretch });
  }
  return merged
    .filter((s) => s.name !== '')
    .map((s) => ({ name: s.name, fromKm: Math.round(s.fromKm), toKm: Math.round(s.toKm) }));
}

function round(km: number): number {
  return Math.round(km * 10) / 10;
}

/** The test of the filters the index cannot answer, for one row. */
function makeExtraPredicate(
  filter: EngineFilter,
  facets: FacetColumns,
  incidents: readonly Incident[],
  measures: BorderMeasures | null,
  border: BorderIndex | null,
) {
  const side = filter.side === 'AF' ? SIDE_AF : filter.side === 'PK' ? SIDE_PK : null;
  const crossing = filter.crossing
    ? (border?.crossings.findIndex((c) => c.id === filter.crossing!.id) ?? -1)
    : null;
  const province = filter.province
    ? (border?.provinces.findIndex((p) => p.id === filter.province) ?? -1)
    : null;
  const needsBorder =
    side !== null ||
    filter.borderKm !== null ||
    filter.chainageKm !== null ||
    crossing !== null ||
    province !== null;
  const idsOf = (names: readonly string[] | null, all: string[]) =>
    names === null ? null : new Set(names.map((name) => all.indexOf(name)).filter((id) => id >= 0));
  const actors = idsOf(filter.actors, facets.actorNames);
  const countries = idsOf(filter.countries, facets.countryNames);
  const precisions =
    filter.precisions === null
      ? null
      : new Set(filter.precisions.map((p) => PRECISIONS.indexOf(p as Precision)));
  const minFatalities = filter.minFatalities;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return (row: number): boolean => {
    if (needsBorder) {
      // Border filters hold only incidents that could be measured (located, geography loaded).
      if (!measures || Number.isNaN(measures.distanceKm[row]!)) return false;
      if (side !== null && measures.side[row] !== side) return false;
      const km = measures.distanceKm[row]!;
      if (filter.borderKm && (km < filter.borderKm[0] || km > filter.borderKm[1])) return false;
      const along = measures.chainageKm[row]!;
      if (filter.chainageKm && (along < filter.chainageKm[0] || along > filter.chainageKm[1]))
        return false;
      if (crossing !== null) {
        // Within km of that crossing: its distance, not just whether it is the nearest one.
        const c = border!.crossings[crossing];
        if (
          !c ||
          distanceToKm(c.lon, c.lat, incidents[row]!.lon!, incidents[row]!.lat!) >
            filter.crossing!.km
        )
          return false;
      }
      if (province !== null && measures.province[row] !== province) return false;
    }
    if (actors && !facets.actors[row]!.some((id) => actors.has(id))) return false;
    if (countries && !facets.countries[row]!.some((id) => countries.has(id))) return false;
    if (precisions && !precisions.has(facets.precision[row]!)) return false;
    if (minFatalities !== null && !(facets.fatalities[row]! >= minFatalities)) return false;
    if (words.length > 0) {
      const text = readSearchText(incidents[row]!.feature.properties);
      if (!words.every((word) => text.includes(word))) return false;
    }
    return true;
  };
}

/**
 * Holds every loaded dataset and answers the page's questions about them: counts, the rows to
 * draw, one feature in full, and exports. It runs inside a Web Worker in the app and inline in
 * tests; it knows nothing of either.
 */
export class IncidentEngine {
  private datasets: Dataset[] = [];
  private table: Table = buildTable([]);
  /** The last filter's match, reused by list pages and exports. */
  private lastMatch: { key: string; match: Match } | null = null;
  /** The filter of the latest query: what the map's tiles show. */
  private mapFilter: EngineFilter | null = null;
  private mapFilterKey: string | null = null;
  /** The Durand Line, crossings, provinces and the two countries, once the page has sent them. */
  private border: BorderIndex | null = null;

  /** Loads one file's content, replacing the loaded data, adding to it, or replacing one dataset. */
  load(
    input: ArrayBuffer | string,
    request: LoadRequest,
    onProgress?: (fraction: number) => void,
  ): LoadReply {
    const { source, options } = request;
    let outcome: ImportOutcome;
    try {
      outcome = importIncidents(input, { ...options, ...(onProgress ? { onProgress } : {}) });
    } catch (error) {
      if (error instanceof IncidentFileError)
        return { status: 'failed', message: `${source.name}: ${error.message}` };
      throw error;
    }
    return this.accept(outcome, request);
  }

  /** Adds an import's result (read whole or streamed) as a dataset. */
  accept(outcome: ImportOutcome, request: LoadRequest): LoadReply {
    const { datasetId, source, mode, options, replaceId } = request;
    if (outcome.status === 'needs-mapping') {
      const { format, columns, sample, reason } = outcome;
      return { status: 'needs-mapping', format, columns, sample, reason };
    }

    const { set } = outcome;
    const summary: DatasetSummary = {
      id: datasetId,
      name: source.name,
      format: outcome.format,
      layout: outcome.layout,
      loaded: set.incidents.length,
      rejectedCount: set.rejected.length,
      problems: countProblems(set.rejected),
      rejected: set.rejected.slice(0, REPORTED_REJECTIONS).map(({ index, line, id, reason }) => ({
        index,
        reason,
        ...(line === undefined ? {} : { line }),
        ...(id === undefined ? {} : { id }),
      })),
      warnings: set.warnings,
      columns: outcome.columns ?? null,
      options,
    };
    if (set.incidents.length === 0) return emptyReply(summary, set.rejected);
    const dataset: Dataset = { summary, set };
    const replaced = this.datasets.findIndex((d) => d.summary.id === replaceId);
    if (replaced >= 0) this.datasets[replaced] = dataset;
    else if (mode === 'replace') this.datasets = [dataset];
    else this.datasets.push(dataset);
    this.table = buildTable(this.datasets);
    this.lastMatch = null;
    this.mapFilterKey = null;
    return { status: 'loaded', summary: this.table.summary, dataset: summary };
  }

  /**
   * Takes the border geography (parsed GeoJSON of data/durand-line, crossings, provinces and
   * the basemap countries) and from then on measures every incident against it.
   */
  setGeography(geography: {
    durandLine: { features: Array<{ geometry: { coordinates: number[][] } }> };
    crossings: {
      features: Array<{
        geometry: { coordinates: number[] };
        properties: { id: string; name: string };
      }>;
    };
    provinces: Parameters<typeof buildBorderIndex>[2];
    countries: Parameters<typeof pickCountryPolygons>[0];
  }): GeographyReply {
    const line = geography.durandLine.features[0]!.geometry.coordinates as Array<[number, number]>;
    const crossings = geography.crossings.features.map((f) => ({
      id: f.properties.id,
      name: f.properties.name,
      lon: f.geometry.coordinates[0]!,
      lat: f.geometry.coordinates[1]!,
    }));
    this.border = buildBorderIndex(
      line,
      crossings,
      geography.provinces,
      pickCountryPolygons(geography.countries),
    );
    this.table.measures = undefined;
    this.lastMatch = null;
    this.mapFilterKey = null;
    return {
      lengthKm: this.border.lengthKm,
      segments: nameStretches(this.border),
      crossings: this.border.crossings.map(({ id, name }) => ({ id, name })),
      provinces: this.border.provinces.map(({ id, name, country }) => ({ id, name, country })),
    };
  }

  /** Whether incidents are measured against the border. */
  get hasGeography(): boolean {
    return this.border !== null;
  }

  /** Side, distance, chainage, nearest crossing and province of every row, computed once per load. */
  private measures(): BorderMeasures | null {
    if (!this.border) return null;
    this.table.measures ??= measureIncidents(
      this.border,
      this.table.index.lon,
      this.table.index.lat,
    );
    return this.table.measures;
  }

  private borderFields(row: number): BorderFields | null {
    const measures = this.measures();
    const border = this.border;
    if (!measures || !border || Number.isNaN(measures.distanceKm[row]!)) return null;
    const crossing = border.crossings[measures.nearestCrossing[row]!];
    const province = border.provinces[measures.province[row]!];
    const side = measures.side[row];
    return {
      side: side === SIDE_AF ? 'AF' : side === SIDE_PK ? 'PK' : null,
      distanceKm: round(measures.distanceKm[row]!),
      chainageKm: round(measures.chainageKm[row]!),
      nearestCrossing: crossing?.name ?? null,
      nearestCrossingKm: crossing ? round(measures.nearestCrossingKm[row]!) : null,
      province: province?.id ?? null,
      provinceName: province?.name ?? null,
    };
  }

  summarise(): EngineSummary {
    return this.table.summary;
  }

  /**
   * Counts and the timeline for a filter, which the map's tiles then show; the incidents per
   * province only when `provinces` (a pass over every row, for the choropleth).
   */
  query(filter: EngineFilter, provinces = true): QueryReply {
    const { index } = this.table;
    const match = this.match(filter);
    this.mapFilter = filter;
    return {
      count: match.count,
      total: index.size,
      unlocated: match.unlocated,
      typeCounts: this.table.typeCodes.map((code) => ({
        code,
        count: match.typeCounts.get(code) ?? 0,
      })),
      datasetCounts: this.datasets.map((d, i) => ({
        id: d.summary.id,
        count: match.datasetCounts[i]!,
      })),
      timeline: match.timeline,
      // Like every checkbox count, the choropleth ignores its own selection (the province).
      provinceCounts: provinces
        ? this.provinceCounts(
            filter.province === null ? match : this.match({ ...filter, province: null }),
          )
        : [],
    };
  }

  /**
   * One vector tile of the map, for the filter of the latest query. Tiles are asked for after
   * the query they follow, so the map never shows an older filter than the counts.
   */
  tile(z: number, x: number, y: number): TileReply {
    const table = this.table;
    table.tiles ??= new IncidentTiles({
      order: buildSpatialOrder(table.index.lon, table.index.lat),
      typeOf: table.typeOf,
      typeCodes: table.typeCodes,
      // Read here rather than through the facet columns: those (actors…) take seconds at 1M.
      approx: Uint8Array.from(table.incidents, ({ feature }) =>
        APPROXIMATE_PRECISIONS.has(readPrecision(feature.properties)) ? 1 : 0,
      ),
    });
    const filter = this.mapFilter ?? EMPTY_ENGINE_FILTER;
    const key = JSON.stringify(filter);
    if (key !== this.mapFilterKey) {
      const match = this.match(filter);
      table.tiles.setIncluded(match.included(true), match.count - match.unlocated);
      this.mapFilterKey = key;
    }
    const { data, etag } = table.tiles.tile(z, x, y);
    // A view of a larger buffer would post the whole buffer: copy when it is one.
    const bytes =
      data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
        ? (data.buffer as ArrayBuffer)
        : (data.slice().buffer as ArrayBuffer);
    return { data: bytes, etag };
  }

  /**
   * The incidents a filter keeps, and the counts around them. Date, type and dataset go through
   * the index; the other filters (actors, country, fatalities, precision, text) need a pass over
   * the rows, done only when one of them is set.
   */
  private match(filter: EngineFilter): Match {
    const key = JSON.stringify(filter);
    if (this.lastMatch?.key === key) return this.lastMatch.match;
    const match = hasExtraFilters(filter) ? this.matchByScan(filter) : this.matchByIndex(filter);
    this.lastMatch = { key, match };
    return match;
  }

  private matchByIndex(filter: EngineFilter): Match {
    const { index, keys, typeCodes } = this.table;
    const selected = this.selectedKeys(filter);
    const result = queryIncidentIndex(index, { ...toIndexQuery(filter), types: selected });
    const types = filter.types === null ? null : new Set(filter.types);
    const datasets = this.datasetSelection(filter);
    const typeCounts = new Map(typeCodes.map((code) => [code, 0]));
    const datasetCounts = new Array<number>(this.datasets.length).fill(0);
    // Each checkbox's count ignores its own group's selection: what ticking it would show.
    result.countsByType.forEach((n, k) => {
      const key = keys[k]!;
      if (datasets === null || datasets.has(key.dataset))
        typeCounts.set(key.type, typeCounts.get(key.type)! + n);
      if (types === null || types.has(key.type)) datasetCounts[key.dataset]! += n;
    });
    // The timeline spans the whole extent: the date filter is what it sets.
    const all = queryIncidentIndex(index, {
      fromDay: null,
      toDay: null,
      types: selected,
      stacked: true,
    });
    const days = all.histogram.counts.length;
    const byType = new Int32Array(typeCodes.length * days);
    const typePosition = new Map(typeCodes.map((code, i) => [code, i]));
    keys.forEach((key, k) => {
      const target = typePosition.get(key.type)! * days;
      const source = all.histogram.byType!.subarray(k * days, (k + 1) * days);
      for (let d = 0; d < days; d++) byType[target + d]! += source[d]!;
    });
    return {
      count: result.count,
      unlocated: result.unlocated,
      typeCounts,
      datasetCounts,
      timeline: { startDay: all.histogram.startDay, days, byType, typeCodes },
      extraMask: null,
      rows: (located) => collectMatchingRows(index, result, { located }),
      included: includedOf(index.size, (mask, located) =>
        markMatchingRows(index, result, mask, { located }),
      ),
    };
  }

  private matchByScan(filter: EngineFilter): Match {
    const { index, incidents, datasetOf, typeCodes } = this.table;
    const facets = this.facets();
    const typePosition = new Map(typeCodes.map((code, i) => [code, i]));
    const typeOk = new Uint8Array(typeCodes.length).map((_, t) =>
      filter.types === null || filter.types.includes(typeCodes[t]!) ? 1 : 0,
    );
    const datasets = this.datasetSelection(filter);
    const { fromDay, toDay } = toIndexQuery(filter);
    const from = fromDay ?? -Infinity;
    const to = toDay ?? Infinity;
    const passes = makeExtraPredicate(filter, facets, incidents, this.measures(), this.border);

    const days = index.size === 0 ? 0 : index.maxDay - index.minDay + 1;
    const byType = new Int32Array(typeCodes.length * days);
    const typeCounts = new Map(typeCodes.map((code) => [code, 0]));
    const datasetCounts = new Array<number>(this.datasets.length).fill(0);
    const extraMask = new Uint8Array(index.size);
    const matched: number[] = [];
    let unlocated = 0;
    for (let row = 0; row < index.size; row++) {
      if (!passes(row)) continue;
      extraMask[row] = 1;
      const t = typePosition.get(incidents[row]!.type)!;
      const d = datasetOf[row]!;
      const datasetOk = datasets === null || datasets.has(d);
      const day = index.day[row]!;
      if (typeOk[t] && datasetOk) byType[t * days + (day - index.minDay)]! += 1;
      if (day < from || day > to) continue;
      if (datasetOk) typeCounts.set(typeCodes[t]!, typeCounts.get(typeCodes[t]!)! + 1);
      if (typeOk[t]) datasetCounts[d]! += 1;
      if (typeOk[t] && datasetOk) {
        matched.push(row);
        if (Number.isNaN(index.lon[row]!)) unlocated++;
      }
    }
    const rows = Uint32Array.from(matched);
    return {
      count: rows.length,
      unlocated,
      typeCounts,
      datasetCounts,
      timeline: { startDay: index.minDay, days, byType, typeCodes },
      extraMask,
      rows: (located) =>
        located ? rows.filter((row) => !Number.isNaN(index.lon[row]!)) : rows.slice(),
      included: includedOf(index.size, (mask, located) => {
        for (const row of rows) if (!located || !Number.isNaN(index.lon[row]!)) mask[row] = 1;
      }),
    };
  }

  /** A copy of the incident whose feature also carries the border measures. */
  private withComputedFields(incident: Incident, row: number): Incident {
    const fields = this.borderFields(row);
    const computed = {
      border_side: fields?.side ?? null,
      border_distance_km: fields?.distanceKm ?? null,
      border_chainage_km: fields?.chainageKm ?? null,
      nearest_crossing: fields?.nearestCrossing ?? null,
      nearest_crossing_km: fields?.nearestCrossingKm ?? null,
      admin1_derived: fields?.provinceName ?? null,
    };
    // Spread copies own keys as data, so a `__proto__` property stays a property.
    const feature = {
      ...incident.feature,
      properties: { ...incident.feature.properties, ...computed },
    };
    return { ...incident, feature };
  }

  private provinceCounts(match: Match): QueryReply['provinceCounts'] {
    const measures = this.measures();
    if (!measures || !this.border) return [];
    const counts = new Array<number>(this.border.provinces.length).fill(0);
    // The mask is the map's too: made once per filter for both.
    const included = match.included(true);
    for (let row = 0; row < included.length; row++) {
      if (included[row] !== 1) continue;
      const province = measures.province[row]!;
      if (province >= 0) counts[province]! += 1;
    }
    return this.border.provinces.map((p, i) => ({ id: p.id, name: p.name, count: counts[i]! }));
  }

  /** The strip chart's marks: located matches under every filter but the chainage brush. */
  strip(filter: EngineFilter): StripReply {
    const measures = this.measures();
    const lengthKm = this.border?.lengthKm ?? 0;
    const { typeCodes, incidents, index } = this.table;
    if (!measures) {
      return {
        rows: new Uint32Array(0),
        chainageKm: new Float32Array(0),
        day: new Int32Array(0),
        type: new Uint16Array(0),
        typeCodes,
        lengthKm,
      };
    }
    const rows = this.match({ ...filter, chainageKm: null }).rows(true);
    const typePosition = new Map(typeCodes.map((code, i) => [code, i]));
    const chainageKm = new Float32Array(rows.length);
    const day = new Int32Array(rows.length);
    const type = new Uint16Array(rows.length);
    rows.forEach((row, i) => {
      chainageKm[i] = measures.chainageKm[row]!;
      day[i] = index.day[row]!;
      type[i] = typePosition.get(incidents[row]!.type)!;
    });
    return { rows, chainageKm, day, type, typeCodes, lengthKm };
  }

  /** Per-row facet columns, read once per load on first need. */
  private facets(): FacetColumns {
    const table = this.table;
    table.facets ??= (table.facetBuilder ?? new FacetBuilder(table.incidents)).finish();
    return table.facets;
  }

  /**
   * Makes the facet columns until `deadline` (performance.now()), to be called again until it
   * returns true: the host runs other requests between two calls.
   */
  buildFacets(deadline: number): boolean {
    const table = this.table;
    if (table.facets) return true;
    table.facetBuilder ??= new FacetBuilder(table.incidents);
    const columns = table.facetBuilder.step(deadline);
    if (columns) table.facets = columns;
    return columns !== null;
  }

  /** What the filters can choose from: actors, countries and precisions, with counts. */
  facetSummary(): FacetSummary {
    const facets = this.facets();
    const count = (lists: Iterable<number[]>, names: string[]) => {
      const counts = new Array<number>(names.length).fill(0);
      for (const list of lists) for (const id of list) counts[id]! += 1;
      return names
        .map((name, i) => ({ name, count: counts[i]! }))
        .sort((a, b) => b.count - a.count);
    };
    return {
      actors: count(facets.actors, facets.actorNames).slice(0, MAX_LISTED_ACTORS),
      countries: count(facets.countries, facets.countryNames),
      precisions: count(
        Array.from(facets.precision, (p) => [p]),
        [...PRECISIONS],
      ).filter((p) => p.count > 0),
    };
  }

  /** One page of the matching incidents in the list's order. */
  list(filter: EngineFilter, sort: ListSort, offset: number, limit: number): ListReply {
    const match = this.match(filter);
    const page = pageOfOrder(this.listOrder(sort), match.included(false), offset, limit);
    return { total: match.count, offset, rows: Array.from(page, (row) => this.listRow(row)) };
  }

  /** List rows for these row ids (unknown ids are skipped), e.g. the incidents under a click. */
  describe(rows: readonly number[]): ListRow[] {
    return rows
      .filter((row) => row >= 0 && row < this.table.incidents.length)
      .map((row) => this.listRow(row));
  }

  /** Where a row stands in the list's order, or -1 when the filter hides it. */
  listPosition(filter: EngineFilter, sort: ListSort, row: number): number {
    return positionInOrder(this.listOrder(sort), this.match(filter).included(false), row);
  }

  /** Every row in a list order, made once per load and order. */
  private listOrder(sort: ListSort): Uint32Array {
    const orders = (this.table.listOrders ??= new Map());
    const key = `${sort.key}:${sort.direction}`;
    let order = orders.get(key);
    if (!order) {
      const { day, minDay, maxDay } = this.table.index;
      const fatalities = sort.key === 'fatalities' ? this.facets().fatalities : new Float32Array(0);
      order = buildListOrder(sort.key, sort.direction, { day, minDay, maxDay, fatalities });
      orders.set(key, order);
    }
    return order;
  }

  private listRow(row: number): ListRow {
    const incident = this.table.incidents[row]!;
    const properties = incident.feature.properties;
    const text = (...keys: string[]) => {
      for (const key of keys) {
        const value = Object.hasOwn(properties, key) ? properties[key] : undefined;
        if (typeof value === 'string' && value.trim() !== '') return value;
        if (Array.isArray(value) && value.length > 0)
          return value.filter((v) => typeof v === 'string').join(', ');
      }
      return '';
    };
    const place = [
      text('place', 'location', 'where_description'),
      text('province', 'admin1', 'adm_1'),
    ]
      .filter(Boolean)
      .join(', ');
    const min = this.facets().fatalitiesMin[row]!;
    const max = this.facets().fatalities[row]!;
    const fatalities = Number.isNaN(max)
      ? ''
      : Number.isNaN(min) || min === max
        ? String(max)
        : `${min}–${max}`;
    return {
      row,
      day: incident.day,
      type: incident.type,
      place,
      fatalities,
      summary: text('summary', 'notes', 'source_headline').slice(0, 300),
      dataset: this.datasets[this.table.datasetOf[row]!]!.summary.name,
    };
  }

  /** The row of the first incident with this id, or -1. */
  findRow(key: string): number {
    return this.table.incidents.findIndex((incident) => incident.key === key);
  }

  /** One incident in full, by row id. */
  feature(row: number): FeatureReply | null {
    const incident = this.table.incidents[row];
    if (!incident) return null;
    const dataset = this.datasets[this.table.datasetOf[row]!]!;
    return {
      row,
      feature: incident.feature,
      day: incident.day,
      ...(incident.datePrecision ? { datePrecision: incident.datePrecision } : {}),
      type: incident.type,
      key: incident.key,
      lon: incident.lon,
      lat: incident.lat,
      datasetId: dataset.summary.id,
      datasetName: dataset.summary.name,
      border: this.borderFields(row),
    };
  }

  /**
   * The matching incidents as a file, each feature exactly as loaded, in load order. With
   * `computedFields`, copies of the features carry the border measures as extra properties.
   */
  export(
    filter: EngineFilter,
    format: ExportFormat,
    computedFields = false,
    onProgress?: (fraction: number) => void,
  ): FileReply {
    const { incidents, datasetOf } = this.table;
    const rows = this.match(filter).rows(false);
    const matching = Array.from(rows, (row) =>
      computedFields ? this.withComputedFields(incidents[row]!, row) : incidents[row]!,
    );
    const sources = new Set(Array.from(rows, (row) => datasetOf[row]!));
    const context = {
      filter,
      loaded: incidents,
      source: [...sources].map((d) => this.datasets[d]!.summary.name).join('; '),
    };
    const fileName = exportFileName(context);
    if (format === 'csv') {
      // A single CSV source keeps its own columns; anything else is flattened.
      const only = sources.size === 1 ? this.datasets[[...sources][0]!]! : null;
      const columns =
        only?.summary.columns && computedFields
          ? [...only.summary.columns, ...COMPUTED_FIELDS]
          : (only?.summary.columns ?? null);
      return {
        blob: gatherBlob(
          exportCsvChunks(matching, columns),
          'text/csv',
          1 + Math.ceil(matching.length / CSV_CHUNK_ROWS),
          onProgress,
        ),
        fileName: fileName.replace(/\.geojson$/, '.csv'),
        mimeType: 'text/csv',
      };
    }
    const mimeType = 'application/geo+json';
    return {
      blob: gatherBlob(
        geoJsonExportChunks(matching, context),
        mimeType,
        matching.length + 2,
        onProgress,
      ),
      fileName,
      mimeType,
    };
  }

  /** The rejected features of one dataset, exactly as they came in. */
  rejected(datasetId: string): FileReply | null {
    const dataset = this.datasets.find((d) => d.summary.id === datasetId);
    if (!dataset) return null;
    const raws = dataset.set.rejected.map((r) => r.raw ?? JSON.stringify(r.input));
    const base = dataset.summary.name.replace(/\.[^.]*$/, '');
    const file = (text: string, fileName: string, mimeType: string): FileReply => ({
      blob: new Blob([text], { type: mimeType }),
      fileName,
      mimeType,
    });
    switch (dataset.summary.format) {
      case 'csv':
        return file(
          [exportCsv([], dataset.summary.columns).trimEnd(), ...raws].join('\r\n') + '\r\n',
          `${base}-rejected.csv`,
          'text/csv',
        );
      case 'geojsonseq':
        return file(
          raws.join('\n') + '\n',
          `${base}-rejected.geojsonl`,
          'application/geo+json-seq',
        );
      default:
        return file(
          `{"type":"FeatureCollection","features":[\n${raws.join(',\n')}\n]}\n`,
          `${base}-rejected.geojson`,
          'application/geo+json',
        );
    }
  }

  /** Dataset positions the filter keeps, or null for all. */
  private datasetSelection(filter: EngineFilter): Set<number> | null {
    if (filter.datasets === null) return null;
    const wanted = new Set(filter.datasets);
    return new Set(this.datasets.flatMap((d, i) => (wanted.has(d.summary.id) ? [i] : [])));
  }

  /** The index codes of the selected (dataset, type) pairs, or null for all. */
  private selectedKeys(filter: EngineFilter): string[] | null {
    if (filter.types === null && filter.datasets === null) return null;
    const types = filter.types === null ? null : new Set(filter.types);
    const datasets = this.datasetSelection(filter);
    return this.table.keys.flatMap((key, k) =>
      (types === null || types.has(key.type)) && (datasets === null || datasets.has(key.dataset))
        ? [this.table.index.typeCodes[k]!]
        : [],
    );
  }
}

function buildTable(datasets: Dataset[]): Table {
  const incidents: Incident[] = [];
  const positions: number[] = [];
  datasets.forEach((dataset, d) => {
    for (const incident of dataset.set.incidents) {
      incidents.push(incident);
      positions.push(d);
    }
  });
  const datasetOf = Uint16Array.from(positions);
  const index = buildIncidentIndex(incidents, {
    codeOf: (incident, row) => `${datasetOf[row]}${KEY_SEPARATOR}${incident.type}`,
  });
  const keys = index.typeCodes.map((code) => {
    const at = code.indexOf(KEY_SEPARATOR);
    return { dataset: Number(code.slice(0, at)), type: code.slice(at + 1) };
  });
  const typeCodes = [...new Set(keys.map((key) => key.type))].sort(compareTypeCodes);
  const typePosition = new Map(typeCodes.map((code, i) => [code, i]));
  const typeOf = new Uint16Array(incidents.length);
  incidents.forEach((incident, row) => (typeOf[row] = typePosition.get(incident.type)!));
  let located = 0;
  for (const incident of incidents) if (incident.lon !== null) located++;
  return {
    located,
    incidents,
    datasetOf,
    index,
    keys,
    typeCodes,
    typeOf,
    summary: {
      datasets: datasets.map((d) => d.summary),
      total: incidents.length,
      typeCodes,
      dayExtent: findDayExtent(incidents),
    },
  };
}

/** How many rejected rows or features give the "Choose columns again" dialog its columns. */
const EMPTY_SAMPLE_ROWS = 5;

/**
 * The answer for a file of which nothing loaded: the dataset's report, and the columns (or
 * property names) of what was rejected, with the first few, for the mapping dialog.
 */
function emptyReply(summary: DatasetSummary, rejected: readonly RejectedFeature[]): LoadReply {
  const rows = rejected
    .map(({ input }) => (isObject(input) && isObject(input.properties) ? input.properties : input))
    .filter(isObject);
  const columns = new Set<string>();
  for (const row of rows.slice(0, 100)) for (const key of Object.keys(row)) columns.add(key);
  return {
    status: 'empty',
    dataset: summary,
    columns: [...columns],
    sample: rows.slice(0, EMPTY_SAMPLE_ROWS).map((row) => truncateDeepValue(row) as JsonObject),
  };
}
