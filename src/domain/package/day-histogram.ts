/**
 * A count of incidents per day, as the text of one tile attribute (`days`, package-manifest.ts):
 * an aggregated point of the package's low zooms holds the days of all its incidents, so a date
 * filter counts them exactly at any zoom, in far fewer bytes than a point per day.
 *
 * The text is a run of numbers, each written in base 32, most significant digit first: a digit
 * that ends a number is one of `?@A…^` (char codes 63–94), any other one of `_` … `~` (95–126).
 * The first number is the first day (days since 1970-01-01), then one count per day from it;
 * a count of 0 is followed by how many more days have none, so a quiet month costs two digits.
 * The last count is that of the last day with incidents. Written by hand: tiles hold numbers and
 * text only, and no vector-tile library packs a series of counts into an attribute.
 */

const LAST_DIGIT = 63;
const MORE_DIGIT = 95;
const BASE = 32;

/** The text of the counts of `days` (sorted ascending, one entry per incident). */
export function encodeDayHistogram(days: ArrayLike<number>): string {
  let text = '';
  const write = (n: number) => {
    const digits: number[] = [];
    do {
      digits.push(n % BASE);
      n = Math.floor(n / BASE);
    } while (n > 0);
    for (let i = digits.length - 1; i > 0; i--)
      text += String.fromCharCode(MORE_DIGIT + digits[i]!);
    text += String.fromCharCode(LAST_DIGIT + digits[0]!);
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
      if (code >= MORE_DIGIT && code < MORE_DIGIT + BASE) n = n * BASE + (code - MORE_DIGIT);
      else if (code >= LAST_DIGIT && code < LAST_DIGIT + BASE)
        return n * BASE + (code - LAST_DIGIT);
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
