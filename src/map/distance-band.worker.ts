/// <reference lib="webworker" />
// The distance band's thread: buffering the whole Durand Line would stall the page for up to 2 s.
import type { BandMaker, BandReply, BandRequest } from './distance-band';
import { createBandMaker } from './distance-band';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let make: BandMaker | null = null;

scope.onmessage = async ({ data }: MessageEvent<BandRequest>) => {
  make ??= createBandMaker(data.urls);
  let reply: BandReply;
  try {
    reply = { key: data.key, band: await make(data.range, data.side) };
  } catch (error) {
    reply = { key: data.key, error: (error as Error).message };
  }
  scope.postMessage(reply);
};
