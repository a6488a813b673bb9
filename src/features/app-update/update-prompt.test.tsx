import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showLanguage } from '../../i18n/i18n';
import { UpdatePrompt } from './update-prompt';

const registration = vi.hoisted(() => ({
  /** What the service worker reports: a new version installed and waiting, or not. */
  waiting: false,
  updateServiceWorker: vi.fn(async () => undefined),
}));

vi.mock('virtual:pwa-register/react', () => ({
  useRegisterSW: () => ({
    needRefresh: useState(registration.waiting),
    offlineReady: useState(false),
    updateServiceWorker: registration.updateServiceWorker,
  }),
}));

afterEach(async () => {
  await act(() => showLanguage('en'));
  registration.waiting = false;
  registration.updateServiceWorker.mockClear();
});

describe('The update notice', () => {
  it('shows nothing while no new version is waiting', () => {
    render(<UpdatePrompt />);
    expect(screen.getByRole('status', { name: 'App update' })).toBeEmptyDOMElement();
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
  });

  it('says a new version is ready, in a live region that does not block the page', () => {
    registration.waiting = true;
    render(<UpdatePrompt />);
    const notice = screen.getByRole('status', { name: 'App update' });
    expect(notice).toHaveTextContent(/^A new version is readyReloadDismiss$/);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('activates the new version when Reload is clicked, and not before', async () => {
    registration.waiting = true;
    render(<UpdatePrompt />);
    expect(registration.updateServiceWorker).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));

    expect(registration.updateServiceWorker).toHaveBeenCalledTimes(1);
  });

  it('goes away when dismissed, without updating', async () => {
    registration.waiting = true;
    render(<UpdatePrompt />);

    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));

    expect(screen.queryByText('A new version is ready')).toBeNull();
    expect(registration.updateServiceWorker).not.toHaveBeenCalled();
  });

  it('speaks the reader’s language', async () => {
    registration.waiting = true;
    await act(() => showLanguage('ur'));
    render(<UpdatePrompt />);
    expect(screen.getByRole('status', { name: 'ایپ اپ ڈیٹ' })).toHaveTextContent(
      'نیا ورژن تیار ہے',
    );
    expect(screen.getByRole('button', { name: 'دوبارہ کھولیں' })).toBeInTheDocument();
  });
});
