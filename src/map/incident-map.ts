import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { MapViewState } from '../domain/url-state';
import type { PointsReply, QueryReply } from '../workers/engine-protocol';
import type { GpuFilter, GpuIncidentLayer } from './gpu-incident-layer';
import {
  buildBasemapStyle,
  INCIDENT_LAYER,
  INCIDENT_SOURCE,
  INITIAL_BOUNDS,
} from './basemap-style';

maplibregl.setWorkerUrl(workerUrl);

export interface IncidentMapOptions {
  /** Called with the row id of a clicked incident. */
  onSelect: (row: number) => void;
  /** Where to look first (a permalink's view); else the whole border. */
  initialView?: MapViewState | null;
  /** Called when the camera settles after a move. */
  onViewChange?: (view: MapViewState) => void;
}

declare global {
  interface Window {
    /** The map, for automation and debugging in the browser console. */
    durandMap?: maplibregl.Map;
  }
}

/**
 * Owns the MapLibre map. React creates it once, feeds it through these methods and destroys it;
 * camera state stays here, not in React. `document.documentElement.dataset.mapState` reads
 * `idle` once the map has drawn the latest incidents, `loading` while it is catching up.
 */
export class IncidentMap {
  private readonly map: maplibregl.Map;
  private styleLoaded = false;
  private shown: QueryReply['map'] | null = null;
  private selected: number | null = null;
  /** Whether the camera has left its initial fit (from then on the address carries the view). */
  private moved = false;
  /** The GPU layer for large datasets, loaded on first need (deck.gl stays out of the main bundle). */
  private gpu: GpuIncidentLayer | null = null;
  private gpuLoading: Promise<GpuIncidentLayer> | null = null;
  private gpuPoints: PointsReply | null = null;
  private gpuFilter: GpuFilter | null = null;

  constructor(
    container: HTMLElement,
    private readonly options: IncidentMapOptions,
  ) {
    setMapState('loading');
    this.map = new maplibregl.Map({
      container,
      style: buildBasemapStyle(document.baseURI),
      ...(options.initialView
        ? {
            center: [options.initialView.lon, options.initialView.lat],
            zoom: options.initialView.zoom,
          }
        : { bounds: INITIAL_BOUNDS, fitBoundsOptions: { padding: 20 } }),
      attributionControl: { compact: true },
      maxZoom: 14,
      // Keep the drawn pixels readable so tests and screenshots can read the canvas.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.on('load', () => {
      this.styleLoaded = true;
      if (this.shown) this.pushIncidents(this.shown);
      else this.map.once('idle', () => setMapState('idle'));
    });
    this.map.on('click', INCIDENT_LAYER, (event) => {
      const row = event.features?.[0]?.properties?.row;
      if (typeof row === 'number') this.options.onSelect(row);
    });
    this.map.on(
      'mouseenter',
      INCIDENT_LAYER,
      () => (this.map.getCanvas().style.cursor = 'pointer'),
    );
    this.map.on('mouseleave', INCIDENT_LAYER, () => (this.map.getCanvas().style.cursor = ''));
    this.map.on('moveend', (event: { originalEvent?: unknown; fromLink?: boolean }) => {
      // The first fit is the app's own choice, not the user's: it stays out of the address.
      if (!this.moved && !event.originalEvent && !options.initialView && !event.fromLink) return;
      this.moved = true;
      const { lng, lat } = this.map.getCenter();
      options.onViewChange?.({ lat, lon: lng, zoom: this.map.getZoom() });
    });
    window.durandMap = this.map;
  }

  /** Brings an incident into view (selected from the list or a link). */
  flyTo(lon: number, lat: number): void {
    this.moved = true;
    const zoom = Math.max(this.map.getZoom(), 8);
    this.map.flyTo({
      center: [lon, lat],
      zoom,
      essential: false,
      duration: prefersReducedMotion() ? 0 : 800,
    });
  }

  /** Draws these incidents; a no-op when they are the ones already shown. */
  showIncidents(incidents: QueryReply['map']): void {
    if (incidents === this.shown) return;
    this.shown = incidents;
    if (this.styleLoaded) this.pushIncidents(incidents);
  }

  /**
   * Draws a large dataset on the GPU: all located points at once, filtered in the shader.
   * `null` returns to the MapLibre layer.
   */
  showPoints(points: PointsReply | null): void {
    if (points === this.gpuPoints) return;
    this.gpuPoints = points;
    if (points === null) {
      this.gpu?.destroy(this.map);
      this.gpu = null;
      this.gpuLoading = null;
      return;
    }
    setMapState('loading');
    this.shown = null;
    if (this.styleLoaded) {
      this.map
        .getSource<maplibregl.GeoJSONSource>(INCIDENT_SOURCE)
        ?.setData({ type: 'FeatureCollection', features: [] });
    }
    void this.withGpu((gpu) => {
      if (this.gpuPoints === points) gpu.setPoints(points, () => setMapState('idle'));
    });
  }

  /** The filter of the GPU layer: a day range and the ticked types and datasets. */
  setGpuFilter(filter: GpuFilter): void {
    const previous = this.gpuFilter;
    if (
      previous &&
      previous.fromDay === filter.fromDay &&
      previous.toDay === filter.toDay &&
      sameList(previous.types, filter.types) &&
      sameList(previous.datasets, filter.datasets) &&
      previous.mask === filter.mask
    ) {
      return;
    }
    this.gpuFilter = filter;
    setMapState('loading');
    void this.withGpu((gpu) => {
      if (this.gpuFilter === filter) gpu.setFilter(filter, () => setMapState('idle'));
    });
  }

  private async withGpu(apply: (gpu: GpuIncidentLayer) => void): Promise<void> {
    this.gpuLoading ??= import('./gpu-incident-layer').then(({ GpuIncidentLayer }) => {
      const gpu = new GpuIncidentLayer(this.map, (row) => this.options.onSelect(row));
      this.gpu = gpu;
      return gpu;
    });
    const gpu = await this.gpuLoading;
    if (this.gpu === gpu) apply(gpu);
  }

  /** Highlights one incident by row id, or none. */
  setSelected(index: number | null): void {
    this.gpu?.setSelected(index);
    if (index === this.selected) return;
    if (this.styleLoaded && this.selected !== null) {
      this.map.setFeatureState({ source: INCIDENT_SOURCE, id: this.selected }, { selected: false });
    }
    this.selected = index;
    if (this.styleLoaded && index !== null) {
      this.map.setFeatureState({ source: INCIDENT_SOURCE, id: index }, { selected: true });
    }
  }

  destroy(): void {
    if (window.durandMap === this.map) delete window.durandMap;
    this.map.remove();
  }

  private pushIncidents(incidents: QueryReply['map']): void {
    setMapState('loading');
    const source = this.map.getSource<maplibregl.GeoJSONSource>(INCIDENT_SOURCE);
    source?.setData(toSlimFeatures(incidents));
    if (this.selected !== null) {
      this.map.setFeatureState({ source: INCIDENT_SOURCE, id: this.selected }, { selected: true });
    }
    this.map.once('idle', () => {
      if (this.shown === incidents) setMapState('idle');
    });
  }
}

/** Only what the layers need: the row id (for clicks and highlight) and the type (for colour). */
function toSlimFeatures({
  rows,
  positions,
  types,
  typeCodes,
}: QueryReply['map']): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    features[i] = {
      type: 'Feature',
      id: rows[i]!,
      geometry: { type: 'Point', coordinates: [positions[i * 2]!, positions[i * 2 + 1]!] },
      properties: { row: rows[i]!, type: typeCodes[types[i]!]! },
    };
  }
  return { type: 'FeatureCollection', features };
}

function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function setMapState(state: 'loading' | 'idle'): void {
  document.documentElement.dataset.mapState = state;
}
