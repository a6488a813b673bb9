/**
 * The buffers of every typed array (and bare ArrayBuffer) in a reply, each once: the list the
 * host posts a reply with, so no typed array is ever copied, whichever call made it. Plain objects
 * and arrays are searched; anything else (a Blob, a Date) is left as it is: a Blob crosses to the
 * page by reference without a transfer list.
 *
 * A reply's arrays must be its own: once posted they are gone from the engine's thread.
 */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (item: unknown): void => {
    if (typeof item !== 'object' || item === null) return;
    if (ArrayBuffer.isView(item)) {
      // A SharedArrayBuffer is shared, not handed over.
      if (item.buffer instanceof ArrayBuffer) buffers.add(item.buffer);
    } else if (item instanceof ArrayBuffer) buffers.add(item);
    else if (Array.isArray(item)) item.forEach(visit);
    else if (isPlainObject(item)) Object.values(item).forEach(visit);
  };
  visit(value);
  return [...buffers];
}

function isPlainObject(item: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(item);
  return prototype === Object.prototype || prototype === null;
}
