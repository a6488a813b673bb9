import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';
import type { DatasetSummary } from '../../workers/engine-protocol';
import { downloadFile } from '../export/download-file';
import { displayText } from '../incident-detail/incident-fields';

const SHOWN_REJECTIONS = 200;

/** What could not be loaded and why: URL problems, file-level errors, and per file its rejects and warnings. */
export function LoadReport({ store = incidentStore }: { store?: IncidentStore }) {
  const loadError = useIncidentStore((state) => state.loadError, store);
  const datasets = useIncidentStore((state) => state.summary?.datasets, store);
  const notices = useIncidentStore((state) => state.notices, store);
  const dismissNotices = useIncidentStore((state) => state.dismissNotices, store);

  return (
    <div className="load-report">
      {notices.length > 0 && (
        <div role="alert" className="message warning">
          <ul>
            {notices.map((notice, i) => (
              <li key={i}>{notice}</li>
            ))}
          </ul>
          <button type="button" onClick={dismissNotices}>
            Dismiss
          </button>
        </div>
      )}
      {loadError && (
        <div role="alert" className="message error">
          {loadError}
          {datasets && datasets.length > 0 && (
            <p className="small">Still showing {datasets.map((d) => d.name).join(', ')}.</p>
          )}
        </div>
      )}
      {datasets?.map((dataset) => (
        <DatasetReport key={dataset.id} dataset={dataset} store={store} />
      ))}
    </div>
  );
}

function DatasetReport({ dataset, store }: { dataset: DatasetSummary; store: IncidentStore }) {
  const { name, rejectedCount, rejected, warnings, loaded } = dataset;
  const swap = warnings.find((w) => w.code === 'swapped-coordinates');
  const ambiguous = warnings.find((w) => w.code === 'ambiguous-date');
  const others = warnings.filter((w) => w !== swap && w !== ambiguous);
  const { reloadDataset } = store.getState();
  const swapped = dataset.options.swapCoordinates === true;
  const onDownload = async () => {
    const file = await store.getState().rejectedFile(dataset.id);
    if (file) downloadFile(file);
  };
  return (
    <>
      {rejectedCount > 0 && (
        <div role="alert" className="message error" aria-label={`Rejected features of ${name}`}>
          <p>
            {name}: {loaded} loaded, {rejectedCount}{' '}
            {rejectedCount === 1 ? 'feature was' : 'features were'} not loaded:
          </p>
          <ol className="rejections">
            {rejected.slice(0, SHOWN_REJECTIONS).map((r) => (
              <li key={r.index}>
                {r.line !== undefined ? `Line ${r.line}` : `Feature ${r.index}`}
                {r.id !== undefined && ` (id "${displayText(r.id)}")`}: {displayText(r.reason)}
              </li>
            ))}
          </ol>
          {rejectedCount > SHOWN_REJECTIONS && <p>…and {rejectedCount - SHOWN_REJECTIONS} more.</p>}
          <button type="button" onClick={() => void onDownload()}>
            Download rejected
          </button>
        </div>
      )}
      {(others.length > 0 || swap || ambiguous || swapped) && (
        <div role="status" className="message warning" aria-label={`Warnings for ${name}`}>
          {others.length > 0 && (
            <ul>
              {others.map((warning, i) => (
                <li key={i}>{warning.message}</li>
              ))}
            </ul>
          )}
          {(swap || swapped) && (
            <p>
              {swap?.message ?? `Longitude and latitude were swapped for every feature of ${name}.`}{' '}
              <button
                type="button"
                onClick={() => void reloadDataset(dataset.id, { swapCoordinates: !swapped })}
              >
                {swapped ? 'Undo the swap' : 'Swap longitude and latitude for the whole file'}
              </button>
            </p>
          )}
          {ambiguous && (
            <p>
              {ambiguous.message}{' '}
              <button
                type="button"
                onClick={() => void reloadDataset(dataset.id, { dayOrder: 'dmy' })}
              >
                Day first (03/04 is 3 April)
              </button>{' '}
              <button
                type="button"
                onClick={() => void reloadDataset(dataset.id, { dayOrder: 'mdy' })}
              >
                Month first (03/04 is 4 March)
              </button>
            </p>
          )}
        </div>
      )}
    </>
  );
}
