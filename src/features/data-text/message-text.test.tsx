import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { message } from '../../domain/message';
import { showLanguage } from '../../i18n/i18n';
import { MessageText } from './message-text';

describe('MessageText', () => {
  afterEach(() => act(() => showLanguage('en')));

  it('words a message from its catalogue with the data it names', () => {
    render(<MessageText message={message('import', 'notice.gone', { name: 'old.csv' })} />);
    const text = screen.getByText(/old\.csv/);
    expect(text).toHaveTextContent("old.csv is no longer in this browser's storage.");
    expect(text).not.toHaveAttribute('lang');
  });

  it('follows the page into Urdu', async () => {
    await act(() => showLanguage('ur'));
    render(<MessageText message={message('import', 'notice.gone', { name: 'old.csv' })} />);
    const text = screen.getByText(/old\.csv/).textContent ?? '';
    expect(text).not.toMatch(/no longer|browser/i);
    expect(text).toMatch(/[\u0600-\u06ff]/);
  });

  it('marks a text not yet given words as English', () => {
    render(<MessageText message="Ignored side=XX: use AF or PK." />);
    expect(screen.getByText('Ignored side=XX: use AF or PK.')).toHaveAttribute('lang', 'en');
  });
});
