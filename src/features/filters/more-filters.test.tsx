import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFeature } from '../../domain/test-factories';
import { showLanguage } from '../../i18n/i18n';
import { makeLoadedStore } from '../../state/test-store';
import { ActiveFilters } from './active-filters';
import { IncidentCount } from './incident-count';
import { MoreFilters } from './more-filters';

const features = [
  makeFeature({ id: 'a', source_outlets: ['Dawn', 'TOLOnews'], actors: ['TTP'] }),
  makeFeature({ id: 'b', source_outlets: ['Dawn'] }),
  makeFeature({ id: 'c', source: 'BBC Urdu; Dawn' }),
  makeFeature({ id: 'd', source_outlets: ['Pajhwok'] }),
];

async function renderFilters() {
  const store = await makeLoadedStore(features);
  await waitFor(() => expect(store.getState().facets).not.toBeNull());
  render(
    <>
      <IncidentCount store={store} />
      <ActiveFilters store={store} />
      <MoreFilters store={store} />
    </>,
  );
  return store;
}

describe('More filters', () => {
  it('offers the outlets the incidents cite, most cited first, with counts', async () => {
    await renderFilters();
    expect(screen.queryByTestId('active-filters')).toBeNull();
    await userEvent.click(screen.getByText('Sources'));
    const sources = screen.getByRole('group', { name: 'Sources' });
    const names = Array.from(sources.querySelectorAll('label'), (label) => label.textContent);
    expect(names).toEqual(['Dawn 3', 'TOLOnews 1', 'BBC Urdu 1', 'Pajhwok 1']);
  });

  it('narrows the count to the incidents citing a chosen source, and says so', async () => {
    const store = await renderFilters();
    await userEvent.click(screen.getByText('Sources'));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Find a source' }), 'tolo');
    await userEvent.click(screen.getByRole('checkbox', { name: 'TOLOnews 1' }));
    expect(store.getState().filter.sources).toEqual(['TOLOnews']);
    await waitFor(() =>
      expect(screen.getByTestId('incident-count')).toHaveTextContent(/^1 of 4 incidents/),
    );
    expect(screen.getByTestId('active-filters')).toHaveTextContent('Active: citing: TOLOnews');
  });
});

describe('More filters in another language', () => {
  afterEach(async () => {
    await act(() => showLanguage('en'));
  });

  it('shows country names, not codes, in Urdu, and keeps the codes in the filter', async () => {
    const store = await makeLoadedStore([
      makeFeature({ id: 'a', country: ['TR'] }),
      makeFeature({ id: 'b', country: ['QA', 'PK'] }),
    ]);
    await waitFor(() => expect(store.getState().facets).not.toBeNull());
    render(<MoreFilters store={store} />);
    await act(() => showLanguage('ur'));
    const countries = screen.getByRole('group', { name: 'ملک' });
    expect(countries).toHaveTextContent('ترکیہ');
    expect(countries).not.toHaveTextContent('TR');
    await userEvent.click(screen.getByRole('checkbox', { name: 'قطر 1' }));
    expect(store.getState().filter.countries).toEqual(['QA']);
    expect(screen.getByText('ذرائع')).toBeInTheDocument();
    expect(screen.getByText('کم از کم ہلاکتیں')).toBeInTheDocument();
  });

  it('names the countries in English too', async () => {
    const store = await makeLoadedStore([makeFeature({ id: 'a', country: ['TR'] })]);
    await waitFor(() => expect(store.getState().facets).not.toBeNull());
    render(<MoreFilters store={store} />);
    expect(screen.getByRole('checkbox', { name: 'Türkiye 1' })).toBeInTheDocument();
  });
});
