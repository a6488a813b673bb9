/** Characters gathered before they are set into a Blob of their own (and let go as strings). */
const PIECE_CHARS = 8_000_000;

/**
 * A file's text, given piece by piece, as a Blob: the pieces are set into Blobs a few megabytes at
 * a time, so the whole text never has to be one string (a million features exceed what one
 * string may hold) nor be held twice. A Blob crosses to the page without being copied.
 * `onProgress` hears the share of `expectedPieces` read so far, every hundredth.
 */
export function gatherBlob(
  pieces: Iterable<string>,
  type: string,
  expectedPieces: number,
  onProgress?: (fraction: number) => void,
): Blob {
  const blobs: Blob[] = [];
  let parts: string[] = [];
  let chars = 0;
  let read = 0;
  let reported = 0;
  for (const piece of pieces) {
    parts.push(piece);
    chars += piece.length;
    if (chars >= PIECE_CHARS) {
      blobs.push(new Blob(parts));
      parts = [];
      chars = 0;
    }
    read++;
    if (onProgress && expectedPieces > 0 && read / expectedPieces - reported >= 0.01) {
      reported = Math.min(1, read / expectedPieces);
      onProgress(reported);
    }
  }
  blobs.push(new Blob(parts));
  return new Blob(blobs, { type });
}
