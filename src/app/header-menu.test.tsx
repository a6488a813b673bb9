import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { showLanguage } from '../i18n/i18n';
import { HeaderMenu } from './header-menu';

afterEach(async () => {
  await act(() => showLanguage('en'));
});

function renderMenu() {
  render(
    <HeaderMenu>
      <button type="button">Export GeoJSON</button>
    </HeaderMenu>,
  );
  return screen.getByRole('button', { name: 'Menu' });
}

describe('The header menu', () => {
  it('is a disclosure of the header actions that opens and closes with its button', async () => {
    const menu = renderMenu();
    const panel = document.getElementById(menu.getAttribute('aria-controls')!)!;
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(panel).toHaveAttribute('data-open', 'false');
    await userEvent.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(panel).toHaveAttribute('data-open', 'true');
    expect(panel).toContainElement(screen.getByRole('button', { name: 'Export GeoJSON' }));
    await userEvent.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes on Escape from a control inside it and gives the focus back to its button', async () => {
    const menu = renderMenu();
    menu.focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Export GeoJSON' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();
  });

  it('closes when the page is tapped elsewhere, and stays open for a tap inside it', async () => {
    const menu = renderMenu();
    await userEvent.click(menu);
    await userEvent.click(screen.getByRole('button', { name: 'Export GeoJSON' }));
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(document.body);
    expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  it('is named in the page language', async () => {
    renderMenu();
    await act(() => showLanguage('ur'));
    expect(screen.getByRole('button', { name: 'مینو' })).toBeInTheDocument();
  });
});
