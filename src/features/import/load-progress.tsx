import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';

/** A progress bar while a file is read and parsed, with a way out. */
export function LoadProgress({ store = incidentStore }: { store?: IncidentStore }) {
  const loading = useIncidentStore((state) => state.loading, store);
  if (!loading) return null;
  const label = `${loading.phase === 'reading' ? 'Reading' : 'Checking'} ${loading.name}`;
  return (
    <div className="load-progress" role="status">
      <label>
        {label}
        <progress max={1} value={loading.progress ?? undefined} aria-label={label} />
      </label>
      <button type="button" onClick={() => store.getState().cancelLoad()}>
        Cancel
      </button>
    </div>
  );
}
