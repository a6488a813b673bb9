import type { ReactNode } from 'react';
import type { Precision } from '../../domain/incident-facets';
import { formatFatalities } from '../../domain/layouts/incident-view';
import { noteKey } from '../../domain/notes/analyst-note';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, selectDescribeType, useIncidentStore } from '../../state/incident-store';
import { displayText } from '../../domain/display-text';
import { DataText } from '../data-text/data-text';
import { otherProperties, own, sourceLinks } from './incident-fields';
import { IncidentNotes } from '../analyst-notes/incident-notes';

function Row({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** What the panel says of a point's precision, after the place. */
const PRECISION_NOTES: Record<Precision, string | null> = {
  place: 'location precise to the place',
  district: 'location precise to the district',
  province: 'location precise to the province',
  other: 'location approximate',
  unknown: null,
};

/**
 * The selected incident in full: what its view says (read by its file's layout), then every
 * property as loaded. All data is rendered as text; only http(s) links are made.
 */
export function IncidentDetail({ store = incidentStore }: { store?: IncidentStore }) {
  const incident = useIncidentStore((state) => state.selected, store);
  const select = useIncidentStore((state) => state.select, store);
  const describeType = useIncidentStore(selectDescribeType, store);
  if (!incident) return null;

  const { view } = incident;
  const p = incident.feature.properties;
  // Fields only this app's schema has: no other layout gives a local time or who claimed what.
  const text = (key: string) => displayText(own(p, key));
  const place = displayText(
    [view.place, view.district, view.province, view.countries.join(', ')]
      .filter(Boolean)
      .join(', '),
  );
  const precision = PRECISION_NOTES[view.precision];
  const fatalities = formatFatalities(view.fatalities);
  const sources = sourceLinks(view.links, view.sources);
  const others = otherProperties(p);
  const { label, colour } = describeType(incident.type);
  const target = { dataset: incident.datasetName, incident: incident.key };

  return (
    <aside className="incident-detail" aria-label="Incident details">
      <header>
        <h2>
          <span className="swatch" style={{ backgroundColor: colour }} aria-hidden="true" />
          <DataText value={label} name />
        </h2>
        <button
          type="button"
          className="close"
          onClick={() => void select(null)}
          aria-label="Close details"
        >
          ×
        </button>
      </header>
      <dl>
        <Row label="Date">
          {incident.datePrecision === 'month'
            ? incident.day.slice(0, 7)
            : incident.datePrecision === 'year'
              ? incident.day.slice(0, 4)
              : incident.day}
          {text('time_local') && (
            <>
              {' '}
              <DataText value={text('time_local')} /> local
            </>
          )}
          {incident.datePrecision ? (
            <span className="muted">
              {` (${incident.datePrecision} only: counted on `}
              {new Date(`${incident.day}T00:00:00Z`).toLocaleDateString('en-GB', {
                day: 'numeric',
                month: 'long',
                year: 'numeric',
                timeZone: 'UTC',
              })}
              {' on the timeline)'}
            </span>
          ) : (
            text('date_precision') &&
            text('date_precision') !== 'day' && (
              <>
                {' (precise to the '}
                <DataText value={text('date_precision')} />)
              </>
            )
          )}
        </Row>
        <Row label="Place">
          {place && <DataText value={place} />}
          {incident.lon === null ? (
            <span className="muted"> (no coordinates: not on the map)</span>
          ) : (
            precision && <span className="muted"> ({precision})</span>
          )}
        </Row>
        <Row label="Actors">
          {view.actors.length > 0 && (
            <ul>
              {view.actors.map((a, i) => (
                <li key={i}>
                  <DataText value={a} name />
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label="Fatalities">{fatalities}</Row>
        <Row label="Who claimed what">
          {text('fatality_claims') && <DataText value={text('fatality_claims')} />}
        </Row>
        <Row label="Injuries">{text('injuries') && <DataText value={text('injuries')} />}</Row>
        <Row label="Summary">{view.summary && <DataText value={view.summary} />}</Row>
        <Row label="Sources">
          {sources.length > 0 && (
            <ul className="sources">
              {sources.map((source, i) => (
                <li key={i}>
                  {source.href ? (
                    <a
                      href={source.href}
                      target="_blank"
                      rel="noopener noreferrer"
                      title={displayText(source.text)}
                    >
                      <DataText value={source.label} name />
                    </a>
                  ) : source.written ? (
                    <span title="Not an http(s) link">
                      <DataText value={source.text} />
                    </span>
                  ) : (
                    <DataText value={source.text} name />
                  )}
                </li>
              ))}
            </ul>
          )}
        </Row>
        {incident.border && (
          <>
            <Row label="Border">
              {incident.border.side === 'AF'
                ? 'Afghan side'
                : incident.border.side === 'PK'
                  ? 'Pakistani side'
                  : 'Side unknown'}
              , {incident.border.distanceKm} km from the line, {incident.border.chainageKm} km along
              it from the Iran tripoint{' '}
              <span className="muted">(Natural Earth 1:10m, generalised)</span>
            </Row>
            <Row label="Nearest crossing">
              {incident.border.nearestCrossing &&
                `${incident.border.nearestCrossing}, ${incident.border.nearestCrossingKm} km`}
            </Row>
            <Row label="Province (derived)">{incident.border.provinceName}</Row>
          </>
        )}
        <Row label="Id">
          <DataText value={incident.key} name />
        </Row>
        <Row label="Dataset">
          <DataText value={incident.datasetName} name />
        </Row>
      </dl>
      <IncidentNotes key={noteKey(target)} target={target} store={store} />
      {others.length > 0 && (
        <table className="other-properties">
          <caption>Other properties</caption>
          <tbody>
            {others.map(([key, value], i) => (
              <tr key={i}>
                <th scope="row">
                  <DataText value={key} name />
                </th>
                <td>
                  <DataText value={value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}
