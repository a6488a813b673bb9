/** Files the engine hands back: the matching incidents as GeoJSON or CSV, a dataset's rejects. */
import type { ExportContext } from '../../domain/export-geojson';
import { exportFileName, geoJsonExportChunks } from '../../domain/export-geojson';
import type { Incident } from '../../domain/incident';
import { CSV_CHUNK_ROWS, exportCsv, exportCsvChunks } from '../../domain/import/export-csv';
import { NOTE_FIELDS } from '../../domain/notes/analyst-note';
import type { EngineFilter, ExportExtras, ExportFormat, FileReply } from '../engine-protocol';
import { gatherBlob } from '../file-blob';
import { COMPUTED_FIELDS } from './border-fields';
import type { Dataset, IncidentTable } from './incident-table';

/**
 * These rows as a file, each feature exactly as loaded (or the copies `incidentOf` makes, with
 * the fields `extras` adds), in load order.
 */
export function exportRows(
  table: IncidentTable,
  rows: Uint32Array,
  options: {
    filter: EngineFilter;
    format: ExportFormat;
    extras: ExportExtras;
    incidentOf: (row: number) => Incident;
    onProgress?: ((fraction: number) => void) | undefined;
    /** What was loaded, when the table holds only the rows read for this export (a package). */
    whole?: ExportContext['whole'];
  },
): FileReply {
  const { incidents, datasetOf, datasets } = table;
  const { filter, format, extras, onProgress, whole } = options;
  const spreadsheetSafe = extras.spreadsheetSafe ?? false;
  const matching = Array.from(rows, options.incidentOf);
  const sources = new Set(Array.from(rows, (row) => datasetOf[row]!));
  const context = {
    filter,
    loaded: incidents,
    source: [...sources].map((d) => datasets[d]!.summary.name).join('; '),
    ...(whole ? { whole } : {}),
  };
  const fileName = exportFileName(context);
  if (format === 'csv') {
    // A single table source keeps its own columns; anything else is flattened.
    const only = sources.size === 1 ? datasets[[...sources][0]!]! : null;
    const columns = only?.summary.columns
      ? [
          ...only.summary.columns,
          ...(extras.computedFields ? COMPUTED_FIELDS : []),
          ...(extras.analystNotes ? NOTE_FIELDS : []),
        ]
      : null;
    const tally = { formulaCells: 0 };
    const blob = gatherBlob(
      exportCsvChunks(matching, columns, { spreadsheetSafe, tally }),
      'text/csv',
      1 + Math.ceil(matching.length / CSV_CHUNK_ROWS),
      onProgress,
    );
    return {
      blob,
      fileName: fileName.replace(/\.geojson$/, '.csv'),
      mimeType: 'text/csv',
      formulaCells: tally.formulaCells,
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

/** The rejected features of one dataset, exactly as they came in, in the file's own format. */
export function rejectedFile(dataset: Dataset): FileReply {
  const raws = dataset.set.rejected.map((r) => r.raw ?? JSON.stringify(r.input));
  const base = dataset.summary.name.replace(/\.[^.]*$/, '');
  const file = (text: string, fileName: string, mimeType: string): FileReply => ({
    blob: new Blob([text], { type: mimeType }),
    fileName,
    mimeType,
  });
  switch (dataset.summary.format) {
    case 'csv':
    case 'xlsx':
      return file(
        [exportCsv([], dataset.summary.columns).trimEnd(), ...raws].join('\r\n') + '\r\n',
        `${base}-rejected.csv`,
        'text/csv',
      );
    case 'geojsonseq':
      return file(raws.join('\n') + '\n', `${base}-rejected.geojsonl`, 'application/geo+json-seq');
    default:
      return file(
        `{"type":"FeatureCollection","features":[\n${raws.join(',\n')}\n]}\n`,
        `${base}-rejected.geojson`,
        'application/geo+json',
      );
  }
}
