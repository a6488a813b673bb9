import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { showLanguage } from '../../i18n/i18n';
import { makeStore } from '../../state/test-store';
import { MapView } from './map-view';

afterEach(async () => {
  await act(() => showLanguage('en'));
});

/**
 * Renders the map's place and its switches, and leaves before the map itself is made (in a task
 * after the first render: jsdom has no WebGL).
 */
function renderAndLeave(read: () => void) {
  const view = render(<MapView store={makeStore()} />);
  try {
    read();
  } finally {
    view.unmount();
  }
}

describe('The map view', () => {
  it('names the map and its switches in English', () => {
    renderAndLeave(() => {
      expect(screen.getByRole('region', { name: 'Map of incidents' })).toBeInTheDocument();
      expect(screen.getByRole('checkbox', { name: 'Heatmap' })).toBeInTheDocument();
      expect(screen.getByRole('checkbox', { name: 'Provinces' })).toBeDisabled();
    });
  });

  it('names them in Dari, and says in Dari why the provinces wait', async () => {
    await act(() => showLanguage('fa-AF'));
    renderAndLeave(() => {
      expect(screen.getByRole('region', { name: 'نقشهٔ رویدادها' })).toBeInTheDocument();
      expect(screen.getByRole('checkbox', { name: 'نقشهٔ حرارتی' })).toBeInTheDocument();
      expect(screen.getByRole('checkbox', { name: 'ولایت‌ها' })).toHaveAccessibleDescription(
        'شمار ولایت‌ها پس از بار شدن جغرافیای مرز نمایان می‌شود.',
      );
    });
  });
});
