/** The words the Datasets panel uses for sizes, counts and dates. */

const NUMBER = new Intl.NumberFormat('en');
const ONE_DECIMAL = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const WHEN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** "512 bytes", "1.2 MB": powers of 1024, as the browser's own storage pages count. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? NUMBER.format(value) : ONE_DECIMAL.format(value)} ${UNITS[unit]}`;
}

/** "1 incident", "1,204 incidents". */
export function formatIncidents(count: number): string {
  return `${NUMBER.format(count)} ${count === 1 ? 'incident' : 'incidents'}`;
}

/** When a dataset was opened, in the reader's time zone. */
export function formatOpened(openedAt: number): string {
  return WHEN.format(openedAt);
}
