import { describe, expect, it } from 'vitest';
import { day } from '../timeline/test-histogram';
import {
  dayToY,
  describeKm,
  describePlaces,
  formatKm,
  kmTicks,
  kmToX,
  orderSegments,
  segmentAt,
  snapKm,
  xToKm,
  yToDay,
} from './strip-scale';

const LINE_KM = 2244.8;
const segments = orderSegments(
  [
    { name: 'Kurram', fromKm: 600, toKm: 700 },
    { name: 'Helmand', fromKm: 0, toKm: 180 },
    { name: 'Khyber', fromKm: 700, toKm: 800 },
  ],
  LINE_KM,
);

describe('Mapping km to pixels', () => {
  it('puts the Iran tripoint at the left edge and the China tripoint at the right', () => {
    expect(kmToX(0, LINE_KM, 1000)).toBe(0);
    expect(kmToX(LINE_KM, LINE_KM, 1000)).toBe(1000);
  });

  it('scales chainages in proportion to the width', () => {
    expect(kmToX(500, 2000, 800)).toBe(200);
  });

  it('maps a pixel back to the chainage under it', () => {
    expect(xToKm(200, 2000, 800)).toBe(500);
    expect(xToKm(kmToX(1234.5, LINE_KM, 937), LINE_KM, 937)).toBeCloseTo(1234.5, 9);
  });

  it('clamps pixels beyond either edge onto the line', () => {
    expect(xToKm(-30, 2000, 800)).toBe(0);
    expect(xToKm(900, 2000, 800)).toBe(2000);
  });

  it('reads every pixel as the start of the line while the width is unknown', () => {
    expect(xToKm(100, 2000, 0)).toBe(0);
  });

  it('snaps a chainage to a whole km without passing the end of the line', () => {
    expect(snapKm(511.6, LINE_KM)).toBe(512);
    expect(snapKm(2244.7, LINE_KM)).toBe(LINE_KM);
    expect(snapKm(-0.4, LINE_KM)).toBe(0);
  });
});

describe('Mapping days to pixels', () => {
  const extent = { fromDay: day('2025-10-01'), toDay: day('2025-10-10') };

  it('runs time downward, the first day at the top', () => {
    expect(dayToY(extent.fromDay, extent, 200)).toBe(0);
    expect(dayToY(extent.toDay + 1, extent, 200)).toBe(200);
    expect(dayToY(day('2025-10-06'), extent, 200)).toBe(100);
  });

  it('maps a pixel back to the day under it, clamped into the extent', () => {
    expect(yToDay(105, extent, 200)).toBe(day('2025-10-06'));
    expect(yToDay(-5, extent, 200)).toBe(extent.fromDay);
    expect(yToDay(500, extent, 200)).toBe(extent.toDay);
  });
});

describe('Km ticks', () => {
  it('steps by 250 km along a line of 2,245 km on a chart 1,000 px wide', () => {
    expect(kmTicks(LINE_KM, 1000)).toEqual([0, 250, 500, 750, 1000, 1250, 1500, 1750, 2000]);
  });

  it('steps more finely on a wider chart and more coarsely on a narrower one', () => {
    expect(kmTicks(LINE_KM, 2000).slice(0, 3)).toEqual([0, 100, 200]);
    expect(kmTicks(LINE_KM, 200)).toEqual([0, 1000, 2000]);
  });

  it('has no ticks without a line', () => {
    expect(kmTicks(0, 1000)).toEqual([]);
  });
});

describe('Segments along the line', () => {
  it('puts segments in km order and clips them onto the line', () => {
    expect(
      orderSegments(
        [
          { name: 'B', fromKm: 2200, toKm: 2400 },
          { name: 'A', fromKm: 50, toKm: -20 },
          { name: 'Off the line', fromKm: 2300, toKm: 2400 },
        ],
        LINE_KM,
      ),
    ).toEqual([
      { name: 'A', fromKm: 0, toKm: 50 },
      { name: 'B', fromKm: 2200, toKm: LINE_KM },
    ]);
  });

  it('finds the segment a chainage falls in, a boundary belonging to the segment after it', () => {
    expect(segmentAt(650, segments)?.name).toBe('Kurram');
    expect(segmentAt(700, segments)?.name).toBe('Khyber');
    expect(segmentAt(800, segments)?.name).toBe('Khyber');
    expect(segmentAt(300, segments)).toBeNull();
  });

  it('names the one segment a stretch lies in, or the first and last it crosses', () => {
    expect(describePlaces(620, 690, segments)).toBe('Kurram');
    expect(describePlaces(150, 750, segments)).toBe('Helmand to Khyber');
    expect(describePlaces(300, 400, segments)).toBe('');
  });

  it('describes a chainage with its segment, as a slider reads it', () => {
    expect(
      describeKm(512.3, orderSegments([{ name: 'Kurram', fromKm: 500, toKm: 600 }], 2000)),
    ).toBe('512 km (Kurram)');
    expect(describeKm(1500, segments)).toBe('1,500 km');
    expect(formatKm(2244.8)).toBe('2,245');
  });
});
