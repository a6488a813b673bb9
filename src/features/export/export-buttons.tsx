import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';
import type { ExportFormat } from '../../workers/engine-protocol';
import { downloadFile } from './download-file';

/**
 * Downloads exactly the incidents matching the filters: GeoJSON with each Feature as it was
 * loaded, or CSV with a CSV file's own columns (flattened properties for GeoJSON input).
 */
export function ExportButtons({ store = incidentStore }: { store?: IncidentStore }) {
  const hasData = useIncidentStore((state) => state.summary !== null, store);
  const onExport = async (format: ExportFormat) => {
    const file = await store.getState().exportFiltered(format);
    if (file) downloadFile(file);
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
    </div>
  );
}
