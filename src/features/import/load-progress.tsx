import type { LoadPhase } from '../../workers/engine-protocol';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';

const PHASE_VERBS: Record<LoadPhase, string> = {
  reading: 'Reading',
  // A workbook or KMZ is unzipped and parsed in one library call, which tells no fraction.
  unpacking: 'Unpacking',
  parsing: 'Checking',
};

/** A progress bar while a file is read and parsed, with a way out. */
export function LoadProgress({ store = incidentStore }: { store?: IncidentStore }) {
  const loading = useIncidentStore((state) => state.loading, store);
  if (!loading) return null;
  const label = `${PHASE_VERBS[loading.phase]} ${loading.name}`;
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
