import * as maplibregl from 'maplibre-gl';
import { INCIDENT_SOURCE } from './incident-layers';

/** Makes one map tile of the incidents for the current filter (the engine, in the app). */
export type TileProvider = (
  z: number,
  x: number,
  y: number,
  signal: AbortSignal,
) => Promise<{ data: ArrayBuffer; etag: string }>;

const PROTOCOL = 'durand-incidents';
const TILE_URL = /^durand-incidents:\/\/(\d+)\/(\d+)\/(\d+)\/(\d+)$/;
/** Providers by map instance: MapLibre's protocols are global, a page may hold several maps. */
const providers = new Map<number, TileProvider>();
let nextInstance = 1;
let registered = false;

/**
 * MapLibre asks for tiles through the page (its workers hand a protocol they do not know to the
 * main thread), so this handler only forwards each request to the provider, which answers from
 * another thread; the MVT bytes then go to MapLibre's worker to be parsed. An unchanged ETag
 * lets MapLibre keep a tile as it is instead of parsing it again.
 */
function registerProtocol(): void {
  if (registered) return;
  registered = true;
  maplibregl.addProtocol(PROTOCOL, async (params, abortController) => {
    const match = TILE_URL.exec(params.url);
    const provider = match ? providers.get(Number(match[1])) : undefined;
    if (!match || !provider) return { data: new ArrayBuffer(0) };
    const [z, x, y] = [Number(match[2]), Number(match[3]), Number(match[4])];
    const { data, etag } = await provider(z, x, y, abortController.signal);
    return { data, etag };
  });
}

/** Longest a made tile waits for the others asked for with it. */
const HOLD_MS = 100;

/**
 * Hands tiles on together: a tile made while others asked for with it are still being made waits
 * for them (at most HOLD_MS), so MapLibre draws them in one frame rather than one frame each.
 */
function together(provider: TileProvider): TileProvider {
  let making = 0;
  let waiting: Array<() => void> = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const release = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const released = waiting;
    waiting = [];
    for (const resume of released) resume();
  };
  return async (z, x, y, signal) => {
    making++;
    let tile: Awaited<ReturnType<TileProvider>>;
    try {
      tile = await provider(z, x, y, signal);
    } finally {
      making--;
      if (making === 0) release();
    }
    if (making > 0) {
      await new Promise<void>((resume) => {
        waiting.push(resume);
        timer ??= setTimeout(release, HOLD_MS);
      });
    }
    return tile;
  };
}

/** Least and most rest between two refreshes, ms (see `IncidentTileSource`). */
const MIN_REST_MS = 150;
const MAX_REST_MS = 400;

/**
 * The incident tiles of one map, kept in step with the filter. Each `refresh` makes MapLibre ask
 * for the tiles in view again; while one refresh is still loading, further ones wait and are
 * merged into one, so a drag across the timeline never queues up tile work: the map shows the
 * newest filter as soon as it can, skipping those in between.
 *
 * Between two refreshes the map rests as long as the last one took (within MIN_REST_MS and
 * MAX_REST_MS): drawing a frame holds the page's thread (without a GPU, ~15 ms a frame of the
 * incidents' canvas, a refresh two or three frames), so during a drag the map takes a small
 * share of it and the hand, the count and the timeline keep the rest. A single change after a
 * pause is drawn at once.
 */
export class IncidentTileSource {
  /** The template of this map's tile URLs. */
  readonly url: string;
  private readonly instance: number;
  /** Refreshes asked for, and the one whose tiles are loading (0: none). */
  private wanted = 0;
  private loading = 0;
  /** Whether MapLibre has started reloading for `loading` (its content event has come). */
  private started = false;
  private drawn = 0;
  private ready = false;
  /** When the refresh under way started, and before when the next one may not start. */
  private startedAt = 0;
  private restUntil = 0;
  private restTimer: ReturnType<typeof setTimeout> | null = null;
  private map: maplibregl.Map | null = null;

  constructor(
    provider: TileProvider,
    /** Told whether the latest filter's incidents are all drawn. */
    private readonly onDrawn: (drawn: boolean) => void,
  ) {
    registerProtocol();
    this.instance = nextInstance++;
    providers.set(this.instance, together(provider));
    this.url = `${PROTOCOL}://${this.instance}/{z}/{x}/{y}`;
  }

  /** Follows the map whose style has a source of `url`'s tiles. */
  connect(map: maplibregl.Map): void {
    this.map = map;
    map.on('sourcedata', (event) => {
      if (event.sourceId === INCIDENT_SOURCE && event.sourceDataType === 'content') {
        this.started = true;
      }
    });
    // Tiles for a new view (a pan or zoom) are being made: the map is not drawn yet.
    map.on('dataloading', () => this.onDrawn(false));
    map.on('idle', () => {
      if (this.ready && this.loading === 0 && this.drawn === this.wanted) this.onDrawn(true);
    });
  }

  /** The style has loaded: its first tiles are being asked for with the filter as it is now. */
  attach(): void {
    this.ready = true;
    this.loading = this.wanted;
    this.started = true;
    this.watch();
  }

  /** The filter changed: the tiles in view are made again (after the refresh under way). */
  refresh(): void {
    this.wanted++;
    this.onDrawn(false);
    if (this.ready && this.loading === 0) this.startAfterRest();
  }

  destroy(): void {
    providers.delete(this.instance);
    if (this.restTimer !== null) clearTimeout(this.restTimer);
  }

  private startAfterRest(): void {
    if (this.restTimer !== null) return;
    const wait = this.restUntil - performance.now();
    if (wait <= 0) {
      this.start();
      return;
    }
    this.restTimer = setTimeout(() => {
      this.restTimer = null;
      if (this.loading === 0 && this.wanted > this.drawn) this.start();
    }, wait);
  }

  private start(): void {
    this.startedAt = performance.now();
    this.loading = this.wanted;
    this.started = false;
    this.map?.getSource<maplibregl.VectorTileSource>(INCIDENT_SOURCE)?.setTiles([this.url]);
    this.watch();
  }

  /**
   * Checks each frame whether every tile in view has come back. (MapLibre announces a tile that
   * changed, but not one whose ETag says it did not, so its events alone cannot tell.)
   */
  private watch(): void {
    const generation = this.loading;
    const check = () => {
      if (this.loading !== generation || !this.map) return;
      if (this.started && this.map.isSourceLoaded(INCIDENT_SOURCE)) this.finish();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }

  private finish(): void {
    const now = performance.now();
    const took = now - this.startedAt;
    this.restUntil = now + Math.min(MAX_REST_MS, Math.max(MIN_REST_MS, took));
    this.drawn = this.loading;
    this.loading = 0;
    if (this.wanted > this.drawn) this.startAfterRest();
    // Nothing left to draw: idle now. Otherwise the render under way ends in `idle`.
    else if (this.map?.loaded() && !this.map.isMoving()) this.onDrawn(true);
  }
}
