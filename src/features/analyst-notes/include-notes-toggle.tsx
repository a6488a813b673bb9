import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';

/** Whether exports add the analyst's note and tags to each feature (off: exactly as loaded). */
export function IncludeNotesToggle({ store = incidentStore }: { store?: IncidentStore }) {
  const on = useIncidentStore((state) => state.includeNotes, store);
  const set = useIncidentStore((state) => state.setIncludeNotes, store);
  return (
    <label className="computed-toggle small" title="analyst_note, analyst_tags">
      <input type="checkbox" checked={on} onChange={(event) => set(event.target.checked)} />
      Include my notes
    </label>
  );
}
