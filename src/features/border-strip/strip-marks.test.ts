import { describe, expect, it } from 'vitest';
import { INCIDENT_TYPES } from '../../domain/taxonomy';
import { createTypeDescriber, OVERFLOW_TYPE_COLOURS } from '../../domain/type-describer';
import { day } from '../timeline/test-histogram';
import type { MarkContext, MarkRaster } from './strip-marks';
import { drawMarks, findNearestMark, MARK_ALPHA, rasteriseMarks } from './strip-marks';
import { makePoints } from './test-points';

/** 100 km over 100 px and ten days over 100 px: a km per pixel, 10 px per day. */
const extent = { fromDay: day('2025-10-01'), toDay: day('2025-10-10') };
const raster: MarkRaster = { pixelWidth: 100, pixelHeight: 100, markPx: 2, lengthKm: 100, extent };

function rasterise(points: ReturnType<typeof makePoints>, layout = raster) {
  const out = new Uint8ClampedArray(layout.pixelWidth * layout.pixelHeight * 4);
  const drawn = rasteriseMarks(points, layout, out, createTypeDescriber(points.typeCodes));
  const pixel = (x: number, y: number) => {
    const p = (y * layout.pixelWidth + x) * 4;
    return Array.from(out.subarray(p, p + 4));
  };
  const painted = () => {
    let n = 0;
    for (let p = 3; p < out.length; p += 4) if (out[p]! > 0) n++;
    return n;
  };
  return { drawn, pixel, painted };
}

/** The taxonomy's colour of a type. */
const colourOf = (code: string) => INCIDENT_TYPES.find((type) => type.code === code)!.colour;

function rgb(colour: string): number[] {
  return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
}

const ONE_MARK_ALPHA = Math.round(255 * MARK_ALPHA);

describe('Rasterising marks', () => {
  it('paints a mark as a small square of its type colour at its km and the middle of its day', () => {
    // 50 km is x 50; 4 Oct is the fourth day, whose middle is y 35, in the cell from y 34.
    const { drawn, pixel, painted } = rasterise(
      makePoints([{ km: 50.4, date: '2025-10-04', type: 'airstrike' }]),
    );
    expect(drawn).toBe(1);
    expect(pixel(50, 34)).toEqual([...rgb(colourOf('airstrike')), ONE_MARK_ALPHA]);
    expect(pixel(51, 35)).toEqual(pixel(50, 34));
    expect(painted()).toBe(4);
  });

  it('makes a cell more opaque the more marks share it', () => {
    const one = rasterise(makePoints([{ km: 10, date: '2025-10-02' }]));
    const three = rasterise(makePoints([10, 10.5, 11].map((km) => ({ km, date: '2025-10-02' }))));
    expect(three.pixel(10, 14)[3]).toBe(Math.round(255 * (1 - (1 - MARK_ALPHA) ** 3)));
    expect(three.pixel(10, 14)[3]).toBeGreaterThan(one.pixel(10, 14)[3]!);
  });

  it('mixes the colours of the types sharing a cell, weighted by their number', () => {
    const { pixel } = rasterise(
      makePoints([
        { km: 10, date: '2025-10-02', type: 'airstrike' },
        { km: 10, date: '2025-10-02', type: 'airstrike' },
        { km: 10, date: '2025-10-02', type: 'armed_clash' },
      ]),
    );
    const red = rgb(colourOf('airstrike'));
    const blue = rgb(colourOf('armed_clash'));
    expect(pixel(10, 14).slice(0, 3)).toEqual(
      red.map((r, i) => Math.round((2 * r + blue[i]!) / 3)),
    );
  });

  it('paints types outside the taxonomy in the overflow colours, in alphabetical order', () => {
    const { pixel } = rasterise(
      makePoints([
        { km: 10, date: '2025-10-02', type: 'riot' },
        { km: 30, date: '2025-10-02', type: 'grenade' },
      ]),
    );
    expect(pixel(10, 14).slice(0, 3)).toEqual(rgb(OVERFLOW_TYPE_COLOURS[1]!));
    expect(pixel(30, 14).slice(0, 3)).toEqual(rgb(OVERFLOW_TYPE_COLOURS[0]!));
  });

  it('leaves out marks off the line or outside the dates', () => {
    const { drawn, painted } = rasterise(
      makePoints([
        { km: -1, date: '2025-10-02' },
        { km: 101, date: '2025-10-02' },
        { km: 50, date: '2025-09-30' },
        { km: 50, date: '2025-10-11' },
        { km: Number.NaN, date: '2025-10-02' },
      ]),
    );
    expect(drawn).toBe(0);
    expect(painted()).toBe(0);
  });

  it('keeps marks at the far end of the line and on the last day inside the chart', () => {
    const { drawn, pixel } = rasterise(makePoints([{ km: 100, date: '2025-10-10' }]));
    expect(drawn).toBe(1);
    expect(pixel(99, 94)[3]).toBe(ONE_MARK_ALPHA);
  });

  it('clears what the buffer held before', () => {
    const out = new Uint8ClampedArray(100 * 100 * 4).fill(200);
    rasteriseMarks(makePoints([]), raster, out, createTypeDescriber([]));
    expect(out.every((byte) => byte === 0)).toBe(true);
  });
});

describe('Drawing marks on a canvas', () => {
  function recordingContext() {
    const calls: { name: string; args: unknown[] }[] = [];
    const ctx: MarkContext = {
      setTransform: ((...args: unknown[]) => calls.push({ name: 'setTransform', args })) as never,
      clearRect: (...args) => calls.push({ name: 'clearRect', args }),
      createImageData: ((width: number, height: number) => ({
        width,
        height,
        data: new Uint8ClampedArray(width * height * 4),
      })) as never,
      putImageData: ((...args: unknown[]) => calls.push({ name: 'putImageData', args })) as never,
    };
    return { ctx, calls };
  }

  it('draws in device pixels, marks two CSS pixels square', () => {
    const { ctx, calls } = recordingContext();
    const points = makePoints([{ km: 50, date: '2025-10-04' }]);
    drawMarks(
      ctx,
      points,
      { width: 100, height: 100, devicePixelRatio: 2, lengthKm: 100, extent },
      createTypeDescriber(points.typeCodes),
    );
    const put = calls.find((c) => c.name === 'putImageData')!;
    const image = put.args[0] as ImageData;
    expect([image.width, image.height]).toEqual([200, 200]);
    let painted = 0;
    for (let p = 3; p < image.data.length; p += 4) if (image.data[p]! > 0) painted++;
    expect(painted).toBe(16);
  });

  it('only clears the canvas without marks', () => {
    const { ctx, calls } = recordingContext();
    drawMarks(
      ctx,
      null,
      { width: 100, height: 100, devicePixelRatio: 1, lengthKm: 100, extent },
      createTypeDescriber([]),
    );
    expect(calls.map((c) => c.name)).toEqual(['setTransform', 'clearRect']);
  });
});

describe('Finding the mark under a click', () => {
  const layout = { width: 100, height: 100, lengthKm: 100, extent };
  const points = makePoints([
    { km: 20, date: '2025-10-02', row: 7 },
    { km: 24, date: '2025-10-02', row: 8 },
  ]);

  it('finds the nearest mark within the radius', () => {
    expect(points.rows[findNearestMark(points, layout, 21, 15, 6)]).toBe(7);
    expect(points.rows[findNearestMark(points, layout, 23, 16, 6)]).toBe(8);
  });

  it('finds nothing farther than the radius', () => {
    expect(findNearestMark(points, layout, 60, 15, 6)).toBe(-1);
  });
});
