import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeFeature } from '../../domain/test-factories';
import { makeLoadedStore } from '../../state/test-store';
import { FilterPanel } from './filter-panel';
import { IncidentCount } from './incident-count';

const features = [
  makeFeature({ id: 'a', type: 'airstrike', date: '2025-10-09' }),
  makeFeature({ id: 'b', type: 'shelling', date: '2025-10-15' }),
  makeFeature({ id: 'c', type: 'airstrike', date: '2025-10-17' }),
  makeFeature({ id: 'd', type: 'kidnapping', date: '2025-10-20' }, { geometry: null }),
];

function renderPanel() {
  const store = makeLoadedStore(features);
  render(
    <>
      <IncidentCount store={store} />
      <FilterPanel store={store} />
    </>,
  );
  return store;
}

describe('Filter panel', () => {
  it('shows every incident at first, noting the unlocated one', () => {
    renderPanel();
    expect(screen.getByTestId('incident-count')).toHaveTextContent(
      /^4 of 4 incidents \(1 without location/,
    );
  });

  it('lists each type with its label and count, unknown codes under their own code', () => {
    renderPanel();
    expect(screen.getByRole('checkbox', { name: 'Airstrike 2' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Shelling 1' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'kidnapping 1' })).toBeChecked();
  });

  it('unticking a type lowers the count', async () => {
    renderPanel();
    await userEvent.click(screen.getByRole('checkbox', { name: /^Airstrike/ }));
    expect(screen.getByTestId('incident-count')).toHaveTextContent(/^2 of 4 incidents/);
  });

  it('a date range lowers the count and the per-type counts', () => {
    renderPanel();
    fireEvent.change(screen.getByLabelText('From date'), { target: { value: '2025-10-15' } });
    fireEvent.change(screen.getByLabelText('To date'), { target: { value: '2025-10-17' } });
    expect(screen.getByTestId('incident-count')).toHaveTextContent(/^2 of 4 incidents/);
    expect(screen.getByRole('checkbox', { name: 'Airstrike 1' })).toBeInTheDocument();
  });

  it('reset brings every incident back', async () => {
    const store = renderPanel();
    await userEvent.click(screen.getByRole('checkbox', { name: /^Shelling/ }));
    fireEvent.change(screen.getByLabelText('From date'), { target: { value: '2025-10-16' } });
    await userEvent.click(screen.getByRole('button', { name: 'Reset filters' }));
    expect(screen.getByTestId('incident-count')).toHaveTextContent(/^4 of 4 incidents/);
    expect(store.getState().filter).toEqual({ from: null, to: null, types: null });
  });
});
