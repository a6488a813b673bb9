import { act, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { showLanguage } from '../../i18n/i18n';
import { makeFeature } from '../../domain/test-factories';
import { makeLoadedStore } from '../../state/test-store';
import { IncidentDetail } from './incident-detail';

async function renderDetail(
  properties: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  const store = await makeLoadedStore([makeFeature(properties, extra)]);
  await store.getState().select(0);
  render(<IncidentDetail store={store} />);
  return screen.getByRole('complementary', { name: 'Incident details' });
}

/** The value beside a label of the panel's list. */
function field(panel: HTMLElement, label: string) {
  return within(panel).getByText(label, { selector: 'dt' }).nextElementSibling;
}

afterEach(async () => {
  await act(() => showLanguage('en'));
});

describe('Incident detail panel', () => {
  it('shows a hostile summary as plain text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const panel = await renderDetail({ summary: hostile });
    expect(panel).toHaveTextContent(hostile);
    expect(panel.querySelector('img')).toBeNull();
    expect(panel.querySelector('script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('shows date, place, actors, the fatality range and who claimed what', async () => {
    const panel = await renderDetail({
      date: '2025-10-15',
      time_local: '18:00',
      place: 'Spin Boldak',
      province: ['Kandahar'],
      country: ['AF'],
      geo_precision: 'place',
      actors: ['Pakistan Army', 'Afghan Taliban'],
      fatalities_min: 12,
      fatalities_max: 40,
      fatality_claims: 'Kabul: 12+ civilians; UNAMA: 17',
    });
    expect(panel).toHaveTextContent('2025-10-15 18:00 local');
    expect(panel).toHaveTextContent('Spin Boldak, Kandahar, AF (location precise to the place)');
    expect(within(panel).getByText('Afghan Taliban')).toBeInTheDocument();
    expect(panel).toHaveTextContent('12–40');
    expect(panel).toHaveTextContent('Kabul: 12+ civilians; UNAMA: 17');
  });

  it('links only http(s) sources, opened without an opener or referrer', async () => {
    const panel = await renderDetail({
      source_urls: ['https://www.dawn.com/news/1', 'javascript:alert(1)', 'http://example.org/a'],
      source_outlets: ['Dawn', 'Evil', 'Example'],
    });
    const links = within(panel).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://www.dawn.com/news/1',
      'http://example.org/a',
    ]);
    for (const link of links) expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(panel).toHaveTextContent('javascript:alert(1)');
  });

  it('lists unknown properties, prototype keys included, as data', async () => {
    const feature = JSON.parse(
      JSON.stringify(makeFeature({ reporter: 'field team' })).replace(
        '"date"',
        '"__proto__":{"x":1},"date"',
      ),
    );
    const store = await makeLoadedStore([feature]);
    await store.getState().select(0);
    render(<IncidentDetail store={store} />);
    const table = screen.getByRole('table');
    expect(table).toHaveTextContent('reporter');
    expect(table).toHaveTextContent('field team');
    expect(table).toHaveTextContent('__proto__{"x":1}');
  });

  it('shows an ACLED event’s place, fatalities written as text and its outlets', async () => {
    const acled = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [70.07, 33.0] },
      properties: {
        event_id_cnty: 'PAK140233',
        event_date: '12 October 2025',
        sub_event_type: 'Armed clash',
        actor1: 'Military Forces of Pakistan (2024-)',
        actor2: 'TTP: Tehreek-i-Taliban Pakistan',
        country: 'Pakistan',
        admin1: 'Khyber Pakhtunkhwa',
        location: 'Miran Shah',
        geo_precision: '1',
        source: 'Dawn; Express Tribune',
        notes: 'Security forces clashed with TTP militants near Miran Shah.',
        fatalities: '7',
      },
    };
    const store = await makeLoadedStore([acled], 'acled.geojson');
    await store.getState().select(0);
    render(<IncidentDetail store={store} />);
    const panel = screen.getByRole('complementary', { name: 'Incident details' });
    expect(field(panel, 'Fatalities')).toHaveTextContent(/^7$/);
    expect(field(panel, 'Place')).toHaveTextContent(
      'Miran Shah, Khyber Pakhtunkhwa, PK (location precise to the place)',
    );
    expect(field(panel, 'Actors')).toHaveTextContent('TTP: Tehreek-i-Taliban Pakistan');
    expect(field(panel, 'Sources')).toHaveTextContent('DawnExpress Tribune');
    expect(within(panel).queryAllByRole('link')).toEqual([]);
  });

  it('shows a fatality range written as text in this app’s own fields', async () => {
    const panel = await renderDetail({ fatalities_min: '7', fatalities_max: '17' });
    expect(field(panel, 'Fatalities')).toHaveTextContent('7–17');
  });

  it('says when an incident has no coordinates', async () => {
    const panel = await renderDetail({ place: 'Doha' }, { geometry: null });
    expect(panel).toHaveTextContent('(no coordinates: not on the map)');
  });

  it('speaks Urdu: labels, the day and figures in its words, the data as it was', async () => {
    const store = await makeLoadedStore([
      makeFeature({
        date: '2025-10-15',
        place: 'Spin Boldak',
        geo_precision: 'district',
        fatalities_min: 12,
        fatalities_max: 40,
      }),
    ]);
    await store.getState().select(0);
    await act(() => showLanguage('ur'));
    render(<IncidentDetail store={store} />);
    const panel = screen.getByRole('complementary', { name: 'واقعے کی تفصیلات' });
    expect(field(panel, 'تاریخ')).toHaveTextContent('15 اکتوبر، 2025');
    expect(field(panel, 'مقام')).toHaveTextContent('Spin Boldak');
    expect(field(panel, 'مقام')).toHaveTextContent('(ضلع تک درست محل وقوع)');
    expect(field(panel, 'ہلاکتیں')).toHaveTextContent('12–40');
    expect(within(panel).getByRole('button', { name: 'تفصیلات بند کریں' })).toBeInTheDocument();
    expect(within(panel).getByRole('heading', { name: 'میرا نوٹ اور ٹیگ' })).toBeInTheDocument();
  });
});
