import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { showLanguage } from '../../i18n/i18n';
import { makeStore } from '../../state/test-store';
import { MappingDialog } from './mapping-dialog';

/** A file with no type column and dates written out, as strikes are tallied in spreadsheets. */
const STRIKES = [
  'Strike,When,Place,Killed,lat,lon',
  '1,"Friday, June 18, 2004",Wana,6,32.30,69.57',
  '2,"Saturday, May 14, 2005",Toorikhel,2,32.98,70.10',
].join('\n');

async function openFile(text: string) {
  const store = makeStore();
  render(<MappingDialog store={store} />);
  await store.getState().loadSource({ kind: 'text', text, name: 'strikes.csv' });
  await screen.findByRole('dialog');
  return store;
}

describe('The mapping dialog', () => {
  beforeEach(() => localStorage.clear());
  afterEach(async () => {
    await act(() => showLanguage('en'));
  });

  it('finds the date column by what its cells hold, not by its name', async () => {
    await openFile(STRIKES);
    expect(screen.getByRole('combobox', { name: 'Date column' })).toHaveValue('When');
  });

  it('loads a file without a type column under one typed-in type', async () => {
    const store = await openFile(STRIKES);
    const typeColumn = screen.getByRole('combobox', { name: 'Type column' });
    await userEvent.selectOptions(
      typeColumn,
      screen.getByRole('option', { name: 'None: every row has the same type' }),
    );
    const typeForAll = screen.getByRole('textbox', { name: 'Type for every row' });
    expect(typeForAll).toHaveValue('unspecified');
    await userEvent.clear(typeForAll);
    await userEvent.type(typeForAll, 'Drone strike');
    await userEvent.click(screen.getByRole('button', { name: 'Load with these columns' }));

    await waitFor(() => expect(store.getState().summary?.total).toBe(2));
    expect(store.getState().summary?.typeCodes).toEqual(['drone_strike']);
    expect(store.getState().summary?.dayExtent).toEqual({ from: '2004-06-18', to: '2005-05-14' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('cannot load with a type that has no letters or digits', async () => {
    await openFile(STRIKES);
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Type column' }),
      screen.getByRole('option', { name: 'None: every row has the same type' }),
    );
    const typeForAll = screen.getByRole('textbox', { name: 'Type for every row' });
    await userEvent.clear(typeForAll);
    await userEvent.type(typeForAll, ' – ');
    expect(screen.getByRole('button', { name: 'Load with these columns' })).toBeDisabled();
  });

  it('honours a remembered mapping only as far as it fits: its columns and an allowed day order', async () => {
    const columns = ['Strike', 'When', 'Place', 'Killed', 'lat', 'lon'];
    localStorage.setItem(
      `durand-line-map:mapping:${JSON.stringify([...columns].sort())}`,
      JSON.stringify({
        mapping: { date: 'Place', type: 'Gone', longitude: 'lon', latitude: 'Nowhere' },
        dayOrder: 'evil',
      }),
    );
    const store = await openFile(STRIKES);
    expect(screen.getByRole('combobox', { name: 'Date column' })).toHaveValue('Place');
    expect(screen.getByRole('combobox', { name: 'Longitude column' })).toHaveValue('lon');
    expect(screen.getByRole('combobox', { name: 'Latitude column' })).toHaveValue('lat');
    expect(screen.getByRole('radio', { name: 'Reject them (ISO dates still load)' })).toBeChecked();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Date column' }), 'When');
    await userEvent.click(screen.getByRole('button', { name: 'Load with these columns' }));
    await waitFor(() => expect(store.getState().summary?.total).toBe(2));
    expect(store.getState().summary?.datasets[0]?.options.dayOrder).toBeUndefined();
  });

  it('asks in Dari, with the app’s reason in Dari and the columns as the file names them', async () => {
    await act(() => showLanguage('fa-AF'));
    await openFile(STRIKES);
    expect(screen.getByRole('heading', { name: 'کدام ستون‌ها تاریخ و نوع هستند؟' })).toBeVisible();
    expect(screen.getByRole('dialog')).toHaveTextContent('فایل نه فیلدهای «date» و «type» دارد');
    expect(screen.getByRole('combobox', { name: 'ستون تاریخ' })).toHaveValue('When');
    expect(screen.getAllByRole('option', { name: 'Place' }).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'با این ستون‌ها بارگذاری کنید' })).toBeEnabled();
  });

  it('says in Urdu that a chosen column is not in the file, naming it as chosen', async () => {
    await act(() => showLanguage('ur'));
    const store = makeStore();
    render(<MappingDialog store={store} />);
    const source = { kind: 'text' as const, text: STRIKES, name: 'strikes.csv' };
    await store
      .getState()
      .loadSource(source, 'replace', { mapping: { date: 'Day', type: 'Place' } });
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      'strikes.csv: تاریخ کے لیے چنا گیا کالم "Day" فائل میں نہیں ہے۔',
    );
    expect(dialog.querySelector('p [lang="en"]')).toBeNull();
  });

  it('asks in Pashto about a GeoJSON file of no known layout, as about a table', async () => {
    await act(() => showLanguage('ps'));
    const feature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [69.57, 32.3] },
      properties: { when: '2025-10-12', what: 'Airstrike' },
    };
    const text = JSON.stringify({ type: 'FeatureCollection', features: [feature] });
    const store = makeStore();
    render(<MappingDialog store={store} />);
    await store.getState().loadSource({ kind: 'text', text, name: 'strikes.geojson' });
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('strikes.geojson: فایل نه «date» او «type» ساحې لري');
    expect(dialog.querySelector('p [lang="en"]')).toBeNull();
  });
});
