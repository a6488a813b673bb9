import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFeature } from '../../domain/test-factories';
import { inEnglish } from '../../domain/test-words';
import { makeLoadedStore } from '../../state/test-store';
import type { ServedPackage } from '../../workers/package/test-package';
import { servePackage } from '../../workers/package/test-package';
import { BorderFilters } from '../border/border-filters';
import { IncidentCount } from '../filters/incident-count';
import { MoreFilters } from '../filters/more-filters';
import { LoadReport } from './load-report';
import { OpenPackage } from './open-package';

let served: ServedPackage;
beforeAll(async () => {
  served = await servePackage(500);
}, 60_000);
afterAll(() => served?.close());

async function renderForm() {
  const store = await makeLoadedStore([makeFeature({ id: 'a' }), makeFeature({ id: 'b' })]);
  render(
    <>
      <IncidentCount store={store} />
      <OpenPackage store={store} />
      <LoadReport store={store} />
      <MoreFilters store={store} />
      <BorderFilters store={store} />
    </>,
  );
  await userEvent.click(screen.getByRole('button', { name: 'Open package…' }));
  return store;
}

async function open(url: string) {
  const input = screen.getByLabelText('Package manifest URL');
  await userEvent.clear(input);
  await userEvent.type(input, url);
  await userEvent.click(screen.getByRole('button', { name: 'Open' }));
}

describe('Open package…', () => {
  it('refuses a URL that is not http or https, and keeps the form open', async () => {
    const store = await renderForm();
    await open('javascript:alert(1)');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'javascript:alert(1): only http and https URLs can be loaded, not javascript:',
    );
    expect(store.getState().summary?.total).toBe(2);
  });

  it('keeps what was shown when the manifest cannot be read, and says why', async () => {
    const store = await renderForm();
    await open(served.manifestUrl.replace('manifest.json', 'nothing.json'));
    await waitFor(() => expect(store.getState().loadError).toMatch(/404/));
    expect(screen.getByTestId('incident-count')).toHaveTextContent('2 of 2 incidents');
    expect(screen.getByLabelText('Package manifest URL')).toBeInTheDocument();
  });

  it('shows the package, names it in the count, and disables the filters it cannot answer', async () => {
    const store = await renderForm();
    store.getState().setFilter({ text: 'torkham' });
    await open(served.manifestUrl);
    await waitFor(() =>
      expect(screen.getByTestId('incident-count')).toHaveTextContent(
        `500 of 500 incidents in package ${served.name}`,
      ),
    );
    // The form closes, and the search that was set is dropped with the reason.
    expect(screen.queryByLabelText('Package manifest URL')).toBeNull();
    expect(store.getState().filter.text).toBe('');
    expect(inEnglish(store.getState().notices.at(-1)!)).toMatch(
      /Ignored q: This package cannot answer this filter: it holds counts by day, type, side, province and distance band\./,
    );
    expect(screen.getByRole('searchbox', { name: 'Search' })).toBeDisabled();
    expect(screen.getByLabelText('Minimum fatalities')).toBeDisabled();
    expect(screen.getAllByText(/This package cannot answer this filter/).length).toBeGreaterThan(0);
  });
});
