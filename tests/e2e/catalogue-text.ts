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

/** The placeholders' values if `template` renders `text` (`Export {{format}}` → {format: 'CSV'}). */
function match(template: string, text: string): Record<string, string> | null {
  const names: string[] = [];
  const pattern = template
    .split(PLACEHOLDER)
    .map((part, i) => {
      if (i % 2 === 1) {
        names.push(part);
        return '(.+?)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const found = new RegExp(`^${pattern}$`).exec(text);
  if (!found) return null;
  return Object.fromEntries(names.map((name, i) => [name, found[i + 1]!]));
}

/**
 * What the page shows in `language` where English shows `english`, read from the catalogues:
 * the English message that renders `english` (placeholders included), then the same key of
 * `language` with the same values. Throws when no English message renders it, or the language
 * lacks the key: that text is not translated yet.
 */
export function translationOf(english: string, language: string): string {
  const namespaces = readdirSync(new URL('en/', LOCALES))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''));
  for (const namespace of namespaces) {
    for (const [key, template] of messagesOf('en', namespace)) {
      const values = match(template, english);
      if (!values) continue;
      const translated = messagesOf(language, namespace).get(key);
      if (translated === undefined) {
        throw new Error(`${language}/${namespace}.json has no "${key}" (English: "${english}")`);
      }
      return translated.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
    }
  }
  throw new Error(`No English catalogue message renders "${english}": it is not translated yet`);
}
