import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeFeature } from '../../domain/test-factories';
import { makeLoadedStore } from '../../state/test-store';
import { HeatmapToggle } from './heatmap-toggle';
import { MapLegend } from './map-legend';

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

describe('Heatmap switch', () => {
  it('reports the new state', async () => {
    const onChange = vi.fn();
    render(<HeatmapToggle on={false} onChange={onChange} unavailable={null} />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Heatmap' }));
    expect(onChange).toHaveBeenCalledWith(true);
  });

  it('is disabled, saying why, where no heatmap can be drawn', () => {
    render(<HeatmapToggle on={true} onChange={() => {}} unavailable="Too many points." />);
    const box = screen.getByRole('checkbox', { name: 'Heatmap' });
    expect(box).toBeDisabled();
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription('Too many points.');
  });
});
