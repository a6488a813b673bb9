import { useState } from 'react';
import { snapshotMap } from '../../map/shown-map';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';
import type { ExportFormat } from '../../workers/engine-protocol';
import { downloadBlob, downloadFile } from './download-file';
import { composeMapImage, toPngBlob } from './map-image';
import { describeMapImage, mapImageFileName } from './map-image-text';

const FORMAT_NAMES: Record<ExportFormat, string> = { geojson: 'GeoJSON', csv: 'CSV' };

/**
 * Downloads exactly the incidents matching the filters: GeoJSON with each Feature as it was
 * loaded, or CSV with a CSV file's own columns (flattened properties for GeoJSON input); or a
 * PNG of the map as shown, with its legend and filters written on it.
 */
export function ExportButtons({ store = incidentStore }: { store?: IncidentStore }) {
  const hasData = useIncidentStore((state) => state.summary !== null, store);
  const exporting = useIncidentStore((state) => state.exporting, store);
  const safeCsv = useIncidentStore((state) => state.spreadsheetSafeCsv, store);
  const setSafeCsv = useIncidentStore((state) => state.setSpreadsheetSafeCsv, store);
  const [error, setError] = useState<string | null>(null);
  /** Cells of the last CSV exported as read that a spreadsheet may take for formulas. */
  const [formulaCells, setFormulaCells] = useState(0);
  const onExport = async (format: ExportFormat) => {
    setError(null);
    setFormulaCells(0);
    const asRead = format === 'csv' && !store.getState().spreadsheetSafeCsv;
    try {
      const file = await store.getState().exportFiltered(format);
      if (file) downloadFile(file);
      if (asRead) setFormulaCells(file?.formulaCells ?? 0);
    } catch (failure) {
      setError(`Export ${FORMAT_NAMES[format]} failed: ${(failure as Error).message}`);
    }
  };
  const onExportImage = async () => {
    setError(null);
    try {
      await store.whenSettled();
      const { filter, summary, result, geography } = store.getState();
      const snapshot = await snapshotMap();
      if (!snapshot || !summary || !result) return;
      const text = describeMapImage(filter, summary, result, geography);
      const image = composeMapImage(snapshot.canvas, text, snapshot.pixelRatio);
      downloadBlob(await toPngBlob(image), mapImageFileName(filter, summary.dayExtent));
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  // The engine makes one file at a time; the page stays usable meanwhile.
  const busy = !hasData || exporting !== null;
  return (
    <div className="export-buttons">
      <button
        type="button"
        className="primary"
        onClick={() => void onExport('geojson')}
        disabled={busy}
      >
        Export GeoJSON
      </button>
      <button type="button" onClick={() => void onExport('csv')} disabled={busy}>
        Export CSV
      </button>
      <label
        className="computed-toggle small"
        title="Put ' before each cell starting with =, +, -, @, a tab or a line break, so a spreadsheet shows it as text instead of running it (plain negative numbers stay numbers)"
      >
        <input
          type="checkbox"
          checked={safeCsv}
          onChange={(event) => {
            setSafeCsv(event.target.checked);
            if (event.target.checked) setFormulaCells(0);
          }}
        />
        Spreadsheet-safe CSV
      </label>
      <button type="button" onClick={() => void onExportImage()} disabled={!hasData}>
        Export PNG
      </button>
      {exporting && (
        <span className="export-progress muted small" role="status">
          <progress
            max={1}
            value={exporting.progress}
            aria-label={`Exporting ${FORMAT_NAMES[exporting.format]}`}
          />{' '}
          Exporting {FORMAT_NAMES[exporting.format]}… {Math.floor(exporting.progress * 100)} %
        </span>
      )}
      {formulaCells > 0 && (
        <span role="status" className="export-warning small">
          {formulaCells === 1 ? '1 cell' : `${formulaCells.toLocaleString('en')} cells`} of this CSV
          start like a formula (=, +, -, @) that a spreadsheet may run: tick “Spreadsheet-safe CSV”
          and export again to write them as text.
        </span>
      )}
      {error && (
        <span role="alert" className="muted small">
          {error}
        </span>
      )}
    </div>
  );
}
