import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { showLanguage } from '../../i18n/i18n';
import { LANGUAGE_STORAGE_KEY } from '../../i18n/languages';
import { LanguageMenu } from './language-menu';

afterEach(async () => {
  await act(() => showLanguage('en'));
  localStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('The language menu', () => {
  it('is named Language and marks the draft translations', () => {
    render(<LanguageMenu />);
    const menu = screen.getByRole('combobox', { name: 'Language' });
    const options = Array.from((menu as HTMLSelectElement).options).map((o) => o.text);
    expect(options).toEqual(['English', 'پښتو (draft)', 'دری (draft)', 'اردو (draft)']);
  });

  it('switches the page to Urdu right to left, remembers it and writes lang into the address', async () => {
    window.history.replaceState(null, '', '/?types=Airstrike&view=34.0,70.0,7.00');
    render(<LanguageMenu />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'ur');
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ur');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ur');
    expect(window.location.search).toBe('?types=Airstrike&view=34.0,70.0,7.00&lang=ur');
    expect(screen.getByRole('combobox', { name: 'Language' })).toHaveAttribute('title', 'زبان');
  });

  it('offers the Solar Hijri calendar for Dari but not for English', async () => {
    render(<LanguageMenu />);
    expect(screen.queryByRole('combobox', { name: 'Calendar' })).toBeNull();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'fa-AF');
    expect(await screen.findByRole('combobox', { name: 'تقویم' })).toBeInTheDocument();
  });
});
