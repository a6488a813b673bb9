import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { showLanguage } from '../../i18n/i18n';
import { makeStore } from '../../state/test-store';
import { DropZone } from './drop-zone';
import { LoadProgress } from './load-progress';
import { OpenFile } from './open-file';

afterEach(async () => {
  await act(() => showLanguage('en'));
});

describe('Opening files, in the reader’s language', () => {
  it('offers Open file… and says what it reads, in Urdu', async () => {
    await act(() => showLanguage('ur'));
    render(<OpenFile store={makeStore()} />);
    expect(screen.getByRole('heading', { name: 'آپ کا ڈیٹا' })).toBeVisible();
    expect(screen.getByText('فائل کھولیں…')).toBeVisible();
  });

  it('shows the reading of a file and its Cancel button in Pashto', async () => {
    const store = makeStore();
    store.setState({ loading: { name: 'kp.csv', phase: 'reading', progress: 0.5 } });
    await act(() => showLanguage('ps'));
    render(<LoadProgress store={store} />);
    expect(screen.getByRole('progressbar', { name: 'kp.csv لوستل کېږي' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'لغوه' })).toBeVisible();
  });

  it('says what a drop does while files are dragged over the page, in Dari', async () => {
    await act(() => showLanguage('fa-AF'));
    const { container } = render(<DropZone store={makeStore()} />);
    const dragged = new Event('dragenter', { bubbles: true });
    Object.defineProperty(dragged, 'dataTransfer', { value: { types: ['Files'] } });
    act(() => {
      fireEvent(window, dragged);
    });
    expect(container).toHaveTextContent('فایل‌های GeoJSON یا CSV را برای باز کردن اینجا رها کنید');
  });
});
