import type { GeoJSONSource, Map as MapLibreMap, PointLike } from 'maplibre-gl';
import { BASEMAP_FILES } from './basemap-style';
import {
  BAND_SOURCE,
  BORDER_FILES,
  CROSSING_ICON,
  CROSSING_LAYER,
  crossingIconImage,
  PROVINCE_FILL_LAYER,
  PROVINCE_OUTLINE_LAYER,
  PROVINCE_SELECTED_LAYER,
  PROVINCE_SOURCE,
  selectedProvinceFilter,
} from './border-layers';
import type { BandReply, BandRequest, BorderSide } from './distance-band';

/** Incidents per province id, as the engine counts them. */
export type ProvinceCounts = ReadonlyArray<{ id: string; count: number }>;

/** A border feature under a click. */
export type BorderHit = { kind: 'crossing'; id: string } | { kind: 'province'; id: string };

/** Pixels around a click that still hit a crossing's small diamond. */
const CROSSING_SLOP = 4;

/**
 * The border layers of a running map: feeds the distance band, the province counts and the
 * selected province, and says which crossing or province a click hit. Values given before the
 * style has loaded are applied once it has.
 */
export class BorderOverlays {
  private ready = false;
  private bandWanted: Omit<BandRequest, 'urls'> | null = null;
  /** The band drawn now (or that failed, not to be asked again). */
  private bandShown: string | null = null;
  /** Started on the first band; one request at a time, so a slider drag asks only for the latest. */
  private bandWorker: Worker | null = null;
  private bandBusy = false;
  private choropleth = false;
  private counts: ProvinceCounts = [];
  private countsShown: ProvinceCounts | null = null;
  /** The feature state each province has been given. */
  private readonly stateShown = new Map<string, { count: number; share: number }>();
  private selectedProvince: string | null = null;
  private selectedShown: string | null = null;
  private provincesLoaded = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly baseUrl: string,
  ) {
    // The diamond is made here rather than shipped as a sprite; MapLibre asks for it on first use.
    map.setMissingStyleImageResolver((id) => {
      if (id !== CROSSING_ICON || map.hasImage(id)) return;
      const { image, options } = crossingIconImage();
      map.addImage(id, image, options);
    });
  }

  /** Stops the band's worker. */
  destroy(): void {
    this.bandWorker?.terminate();
    this.bandWorker = null;
  }

  /** Called once the style has loaded. */
  attach(): void {
    this.ready = true;
    this.applyBand();
    this.applyProvinces();
  }

  /**
   * Draws the band of `range` km from the line (null: none), on one side or both. Requests made
   * while a band is being computed are coalesced: only the latest is drawn.
   */
  showDistanceBand(range: readonly [number, number] | null, side: BorderSide | null): void {
    const key = range ? `${range[0]}-${range[1]}:${side ?? ''}` : null;
    if (key === (this.bandWanted?.key ?? null)) return;
    this.bandWanted = key && range ? { key, range, side } : null;
    this.applyBand();
  }

  /** Shows or hides the province choropleth. */
  setChoropleth(on: boolean): void {
    if (on === this.choropleth) return;
    this.choropleth = on;
    this.applyProvinces();
  }

  /** The counts the choropleth colours by; a new array each time they change. */
  showProvinceCounts(counts: ProvinceCounts): void {
    if (counts === this.counts) return;
    this.counts = counts;
    this.applyProvinces();
  }

  /** Outlines the province of the filter, choropleth on or not. */
  setSelectedProvince(id: string | null): void {
    if (id === this.selectedProvince) return;
    this.selectedProvince = id;
    this.applyProvinces();
  }

  /** The crossing under a point, else the province when the choropleth is shown. */
  hitAt(point: { x: number; y: number }): BorderHit | null {
    if (!this.ready) return null;
    const box: [PointLike, PointLike] = [
      [point.x - CROSSING_SLOP, point.y - CROSSING_SLOP],
      [point.x + CROSSING_SLOP, point.y + CROSSING_SLOP],
    ];
    const crossing = this.map.queryRenderedFeatures(box, { layers: [CROSSING_LAYER] })[0];
    const crossingId = crossing?.properties?.id;
    if (typeof crossingId === 'string') return { kind: 'crossing', id: crossingId };
    if (!this.choropleth) return null;
    const province = this.map.queryRenderedFeatures([point.x, point.y], {
      layers: [PROVINCE_FILL_LAYER],
    })[0];
    const provinceId = province?.properties?.id;
    return typeof provinceId === 'string' ? { kind: 'province', id: provinceId } : null;
  }

  private url(path: string): string {
    return new URL(path, this.baseUrl).href;
  }

  private applyBand(): void {
    if (!this.ready) return;
    const wanted = this.bandWanted;
    if ((wanted?.key ?? null) === this.bandShown) return;
    if (!wanted) {
      this.setBand({ type: 'FeatureCollection', features: [] }, null);
      return;
    }
    // The reply to the request in flight asks again for whatever is wanted by then.
    if (this.bandBusy) return;
    this.bandBusy = true;
    const request: BandRequest = {
      ...wanted,
      urls: {
        durandLine: this.url(BASEMAP_FILES.durandLine),
        countries: this.url(BASEMAP_FILES.countries),
      },
    };
    this.bandWorkerStarted().postMessage(request);
  }

  private bandWorkerStarted(): Worker {
    if (this.bandWorker) return this.bandWorker;
    const worker = new Worker(new URL('./distance-band.worker.ts', import.meta.url), {
      type: 'module',
      name: 'distance-band',
    });
    worker.addEventListener('message', ({ data }: MessageEvent<BandReply>) => {
      this.bandBusy = false;
      if (this.bandWanted?.key === data.key) {
        if ('band' in data) this.setBand(data.band, data.key);
        else {
          // No band is better than the previous one; the filter itself still works.
          console.warn(data.error);
          this.setBand({ type: 'FeatureCollection', features: [] }, data.key);
        }
      }
      this.applyBand();
    });
    this.bandWorker = worker;
    return worker;
  }

  private setBand(data: GeoJSON.FeatureCollection, key: string | null): void {
    this.map.getSource<GeoJSONSource>(BAND_SOURCE)?.setData(data);
    this.bandShown = key;
  }

  private applyProvinces(): void {
    if (!this.ready) return;
    const source = this.map.getSource<GeoJSONSource>(PROVINCE_SOURCE);
    if (!source) return;
    // The 160 kB of outlines are fetched only once a province is to be drawn.
    if (!this.provincesLoaded && (this.choropleth || this.selectedProvince)) {
      this.provincesLoaded = true;
      void source.setData(this.url(BORDER_FILES.provinces));
    }
    const visibility = this.choropleth ? 'visible' : 'none';
    for (const layer of [PROVINCE_FILL_LAYER, PROVINCE_OUTLINE_LAYER]) {
      if (this.map.getLayoutProperty(layer, 'visibility') !== visibility)
        this.map.setLayoutProperty(layer, 'visibility', visibility);
    }
    if (this.selectedShown !== this.selectedProvince) {
      this.selectedShown = this.selectedProvince;
      this.map.setFilter(PROVINCE_SELECTED_LAYER, selectedProvinceFilter(this.selectedProvince));
    }
    // Hidden, the counts wait: each feature-state change redraws the map, and every filter
    // change brings new counts.
    if (this.choropleth && this.countsShown !== this.counts) {
      // Provinces missing from the new counts have none.
      const counts = new Map([...this.stateShown.keys()].map((id) => [id, 0]));
      for (const { id, count } of this.counts) counts.set(id, count);
      this.countsShown = this.counts;
      const max = Math.max(0, ...counts.values());
      for (const [id, count] of counts) {
        const share = max > 0 ? count / max : 0;
        const shown = this.stateShown.get(id);
        if (shown?.count === count && shown.share === share) continue;
        this.stateShown.set(id, { count, share });
        this.map.setFeatureState({ source: PROVINCE_SOURCE, id }, { count, share });
      }
    }
  }
}
