/**
 * Reads an incident file for the package builder through the app's own importers, so the package
 * holds exactly what the tab would load: the same layouts, rejections, ids and dates.
 *
 * CSV and GeoJSONSeq stream: their text is cut at record boundaries into batches (a CSV batch
 * gets the header line in front), each imported on its own, with positions and line numbers
 * shifted to the file's. Ids are derived from a record's content, never its position, so a batch
 * gives the ids the whole file would. Other formats (a GeoJSON FeatureCollection, KML, XLSX, KMZ)
 * are read whole, as the tab reads them, within the longest string Node holds.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Incident, LoadWarning, RejectedFeature } from '../domain/incident';
import { decodeIncidentText } from '../domain/import/decode-text';
import type { ImportOutcome } from '../domain/import/import-incidents';
import { importIncidents, importZip } from '../domain/import/import-incidents';
import type { RecordPiece } from './split-records';
import { splitRecords } from './split-records';

/** Records imported at once: a few MB of text, so a batch is cheap to hold. */
export const BATCH_RECORDS = 20_000;
/** Bytes sniffed for the encoding and the kind of file. */
const SNIFF_BYTES = 1 << 20;
/** Largest file read whole (a FeatureCollection, KML, XLSX): Node's longest string is ~512 M. */
const MAX_WHOLE_BYTES = 400_000_000;
const SEQUENCE_EXTENSIONS = new Set(['.geojsonl', '.geojsons', '.geojsonseq', '.jsonl', '.ndjson']);

export interface InputBatch {
  incidents: Incident[];
  rejected: RejectedFeature[];
}

export interface InputSummary {
  format: string;
  layout: string;
  warnings: LoadWarning[];
  /** A table's header, in order (repeated names kept), as the tab keeps it for Export CSV. */
  columns?: string[];
}

/** Thrown for an input that cannot be packaged as it is, with what to do instead. */
export class PackageInputError extends Error {
  override name = 'PackageInputError';
}

/**
 * Imports the file at `path`, handing each batch of incidents and rejections to `onBatch` in file
 * order; `onBytes` hears how many bytes were read. Throws PackageInputError (or the importers'
 * IncidentFileError) for a file that cannot be read.
 */
export async function readInput(
  path: string,
  onBatch: (batch: InputBatch) => void,
  onBytes: (bytes: number) => void = () => {},
  batchRecords = BATCH_RECORDS,
): Promise<InputSummary> {
  const size = (await stat(path)).size;
  const head = await readHead(path);
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const sniffed = isZip ? null : decodeIncidentText(cutAtLineBreak(head));
  const start = sniffed?.text.trimStart()[0];
  const sequence = SEQUENCE_EXTENSIONS.has(extname(path).toLowerCase()) || start === '\u001e';
  if (isZip || (!sequence && (start === '{' || start === '[' || start === '<'))) {
    if (size > MAX_WHOLE_BYTES) {
      throw new PackageInputError(
        `${path} is ${size} bytes: a GeoJSON FeatureCollection, KML or workbook is read whole, up to ${MAX_WHOLE_BYTES} bytes. Convert it to CSV or GeoJSONSeq (one feature per line), which are read in batches.`,
      );
    }
    const bytes = new Uint8Array(await readFile(path));
    onBytes(size);
    const outcome = isZip ? await importZip(bytes) : importIncidents(bytes);
    const { set, format, layout, columns } = loaded(outcome, path);
    onBatch({ incidents: set.incidents, rejected: set.rejected });
    return { format, layout, warnings: set.warnings, ...(columns ? { columns } : {}) };
  }
  return readInBatches(path, sniffed!.encoding, sequence, batchRecords, onBatch, onBytes);
}

async function readInBatches(
  path: string,
  encoding: string,
  sequence: boolean,
  batchRecords: number,
  onBatch: (batch: InputBatch) => void,
  onBytes: (bytes: number) => void,
): Promise<InputSummary> {
  const decoder = new TextDecoder(encoding);
  let summary: InputSummary | null = null;
  let header = '';
  let headerLines = 0;
  let rowsBefore = 0;
  let linesBefore = 0;
  let bytesRead = 0;
  const importBatch = (records: string, lineBreaks: number) => {
    const outcome = loaded(importIncidents(header + records), path);
    const { set } = outcome;
    const lineShift = linesBefore - headerLines;
    for (const incident of set.incidents) incident.index += rowsBefore;
    for (const rejection of set.rejected) {
      rejection.index += rowsBefore;
      if (rejection.line === undefined) continue;
      // A reason may name its line ("line 25 is not valid JSON"): the file's line, not the batch's.
      const local = `line ${rejection.line} `;
      rejection.line += lineShift;
      if (rejection.reason.startsWith(local))
        rejection.reason = `line ${rejection.line} ${rejection.reason.slice(local.length)}`;
    }
    rowsBefore += set.incidents.length + set.rejected.length;
    linesBefore += lineBreaks;
    if (summary === null) {
      const { format, layout, columns } = outcome;
      summary = { format, layout, warnings: set.warnings, ...(columns ? { columns } : {}) };
    }
    onBatch({ incidents: set.incidents, rejected: set.rejected });
  };

  const takePiece = (piece: RecordPiece) => {
    if (sequence || header !== '') return importBatch(piece.text, piece.lineBreaks);
    // The first piece of a table is its header (with any blank lines above it).
    header = piece.text;
    headerLines = piece.lineBreaks;
    linesBefore = piece.lineBreaks;
  };
  const splitter = splitRecords(!sequence, batchRecords);
  const stream = createReadStream(path, { highWaterMark: 4 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    splitter.push(decoder.decode(chunk, { stream: true })).forEach(takePiece);
    onBytes(bytesRead);
  }
  splitter.end(decoder.decode()).forEach(takePiece);
  if (summary === null) {
    // A header and no rows, or an empty file: the importer says which.
    importBatch('', 0);
  }
  return summary!;
}

function loaded(
  outcome: ImportOutcome,
  path: string,
): Extract<ImportOutcome, { status: 'loaded' }> {
  if (outcome.status === 'needs-mapping') {
    throw new PackageInputError(
      `${path}: ${outcome.reason} The package builder takes files whose layout the app recognises (native, ACLED, UCDP GED); rename the columns (found: ${outcome.columns.slice(0, 12).join(', ')}) or open the file in the app, map it, and export GeoJSON.`,
    );
  }
  return outcome;
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path);
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The bytes up to the last line break, so no multi-byte character is cut in two. */
function cutAtLineBreak(bytes: Uint8Array): Uint8Array {
  if (bytes.length < SNIFF_BYTES) return bytes;
  const last = bytes.lastIndexOf(0x0a);
  return last > 0 ? bytes.subarray(0, last + 1) : bytes;
}
