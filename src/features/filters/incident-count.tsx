import { useTranslation } from 'react-i18next';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStoreShallow } from '../../state/incident-store';
import { DataText } from '../data-text/data-text';

/** "12 of 122 incidents" (in which package, when one is open), and how many of those have no location and are not drawn. */
export function IncidentCount({ store = incidentStore }: { store?: IncidentStore }) {
  const { t } = useTranslation('filters');
  const { count, total, unlocated, busy, packageName } = useIncidentStoreShallow(
    (state) => ({
      count: state.result?.count ?? 0,
      total: state.result?.total ?? 0,
      unlocated: state.result?.unlocated ?? 0,
      busy: state.loading !== null,
      packageName: state.summary?.package?.name ?? null,
    }),
    store,
  );
  return (
    <p className="incident-count" data-testid="incident-count" aria-live="polite" aria-busy={busy}>
      {t('count', { count, total })}
      {packageName !== null && (
        <>
          {' '}
          {t('inPackage')} <DataText value={packageName} name />
        </>
      )}
      {unlocated > 0 && <span className="muted"> {t('unlocated', { count: unlocated })}</span>}
    </p>
  );
}
