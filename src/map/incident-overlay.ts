import * as maplibregl from 'maplibre-gl';
import { CLUSTER_ID_BASE, INCIDENT_TILE_LAYER } from '../domain/map-tiles/incident-tiles';
import {
  buildIncidentStyle,
  CLUSTER_LAYER,
  clusterCountWarmUp,
  incidentColourPaints,
  INCIDENT_LAYER,
  INCIDENT_SOURCE,
  incidentLayerModes,
  MAP_MAX_ZOOM,
  WARM_UP,
} from './incident-layers';
import type { TileProvider } from './incident-tile-source';
import { IncidentTileSource } from './incident-tile-source';

/** An incident under a point of the map. */
export interface MapHit {
  row: number;
  type: string;
}

/** What lies under a point: a cluster, or the single incidents there (often several at one spot). */
export type OverlayHit =
  | { kind: 'cluster'; feature: maplibregl.MapGeoJSONFeature }
  | { kind: 'incidents'; hits: MapHit[] };

/**
 * The incidents, drawn by a MapLibre map of their own on a transparent canvas laid over the
 * basemap, which it follows move for move. A filter change then redraws only this canvas: without
 * a GPU every frame holds the page while it is drawn, and a frame of incidents alone costs a
 * quarter of one with the basemap under them (16 against 60 ms, 770 × 650 px, SwiftShader).
 * It takes no input: the basemap gets every event and asks it what lies under a point.
 */
export class IncidentOverlay {
  /**
   * The incidents' own map, made once the basemap has loaded, in a task of its own: making two
   * WebGL maps in one go would hold the page for too long without a GPU.
   */
  map: maplibregl.Map | null = null;
  private readonly tiles: IncidentTileSource;
  private loaded = false;
  private destroyed = false;
  private selected: number | null = null;
  private heatmap = false;
  /** The loaded data's type codes, which the incidents' colours follow. */
  private typeCodes: readonly string[] = [];
  private readonly follow = () => this.map?.jumpTo(camera(this.base));

  constructor(
    private readonly base: maplibregl.Map,
    provider: TileProvider,
    /** Told whether the latest filter's incidents are all drawn. */
    onDrawn: (drawn: boolean) => void,
    /** Told when the incidents' map exists. */
    private readonly onStart: (map: maplibregl.Map) => void = () => {},
  ) {
    this.tiles = new IncidentTileSource(provider, onDrawn);
    base.once('load', () => setTimeout(() => this.start(), 0));
  }

  private start(): void {
    if (this.destroyed) return;
    const base = this.base;
    const container = document.createElement('div');
    container.className = 'incident-overlay';
    // Over the basemap's canvas, under its controls.
    base.getCanvasContainer().after(container);
    this.map = new maplibregl.Map({
      container,
      style: buildIncidentStyle(this.tiles.url, this.typeCodes),
      interactive: false,
      attributionControl: false,
      ...camera(base),
      maxZoom: MAP_MAX_ZOOM,
      fadeDuration: 0,
      // Keep the drawn pixels readable so tests and Export PNG can read the canvas.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.tiles.connect(this.map);
    base.on('move', this.follow);
    base.on('resize', this.follow);
    this.map.on('load', () => {
      this.loaded = true;
      this.warmUp();
      this.applyLayerModes();
      // The codes may have changed while the style loaded.
      this.applyTypeColours();
      this.tiles.attach();
      if (this.selected !== null) this.showSelected(this.selected, true);
    });
    this.onStart(this.map);
  }

  /** The filter changed: the tiles in view are made again (see IncidentTileSource). */
  refresh(): void {
    this.tiles.refresh();
  }

  /** Highlights one incident by row id, or none. */
  setSelected(row: number | null): void {
    if (row === this.selected) return;
    if (this.loaded && this.selected !== null) this.showSelected(this.selected, false);
    this.selected = row;
    if (this.loaded && row !== null) this.showSelected(row, true);
  }

  /** Shows a heatmap of the incidents instead of clusters and circles at low zoom. */
  setHeatmap(on: boolean): void {
    if (on === this.heatmap) return;
    this.heatmap = on;
    if (this.loaded) this.applyLayerModes();
  }

  /**
   * Colours the incidents for the loaded data's type codes, as the legend and filters do. Only
   * paint changes: the engine makes no tile again (MapLibre lays out those it holds anew, and
   * skips a paint value equal to the one it has).
   */
  setTypeCodes(typeCodes: readonly string[]): void {
    if (typeCodes === this.typeCodes) return;
    this.typeCodes = typeCodes;
    if (this.loaded) this.applyTypeColours();
  }

  /** The cluster or incidents drawn under a point (CSS pixels from the map's top left). */
  hitAt(point: maplibregl.PointLike): OverlayHit {
    if (!this.loaded || !this.map) return { kind: 'incidents', hits: [] };
    const map = this.map;
    const layers = [INCIDENT_LAYER, CLUSTER_LAYER].filter(
      (id) => map.getLayoutProperty(id, 'visibility') !== 'none',
    );
    const features = map.queryRenderedFeatures(point, { layers });
    const cluster = features.find((f) => f.layer.id === CLUSTER_LAYER);
    if (cluster) return { kind: 'cluster', feature: cluster };
    const hits = new Map<number, MapHit>();
    for (const feature of features) {
      // A point's feature id is its row; a tile drawn twice while zooming gives it twice.
      const row = feature.id;
      if (typeof row === 'number' && row < CLUSTER_ID_BASE && !hits.has(row)) {
        hits.set(row, { row, type: String(feature.properties.type) });
      }
    }
    return { kind: 'incidents', hits: [...hits.values()] };
  }

  /** Draws the incidents over a copy of the basemap (for Export PNG). */
  async drawOnto(context: CanvasRenderingContext2D): Promise<void> {
    if (!this.map) return;
    if (!this.map.loaded()) await this.map.once('idle');
    const canvas = this.map.getCanvas();
    context.drawImage(canvas, 0, 0, context.canvas.width, context.canvas.height);
  }

  destroy(): void {
    this.destroyed = true;
    this.base.off('move', this.follow);
    this.base.off('resize', this.follow);
    this.tiles.destroy();
    if (!this.map) return;
    const container = this.map.getContainer();
    this.map.remove();
    container.remove();
  }

  /** Feature state outlives tile reloads: the highlight follows the incident across filters. */
  private showSelected(row: number, selected: boolean): void {
    this.map?.setFeatureState(
      { source: INCIDENT_SOURCE, sourceLayer: INCIDENT_TILE_LAYER, id: row },
      { selected },
    );
  }

  /** See `clusterCountWarmUp`. */
  private warmUp(): void {
    const map = this.map;
    if (!map) return;
    const { source, layer } = clusterCountWarmUp(map.getCenter().toArray());
    map.addSource(WARM_UP, source);
    map.addLayer(layer);
    map.once('idle', () => {
      map.removeLayer(WARM_UP);
      map.removeSource(WARM_UP);
    });
  }

  private applyTypeColours(): void {
    const map = this.map;
    if (!map) return;
    for (const { layer, property, value } of incidentColourPaints(this.typeCodes)) {
      map.setPaintProperty(layer, property, value);
    }
  }

  private applyLayerModes(): void {
    const map = this.map;
    if (!map) return;
    for (const { id, visible, minzoom } of incidentLayerModes(this.heatmap)) {
      map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
      map.setLayerZoomRange(id, minzoom, 24);
    }
  }
}

/** The basemap's camera, for the overlay to take. */
function camera(base: maplibregl.Map) {
  return {
    center: base.getCenter(),
    zoom: base.getZoom(),
    bearing: base.getBearing(),
    pitch: base.getPitch(),
  };
}
