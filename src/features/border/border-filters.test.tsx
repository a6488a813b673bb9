import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeFeature } from '../../domain/test-factories';
import { showLanguage } from '../../i18n/i18n';
import { makeLoadedStore, serveDataFiles } from '../../state/test-store';
import { BorderFilters } from './border-filters';
import { ComputedFieldsToggle } from './computed-fields-toggle';
import { StripPanel } from './strip-panel';

/** A store with one incident and the border geography loaded. */
async function makeBorderStore() {
  const urls = serveDataFiles();
  const store = await makeLoadedStore([makeFeature({ id: 'a' })]);
  await store.getState().loadGeography(urls);
  await store.whenSettled();
  return store;
}

afterEach(async () => {
  await act(() => showLanguage('en'));
  vi.unstubAllGlobals();
});

describe('The border filters', () => {
  it('offer the sides and the distance presets in English', async () => {
    const store = await makeBorderStore();
    render(<BorderFilters store={store} />);
    const sides = await screen.findByRole('radiogroup', { name: 'Side of the Durand Line' });
    expect(sides).toHaveTextContent('Both sides');
    const presets = screen.getByRole('group', { name: 'Distance presets' });
    expect(Array.from(presets.querySelectorAll('button'), (b) => b.textContent)).toEqual([
      '0–5 km',
      '5–20 km',
      '20–50 km',
      '> 50 km',
    ]);
    await userEvent.click(screen.getByRole('button', { name: '> 50 km' }));
    expect(store.getState().filter.borderKm).toEqual([50, 100_000]);
    expect(
      screen.getByText(/^Measured against the Natural Earth 1:10m line \(2,24\d km;/),
    ).toBeInTheDocument();
  });

  it('speak Urdu, with the computed-fields switch and the strip panel', async () => {
    const store = await makeBorderStore();
    render(
      <>
        <ComputedFieldsToggle store={store} />
        <BorderFilters store={store} />
        <StripPanel store={store} />
      </>,
    );
    await act(() => showLanguage('ur'));
    await waitFor(() =>
      expect(screen.getByRole('radiogroup', { name: 'ڈیورنڈ لائن کی جانب' })).toBeInTheDocument(),
    );
    expect(screen.getByRole('radio', { name: 'پاکستانی جانب' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '0–5 کلومیٹر' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'حساب شدہ فیلڈز شامل کریں' })).toBeInTheDocument();
    expect(screen.getByText('سرحدی پٹی: لکیر کے ساتھ کہاں، اور کب')).toBeInTheDocument();
  });
});
