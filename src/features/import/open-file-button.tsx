import { useId } from 'react';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore } from '../../state/incident-store';
import { loadDatasetFromFile } from '../../state/load-dataset';

/** Opens a GeoJSON file from disk in place of the shown incidents; it never leaves the browser. */
export function OpenFileButton({ store = incidentStore }: { store?: IncidentStore }) {
  const id = useId();
  return (
    <div className="open-file">
      <label htmlFor={id} className="button-like">
        Open GeoJSON file…
      </label>
      <input
        id={id}
        type="file"
        accept=".geojson,.json,application/geo+json,application/json"
        className="visually-hidden"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void loadDatasetFromFile(store, file);
        }}
      />
    </div>
  );
}
