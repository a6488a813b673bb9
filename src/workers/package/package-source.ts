/**
 * An open dataset package as a source the engine answers from, beside the loaded data: the same
 * calls (query, tiles, list, details, export), answered from its counts (read once), its tiles
 * and the row groups a call needs, each read by HTTP range requests. Nothing of it is loaded
 * whole. It answers the filters its counts hold (package-answers.ts) and refuses the others.
 */
import type { BorderIndex } from '../../domain/border/border-measures';
import type { UnknownValues } from '../../domain/filters/filter-table';
import { findUnknownValues } from '../../domain/filters/filter-table';
import { packageDimensions } from '../../domain/filters/package-answers';
import { parseDay } from '../../domain/incident-date';
import type { PackageManifest } from '../../domain/package/package-manifest';
import { heldTileAttributes } from '../../domain/package/package-manifest';
import { compareTypeCodes } from '../../domain/taxonomy';
import type * as P from '../engine-protocol';
import { EMPTY_ENGINE_FILTER } from '../engine-protocol';
import type { NoteIndex } from '../engine/analyst-notes';
import { withNoteFields } from '../engine/analyst-notes';
import { withComputedFields } from '../engine/border-fields';
import { exportRows } from '../engine/engine-files';
import { featureReply, listRow } from '../engine/list-rows';
import { PackageCounts } from './package-counts';
import type { PackageRow } from './package-incidents';
import { ALL_COLUMNS, packageDataset, rowsOf, tableOf } from './package-incidents';
import { PackageFiles } from './package-files';
import { keeps, PackageList } from './package-list';
import type { PackageQuery } from './package-query';
import { compileQuery } from './package-query';
import { FILTER_COLUMNS, PackageRows } from './package-rows';
import { PackageTiles } from './package-tiles';

/** What a package source reads from the engine it sits in. */
export interface PackageHost {
  border: () => BorderIndex | null;
  notes: () => NoteIndex;
}

export class PackageSource {
  readonly summary: P.EngineSummary;
  readonly dataset: P.DatasetSummary;
  private readonly list_: PackageList;
  /** Summary type position → the package's own type position. */
  private readonly typeOrder: number[];
  /** The query of the latest filter: what the map's tiles show. */
  private mapQuery: PackageQuery;
  /** Rows already read, by incident id: how a link's incident is found without a scan. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly manifest: PackageManifest,
    private readonly counts: PackageCounts,
    private readonly rows: PackageRows,
    private readonly tiles: PackageTiles,
    private readonly host: PackageHost,
    url: string,
    datasetId: string,
  ) {
    this.dataset = packageDataset(manifest, datasetId);
    const codes = manifest.types.map((t) => t.code);
    const typeCodes = [...codes].sort(compareTypeCodes);
    this.typeOrder = typeCodes.map((code) => codes.indexOf(code));
    this.summary = {
      datasets: [this.dataset],
      total: manifest.count,
      typeCodes,
      dayExtent: manifest.days ? { from: manifest.days.first, to: manifest.days.last } : null,
      package: {
        name: manifest.name,
        url,
        kmBands: [...manifest.kmBands],
        tileAttributes: [...heldTileAttributes(manifest.tiles.zooms)],
      },
    };
    this.list_ = new PackageList(counts, rows);
    this.mapQuery = this.compile(EMPTY_ENGINE_FILTER);
  }

  /** Opens the package of this manifest (already validated) and reads its counts. */
  static async open(
    url: string,
    manifest: PackageManifest,
    datasetId: string,
    host: PackageHost,
  ): Promise<PackageSource> {
    const files = new PackageFiles(url);
    const first = manifest.days ? parseDay(manifest.days.first)!.dayNumber : 0;
    const last = manifest.days ? parseDay(manifest.days.last)!.dayNumber : -1;
    const counts = await PackageCounts.read(files, manifest, {
      firstDay: first,
      days: last - first + 1,
    });
    const rows = new PackageRows(files, manifest);
    const tiles = new PackageTiles(files.url(manifest.tiles.file), manifest, (part, row) =>
      rows.rowId(part, row),
    );
    return new PackageSource(manifest, counts, rows, tiles, host, url, datasetId);
  }

  query(filter: P.EngineFilter, provinces = true): P.QueryReply {
    const query = this.compile(filter);
    this.mapQuery = query;
    const { manifest, typeOrder } = this;
    const answer = this.counts.answer(query, manifest.types.length, manifest.provinces.length);
    const { days, firstDay } = this.counts;
    const byType = new Int32Array(typeOrder.length * days);
    typeOrder.forEach((own, t) =>
      byType.set(answer.byType.subarray(own * days, (own + 1) * days), t * days),
    );
    return {
      count: answer.count,
      total: manifest.count,
      unlocated: answer.unlocated,
      typeCounts: this.summary.typeCodes.map((code, t) => ({
        code,
        count: answer.typeCounts[typeOrder[t]!]!,
      })),
      datasetCounts: [{ id: this.dataset.id, count: answer.count }],
      timeline: { startDay: firstDay, days, byType, typeCodes: this.summary.typeCodes },
      provinceCounts: provinces
        ? manifest.provinces.map((p, i) => ({
            id: p.id,
            name: p.name,
            count: answer.provinceCounts[i]!,
          }))
        : [],
    };
  }

  /** One map tile for the latest query's filter. */
  tile(z: number, x: number, y: number): Promise<P.TileReply> {
    return this.tiles.tile(this.mapQuery, z, x, y);
  }

  /** A package's facets are its types alone, which every query counts: nothing to make. */
  buildFacets(): boolean {
    return true;
  }

  /** No actor, country, source or precision choices: a package cannot filter by them. */
  facetSummary(): P.FacetSummary {
    return { actors: [], countries: [], sources: [], precisions: [] };
  }

  async list(
    filter: P.EngineFilter,
    sort: P.ListSort,
    offset: number,
    limit: number,
  ): Promise<P.ListReply> {
    const { total, rows } = await this.list_.page(this.compile(filter), sort, offset, limit);
    return { total, offset, rows: await this.describe(rows) };
  }

  listPosition(filter: P.EngineFilter, sort: P.ListSort, row: number): Promise<number> {
    return this.list_.position(this.compile(filter), sort, row);
  }

  /** List rows for these row ids, in their order (unknown ids are skipped). */
  async describe(rowIds: readonly number[]): Promise<P.ListRow[]> {
    const read = await this.readRows(rowIds);
    const table = tableOf(read, this.dataset);
    const at = new Map(read.map((r, i) => [r.row, i]));
    return rowIds.flatMap((row) => {
      const i = at.get(row);
      return i === undefined ? [] : [{ ...listRow(table, i), row }];
    });
  }

  async feature(row: number): Promise<P.FeatureReply | null> {
    const [read] = await this.readRows([row]);
    if (!read) return null;
    const reply = featureReply(tableOf([read], this.dataset), 0, read.border);
    return reply && { ...reply, row };
  }

  /** The row of an incident id among the rows read so far, or -1. */
  findRow(key: string): number {
    return this.seen.get(key) ?? -1;
  }

  /** The matching incidents as the in-tab export writes them: read only from the days asked. */
  async export(
    filter: P.EngineFilter,
    format: P.ExportFormat,
    extras: P.ExportExtras = {},
    onProgress?: (fraction: number) => void,
  ): Promise<P.FileReply> {
    const query = this.compile(filter);
    const [start, end] = this.list_.rowsOfDays(query.fromDay, query.toDay);
    const block = await this.rows.read(FILTER_COLUMNS, start, end);
    const matching: number[] = [];
    if (!query.none)
      for (let i = 0; i < block.length; i++) if (keeps(query, block, i)) matching.push(start + i);
    const read = await this.readRows(matching);
    const table = tableOf(read, this.dataset);
    const notes = extras.analystNotes ? this.host.notes().rows(table) : null;
    return exportRows(
      table,
      Uint32Array.from(read, (_, i) => i),
      {
        filter,
        format,
        extras,
        onProgress,
        whole: { count: this.manifest.count, dayExtent: this.summary.dayExtent },
        incidentOf: (i) => {
          let incident = read[i]!.incident;
          if (extras.computedFields) incident = withComputedFields(incident, read[i]!.border);
          return notes ? withNoteFields(incident, notes.get(i)) : incident;
        },
      },
    );
  }

  strip(): P.StripReply {
    throw new Error(
      'This package cannot draw the border strip: it holds no chainage per incident but in its map tiles.',
    );
  }

  /** The unknown values of the dimensions a package answers: types, and the geography's ids. */
  unknownValues(filter: P.EngineFilter, dimensions: readonly string[]): UnknownValues[] {
    const answerable = packageDimensions(this.summary.package!);
    const answered = dimensions.filter((name) => answerable.some((d) => d.name === name));
    return findUnknownValues(filter, answered, {
      data: {
        typeCodes: this.summary.typeCodes,
        facets: () => {
          throw new Error('A package has no facet columns.');
        },
      },
      border: this.host.border(),
    });
  }

  private compile(filter: P.EngineFilter): PackageQuery {
    return compileQuery(filter, this.manifest, this.dataset.id);
  }

  /** These rows in full, in row order; each one's id is remembered for `findRow`. */
  private async readRows(rowIds: readonly number[]): Promise<PackageRow[]> {
    const wanted = [...new Set(rowIds)].filter((r) => r >= 0 && r < this.rows.total);
    wanted.sort((a, b) => a - b);
    const keep = new Set(wanted);
    const blocks = await this.rows.readRows(ALL_COLUMNS, wanted);
    const read = blocks.flatMap((block) => rowsOf(block, this.manifest, (row) => keep.has(row)));
    for (const { row, incident } of read) this.seen.set(incident.key, row);
    return read;
  }
}
