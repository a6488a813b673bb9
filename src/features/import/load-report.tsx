import { useEffect, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { megabytes } from '../../domain/import/read-limits';
import { currentLanguage } from '../../i18n/i18n';
import { SOURCE_LANGUAGE } from '../../i18n/languages';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';
import type { DatasetSummary, LoadFailure, LoadOptions } from '../../workers/engine-protocol';
import { downloadFile } from '../export/download-file';
import { displayName } from '../../domain/display-text';
import { isIgnoredFilter } from '../../domain/filters/package-answers';
import { DataText } from '../data-text/data-text';
import { formatBytes } from '../saved-datasets/describe-saved';
import { readerNumber } from '../incident-list/reader-day';
import { DatasetWarnings } from './dataset-warnings';
import { describeProblems, isTable } from './describe-problems';
import { MessageText } from '../data-text/message-text';
import { IgnoredFilterText } from '../filters/package-gate';

/** Rejections listed; the rest are counted (as warnings are, SHOWN_WARNINGS). */
const SHOWN_REJECTIONS = 200;
/** Of a file that gave nothing, a few rejections as examples under the grouped problems. */
const EMPTY_SHOWN_REJECTIONS = 5;

/**
 * What could not be loaded and why: URL problems, file-level errors, a file of which nothing
 * loaded, and per loaded file its rejects and warnings.
 */
export function LoadReport({ store = incidentStore }: { store?: IncidentStore }) {
  const { t } = useTranslation('import');
  const loadError = useIncidentStore((state) => state.loadError, store);
  const loadFailure = useIncidentStore((state) => state.loadFailure, store);
  const datasets = useIncidentStore((state) => state.summary?.datasets, store);
  const notices = useIncidentStore((state) => state.notices, store);
  const dismissNotices = useIncidentStore((state) => state.dismissNotices, store);
  const emptyLoad = useIncidentStore((state) => state.emptyLoad, store);
  const limitOffer = useIncidentStore((state) => state.limitOffer, store);
  const shown =
    datasets && datasets.length > 0 ? datasets.map((d) => displayName(d.name)).join(', ') : null;

  return (
    <div className="load-report">
      {notices.length > 0 && (
        <div role="alert" className="message warning">
          <ul>
            {notices.map((notice, i) => (
              <li key={i}>
                {isIgnoredFilter(notice) ? (
                  <IgnoredFilterText notice={notice} />
                ) : (
                  <MessageText message={notice} />
                )}
              </li>
            ))}
          </ul>
          <button type="button" onClick={dismissNotices}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {loadError && (
        <div role="alert" className="message error">
          {loadFailure ? (
            <FailureText failure={loadFailure} />
          ) : (
            <MessageText message={loadError} />
          )}
          {limitOffer && (
            <p>
              <button type="button" onClick={() => void store.getState().loadWithHigherLimit()}>
                {t('raiseLimit', { size: readerMegabytes(limitOffer.maxBytes) })}
              </button>
            </p>
          )}
          {shown && (
            <p className="small">
              <StillShowing shown={shown} />
            </p>
          )}
        </div>
      )}
      {emptyLoad && <EmptyLoadReport store={store} shown={shown} />}
      {datasets?.map((dataset) => (
        <DatasetReport
          key={dataset.id}
          dataset={dataset}
          store={store}
          reload={(options) => store.getState().reloadDataset(dataset.id, options)}
        />
      ))}
    </div>
  );
}

/** A file that was read but gave no incident: why, and the ways to read it otherwise. */
function EmptyLoadReport({ store, shown }: { store: IncidentStore; shown: string | null }) {
  const { t } = useTranslation('import');
  const emptyLoad = useIncidentStore((state) => state.emptyLoad, store);
  const alert = useRef<HTMLDivElement>(null);
  // The map and count look as before, so the report is brought into view, or it would go unseen
  // at the foot of the sidebar after a drop.
  useEffect(() => alert.current?.scrollIntoView?.({ block: 'nearest' }), [emptyLoad]);
  if (!emptyLoad) return null;
  const { dataset, columns } = emptyLoad;
  const { chooseColumnsAgain, dismissEmptyLoad, retryEmptyLoad } = store.getState();
  const problems = describeProblems(dataset.problems, dataset.format);
  return (
    <>
      <div
        ref={alert}
        role="alert"
        className="message error"
        aria-label={t('nothingLoaded', { name: displayName(dataset.name) })}
      >
        <p>
          <Trans
            t={t}
            i18nKey={problems ? 'noIncidentBecause' : 'noIncident'}
            components={{
              name: <DataText value={dataset.name} name />,
              problems: <DataText value={problems} />,
            }}
          />{' '}
          {shown ? <StillShowing shown={shown} /> : t('nothingBefore')}
        </p>
        <p>
          {columns.length > 0 && (
            <button type="button" onClick={chooseColumnsAgain}>
              {t('chooseAgain')}
            </button>
          )}{' '}
          <button type="button" onClick={dismissEmptyLoad}>
            {t('dismiss')}
          </button>
        </p>
        {/* The grouped problems say the most; a few examples show what they look like. */}
        <Rejections dataset={dataset} shown={EMPTY_SHOWN_REJECTIONS} />
      </div>
      <DatasetWarnings dataset={dataset} reload={retryEmptyLoad} />
    </>
  );
}

function DatasetReport({
  dataset,
  store,
  reload,
}: {
  dataset: DatasetSummary;
  store: IncidentStore;
  reload: (options: LoadOptions) => Promise<boolean>;
}) {
  const { t } = useTranslation('import');
  const { name, rejectedCount, loaded, format } = dataset;
  const language = currentLanguage();
  const onDownload = async () => {
    const file = await store.getState().rejectedFile(dataset.id);
    if (file) downloadFile(file);
  };
  return (
    <>
      {rejectedCount > 0 && (
        <div
          role="alert"
          className="message error"
          aria-label={t('rejectedOf', { name: displayName(name) })}
        >
          <p>
            <Trans
              t={t}
              i18nKey={isTable(format) ? 'rejectedRows' : 'rejectedFeatures'}
              count={rejectedCount}
              values={{
                loaded: readerNumber(loaded, language),
                rejected: readerNumber(rejectedCount, language),
              }}
              components={{
                name: <DataText value={name} name />,
                problems: <DataText value={describeProblems(dataset.problems, format)} />,
              }}
            />
          </p>
          <Rejections dataset={dataset} />
          <button type="button" onClick={() => void onDownload()}>
            {t('downloadRejected')}
          </button>
        </div>
      )}
      <DatasetWarnings dataset={dataset} reload={reload} />
    </>
  );
}

/** The first rejections, each by its place in the file, its id and its reason. */
function Rejections({
  dataset,
  shown = SHOWN_REJECTIONS,
}: {
  dataset: DatasetSummary;
  shown?: number;
}) {
  const { t } = useTranslation('import');
  const { rejected, rejectedCount, format } = dataset;
  const language = currentLanguage();
  const place = (line: number | undefined, index: number) =>
    line === undefined
      ? t('at.feature', { index: readerNumber(index, language) })
      : t(format === 'xlsx' ? 'at.row' : 'at.line', { line: readerNumber(line, language) });
  return (
    <>
      <ol className="rejections">
        {rejected.slice(0, shown).map((r) => (
          <li key={r.index}>
            {place(r.line, r.index)}
            {r.id !== undefined && (
              <>
                {' '}
                <Trans t={t} i18nKey="withId" components={{ id: <DataText value={r.id} name /> }} />
              </>
            )}
            : <MessageText message={r.message ?? r.reason} />
          </li>
        ))}
      </ol>
      {rejectedCount > shown && <p>{t('more', { count: rejectedCount - shown })}</p>}
    </>
  );
}

/** Why a load failed, in the reader's language: `name: why`, or the whole sentence. */
function FailureText({ failure: { name, reason } }: { failure: LoadFailure }) {
  if (name === undefined) return <MessageText message={reason} />;
  return (
    <>
      <DataText value={name} name />: <MessageText message={reason} />
    </>
  );
}

/** "Still showing a.geojson, b.csv.": the datasets a failed load left on the page. */
function StillShowing({ shown }: { shown: string }) {
  const { t } = useTranslation('import');
  return <Trans t={t} i18nKey="stillShowing" components={{ data: <DataText value={shown} /> }} />;
}

/** A size limit as the reader counts it: the importer's "2 MB" in English, else in their digits. */
function readerMegabytes(bytes: number): string {
  const language = currentLanguage();
  return language === SOURCE_LANGUAGE ? megabytes(bytes) : formatBytes(bytes, language);
}
