import { describe, expect, it } from 'vitest';
import { t } from './i18n';

describe('Numbers in messages', () => {
  it('keep a catalogue’s Intl options: English counts stay ungrouped', () => {
    expect(t('filters:count', { count: 1234, total: 5678 })).toBe('1234 of 5678 incidents');
  });
});
