import type { KeyboardEvent, ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The header's actions. On a wide screen they stand in the header; on a phone (app.css, 800 px
 * or less) they fold behind one "Menu" button, a disclosure whose panel holds the very same
 * controls (not copies), so the map keeps the room. Escape closes the panel and gives the
 * focus back to the button; a tap or click elsewhere on the page closes it too.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const { t } = useTranslation('app');
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className="header-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((shown) => !shown)}
      >
        <span aria-hidden="true">☰ </span>
        {t('menu')}
      </button>
      <div ref={panel} id={panelId} className="header-menu" data-open={open} onKeyDown={onKeyDown}>
        {children}
      </div>
    </>
  );
}
