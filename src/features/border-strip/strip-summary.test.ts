import { beforeAll, describe, expect, it } from 'vitest';
import { showLanguage } from '../../i18n/i18n';
import { day } from '../timeline/test-histogram';
import { orderSegments } from './strip-scale';
import { describeBorderStrip, findBusiestStretch } from './strip-summary';
import { makePoints, spread } from './test-points';

const LINE_KM = 2244.8;
const october = { fromDay: day('2025-10-01'), toDay: day('2025-10-31') };
const segments = orderSegments(
  [
    { name: 'Helmand', fromKm: 0, toKm: 180 },
    { name: 'Kurram', fromKm: 600, toKm: 760 },
    { name: 'Khyber', fromKm: 760, toKm: 900 },
  ],
  LINE_KM,
);

describe('The busiest stretch', () => {
  it('finds the 100 km holding the most incidents, starting on a whole km', () => {
    const points = makePoints([
      ...spread(3, 100, 130, '2025-10-02'),
      ...[620.5, 650, 680, 700, 719.5].map((km) => ({ km, date: '2025-10-03' })),
    ]);
    expect(findBusiestStretch(points, LINE_KM, october)).toEqual({
      total: 8,
      fromKm: 620,
      toKm: 720,
      count: 5,
    });
  });

  it('centres the stretch on its incidents when it could slide without losing any', () => {
    const points = makePoints([
      { km: 600, date: '2025-10-02' },
      { km: 650, date: '2025-10-02' },
      { km: 690, date: '2025-10-02' },
    ]);
    // Windows starting at 591 to 600 all hold the three.
    expect(findBusiestStretch(points, LINE_KM, october)).toMatchObject({ fromKm: 595, count: 3 });
  });

  it('takes the first of several equally busy stretches', () => {
    const points = makePoints([
      { km: 300, date: '2025-10-02' },
      { km: 1500, date: '2025-10-02' },
    ]);
    expect(findBusiestStretch(points, LINE_KM, october)).toMatchObject({ fromKm: 250, count: 1 });
  });

  it('ends the last stretch at the end of the line', () => {
    const points = makePoints([{ km: 2244.5, date: '2025-10-02' }]);
    expect(findBusiestStretch(points, LINE_KM, october)).toMatchObject({
      fromKm: 2145,
      toKm: LINE_KM,
    });
  });

  it('leaves out incidents off the line or outside the dates', () => {
    const points = makePoints([
      { km: -3, date: '2025-10-02' },
      { km: 2300, date: '2025-10-02' },
      { km: 400, date: '2025-11-01' },
      { km: 400, date: '2025-10-31' },
    ]);
    expect(findBusiestStretch(points, LINE_KM, october).total).toBe(1);
    expect(findBusiestStretch(points, LINE_KM, null).total).toBe(2);
  });
});

describe('Summary text', () => {
  it('gives the total, the dates and the busiest stretch with its place', () => {
    const points = makePoints([
      ...spread(3, 100, 130, '2025-10-02'),
      ...[620.5, 650, 680, 700, 719.5].map((km) => ({ km, date: '2025-10-03' })),
    ]);
    expect(
      describeBorderStrip(findBusiestStretch(points, LINE_KM, october), segments, october),
    ).toBe(
      '8 incidents along the border from 2025-10-01 to 2025-10-31; the busiest 100 km stretch is 620–720 km (Kurram) with 5 incidents.',
    );
  });

  it('names the first and last places a busiest stretch crosses', () => {
    const points = makePoints([700.5, 730, 760, 799.5].map((km) => ({ km, date: '2025-10-03' })));
    expect(
      describeBorderStrip(findBusiestStretch(points, LINE_KM, october), segments, october),
    ).toMatch(/is 700–800 km \(Kurram to Khyber\) with 4 incidents\.$/);
  });

  it('speaks of a single incident in the singular and leaves out an unnamed place', () => {
    const points = makePoints([{ km: 1500, date: '2025-10-02' }]);
    expect(describeBorderStrip(findBusiestStretch(points, LINE_KM, null), segments, null)).toBe(
      '1 incident along the border; the busiest 100 km stretch is 1,450–1,550 km with 1 incident.',
    );
  });

  it('says so when there is nothing to chart', () => {
    expect(describeBorderStrip(null, segments, october)).toBe('No incidents to chart.');
    expect(
      describeBorderStrip(findBusiestStretch(makePoints([]), LINE_KM, october), segments, october),
    ).toBe('No incidents along the border from 2025-10-01 to 2025-10-31.');
  });
});

describe('Summary text in Pashto', () => {
  // The Pashto catalogue is fetched once; the page itself stays in English.
  beforeAll(async () => {
    await showLanguage('ps');
    await showLanguage('en');
  });

  it('counts and dates in Pashto digits, places as the data names them', () => {
    const points = makePoints([620.5, 650].map((km) => ({ km, date: '2025-10-03' })));
    const text = describeBorderStrip(
      findBusiestStretch(points, LINE_KM, october),
      segments,
      october,
      'ps',
    );
    expect(text).toMatch(/^له .*۲۰۲۵.* د پولې په اوږدو کې ۲ پېښې؛/);
    expect(text).toContain('(Kurram)');
  });
});
