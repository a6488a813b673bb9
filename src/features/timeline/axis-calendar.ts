/**
 * The calendar a chart's time axis is ticked in: where its months start and how its ticks are
 * labelled. English keeps the labels it has always had ("Oct 2025", "Nov", "6 Oct"); another
 * language writes them through Intl in its own digits, and in the Solar Hijri calendar when the
 * reader chose it, whose months start on other days than the Gregorian ones.
 */
import { formatDayNumber } from '../../domain/incident-date';
import { calendarFor } from '../../i18n/calendar';
import { formatDay } from '../../i18n/format';
import type { DateFormat } from '../../i18n/intl-locale';
import { dateFormat } from '../../i18n/intl-locale';
import type { LanguageCode } from '../../i18n/languages';
import { SOURCE_LANGUAGE } from '../../i18n/languages';

const MS_PER_DAY = 86_400_000;

/** The first day of a month, with its month index (year × 12 + month, months from 0). */
export interface MonthStart {
  day: number;
  index: number;
}

/** How a tick is labelled: its year, its month and year, its month, or its day and month. */
export type TickStyle = 'year' | 'monthYear' | 'month' | 'dayMonth';

export interface AxisCalendar {
  /** The month starts from `fromDay` to `toDay` (day numbers), in order. */
  monthStarts: (fromDay: number, toDay: number) => MonthStart[];
  label: (day: number, style: TickStyle) => string;
  /** A day as the sliders and summaries write it: ISO in English, else the reader's own. */
  dayText: (day: number) => string;
}

const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

function toDate(day: number): { year: number; month: number; date: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), date: d.getUTCDate() };
}

function gregorianMonthStarts(fromDay: number, toDay: number): MonthStart[] {
  const first = toDate(fromDay);
  const starts: MonthStart[] = [];
  for (let index = first.year * 12 + first.month + (first.date === 1 ? 0 : 1); ; index++) {
    const day = Date.UTC(Math.floor(index / 12), index % 12, 1) / MS_PER_DAY;
    if (day > toDay) return starts;
    starts.push({ day, index });
  }
}

/** The English axis: Gregorian months named as the app always has. */
const ENGLISH: AxisCalendar = {
  monthStarts: gregorianMonthStarts,
  label: (day, style) => {
    const { year, month, date } = toDate(day);
    if (style === 'year') return String(year);
    if (style === 'monthYear') return `${MONTH_NAMES[month]} ${year}`;
    if (style === 'month') return MONTH_NAMES[month]!;
    return `${date} ${MONTH_NAMES[month]}`;
  },
  dayText: formatDayNumber,
};

const TICK_OPTIONS: Record<TickStyle, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  monthYear: { month: 'short', year: 'numeric' },
  month: { month: 'short' },
  dayMonth: { day: 'numeric', month: 'short' },
};

const calendars = new Map<string, AxisCalendar>();

/** The axis calendar of `language`, in the calendar the reader chose for it. */
export function axisCalendar(language: LanguageCode): AxisCalendar {
  if (language === SOURCE_LANGUAGE) return ENGLISH;
  const calendar = calendarFor(language);
  const key = `${language} ${calendar}`;
  let found = calendars.get(key);
  if (!found) {
    const formats = Object.fromEntries(
      Object.entries(TICK_OPTIONS).map(([style, options]) => [
        style,
        dateFormat(language, calendar, { ...options, timeZone: 'UTC' }),
      ]),
    ) as Record<TickStyle, DateFormat>;
    found = {
      monthStarts: calendar === 'gregory' ? gregorianMonthStarts : intlMonthStarts(calendar),
      label: (day, style) => formats[style].format(day * MS_PER_DAY),
      dayText: (day) => formatDay(day * MS_PER_DAY, language, 'short'),
    };
    calendars.set(key, found);
  }
  return found;
}

/**
 * Month starts of a calendar Intl knows (Solar Hijri): each day's year, month and day of month
 * read in Latin digits; after a month's first day the next cannot come within 28 days.
 */
function intlMonthStarts(calendar: string) {
  const parts = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const read = (day: number) => {
    const values: Record<string, number> = {};
    for (const part of parts.formatToParts(day * MS_PER_DAY))
      if (part.type === 'year' || part.type === 'month' || part.type === 'day')
        values[part.type] = Number.parseInt(part.value, 10);
    return values;
  };
  return (fromDay: number, toDay: number): MonthStart[] => {
    const starts: MonthStart[] = [];
    for (let day = fromDay; day <= toDay;) {
      const { year, month, day: date } = read(day);
      if (date === 1) {
        starts.push({ day, index: year! * 12 + month! - 1 });
        day += 28;
      } else day++;
    }
    return starts;
  };
}
