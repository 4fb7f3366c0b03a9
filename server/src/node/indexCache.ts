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
// - Written atomically (temp file + rename) in the cache directory only, never inside a note folder; any read
//   error or corrupt content means "no cache", never a failure.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { NoteFile, Section } from '../core/notes/noteModel';
import { HIT_FIELDS, type PackedHits } from '../core/notes/notesIndex';

/** Bump when the layout of the cache file changes. */
export const CACHE_FORMAT = 1;
/** Bump when parsing, mention finding or ranking changes what would be stored. */
export const INDEX_DATA_VERSION = 1;

export interface CacheVersions {
  server: string;
  data: string;
}

export interface CachedNote {
  file: string;
  size: number;
  mtimeMs: number;
  hash: string;
  note: { sections: Section[]; codeRanges: number[] };
  hits: PackedHits;
  positions: Int32Array;
}

export interface CacheEntryInput {
  file: string;
  size: number;
  mtimeMs: number;
  hash: string;
  note: NoteFile;
  hits: PackedHits;
  positions: Int32Array;
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
  sizes: Float64Array;
  mtimes: Float64Array;
  hashes: string[];
  sectionCounts: Int32Array;
  headings: string[];
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
  hitServices: string[];
  hitCounts: Int32Array;
  hits: Float64Array;
}

const SECTION_INTS = 8;

export function contentHash(text: string): string {
  return crypto.createHash('sha1').update(text).digest('base64');
}

/** A short version string of the AWS data the recognizer uses (file names, sizes, hash of services.json). */
export function dataVersionOf(dataDir: string | undefined): string {
  if (!dataDir) return 'none';
  try {
    const parts: string[] = [];
    for (const name of fs.readdirSync(dataDir).filter((n) => n.endsWith('.json')).sort()) parts.push(`${name}:${fs.statSync(path.join(dataDir, name)).size}`);
    const services = path.join(dataDir, 'services.json');
    if (fs.existsSync(services)) parts.push(crypto.createHash('sha1').update(fs.readFileSync(services)).digest('hex'));
    return crypto.createHash('sha1').update(parts.join('|')).digest('hex').slice(0, 16);
  } catch {
    return 'unknown';
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
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
    return !roots.some((root) => isInside(resolved, path.resolve(root)));
  }

  /** The cached notes by absolute path; an empty map when there is no usable cache (missing, corrupt, other version). */
  load(): Map<string, CachedNote> {
    const out = new Map<string, CachedNote>();
    let payload: Payload;
    try {
      payload = v8.deserialize(fs.readFileSync(this.file)) as Payload;
    } catch {
      return out;
    }
    try {
      const h = payload?.header;
      if (!h || h.format !== this.header.format || h.indexData !== this.header.indexData || h.server !== this.header.server || h.data !== this.header.data || h.roots !== this.header.roots) return out;
      unpack(payload, out);
      return out;
    } catch {
      return new Map();
    }
  }

  /** Writes the cache atomically (temp file + rename). Returns false (and leaves no temp file) on any error. */
  save(entries: Iterable<CacheEntryInput>): boolean {
    const payload = pack(this.header, entries);
    const tmp = `${this.file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, v8.serialize(payload));
      fs.renameSync(tmp, this.file);
      return true;
    } catch {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        /* nothing to clean */
      }
      return false;
    }
  }

  remove(): void {
    fs.rmSync(this.file, { force: true });
  }
}

function pack(header: Header, input: Iterable<CacheEntryInput>): Payload {
  // Two passes: count, then fill typed arrays of the exact size (no growing JS number arrays).
  const entries = [...input].filter((e) => e.positions.length === e.note.sections.length * 4);
  let sectionTotal = 0;
  let blockTotal = 0;
  let codeTotal = 0;
  let rangeTotal = 0;
  let hitTotal = 0;
  let serviceTotal = 0;
  for (const e of entries) {
    sectionTotal += e.note.sections.length;
    for (const s of e.note.sections) {
      blockTotal += s.blocks.length;
      codeTotal += s.codeBlocks.length;
    }
    rangeTotal += e.note.codeRanges.length;
    hitTotal += e.hits.data.length;
    serviceTotal += e.hits.services.length;
  }
  const n = entries.length;
  const p: Payload = {
    header,
    files: new Array(n),
    sizes: new Float64Array(n),
    mtimes: new Float64Array(n),
    hashes: new Array(n),
    sectionCounts: new Int32Array(n),
    headings: new Array(sectionTotal),
    slugs: new Array(sectionTotal),
    sectionInts: new Int32Array(sectionTotal * SECTION_INTS),
    blocks: new Int32Array(blockTotal * 3),
    codeInts: new Int32Array(codeTotal * 2),
    codeLangs: new Array(codeTotal),
    codeValues: new Array(codeTotal),
    codeRangeCounts: new Int32Array(n),
    codeRanges: new Int32Array(rangeTotal),
    positions: new Int32Array(sectionTotal * 4),
    hitServiceCounts: new Int32Array(n),
    hitServices: new Array(serviceTotal),
    hitCounts: new Int32Array(n),
    hits: new Float64Array(hitTotal),
  };
  let sec = 0;
  let block = 0;
  let code = 0;
  let range = 0;
  let svc = 0;
  let hit = 0;
  entries.forEach((e, f) => {
    p.files[f] = e.file;
    p.sizes[f] = e.size;
    p.mtimes[f] = e.mtimeMs;
    p.hashes[f] = e.hash;
    p.sectionCounts[f] = e.note.sections.length;
    p.positions.set(e.positions, sec * 4);
    for (const s of e.note.sections) {
      p.headings[sec] = s.heading;
      p.slugs[sec] = s.slug;
      const o = sec * SECTION_INTS;
      p.sectionInts[o] = s.level;
      p.sectionInts[o + 1] = s.parent;
      p.sectionInts[o + 2] = s.headingStart;
      p.sectionInts[o + 3] = s.headingEnd;
      p.sectionInts[o + 4] = s.bodyEnd;
      p.sectionInts[o + 5] = s.end;
      p.sectionInts[o + 6] = s.blocks.length;
      p.sectionInts[o + 7] = s.codeBlocks.length;
      sec++;
      for (const b of s.blocks) {
        p.blocks[block * 3] = b.start;
        p.blocks[block * 3 + 1] = b.end;
        p.blocks[block * 3 + 2] = b.code ? 1 : 0;
        block++;
      }
      for (const c of s.codeBlocks) {
        p.codeInts[code * 2] = c.start;
        p.codeInts[code * 2 + 1] = c.end;
        p.codeLangs[code] = c.lang;
        p.codeValues[code] = c.value;
        code++;
      }
    }
    p.codeRangeCounts[f] = e.note.codeRanges.length;
    for (const r of e.note.codeRanges) p.codeRanges[range++] = r;
    p.hitServiceCounts[f] = e.hits.services.length;
    for (const s of e.hits.services) p.hitServices[svc++] = s;
    p.hitCounts[f] = e.hits.data.length / HIT_FIELDS;
    p.hits.set(e.hits.data, hit);
    hit += e.hits.data.length;
  });
  return p;
}

function unpack(p: Payload, out: Map<string, CachedNote>): void {
  let sec = 0;
  let block = 0;
  let code = 0;
  let range = 0;
  let svc = 0;
  let hit = 0;
  const n = p.files.length;
  if (p.sizes.length !== n || p.mtimes.length !== n || p.hashes.length !== n || p.sectionCounts.length !== n) throw new Error('corrupt');
  for (let f = 0; f < n; f++) {
    const count = p.sectionCounts[f];
    const sections: Section[] = [];
    const firstSection = sec;
    for (let i = 0; i < count; i++, sec++) {
      const o = sec * SECTION_INTS;
      if (o + SECTION_INTS > p.sectionInts.length) throw new Error('corrupt');
      const parent = p.sectionInts[o + 1];
      const blockCount = p.sectionInts[o + 6];
      const codeCount = p.sectionInts[o + 7];
      const blocks = new Array(blockCount);
      for (let b = 0; b < blockCount; b++, block++) blocks[b] = { start: p.blocks[block * 3], end: p.blocks[block * 3 + 1], code: p.blocks[block * 3 + 2] === 1 };
      const codeBlocks = new Array(codeCount);
      for (let c = 0; c < codeCount; c++, code++) codeBlocks[c] = { lang: p.codeLangs[code], value: p.codeValues[code], start: p.codeInts[code * 2], end: p.codeInts[code * 2 + 1] };
      if (parent >= i || parent < -1) throw new Error('corrupt');
      const parentSection = parent >= 0 ? sections[parent] : undefined;
      sections.push({
        index: i,
        heading: p.headings[sec],
        level: p.sectionInts[o],
        parents: parentSection ? [...parentSection.parents, parentSection.heading] : [],
        parent,
        slug: p.slugs[sec],
        headingStart: p.sectionInts[o + 2],
        headingEnd: p.sectionInts[o + 3],
        bodyEnd: p.sectionInts[o + 4],
        end: p.sectionInts[o + 5],
        blocks,
        codeBlocks,
      });
    }
    if (block * 3 > p.blocks.length || code * 2 > p.codeInts.length || typeof p.headings[sec - 1] !== 'string' && count > 0) throw new Error('corrupt');
    const rangeCount = p.codeRangeCounts[f];
    const codeRanges = Array.from(p.codeRanges.subarray(range, range + rangeCount));
    range += rangeCount;
    const positions = p.positions.slice(firstSection * 4, sec * 4);
    const services = p.hitServices.slice(svc, svc + p.hitServiceCounts[f]);
    svc += p.hitServiceCounts[f];
    const hitCount = p.hitCounts[f];
    const data = p.hits.slice(hit * HIT_FIELDS, (hit + hitCount) * HIT_FIELDS);
    hit += hitCount;
    if (data.length !== hitCount * HIT_FIELDS || positions.length !== count * 4) throw new Error('corrupt');
    out.set(p.files[f], {
      file: p.files[f],
      size: p.sizes[f],
      mtimeMs: p.mtimes[f],
      hash: p.hashes[f],
      note: { sections, codeRanges },
      hits: { services, data },
      positions,
    });
  }
}
