import type {
  CallContext,
  CallName,
  CallRequest,
  DropRequest,
  EngineMessage,
  NotDone,
  ReplyOf,
} from './engine-calls';
import { engineCalls, NOT_DONE, READ_ONLY_CALLS } from './engine-calls';
import { IncidentEngine } from './incident-engine';
import { STREAM_ABOVE_BYTES } from './run-load';
import { transferablesOf } from './transferables';

/** Posts a message to the page, handing over `transfer` (the reply's buffers) without a copy. */
export type PostMessage = <K extends CallName>(
  message: EngineMessage<K>,
  transfer: Transferable[],
) => void;

/** A call waiting its turn. */
interface Queued {
  id: number;
  call: CallName;
  /** Runs the call and posts its answer; false when it was a slice of a long job, to go on later. */
  run(): Promise<boolean>;
  /**
   * A call that waits on the network rather than the thread (a read of a dataset package): the
   * calls after it need not wait for it.
   */
  overlaps: boolean;
}

/** Takes the page's requests, in the order they came. */
export type EngineHandler = <K extends CallName>(request: CallRequest<K> | DropRequest) => void;

/**
 * Runs engine calls one by one and posts the answers, each with its typed arrays handed over.
 * Queries are coalesced: when several arrive while the engine is busy, only the newest is
 * answered and the others get null. Map tiles wait while anything else does, so a filter
 * change's counts never queue behind the previous change's tiles; a tile the map has given up
 * on is dropped unanswered. A long job (the facet columns of a large load) runs in slices when
 * nothing else waits. A dataset package is read over the network: its reads (READ_ONLY_CALLS)
 * run several at once, and other calls go on meanwhile.
 */
export function createEngineHandler(
  post: PostMessage,
  { streamAboveBytes = STREAM_ABOVE_BYTES }: { streamAboveBytes?: number } = {},
): EngineHandler {
  const engine = new IncidentEngine();
  const waiting: Queued[] = [];
  /** Long jobs between two slices: they go on when nothing else waits. */
  const paused: Queued[] = [];
  let running = false;
  /** Between two slices of a long job, while the thread takes its messages. */
  let pausing = false;

  const run = <K extends CallName>(request: CallRequest<K>): Promise<boolean> => {
    const { id, call } = request;
    // Posts whatever phase the call reports: each call's type in the table says which it may.
    const context: CallContext<never> = {
      engine,
      source: engine.source,
      progress: (progress, phase) => post({ id, call, progress, phase }, []),
      sliceEnd: () => performance.now() + SLICE_MS,
      streamAboveBytes,
    };
    // The executor runs the call at once, as a plain call would, and turns a throw into a rejection.
    return new Promise<ReplyOf<K> | NotDone>((resolve) =>
      resolve(engineCalls[call](context, ...request.args)),
    )
      .then((value) => {
        if (value === NOT_DONE) return false;
        post({ id, call, ok: true, value }, transferablesOf(value));
        return true;
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        post({ id, call, ok: false, message }, []);
        return true;
      });
  };

  const next = () => {
    if (running || pausing) return;
    const first = waiting.findIndex((request) => request.call !== 'tile');
    const [request] =
      waiting.length > 0 ? waiting.splice(first < 0 ? 0 : first, 1) : paused.splice(0, 1);
    if (!request) return;
    if (request.overlaps) {
      void request.run();
      next();
      return;
    }
    running = true;
    void request.run().then((done) => {
      running = false;
      // A slice of a long job: put it back, and let the messages that came meanwhile in first.
      if (!done) {
        paused.push(request);
        pausing = true;
        setTimeout(() => {
          pausing = false;
          next();
        }, 0);
      } else next();
    });
  };

  return (request) => {
    if ('drop' in request) {
      const at = waiting.findIndex((waiter) => waiter.id === request.drop);
      if (at >= 0) waiting.splice(at, 1);
      return;
    }
    if (request.call === 'query') {
      for (let i = waiting.length - 1; i >= 0; i--) {
        const older = waiting[i]!;
        if (older.call !== 'query') continue;
        waiting.splice(i, 1);
        post({ id: older.id, call: 'query', ok: true, value: null }, []);
      }
    }
    waiting.push({
      id: request.id,
      call: request.call,
      run: () => run(request),
      overlaps: READ_ONLY_CALLS.has(request.call) && engine.source !== engine,
    });
    next();
  };
}

/** Longest slice of a long job (the facet columns of a large load) between two looks at the queue. */
const SLICE_MS = 25;
