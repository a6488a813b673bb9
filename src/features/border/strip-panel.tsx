import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, selectDescribeType, useIncidentStore } from '../../state/incident-store';
import { parseDay } from '../../domain/incident-date';
import { BorderStrip } from '../border-strip/border-strip';
import { PackageRefusal, usePackageRefusal } from '../filters/package-gate';

/**
 * The border strip fed from the store: every located incident at its km along the Durand Line
 * and its date; brushing a stretch filters everything else, and the other filters shape it.
 */
export function StripPanel({ store = incidentStore }: { store?: IncidentStore }) {
  const { t } = useTranslation('border');
  const strip = useIncidentStore((state) => state.strip, store);
  const geography = useIncidentStore((state) => state.geography, store);
  const dayExtent = useIncidentStore((state) => state.summary?.dayExtent ?? null, store);
  const chainageKm = useIncidentStore((state) => state.filter.chainageKm, store);
  const setFilter = useIncidentStore((state) => state.setFilter, store);
  const select = useIncidentStore((state) => state.select, store);
  const setStripOpen = useIncidentStore((state) => state.setStripOpen, store);
  const describeType = useIncidentStore(selectDescribeType, store);
  const refused = usePackageRefusal(['stretch of the line'], store);

  const extent = useMemo(() => {
    const from = dayExtent ? parseDay(dayExtent.from)?.dayNumber : undefined;
    const to = dayExtent ? parseDay(dayExtent.to)?.dayNumber : undefined;
    return from === undefined || to === undefined ? null : { fromDay: from, toDay: to };
  }, [dayExtent]);
  const range = useMemo(
    () => (chainageKm ? { fromKm: chainageKm[0], toKm: chainageKm[1] } : null),
    [chainageKm],
  );
  // The panel is there from the start, so that its arrival does not resize (and redraw) the map.
  return (
    <details className="strip-panel" onToggle={(event) => setStripOpen(event.currentTarget.open)}>
      <summary>{t('stripSummary')}</summary>
      {refused ? (
        <PackageRefusal reason={refused} />
      ) : geography ? (
        <BorderStrip
          points={strip}
          lengthKm={geography.lengthKm}
          segments={geography.segments}
          extent={extent}
          range={range}
          onRangeChange={(next) =>
            setFilter({ chainageKm: next ? [next.fromKm, next.toKm] : null })
          }
          describeType={describeType}
          onSelect={(row) => void select(row, 'list')}
        />
      ) : (
        <p className="muted small">{t('geographyLoading')}</p>
      )}
    </details>
  );
}
