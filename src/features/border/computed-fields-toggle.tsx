import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';

/** Whether exports add the border measures to each feature's properties (off: exactly as loaded). */
export function ComputedFieldsToggle({ store = incidentStore }: { store?: IncidentStore }) {
  const on = useIncidentStore((state) => state.includeComputedFields, store);
  const ready = useIncidentStore((state) => state.borderReady, store);
  const set = useIncidentStore((state) => state.setIncludeComputedFields, store);
  return (
    <label
      className="computed-toggle small"
      title="border_side, border_distance_km, border_chainage_km, nearest_crossing, nearest_crossing_km, admin1_derived"
    >
      <input
        type="checkbox"
        checked={on}
        disabled={!ready}
        onChange={(event) => set(event.target.checked)}
      />
      Include computed fields
    </label>
  );
}
