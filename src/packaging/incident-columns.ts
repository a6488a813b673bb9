/**
 * The compact columns the builder keeps of every loaded incident, in load order: day, type,
 * position and border measures, a few dozen bytes each (10 M incidents in about 400 MB), from
 * which the counts and the tiles are made. Everything else of an incident is spilled to disk.
 */
import type { BorderIndex } from '../domain/border/border-measures';
import { measureIncidents } from '../domain/border/border-measures';
import type { Incident } from '../domain/incident';

type Column = Int32Array | Uint16Array | Uint8Array | Int16Array | Float32Array | Float64Array;

function grow<T extends Column>(column: T, size: number): T {
  if (size <= column.length) return column;
  const grown = new (column.constructor as new (length: number) => T)(
    Math.max(size, column.length * 2),
  );
  grown.set(column);
  return grown;
}

export class IncidentColumns {
  size = 0;
  day = new Int32Array(1024);
  type = new Uint16Array(1024);
  /** NaN for an unlocated incident. */
  lon = new Float64Array(1024);
  lat = new Float64Array(1024);
  side = new Uint8Array(1024);
  km = new Float32Array(1024);
  chainage = new Float32Array(1024);
  province = new Int16Array(1024);
  crossing = new Int16Array(1024);
  crossingKm = new Float32Array(1024);
  /** The row partition and row in it of each incident, set as the partitions are written. */
  part = new Int32Array(1024);
  row = new Int32Array(1024);
  /** Type names by code, in order of first appearance. */
  readonly typeCodes: string[] = [];
  private readonly typeCode = new Map<string, number>();

  constructor(private readonly border: BorderIndex) {}

  /** Adds a batch, measured against the border; returns the position of its first incident. */
  add(incidents: readonly Incident[]): number {
    const first = this.size;
    const size = first + incidents.length;
    for (const key of COLUMN_KEYS) (this[key] as Column) = grow(this[key], size);
    const lon = new Float64Array(incidents.length);
    const lat = new Float64Array(incidents.length);
    incidents.forEach((incident, i) => {
      const at = first + i;
      this.day[at] = incident.dayNumber;
      this.type[at] = this.codeOf(incident.type);
      lon[i] = incident.lon ?? NaN;
      lat[i] = incident.lat ?? NaN;
    });
    this.lon.set(lon, first);
    this.lat.set(lat, first);
    const measures = measureIncidents(this.border, lon, lat);
    this.side.set(measures.side, first);
    this.km.set(measures.distanceKm, first);
    this.chainage.set(measures.chainageKm, first);
    this.province.set(measures.province, first);
    this.crossing.set(measures.nearestCrossing, first);
    this.crossingKm.set(measures.nearestCrossingKm, first);
    this.size = size;
    return first;
  }

  codeOf(type: string): number {
    let code = this.typeCode.get(type);
    if (code === undefined) {
      code = this.typeCodes.length;
      if (code > 0xffff) throw new RangeError('more than 65,536 incident types');
      this.typeCodes.push(type);
      this.typeCode.set(type, code);
    }
    return code;
  }
}

const COLUMN_KEYS = [
  'day',
  'type',
  'lon',
  'lat',
  'side',
  'km',
  'chainage',
  'province',
  'crossing',
  'crossingKm',
  'part',
  'row',
] as const;
