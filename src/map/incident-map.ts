import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { MapViewState } from '../domain/url-state';
import { currentLanguage, i18next } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import { intlLocale } from '../i18n/intl-locale';
import { languageOf } from '../i18n/languages';
import {
  basemapPaints,
  buildBasemapStyle,
  COUNTRY_LABEL_LAYER,
  INITIAL_BOUNDS,
} from './basemap-style';
import { CROSSING_LAYER } from './border-layers';
import type { ProvinceCounts } from './border-overlays';
import { BorderOverlays } from './border-overlays';
import type { ColourScheme } from './colour-scheme';
import type { BorderSide } from './distance-band';
import { countryLabelField, countryLabelSpacing, zoomControlCorner } from './map-language';
import type { MapSnapshot } from './shown-map';
import { MAP_MAX_ZOOM } from './incident-layers';
import type { MapHit } from './incident-overlay';
import { IncidentOverlay } from './incident-overlay';
import type { TileProvider } from './incident-tile-source';

export type { MapHit };

maplibregl.setWorkerUrl(workerUrl);

/** How the whole border is framed at first. */
const INITIAL_FIT = { padding: 20 };

export interface IncidentMapOptions {
  /** Makes the incident tiles for the current filter. */
  tiles: TileProvider;
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
    /** The basemap, and the map of incidents over it, for automation and the browser console. */
    durandMap?: maplibregl.Map;
    durandIncidents?: maplibregl.Map;
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
  /** Whether the camera has left its initial fit (from then on the address carries the view). */
  private moved = false;
  /** The incidents, drawn over the basemap from tiles the engine makes for the current filter. */
  private readonly incidents: IncidentOverlay;
  /** Both halves of `data-map-state`: the basemap has settled, the latest incidents are drawn. */
  private baseIdle = false;
  private incidentsDrawn = false;
  private readonly darkQuery: MediaQueryList | null;
  private readonly onSchemeChange = () => this.applyScheme();
  private readonly onLanguageChange = () => this.applyLanguage();
  private readonly zoomControl = new maplibregl.NavigationControl({ showCompass: false });
  private zoomCorner: ReturnType<typeof zoomControlCorner> | null = null;
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
        : { bounds: INITIAL_BOUNDS, fitBoundsOptions: INITIAL_FIT }),
      attributionControl: { compact: true },
      maxZoom: MAP_MAX_ZOOM,
      // Labels appear at once rather than fading in: each fade is 300 ms of frames, and without
      // a GPU every frame holds the page while it is drawn.
      fadeDuration: 0,
      // Keep the drawn pixels readable so tests and screenshots can read the canvas.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.incidents = new IncidentOverlay(
      this.map,
      options.tiles,
      (drawn) => {
        this.incidentsDrawn = drawn;
        this.updateState();
      },
      (incidents) => (window.durandIncidents = incidents),
    );
    this.map.on('dataloading', () => {
      this.baseIdle = false;
      this.updateState();
    });
    this.map.on('idle', () => {
      this.baseIdle = true;
      this.updateState();
    });
    this.border = new BorderOverlays(this.map, document.baseURI);
    this.placeZoomControl();
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.on('load', () => {
      this.styleLoaded = true;
      this.border.attach();
      // The scheme and the language may have changed while the style loaded.
      this.applyScheme();
      this.applyLanguage();
    });
    this.map.on('click', (event) => this.onClick(event));
    // At most one look under the pointer a frame.
    let hoverFrame: number | null = null;
    this.map.on('mousemove', ({ point }) => {
      if (hoverFrame !== null) cancelAnimationFrame(hoverFrame);
      hoverFrame = requestAnimationFrame(() => {
        hoverFrame = null;
        this.onHover(point);
      });
    });
    this.darkQuery?.addEventListener('change', this.onSchemeChange);
    i18next.on('languageChanged', this.onLanguageChange);
    this.map.on('moveend', (event: { originalEvent?: unknown; initialFit?: boolean }) => {
      // The first fit is the app's own choice, not the user's: it stays out of the address.
      if (event.initialFit || (!this.moved && !event.originalEvent && !options.initialView)) return;
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

  /**
   * Puts the camera where a saved view had it, at once; for none, back to the first fit of the
   * whole border, which (as at the start) stays out of the address.
   */
  showView(view: MapViewState | null): void {
    if (view) {
      this.moved = true;
      this.map.jumpTo({ center: [view.lon, view.lat], zoom: view.zoom });
    } else {
      this.moved = false;
      this.map.fitBounds(INITIAL_BOUNDS, { ...INITIAL_FIT, animate: false }, { initialFit: true });
    }
  }

  /**
   * The filter changed: the map draws the incidents of the engine's latest query. The counts do
   * not wait for this; the tiles follow as fast as they are made and drawn.
   */
  refreshIncidents(): void {
    this.incidents.refresh();
  }

  /** Highlights one incident by row id, or none. */
  setSelected(row: number | null): void {
    this.incidents.setSelected(row);
  }

  /** Colours the incidents for the loaded data's type codes (the summary's, sorted). */
  setTypeCodes(typeCodes: readonly string[]): void {
    this.incidents.setTypeCodes(typeCodes);
  }

  /** Shows a heatmap of the incidents instead of clusters and circles at low zoom. */
  setHeatmap(on: boolean): void {
    this.incidents.setHeatmap(on);
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

  /** A copy of the map as drawn now, at the canvas's pixel size. */
  async snapshot(): Promise<MapSnapshot> {
    // The canvas keeps its drawing buffer, but a frame may be pending: let it finish.
    if (!this.map.loaded()) await this.map.once('idle');
    const source = this.map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d');
    if (!context) throw new Error('Export PNG: this browser gives no 2D canvas to draw on');
    context.drawImage(source, 0, 0);
    await this.incidents.drawOnto(context);
    return { canvas: copy, pixelRatio: this.map.getPixelRatio() };
  }

  destroy(): void {
    this.darkQuery?.removeEventListener('change', this.onSchemeChange);
    i18next.off('languageChanged', this.onLanguageChange);
    if (window.durandMap === this.map) delete window.durandMap;
    if (this.incidents.map && window.durandIncidents === this.incidents.map) {
      delete window.durandIncidents;
    }
    this.border.destroy();
    this.incidents.destroy();
    this.map.remove();
  }

  private onClick(event: maplibregl.MapMouseEvent): void {
    if (!this.styleLoaded) return;
    const at = { x: event.point.x, y: event.point.y };
    const hit = this.incidents.hitAt(event.point);
    if (hit.kind === 'cluster') {
      this.options.onChoose?.([], at);
      this.zoomIntoCluster(hit.feature);
      return;
    }
    // Several circles under the pointer: often incidents placed on the same district centre.
    if (hit.hits.length > 1 && this.options.onChoose) {
      this.options.onChoose(hit.hits, at);
      return;
    }
    this.options.onChoose?.([], at);
    const first = hit.hits[0];
    if (first) this.options.onSelect(first.row);
    else this.pickBorder(event.point);
  }

  /** A pointer over anything clickable: an incident, a cluster or a crossing. */
  private onHover(point: maplibregl.Point): void {
    if (!this.styleLoaded) return;
    const hit = this.incidents.hitAt(point);
    const over =
      hit.kind === 'cluster' ||
      hit.hits.length > 0 ||
      this.map.queryRenderedFeatures(point, { layers: [CROSSING_LAYER] }).length > 0;
    this.map.getCanvas().style.cursor = over ? 'pointer' : '';
  }

  private updateState(): void {
    setMapState(this.baseIdle && this.incidentsDrawn ? 'idle' : 'loading');
  }

  /** Incidents come first: a crossing or province is picked only where no incident is. */
  private pickBorder(point: { x: number; y: number }): void {
    const hit = this.border.hitAt(point);
    if (hit?.kind === 'crossing') this.options.onPickCrossing?.(hit.id);
    else if (hit?.kind === 'province') this.options.onPickProvince?.(hit.id);
  }

  /**
   * Zooms to where a cluster's incidents spread out: to the bounds of its members, at least one
   * zoom deeper, at most four (incidents all at one spot take a few clicks, not one leap).
   */
  private zoomIntoCluster(cluster: maplibregl.MapGeoJSONFeature): void {
    const { west, south, east, north } = cluster.properties as Record<string, number>;
    const [lon, lat] = (cluster.geometry as GeoJSON.Point).coordinates as [number, number];
    const zoom = this.map.getZoom();
    const fit = [west, south, east, north].every(Number.isFinite)
      ? this.map.cameraForBounds([west!, south!, east!, north!], { padding: 40 })
      : undefined;
    const target = Math.min(zoom + 4, Math.max(zoom + 1, fit?.zoom ?? zoom + 2));
    this.moved = true;
    this.map.easeTo({
      center: fit?.center ?? [lon, lat],
      zoom: Math.min(target, this.map.getMaxZoom()),
      duration: prefersReducedMotion() ? 0 : 500,
    });
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

  private language(): Language {
    return languageOf(currentLanguage());
  }

  /**
   * The map follows the page's language: country names in the reader's language and script
   * (MapLibre shapes Arabic script and orders right-to-left text itself), and the zoom buttons
   * at the page's inline end. The map itself is never mirrored: west stays on the left.
   */
  private applyLanguage(): void {
    this.placeZoomControl();
    if (!this.styleLoaded) return;
    const { code, dir } = this.language();
    this.map.setLayoutProperty(
      COUNTRY_LABEL_LAYER,
      'text-field',
      countryLabelField(intlLocale(code)),
    );
    this.map.setLayoutProperty(
      COUNTRY_LABEL_LAYER,
      'text-letter-spacing',
      countryLabelSpacing(dir),
    );
  }

  private placeZoomControl(): void {
    const corner = zoomControlCorner(this.language().dir);
    if (corner === this.zoomCorner) return;
    if (this.zoomCorner) this.map.removeControl(this.zoomControl);
    this.map.addControl(this.zoomControl, corner);
    this.zoomCorner = corner;
  }
}

function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

function setMapState(state: 'loading' | 'idle'): void {
  document.documentElement.dataset.mapState = state;
}
