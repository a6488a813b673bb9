/**
 * Where each element of a FeatureCollection's top-level `features` array stands in the file's
 * text, so a rejected feature can be handed back exactly as it was written (number formats,
 * spacing, `1e400` and all), not as JSON.stringify would re-write it.
 *
 * A single linear scan that tracks strings, escapes and nesting depth; it assumes the text is
 * valid JSON (JSON.parse has accepted it) and returns null if the structure is not found.
 */
export function findFeatureSpans(text: string): Array<[number, number]> | null {
  const length = text.length;
  let depth = 0;
  let i = 0;
  let arrayDepth = -1;
  let lastKey: string | null = null;
  let keyStart = -1;
  const spans: Array<[number, number]> = [];
  let elementStart = -1;

  const closeElement = (end: number) => {
    if (elementStart >= 0) spans.push([elementStart, trimEnd(text, end)]);
    elementStart = -1;
  };

  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      i++;
      while (i < length) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      // A string directly inside the top-level object may be a key; remember the last one.
      if (depth === 1 && arrayDepth < 0) {
        keyStart = start;
        lastKey = text.slice(start + 1, i);
      }
      if (arrayDepth >= 0 && depth === arrayDepth && elementStart < 0) elementStart = start;
      i++;
      continue;
    }
    if (
      arrayDepth >= 0 &&
      depth === arrayDepth &&
      elementStart < 0 &&
      !isSpace(c) &&
      c !== 0x2c &&
      c !== 0x5d
    ) {
      elementStart = i;
    }
    switch (c) {
      case 0x7b: // {
      case 0x5b: // [
        if (
          c === 0x5b &&
          depth === 1 &&
          arrayDepth < 0 &&
          lastKey === 'features' &&
          keyStart >= 0
        ) {
          arrayDepth = depth + 1;
        }
        depth++;
        break;
      case 0x7d: // }
      case 0x5d: // ]
        depth--;
        if (arrayDepth >= 0 && depth === arrayDepth - 1) {
          closeElement(i);
          return spans;
        }
        break;
      case 0x2c: // ,
        if (arrayDepth >= 0 && depth === arrayDepth) closeElement(i);
        if (depth === 1) lastKey = null;
        break;
    }
    i++;
  }
  return null;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The end of a span with trailing blank space dropped. */
function trimEnd(text: string, end: number): number {
  let at = end;
  while (at > 0 && isSpace(text.charCodeAt(at - 1))) at--;
  return at;
}
