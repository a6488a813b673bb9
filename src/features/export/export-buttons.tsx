import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { currentLanguage } from '../../i18n/i18n';
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
  const { t } = useTranslation('export');
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
      setError(t('failed', { format: FORMAT_NAMES[format], message: (failure as Error).message }));
    }
  };
  const onExportImage = async () => {
    setError(null);
    try {
      await store.whenSettled();
      const { filter, summary, result, geography } = store.getState();
      const snapshot = await snapshotMap();
      if (!snapshot || !summary || !result) return;
      const text = describeMapImage(filter, summary, result, geography, currentLanguage());
      const image = composeMapImage(snapshot.canvas, text, snapshot.pixelRatio);
      downloadBlob(
        await toPngBlob(image, text.language),
        mapImageFileName(filter, summary.dayExtent),
      );
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
        {t('exportGeoJson')}
      </button>
      <button type="button" onClick={() => void onExport('csv')} disabled={busy}>
        {t('exportCsv')}
      </button>
      <label className="computed-toggle small" title={t('safeCsvHint')}>
        <input
          type="checkbox"
          checked={safeCsv}
          onChange={(event) => {
            setSafeCsv(event.target.checked);
            if (event.target.checked) setFormulaCells(0);
          }}
        />
        {t('safeCsv')}
      </label>
      <button type="button" onClick={() => void onExportImage()} disabled={!hasData}>
        {t('exportPng')}
      </button>
      {exporting && (
        <span className="export-progress muted small" role="status">
          <progress
            max={1}
            value={exporting.progress}
            aria-label={t('exporting', { format: FORMAT_NAMES[exporting.format] })}
          />{' '}
          {t('exportingProgress', {
            format: FORMAT_NAMES[exporting.format],
            percent: formatNumber(Math.floor(exporting.progress * 100), currentLanguage()),
          })}
        </span>
      )}
      {formulaCells > 0 && (
        <span role="status" className="export-warning small">
          {t('formulaCells', { count: formulaCells })}
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
