import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeFeature } from '../../domain/test-factories';
import { OPEN_KM } from '../../domain/url-state';
import { showLanguage } from '../../i18n/i18n';
import { COLOUR_SCHEMES } from '../../map/colour-scheme';
import { LEGEND_COLOURS } from '../../map/legend-colours';
import { makeLoadedStore, serveDataFiles } from '../../state/test-store';
import { MapLegend } from './map-legend';
import { MapToggle } from './map-toggle';

const features = [
  makeFeature({ id: 'a', type: 'airstrike', geo_precision: 'place' }),

  makeFeature({ id: 'b', type: 'shelling', geo_precision: 'district' }),
  makeFeature({ id: 'c', type: 'airstrike' }, { geometry: null }),
  makeFeature({ id: 'd', type: 'ied' }, { geometry: null }),
];

async function renderLegend(heatmap = false) {
  const store = await makeLoadedStore(features);
  render(<MapLegend store={store} heatmap={heatmap} />);
  return screen.getByRole('region', { name: 'Map legend' });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Map legend', () => {
  it('explains filled dots and rings', async () => {
    const legend = await renderLegend();
    expect(legend).toHaveTextContent('Exact place');
    expect(legend).toHaveTextContent('Approximate: district or province centre');
  });

  it('names the border line and its source', async () => {
    const legend = await renderLegend();
    expect(legend).toHaveTextContent('Durand Line (Natural Earth 1:10m, generalised)');
    expect(legend).toHaveTextContent('Border crossing');
  });

  it('names the distance band of the filter, and none without one', async () => {
    const store = await makeLoadedStore(features);
    render(<MapLegend store={store} />);
    const legend = screen.getByRole('region', { name: 'Map legend' });
    expect(legend).not.toHaveTextContent('Distance band');
    act(() => store.getState().setFilter({ borderKm: [0, 5] }));
    expect(legend).toHaveTextContent('Distance band: 0–5 km from the Natural Earth 1:10m line');
    act(() => store.getState().setFilter({ borderKm: [50, OPEN_KM], side: 'PK' }));
    expect(legend).toHaveTextContent(
      'Distance band: 50 km and more from the Natural Earth 1:10m line (Pakistani side only; beyond the dashed line)',
    );
  });

  it('shows the province ramp up to the largest count, and what it leaves out', async () => {
    const urls = serveDataFiles();
    const store = await makeLoadedStore(features);
    await store.getState().loadGeography(urls);
    store.getState().setProvinceCountsWanted(true);
    await store.whenSettled();
    render(<MapLegend store={store} provinces />);
    const legend = screen.getByRole('region', { name: 'Map legend' });
    // Both located incidents are at Parachinar, in Khyber Pakhtunkhwa.
    await waitFor(() => expect(legend).toHaveTextContent('Incidents per province'));
    expect(legend.querySelector('.legend-ramp')).toHaveTextContent(/^12$/);
    expect(legend).toHaveTextContent(
      '2 incidents without coordinates or outside these provinces are not counted.',
    );
  });

  it('leaves the province ramp out while the choropleth is off', async () => {
    const legend = await renderLegend();
    expect(legend).not.toHaveTextContent('Incidents per province');
  });

  it('says how many incidents are listed but not drawn', async () => {
    const legend = await renderLegend();
    await waitFor(() =>
      expect(legend).toHaveTextContent('2 incidents without coordinates are listed but not drawn.'),
    );
  });

  it('repeats the colours of the types present', async () => {
    const legend = await renderLegend();
    await waitFor(() => expect(legend).toHaveTextContent('Shelling'));
    expect(legend).toHaveTextContent('Airstrike');
  });

  it('shows the heatmap ramp only while the heatmap is on', async () => {
    expect(await renderLegend(true)).toHaveTextContent('Density of incidents');
  });

  it('folds and unfolds', async () => {
    const legend = await renderLegend();
    const toggle = screen.getByRole('button', { name: 'Legend' });
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(legend).not.toHaveTextContent('Exact place');
    await userEvent.click(toggle);
    expect(legend).toHaveTextContent('Exact place');
  });
});

describe('Map switches', () => {
  it('reports the new state', async () => {
    const onChange = vi.fn();
    render(<MapToggle label="Heatmap" on={false} onChange={onChange} unavailable={null} />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Heatmap' }));
    expect(onChange).toHaveBeenCalledWith(true);
  });

  it('is disabled, saying why, where no heatmap can be drawn', () => {
    render(
      <MapToggle label="Heatmap" on={true} onChange={() => {}} unavailable="Too many points." />,
    );
    const box = screen.getByRole('checkbox', { name: 'Heatmap' });
    expect(box).toBeDisabled();
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription('Too many points.');
  });
});

describe('Map legend swatches', () => {
  it('draw the Durand Line in its layer’s colours, once per colour scheme', async () => {
    const legend = await renderLegend();
    for (const scheme of COLOUR_SCHEMES) {
      const line = legend.querySelectorAll(`svg.scheme-${scheme} line`);
      const { durand, durandCasing } = LEGEND_COLOURS.schemes[scheme];
      expect([...line].map((l) => l.getAttribute('stroke'))).toEqual([durandCasing, durand]);
    }
  });

  it('draw the heatmap ramp in the heatmap’s colours', async () => {
    const legend = await renderLegend(true);
    const squares = legend.querySelectorAll('svg.ramp rect');
    expect([...squares].map((r) => r.getAttribute('fill'))).toEqual(
      LEGEND_COLOURS.incidents.heatmapRamp,
    );
  });

  it('names the most frequent of many types drawn, with a search box for the others', async () => {
    const many = Array.from({ length: 50 }, (_, n) =>
      makeFeature({ id: `t${n}`, type: `kind_${n}` }),
    );
    const frequent = [1, 2].map((n) => makeFeature({ id: `f${n}`, type: 'frequent' }));
    const store = await makeLoadedStore([...many, ...frequent]);
    render(<MapLegend store={store} />);
    const legend = screen.getByRole('region', { name: 'Map legend' });
    await waitFor(() => expect(legend.querySelectorAll('.legend-types li')).toHaveLength(40));
    expect(legend.querySelector('.legend-types li')).toHaveTextContent('Frequent2');
    expect(legend).toHaveTextContent('11 more: narrow with the search box.');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Find a type' }), 'kind 49');
    expect(legend.querySelectorAll('.legend-types li')).toHaveLength(1);
  });

  it('sets each type label apart, so a bidi override in it cannot turn its count', async () => {
    const store = await makeLoadedStore([makeFeature({ id: 'k', type: 'killed_by\u202e' })]);
    render(<MapLegend store={store} />);
    const legend = screen.getByRole('region', { name: 'Map legend' });
    await waitFor(() => expect(legend.querySelector('.legend-types li bdi')).not.toBeNull());
    expect(legend.querySelector('.legend-types li bdi')).toHaveTextContent('Killed by\u202e');
    expect(legend.querySelector('.legend-types li .count')).toHaveTextContent('1');
  });
});

describe('Map legend in Urdu', () => {
  afterEach(async () => {
    await act(() => showLanguage('en'));
  });

  it('explains the symbols, the distance band and what is not drawn in Urdu', async () => {
    const store = await makeLoadedStore(features);
    render(<MapLegend store={store} />);
    await act(() => showLanguage('ur'));
    const legend = screen.getByRole('region', { name: 'نقشے کی علامات' });
    expect(legend).toHaveTextContent('درست مقام');
    act(() => store.getState().setFilter({ borderKm: [50, OPEN_KM], side: 'PK' }));
    expect(legend).toHaveTextContent(
      'فاصلے کی پٹی: Natural Earth 1:10m لکیر سے 50 کلومیٹر اور زیادہ (صرف پاکستانی جانب؛ نقطہ دار لکیر سے آگے)',
    );
    await waitFor(() =>
      expect(legend).toHaveTextContent('بغیر نقاط کے 2 واقعات فہرست میں ہیں مگر نقشے پر نہیں۔'),
    );
    expect(screen.getByRole('button', { name: 'علامات' })).toBeInTheDocument();
  });
});
