import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapViewState } from '../../domain/url-state';
import type { ProvinceCounts } from '../../map/border-overlays';
import type { MapHit } from '../../map/incident-map';
import { IncidentMap } from '../../map/incident-map';
import { registerShownMap } from '../../map/shown-map';
import type { IncidentState, IncidentStore } from '../../state/incident-store';
import { incidentStore, selectDescribeType, useIncidentStore } from '../../state/incident-store';
import type { ChooserItem } from '../map-controls/describe-hits';
import { describeHits } from '../map-controls/describe-hits';
import { IncidentChooser } from '../map-controls/incident-chooser';
import { MapLegend } from '../map-controls/map-legend';
import { MapToggle } from '../map-controls/map-toggle';

const NO_PROVINCE_COUNTS: ProvinceCounts = [];
const NO_TYPE_CODES: readonly string[] = [];

/** The incidents under one click, while the user chooses one of them. */
interface Choice {
  hits: MapHit[];
  at: { x: number; y: number };
  items: ChooserItem[] | null;
}

/**
 * The map's place in the page, with its legend, heatmap and province switches and the chooser of
 * incidents at one spot. The map is created once and fed from the store through `store.subscribe`, so
 * filter changes reach it without re-rendering React.
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
  const { t } = useTranslation('mapView');
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<IncidentMap | null>(null);
  const [heatmap, setHeatmap] = useState(false);
  const [provinces, setProvinces] = useState(false);
  const geography = useIncidentStore((state) => state.geography !== null, store);
  const describeType = useIncidentStore(selectDescribeType, store);
  const [choice, setChoice] = useState<Choice | null>(null);

  // The map is made in a task after the page's first render: making a WebGL map takes long
  // without a GPU, and the page would otherwise wait for it in one piece.
  const started = useRef({ heatmap, provinces: false });
  useEffect(() => {
    const startMap = (element: HTMLDivElement): (() => void) => {
      const map = new IncidentMap(element, {
        tiles: (z, x, y, signal) => store.getState().loadTile(z, x, y, signal),
        onSelect: (row) => void store.getState().select(row, 'map'),
        onChoose: (hits, at) => {
          if (hits.length === 0) {
            setChoice(null);
            return;
          }
          const opened: Choice = { hits, at, items: null };
          setChoice(opened);
          void describeHits(store, hits).then((items) =>
            setChoice((current) => (current === opened ? { ...opened, items } : current)),
          );
        },
        onPickCrossing: (id) => {
          const { filter, setFilter } = store.getState();
          setFilter({ crossing: { id, km: filter.crossing?.km ?? 10 } });
        },
        // A second click on the chosen province lifts the filter.
        onPickProvince: (id) => {
          const { filter, setFilter } = store.getState();
          setFilter({ province: filter.province === id ? null : id });
        },
        initialView,
        ...(onViewChange ? { onViewChange } : {}),
      });
      let flownTo: unknown = null;
      const sync = (state: IncidentState) => {
        const { selected, selectedFrom } = state;
        if (
          selected &&
          selected !== flownTo &&
          (selectedFrom === 'list' || selectedFrom === 'link') &&
          selected.lon !== null &&
          selected.lat !== null
        ) {
          flownTo = selected;
          map.flyTo(selected.lon, selected.lat);
        }
        map.setTypeCodes(state.summary?.typeCodes ?? NO_TYPE_CODES);
        map.setSelected(state.selectedRow);
        map.showDistanceBand(state.filter.borderKm, state.filter.side);
        map.setSelectedProvince(state.filter.province);
        map.showProvinceCounts(state.result?.provinceCounts ?? NO_PROVINCE_COUNTS);
      };
      sync(store.getState());
      const unsubscribe = store.subscribe((state, previous) => {
        if (state.result !== previous.result) {
          // Each answer of the engine redraws the map; what the chooser lists may be gone.
          map.refreshIncidents();
          setChoice(null);
        }
        sync(state);
      });
      const unregister = registerShownMap(map);
      mapRef.current = map;
      // The switches may have been used before the map was made.
      map.setHeatmap(started.current.heatmap);
      map.setProvinceChoropleth(started.current.provinces);
      return () => {
        mapRef.current = null;
        unregister();
        unsubscribe();
        map.destroy();
      };
    };
    let stop: (() => void) | null = null;
    const timer = setTimeout(() => {
      if (container.current) stop = startMap(container.current);
    }, 0);
    return () => {
      clearTimeout(timer);
      stop?.();
    };
    // The map is created once: a later initialView or callback does not re-create it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);

  useEffect(() => {
    started.current.heatmap = heatmap;
    mapRef.current?.setHeatmap(heatmap);
  }, [heatmap]);

  useEffect(() => {
    started.current.provinces = provinces && geography;
    mapRef.current?.setProvinceChoropleth(provinces && geography);
    store.getState().setProvinceCountsWanted(provinces && geography);
  }, [provinces, geography, store]);

  const closeChooser = () => {
    setChoice(null);
    container.current?.querySelector('canvas')?.focus();
  };

  return (
    <>
      <div ref={container} className="map" data-testid="map" role="region" aria-label={t('map')} />
      <div className="map-controls">
        <div className="map-toggles">
          <MapToggle label={t('heatmap')} on={heatmap} onChange={setHeatmap} unavailable={null} />
          <MapToggle
            label={t('provinces')}
            on={provinces}
            onChange={setProvinces}
            unavailable={geography ? null : t('noProvincesYet')}
          />
        </div>
        <MapLegend store={store} heatmap={heatmap} provinces={provinces && geography} />
      </div>
      {choice && (
        <IncidentChooser
          count={choice.hits.length}
          items={choice.items}
          at={choice.at}
          describeType={describeType}
          onChoose={(row) => {
            closeChooser();
            void store.getState().select(row, 'map');
          }}
          onClose={closeChooser}
        />
      )}
    </>
  );
}
