// Typed arrays gathered into one ArrayBuffer, so that a worker's message carries one transferable buffer instead of
// several small arrays per note: the receiver gets views of it without a copy, and keeps one backing store per
// message instead of one per array (issue 16: ~90,000 small ArrayBuffers at 10k notes, each with its own object
// and native allocation, were ~15 MB of the request thread's peak).
export type Typed = Int32Array | Float64Array;

/** Views of one new buffer holding copies of `arrays`, in the same order (each view 8-byte aligned). */
export function intoOneBuffer(arrays: readonly Typed[]): { views: Typed[]; buffer: ArrayBuffer } {
  let bytes = 0;
  for (const a of arrays) bytes += (a.byteLength + 7) & ~7;
  const buffer = new ArrayBuffer(bytes);
  const views: Typed[] = [];
  let at = 0;
  for (const a of arrays) {
    const view = a instanceof Float64Array ? new Float64Array(buffer, at, a.length) : new Int32Array(buffer, at, a.length);
    view.set(a);
    views.push(view);
    at += (a.byteLength + 7) & ~7;
  }
  return { views, buffer };
}
