import type { MapViewState } from '../domain/url-state';

/**
 * The map shown on the page, for features outside the map that must not hold the map itself:
 * Export PNG takes its picture, a saved view moves its camera. The map view registers its map
 * while it is mounted.
 */
export interface ShownMap {
  /** A copy of the map's pixels. */
  snapshot: () => Promise<MapSnapshot>;
  /** Moves the camera to a view, or back to the whole border for none. */
  showView: (view: MapViewState | null) => void;
}

/** A copy of the map's pixels. */
export interface MapSnapshot {
  canvas: HTMLCanvasElement;
  /** Canvas pixels per CSS pixel. */
  pixelRatio: number;
}

let current: ShownMap | null = null;

/** Makes `map` the shown map until the returned function is called. */
export function registerShownMap(map: ShownMap): () => void {
  current = map;
  return () => {
    if (current === map) current = null;
  };
}

/** A copy of the map as drawn now (GPU points included), or null when no map is shown. */
export function snapshotMap(): Promise<MapSnapshot | null> {
  return current ? current.snapshot() : Promise.resolve(null);
}

/** Moves the shown map's camera to `view` (the whole border for null); nothing when no map. */
export function showMapView(view: MapViewState | null): void {
  current?.showView(view);
}
