/**
 * Coverage of the embedded incidents by month, computed from the built collection and written
 * into data/README.md between two markers, so the table there never drifts from the data.
 */

const MONTH_NAMES = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
export const COVERAGE_START = '<!-- coverage by month: written by npm run data -->';
export const COVERAGE_END = '<!-- end of coverage by month -->';

/** "2025-12" → "Dec 2025". */
const monthLabel = (month) => `${MONTH_NAMES[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`;

/** Every month `YYYY-MM` from the one holding `start` to the one holding `end`, in order. */
function monthsBetween(start, end) {
  const months = [];
  let [year, month] = start.split('-').map(Number);
  const last = end.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
}

/**
 * Incidents per calendar month across the tables' research windows (empty months included), each
 * with the table whose window holds the month's first day.
 * @param {{ properties: { date: string } }[]} features
 * @param {{ name: string, period: { start: string, end: string } }[]} tables oldest first
 * @returns {{ month: string, table: string, incidents: number }[]}
 */
export function countByMonth(features, tables) {
  const counts = new Map();
  for (const feature of features) {
    const month = feature.properties.date.slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  return monthsBetween(tables[0].period.start, tables.at(-1).period.end).map((month) => ({
    month,
    table: tables.find(({ period }) => period.start <= `${month}-01` && `${month}-01` <= period.end)
      .name,
    incidents: counts.get(month) ?? 0,
  }));
}

/** Incidents per calendar year of their date, oldest first: `[['2025', 80], …]`. */
export function countByYear(features) {
  const counts = new Map();
  for (const { properties } of features) {
    const year = properties.date.slice(0, 4);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b));
}

/** A Markdown table with its columns padded as Prettier pads them; `right` marks numeric columns. */
function markdownTable(header, rows, right) {
  const widths = header.map((title, column) =>
    Math.max(3, title.length, ...rows.map((row) => row[column].length)),
  );
  const pad = (cell, column) =>
    right[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]);
  const line = (cells) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = widths.map((width, column) =>
    right[column] ? '-'.repeat(width - 1) + ':' : '-'.repeat(width),
  );
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}

/**
 * The README's coverage section: a table of incidents per month and the totals by year and table.
 * @param {{ properties: { date: string } }[]} features
 * @param {{ name: string, period: { start: string, end: string }, rows: number }[]} tables
 */
export function renderCoverage(features, tables) {
  const months = countByMonth(features, tables);
  const table = markdownTable(
    ['Month', 'Incidents', 'Research table'],
    months.map(({ month, table, incidents }) => [
      monthLabel(month),
      String(incidents),
      `\`sources/${table}/\``,
    ]),
    [false, true, false],
  );
  const years = countByYear(features)
    .map(([year, count]) => `${count} dated ${year}`)
    .join(', ');
  const perTable = tables.map(({ name, rows }) => `${rows} from \`${name}\``).join(', ');
  return `${table}\n\nIn all ${features.length} incidents: ${years}; ${perTable}.`;
}

/** `readme` with the text between the coverage markers replaced by `section`. */
export function replaceCoverageSection(readme, section) {
  const start = readme.indexOf(COVERAGE_START);
  const end = readme.indexOf(COVERAGE_END);
  if (start === -1 || end < start) {
    throw new Error(`data/README.md lacks the markers "${COVERAGE_START}" … "${COVERAGE_END}"`);
  }
  return `${readme.slice(0, start + COVERAGE_START.length)}\n\n${section}\n\n${readme.slice(end)}`;
}
