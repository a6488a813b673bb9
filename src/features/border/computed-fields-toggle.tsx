import { useTranslation } from 'react-i18next';
import { COMPUTED_FIELDS } from '../../workers/engine/border-fields';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';

/** Whether exports add the border measures to each feature's properties (off: exactly as loaded). */
export function ComputedFieldsToggle({ store = incidentStore }: { store?: IncidentStore }) {
  const { t } = useTranslation('border');
  const on = useIncidentStore((state) => state.includeComputedFields, store);
  const ready = useIncidentStore((state) => state.borderReady, store);
  const set = useIncidentStore((state) => state.setIncludeComputedFields, store);
  return (
    <label
      className="computed-toggle small"
      title={t('computedFieldsHint', { fields: COMPUTED_FIELDS.join(', ') })}
    >
      <input
        type="checkbox"
        checked={on}
        disabled={!ready}
        onChange={(event) => set(event.target.checked)}
      />
      {t('computedFields')}
    </label>
  );
}
