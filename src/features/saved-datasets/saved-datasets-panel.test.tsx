import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showLanguage } from '../../i18n/i18n';
import type { SavedDatasetRow } from '../../state/saved-slice';
import { makeStore } from '../../state/test-store';
import { SavedDatasets, SavedDatasetsPanel } from './saved-datasets-panel';

function makeSaved(overrides: Partial<SavedDatasetRow> = {}): SavedDatasetRow {
  return {
    key: 'k1',
    name: 'ucdp-ged-pakistan.csv',
    size: 2048,
    type: 'text/csv',
    count: 9,
    openedAt: Date.UTC(2026, 11, 5, 8),
    options: {},
    order: 1,
    ...overrides,
  };
}

afterEach(async () => {
  await act(() => showLanguage('en'));
});

describe('The Datasets panel', () => {
  it('lists each saved dataset with its incidents, size and when it was opened', () => {
    render(<SavedDatasets datasets={[makeSaved()]} available use={null} onRemove={() => {}} />);
    const item = within(screen.getByRole('list', { name: 'Datasets' })).getByRole('listitem');
    expect(item).toHaveTextContent('ucdp-ged-pakistan.csv');
    expect(item).toHaveTextContent('9 incidents · 2 KB · opened 5 Dec 2026');
  });

  it('removes a dataset with its own Remove button', async () => {
    const onRemove = vi.fn();
    const datasets = [makeSaved(), makeSaved({ key: 'k2', name: 'acled.xlsx' })];
    render(<SavedDatasets datasets={datasets} available use={null} onRemove={onRemove} />);
    await userEvent.click(screen.getByRole('button', { name: 'Remove acled.xlsx' }));
    expect(onRemove).toHaveBeenCalledWith('k2');
  });

  it('shows a file name as text, never as markup', () => {
    const name = '<img src=x onerror=alert(1)>.csv';
    render(
      <SavedDatasets datasets={[makeSaved({ name })]} available use={null} onRemove={() => {}} />,
    );
    expect(screen.getByText(name)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });

  it('shows the storage used and what the browser allows', () => {
    const use = { usage: 5 * 1024 ** 2, quota: 2 * 1024 ** 3 };
    render(<SavedDatasets datasets={[]} available use={use} onRemove={() => {}} />);
    expect(screen.getByText('Storage used: 5 MB of 2 GB this browser allows.')).toBeInTheDocument();
  });

  it('says when the browser keeps nothing', () => {
    render(<SavedDatasets datasets={[]} available={false} use={null} onRemove={() => {}} />);
    expect(screen.getByText(/opened files are gone after a reload/)).toBeInTheDocument();
  });

  it('lists what the store has saved', () => {
    const store = makeStore();
    store.setState({ savedDatasets: [makeSaved()] });
    render(<SavedDatasetsPanel store={store} />);
    expect(
      screen.getByRole('button', { name: 'Remove ucdp-ged-pakistan.csv' }),
    ).toBeInTheDocument();
  });

  it('speaks Pashto, with Pashto digits', async () => {
    await act(() => showLanguage('ps'));
    const use = { usage: 512, quota: 2 * 1024 ** 3 };
    render(<SavedDatasets datasets={[makeSaved()]} available use={use} onRemove={() => {}} />);
    const item = within(screen.getByRole('list', { name: 'ډیټاسېټونه' })).getByRole('listitem');
    expect(item).toHaveTextContent('۹ پېښې · ۲ KB · پرانیستل شوی');
    expect(
      screen.getByRole('button', { name: 'ucdp-ged-pakistan.csv لرې کړئ' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/^کارول شوې حافظه: ۵۱۲ بایټه/)).toBeInTheDocument();
  });
});
