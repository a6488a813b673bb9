import { displayName } from '../../domain/display-text';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';
import type { SavedDatasetRow } from '../../state/saved-slice';
import { formatBytes, formatIncidents, formatMoment } from './describe-saved';
import './saved-datasets.css';
import { DataText } from '../data-text/data-text';

/** What the browser says of this site's storage: bytes used and the most it may use. */
export interface StorageUse {
  usage: number;
  quota: number;
}

/** The datasets kept in this browser, fed from the store, with the storage they take. */
export function SavedDatasetsPanel({ store = incidentStore }: { store?: IncidentStore }) {
  const datasets = useIncidentStore((state) => state.savedDatasets, store);
  const available = useIncidentStore((state) => state.savingAvailable, store);
  const removeSaved = useIncidentStore((state) => state.removeSaved, store);
  const use = useStorageUse(datasets);
  return (
    <SavedDatasets
      datasets={datasets ?? []}
      available={available}
      use={use}
      onRemove={(key) => void removeSaved(key)}
    />
  );
}

/** The list of saved datasets, each with a Remove button, and the storage used. */
export function SavedDatasets({
  datasets,
  available,
  use,
  onRemove,
}: {
  datasets: readonly SavedDatasetRow[];
  available: boolean;
  use: StorageUse | null;
  onRemove: (key: string) => void;
}) {
  const id = useId();
  const { t } = useTranslation('savedDatasets');
  const language = currentLanguage();
  return (
    <section className="saved-datasets" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('heading')}</h2>
      {!available ? (
        <p className="muted small">{t('notAvailable')}</p>
      ) : datasets.length === 0 ? (
        <p className="muted small">{t('empty')}</p>
      ) : (
        <ul className="saved-list" aria-labelledby={`${id}-heading`}>
          {datasets.map((dataset) => (
            <li key={dataset.key}>
              <DataText className="saved-name" value={dataset.name} name />
              <span className="muted small">
                {t('line', {
                  incidents: formatIncidents(dataset.count, language),
                  size: formatBytes(dataset.size, language),
                  opened: formatMoment(dataset.openedAt, language),
                })}
              </span>
              <button
                type="button"
                aria-label={t('removeNamed', { name: displayName(dataset.name) })}
                onClick={() => onRemove(dataset.key)}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {use && (
        <p className="muted small">
          {t('storageUsed', {
            used: formatBytes(use.usage, language),
            quota: formatBytes(use.quota, language),
          })}
        </p>
      )}
    </section>
  );
}

/** Asks the browser for the storage used each time the list changes (null where it cannot say). */
function useStorageUse(changed: unknown): StorageUse | null {
  const [use, setUse] = useState<StorageUse | null>(null);
  useEffect(() => {
    let current = true;
    navigator.storage?.estimate?.().then(
      ({ usage, quota }) => {
        if (current && usage !== undefined && quota !== undefined) setUse({ usage, quota });
      },
      // Some private windows refuse: the panel then says nothing of storage.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [changed]);
  return use;
}
