import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';
import { OpenPackage } from './open-package';

/** The accepted file types, by extension and media type. */
export const ACCEPTED_FILES =
  '.geojson,.json,.geojsonl,.geojsons,.ndjson,.jsonl,.csv,.tsv,.txt,.xlsx,.kml,.kmz';

/**
 * Opens files from disk, replacing the shown incidents or adding to them. Files are read in the
 * browser; nothing is uploaded.
 */
export function OpenFile({ store = incidentStore }: { store?: IncidentStore }) {
  const { t } = useTranslation('import');
  const id = useId();
  const hasData = useIncidentStore((state) => (state.summary?.datasets.length ?? 0) > 0, store);
  const mode = useIncidentStore((state) => state.loadMode, store);
  const setMode = useIncidentStore((state) => state.setLoadMode, store);
  return (
    <section className="open-file" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('yourData')}</h2>
      <p className="muted small">{t('formats')}</p>
      {hasData && (
        <fieldset className="load-mode">
          <legend className="visually-hidden">{t('whenOpening')}</legend>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'replace'}
              onChange={() => setMode('replace')}
            />
            {t('replace')}
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'add'}
              onChange={() => setMode('add')}
            />
            {t('add')}
          </label>
        </fieldset>
      )}
      <label htmlFor={id} className="button-like">
        {t('openFile')}
      </label>
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        className="visually-hidden"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          void openFiles(store, files);
        }}
      />
      <OpenPackage store={store} />
    </section>
  );
}

/** Loads files one after another: the first with the chosen mode, the rest added to it. */
export async function openFiles(store: IncidentStore, files: File[]): Promise<void> {
  const mode = store.getState().loadMode;
  for (const [i, file] of files.entries()) {
    await store
      .getState()
      .loadSource({ kind: 'file', file, name: file.name }, i === 0 ? mode : 'add');
  }
}
