import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, selectMatching, useIncidentStore } from '../../state/incident-store';
import { exportFileName, serialiseGeoJsonExport } from '../../domain/export-geojson';

/** Hands the browser a file to save. */
function downloadText(text: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads exactly the incidents matching the filters, each Feature as it was loaded. */
export function ExportButton({ store = incidentStore }: { store?: IncidentStore }) {
  const hasData = useIncidentStore((state) => state.dataset !== null, store);
  const onExport = () => {
    const state = store.getState();
    if (!state.dataset) return;
    const context = {
      filter: state.filter,
      loaded: state.dataset.incidents,
      source: state.dataset.source,
    };
    const matching = selectMatching(state);
    downloadText(
      serialiseGeoJsonExport(matching, context),
      exportFileName(context),
      'application/geo+json',
    );
  };
  return (
    <button type="button" className="primary" onClick={onExport} disabled={!hasData}>
      Export GeoJSON
    </button>
  );
}
