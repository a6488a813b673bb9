/**
 * A count of incidents per day, as the text of one tile attribute (`days`, package-manifest.ts):
 * an aggregated point of the package's low zooms holds the days of all its incidents, so a date
 * filter counts them exactly at any zoom, in far fewer bytes than a point per day.
 *
 * The text is a run of numbers. A number ends with one character of code 63–126 (`?` … `~`) that
 * holds its last 6 bits (code − 63, 0–63); the higher part, when not 0, comes before it in base
 * 31, most significant digit first, one character of code 32–62 (space … `>`) per digit. So a
 * number under 64 is one character and one under 1,984 two. The first number is the first day
 * (days since 1970-01-01), then one count per day from it; a count of 0 is followed by how many
 * more days have none, so a quiet month costs two characters. The last count is that of the last
 * day with incidents. Written by hand: tiles hold numbers and text only, and no vector-tile
 * library packs a series of counts into an attribute.
 */

/** The character code of the final digit 0, and how many final digits there are. */
const LAST_DIGIT = 63;
const LAST_BASE = 64;
/** The character code of the higher part's digit 0, and the base of that part. */
const MORE_DIGIT = 32;
const MORE_BASE = 31;

/** The text of the counts of `days` (sorted ascending, one entry per incident). */
export function encodeDayHistogram(days: ArrayLike<number>): string {
  let text = '';
  const write = (n: number) => {
    let higher = Math.floor(n / LAST_BASE);
    let digits = '';
    while (higher > 0) {
      digits = String.fromCharCode(MORE_DIGIT + (higher % MORE_BASE)) + digits;
      higher = Math.floor(higher / MORE_BASE);
    }
    text += digits + String.fromCharCode(LAST_DIGIT + (n % LAST_BASE));
  };
  if (days.length === 0) return text;
  let day = days[0]!;
  write(day);
  let i = 0;
  while (i < days.length) {
    let count = 0;
    while (i < days.length && days[i] === day) {
      count++;
      i++;
    }
    if (i < days.length && days[i]! < day) throw new RangeError('days must be sorted');
    write(count);
    if (i === days.length) break;
    if (count === 0) {
      // Skip to the next day with incidents: this day and `gap` more have none.
      const gap = days[i]! - day - 1;
      write(gap);
      day += gap + 1;
    } else {
      day++;
    }
  }
  return text;
}

/**
 * Calls `each(day, count)` for every day of `text` that has incidents, in order. Throws on text
 * that is not a histogram (a damaged or foreign package).
 */
export function eachHistogramDay(text: string, each: (day: number, count: number) => void): void {
  let at = 0;
  const read = (): number => {
    let n = 0;
    for (;;) {
      const code = text.charCodeAt(at++);
      if (code >= MORE_DIGIT && code < MORE_DIGIT + MORE_BASE)
        n = n * MORE_BASE + (code - MORE_DIGIT);
      else if (code >= LAST_DIGIT && code < LAST_DIGIT + LAST_BASE)
        return n * LAST_BASE + (code - LAST_DIGIT);
      else throw new RangeError(`not a day histogram at character ${at - 1}`);
    }
  };
  if (text.length === 0) return;
  let day = read();
  while (at < text.length) {
    const count = read();
    if (count === 0) {
      day += read() + 1;
    } else {
      each(day, count);
      day++;
    }
  }
}

/** The incidents of `text` from day `from` to day `to`, both included. */
export function countHistogramDays(text: string, from: number, to: number): number {
  let total = 0;
  eachHistogramDay(text, (day, count) => {
    if (day >= from && day <= to) total += count;
  });
  return total;
}
