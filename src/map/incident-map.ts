import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { MapViewState } from '../domain/url-state';
import type { PointsReply, QueryReply } from '../workers/engine-protocol';
import type { GpuFilter, GpuIncidentLayer } from './gpu-incident-layer';
import type { ColourScheme } from './basemap-style';
import { basemapPaints, buildBasemapStyle, INITIAL_BOUNDS } from './basemap-style';
import { CROSSING_LAYER } from './border-layers';
import type { ProvinceCounts } from './border-overlays';
import { BorderOverlays } from './border-overlays';
import type { BorderSide } from './distance-band';
import { toSlimFeatures } from './incident-features';
import type { MapSnapshot } from './map-snapshot';
import {
  CLUSTER_LAYER,
  INCIDENT_LAYER,
  INCIDENT_SOURCE,
  incidentLayerModes,
  shouldCluster,
} from './incident-layers';

maplibregl.setWorkerUrl(workerUrl);

/** An incident under a click. */
export interface MapHit {
  row: number;
  type: string;
}

export interface IncidentMapOptions {
  /** Called with the row id of a clicked incident. */
  onSelect: (row: number) => void;
  /**
   * Called on each click on the map: with the incidents under it when there are several (to
   * choose from, `at` in pixels from the map's top left), with none otherwise.
   */
  onChoose?: (hits: MapHit[], at: { x: number; y: number }) => void;
  /** Where to look first (a permalink's view); else the whole border. */
  initialView?: MapViewState | null;
  /** Called when the camera settles after a move. */
  onViewChange?: (view: MapViewState) => void;
  /** Called with the id of a clicked border crossing (when no incident is under the click). */
  onPickCrossing?: (id: string) => void;
  /** Called with the id of a clicked province while the choropleth is shown. */
  onPickProvince?: (id: string) => void;
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
  private heatmap = false;
  /** Whether the incident source clusters now (it does above CLUSTER_ABOVE points). */
  private clustered = false;
  private readonly darkQuery: MediaQueryList | null;
  private readonly onSchemeChange = () => this.applyScheme();
  /** Crossings, the distance band and the province choropleth. */
  private readonly border: BorderOverlays;

  constructor(
    container: HTMLElement,
    private readonly options: IncidentMapOptions,
  ) {
    setMapState('loading');
    this.darkQuery = window.matchMedia?.('(prefers-color-scheme: dark)') ?? null;
    this.map = new maplibregl.Map({
      container,
      style: buildBasemapStyle(document.baseURI, this.scheme()),
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
    this.border = new BorderOverlays(this.map, document.baseURI);
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.on('load', () => {
      this.styleLoaded = true;
      this.applyLayerModes();
      this.border.attach();
      // The scheme may have changed while the style loaded.
      this.applyScheme();
      if (this.shown) this.pushIncidents(this.shown);
      else this.map.once('idle', () => setMapState('idle'));
    });
    this.map.on('click', (event) => this.onClick(event));
    for (const layer of [INCIDENT_LAYER, CLUSTER_LAYER, CROSSING_LAYER]) {
      this.map.on('mouseenter', layer, () => (this.map.getCanvas().style.cursor = 'pointer'));
      this.map.on('mouseleave', layer, () => (this.map.getCanvas().style.cursor = ''));
    }
    this.darkQuery?.addEventListener('change', this.onSchemeChange);
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

  /**
   * Shows a heatmap of the incidents instead of clusters and circles at low zoom. (The GPU
   * layer of large datasets has no heatmap: the map view disables the switch there.)
   */
  setHeatmap(on: boolean): void {
    if (on === this.heatmap) return;
    this.heatmap = on;
    if (this.styleLoaded) this.applyLayerModes();
  }

  /** Draws the band `range` km from the Durand Line, on one side or both; null draws none. */
  showDistanceBand(range: readonly [number, number] | null, side: BorderSide | null): void {
    this.border.showDistanceBand(range, side);
  }

  /** Shows or hides provinces filled by their number of incidents. */
  setProvinceChoropleth(on: boolean): void {
    this.border.setChoropleth(on);
  }

  /** The incidents per province the choropleth shows. */
  showProvinceCounts(counts: ProvinceCounts): void {
    this.border.showProvinceCounts(counts);
  }

  /** Outlines the province the incidents are filtered to, or none. */
  setSelectedProvince(id: string | null): void {
    this.border.setSelectedProvince(id);
  }

  /** A copy of the map as drawn now, GPU points included, at the canvas's pixel size. */
  async snapshot(): Promise<MapSnapshot> {
    // Both canvases keep their drawing buffer, but a frame may be pending: let it finish.
    if (!this.map.loaded()) await this.map.once('idle');
    const source = this.map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d');
    if (!context) throw new Error('Export PNG: this browser gives no 2D canvas to draw on');
    context.drawImage(source, 0, 0);
    const gpu = this.gpu?.canvas();
    if (gpu && gpu.width > 0 && gpu.height > 0)
      context.drawImage(gpu, 0, 0, copy.width, copy.height);
    return { canvas: copy, pixelRatio: this.map.getPixelRatio() };
  }

  destroy(): void {
    this.darkQuery?.removeEventListener('change', this.onSchemeChange);
    if (window.durandMap === this.map) delete window.durandMap;
    this.border.destroy();
    this.map.remove();
  }

  private onClick(event: maplibregl.MapMouseEvent): void {
    if (!this.styleLoaded) return;
    if (this.gpuPoints) {
      // Large datasets are picked by the GPU layer itself; a click beside its points may still
      // hit a crossing or a province.
      if (!this.gpu?.hasPointAt(event.point)) this.pickBorder(event.point);
      return;
    }
    const layers = [INCIDENT_LAYER, CLUSTER_LAYER].filter(
      (id) => this.map.getLayoutProperty(id, 'visibility') !== 'none',
    );
    const features = this.map.queryRenderedFeatures(event.point, { layers });
    const cluster = features.find((f) => f.layer.id === CLUSTER_LAYER);
    if (cluster) {
      this.options.onChoose?.([], { x: event.point.x, y: event.point.y });
      void this.zoomIntoCluster(cluster);
      return;
    }
    // Several circles under the pointer: often incidents placed on the same district centre.
    const hits = new Map<number, MapHit>();
    for (const feature of features) {
      const { row, type } = feature.properties as { row?: unknown; type?: unknown };
      if (typeof row === 'number' && !hits.has(row)) hits.set(row, { row, type: String(type) });
    }
    const at = { x: event.point.x, y: event.point.y };
    if (hits.size > 1 && this.options.onChoose) {
      this.options.onChoose([...hits.values()], at);
      return;
    }
    this.options.onChoose?.([], at);
    const first = hits.keys().next();
    if (!first.done) this.options.onSelect(first.value);
    else this.pickBorder(event.point);
  }

  /** Incidents come first: a crossing or province is picked only where no incident is. */
  private pickBorder(point: { x: number; y: number }): void {
    const hit = this.border.hitAt(point);
    if (hit?.kind === 'crossing') this.options.onPickCrossing?.(hit.id);
    else if (hit?.kind === 'province') this.options.onPickProvince?.(hit.id);
  }

  private async zoomIntoCluster(cluster: maplibregl.MapGeoJSONFeature): Promise<void> {
    const source = this.map.getSource<maplibregl.GeoJSONSource>(INCIDENT_SOURCE);
    const id = cluster.properties?.cluster_id;
    if (!source || typeof id !== 'number') return;
    const zoom = await source.getClusterExpansionZoom(id);
    const [lon, lat] = (cluster.geometry as GeoJSON.Point).coordinates as [number, number];
    this.moved = true;
    this.map.easeTo({
      center: [lon, lat],
      zoom: Math.min(zoom, this.map.getMaxZoom()),
      duration: prefersReducedMotion() ? 0 : 500,
    });
  }

  private applyLayerModes(): void {
    for (const { id, visible, minzoom } of incidentLayerModes(this.heatmap)) {
      this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
      this.map.setLayerZoomRange(id, minzoom, 24);
    }
  }

  private scheme(): ColourScheme {
    return this.darkQuery?.matches ? 'dark' : 'light';
  }

  private applyScheme(): void {
    if (!this.styleLoaded) return;
    for (const { layer, property, value } of basemapPaints(this.scheme())) {
      this.map.setPaintProperty(layer, property, value);
    }
  }

  private pushIncidents(incidents: QueryReply['map']): void {
    setMapState('loading');
    const source = this.map.getSource<maplibregl.GeoJSONSource>(INCIDENT_SOURCE);
    const cluster = shouldCluster(incidents.rows.length);
    if (source && cluster !== this.clustered) {
      this.clustered = cluster;
      void source.setClusterOptions({ cluster });
    }
    source?.setData(toSlimFeatures(incidents));
    if (this.selected !== null) {
      this.map.setFeatureState({ source: INCIDENT_SOURCE, id: this.selected }, { selected: true });
    }
    this.map.once('idle', () => {
      if (this.shown === incidents) setMapState('idle');
    });
  }
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
