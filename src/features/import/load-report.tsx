import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';
import { displayText } from '../incident-detail/incident-fields';

const SHOWN_REJECTIONS = 200;

/** What could not be loaded and why: file-level errors, rejected features, warnings, URL problems. */
export function LoadReport({ store = incidentStore }: { store?: IncidentStore }) {
  const loadError = useIncidentStore((state) => state.loadError, store);
  const rejected = useIncidentStore((state) => state.dataset?.rejected, store);
  const warnings = useIncidentStore((state) => state.dataset?.warnings, store);
  const source = useIncidentStore((state) => state.dataset?.source, store);
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
          {source && <p className="small">Still showing the incidents from {source}.</p>}
        </div>
      )}
      {rejected && rejected.length > 0 && (
        <div role="alert" className="message error" aria-label="Rejected features">
          <p>
            {rejected.length} {rejected.length === 1 ? 'feature was' : 'features were'} not loaded
            from {source}:
          </p>
          <ol className="rejections">
            {rejected.slice(0, SHOWN_REJECTIONS).map((r) => (
              <li key={r.index}>
                Feature {r.index}
                {r.id !== undefined && ` (id "${displayText(r.id)}")`}: {displayText(r.reason)}
              </li>
            ))}
          </ol>
          {rejected.length > SHOWN_REJECTIONS && (
            <p>…and {rejected.length - SHOWN_REJECTIONS} more.</p>
          )}
        </div>
      )}
      {warnings && warnings.length > 0 && (
        <div role="status" className="message warning">
          <ul>
            {warnings.map((warning, i) => (
              <li key={i}>{warning.message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
