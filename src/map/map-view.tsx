import { useEffect, useRef } from 'react';
import type { IncidentState, IncidentStore } from '../state/incident-store';
import { incidentStore } from '../state/incident-store';
import { parseDay } from '../domain/incident-date';
import type { MapViewState } from '../domain/url-state';
import type { EngineFilter, PointsReply } from '../workers/engine-protocol';
import type { GpuFilter } from './gpu-incident-layer';
import { IncidentMap } from './incident-map';

/** The store's filter in the GPU layer's terms: day numbers and positions in the points' lists. */
function toGpuFilter(
  filter: EngineFilter,
  points: PointsReply,
  mask: Uint8Array | null,
): GpuFilter {
  const positions = (selected: readonly string[] | null, all: string[]) =>
    all.flatMap((item, i) => (selected === null || selected.includes(item) ? [i] : []));
  return {
    fromDay: filter.from === null ? -1e9 : (parseDay(filter.from)?.dayNumber ?? -1e9),
    toDay: filter.to === null ? 1e9 : (parseDay(filter.to)?.dayNumber ?? 1e9),
    types: positions(filter.types, points.typeCodes),
    datasets: positions(filter.datasets, points.datasetIds),
    mask,
  };
}

/**
 * The map's place in the page. The map is created once and fed from the store through
 * `store.subscribe`, so filter changes reach it without re-rendering React.
 */
export function MapView({
  store = incidentStore,
  initialView = null,
  onViewChange,
}: {
  store?: IncidentStore;
  initialView?: MapViewState | null;
  onViewChange?: (view: MapViewState) => void;
}) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const map = new IncidentMap(container.current, {
      onSelect: (row) => void store.getState().select(row, 'map'),
      initialView,
      ...(onViewChange ? { onViewChange } : {}),
    });
    let flownTo: unknown = null;
    const sync = (state: IncidentState) => {
      const { selected, selectedFrom } = state;
      if (
        selected &&
        selected !== flownTo &&
        (selectedFrom === 'list' || (selectedFrom === 'link' && !initialView)) &&
        selected.lon !== null &&
        selected.lat !== null
      ) {
        flownTo = selected;
        map.flyTo(selected.lon, selected.lat);
      }
      map.showPoints(state.points);
      if (state.points)
        map.setGpuFilter(toGpuFilter(state.filter, state.points, state.result?.gpuMask ?? null));
      else if (state.result && !state.result.map.omitted) map.showIncidents(state.result.map);
      map.setSelected(state.selectedRow);
    };
    sync(store.getState());
    const unsubscribe = store.subscribe(sync);
    return () => {
      unsubscribe();
      map.destroy();
    };
    // The map is created once: a later initialView or callback does not re-create it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
