import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Precision } from '../../domain/incident-facets';
import { formatFatalities } from '../../domain/layouts/incident-view';
import { noteKey } from '../../domain/notes/analyst-note';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, selectDescribeType, useIncidentStore } from '../../state/incident-store';
import { displayText } from '../../domain/display-text';
import { DataText } from '../data-text/data-text';
import { otherProperties, own, sourceLinks } from './incident-fields';
import { IncidentNotes } from '../analyst-notes/incident-notes';
import { formatDay } from '../../i18n/format';
import { currentLanguage } from '../../i18n/i18n';
import { readerDay, readerDigits, readerNumber } from '../incident-list/reader-day';

function Row({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The precisions the panel names after the place (an unknown one goes unsaid). */
const NAMED_PRECISIONS = ['place', 'district', 'province', 'other'] as const;
const isNamed = (precision: Precision): precision is (typeof NAMED_PRECISIONS)[number] =>
  (NAMED_PRECISIONS as readonly string[]).includes(precision);

/**
 * The selected incident in full: what its view says (read by its file's layout), then every
 * property as loaded. All data is rendered as text; only http(s) links are made.
 */
export function IncidentDetail({ store = incidentStore }: { store?: IncidentStore }) {
  const incident = useIncidentStore((state) => state.selected, store);
  const select = useIncidentStore((state) => state.select, store);
  const describeType = useIncidentStore(selectDescribeType, store);
  const { t } = useTranslation('incidentDetail');
  if (!incident) return null;
  const language = currentLanguage();

  const { view } = incident;
  const p = incident.feature.properties;
  // Fields only this app's schema has: no other layout gives a local time or who claimed what.
  const text = (key: string) => displayText(own(p, key));
  const place = displayText(
    [view.place, view.district, view.province, view.countries.join(', ')]
      .filter(Boolean)
      .join(', '),
  );
  const precision = isNamed(view.precision) ? t(`precision.${view.precision}`) : null;
  const fatalities = readerDigits(formatFatalities(view.fatalities), language);
  const sources = sourceLinks(view.links, view.sources);
  const others = otherProperties(p);
  const { label, colour } = describeType(incident.type);
  const target = { dataset: incident.datasetName, incident: incident.key };

  return (
    <aside className="incident-detail" aria-label={t('region')}>
      <header>
        <h2>
          <span className="swatch" style={{ backgroundColor: colour }} aria-hidden="true" />
          <DataText value={label} name />
        </h2>
        <button
          type="button"
          className="close"
          onClick={() => void select(null)}
          aria-label={t('close')}
        >
          ×
        </button>
      </header>
      <dl>
        <Row label={t('field.date')}>
          {readerDay(incident.day, language, incident.datePrecision)}
          {text('time_local') && (
            <>
              {' '}
              <DataText value={text('time_local')} /> {t('local')}
            </>
          )}
          {incident.datePrecision ? (
            <span className="muted">
              {` ${t(`counted.${incident.datePrecision}`, {
                day: formatDay(incident.day, language, 'long'),
              })}`}
            </span>
          ) : (
            text('date_precision') &&
            text('date_precision') !== 'day' && (
              <>
                {` (${t('preciseTo')} `}
                <DataText value={text('date_precision')} />)
              </>
            )
          )}
        </Row>
        <Row label={t('field.place')}>
          {place && <DataText value={place} />}
          {incident.lon === null ? (
            <span className="muted"> ({t('noCoordinates')})</span>
          ) : (
            precision && <span className="muted"> ({precision})</span>
          )}
        </Row>
        <Row label={t('field.actors')}>
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
        <Row label={t('field.fatalities')}>{fatalities}</Row>
        <Row label={t('field.claims')}>
          {text('fatality_claims') && <DataText value={text('fatality_claims')} />}
        </Row>
        <Row label={t('field.injuries')}>
          {text('injuries') && <DataText value={text('injuries')} />}
        </Row>
        <Row label={t('field.summary')}>{view.summary && <DataText value={view.summary} />}</Row>
        <Row label={t('field.sources')}>
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
                    <span title={t('notHttp')}>
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
            <Row label={t('field.border')}>
              {t('measures', {
                side: t(
                  `side.${incident.border.side === 'AF' || incident.border.side === 'PK' ? incident.border.side : 'unknown'}`,
                ),
                distance: readerNumber(incident.border.distanceKm, language),
                along: readerNumber(incident.border.chainageKm, language),
              })}{' '}
              <span className="muted">{t('generalised')}</span>
            </Row>
            <Row label={t('field.nearestCrossing')}>
              {incident.border.nearestCrossing &&
                t('crossingAt', {
                  name: incident.border.nearestCrossing,
                  distance: readerNumber(incident.border.nearestCrossingKm ?? 0, language),
                })}
            </Row>
            <Row label={t('field.province')}>{incident.border.provinceName}</Row>
          </>
        )}
        <Row label={t('field.id')}>
          <DataText value={incident.key} name />
        </Row>
        <Row label={t('field.dataset')}>
          <DataText value={incident.datasetName} name />
        </Row>
      </dl>
      <IncidentNotes key={noteKey(target)} target={target} store={store} />
      {others.length > 0 && (
        <table className="other-properties">
          <caption>{t('otherProperties')}</caption>
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
