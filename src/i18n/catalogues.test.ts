import { describe, expect, it } from 'vitest';
import { EN } from './en-catalogue';
import { LANGUAGES, SOURCE_LANGUAGE } from './languages';

/** Every catalogue file of every language: path → contents. */
const FILES = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', {
  eager: true,
  import: 'default',
});

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Flattens nested keys (`a.b`) to their string values. */
function flatten(tree: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, leaf] of flatten(value as Record<string, unknown>, `${prefix}${key}.`))
        out.set(inner, leaf);
    } else out.set(prefix + key, value);
  }
  return out;
}

/** The keys a language must have for the source keys: plural keys in its own plural forms. */
function expectedKeys(source: Map<string, unknown>, locale: string): Set<string> {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of source.keys()) {
    if (!PLURAL.test(key)) keys.add(key);
    else for (const category of categories) keys.add(key.replace(PLURAL, `_${category}`));
  }
  return keys;
}

/** The placeholders of a message: `{{count, number}}` → `count`. */
function placeholders(message: unknown): string[] {
  return [...String(message).matchAll(/\{\{\s*([\w.]+)/g)].map((match) => match[1]!).sort();
}

const baseKey = (key: string) => key.replace(PLURAL, '');

describe.each(LANGUAGES.filter((language) => language.code !== SOURCE_LANGUAGE))(
  'The $englishName catalogue',
  ({ code, locale }) => {
    it.each(Object.keys(EN))('has every key of the %s namespace', (namespace) => {
      const file = FILES[`./locales/${code}/${namespace}.json`];
      expect(file, `locales/${code}/${namespace}.json is missing`).toBeDefined();
      const source = flatten(EN[namespace as keyof typeof EN]);
      const translated = flatten(file!);
      const expected = expectedKeys(source, locale);
      expect(
        [...expected].filter((key) => !translated.has(key)),
        'missing keys',
      ).toEqual([]);
      expect(
        [...translated.keys()].filter((key) => !expected.has(key)),
        'keys not in English',
      ).toEqual([]);
    });

    it.each(Object.keys(EN))(
      'gives every %s message a text with the same placeholders',
      (namespace) => {
        const file = FILES[`./locales/${code}/${namespace}.json`] ?? {};
        const source = new Map(
          [...flatten(EN[namespace as keyof typeof EN])].map(([key, value]) => [
            baseKey(key),
            value,
          ]),
        );
        for (const [key, value] of flatten(file)) {
          expect(
            typeof value === 'string' && value.trim() !== '',
            `${namespace}:${key} is empty`,
          ).toBe(true);
          const english = source.get(baseKey(key));
          // A plural form may leave out the count ("one incident"): its other placeholders stay.
          const wanted = placeholders(english).filter(
            (name) => !(PLURAL.test(key) && name === 'count'),
          );
          const got = placeholders(value).filter((name) => !(PLURAL.test(key) && name === 'count'));
          expect(got, `${namespace}:${key}`).toEqual(wanted);
        }
      },
    );
  },
);

describe('The catalogue files', () => {
  it('hold no namespace English lacks', () => {
    const namespaces = new Set(Object.keys(EN));
    const strays = Object.keys(FILES).filter(
      (path) => !namespaces.has(path.replace(/^.*\//, '').replace(/\.json$/, '')),
    );
    expect(strays).toEqual([]);
  });

  it('are the English files the source catalogue bundles', () => {
    // The words of messages sent below the interface (a link's problems, storage's) live beside
    // their sender, with no English file: only the namespaces with a file are compared.
    const english = Object.keys(EN).filter((namespace) => FILES[`./locales/en/${namespace}.json`]);
    expect(english.length).toBeGreaterThan(0);
    for (const namespace of english)
      expect(FILES[`./locales/en/${namespace}.json`]).toEqual(EN[namespace as keyof typeof EN]);
  });
});
