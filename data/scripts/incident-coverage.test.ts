// @vitest-environment node
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import {
  COVERAGE_END,
  COVERAGE_START,
  countByMonth,
  countByYear,
  renderCoverage,
  replaceCoverageSection,
} from './incident-coverage.mjs';

const makeIncident = (date: string) => ({ properties: { date } });
const TABLES = [
  { name: 'autumn', period: { start: '2025-11-01', end: '2025-11-30' }, rows: 2 },
  { name: 'winter', period: { start: '2025-12-01', end: '2026-02-28' }, rows: 1 },
];
const incidents = ['2025-11-03', '2025-11-20', '2026-02-01'].map(makeIncident);

describe('Coverage by month', () => {
  it('counts every month of the tables’ windows, empty ones as 0, each with its table', () => {
    expect(countByMonth(incidents, TABLES)).toEqual([
      { month: '2025-11', table: 'autumn', incidents: 2 },
      { month: '2025-12', table: 'winter', incidents: 0 },
      { month: '2026-01', table: 'winter', incidents: 0 },
      { month: '2026-02', table: 'winter', incidents: 1 },
    ]);
  });

  it('counts incidents by the calendar year of their date', () => {
    expect(countByYear(incidents)).toEqual([
      ['2025', 2],
      ['2026', 1],
    ]);
  });

  it('renders a Markdown table of the months, then the totals', () => {
    expect(renderCoverage(incidents, TABLES).split('\n')).toEqual([
      '| Month    | Incidents | Research table    |',
      '| -------- | --------: | ----------------- |',
      '| Nov 2025 |         2 | `sources/autumn/` |',
      '| Dec 2025 |         0 | `sources/winter/` |',
      '| Jan 2026 |         0 | `sources/winter/` |',
      '| Feb 2026 |         1 | `sources/winter/` |',
      '',
      'In all 3 incidents: 2 dated 2025, 1 dated 2026; 2 from `autumn`, 1 from `winter`.',
    ]);
  });

  it('renders Markdown that Prettier leaves as it is, so the README passes the lint', async () => {
    const markdown = renderCoverage(incidents, TABLES) + '\n';
    expect(await format(markdown, { parser: 'markdown', proseWrap: 'preserve' })).toBe(markdown);
  });

  it('replaces only the text between its markers', () => {
    const readme = `# Data\n\n${COVERAGE_START}\nold\n${COVERAGE_END}\n\nAfter.\n`;
    expect(replaceCoverageSection(readme, 'new')).toBe(
      `# Data\n\n${COVERAGE_START}\n\nnew\n\n${COVERAGE_END}\n\nAfter.\n`,
    );
  });

  it('refuses a README without the markers, saying which are missing', () => {
    expect(() => replaceCoverageSection('# Data\n', 'new')).toThrow(/lacks the markers/);
  });
});
