import { displayText, MAX_NAME_CHARS, MAX_TEXT_CHARS } from '../../domain/display-text';

/**
 * Text from data (a file, a URL, a saved view) in the page: clipped (a value after 4,000
 * characters, a name after 200, see display-text.ts) and set apart in a `<bdi>`, so bidi
 * controls or right-to-left script inside it cannot reorder the words and numbers around it.
 * Always a text node, never markup. Every component that shows data goes through this (the lint
 * rule `no-restricted-syntax` in eslint.config.js flags data rendered around it).
 */
export function DataText({
  value,
  name = false,
  max = name ? MAX_NAME_CHARS : MAX_TEXT_CHARS,
  className,
  lang,
}: {
  value: unknown;
  /** Clip as a name (200 characters) rather than a value (4,000). */
  name?: boolean;
  /** Clip after this many characters instead. */
  max?: number;
  className?: string;
  /**
   * The language of the text when it is known and may differ from the page's: app messages not
   * yet translated say `en`, so screen readers speak them in English, left to right.
   */
  lang?: string;
}) {
  return (
    <bdi className={className} lang={lang} dir={lang === undefined ? undefined : 'ltr'}>
      {displayText(value, max)}
    </bdi>
  );
}
