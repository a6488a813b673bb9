import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { showLanguage } from '../../i18n/i18n';
import { PackageRefusal } from './package-gate';

const NOT_HELD = { kind: 'notHeld', holds: ['day', 'type', 'side'] } as const;
const BANDS_ONLY = {
  kind: 'bandsOnly',
  bands: [
    { from: 0, to: 5 },
    { from: 5, to: 25 },
    { from: 25, to: null },
  ],
} as const;

describe('PackageRefusal', () => {
  afterEach(() => act(() => showLanguage('en')));

  it('says in English what a package holds, as the worker says it', () => {
    render(<PackageRefusal reason={NOT_HELD} />);
    const text = screen.getByText(/This package/);
    expect(text).toHaveTextContent(
      'This package cannot answer this filter: it holds counts by day, type and side.',
    );
    expect(text).not.toHaveAttribute('lang');
  });

  it('lists the distance bands a package answers', () => {
    render(<PackageRefusal reason={BANDS_ONLY} />);
    expect(screen.getByText(/bands only/)).toHaveTextContent(
      'This package answers distances by its bands only (0–5, 5–25, 25+ km).',
    );
  });

  it('follows the page into Urdu, with Urdu words and digits', async () => {
    await act(() => showLanguage('ur'));
    const { container } = render(
      <>
        <PackageRefusal reason={NOT_HELD} />
        <PackageRefusal reason={BANDS_ONLY} />
      </>,
    );
    const [held, bands] = [...container.querySelectorAll('p')].map((p) => p.textContent ?? '');
    expect(held).toBe(
      'یہ پیکیج اس فلٹر کا جواب نہیں دے سکتا: اس میں صرف دن، قسم اور جانب کے لحاظ سے گنتی ہے۔',
    );
    expect(bands).toMatch(/کلومیٹر/);
    expect(bands).not.toMatch(/package|bands/i);
    for (const p of container.querySelectorAll('p')) expect(p).not.toHaveAttribute('lang');
  });
});
