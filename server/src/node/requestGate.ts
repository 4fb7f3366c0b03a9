// Issue 16: hovers and completions never wait for the crawl's slices. A message that comes in is read in one turn
// of the event loop, dispatched in a setImmediate, and its answer written in another (vscode-jsonrpc's write
// semaphore); the crawl runs one slice per turn, so a request waited behind two or three of them. The crawl asks
// `requestPending()` before each slice and yields without working while a message is between coming in and its
// answer being written.
/** A gate left open longer than this (a partial message, a client that never stops) lets one slice through. */
const GATE_MAX_MS = 50;

let arrivals = 0;
let since = -1;
let lastInput = -Infinity;

/** Input came in on the connection (before it is parsed). */
export function inputArrived(): void {
  arrivals++;
  lastInput = performance.now();
  if (since < 0) since = lastInput;
}

/** How long ago input last came in (ms): idle work waits for a pause in requests (requestPause.ts). */
export function msSinceInput(): number {
  return performance.now() - lastInput;
}

/** A message was dispatched: its answer is written within the next turns; then the gate closes (unless more came in). */
export function messageHandled(): void {
  const seen = arrivals;
  setImmediate(() =>
    setImmediate(() => {
      if (arrivals === seen) since = -1;
    }),
  );
}

/** Whether a message is waiting to be dispatched or answered: crawl work should wait a turn. */
export function requestPending(): boolean {
  if (since < 0) return false;
  if (performance.now() - since <= GATE_MAX_MS) return true;
  since = -1;
  return false;
}

/** The longest synchronous step of the crawl's background work (ms): apply slices, the folder walk, the settle. */
export const BACKGROUND_STEP_MS = 3;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One turn of the event loop, then more while a message waits: background work resumes after the requests. */
export async function afterRequests(): Promise<void> {
  do await nextTurn();
  while (requestPending());
}
