/**
 * The engine's facade: holds the datasets and the border geography and answers the page through
 * the pure modules of engine/. It runs in a Web Worker in the app, inline in tests.
 */
import type { BorderIndex, BorderMeasures } from '../domain/border/border-measures';
import { measureIncidents } from '../domain/border/border-measures';
import type { FacetColumns } from '../domain/facet-columns';
import type { ImportOutcome } from '../domain/import/import-incidents';
import { pageOfOrder, positionInOrder } from '../domain/list-order';
import type * as P from './engine-protocol';
import { EMPTY_ENGINE_FILTER } from './engine-protocol';
import type { BorderGeography } from './engine/border-geography';
import { buildBorderGeography, describeBorderGeography } from './engine/border-geography';
import {
  countByProvince,
  readBorderFields,
  stripMarks,
  withComputedFields,
} from './engine/border-fields';
import { NoteIndex, withNoteFields } from './engine/analyst-notes';
import { emptyReply, importFile, summariseDataset } from './engine/dataset-reply';
import { exportRows, rejectedFile } from './engine/engine-files';
import { summariseFacets } from './engine/facet-summary';
import type { Dataset, IncidentTable } from './engine/incident-table';
import { buildIncidentTable, TooManyTypesError } from './engine/incident-table';
import { featureReply, listOrder, listRow } from './engine/list-rows';
import { mapTile } from './engine/map-tiles';
import { facetBuilderFor, rowSearchTexts } from './engine/row-views';
import type { Match } from './engine/match-filter';
import { matchFilter, queryReply } from './engine/match-filter';
import type { UnknownValues } from '../domain/filters/filter-table';
import { findUnknownValues, makeRowTest } from '../domain/filters/filter-table';
import type { UrlFilter } from '../domain/url-state';
import type { AnalystNote } from '../domain/notes/analyst-note';
import type { IncidentSource } from './incident-source';
import type { PackageSource } from './package/package-source';

export class IncidentEngine implements IncidentSource {
  private datasets: Dataset[] = [];
  /** The open dataset package, which the page's calls are answered from instead of the table. */
  private package: PackageSource | null = null;
  private table: IncidentTable = buildIncidentTable([]);
  /** The last filter's match, reused by list pages and exports. */
  private lastMatch: { key: string; match: Match } | null = null;
  /** The filter of the latest query: what the map's tiles show. */
  private mapFilter: P.EngineFilter | null = null;
  /** The Durand Line, crossings, provinces and the two countries, once the page has sent them. */
  private border: BorderIndex | null = null;
  /** The analyst's notes, as the page last sent them. */
  private notes = new NoteIndex();
  /** What an open package reads of the engine: the geography and the notes as they are now. */
  readonly packageHost = { border: () => this.border, notes: () => this.notes };

  /** Loads one file's content, replacing the loaded data, adding to it, or replacing one dataset. */
  load(
    input: ArrayBuffer | string,
    request: P.LoadRequest,
    onProgress?: (fraction: number) => void,
  ): P.LoadReply {
    const outcome = importFile(input, request, onProgress);
    return outcome.status === 'failed' ? outcome : this.accept(outcome, request);
  }

  /** Adds an import's result (read whole or streamed) as a dataset. */
  accept(outcome: ImportOutcome, request: P.LoadRequest): P.LoadReply {
    if (outcome.status === 'needs-mapping') {
      const { format, columns, sample, reason, sent } = outcome;
      return {
        status: 'needs-mapping',
        format,
        columns,
        sample,
        reason,
        ...(sent ? { sent } : {}),
      };
    }
    const summary = summariseDataset(outcome, request);
    // Nothing loaded: what was shown stays, and the report says why.
    if (outcome.set.incidents.length === 0) return emptyReply(summary, outcome.set.rejected);
    if (this.package && request.mode === 'add' && !request.replaceId)
      return {
        status: 'failed',
        message: `${request.source.name}: incidents cannot be added to a dataset package. Open the file to replace the package instead.`,
      };
    const dataset: Dataset = { summary, set: outcome.set };
    const datasets = [...this.datasets];
    const replaced = datasets.findIndex((d) => d.summary.id === request.replaceId);
    if (replaced >= 0) datasets[replaced] = dataset;
    else if (request.mode === 'replace') datasets.splice(0, datasets.length, dataset);
    else datasets.push(dataset);
    try {
      this.showDatasets(datasets);
      this.package = null;
    } catch (error) {
      // What was shown stays shown.
      if (error instanceof TooManyTypesError)
        return { status: 'failed', message: error.message, failure: { reason: error.sent } };
      throw error;
    }
    return { status: 'loaded', summary: this.table.summary, dataset: summary };
  }

  /** Shows a dataset package in place of whatever was shown: calls are answered from it. */
  showPackage(source: PackageSource): P.EngineSummary {
    this.showDatasets([]);
    this.package = source;
    return source.summary;
  }

  /** Where the page's calls are answered from: the open package, else the loaded data. */
  get source(): IncidentSource {
    return this.package ?? this;
  }

  /** Takes the border geography and from then on measures every incident against it. */
  setGeography(geography: BorderGeography): P.GeographyReply {
    this.border = buildBorderGeography(geography);
    this.table.measures = undefined;
    this.forgetMatches();
    return describeBorderGeography(this.border);
  }

  /** Takes the analyst's notes (all of them, each time they change); says how many it holds. */
  setNotes(notes: readonly AnalystNote[]): number {
    this.notes = new NoteIndex(notes);
    this.forgetMatches();
    return this.notes.size;
  }

  /** Whether incidents are measured against the border. */
  get hasGeography(): boolean {
    return this.border !== null;
  }

  /** Drops one dataset (the user removed it); the others stay, in their order. */
  remove(datasetId: string): P.EngineSummary {
    if (this.package?.dataset.id === datasetId) this.package = null;
    this.showDatasets(this.datasets.filter((d) => d.summary.id !== datasetId));
    return this.table.summary;
  }

  summarise(): P.EngineSummary {
    return this.package?.summary ?? this.table.summary;
  }

  /**
   * Counts and the timeline for a filter, which the map's tiles then show; the incidents per
   * province only when `provinces` (a pass over every row, for the choropleth).
   */
  query(filter: P.EngineFilter, provinces = true): P.QueryReply {
    const match = this.match(filter);
    this.mapFilter = filter;
    // Like every checkbox count, the choropleth ignores its own selection (the province).
    const forProvinces = () =>
      filter.province === null ? match : this.match({ ...filter, province: null });
    const provinceCounts = provinces
      ? countByProvince(this.measures(), this.border, forProvinces().included(true))
      : [];
    return queryReply(this.table, match, provinceCounts);
  }

  /**
   * One vector tile of the map, for the filter of the latest query. Tiles are asked for after
   * the query they follow, so the map never shows an older filter than the counts.
   */
  tile(z: number, x: number, y: number): P.TileReply {
    const filter = this.mapFilter ?? EMPTY_ENGINE_FILTER;
    return mapTile(this.table, JSON.stringify(filter), () => this.match(filter), z, x, y);
  }

  /** The strip chart's marks: located matches under every filter but the chainage brush. */
  strip(filter: P.EngineFilter): P.StripReply {
    return stripMarks(this.table, this.measures(), this.border?.lengthKm ?? 0, () =>
      this.match({ ...filter, chainageKm: null }).rows(true),
    );
  }

  /**
   * Makes the facet columns until `deadline` (performance.now()), to be called again until it
   * returns true: the host runs other requests between two calls.
   */
  buildFacets(deadline: number): boolean {
    const table = this.table;
    if (table.facets) return true;
    table.facetBuilder ??= facetBuilderFor(table);
    const columns = table.facetBuilder.step(deadline);
    if (columns) table.facets = columns;
    return columns !== null;
  }

  /** What the filters can choose from, with counts. */
  facetSummary(): P.FacetSummary {
    return summariseFacets(this.facets());
  }

  /**
   * The values of these dimensions (by name) that name nothing loaded or on the map; only the
   * dimensions whose source is here (data loaded, geography set) are answered.
   */
  unknownValues(filter: UrlFilter, dimensions: readonly string[]): UnknownValues[] {
    return findUnknownValues(filter, dimensions, {
      data:
        this.datasets.length > 0
          ? { typeCodes: this.table.summary.typeCodes, facets: () => this.facets() }
          : null,
      border: this.border,
    });
  }

  /** One page of the matching incidents in the list's order. */
  list(filter: P.EngineFilter, sort: P.ListSort, offset: number, limit: number): P.ListReply {
    const match = this.match(filter);
    const order = listOrder(this.table, sort, () => this.facets());
    const page = pageOfOrder(order, match.included(false), offset, limit);
    return { total: match.count, offset, rows: this.describe(Array.from(page)) };
  }

  /** List rows for these row ids (unknown ids are skipped), e.g. the incidents under a click. */
  describe(rows: readonly number[]): P.ListRow[] {
    return rows
      .filter((row) => row >= 0 && row < this.table.incidents.length)
      .map((row) => listRow(this.table, row));
  }

  /** Where a row stands in the list's order, or -1 when the filter hides it. */
  listPosition(filter: P.EngineFilter, sort: P.ListSort, row: number): number {
    const order = listOrder(this.table, sort, () => this.facets());
    return positionInOrder(order, this.match(filter).included(false), row);
  }

  /** The row of the first incident with this id, or -1. */
  findRow(key: string): number {
    return this.table.incidents.findIndex((incident) => incident.key === key);
  }

  /** One incident in full, by row id. */
  feature(row: number): P.FeatureReply | null {
    return featureReply(this.table, row, this.borderFields(row));
  }

  /**
   * The matching incidents as a file, each feature exactly as loaded, in load order. With
   * `extras`, copies of the features carry the border measures or the analyst's notes too,
   * and a CSV's cells that start like a formula get a `'` in front when spreadsheet-safe.
   */
  export(
    filter: P.EngineFilter,
    format: P.ExportFormat,
    extras: P.ExportExtras = {},
    onProgress?: (fraction: number) => void,
  ): P.FileReply {
    const { incidents } = this.table;
    const notes = extras.analystNotes ? this.notes.rows(this.table) : null;
    return exportRows(this.table, this.match(filter).rows(false), {
      filter,
      format,
      extras,
      onProgress,
      incidentOf: (row) => {
        let incident = incidents[row]!;
        if (extras.computedFields) incident = withComputedFields(incident, this.borderFields(row));
        return notes ? withNoteFields(incident, notes.get(row)) : incident;
      },
    });
  }

  /** The rejected features of one dataset, exactly as they came in. */
  rejected(datasetId: string): P.FileReply | null {
    const dataset = this.datasets.find((d) => d.summary.id === datasetId);
    return dataset ? rejectedFile(dataset) : null;
  }

  /** The match of a filter; the last one is kept for list pages, tiles and exports. */
  private match(filter: P.EngineFilter): Match {
    const key = JSON.stringify(filter);
    if (this.lastMatch?.key === key) return this.lastMatch.match;
    const rowTest = makeRowTest(filter, {
      incidents: this.table.incidents,
      facets: () => this.facets(),
      searchText: rowSearchTexts(this.table),
      measures: this.measures(),
      border: this.border,
      notes: () => this.notes.rows(this.table),
    });
    const match = matchFilter(this.table, filter, rowTest);
    this.lastMatch = { key, match };
    return match;
  }

  /** Builds the table of these datasets; every match made before is forgotten. */
  private showDatasets(datasets: Dataset[]): void {
    const table = buildIncidentTable(datasets);
    this.datasets = datasets;
    this.table = table;
    this.forgetMatches();
  }

  private forgetMatches(): void {
    this.lastMatch = null;
    this.table.tilesFilterKey = null;
  }

  /** Per-row facet columns, read once per load on first need. */
  private facets(): FacetColumns {
    const table = this.table;
    table.facets ??= (table.facetBuilder ?? facetBuilderFor(table)).finish();
    return table.facets;
  }

  /** Side, distance, chainage, nearest crossing and province of every row, computed once per load. */
  private measures(): BorderMeasures | null {
    if (!this.border) return null;
    const { index } = this.table;
    this.table.measures ??= measureIncidents(this.border, index.lon, index.lat);
    return this.table.measures;
  }

  private borderFields(row: number): P.BorderFields | null {
    return readBorderFields(this.measures(), this.border, row);
  }
}
