import { useTranslation } from 'react-i18next';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, selectDescribeType, useIncidentStore } from '../../state/incident-store';
import { formatDayNumber, parseDay } from '../../domain/incident-date';
import { Timeline } from './timeline';

/** The timeline fed from the store: the engine's stacked per-day counts, the brush sets the dates. */
export function TimelinePanel({ store = incidentStore }: { store?: IncidentStore }) {
  const { t } = useTranslation('timeline');
  const timeline = useIncidentStore((state) => state.result?.timeline ?? null, store);
  const extent = useIncidentStore((state) => state.summary?.dayExtent ?? null, store);
  const from = useIncidentStore((state) => state.filter.from, store);
  const to = useIncidentStore((state) => state.filter.to, store);
  const setDateRange = useIncidentStore((state) => state.setDateRange, store);
  const describeType = useIncidentStore(selectDescribeType, store);

  const fromDay = extent ? parseDay(extent.from)?.dayNumber : undefined;
  const toDay = extent ? parseDay(extent.to)?.dayNumber : undefined;
  return (
    <section className="timeline-panel" aria-label={t('panel')}>
      <Timeline
        histogram={timeline}
        extent={fromDay !== undefined && toDay !== undefined ? { fromDay, toDay } : null}
        range={{
          fromDay: from === null ? null : (parseDay(from)?.dayNumber ?? null),
          toDay: to === null ? null : (parseDay(to)?.dayNumber ?? null),
        }}
        describeType={describeType}
        onRangeChange={(start, end) =>
          setDateRange(
            start === null ? null : formatDayNumber(start),
            end === null ? null : formatDayNumber(end),
          )
        }
      />
    </section>
  );
}
