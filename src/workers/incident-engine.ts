import { exportFileName, serialiseGeoJsonExport } from '../domain/export-geojson';
import { filterIncidents, findDayExtent, makeDayPredicate } from '../domain/filter-incidents';
import type { Incident, IncidentSet } from '../domain/incident';
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
  QueryReply,
} from './engine-protocol';
import type { ImportOutcome } from './import-adapter';
import { importInput } from './import-adapter';
import { exportCsvText } from './export-csv-adapter';

/** How many rejections a load report carries; "Download rejected" returns all of them. */
const REPORTED_REJECTIONS = 500;

interface Dataset {
  summary: DatasetSummary;
  set: IncidentSet;
}

/** One loaded incident and the dataset it came from. */
interface Row {
  incident: Incident;
  dataset: Dataset;
}

/**
 * Holds every loaded dataset and answers the page's questions about them: counts, the rows to
 * draw, one feature in full, and exports. It runs inside a Web Worker in the app and inline in
 * tests; it knows nothing of either.
 */
export class IncidentEngine {
  private datasets: Dataset[] = [];
  private rows: Row[] = [];

  /** Loads one file's content, replacing the loaded data or adding to it. */
  load(
    input: ArrayBuffer | string,
    { datasetId, source, mode, options, replaceId }: LoadRequest,
    onProgress?: (fraction: number) => void,
  ): LoadReply {
    const { name } = source;
    let outcome: ImportOutcome;
    try {
      outcome = importInput(input, { ...options, ...(onProgress ? { onProgress } : {}) });
    } catch (error) {
      if (error instanceof IncidentFileError)
        return { status: 'failed', message: `${name}: ${error.message}` };
      throw error;
    }
    if (outcome.status === 'needs-mapping') return outcome;

    const { set } = outcome;
    const summary: DatasetSummary = {
      id: datasetId,
      name,
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
    this.rows = this.datasets.flatMap((d) =>
      d.set.incidents.map((incident) => ({ incident, dataset: d })),
    );
    return { status: 'loaded', summary: this.summarise(), dataset: summary };
  }

  summarise(): EngineSummary {
    const incidents = this.rows.map((row) => row.incident);
    return {
      datasets: this.datasets.map((d) => d.summary),
      total: this.rows.length,
      typeCodes: [...new Set(incidents.map((i) => i.type))].sort(compareTypeCodes),
      dayExtent: findDayExtent(incidents),
    };
  }

  /** Counts and map rows for a filter. */
  query(filter: EngineFilter): QueryReply {
    const codes = this.summarise().typeCodes;
    const codeIndex = new Map(codes.map((code, i) => [code, i]));
    const inRange = makeDayPredicate(filter);
    const typeSelected = filter.types === null ? null : new Set(filter.types);
    const datasetSelected = filter.datasets === null ? null : new Set(filter.datasets);

    const typeCounts = new Array<number>(codes.length).fill(0);
    const datasetCounts = new Map(this.datasets.map((d) => [d.summary.id, 0]));
    const located: number[] = [];
    let count = 0;
    let unlocated = 0;
    // One pass: the type and dataset counts ignore their own selection, so each checkbox can say
    // what ticking it would show.
    this.rows.forEach((row, id) => {
      const { incident } = row;
      if (!inRange(incident)) return;
      const typeOk = typeSelected === null || typeSelected.has(incident.type);
      const datasetOk = datasetSelected === null || datasetSelected.has(row.dataset.summary.id);
      if (datasetOk) typeCounts[codeIndex.get(incident.type)!]! += 1;
      if (typeOk)
        datasetCounts.set(row.dataset.summary.id, datasetCounts.get(row.dataset.summary.id)! + 1);
      if (!typeOk || !datasetOk) return;
      count += 1;
      if (incident.lon === null) unlocated += 1;
      else located.push(id);
    });

    const rows = Uint32Array.from(located);
    const positions = new Float64Array(rows.length * 2);
    const types = new Uint16Array(rows.length);
    rows.forEach((id, i) => {
      const { incident } = this.rows[id]!;
      positions[i * 2] = incident.lon!;
      positions[i * 2 + 1] = incident.lat!;
      types[i] = codeIndex.get(incident.type)!;
    });
    return {
      count,
      total: this.rows.length,
      unlocated,
      typeCounts: codes.map((code, i) => ({ code, count: typeCounts[i]! })),
      datasetCounts: [...datasetCounts].map(([id, n]) => ({ id, count: n })),
      map: { rows, positions, types, typeCodes: codes },
    };
  }

  /** One incident in full, by row id. */
  feature(row: number): FeatureReply | null {
    const found = this.rows[row];
    if (!found) return null;
    const { incident, dataset } = found;
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
    const inDatasets = this.rowsInDatasets(filter.datasets);
    const matching = filterIncidents(
      inDatasets.map((row) => row.incident),
      filter,
    );
    const loaded = this.rows.map((row) => row.incident);
    const context = {
      filter,
      loaded,
      source: [...new Set(inDatasets.map((row) => row.dataset.summary.name))].join('; '),
    };
    const fileName = exportFileName(context);
    if (format === 'csv') {
      const matched = new Set(matching);
      const datasets = new Set(
        inDatasets.filter((row) => matched.has(row.incident)).map((row) => row.dataset),
      );
      const only = datasets.size === 1 ? [...datasets][0]! : null;
      return {
        text: exportCsvText(matching, only?.summary.columns ?? null),
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
    const { rejected } = dataset.set;
    const raws = rejected.map((r) => r.raw ?? JSON.stringify(r.input));
    const base = dataset.summary.name.replace(/\.[^.]*$/, '');
    switch (dataset.summary.format) {
      case 'csv':
        return {
          text:
            [dataset.summary.columns ? csvHeaderLine(dataset) : '', ...raws]
              .filter(Boolean)
              .join('\n') + '\n',
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

  private rowsInDatasets(ids: readonly string[] | null): Row[] {
    if (ids === null) return this.rows;
    const wanted = new Set(ids);
    return this.rows.filter((row) => wanted.has(row.dataset.summary.id));
  }
}

function csvHeaderLine(dataset: Dataset): string {
  return (
    (dataset.set as IncidentSet & { headerLine?: string }).headerLine ??
    (dataset.summary.columns ?? []).join(',')
  );
}
