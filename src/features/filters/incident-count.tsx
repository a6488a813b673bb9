import { useTranslation } from 'react-i18next';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStoreShallow } from '../../state/incident-store';

/** "12 of 122 incidents", and how many of those have no location and are not drawn. */
export function IncidentCount({ store = incidentStore }: { store?: IncidentStore }) {
  const { t } = useTranslation('filters');
  const { count, total, unlocated, busy } = useIncidentStoreShallow(
    (state) => ({
      count: state.result?.count ?? 0,
      total: state.result?.total ?? 0,
      unlocated: state.result?.unlocated ?? 0,
      busy: state.loading !== null,
    }),
    store,
  );
  return (
    <p className="incident-count" data-testid="incident-count" aria-live="polite" aria-busy={busy}>
      {t('count', { count, total })}
      {unlocated > 0 && <span className="muted"> {t('unlocated', { count: unlocated })}</span>}
    </p>
  );
}
