import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateFormat, intlLocale } from './intl-locale';

afterEach(() => vi.restoreAllMocks());

/** This module's view of a browser whose Intl has no Pashto, as Chromium's. */
async function withoutPashto() {
  vi.resetModules();
  const real = Intl.DateTimeFormat.supportedLocalesOf;
  vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockImplementation((locales, options) =>
    String(locales).startsWith('ps') ? [] : real(locales, options),
  );
  return import('./intl-locale');
}

describe('intlLocale', () => {
  it('keeps a language whose locale Intl has', () => {
    expect(intlLocale('ur')).toBe('ur-PK');
  });

  it('lends Pashto Dari’s locale where Intl has no Pashto', async () => {
    const module = await withoutPashto();
    expect(module.intlLocale('ps')).toBe('fa-AF');
  });
});

describe('dateFormat', () => {
  const october12 = Date.UTC(2025, 9, 12);
  const long = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;

  it('writes Pashto month names over the borrowed Dari date', async () => {
    const module = await withoutPashto();
    expect(module.dateFormat('ps', 'gregory', long).format(october12)).toContain('اکتوبر');
    const hijri = module.dateFormat('ps', 'persian', long).format(october12);
    // 12 October 2025 is 20 Mizan (Tala in Pashto) 1404.
    expect(hijri).toContain('تله');
    expect(hijri).toContain('۱۴۰۴');
  });

  it('uses Intl itself for Urdu', () => {
    expect(dateFormat('ur', 'gregory', long).format(october12)).toContain('اکتوبر');
  });
});
