import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { message } from '../../domain/message';
import { parseUrlState } from '../../domain/url-state';
import { readViewsFile, VIEWS_FILE_FORMAT } from '../../domain/saved-view';
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

  it('words a link’s problem in Urdu, the value as written', async () => {
    await act(() => showLanguage('ur'));
    const [problem] = parseUrlState('?side=XX', 'http://localhost/').problems;
    render(<MessageText message={problem!} />);
    const text = screen.getByText(/side=XX/);
    expect(text).toHaveTextContent('side=XX نظر انداز کیا گیا: AF یا PK استعمال کریں۔');
    expect(text).not.toHaveAttribute('lang');
  });

  it('words a line of messages part by part: the view, then what its link lacked', async () => {
    const file = JSON.stringify({
      format: VIEWS_FILE_FORMAT,
      version: 1,
      views: [{ name: 'Kurram', query: '?minFatalities=many' }],
    });
    const [line] = readViewsFile(file, new Date()).problems;
    const { unmount } = render(<MessageText message={line!} />);
    expect(screen.getByText(/Kurram/)).toHaveTextContent(
      'View 1 ("Kurram"): Ignored minFatalities=many: not a whole number of at least 0.',
    );
    unmount();
    await act(() => showLanguage('ps'));
    render(<MessageText message={line!} />);
    expect(screen.getByText(/Kurram/)).toHaveTextContent(
      'بڼه ۱ («Kurram»): minFatalities=many پرېښودل شو: له 0 سره برابر یا تر هغه لوی بشپړ عدد نه دی.',
    );
  });
});
