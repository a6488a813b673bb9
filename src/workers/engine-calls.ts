/**
 * Every call the page makes of the incident engine, each defined once, in ENGINE_CALLS: its
 * arguments are the function's parameters and its reply is what the function returns. The
 * request, the reply and progress messages, the client's typed `call` and the host's dispatch all
 * derive from that table; the page imports only its types, so the engine stays in the worker.
 */
import type { AnalystNote } from '../domain/notes/analyst-note';
import type {
  EngineFilter,
  ExportExtras,
  ExportFormat,
  GeographyUrls,
  ListSort,
  LoadPhase,
  LoadRequest,
  QueryReply,
} from './engine-protocol';
import type { IncidentEngine } from './incident-engine';
import type { IncidentSource } from './incident-source';
import { runLoad } from './run-load';

/** What a long call is doing, for its progress bar. */
export type EnginePhase = LoadPhase | 'exporting';

/**
 * What a call runs with in the host. `Phase` is what its progress messages may say: a call that
 * declares none (`never`) cannot report progress.
 */
export interface CallContext<Phase extends EnginePhase = never> {
  engine: IncidentEngine;
  /** What the calls that read incidents are answered from: the engine's data or an open package. */
  source: IncidentSource;
  /** Method syntax on purpose: a context of any phase then fits the table's common shape. */
  progress(fraction: number | null, phase: Phase): void;
  /** When the current slice of a long job should stop and let waiting requests in. */
  sliceEnd(): number;
  /** Files above this size that hold a FeatureCollection are parsed as a stream. */
  streamAboveBytes: number;
}

/** A long job's answer after a slice that did not finish it: the host runs it again later. */
export const NOT_DONE: unique symbol = Symbol('not done');
export type NotDone = typeof NOT_DONE;

/**
 * The calls. A call answers when its function returns (or its promise settles); a throw becomes
 * the client's rejection. How the host schedules them is in engine-host.ts.
 */
export const ENGINE_CALLS = {
  load: (context: CallContext<LoadPhase>, request: LoadRequest) =>
    runLoad(context.engine, request, context.progress, context.streamAboveBytes),
  /** Null when a newer query came while this one waited: only the newest is answered. */
  query: ({ source }, filter: EngineFilter, provinces: boolean): QueryReply | null =>
    withOwnTimeline(source.query(filter, provinces)),
  tile: ({ source }, z: number, x: number, y: number) => source.tile(z, x, y),
  feature: ({ source }, row: number) => source.feature(row),
  describe: ({ source }, rows: number[]) => source.describe(rows),
  findRow: ({ source }, key: string) => source.findRow(key),
  // Made a slice at a time: whatever came meanwhile goes first.
  facets: ({ source, sliceEnd }) =>
    source.buildFacets(sliceEnd()) ? source.facetSummary() : NOT_DONE,
  list: ({ source }, filter: EngineFilter, sort: ListSort, offset: number, limit: number) =>
    source.list(filter, sort, offset, limit),
  listPosition: ({ source }, filter: EngineFilter, sort: ListSort, row: number) =>
    source.listPosition(filter, sort, row),
  export: (
    { source, progress }: CallContext<'exporting'>,
    filter: EngineFilter,
    format: ExportFormat,
    extras: ExportExtras,
  ) => source.export(filter, format, extras, (p) => progress(p, 'exporting')),
  setNotes: ({ engine }, notes: AnalystNote[]) => engine.setNotes(notes),
  geography: async ({ engine }, urls: GeographyUrls) =>
    engine.setGeography(await fetchGeography(urls)),
  strip: ({ source }, filter: EngineFilter) => source.strip(filter),
  unknownValues: ({ source }, filter: EngineFilter, dimensions: string[]) =>
    source.unknownValues(filter, dimensions),
  rejected: ({ engine }, datasetId: string) => engine.rejected(datasetId),
  remove: ({ engine }, datasetId: string) => engine.remove(datasetId),
} satisfies Record<string, (context: CallContext, ...args: never[]) => unknown>;

type Calls = typeof ENGINE_CALLS;

/**
 * The calls that only read the current source and keep nothing: an open package answers them by
 * HTTP range reads, so the host runs several at once and lets other calls go on meanwhile.
 */
export const READ_ONLY_CALLS: ReadonlySet<keyof Calls> = new Set([
  'tile',
  'list',
  'listPosition',
  'describe',
  'feature',
  'export',
]);

/** The name of a call. */
export type CallName = keyof Calls;

/** A call's arguments, as the page passes them. */
export type ArgsOf<K extends CallName> = Calls[K] extends (
  context: never,
  ...args: infer A
) => unknown
  ? A
  : never;

/** A call's reply, as the page receives it. */
export type ReplyOf<K extends CallName> = Exclude<Awaited<ReturnType<Calls[K]>>, NotDone>;

/** What a call's progress messages may say (never for a call without progress). */
export type PhaseOf<K extends CallName> =
  Parameters<Calls[K]>[0] extends CallContext<infer P> ? P : never;

/** One call as the host runs it, whatever its name. */
export type RunCall<K extends CallName> = (
  context: CallContext<PhaseOf<K>>,
  ...args: ArgsOf<K>
) => ReplyOf<K> | NotDone | Promise<ReplyOf<K> | NotDone>;

/** The table seen call by call, so the host can run any call with its own arguments. */
export const engineCalls: { [K in CallName]: RunCall<K> } = ENGINE_CALLS;

/** A call from the page: its name and arguments, and the id its messages come back under. */
export type CallRequest<K extends CallName = CallName> = {
  [P in K]: { id: number; call: P; args: ArgsOf<P> };
}[K];

/** Drops the waiting call `drop` (a tile the map no longer needs); it is never answered. */
export interface DropRequest {
  drop: number;
}

/** A request from the page to the engine. */
export type EngineRequest = CallRequest | DropRequest;

/** A call's answer. */
export type ReplyMessage<K extends CallName = CallName> = {
  [P in K]: { id: number; call: P; ok: true; value: ReplyOf<P> };
}[K];

/** A call that threw: its error's message. */
export type FailureMessage<K extends CallName = CallName> = {
  [P in K]: { id: number; call: P; ok: false; message: string };
}[K];

/** How far a long call has got (null: a step with no fraction of its own). */
export type ProgressMessage<K extends CallName = CallName> = {
  [P in K]: { id: number; call: P; progress: number | null; phase: PhaseOf<P> };
}[K];

/** A message from the engine to the page. */
export type EngineMessage<K extends CallName = CallName> =
  ReplyMessage<K> | FailureMessage<K> | ProgressMessage<K>;

/**
 * The reply with a timeline array of its own. The engine returns the one its cached match keeps,
 * and every array of a reply is handed over: it would be gone from the engine's thread, and the
 * next query of the same filter would fail to post.
 */
function withOwnTimeline(reply: QueryReply): QueryReply {
  return { ...reply, timeline: { ...reply.timeline, byType: reply.timeline.byType.slice() } };
}

/** Reads the border geography's four files. */
async function fetchGeography(urls: GeographyUrls) {
  const read = async (url: string) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Could not load ${url}: ${response.status}`);
    return response.json();
  };
  const [durandLine, crossings, provinces, countries] = await Promise.all([
    read(urls.durandLine),
    read(urls.crossings),
    read(urls.provinces),
    read(urls.countries),
  ]);
  return { durandLine, crossings, provinces, countries };
}
