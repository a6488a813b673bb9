import { useState } from 'react';
import { snapshotMap } from '../../map/map-snapshot';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';
import type { ExportFormat } from '../../workers/engine-protocol';
import { downloadBlob, downloadFile } from './download-file';
import { composeMapImage, toPngBlob } from './map-image';
import { describeMapImage, mapImageFileName } from './map-image-text';

/**
 * Downloads exactly the incidents matching the filters: GeoJSON with each Feature as it was
 * loaded, or CSV with a CSV file's own columns (flattened properties for GeoJSON input); or a
 * PNG of the map as shown, with its legend and filters written on it.
 */
export function ExportButtons({ store = incidentStore }: { store?: IncidentStore }) {
  const hasData = useIncidentStore((state) => state.summary !== null, store);
  const [imageError, setImageError] = useState<string | null>(null);
  const onExport = async (format: ExportFormat) => {
    const file = await store.getState().exportFiltered(format);
    if (file) downloadFile(file);
  };
  const onExportImage = async () => {
    setImageError(null);
    try {
      await store.whenSettled();
      const { filter, summary, result } = store.getState();
      const snapshot = await snapshotMap();
      if (!snapshot || !summary || !result) return;
      const text = describeMapImage(filter, summary, result);
      const image = composeMapImage(snapshot.canvas, text, snapshot.pixelRatio);
      downloadBlob(await toPngBlob(image), mapImageFileName(filter, summary.dayExtent));
    } catch (error) {
      setImageError((error as Error).message);
    }
  };
  return (
    <div className="export-buttons">
      <button
        type="button"
        className="primary"
        onClick={() => void onExport('geojson')}
        disabled={!hasData}
      >
        Export GeoJSON
      </button>
      <button type="button" onClick={() => void onExport('csv')} disabled={!hasData}>
        Export CSV
      </button>
      <button type="button" onClick={() => void onExportImage()} disabled={!hasData}>
        Export PNG
      </button>
      {imageError && (
        <span role="alert" className="muted small">
          {imageError}
        </span>
      )}
    </div>
  );
}
