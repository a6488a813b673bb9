import { afterEach, describe, expect, it } from 'vitest';
import { chooseCalendar } from '../../i18n/calendar';
import { axisCalendar } from './axis-calendar';
import { day, makeHistogram } from './test-histogram';
import {
  axisTicks,
  binHistogram,
  chooseBinDays,
  dayToX,
  weekStart,
  xToDay,
} from './timeline-scale';

describe('Choosing the bar width', () => {
  it('draws a bar per day while each day gets at least 3 pixels', () => {
    expect(chooseBinDays(200, 600)).toBe(1);
  });

  it('draws a bar per week when days outnumber a third of the pixels', () => {
    expect(chooseBinDays(201, 600)).toBe(7);
  });

  it('switches to weeks beyond 180 days when the width is not known', () => {
    expect(chooseBinDays(180, 0)).toBe(1);
    expect(chooseBinDays(181, 0)).toBe(7);
  });
});

describe('Binning days into weeks', () => {
  it('finds the Monday on or before a day', () => {
    expect(weekStart(day('2025-10-01'))).toBe(day('2025-09-29'));
    expect(weekStart(day('2025-10-06'))).toBe(day('2025-10-06'));
    expect(weekStart(day('1969-12-31'))).toBe(day('1969-12-29'));
  });

  it('starts weekly bins on the Monday before the data, so each bar is a calendar week', () => {
    const bins = binHistogram(makeHistogram('2025-10-01', '2025-10-14'), 7);
    expect(bins.startDay).toBe(day('2025-09-29'));
    expect(bins.count).toBe(3);
  });

  it('adds each day to its week, per type and in total', () => {
    const histogram = makeHistogram('2025-10-01', '2025-10-14', [
      ['airstrike', '2025-10-01', 2],
      ['airstrike', '2025-10-05', 1],
      ['shelling', '2025-10-06', 4],
      ['airstrike', '2025-10-14', 3],
    ]);
    const bins = binHistogram(histogram, 7);
    expect(Array.from(bins.totals)).toEqual([3, 4, 3]);
    // Airstrikes first, then shelling, one row of three weeks each.
    expect(Array.from(bins.byType)).toEqual([3, 0, 3, 0, 4, 0]);
    expect(bins.max).toBe(4);
  });

  it('keeps daily bins as they are', () => {
    const histogram = makeHistogram('2025-10-01', '2025-10-03', [['ied', '2025-10-02', 5]]);
    const bins = binHistogram(histogram, 1);
    expect(bins.startDay).toBe(day('2025-10-01'));
    expect(Array.from(bins.totals)).toEqual([0, 5, 0]);
  });

  it('gives no bins for an empty histogram', () => {
    const bins = binHistogram(
      { startDay: 0, days: 0, byType: new Int32Array(0), typeCodes: [] },
      7,
    );
    expect(bins.count).toBe(0);
    expect(bins.max).toBe(0);
  });

  it('rejects a histogram shorter than its types times its days, naming both', () => {
    const histogram = { startDay: 0, days: 10, byType: new Int32Array(5), typeCodes: ['a'] };
    expect(() => binHistogram(histogram, 7)).toThrow(
      'histogram byType has 5 entries, expected 1 types × 10 days',
    );
  });
});

describe('Mapping between days and pixels', () => {
  const extent = { fromDay: 100, toDay: 199 };

  it('places the first day at the left edge and the day after the last at the right', () => {
    expect(dayToX(100, extent, 500)).toBe(0);
    expect(dayToX(200, extent, 500)).toBe(500);
    expect(dayToX(150, extent, 500)).toBe(250);
  });

  it('finds the day under a pixel', () => {
    expect(xToDay(0, extent, 500)).toBe(100);
    expect(xToDay(4.9, extent, 500)).toBe(100);
    expect(xToDay(5, extent, 500)).toBe(101);
    expect(xToDay(499, extent, 500)).toBe(199);
  });

  it('clamps pixels outside the axis to its first and last day', () => {
    expect(xToDay(-40, extent, 500)).toBe(100);
    expect(xToDay(500, extent, 500)).toBe(199);
    expect(xToDay(900, extent, 500)).toBe(199);
  });

  it('round-trips the start of every day', () => {
    for (let d = 100; d <= 199; d++) expect(xToDay(dayToX(d, extent, 733), extent, 733)).toBe(d);
  });

  it('answers the first day on an axis without width', () => {
    expect(xToDay(30, extent, 0)).toBe(100);
  });
});

describe('Axis ticks', () => {
  it('marks month starts, naming the year on the first tick and on January', () => {
    const ticks = axisTicks({ fromDay: day('2024-11-15'), toDay: day('2025-03-10') }, 800);
    expect(ticks.map((t) => t.label)).toEqual(['Dec 2024', 'Jan 2025', 'Feb', 'Mar']);
    expect(ticks[0]!.day).toBe(day('2024-12-01'));
  });

  it('includes a month starting on the first day of the extent', () => {
    const ticks = axisTicks({ fromDay: day('2025-01-01'), toDay: day('2025-03-31') }, 800);
    expect(ticks[0]).toEqual({ day: day('2025-01-01'), label: 'Jan 2025' });
  });

  it('skips months to keep labels apart on a narrow axis', () => {
    const ticks = axisTicks({ fromDay: day('2024-01-01'), toDay: day('2024-12-31') }, 300);
    expect(ticks.map((t) => t.label)).toEqual(['Jan 2024', 'Apr', 'Jul', 'Oct']);
  });

  it('labels years alone over a long extent', () => {
    const ticks = axisTicks({ fromDay: day('2013-06-01'), toDay: day('2024-06-01') }, 800);
    expect(ticks.map((t) => t.label)).toEqual([
      '2014',
      '2015',
      '2016',
      '2017',
      '2018',
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
    ]);
  });

  it('marks days when the extent holds fewer than two month starts', () => {
    const ticks = axisTicks({ fromDay: day('2025-10-01'), toDay: day('2025-10-05') }, 400);
    expect(ticks.map((t) => t.label)).toEqual(['1 Oct', '2 Oct', '3 Oct', '4 Oct', '5 Oct']);
    expect(ticks[0]!.day).toBe(day('2025-10-01'));
  });

  it('puts weekly day ticks on Mondays', () => {
    const ticks = axisTicks({ fromDay: day('2025-10-01'), toDay: day('2025-10-31') }, 300);
    expect(ticks.map((t) => t.label)).toEqual(['6 Oct', '13 Oct', '20 Oct', '27 Oct']);
  });
});

describe('Axis ticks in another language', () => {
  afterEach(() => chooseCalendar('gregory'));

  it('name Gregorian months in Pashto digits', () => {
    const extent = { fromDay: day('2025-10-01'), toDay: day('2025-12-31') };
    const ticks = axisTicks(extent, 600, 64, axisCalendar('ps'));
    expect(ticks.map((t) => t.day)).toEqual([
      day('2025-10-01'),
      day('2025-11-01'),
      day('2025-12-01'),
    ]);
    expect(ticks[0]!.label).toMatch(/۲۰۲۵/);
  });

  it('stand on the first days of Solar Hijri months when that calendar is chosen', () => {
    chooseCalendar('persian');
    const extent = { fromDay: day('2025-10-01'), toDay: day('2025-12-31') };
    const ticks = axisTicks(extent, 600, 64, axisCalendar('fa-AF'));
    // 1 Aban, 1 Azar and 1 Dey 1404 fall on 23 October, 22 November and 22 December 2025.
    expect(ticks.map((t) => t.day)).toEqual([
      day('2025-10-23'),
      day('2025-11-22'),
      day('2025-12-22'),
    ]);
    expect(ticks[0]!.label).toMatch(/۱۴۰۴/);
  });
});
