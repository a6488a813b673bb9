/**
 * Spills each incident's row record to a scratch file of its calendar month as it loads, so the
 * builder never holds every record: a JSON line of what the columns do not keep (position in the
 * load, index in the file, id, date as written, date precision, the Feature as loaded).
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Incident } from '../domain/incident';

/** One spilled record: [seq, index, id, date, datePrecision, feature]. */
export type SpilledRow = [number, number, string, string, string | null, unknown];

/** Text kept per month before it is appended to the month's file. */
const FLUSH_CHARS = 1 << 20;

export class RowSpill {
  private readonly buffers = new Map<string, string[]>();
  private readonly sizes = new Map<string, number>();

  constructor(private readonly folder: string) {}

  /** Adds incidents whose column positions start at `firstSeq`. */
  add(incidents: readonly Incident[], firstSeq: number): void {
    incidents.forEach((incident, i) => {
      const month = incident.day.slice(0, 7);
      const row: SpilledRow = [
        firstSeq + i,
        incident.index,
        incident.key,
        incident.day,
        incident.datePrecision ?? null,
        incident.feature,
      ];
      const line = JSON.stringify(row) + '\n';
      let buffer = this.buffers.get(month);
      if (!buffer) this.buffers.set(month, (buffer = []));
      buffer.push(line);
      const size = (this.sizes.get(month) ?? 0) + line.length;
      this.sizes.set(month, size);
      if (size > FLUSH_CHARS) this.flush(month);
    });
  }

  private flush(month: string): void {
    appendFileSync(this.fileOf(month), this.buffers.get(month)!.join(''));
    this.buffers.set(month, []);
    this.sizes.set(month, 0);
  }

  /** Writes what is left; returns the months spilled, in order. */
  finish(): string[] {
    for (const month of this.buffers.keys()) this.flush(month);
    return [...this.buffers.keys()].sort();
  }

  /** The rows of one month, in load order. */
  read(month: string): SpilledRow[] {
    const text = readFileSync(this.fileOf(month), 'utf8');
    const rows: SpilledRow[] = [];
    for (let start = 0; start < text.length;) {
      const end = text.indexOf('\n', start);
      rows.push(JSON.parse(text.slice(start, end)) as SpilledRow);
      start = end + 1;
    }
    return rows;
  }

  private fileOf(month: string): string {
    return join(this.folder, `${month}.ndjson`);
  }
}
