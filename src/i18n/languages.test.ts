import { describe, expect, it } from 'vitest';
import { chooseLanguage, matchLanguage } from './languages';

describe('matchLanguage', () => {
  it.each([
    ['ur-PK', 'ur'],
    ['UR', 'ur'],
    ['ps-AF', 'ps'],
    ['fa-AF', 'fa-AF'],
    ['prs', 'fa-AF'],
    ['fa-IR', 'fa-AF'],
    ['en-GB', 'en'],
  ])('reads %s as %s', (tag, code) => {
    expect(matchLanguage(tag)).toBe(code);
  });

  it.each(['de', '', '__proto__', 'constructor'])('knows no language in %j', (tag) => {
    expect(matchLanguage(tag)).toBeNull();
  });
});

describe('chooseLanguage', () => {
  it('takes the link’s language first and says it came from the link', () => {
    expect(chooseLanguage({ param: 'ur', stored: 'ps', browser: ['fa-AF'] })).toEqual({
      code: 'ur',
      fromLink: true,
      unknownParam: null,
    });
  });

  it('takes the stored language over the browser’s', () => {
    expect(chooseLanguage({ param: null, stored: 'ps', browser: ['ur'] }).code).toBe('ps');
  });

  it('takes the first browser language it has', () => {
    expect(chooseLanguage({ param: null, stored: null, browser: ['de-DE', 'ur-PK'] }).code).toBe(
      'ur',
    );
  });

  it('falls back to English and reports a lang value it does not know', () => {
    expect(chooseLanguage({ param: 'klingon', stored: null, browser: ['de'] })).toEqual({
      code: 'en',
      fromLink: false,
      unknownParam: 'klingon',
    });
  });
});
