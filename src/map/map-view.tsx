import { useEffect, useRef } from 'react';
import type { IncidentState, IncidentStore } from '../state/incident-store';
import { incidentStore } from '../state/incident-store';
import { IncidentMap } from './incident-map';

/**
 * The map's place in the page. The map is created once and fed from the store through
 * `store.subscribe`, so filter changes reach it without re-rendering React.
 */
export function MapView({ store = incidentStore }: { store?: IncidentStore }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const map = new IncidentMap(container.current, {
      onSelect: (row) => void store.getState().select(row),
    });
    const sync = (state: IncidentState) => {
      if (state.result) map.showIncidents(state.result.map);
      map.setSelected(state.selectedRow);
    };
    sync(store.getState());
    const unsubscribe = store.subscribe(sync);
    return () => {
      unsubscribe();
      map.destroy();
    };
  }, [store]);

  return (
    <div
      ref={container}
      className="map"
      data-testid="map"
      role="region"
      aria-label="Map of incidents"
    />
  );
}
