// Idle work after indexing (Search Notes' indexes, the index cache write) runs in short slices, each after a pause
// in requests: requests come in bursts (a hover and its definition, keystroke after keystroke), and a slice that
// started just before the next one made it wait (BENCHMARKS.md, "Latency tails after indexing"). When requests come
// in is the request gate's record (requestGate.ts).
import { msSinceInput } from './requestGate';

/** How long one slice of idle work may run. */
export const IDLE_SLICE_MS = 4;
/** The pause in requests a slice waits for… */
const IDLE_GAP_MS = 20;
/** …at most this long (requests that never pause still let idle work finish). */
const IDLE_MAX_WAIT_MS = 500;

/** Yields to the event loop, then resolves once no request has come in for IDLE_GAP_MS, or after IDLE_MAX_WAIT_MS. */
export async function requestPause(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  const since = performance.now();
  while (msSinceInput() < IDLE_GAP_MS && performance.now() - since < IDLE_MAX_WAIT_MS) {
    await new Promise<void>((resolve) => setTimeout(resolve, Math.ceil(IDLE_GAP_MS - msSinceInput())));
  }
}
