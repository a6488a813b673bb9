import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { showLanguage } from '../../i18n/i18n';
import { makeStore } from '../../state/test-store';
import { ExportButtons } from './export-buttons';

/** A CSV of this app's schema with cells a spreadsheet would run, and a plain negative number. */
const HOSTILE_CSV = [
  'date,type,summary,lon,lat,=cmd',
  '2025-10-12,shelling,"=HYPERLINK(""http://example.org"",""x"")",70.1,33.9,a',
  '2025-10-13,ied,plain,-3.5,33.9,b',
].join('\r\n');

let downloads: Blob[] = [];

beforeEach(() => {
  downloads = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    downloads.push(blob as Blob);
    return 'blob:export';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});

afterEach(() => vi.restoreAllMocks());

async function renderLoaded() {
  const store = makeStore();
  await store.getState().loadSource({ kind: 'text', text: HOSTILE_CSV, name: 'hostile.csv' });
  render(<ExportButtons store={store} />);
  return { store, user: userEvent.setup() };
}

describe('Export CSV', () => {
  it('writes every cell as read by default, and says how many may run as formulas', async () => {
    const { user } = await renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(await downloads[0]!.text()).toBe(HOSTILE_CSV + '\r\n');
    expect(await screen.findByRole('status')).toHaveTextContent(
      '2 cells of this CSV start like a formula (=, +, -, @) that a spreadsheet may run: tick “Spreadsheet-safe CSV” and export again to write them as text.',
    );
  });

  it('with "Spreadsheet-safe CSV" ticked, writes such cells as text and warns no more', async () => {
    const { user, store } = await renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await screen.findByRole('status');
    const safe = screen.getByRole('checkbox', { name: 'Spreadsheet-safe CSV' });
    expect(safe).not.toBeChecked();
    await user.click(safe);
    expect(store.getState().spreadsheetSafeCsv).toBe(true);
    expect(screen.queryByRole('status')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    const [header, first, second] = (await downloads[1]!.text()).split('\r\n');
    expect(header).toBe(`date,type,summary,lon,lat,"'=cmd"`);
    expect(first).toBe(
      `2025-10-12,shelling,"'=HYPERLINK(""http://example.org"",""x"")",70.1,33.9,a`,
    );
    expect(second).toBe('2025-10-13,ied,plain,-3.5,33.9,b');
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('Export in Pashto', () => {
  afterEach(async () => {
    await act(() => showLanguage('en'));
  });

  it('names its buttons in Pashto and counts the formula cells in Pashto digits', async () => {
    const { user } = await renderLoaded();
    await act(() => showLanguage('ps'));
    expect(screen.queryByRole('button', { name: 'Export GeoJSON' })).toBeNull();
    expect(screen.getByRole('button', { name: 'GeoJSON صادر کړئ' })).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', { name: 'د سپرېډشیټ لپاره خوندي CSV' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'CSV صادر کړئ' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/^د دې CSV ۲ خونې/);
  });
});
