/**
 * A message for a reader from code that cannot word it in the reader's language (the domain, the
 * worker, storage): which words (`namespace:key` of the catalogue) and the values they name. The
 * sender keeps the English words of its namespace beside its code, as a plain object: they are
 * the source catalogue of that namespace (i18n/en-catalogue.ts takes them from there), and
 * `wordMessage` writes a message in English where English is the contract (a file written for
 * the reader, the command line, tests). The page words it in the reader's language
 * (features/data-text/message-text.tsx), so it follows a change of language.
 */

/**
 * The values a message names: data from a file or a link, counts, what the browser said, or a
 * message of their own (words for a value, as "an array of 3"), worded in the same language
 * before it goes in.
 */
export type MessageValues = Readonly<Record<string, MessageValue>>;

/** One value of a message. */
export type MessageValue = string | number | Message;

/** A message: `key` is `namespace:path.to.words`; plural words end `_one` / `_other`. */
export interface Message {
  readonly key: string;
  readonly values?: MessageValues;
}

/** Words of one namespace: a key to a template (`{{name}}`, `{{n, number}}`) or a group. */
export interface Words {
  readonly [key: string]: string | Words;
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*(?:,\s*number\s*(?:\([^)]*\))?)?\s*\}\}/g;
const ENGLISH_PLURAL = new Intl.PluralRules('en');

/**
 * The English of `message`, from the words of its namespace (`catalogue` maps namespaces to
 * words). Counts choose the plural form as i18next does (`key_one` for a `count` of 1); numbers
 * written `{{n, number}}` get English grouping. A value that is a message is worded first, from
 * the same catalogue. Values go in once, as text: a value that holds `{{…}}` stays as it is.
 */
export function wordMessage(catalogue: Readonly<Record<string, Words>>, message: Message): string {
  const [namespace, path] = splitKey(message.key);
  const words = catalogue[namespace];
  if (!words) throw new Error(`No words for the namespace of message "${message.key}".`);
  const template = lookUp(words, path, message.values?.count);
  if (template === undefined) throw new Error(`No words for message "${message.key}".`);
  const values = message.values ?? {};
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) return whole;
    if (typeof value === 'object') return wordMessage(catalogue, value);
    return /,\s*number/.test(whole) && typeof value === 'number'
      ? value.toLocaleString('en')
      : String(value);
  });
}

/** A message of `namespace`: `message('linkProblems', 'side', { value })`. */
export function message(namespace: string, key: string, values?: MessageValues): Message {
  return values === undefined
    ? { key: `${namespace}:${key}` }
    : { key: `${namespace}:${key}`, values };
}

/** Whether `value` is a message (as sent through a worker or kept in the store). */
export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Message).key === 'string' &&
    (value as Message).key.includes(':')
  );
}

function splitKey(key: string): [string, string] {
  const colon = key.indexOf(':');
  if (colon < 1) throw new Error(`Message key "${key}" has no namespace (namespace:key).`);
  return [key.slice(0, colon), key.slice(colon + 1)];
}

function lookUp(words: Words, path: string, count: unknown): string | undefined {
  const parts = path.split('.');
  const last = parts.pop()!;
  let group: Words | string | undefined = words;
  for (const part of parts) {
    group = typeof group === 'object' && Object.hasOwn(group, part) ? group[part] : undefined;
  }
  if (typeof group !== 'object') return undefined;
  const names =
    typeof count === 'number'
      ? [`${last}_${ENGLISH_PLURAL.select(count)}`, `${last}_other`, last]
      : [last];
  for (const name of names) {
    const found = Object.hasOwn(group, name) ? group[name] : undefined;
    if (typeof found === 'string') return found;
  }
  return undefined;
}
