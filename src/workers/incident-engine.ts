import { exportFileName, serialiseGeoJsonExport } from '../domain/export-geojson';
import { findDayExtent } from '../domain/filter-incidents';
import type { Incident, IncidentSet } from '../domain/incident';
import { exportCsv } from '../domain/import/export-csv';
import type { ImportOutcome } from '../domain/import/import-incidents';
import { importIncidents } from '../domain/import/import-incidents';
import type { IncidentIndex } from '../domain/incident-index';
import {
  buildIncidentIndex,
  collectMatchingRows,
  queryIncidentIndex,
  toIndexQuery,
} from '../domain/incident-index';
import { IncidentFileError } from '../domain/parse-incidents';
import { compareTypeCodes } from '../domain/taxonomy';
import type {
  DatasetSummary,
  EngineFilter,
  EngineSummary,
  ExportFormat,
  FeatureReply,
  FileReply,
  LoadReply,
  LoadRequest,
  PointsReply,
  QueryReply,
} from './engine-protocol';
import { GPU_POINTS_ABOVE } from './engine-protocol';

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
  summary: EngineSummary;
}

/**
 * Holds every loaded dataset and answers the page's questions about them: counts, the rows to
 * draw, one feature in full, and exports. It runs inside a Web Worker in the app and inline in
 * tests; it knows nothing of either.
 */
export class IncidentEngine {
  private datasets: Dataset[] = [];
  private table: Table = buildTable([]);

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
    const dataset: Dataset = { summary, set };
    const replaced = this.datasets.findIndex((d) => d.summary.id === replaceId);
    if (replaced >= 0) this.datasets[replaced] = dataset;
    else if (mode === 'replace') this.datasets = [dataset];
    else this.datasets.push(dataset);
    this.table = buildTable(this.datasets);
    return { status: 'loaded', summary: this.table.summary, dataset: summary };
  }

  summarise(): EngineSummary {
    return this.table.summary;
  }

  /** Counts, histogram and map rows for a filter. */
  query(filter: EngineFilter): QueryReply {
    const { index, keys, typeCodes, incidents } = this.table;
    const result = queryIncidentIndex(index, {
      ...toIndexQuery(filter),
      types: this.selectedKeys(filter),
    });

    // Each checkbox's count ignores its own group's selection: what ticking it would show.
    const types = filter.types === null ? null : new Set(filter.types);
    const datasets = this.datasetSelection(filter);
    const typeCounts = new Map(typeCodes.map((code) => [code, 0]));
    const datasetCounts = new Array<number>(this.datasets.length).fill(0);
    result.countsByType.forEach((n, k) => {
      const key = keys[k]!;
      if (datasets === null || datasets.has(key.dataset))
        typeCounts.set(key.type, typeCounts.get(key.type)! + n);
      if (types === null || types.has(key.type)) datasetCounts[key.dataset]! += n;
    });

    const omitted = index.size > GPU_POINTS_ABOVE;
    const rows = omitted
      ? new Uint32Array(0)
      : collectMatchingRows(index, result, { located: true });
    const positions = new Float64Array(rows.length * 2);
    const typeOfRow = new Uint16Array(rows.length);
    const typePosition = new Map(typeCodes.map((code, i) => [code, i]));
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      positions[i * 2] = index.lon[row]!;
      positions[i * 2 + 1] = index.lat[row]!;
      typeOfRow[i] = typePosition.get(incidents[row]!.type)!;
    }
    return {
      count: result.count,
      total: index.size,
      unlocated: result.unlocated,
      typeCounts: typeCodes.map((code) => ({ code, count: typeCounts.get(code)! })),
      datasetCounts: this.datasets.map((d, i) => ({ id: d.summary.id, count: datasetCounts[i]! })),
      map: { rows, positions, types: typeOfRow, typeCodes, omitted },
      histogram: { startDay: result.histogram.startDay, counts: result.histogram.counts },
    };
  }

  /** Every located incident as columns, for drawing on the GPU. */
  points(): PointsReply {
    const { index, incidents, datasetOf, typeCodes } = this.table;
    const typePosition = new Map(typeCodes.map((code, i) => [code, i]));
    let located = 0;
    for (let row = 0; row < index.size; row++) if (!Number.isNaN(index.lon[row]!)) located++;
    const rows = new Uint32Array(located);
    const positions = new Float32Array(located * 2);
    const days = new Float32Array(located);
    const types = new Uint16Array(located);
    const datasets = new Uint16Array(located);
    let i = 0;
    for (let row = 0; row < index.size; row++) {
      if (Number.isNaN(index.lon[row]!)) continue;
      rows[i] = row;
      positions[i * 2] = index.lon[row]!;
      positions[i * 2 + 1] = index.lat[row]!;
      days[i] = index.day[row]!;
      types[i] = typePosition.get(incidents[row]!.type)!;
      datasets[i] = datasetOf[row]!;
      i++;
    }
    return {
      rows,
      positions,
      days,
      types,
      datasets,
      typeCodes,
      datasetIds: this.datasets.map((d) => d.summary.id),
    };
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
      type: incident.type,
      key: incident.key,
      lon: incident.lon,
      lat: incident.lat,
      datasetId: dataset.summary.id,
      datasetName: dataset.summary.name,
    };
  }

  /** The matching incidents as a file, each feature exactly as loaded, in load order. */
  export(filter: EngineFilter, format: ExportFormat): FileReply {
    const { index, incidents, datasetOf } = this.table;
    const result = queryIncidentIndex(index, {
      ...toIndexQuery(filter),
      types: this.selectedKeys(filter),
    });
    const rows = collectMatchingRows(index, result);
    const matching = Array.from(rows, (row) => incidents[row]!);
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
      return {
        text: exportCsv(matching, only?.summary.columns ?? null),
        fileName: fileName.replace(/\.geojson$/, '.csv'),
        mimeType: 'text/csv',
      };
    }
    return {
      text: serialiseGeoJsonExport(matching, context),
      fileName,
      mimeType: 'application/geo+json',
    };
  }

  /** The rejected features of one dataset, exactly as they came in. */
  rejected(datasetId: string): FileReply | null {
    const dataset = this.datasets.find((d) => d.summary.id === datasetId);
    if (!dataset) return null;
    const raws = dataset.set.rejected.map((r) => r.raw ?? JSON.stringify(r.input));
    const base = dataset.summary.name.replace(/\.[^.]*$/, '');
    switch (dataset.summary.format) {
      case 'csv':
        return {
          text: [exportCsv([], dataset.summary.columns).trimEnd(), ...raws].join('\r\n') + '\r\n',
          fileName: `${base}-rejected.csv`,
          mimeType: 'text/csv',
        };
      case 'geojsonseq':
        return {
          text: raws.join('\n') + '\n',
          fileName: `${base}-rejected.geojsonl`,
          mimeType: 'application/geo+json-seq',
        };
      default:
        return {
          text: `{"type":"FeatureCollection","features":[\n${raws.join(',\n')}\n]}\n`,
          fileName: `${base}-rejected.geojson`,
          mimeType: 'application/geo+json',
        };
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
  return {
    incidents,
    datasetOf,
    index,
    keys,
    typeCodes,
    summary: {
      datasets: datasets.map((d) => d.summary),
      total: incidents.length,
      typeCodes,
      dayExtent: findDayExtent(incidents),
    },
  };
}
