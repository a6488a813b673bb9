/**
 * How a message names a value it found in the wrong place (`id an array of 2 is not a string or
 * number`). A string, number, boolean or null is written as the file has it, as data; an array or
 * an object is named in words, the English of the `jsonValue` namespace (domain/message.ts), so a
 * reason worded in Pashto says it in Pashto: the sender puts the value's message in its own.
 */
import { clipText } from './display-text';
import type { MessageValue } from './message';
import { message, wordMessage } from './message';

export const VALUE_WORDS = {
  array_one: 'an array of {{count}}',
  array_other: 'an array of {{count}}',
  object: 'a object',
  // Neither comes from a file read as JSON; `undefined` is a member the value was looked up in.
  undefined: 'a undefined',
  other: 'a {{kind}}',
} as const;

/** The namespace of these words in the catalogue. */
export const VALUE_NAMESPACE = 'jsonValue';

/** These words as a catalogue, for a sender to word its messages that name values. */
export const VALUE_CATALOGUE = { [VALUE_NAMESPACE]: VALUE_WORDS };

/** A value's first 60 characters, quoted, or its message when it is named in words. */
export function valueMessage(value: unknown): MessageValue {
  if (typeof value === 'string') return `"${clipText(value, 60)}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  if (Array.isArray(value)) return message(VALUE_NAMESPACE, 'array', { count: value.length });
  const kind = typeof value;
  return kind === 'object' || kind === 'undefined'
    ? message(VALUE_NAMESPACE, kind)
    : message(VALUE_NAMESPACE, 'other', { kind });
}

/** A short, safe description of any value, in English (see valueMessage). */
export function describeValue(value: unknown): string {
  const named = valueMessage(value);
  return typeof named === 'object' ? wordMessage(VALUE_CATALOGUE, named) : String(named);
}
