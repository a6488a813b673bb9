/** The load's answer: a dataset's report, or, when nothing of a file loaded, why and its columns. */
import { displayText } from '../../domain/display-text';
import type { LoadWarning, RejectedFeature } from '../../domain/incident';
import type { ImportOutcome } from '../../domain/import/import-incidents';
import { importIncidents } from '../../domain/import/import-incidents';
import { countProblems } from '../../domain/import/rejection-problems';
import type { JsonObject } from '../../domain/parse-incidents';
import { IncidentFileError, isObject, truncateDeepValue } from '../../domain/parse-incidents';
import type { DatasetSummary, LoadReply, LoadRequest } from '../engine-protocol';

/** How many rejections a load report carries; "Download rejected" returns all of them. */
const REPORTED_REJECTIONS = 500;

/**
 * How many warnings about single features (an id used twice…) a load report carries; those the
 * report answers with a button (swap, day order, encoding, sheets) always come along.
 */
const REPORTED_WARNINGS = 500;

/** Warnings the report offers a choice for: one each at most, never left out. */
const ANSWERED_WARNINGS = new Set<LoadWarning['code']>([
  'swapped-coordinates',
  'ambiguous-date',
  'encoding',
  'sheets',
]);

/**
 * The warnings a report carries: the answered ones, then the first others, each message clipped
 * and without the positions it concerns (the message names the first of them).
 */
function reportedWarnings(warnings: readonly LoadWarning[]): LoadWarning[] {
  const answered = warnings.filter((w) => ANSWERED_WARNINGS.has(w.code));
  const others = warnings.filter((w) => !ANSWERED_WARNINGS.has(w.code));
  return [...answered, ...others.slice(0, REPORTED_WARNINGS)].map(({ indices: _, ...warning }) => ({
    ...warning,
    message: displayText(warning.message),
  }));
}

/** The failed reply for a file that cannot be read: `name: why`, with the importer's words. */
export function fileFailure(
  name: string,
  error: IncidentFileError,
): Extract<LoadReply, { status: 'failed' }> {
  const message = `${name}: ${error.message}`;
  return error.sent
    ? { status: 'failed', message, failure: { name, reason: error.sent } }
    : { status: 'failed', message };
}

/** How many rejected rows or features give the "Choose columns again" dialog its columns. */
const EMPTY_SAMPLE_ROWS = 5;

/** Imports a file's content; a file that cannot be read at all is the load's failed reply. */
export function importFile(
  input: ArrayBuffer | string,
  request: LoadRequest,
  onProgress?: (fraction: number) => void,
): ImportOutcome | Extract<LoadReply, { status: 'failed' }> {
  try {
    return importIncidents(input, { ...request.options, ...(onProgress ? { onProgress } : {}) });
  } catch (error) {
    if (error instanceof IncidentFileError) return fileFailure(request.source.name, error);
    throw error;
  }
}

/** The report of a loaded file, as the page shows it. */
export function summariseDataset(
  outcome: Extract<ImportOutcome, { status: 'loaded' }>,
  request: LoadRequest,
): DatasetSummary {
  const { set } = outcome;
  return {
    id: request.datasetId,
    name: request.source.name,
    format: outcome.format,
    layout: outcome.layout,
    loaded: set.incidents.length,
    rejectedCount: set.rejected.length,
    problems: countProblems(set.rejected),
    rejected: set.rejected
      .slice(0, REPORTED_REJECTIONS)
      .map(({ index, line, id, reason, message }) => ({
        index,
        reason: displayText(reason),
        ...(message === undefined ? {} : { message }),
        ...(line === undefined ? {} : { line }),
        ...(id === undefined ? {} : { id }),
      })),
    warnings: reportedWarnings(set.warnings),
    warningCount: set.warnings.length,
    columns: outcome.columns ?? null,
    options: request.options,
  };
}

/**
 * The answer for a file of which nothing loaded: the dataset's report, and the columns (or
 * property names) of what was rejected, with the first few, for the mapping dialog.
 */
export function emptyReply(
  summary: DatasetSummary,
  rejected: readonly RejectedFeature[],
): LoadReply {
  const rows = rejected
    .map(({ input }) => (isObject(input) && isObject(input.properties) ? input.properties : input))
    .filter(isObject);
  const columns = new Set<string>();
  for (const row of rows.slice(0, 100)) for (const key of Object.keys(row)) columns.add(key);
  return {
    status: 'empty',
    dataset: summary,
    columns: [...columns],
    sample: rows.slice(0, EMPTY_SAMPLE_ROWS).map((row) => truncateDeepValue(row) as JsonObject),
  };
}
