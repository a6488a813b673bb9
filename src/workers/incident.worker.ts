/// <reference lib="webworker" />
// The incident engine's thread: loading, filtering and exporting happen here, off the page.
import type { EngineRequest } from './engine-calls';
import { createEngineHandler } from './engine-host';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createEngineHandler((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event: MessageEvent<EngineRequest>) => handle(event.data);
