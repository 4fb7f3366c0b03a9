// The persistent notes index cache: one compact v8-serialized file per set of note roots in the cache directory,
// so that a second start stats the notes and restores their sections, heading positions and ranked hits
// without reading or parsing them.
//
// - Keyed per file by path + size + mtime (the stat-only check of a warm start) and a content hash (a file whose
//   stat changed but whose content did not is restored without parsing).
// - Versioned: the cache format, the index data version (parser/ranking), the server version and the AWS data
//   version are in the file name key and in the header; any mismatch -> ignored and rebuilt.
// - Columnar: strings in a few arrays, numbers in typed arrays (serialized as raw bytes), so loading is a
//   deserialize plus object construction, no JSON of half a million numbers.
// - Written atomically (temp file + rename) in the cache directory only, never inside a note folder (real paths
//   compared, so a symlinked cache folder cannot point into the notes); any read error or corrupt content means
//   "no cache", never a failure.
// - Integrity (issue 12): a SHA-256 of everything before it ends the file; a file whose hash does not match (a
//   poisoned but well-formed cache, hand-edited or planted) is ignored and rebuilt. The cache is opened as a
//   regular file only (O_NOFOLLOW|O_NONBLOCK, type checked on the descriptor): a FIFO or a link at its path is
//   never read.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { pathToFileURL } from 'node:url';
import { type CachedHeadings, charMask, codeValueOf, HIT_FIELDS, type PackedHits, type PackedSections, parseNote, readSection, SECTION_INTS, type Section } from '../core';
import { readNoteSync } from './noteReader';

/** Bump when the layout of the cache file changes. */
export const CACHE_FORMAT = 9;
/** Bump when parsing, mention finding or ranking changes what would be stored. */
export const INDEX_DATA_VERSION = 3;

export interface CacheVersions {
  server: string;
  data: string;
}

export interface CachedNote {
  file: string;
  /** The file's URI as the index knows it (stored: 10k pathToFileURL calls are a measurable part of a warm start). */
  uri: string;
  size: number;
  mtimeMs: number;
  hash: string;
  /** Sections are built only when first needed (most notes are only ever searched by heading). */
  note: { sections: () => Section[]; codeRanges: () => number[]; headings: string[]; levels: Int32Array };
  hits: PackedHits;
  positions: Int32Array;
  /** Folded heading keys for the workspace-symbol search, one per section. */
  searchKeys: string[];
  /** `charMask` of each search key. */
  searchMasks: Uint32Array;
}

export interface CacheEntryInput {
  file: string;
  uri: string;
  size: number;
  mtimeMs: number;
  hash: string;
  /** The note's sections as flat columns (`NotesIndex.sectionColumns`), and the text their code offsets refer to. */
  sections: PackedSections;
  text: string;
  hits: PackedHits;
  positions: Int32Array;
  searchKeys: string[];
}

/**
 * A cache file, checked and decoded, with no per-note object built yet: a warm start searches the cached headings
 * straight from the columns (`headings`) and builds each note's entry when it restores that note.
 */
export interface LoadedCache {
  /** How many notes the cache holds. */
  readonly count: number;
  /** The `i`-th cached note (built on each call: call it once per note). */
  entry(i: number): CachedNote;
  readonly headings: CachedHeadings;
  /**
   * The integrity check (issue 12) in steps: each `next()` hashes the next megabyte; done with whether the file's
   * SHA-256 matches. The caller runs it in slices after the restore and withdraws what it restored when it fails
   * (one SHA-256 of a 10k-note cache is ~30 ms: it is not on the way to the first answer, nor copied to a thread).
   */
  verify(): Generator<void, boolean>;
}

interface Header {
  format: number;
  indexData: number;
  server: string;
  data: string;
  roots: string;
}

interface Payload {
  header: Header;
  files: string[];
  uris: string[];
  sizes: Float64Array;
  mtimes: Float64Array;
  hashes: string[];
  sectionCounts: Int32Array;
  headings: string[];
  searchKeys: string[];
  /** `charMask` of each search key (stored as int32). */
  searchMasks: Int32Array;
  slugs: string[];
  /** Per section: level, parent, headingStart, headingEnd, bodyEnd, end, blocks, codeBlocks. */
  sectionInts: Int32Array;
  /** Per block: start, end, code (0/1). */
  blocks: Int32Array;
  /** Per code block: start, end. */
  codeInts: Int32Array;
  codeLangs: string[];
  codeValues: string[];
  codeRangeCounts: Int32Array;
  codeRanges: Int32Array;
  /** 4 per section. */
  positions: Int32Array;
  hitServiceCounts: Int32Array;
  /** Each distinct service id once; `hitServiceIds` index it (tens of names instead of a string per note and service). */
  hitServiceNames: string[];
  hitServiceIds: Int32Array;
  hitCounts: Int32Array;
  hits: Int32Array;
  hitScores: Float64Array;
}

export function contentHash(text: string): string {
  return crypto.createHash('sha1').update(text).digest('base64');
}

/** A short version string of the AWS data the recognizer uses (file names, sizes, hash of services.json). */
export function dataVersionOf(dataDir: string | undefined): string {
  if (!dataDir) return 'none';
  try {
    const parts: string[] = [];
    for (const name of fs.readdirSync(dataDir).filter((n) => n.endsWith('.json')).sort()) parts.push(`${name}:${fs.statSync(path.join(dataDir, name)).size}`);
    // The names the recogniser matches (services and their features) decide the cached hits: hashed, not sized.
    for (const name of ['services.json', 'features.json']) {
      const file = path.join(dataDir, name);
      if (fs.existsSync(file)) parts.push(crypto.createHash('sha1').update(fs.readFileSync(file)).digest('hex'));
    }
    return crypto.createHash('sha1').update(parts.join('|')).digest('hex').slice(0, 16);
  } catch {
    return 'unknown';
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real path of `p`; for a path that does not exist yet, its nearest existing ancestor's real path + the rest. */
function realPathOf(p: string): string {
  const resolved = path.resolve(p);
  let existing = resolved;
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(existing), path.relative(existing, resolved));
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return resolved;
      existing = parent;
    }
  }
}

const HASH_BYTES = 32;
const integrity = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest();

/** The cache file's bytes, if it is a regular file (never a FIFO, device or symlink; never blocks). */
function readRegular(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return undefined;
    const bytes = Buffer.allocUnsafe(stat.size);
    let done = 0;
    while (done < bytes.length) {
      const n = fs.readSync(fd, bytes, done, bytes.length - done, null);
      if (n === 0) break;
      done += n;
    }
    return done === bytes.length ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export class IndexCache {
  readonly file: string;
  private readonly header: Header;

  /**
   * @param dir the cache directory (settings.cache.dir)
   * @param roots the note roots (folders or files): part of the key; the cache never lives inside one
   */
  constructor(
    readonly dir: string,
    roots: string[],
    versions: CacheVersions,
  ) {
    const rootsKey = [...roots].map((r) => path.resolve(r)).sort().join('\n');
    this.header = { format: CACHE_FORMAT, indexData: INDEX_DATA_VERSION, server: versions.server, data: versions.data, roots: rootsKey };
    const key = crypto.createHash('sha1').update(JSON.stringify(this.header)).digest('hex').slice(0, 20);
    this.file = path.join(path.resolve(dir), `notes-index-${key}.bin`);
  }

  /** Whether the cache may be used: a directory that is not inside (or equal to) a note root. */
  static usable(dir: string, roots: string[]): boolean {
    if (!dir || !path.isAbsolute(dir)) return false;
    const resolved = path.resolve(dir);
    const real = realPathOf(dir);
    return !roots.some((root) => isInside(resolved, path.resolve(root)) || isInside(real, realPathOf(root)));
  }

  /** The cached notes by absolute path; an empty map when there is no usable cache (missing, corrupt, other version). */
  load(): Map<string, CachedNote> {
    const read = this.read();
    return read && integrity(read.bytes).equals(read.expected) ? entriesOf(read.cache) : new Map();
  }

  /**
   * The cache for a warm start, undefined when there is none (missing, corrupt, other version, no notes): checked
   * and decoded at once, per-note entries built on demand, the integrity check left to the caller (`verify`, which
   * it must run before it trusts what it restored).
   */
  open(): LoadedCache | undefined {
    const read = this.read();
    if (!read) return undefined;
    const { cache, bytes, expected } = read;
    function* verify(): Generator<void, boolean> {
      const hash = crypto.createHash('sha256');
      for (let at = 0; at < bytes.length; at += CHUNK) {
        hash.update(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)));
        yield;
      }
      return hash.digest().equals(expected);
    }
    return { ...cache, verify };
  }

  /** The decoded cache (unverified), the stored hash and the bytes it covers; undefined when absent, malformed or empty. */
  private read(): { cache: Omit<LoadedCache, 'verify'>; expected: Buffer; bytes: Buffer } | undefined {
    const file = readRegular(this.file);
    if (!file || file.length < MAGIC.length + HASH_BYTES) return undefined;
    const bytes = file.subarray(0, file.length - HASH_BYTES);
    const expected = file.subarray(file.length - HASH_BYTES);
    try {
      const payload = readFrames(bytes, this.header);
      const cache = payload && unpack(payload);
      return cache && cache.count > 0 ? { cache, expected, bytes } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Writes the cache atomically (temp file + rename). Returns false (and leaves no temp file) on any error. */
  save(entries: Iterable<CacheEntryInput>): boolean {
    const steps = this.write(entries);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * `save` in steps: each `next()` does a few milliseconds of work (building part of a column, writing a chunk).
   * The caller decides when to yield to the event loop between steps, or drains it synchronously (shutdown).
   */
  writeSteps(entries: Iterable<CacheEntryInput>): Generator<void, boolean> {
    return this.write(entries);
  }

  /** `save`, yielding to the event loop whenever a slice of `sliceMs` is used up: requests wait at most about one slice. */
  async saveAsync(entries: Iterable<CacheEntryInput>, pause: () => Promise<void>, sliceMs = 4): Promise<boolean> {
    const steps = this.write(entries);
    let sliceStart = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() - sliceStart > sliceMs) {
        await pause();
        sliceStart = performance.now();
      }
    }
  }

  private *write(input: Iterable<CacheEntryInput>): Generator<void, boolean> {
    const tmp = `${this.file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    let fd: number | undefined;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      // A fresh temp file (O_EXCL: never an existing file, FIFO or link planted at that name).
      fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), 0o600);
      const out = fd;
      const hash = crypto.createHash('sha256');
      const writeAll = (buffer: Uint8Array) => {
        hash.update(buffer);
        let done = 0;
        while (done < buffer.length) done += fs.writeSync(out, buffer, done, buffer.length - done);
      };
      // Small parts (a frame header, one note's hits) are gathered into 1 MB chunks: one write call per chunk.
      const chunk = Buffer.allocUnsafe(CHUNK);
      let used = 0;
      const flush = () => {
        if (used) writeAll(chunk.subarray(0, used));
        used = 0;
      };
      const put = (part: Uint8Array) => {
        if (part.byteLength >= CHUNK) {
          flush();
          writeAll(part);
          return;
        }
        if (used + part.byteLength > CHUNK) flush();
        chunk.set(part, used);
        used += part.byteLength;
      };
      put(MAGIC);
      const entries = [...input].filter((e) => e.positions.length === e.sections.headings.length * 4);
      for (const frame of columns(this.header, entries)) {
        if (!frame) {
          yield; // a pause point inside a long column
          continue;
        }
        // 8-byte frame header, bodies padded to 8 bytes: typed columns can be read as views of the file buffer.
        const head = Buffer.alloc(8);
        head[0] = frame.kind;
        const parts = frame.parts;
        const length = parts.reduce((n, part) => n + part.byteLength, 0);
        head.writeUInt32LE(length, 4);
        put(head);
        for (let i = 0; i < parts.length; i++) {
          const part = parts[i];
          if (part.byteLength < CHUNK) put(part);
          else {
            // A large part (a serialised string column, several MB) is hashed and written a chunk per step: one
            // write of it held the request thread for tens of ms.
            flush();
            for (let at = 0; at < part.byteLength; at += CHUNK) {
              writeAll(part.subarray(at, Math.min(part.byteLength, at + CHUNK)));
              yield;
            }
          }
          if (i % 2048 === 2047) yield;
        }
        if (length % 8) put(Buffer.alloc(8 - (length % 8)));
        yield;
      }
      flush();
      const digest = hash.digest();
      let done = 0;
      while (done < digest.length) done += fs.writeSync(out, digest, done, digest.length - done);
      fs.closeSync(fd);
      fd = undefined;
      fs.renameSync(tmp, this.file);
      this.removeStaleTemps();
      return true;
    } catch {
      try {
        if (fd !== undefined) fs.closeSync(fd);
        fs.rmSync(tmp, { force: true });
      } catch {
        /* nothing to clean */
      }
      return false;
    }
  }

  /** Temp files left by a server that died while writing (older than 10 minutes) are removed. */
  private removeStaleTemps(): void {
    try {
      const dir = path.dirname(this.file);
      const cutoff = Date.now() - 10 * 60 * 1000;
      for (const name of fs.readdirSync(dir)) {
        if (!/^notes-index-[0-9a-f]+\.bin\.\d+\.[0-9a-f]+\.tmp$/.test(name)) continue;
        const full = path.join(dir, name);
        if (fs.statSync(full).mtimeMs < cutoff) fs.rmSync(full, { force: true });
      }
    } catch {
      /* best effort */
    }
  }

  remove(): void {
    fs.rmSync(this.file, { force: true });
  }
}

const CHUNK = 1 << 20;
const MAGIC = Buffer.from('AWSNOTES-INDEX\n\0'); // 16 bytes: frames start 8-byte aligned
const enum Kind {
  V8 = 1,
  F64 = 2,
  I32 = 3,
}

interface Frame {
  kind: Kind;
  parts: Uint8Array[];
}

const bytesOf = (a: Float64Array | Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const v8Frame = (value: unknown): Frame => ({ kind: Kind.V8, parts: [v8.serialize(value)] });
const f64Frame = (parts: Float64Array[]): Frame => ({ kind: Kind.F64, parts: parts.map(bytesOf) });
const i32Frame = (a: Int32Array): Frame => ({ kind: Kind.I32, parts: [bytesOf(a)] });

/** The payload's columns, in file order, each built only when the previous one has been written. */
const COLUMN_ORDER = [
  'header', 'files', 'uris', 'sizes', 'mtimes', 'hashes', 'sectionCounts', 'headings', 'searchKeys', 'searchMasks', 'slugs', 'sectionInts', 'blocks',
  'codeInts', 'codeLangs', 'codeValues', 'codeRangeCounts', 'codeRanges', 'positions', 'hitServiceCounts',
  'hitServiceNames', 'hitServiceIds', 'hitCounts', 'hits', 'hitScores',
] as const;

/** Columns of 64-bit floats and of V8-serialised values; every other column holds 32-bit ints. */
const F64_COLUMNS = new Set<string>(['sizes', 'mtimes', 'hitScores']);
const V8_COLUMNS = new Set<string>(['header', 'files', 'uris', 'hashes', 'headings', 'searchKeys', 'slugs', 'codeLangs', 'codeValues', 'hitServiceNames']);
const kindOf = (name: string): Kind => (V8_COLUMNS.has(name) ? Kind.V8 : F64_COLUMNS.has(name) ? Kind.F64 : Kind.I32);

/** Pause points: `undefined` every this many items of a long loop. */
const STEP = 4096;

function* columns(header: Header, entries: CacheEntryInput[]): Generator<Frame | undefined> {
  // Each column is the concatenation of the notes' packed columns (the same layout): no Section objects are built.
  const count = (e: CacheEntryInput) => e.sections.headings.length;
  let sectionTotal = 0;
  for (const e of entries) sectionTotal += count(e);
  const perFile = (f: (e: CacheEntryInput) => number) => Int32Array.from(entries, f);
  // Pushed, not mapped: Array.prototype.map's result is sometimes a holey array (when its fast path bails out, which
  // depends on the JIT's state), and v8.serialize writes a holey array in its sparse form: the same index, other bytes.
  const listOf = (f: (e: CacheEntryInput) => string) => {
    const out: string[] = [];
    for (const e of entries) out.push(f(e));
    return out;
  };
  const strings = (f: (p: PackedSections) => string[]) => {
    const out: string[] = [];
    for (const e of entries) for (const x of f(e.sections)) out.push(x);
    return out;
  };
  const ints = (f: (p: PackedSections) => Int32Array) => {
    let total = 0;
    for (const e of entries) total += f(e.sections).length;
    const out = new Int32Array(total);
    let at = 0;
    for (const e of entries) {
      out.set(f(e.sections), at);
      at += f(e.sections).length;
    }
    return out;
  };
  yield v8Frame(header);
  yield v8Frame(listOf((e) => e.file));
  yield v8Frame(listOf((e) => e.uri));
  yield f64Frame([Float64Array.from(entries, (e) => e.size)]);
  yield f64Frame([Float64Array.from(entries, (e) => e.mtimeMs)]);
  yield v8Frame(listOf((e) => e.hash));
  yield i32Frame(perFile(count));
  yield v8Frame(strings((p) => p.headings));
  const keys: string[] = [];
  for (const e of entries) {
    if (e.searchKeys.length === count(e)) for (const k of e.searchKeys) keys.push(k);
    else for (let i = 0; i < count(e); i++) keys.push('');
  }
  yield;
  yield v8Frame(keys);
  const masks = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) masks[i] = charMask(keys[i]);
  keys.length = 0;
  yield i32Frame(masks);
  yield v8Frame(strings((p) => p.slugs));
  yield i32Frame(ints((p) => p.ints));
  yield i32Frame(ints((p) => p.blocks));
  yield i32Frame(ints((p) => p.codeInts));
  yield v8Frame(strings((p) => p.codeLangs));
  const codeValues: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const { sections, text } = entries[i];
    for (let c = 0; c < sections.codeLangs.length; c++) codeValues.push(codeValueOf(sections, c, text));
    if (i % STEP === STEP - 1) yield;
  }
  yield v8Frame(codeValues);
  codeValues.length = 0;
  yield i32Frame(perFile((e) => e.sections.codeRanges.length));
  yield i32Frame(ints((p) => p.codeRanges));
  const positions = new Int32Array(sectionTotal * 4);
  let at = 0;
  for (const e of entries) {
    positions.set(e.positions, at);
    at += e.positions.length;
  }
  yield i32Frame(positions);
  yield i32Frame(perFile((e) => e.hits.services.length));
  const names = new Map<string, number>();
  let serviceTotal = 0;
  for (const e of entries) serviceTotal += e.hits.services.length;
  const serviceIds = new Int32Array(serviceTotal);
  let k = 0;
  for (const e of entries) {
    for (const svc of e.hits.services) {
      let id = names.get(svc);
      if (id === undefined) names.set(svc, (id = names.size));
      serviceIds[k++] = id;
    }
  }
  yield v8Frame([...names.keys()]);
  yield i32Frame(serviceIds);
  yield i32Frame(perFile((e) => e.hits.data.length / HIT_FIELDS));
  // The hits are written straight from each file's packed arrays: no copy of the largest columns.
  yield { kind: Kind.I32, parts: entries.map((e) => bytesOf(e.hits.data)) };
  yield f64Frame(entries.map((e) => e.hits.scores));
}

/** The payload, or undefined when the header is another version's. Throws on corrupt content. */
function readFrames(bytes: Buffer, expected: Header): Payload | undefined {
  if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  let at = MAGIC.length;
  const values: Record<string, unknown> = {};
  for (const name of COLUMN_ORDER) {
    if (at + 8 > bytes.length) throw new Error('corrupt');
    const kind = bytes[at];
    const length = bytes.readUInt32LE(at + 4);
    at += 8;
    if (at + length > bytes.length) throw new Error('corrupt');
    const body = bytes.subarray(at, at + length);
    at += length + (length % 8 ? 8 - (length % 8) : 0);
    const decode = () => {
      if (kind === Kind.V8) return v8.deserialize(body);
      // Views of the file buffer when aligned (no copy of the largest columns), copies otherwise.
      const aligned = body.byteOffset % 8 === 0;
      if (kind === Kind.F64 && length % 8 === 0) return aligned ? new Float64Array(body.buffer, body.byteOffset, length / 8) : new Float64Array(body.buffer.slice(body.byteOffset, body.byteOffset + length));
      if (kind === Kind.I32 && length % 4 === 0) return aligned ? new Int32Array(body.buffer, body.byteOffset, length / 4) : new Int32Array(body.buffer.slice(body.byteOffset, body.byteOffset + length));
      throw new Error('corrupt');
    };
    // Each column only in its own kind: a numeric column decoded as a V8 array would pass the length checks and fail
    // later, when a note is restored (issue 12: a tampered cache is rejected here, never used).
    if (kind !== kindOf(name)) throw new Error('corrupt');
    if (LAZY_COLUMNS.has(name)) {
      // Only needed when a note's sections are first built: decoded then (a corrupt column then yields no sections).
      let value: unknown;
      Object.defineProperty(values, name, { enumerable: true, get: () => (value ??= decodeOr(decode, name)) });
    } else values[name] = decode();
    if (name === 'header') {
      const h = values.header as Header;
      if (!h || h.format !== expected.format || h.indexData !== expected.indexData || h.server !== expected.server || h.data !== expected.data || h.roots !== expected.roots) return undefined;
    }
  }
  if (at !== bytes.length) throw new Error('corrupt');
  const p = values as unknown as Payload;
  for (const name of ['files', 'uris', 'hashes', 'headings', 'searchKeys', 'hitServiceNames'] as const) if (!Array.isArray(p[name])) throw new Error('corrupt');
  return p;
}

const LAZY_COLUMNS = new Set<string>(['slugs', 'blocks', 'codeInts', 'codeLangs', 'codeValues', 'codeRanges']);

function decodeOr(decode: () => unknown, name: string): unknown {
  try {
    const value = decode();
    if (name === 'slugs' || name === 'codeLangs' || name === 'codeValues') return Array.isArray(value) ? value : [];
    return value instanceof Int32Array ? value : new Int32Array(0);
  } catch {
    return name === 'slugs' || name === 'codeLangs' || name === 'codeValues' ? [] : new Int32Array(0);
  }
}

function entriesOf(cache: Omit<LoadedCache, 'verify'>): Map<string, CachedNote> {
  const out = new Map<string, CachedNote>();
  for (let i = 0; i < cache.count; i++) {
    const entry = cache.entry(i);
    out.set(entry.file, entry);
  }
  return out;
}

/**
 * Checks every column's lengths and counts (a corrupt cache throws here, never later) and returns the notes' entries
 * as a function: each note's start in each column is kept in a prefix array, no object is made per note until asked.
 */
function unpack(p: Payload): Omit<LoadedCache, 'verify'> {
  // The columns in locals: the payload object has accessors (the lazy columns), and its property loads in these
  // loops were most of the unpacking time.
  const { files, uris, sizes, mtimes, hashes, sectionCounts, headings, searchKeys, searchMasks, sectionInts, codeRangeCounts, hitServiceCounts, hitServiceNames, hitServiceIds, hitCounts, hits, hitScores, positions } = p;
  const n = files.length;
  const sectionTotal = headings.length;
  if (uris.length !== n || sizes.length !== n || mtimes.length !== n || hashes.length !== n || sectionCounts.length !== n || codeRangeCounts.length !== n || hitServiceCounts.length !== n || hitCounts.length !== n) throw new Error('corrupt');
  if (searchKeys.length !== sectionTotal || searchMasks.length !== sectionTotal || sectionInts.length !== sectionTotal * SECTION_INTS || positions.length !== sectionTotal * 4) throw new Error('corrupt');
  for (let i = 0; i < n; i++) if (typeof files[i] !== 'string' || typeof uris[i] !== 'string' || typeof hashes[i] !== 'string') throw new Error('corrupt');
  for (let i = 0; i < sectionTotal; i++) if (typeof headings[i] !== 'string' || typeof searchKeys[i] !== 'string') throw new Error('corrupt');
  for (const name of hitServiceNames) if (typeof name !== 'string') throw new Error('corrupt');
  for (let i = 0; i < hitServiceIds.length; i++) if (hitServiceIds[i] < 0 || hitServiceIds[i] >= hitServiceNames.length) throw new Error('corrupt');
  // Per note, where it starts in each column (one more entry at the end: the totals).
  const firstSection = new Int32Array(n + 1);
  const firstBlock = new Int32Array(n + 1);
  const firstCode = new Int32Array(n + 1);
  const firstRange = new Int32Array(n + 1);
  const firstService = new Int32Array(n + 1);
  const firstHit = new Int32Array(n + 1);
  let sec = 0;
  let block = 0;
  let code = 0;
  for (let f = 0; f < n; f++) {
    const count = sectionCounts[f];
    if (count < 0 || sec + count > sectionTotal || codeRangeCounts[f] < 0 || hitServiceCounts[f] < 0 || hitCounts[f] < 0) throw new Error('corrupt');
    for (let i = 0; i < count; i++, sec++) {
      block += sectionInts[sec * SECTION_INTS + 6];
      code += sectionInts[sec * SECTION_INTS + 7];
    }
    firstSection[f + 1] = sec;
    firstBlock[f + 1] = block;
    firstCode[f + 1] = code;
    firstRange[f + 1] = firstRange[f] + codeRangeCounts[f];
    firstService[f + 1] = firstService[f] + hitServiceCounts[f];
    firstHit[f + 1] = firstHit[f] + hitCounts[f];
  }
  if (sec !== sectionTotal || firstService[n] !== hitServiceIds.length || firstHit[n] * HIT_FIELDS !== hits.length || firstHit[n] !== hitScores.length) throw new Error('corrupt');
  const masks = new Uint32Array(searchMasks.buffer, searchMasks.byteOffset, sectionTotal);
  const levels = new Int32Array(sectionTotal);
  for (let i = 0; i < sectionTotal; i++) levels[i] = sectionInts[i * SECTION_INTS];
  const entry = (f: number): CachedNote => {
    const file = files[f];
    const first = firstSection[f];
    const end = firstSection[f + 1];
    const services: string[] = new Array(hitServiceCounts[f]);
    for (let i = 0, at = firstService[f]; i < services.length; i++, at++) services[i] = hitServiceNames[hitServiceIds[at]];
    const sections = () => {
      try {
        return buildSections(p, first, end - first, firstBlock[f], firstCode[f]);
      } catch {
        return reparse(file);
      }
    };
    const codeRanges = () => (firstRange[f + 1] <= p.codeRanges.length ? Array.from(p.codeRanges.subarray(firstRange[f], firstRange[f + 1])) : []);
    return {
      file,
      uri: uris[f],
      size: sizes[f],
      mtimeMs: mtimes[f],
      hash: hashes[f],
      note: { sections, codeRanges, headings: headings.slice(first, end), levels: levels.subarray(first, end) },
      hits: { services, data: hits.subarray(firstHit[f] * HIT_FIELDS, firstHit[f + 1] * HIT_FIELDS), scores: hitScores.subarray(firstHit[f], firstHit[f + 1]) },
      positions: positions.subarray(first * 4, end * 4),
      searchKeys: searchKeys.slice(first, end),
      searchMasks: masks.subarray(first, end),
    };
  };
  return { count: n, entry, headings: { uris, firstSection, headings, levels, keys: searchKeys, masks, positions } };
}

const REPARSE_LIMIT = 64 * 1024 * 1024;

/** A damaged lazy column: the note's sections come from the file itself. */
function reparse(file: string): Section[] {
  try {
    // Through the note reader: a regular file only, never more than a bounded read.
    const read = readNoteSync(file, REPARSE_LIMIT);
    return read.ok ? parseNote(pathToFileURL(file).href, read.text).sections : [];
  } catch {
    return [];
  }
}

function buildSections(p: Payload, first: number, count: number, block: number, code: number): Section[] {
  const sections: Section[] = [];
  // Local references: the lazy columns are decoded on the first access.
  const { blocks: blockCol, codeInts, codeLangs, codeValues, slugs } = p;
  if ((block + sumOf(p, first, count, 6)) * 3 > blockCol.length || (code + sumOf(p, first, count, 7)) * 2 > codeInts.length) throw new Error('corrupt');
  if (first + count > slugs.length || code + sumOf(p, first, count, 7) > codeValues.length || codeLangs.length !== codeValues.length) throw new Error('corrupt');
  for (let i = 0; i < count; i++) {
    const sec = first + i;
    const o = sec * SECTION_INTS;
    const parent = p.sectionInts[o + 1];
    const blockCount = p.sectionInts[o + 6];
    const codeCount = p.sectionInts[o + 7];
    const blocks = new Array(blockCount);
    for (let b = 0; b < blockCount; b++, block++) blocks[b] = { start: blockCol[block * 3], end: blockCol[block * 3 + 1], code: blockCol[block * 3 + 2] === 1 };
    const codeBlocks = new Array(codeCount);
    for (let c = 0; c < codeCount; c++, code++) codeBlocks[c] = { lang: codeLangs[code], value: codeValues[code], start: codeInts[code * 2], end: codeInts[code * 2 + 1] };
    const parentSection = parent >= 0 && parent < i ? sections[parent] : undefined;
    sections.push(readSection(p.sectionInts, o, i, p.headings[sec], slugs[sec], parentSection, blocks, codeBlocks));
  }
  return sections;
}

function sumOf(p: Payload, first: number, count: number, field: number): number {
  let sum = 0;
  for (let i = first; i < first + count; i++) sum += p.sectionInts[i * SECTION_INTS + field];
  return sum;
}
