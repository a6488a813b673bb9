import { useTranslation } from 'react-i18next';
import { displayName } from '../../domain/display-text';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';

// The phases (`import:phase.*`): reading, unpacking (a workbook or KMZ is unzipped and parsed in
// one library call, which tells no fraction) and parsing (the checks).

/** A progress bar while a file is read and parsed, with a way out. */
export function LoadProgress({ store = incidentStore }: { store?: IncidentStore }) {
  const { t } = useTranslation('import');
  const loading = useIncidentStore((state) => state.loading, store);
  if (!loading) return null;
  const label = t(`phase.${loading.phase}`, { name: displayName(loading.name) });
  return (
    <div className="load-progress" role="status">
      <label>
        {label}
        <progress max={1} value={loading.progress ?? undefined} aria-label={label} />
      </label>
      <button type="button" onClick={() => store.getState().cancelLoad()}>
        {t('cancel')}
      </button>
    </div>
  );
}
