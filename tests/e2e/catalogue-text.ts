import { readdirSync, readFileSync } from 'node:fs';

/** The catalogues as shipped: src/i18n/locales/<language>/<namespace>.json. */
const LOCALES = new URL('../../src/i18n/locales/', import.meta.url);

/** A namespace's messages, flattened to `key.path` → text; empty when the file is missing. */
function messagesOf(language: string, namespace: string): Map<string, string> {
  let tree: unknown;
  try {
    tree = JSON.parse(readFileSync(new URL(`${language}/${namespace}.json`, LOCALES), 'utf8'));
  } catch {
    return new Map();
  }
  const out = new Map<string, string>();
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'string') out.set(prefix, node);
    else if (node !== null && typeof node === 'object')
      for (const [key, value] of Object.entries(node))
        walk(value, prefix ? `${prefix}.${key}` : key);
  };
  walk(tree, '');
  return out;
}

const PLACEHOLDER = /\{\{\s*([\w.]+)[^}]*\}\}/g;

/**
 * The placeholders' values if `template` renders `text` (`Export {{format}}` → {format: 'CSV'}),
 * or only its beginning with `prefix`. A template of placeholders alone renders anything, so it
 * never counts as a match.
 */
function match(template: string, text: string, prefix = false): Record<string, string> | null {
  const names: string[] = [];
  const parts = template.split(PLACEHOLDER);
  if (parts.every((part, i) => i % 2 === 1 || part.trim() === '')) return null;
  const pattern = parts
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part);
      return '(.+?)';
    })
    .join('');
  const found = new RegExp(`^${pattern}${prefix ? '' : '$'}`).exec(text);
  if (!found) return null;
  return Object.fromEntries(names.map((name, i) => [name, found[i + 1]!]));
}

/** How much of a template is its own text rather than placeholders. */
function literalLength(template: string): number {
  return template.replace(PLACEHOLDER, '').length;
}

/**
 * The English messages that render `english`, with their values: one without placeholders that
 * says exactly this first, then the templates, the most specific first (several features may
 * word the same thing).
 */
function findEnglish(english: string) {
  const namespaces = readdirSync(new URL('en/', LOCALES))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''));
  const messages = namespaces.flatMap((namespace) =>
    [...messagesOf('en', namespace)].map(([key, template]) => ({ namespace, key, template })),
  );
  const found = [
    ...messages
      .filter(({ template }) => template === english)
      .map((message) => ({ ...message, values: {} as Record<string, string> })),
    ...messages
      .flatMap((message) => {
        const values = match(message.template, english);
        return values ? [{ ...message, values }] : [];
      })
      // The most specific first: `{{count}} of {{total}} incidents` before `{{count}} incidents`.
      .sort((a, b) => literalLength(b.template) - literalLength(a.template)),
  ];
  if (found.length === 0) {
    throw new Error(`No English catalogue message renders "${english}": it is not translated yet`);
  }
  return found;
}

/** The same messages as `english` in `language`'s catalogue; throws when it lacks a key. */
function translatedTemplates(english: string, language: string) {
  return findEnglish(english).map(({ namespace, key, values }) => {
    const translated = messagesOf(language, namespace).get(key);
    if (translated === undefined) {
      throw new Error(`${language}/${namespace}.json has no "${key}" (English: "${english}")`);
    }
    return { translated, values };
  });
}

/**
 * What the page shows in `language` where English shows `english`, read from the catalogues:
 * the English message that renders `english` (placeholders included), then the same key of
 * `language` with the same values. Throws when no English message renders it, or the language
 * lacks the key: that text is not translated yet.
 */
export function translationOf(english: string, language: string): string {
  const { translated, values } = translatedTemplates(english, language)[0]!;
  return translated.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}

/**
 * The values of the placeholders in `text`, which begins with the message that reads `english`
 * in English (`"122 of 122 incidents"`), as `language` words it: `{count: '۹۲', total: '۱۲۲'}`
 * from Pashto's `له ۱۲۲ څخه ۹۲ پېښې`, whatever order the language puts them in.
 */
export function valuesIn(text: string, english: string, language: string): Record<string, string> {
  for (const { translated } of translatedTemplates(english, language)) {
    const values = match(translated, text, true);
    if (values) return values;
  }
  throw new Error(`"${text}" does not begin as ${language} words "${english}"`);
}
