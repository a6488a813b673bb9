/**
 * The one way text from a file, a URL or a saved view is made fit to show: clipped to a length
 * the page can lay out, its bidi controls kept from turning the text around it, and never
 * markup. The DOM shows the result through `<DataText>` (features/data-text), which adds bidi
 * isolation; a canvas draws `canvasText`. The data itself is never changed: exports and
 * "Download rejected" keep every character.
 */

/** Longest value shown whole (a summary, a property's value); longer ones are clipped. */
export const MAX_TEXT_CHARS = 4_000;

/**
 * Longest name shown whole: a property name, a type, an id, an actor or an outlet, a file name,
 * anything a list, a heading or a message names. The engine keeps types, ids and facet names
 * clipped to this length too, so no longer one ever crosses to the page.
 */
export const MAX_NAME_CHARS = 200;

/**
 * Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): a canvas has no
 * isolation of its own, so they are taken out of text drawn there.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** The end of a clipped text. */
const CLIPPED = / … \([\d,]+ more characters\)$/;

/** U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE. */
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * `text` cut after `max` characters, saying how many more there were
 * (`… (19,999,800 more characters)`); a surrogate pair is never split.
 */
export function clipText(text: string, max: number = MAX_TEXT_CHARS): string {
  if (text.length <= max) return text;
  // Text clipped before (by the engine) is not clipped again: it would lose its true count.
  const marker = CLIPPED.exec(text.slice(-40));
  if (marker && text.length - marker[0].length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  const more = text.length - end;
  return `${text.slice(0, end)} … (${more.toLocaleString('en')} more characters)`;
}

/**
 * Any value as the text to show, clipped to `max`: a string as it is, a list of plain values
 * joined by `; `, other objects as JSON, null and undefined as nothing.
 */
export function displayText(value: unknown, max: number = MAX_TEXT_CHARS): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'string') text = value;
  else if (
    Array.isArray(value) &&
    value.every((item) => typeof item !== 'object' || item === null)
  ) {
    text = value.map((item) => String(item ?? '')).join('; ');
  } else if (typeof value === 'object') text = JSON.stringify(value) ?? '';
  else text = String(value);
  return clipText(text, max);
}

/** A name (type, id, actor, property name…) as shown: `displayText` clipped to MAX_NAME_CHARS. */
export function displayName(value: unknown): string {
  return displayText(value, MAX_NAME_CHARS);
}

/**
 * Text to draw on a canvas: clipped to `max`, its bidi controls taken out, and the whole set
 * apart as one isolate (FSI … PDI), so a right-to-left name neither turns nor is turned by what
 * is drawn beside it ("Killed by 12" stays 12, not 21).
 */
export function canvasText(value: unknown, max: number = MAX_NAME_CHARS): string {
  const text = displayText(value, max).replace(BIDI_CONTROLS, '');
  return text === '' ? '' : FSI + text + PDI;
}
