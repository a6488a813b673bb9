/**
 * Why one row or feature could not be loaded, in English: the source catalogue of the
 * `rejection` namespace (domain/message.ts). The field readers send these as messages; the load
 * report words them in the reader's language, and the rejected-rows file, the package manifest
 * and the tests keep the English that `rejectionReason` writes. Values are data from the file
 * (a field name, a value as written) and stay as they are.
 */
import type { RejectedFeature } from './incident';
import type { Message, MessageValues } from './message';
import { message, wordMessage } from './message';
import { VALUE_CATALOGUE } from './value-words';

export const REJECTION_WORDS = {
  field: {
    missing: '{{field}} is missing',
    notString: '{{field}} {{value}} is not a string',
    notText: '{{field}} {{value}} is not text',
    notTypeCode: '{{field}} {{value}} is not a non-empty string',
    noLetters: '{{field}} {{value}} has no letters or digits',
    notViolenceType: '{{field}} "{{value}}" is not 1, 2 or 3',
  },
  date: {
    notCalendar: '{{field}} "{{text}}" is not a calendar date',
    notCalendarDmy: '{{field}} "{{text}}" is not a calendar date in day/month/year order',
    notCalendarMdy: '{{field}} "{{text}}" is not a calendar date in month/day/year order',
    noMonth: '{{field}} "{{text}}" does not name a month in English',
    twoDigitYear: '{{field}} "{{text}}" has a two-digit year; write the year in full',
    wrongWeekday: '{{field}} "{{text}}": {{day}} is a {{actual}}, not a {{written}}',
    ambiguousOrder:
      '{{field}} "{{text}}" is not ISO 8601 YYYY-MM-DD: its day/month order is ambiguous; ' +
      'declare day/month/year or month/day/year for the whole file, or write YYYY-MM-DD',
    /** The forms a reader accepts, named by the ones it adds to ISO 8601 (incident-date.ts). */
    notForm: {
      iso: '{{field}} "{{text}}" is not ISO 8601 (YYYY-MM-DD, YYYY-MM, YYYY, datetime with offset)',
      isoLocal:
        '{{field}} "{{text}}" is not ISO 8601 (YYYY-MM-DD, YYYY-MM, YYYY, datetime with offset) or YYYY-MM-DD HH:MM:SS',
      isoWritten:
        '{{field}} "{{text}}" is not ISO 8601 (YYYY-MM-DD, YYYY-MM, YYYY, datetime with offset), "12 October 2025", "June 18, 2004" or YYYY/MM/DD',
      isoSerial:
        '{{field}} "{{text}}" is not ISO 8601 (YYYY-MM-DD, YYYY-MM, YYYY, datetime with offset) or an Excel day number',
      isoLocalWritten:
        '{{field}} "{{text}}" is not ISO 8601 (YYYY-MM-DD, YYYY-MM, YYYY, datetime with offset), YYYY-MM-DD HH:MM:SS, "12 October 2025", "June 18, 2004" or YYYY/MM/DD',
      isoLocalSerial:
        '{{field}} "{{text}}" is not ISO 8601 (YYYY-MM-DD, YYYY-MM, YYYY, datetime with offset), YYYY-MM-DD HH:MM:SS or an Excel day number',
      isoWrittenSerial:
        '{{field}} "{{text}}" is not ISO 8601 (YYYY-MM-DD, YYYY-MM, YYYY, datetime with offset), "12 October 2025", "June 18, 2004", YYYY/MM/DD or an Excel day number',
      isoLocalWrittenSerial:
        '{{field}} "{{text}}" is not ISO 8601 (YYYY-MM-DD, YYYY-MM, YYYY, datetime with offset), YYYY-MM-DD HH:MM:SS, "12 October 2025", "June 18, 2004", YYYY/MM/DD or an Excel day number',
    },
  },
  geometry: {
    missing: 'geometry is missing (use null for an unlocated incident)',
    notObject: 'geometry {{value}} is not an object',
    notPoint: 'geometry type {{value}} is not supported (Point or null)',
    noCoordinates: 'coordinates are missing',
    notPosition: 'coordinates {{value}} are not [lon, lat] or [lon, lat, alt]',
    notFinite: 'coordinates [{{values}}] are not all finite numbers',
    longitude: 'longitude {{value}} is outside -180…180',
    latitude: 'latitude {{value}} is outside -90…90',
  },
  table: {
    badRow: 'the row cannot be read as CSV: {{detail}}',
    fieldCount: 'the row has {{cells}} fields but the header has {{header}}',
    notDecimal: '{{field}} "{{value}}" is not a decimal number',
    notDecimalComma:
      '{{field}} "{{value}}" is not a decimal number (write a point, not a comma, before the decimals)',
    notFiniteCell: '{{field}} "{{value}}" is not a finite number',
    halfBlank: '{{field}} is blank but {{other}} is "{{value}}"',
    totals: 'a totals row ("{{value}}"), not an incident',
  },
  json: {
    badLine: 'line {{line}} is not valid JSON ({{detail}})',
    badFeature: 'not valid JSON ({{detail}})',
  },
  /** The days a wrong weekday names (`actual` and `written` of date.wrongWeekday). */
  weekday: {
    sunday: 'Sunday',
    monday: 'Monday',
    tuesday: 'Tuesday',
    wednesday: 'Wednesday',
    thursday: 'Thursday',
    friday: 'Friday',
    saturday: 'Saturday',
  },
  feature: {
    tooDeep: '{{path}} nests deeper than {{depth}} levels',
    notFeature: 'not a GeoJSON Feature (got {{value}})',
    notFeatureType: 'not a GeoJSON Feature (got type {{value}})',
    badId: 'id {{value}} is not a string or number',
    notFinite: '{{path}} is not a finite number',
    noProperties: 'properties must be an object with date and type',
  },
} as const;

/** The namespace of these words in the catalogue. */
export const REJECTION_NAMESPACE = 'rejection';

/** `a.b` for every words path of a words object. */
export type WordsPath<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${WordsPath<T[K]>}`;
}[keyof T & string];

export type RejectionKey = WordsPath<typeof REJECTION_WORDS>;

/** A rejection's reason as a message, and its English (the reason of files and tests). */
export interface Reason {
  error: string;
  message: Message;
}

/** A reason in English, with its message when the reader that found it sends one. */
export interface SentReason {
  error: string;
  message?: Message;
}

/** A rejection's `reason` (English) and `message` (for the reader) from a reason. */
export function rejectedAs({
  error,
  message,
}: SentReason): Pick<RejectedFeature, 'reason' | 'message'> {
  return message === undefined ? { reason: error } : { reason: error, message };
}

/** The name of weekday `day` (0 Sunday … 6 Saturday, as `Date.getUTCDay` counts), to name in a reason. */
export function weekdayMessage(day: number): Message {
  const names = Object.keys(REJECTION_WORDS.weekday) as (keyof typeof REJECTION_WORDS.weekday)[];
  return message(REJECTION_NAMESPACE, `weekday.${names[day]!}`);
}

/** The message `key` of these words with `values`, and its English. */
export function rejectionReason(key: RejectionKey, values?: MessageValues): Reason {
  const sent = message(REJECTION_NAMESPACE, key, values);
  const english = wordMessage({ [REJECTION_NAMESPACE]: REJECTION_WORDS, ...VALUE_CATALOGUE }, sent);
  return { error: english, message: sent };
}
