/**
 * The shown map's picture, for features outside the map (Export PNG) that must not hold the map
 * itself. The map view registers its map while it is mounted.
 */
export interface MapSnapshot {
  /** A copy of the map's pixels. */
  canvas: HTMLCanvasElement;
  /** Canvas pixels per CSS pixel. */
  pixelRatio: number;
}

type Snapshot = () => Promise<MapSnapshot>;

let current: Snapshot | null = null;

/** Makes `snapshot` the map's picture until the returned function is called. */
export function registerMapSnapshot(snapshot: Snapshot): () => void {
  current = snapshot;
  return () => {
    if (current === snapshot) current = null;
  };
}

/** A copy of the map as drawn now (GPU points included), or null when no map is shown. */
export function snapshotMap(): Promise<MapSnapshot | null> {
  return current ? current() : Promise.resolve(null);
}
