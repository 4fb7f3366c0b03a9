// Reads a note from disk with the limits applied: too large or binary files are skipped with a reason,
// invalid UTF-8 is decoded with replacement characters, a BOM is dropped.
import * as fs from 'node:fs';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: 'large' | 'binary' | 'error'; detail: string; size?: number };

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export async function readNote(file: string, maxFileSize: number): Promise<ReadResult> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    // Issue 12: O_NONBLOCK so that opening a FIFO never waits for a writer; the type is checked on the opened
    // descriptor (no race with a swap between a stat and the open), and at most the limit (+1) is ever read.
    handle = await fs.promises.open(file, OPEN_FLAGS);
    const stat = await handle.stat();
    if (!stat.isFile()) return notRegular(stat);
    if (stat.size > maxFileSize) return { ok: false, reason: 'large', detail: String(stat.size), size: stat.size };
    const buffer = Buffer.allocUnsafe(Math.min(maxFileSize + 1, stat.size > 0 ? stat.size + 1 : 8192));
    let length = 0;
    let bytes = buffer;
    for (;;) {
      if (length === bytes.length) {
        if (length > maxFileSize) break;
        const bigger = Buffer.allocUnsafe(Math.min(maxFileSize + 1, bytes.length * 2));
        bytes.copy(bigger, 0, 0, length);
        bytes = bigger;
      }
      const { bytesRead } = await handle.read(bytes, length, bytes.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    // The file may have grown between stat and read (a log being appended to): the limit holds for what was read.
    if (length > maxFileSize) return { ok: false, reason: 'large', detail: String(length), size: length };
    const read = bytes.subarray(0, length);
    if (looksBinary(read)) return { ok: false, reason: 'binary', detail: 'NUL bytes' };
    return { ok: true, text: decoder.decode(read) };
  } catch (error) {
    return { ok: false, reason: 'error', detail: (error as Error).message };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Open flags for notes: never block on a FIFO or a device (the type is refused after fstat anyway). */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Only regular files are notes: a FIFO, a socket or a device (a link to /dev/zero) is refused, never read. */
function notRegular(stat: fs.Stats): ReadResult & { ok: false } {
  const what = stat.isFIFO() ? 'a named pipe' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isSocket() ? 'a socket' : stat.isDirectory() ? 'a directory' : 'not a regular file';
  return { ok: false, reason: 'error', detail: `not a regular file (${what})` };
}

function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8000);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Up to this many bytes, `readNoteSync` reads into one buffer it keeps (per thread) instead of a new one per note. */
const SCRATCH_MAX = 1 << 20;
let scratch: Buffer | undefined;

/**
 * A buffer of at least `size` bytes whose contents are used up before the next call: the crawl reads thousands of
 * notes in a row, and a new buffer per note (mostly above the 4 KB that Node pools) was garbage for every one of them.
 */
function scratchFor(size: number): Buffer {
  if (size > SCRATCH_MAX) return Buffer.allocUnsafe(size);
  if (!scratch || scratch.length < size) scratch = Buffer.allocUnsafeSlow(Math.min(SCRATCH_MAX, Math.max(65536, 2 ** Math.ceil(Math.log2(size)))));
  return scratch;
}

/** The text of a note read by `readNoteSync`, with the size and mtime of the file it was read from (when the
 * bytes read are exactly the size the file had when it was opened: otherwise it changed meanwhile, and no stat is
 * reported, so the cache re-checks the file later). */
export type SyncReadResult = (ReadResult & { ok: false }) | { ok: true; text: string; size?: number; mtimeMs?: number };

/**
 * readNote without the thread-pool round trips: for the crawl, which reads thousands of small files and yields
 * to the event loop every few milliseconds anyway. One open, one fstat (no path lookup: a `statSync` by path
 * cost as much as the read), reads into a buffer of the file's size, one close; the fstat is returned with the
 * text, so the cache needs no second stat of the file.
 */
export function readNoteSync(file: string, maxFileSize: number): SyncReadResult {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return notRegular(stat);
    if (stat.size > maxFileSize) return { ok: false, reason: 'large', detail: String(stat.size), size: stat.size };
    // A regular file is read up to the size it had when opened (like readFileSync: no EOF probe); one of unknown
    // size (0: /proc) up to the limit (+1).
    const want = stat.size > 0 ? stat.size : maxFileSize + 1;
    let buffer = scratchFor(stat.size > 0 ? want : Math.min(want, 8192));
    let length = 0;
    while (length < want) {
      if (length === buffer.length) {
        const bigger = Buffer.allocUnsafe(Math.min(want, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = fs.readSync(fd, buffer, length, Math.min(buffer.length, want) - length, null);
      if (n === 0) break;
      length += n;
    }
    // A file of unknown size may be longer than the limit: the limit holds for what was read.
    if (length > maxFileSize) return { ok: false, reason: 'large', detail: String(length), size: length };
    const bytes = buffer.subarray(0, length);
    if (looksBinary(bytes)) return { ok: false, reason: 'binary', detail: 'NUL bytes' };
    const text = decoder.decode(bytes);
    return length === stat.size ? { ok: true, text, size: stat.size, mtimeMs: stat.mtimeMs } : { ok: true, text };
  } catch (error) {
    return { ok: false, reason: 'error', detail: (error as Error).message };
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already closed */
      }
    }
  }
}
