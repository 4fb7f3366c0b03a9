// Reads a note from disk with the limits applied: too large or binary files are skipped with a reason,
// invalid UTF-8 is decoded with replacement characters, a BOM is dropped.
import * as fs from 'node:fs';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: 'large' | 'binary' | 'error'; detail: string; size?: number };

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export async function readNote(file: string, maxFileSize: number): Promise<ReadResult> {
  try {
    const stat = await fs.promises.stat(file);
    if (stat.size > maxFileSize) return { ok: false, reason: 'large', detail: String(stat.size), size: stat.size };
    const bytes = await fs.promises.readFile(file);
    // The file may have grown between stat and read (a log being appended to): the limit holds for what was read.
    if (bytes.length > maxFileSize) return { ok: false, reason: 'large', detail: String(bytes.length), size: bytes.length };
    if (looksBinary(bytes)) return { ok: false, reason: 'binary', detail: 'NUL bytes' };
    return { ok: true, text: decoder.decode(bytes) };
  } catch (error) {
    return { ok: false, reason: 'error', detail: (error as Error).message };
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8000);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** readNote without the thread-pool round trips: for the crawl, which reads thousands of small files and yields
 * to the event loop every few milliseconds anyway. */
export function readNoteSync(file: string, maxFileSize: number): ReadResult {
  try {
    const stat = fs.statSync(file);
    if (stat.size > maxFileSize) return { ok: false, reason: 'large', detail: String(stat.size), size: stat.size };
    const bytes = fs.readFileSync(file);
    // The file may have grown between stat and read (a log being appended to): the limit holds for what was read.
    if (bytes.length > maxFileSize) return { ok: false, reason: 'large', detail: String(bytes.length), size: bytes.length };
    if (looksBinary(bytes)) return { ok: false, reason: 'binary', detail: 'NUL bytes' };
    return { ok: true, text: decoder.decode(bytes) };
  } catch (error) {
    return { ok: false, reason: 'error', detail: (error as Error).message };
  }
}
