import { useEffect, useRef } from 'react';
import { megabytes, RAISE_LIMIT_LABEL } from '../../domain/import/read-limits';
import { describeProblems, itemNoun } from '../../domain/import/rejection-problems';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';
import type { DatasetSummary, LoadOptions } from '../../workers/engine-protocol';
import { downloadFile } from '../export/download-file';
import { displayName } from '../../domain/display-text';
import { DataText } from '../data-text/data-text';
import { DatasetWarnings } from './dataset-warnings';

/** Rejections listed; the rest are counted (as warnings are, SHOWN_WARNINGS). */
const SHOWN_REJECTIONS = 200;
/** Of a file that gave nothing, a few rejections as examples under the grouped problems. */
const EMPTY_SHOWN_REJECTIONS = 5;

/**
 * What could not be loaded and why: URL problems, file-level errors, a file of which nothing
 * loaded, and per loaded file its rejects and warnings.
 */
export function LoadReport({ store = incidentStore }: { store?: IncidentStore }) {
  const loadError = useIncidentStore((state) => state.loadError, store);
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
                <DataText value={notice} />
              </li>
            ))}
          </ul>
          <button type="button" onClick={dismissNotices}>
            Dismiss
          </button>
        </div>
      )}
      {loadError && (
        <div role="alert" className="message error">
          <DataText value={loadError} />
          {limitOffer && (
            <p>
              <button type="button" onClick={() => void store.getState().loadWithHigherLimit()}>
                {RAISE_LIMIT_LABEL} ({megabytes(limitOffer.maxBytes)})
              </button>
            </p>
          )}
          {shown && (
            <p className="small">
              Still showing <DataText value={shown} />.
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
        aria-label={`Nothing loaded from ${displayName(dataset.name)}`}
      >
        <p>
          <DataText value={dataset.name} name />: no incident could be loaded
          {problems && (
            <>
              {' ('}
              <DataText value={problems} />)
            </>
          )}
          .{' '}
          {shown ? (
            <>
              Still showing <DataText value={shown} />.
            </>
          ) : (
            'Nothing else was loaded before it.'
          )}
        </p>
        <p>
          {columns.length > 0 && (
            <button type="button" onClick={chooseColumnsAgain}>
              Choose columns again
            </button>
          )}{' '}
          <button type="button" onClick={dismissEmptyLoad}>
            Dismiss
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
  const { name, rejectedCount, loaded, format } = dataset;
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
          aria-label={`Rejected features of ${displayName(name)}`}
        >
          <p>
            <DataText value={name} name />: {loaded} loaded, {rejectedCount}{' '}
            {itemNoun(format, rejectedCount)} {rejectedCount === 1 ? 'was' : 'were'} not loaded (
            <DataText value={describeProblems(dataset.problems, format)} />
            ):
          </p>
          <Rejections dataset={dataset} />
          <button type="button" onClick={() => void onDownload()}>
            Download rejected
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
  const { rejected, rejectedCount, format } = dataset;
  const place = (line: number | undefined, index: number) =>
    line === undefined ? `Feature ${index}` : `${format === 'xlsx' ? 'Row' : 'Line'} ${line}`;
  return (
    <>
      <ol className="rejections">
        {rejected.slice(0, shown).map((r) => (
          <li key={r.index}>
            {place(r.line, r.index)}
            {r.id !== undefined && (
              <>
                {' (id "'}
                <DataText value={r.id} name />
                {'")'}
              </>
            )}
            : <DataText value={r.reason} />
          </li>
        ))}
      </ol>
      {rejectedCount > shown && <p>…and {(rejectedCount - shown).toLocaleString('en')} more.</p>}
    </>
  );
}
