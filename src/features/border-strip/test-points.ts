import { day } from '../timeline/test-histogram';
import type { StripPoints } from './strip-marks';

/** A mark for a test: where along the line, on which date, of which type; row defaults to its index. */
export interface TestMark {
  km: number;
  date: string;
  type?: string;
  row?: number;
}

/** Strip columns from marks; types appear in the order first named. */
export function makePoints(marks: readonly TestMark[]): StripPoints {
  const typeCodes = [...new Set(marks.map((m) => m.type ?? 'armed_clash'))];
  return {
    chainageKm: Float32Array.from(marks, (m) => m.km),
    day: Int32Array.from(marks, (m) => day(m.date)),
    type: Uint16Array.from(marks, (m) => typeCodes.indexOf(m.type ?? 'armed_clash')),
    typeCodes,
    rows: Uint32Array.from(marks, (m, i) => m.row ?? i),
  };
}

/** `count` marks spread evenly over [fromKm, toKm), all on one date. */
export function spread(count: number, fromKm: number, toKm: number, date: string): TestMark[] {
  return Array.from({ length: count }, (_, i) => ({
    km: fromKm + ((toKm - fromKm) * i) / count,
    date,
  }));
}
