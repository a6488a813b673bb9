import type {
  EngineFilter,
  ExportFormat,
  GeographyUrls,
  ListSort,
  LoadRequest,
  LoadPhase,
} from './engine-protocol';
import { IncidentEngine } from './incident-engine';
import { runLoad, STREAM_ABOVE_BYTES } from './run-load';

/** A request from the page to the engine. */
export type EngineRequest =
  | { type: 'load'; id: number; request: LoadRequest }
  | { type: 'query'; id: number; filter: EngineFilter; provinces: boolean }
  | { type: 'feature'; id: number; row: number }
  | { type: 'tile'; id: number; z: number; x: number; y: number }
  /** Drops the waiting request `target` (a tile the map no longer needs); has no answer. */
  | { type: 'cancel'; id: number; target: number }
  | { type: 'facets'; id: number }
  | { type: 'findRow'; id: number; key: string }
  | { type: 'describe'; id: number; rows: number[] }
  | {
      type: 'list';
      id: number;
      filter: EngineFilter;
      sort: ListSort;
      offset: number;
      limit: number;
    }
  | { type: 'listPosition'; id: number; filter: EngineFilter; sort: ListSort; row: number }
  | {
      type: 'export';
      id: number;
      filter: EngineFilter;
      format: ExportFormat;
      computedFields: boolean;
    }
  | { type: 'geography'; id: number; urls: GeographyUrls }
  | { type: 'strip'; id: number; filter: EngineFilter }
  | { type: 'rejected'; id: number; datasetId: string };

/** A message from the engine to the page. */
export type EngineMessage =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string }
  | { id: number; progress: number | null; phase: EnginePhase };

/** What a long request is doing, for its progress bar. */
export type EnginePhase = LoadPhase | 'exporting';

type Post = (message: EngineMessage, transfer?: Transferable[]) => void;

/**
 * Runs engine requests one by one and posts the answers. Queries are coalesced: when several
 * arrive while the engine is busy, only the newest is answered and the others get null. Map
 * tiles wait while anything else does, so a filter change's counts never queue behind the
 * previous change's tiles; a tile the map has given up on is dropped unanswered. A long job
 * (the facet columns of a large load) runs in slices when nothing else waits.
 */
export function createEngineHandler(
  post: Post,
  { streamAboveBytes = STREAM_ABOVE_BYTES }: { streamAboveBytes?: number } = {},
): (request: EngineRequest) => void {
  const engine = new IncidentEngine();
  const waiting: EngineRequest[] = [];
  /** Long jobs between two slices: they go on when nothing else waits. */
  const paused: EngineRequest[] = [];
  let running = false;
  /** Between two slices of a long job, while the thread takes its messages. */
  let pausing = false;

  const run = async (request: EngineRequest) => {
    try {
      switch (request.type) {
        case 'load': {
          const reply = await runLoad(
            engine,
            request.request,
            (progress, phase) => post({ id: request.id, progress, phase }),
            streamAboveBytes,
          );
          post({ id: request.id, ok: true, value: reply });
          break;
        }
        case 'query': {
          const reply = engine.query(request.filter, request.provinces);
          post({ id: request.id, ok: true, value: reply });
          break;
        }
        case 'tile': {
          const tile = engine.tile(request.z, request.x, request.y);
          post({ id: request.id, ok: true, value: tile }, [tile.data]);
          break;
        }
        case 'feature':
          post({ id: request.id, ok: true, value: engine.feature(request.row) });
          break;
        case 'describe':
          post({ id: request.id, ok: true, value: engine.describe(request.rows) });
          break;
        case 'findRow':
          post({ id: request.id, ok: true, value: engine.findRow(request.key) });
          break;
        case 'facets':
          // Made a slice at a time: whatever came meanwhile goes first.
          if (!engine.buildFacets(performance.now() + SLICE_MS)) {
            paused.push(request);
            break;
          }
          post({ id: request.id, ok: true, value: engine.facetSummary() });
          break;
        case 'list':
          post({
            id: request.id,
            ok: true,
            value: engine.list(request.filter, request.sort, request.offset, request.limit),
          });
          break;
        case 'listPosition':
          post({
            id: request.id,
            ok: true,
            value: engine.listPosition(request.filter, request.sort, request.row),
          });
          break;
        case 'export':
          post({
            id: request.id,
            ok: true,
            value: engine.export(request.filter, request.format, request.computedFields, (p) =>
              post({ id: request.id, progress: p, phase: 'exporting' }),
            ),
          });
          break;
        case 'geography': {
          const read = async (url: string) => {
            const response = await fetch(url);
            if (!response.ok) throw new Error(`Could not load ${url}: ${response.status}`);
            return response.json();
          };
          const [durandLine, crossings, provinces, countries] = await Promise.all([
            read(request.urls.durandLine),
            read(request.urls.crossings),
            read(request.urls.provinces),
            read(request.urls.countries),
          ]);
          const reply = engine.setGeography({ durandLine, crossings, provinces, countries });
          post({ id: request.id, ok: true, value: reply });
          break;
        }
        case 'strip': {
          const strip = engine.strip(request.filter);
          post({ id: request.id, ok: true, value: strip }, [
            strip.rows.buffer,
            strip.chainageKm.buffer,
            strip.day.buffer,
            strip.type.buffer,
          ]);
          break;
        }
        case 'rejected':
          post({ id: request.id, ok: true, value: engine.rejected(request.datasetId) });
          break;
      }
    } catch (error) {
      post({
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };

  const next = () => {
    if (running || pausing) return;
    const first = waiting.findIndex((request) => request.type !== 'tile');
    const [request] =
      waiting.length > 0 ? waiting.splice(first < 0 ? 0 : first, 1) : paused.splice(0, 1);
    if (!request) return;
    running = true;
    void run(request).finally(() => {
      running = false;
      // A slice of a long job put back: let the messages that came meanwhile in first.
      if (paused.includes(request)) {
        pausing = true;
        setTimeout(() => {
          pausing = false;
          next();
        }, 0);
      } else next();
    });
  };

  return (request) => {
    if (request.type === 'cancel') {
      const at = waiting.findIndex((waiter) => waiter.id === request.target);
      if (at >= 0) waiting.splice(at, 1);
      return;
    }
    if (request.type === 'query') {
      for (let i = waiting.length - 1; i >= 0; i--) {
        const older = waiting[i]!;
        if (older.type !== 'query') continue;
        waiting.splice(i, 1);
        post({ id: older.id, ok: true, value: null });
      }
    }
    waiting.push(request);
    next();
  };
}

/** Longest slice of a long job (the facet columns of a large load) between two looks at the queue. */
const SLICE_MS = 25;
