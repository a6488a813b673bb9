import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, selectMatching, useIncidentStore } from '../../state/incident-store';

/** "12 of 72 incidents", and how many of those have no location and are not drawn. */
export function IncidentCount({ store = incidentStore }: { store?: IncidentStore }) {
  const matching = useIncidentStore(selectMatching, store);
  const total = useIncidentStore((state) => state.dataset?.incidents.length ?? 0, store);
  const loading = useIncidentStore((state) => state.loadStatus === 'loading', store);
  const unlocated = matching.filter((incident) => incident.lon === null).length;
  return (
    <p
      className="incident-count"
      data-testid="incident-count"
      aria-live="polite"
      aria-busy={loading}
    >
      {matching.length} of {total} incidents
      {unlocated > 0 && (
        <span className="muted"> ({unlocated} without location, not on the map)</span>
      )}
    </p>
  );
}
