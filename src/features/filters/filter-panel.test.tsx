import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeFeature } from '../../domain/test-factories';
import { EMPTY_ENGINE_FILTER } from '../../state/incident-store';
import { makeLoadedStore } from '../../state/test-store';
import { FilterPanel } from './filter-panel';
import { IncidentCount } from './incident-count';

const features = [
  makeFeature({ id: 'a', type: 'airstrike', date: '2025-10-09' }),
  makeFeature({ id: 'b', type: 'shelling', date: '2025-10-15' }),
  makeFeature({ id: 'c', type: 'airstrike', date: '2025-10-17' }),
  makeFeature({ id: 'd', type: 'kidnapping', date: '2025-10-20' }, { geometry: null }),
];

/** The count follows the engine's answer, which arrives asynchronously. */
function expectCount(text: RegExp) {
  return waitFor(() => expect(screen.getByTestId('incident-count')).toHaveTextContent(text));
}

async function renderPanel() {
  const store = await makeLoadedStore(features);
  render(
    <>
      <IncidentCount store={store} />
      <FilterPanel store={store} />
    </>,
  );
  return store;
}

describe('Filter panel', () => {
  it('shows every incident at first, noting the unlocated one', async () => {
    await renderPanel();
    await expectCount(/^4 of 4 incidents \(1 without location/);
  });

  it('lists each type with its label and count, unknown codes under their own code', async () => {
    await renderPanel();
    expect(await screen.findByRole('checkbox', { name: 'Airstrike 2' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Shelling 1' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'kidnapping 1' })).toBeChecked();
  });

  it('unticking a type lowers the count', async () => {
    await renderPanel();
    await userEvent.click(await screen.findByRole('checkbox', { name: /^Airstrike/ }));
    await expectCount(/^2 of 4 incidents/);
  });

  it('a date range lowers the count and the per-type counts', async () => {
    await renderPanel();
    fireEvent.change(screen.getByLabelText('From date'), { target: { value: '2025-10-15' } });
    fireEvent.change(screen.getByLabelText('To date'), { target: { value: '2025-10-17' } });
    await expectCount(/^2 of 4 incidents/);
    expect(await screen.findByRole('checkbox', { name: 'Airstrike 1' })).toBeInTheDocument();
  });

  it('reset brings every incident back', async () => {
    const store = await renderPanel();
    await userEvent.click(await screen.findByRole('checkbox', { name: /^Shelling/ }));
    fireEvent.change(screen.getByLabelText('From date'), { target: { value: '2025-10-16' } });
    await userEvent.click(screen.getByRole('button', { name: 'Reset filters' }));
    await expectCount(/^4 of 4 incidents/);
    expect(store.getState().filter).toEqual(EMPTY_ENGINE_FILTER);
  });
});
