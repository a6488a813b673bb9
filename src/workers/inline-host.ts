import type { EngineHost } from './engine-client';
import { createEngineHandler } from './engine-host';

/** The same engine on the calling thread, answering asynchronously like the worker (for tests). */
export function createInlineHost(): EngineHost {
  let listener: Parameters<EngineHost['onMessage']>[0] = () => {};
  let stopped = false;
  const handle = createEngineHandler((message) => {
    if (!stopped) setTimeout(() => listener(message), 0);
  });
  return {
    post: (request) => setTimeout(() => !stopped && handle(structuredClone(request)), 0),
    onMessage: (next) => (listener = next),
    terminate: () => (stopped = true),
  };
}
