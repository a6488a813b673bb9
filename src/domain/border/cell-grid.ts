/**
 * A grid of square cells in longitude/latitude, for the lazily filled caches of the segment and
 * polygon indexes. A cell's key is a small integer (below 2^30, so V8 keeps Map keys unboxed).
 */
export class CellGrid {
  /** Cell size in degrees. */
  readonly degrees: number;
  private readonly columnOffset: number;
  private readonly rowOffset: number;
  private readonly rows: number;

  constructor(degrees: number) {
    if (!(degrees >= 0.01 && degrees <= 10)) {
      throw new RangeError(`cell size ${degrees}° is not between 0.01° and 10°`);
    }
    this.degrees = degrees;
    this.columnOffset = Math.ceil(180 / degrees) + 1;
    this.rowOffset = Math.ceil(90 / degrees) + 1;
    this.rows = 2 * this.rowOffset + 1;
  }

  /** Key of the cell holding (lon, lat); -1 beyond ±180° or ±90°, or for NaN. */
  keyOf(lon: number, lat: number): number {
    if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) return -1;
    const column = Math.floor(lon / this.degrees) + this.columnOffset;
    const row = Math.floor(lat / this.degrees) + this.rowOffset;
    return column * this.rows + row;
  }

  /** West edge of the cell holding longitude `lon`. */
  westOf(lon: number): number {
    return Math.floor(lon / this.degrees) * this.degrees;
  }

  /** South edge of the cell holding latitude `lat`. */
  southOf(lat: number): number {
    return Math.floor(lat / this.degrees) * this.degrees;
  }
}
