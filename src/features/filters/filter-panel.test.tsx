import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFeature } from '../../domain/test-factories';
import { OVERFLOW_TYPE_COLOURS } from '../../domain/type-describer';
import { showLanguage } from '../../i18n/i18n';
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

/** A #rrggbb colour as the DOM reads it back from a style. */
function rgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${value >> 16}, ${(value >> 8) & 255}, ${value & 255})`;
}

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

  it('lists each type with its label and count, unknown codes under a name made of the code', async () => {
    await renderPanel();
    expect(await screen.findByRole('checkbox', { name: 'Airstrike 2' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Shelling 1' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Kidnapping 1' })).toBeChecked();
  });

  it('gives each code outside the taxonomy a readable label and a colour of its own', async () => {
    const store = await makeLoadedStore([
      makeFeature({ id: 'a', type: 'sniper_fire' }),
      makeFeature({ id: 'b', type: 'state_based' }),
      makeFeature({ id: 'c', type: 'airstrike' }),
    ]);
    render(<FilterPanel store={store} />);
    const swatchOf = (name: string) =>
      screen
        .getByRole('checkbox', { name })
        .closest('label')!
        .querySelector<HTMLElement>('.swatch')!.style.backgroundColor;
    await screen.findByRole('checkbox', { name: 'Sniper fire 1' });
    // The codes outside the taxonomy take the overflow colours in alphabetical order.
    expect(swatchOf('Sniper fire 1')).toBe(rgb(OVERFLOW_TYPE_COLOURS[0]!));
    expect(swatchOf('State-based conflict 1')).toBe(rgb(OVERFLOW_TYPE_COLOURS[1]!));
    expect(swatchOf('Sniper fire 1')).not.toBe(rgb('#8c8c8c'));
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

  it('lists the most frequent of many types, finds the others and says how many more', async () => {
    const many = Array.from({ length: 100 }, (_, n) =>
      makeFeature({ id: `t${n}`, type: `type_${String(n).padStart(3, '0')}` }),
    );
    const frequent = [1, 2, 3].map((n) => makeFeature({ id: `f${n}`, type: 'frequent' }));
    const store = await makeLoadedStore([...many, ...frequent]);
    render(<FilterPanel store={store} />);
    const types = screen.getByRole('group', { name: 'Incident types' });
    await waitFor(() => expect(types.querySelectorAll('input[type=checkbox]')).toHaveLength(40));
    expect(types.querySelector('.type-option')).toHaveTextContent('Frequent 3');
    expect(types).toHaveTextContent('61 more: narrow with the search box.');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Find a type' }), 'type 099');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Type 099 1' }));
    expect(store.getState().filter.types).toHaveLength(100);
    expect(store.getState().filter.types).not.toContain('type_099');
  });
});

describe('Filter panel in Urdu and Pashto', () => {
  afterEach(async () => {
    await act(() => showLanguage('en'));
  });

  it('names its controls and counts in Urdu', async () => {
    await renderPanel();
    await act(() => showLanguage('ur'));
    await expectCount(/^4 میں سے 4 واقعات \(1 بغیر مقام کے/);
    expect(screen.getByRole('heading', { name: 'فلٹر' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'واقعات کی اقسام' })).toBeInTheDocument();
    expect(screen.getByLabelText('شروع کی تاریخ')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'فلٹر ری سیٹ کریں' })).toBeInTheDocument();
  });

  it('counts each type in Pashto digits', async () => {
    await renderPanel();
    await screen.findByRole('checkbox', { name: 'Airstrike 2' });
    await act(() => showLanguage('ps'));
    expect(screen.getByRole('checkbox', { name: 'Airstrike ۲' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'فلټرونه بیا پر ځای کړئ' })).toBeInTheDocument();
  });
});
