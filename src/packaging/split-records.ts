/**
 * Cuts streamed text into pieces of whole records, for importing a large CSV or GeoJSONSeq file
 * in batches. A record ends at a line break outside double quotes (a CSV field may hold line
 * breaks inside quotes; a doubled quote `""` toggles twice, so it changes nothing). With
 * `table`, the first piece is the header: the first record that is not blank, with any blank
 * lines above it. Every piece keeps its text exactly, line breaks included.
 */
export interface RecordPiece {
  text: string;
  /** `\n` characters in the text, to keep line numbers. */
  lineBreaks: number;
}

export function splitRecords(table: boolean, batchRecords: number) {
  let pending = '';
  let scanned = 0; // characters of `pending` already scanned
  let pieceEnd = 0; // end of the last whole record in `pending`
  let records = 0;
  let inQuotes = false;
  let needHeader = table;

  const take = (end: number): RecordPiece => {
    const text = pending.slice(0, end);
    pending = pending.slice(end);
    scanned -= end;
    pieceEnd = 0;
    records = 0;
    return { text, lineBreaks: countLineBreaks(text) };
  };

  function* scan(): Generator<RecordPiece> {
    let at = scanned;
    for (;;) {
      const newline = pending.indexOf('\n', at);
      if (newline === -1) break;
      if (table) {
        const quote = pending.indexOf('"', at);
        if (inQuotes || (quote !== -1 && quote < newline)) {
          if (!inQuotes) {
            inQuotes = true;
            at = quote + 1;
          }
          const close = pending.indexOf('"', at);
          if (close === -1) {
            at = pending.length;
            break;
          }
          inQuotes = false;
          at = close + 1;
          continue;
        }
      }
      at = newline + 1;
      if (needHeader) {
        if (pending.slice(pieceEnd, newline).trim() === '') {
          pieceEnd = at;
          continue;
        }
        needHeader = false;
        scanned = at;
        yield take(at);
        at = 0;
        continue;
      }
      pieceEnd = at;
      records++;
      if (records >= batchRecords) {
        scanned = at;
        yield take(at);
        at = 0;
      }
    }
    scanned = Math.min(at, pending.length);
  }

  return {
    /** Adds text; returns the pieces it completed. */
    push(text: string): RecordPiece[] {
      pending += text;
      return [...scan()];
    },
    /** Ends the text; returns the last pieces (a final record needs no line break). */
    end(text: string): RecordPiece[] {
      pending += text;
      const pieces = [...scan()];
      if (pending.length > 0) {
        pieces.push({ text: pending, lineBreaks: countLineBreaks(pending) });
        pending = '';
      }
      return pieces.filter((piece) => piece.text !== '');
    },
  };
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
