import { useTranslation } from 'react-i18next';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';

/** The columns the notes add to an export: their names, the same in every language. */
const NOTE_COLUMNS = 'analyst_note, analyst_tags';

/** Whether exports add the analyst's note and tags to each feature (off: exactly as loaded). */
export function IncludeNotesToggle({ store = incidentStore }: { store?: IncidentStore }) {
  const { t } = useTranslation('analystNotes');
  const on = useIncidentStore((state) => state.includeNotes, store);
  const set = useIncidentStore((state) => state.setIncludeNotes, store);
  return (
    <label className="computed-toggle small" title={NOTE_COLUMNS}>
      <input type="checkbox" checked={on} onChange={(event) => set(event.target.checked)} />
      {t('includeNotes')}
    </label>
  );
}
