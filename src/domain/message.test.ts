import { describe, expect, it } from 'vitest';
import { isMessage, message, wordMessage } from './message';

const CATALOGUE = {
  links: {
    side: 'Ignored side={{value}}: use AF or PK.',
    rows_one: '{{count, number}} row was left out',
    rows_other: '{{count, number}} rows were left out',
    nested: { deep: 'Deep {{name}}' },
  },
};

describe('wordMessage', () => {
  it('fills the placeholders of the English words with the values', () => {
    expect(wordMessage(CATALOGUE, message('links', 'side', { value: 'XX' }))).toBe(
      'Ignored side=XX: use AF or PK.',
    );
  });

  it('chooses the plural form by the count and groups numbers as English does', () => {
    expect(wordMessage(CATALOGUE, message('links', 'rows', { count: 1 }))).toBe(
      '1 row was left out',
    );
    expect(wordMessage(CATALOGUE, message('links', 'rows', { count: 12345 }))).toBe(
      '12,345 rows were left out',
    );
  });

  it('reads words inside groups', () => {
    expect(wordMessage(CATALOGUE, message('links', 'nested.deep', { name: 'x' }))).toBe('Deep x');
  });

  it('puts a value in as text once, even when it looks like a placeholder', () => {
    expect(wordMessage(CATALOGUE, message('links', 'side', { value: '{{value}}' }))).toBe(
      'Ignored side={{value}}: use AF or PK.',
    );
  });

  it('names the message when its words are missing', () => {
    expect(() => wordMessage(CATALOGUE, message('links', 'nope'))).toThrow(
      'No words for message "links:nope".',
    );
    expect(() => wordMessage(CATALOGUE, message('other', 'side'))).toThrow('"other:side"');
  });

  it('does not take inherited keys for words', () => {
    expect(() => wordMessage(CATALOGUE, message('links', 'constructor'))).toThrow();
    expect(() => wordMessage(CATALOGUE, message('links', '__proto__.side'))).toThrow();
  });
});

describe('isMessage', () => {
  it('tells a message from a plain text or another object', () => {
    expect(isMessage(message('links', 'side'))).toBe(true);
    expect(isMessage('Ignored side=XX')).toBe(false);
    expect(isMessage({ key: 'notKept' })).toBe(false);
    expect(isMessage(null)).toBe(false);
  });
});
