import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { createLanguageService } from '../../../server/src/core/languageService';
import { seedFoldedHeadingKeys } from '../../../server/src/core';
import { workspaceSymbols } from '../../../server/src/core/features/notes/workspaceSymbols';
import { IndexCache, CACHE_FORMAT } from '../../../server/src/node/indexCache';
import { normalizeSettings } from '../../../server/src/node/settings';
import { readNoteSync } from '../../../server/src/node/noteReader';
import { toUri } from '../../../server/src/node/uris';
import { WorkspaceIndexer } from '../../../server/src/node/workspaceIndexer';
import { miniData } from '../../helpers/miniData';
import { LONG_NOTE, QUEUE_NOTE } from '../../helpers/notesFixtures';

const silent = { info() {}, warn() {}, error() {} };
const VERSIONS = { server: '0.1.0', data: 'test-data' };

function listAll(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listAll(p).map((x) => path.join(e.name, x)));
    else out.push(e.name);
  }
  return out.sort();
}

describe('persistent index cache', () => {
  let tmp: string;
  let notes: string;
  let cacheDir: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-cache-test-'));
    notes = path.join(tmp, 'notes');
    cacheDir = path.join(tmp, 'cache');
    fs.mkdirSync(path.join(notes, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(notes, 'queue.md'), QUEUE_NOTE);
    fs.writeFileSync(path.join(notes, 'long.md'), LONG_NOTE);
    fs.writeFileSync(path.join(notes, 'sub', 'crlf.md'), '# Lambda とは\r\n\r\nLambda はサーバーレス。SQS と連携する。\r\n\r\n## Uniquecachedheading\r\n\r\n```yaml\r\nType: AWS::SQS::Queue\r\n```\r\n');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function start(dir = cacheDir, versions = VERSIONS) {
    const service = createLanguageService({ data: miniData() });
    const settings = normalizeSettings({ notes: { paths: [notes] }, cache: { dir } });
    const indexer = new WorkspaceIndexer(service.index, settings, [tmp], silent, () => 'en');
    indexer.useCache(dir, versions);
    return { service, indexer };
  }

  /** Everything a user sees from the index, as plain data. */
  function snapshot(service: ReturnType<typeof createLanguageService>) {
    const uris = service.index.uris().sort();
    return {
      symbols: workspaceSymbols(service.index, 'a').map((s) => JSON.stringify(s)).sort(),
      sections: uris.map((u) => JSON.stringify(service.index.get(u)!.sections)),
      hits: ['sqs', 'lambda', 'dynamodb'].map((s) => JSON.stringify(service.index.hitsForService(s))),
      refs: [...service.index.mentionsOf('sqs')].map((m) => JSON.stringify(m)),
      stats: service.index.stats(),
    };
  }

  it('round trip: a second start restores every note from the cache with the same sections, hits and symbols', async () => {
    const cold = start();
    const first = await cold.indexer.crawl();
    assert.equal(first.fromCache, 0);
    assert.equal(cold.indexer.saveCacheNow(), true);
    const warm = start();
    const second = await warm.indexer.crawl();
    assert.equal(second.fromCache, 3);
    assert.deepEqual(snapshot(warm.service), snapshot(cold.service));
    // Text is read back from the disk when an excerpt needs it.
    const note = warm.service.index.get(toUri(path.join(notes, 'queue.md')))!;
    assert.equal(note.text, QUEUE_NOTE);
    assert.ok(warm.service.context.notes.notesMarkdown(warm.service.context.notes.forService('sqs')).includes('queue.md'));
  });

  it('a warm start searches the cached headings in the loaded columns before it restores the notes: the same symbols as after the restore, none twice', async () => {
    const cold = start();
    await cold.indexer.crawl();
    assert.equal(cold.indexer.saveCacheNow(), true);
    const queries = ['a', 'lambda', 'uniquecachedheading', 'とは', 'sqs', 'zzqqnone'];
    const expected = queries.map((q) => workspaceSymbols(cold.service.index, q));
    assert.ok(expected[2].length === 1 && expected[1].length > 1, 'the fixture has the headings the queries look for');

    // Through the crawl: before its first yield the index holds no note, yet every cached heading is found.
    const warm = start();
    const crawling = warm.indexer.crawl();
    assert.equal(warm.service.index.size, 0);
    assert.deepEqual(queries.map((q) => workspaceSymbols(warm.service.index, q)), expected);
    await crawling;
    assert.equal(warm.service.index.cachedHeadings, undefined, 'withdrawn once the notes are restored');
    assert.deepEqual(queries.map((q) => workspaceSymbols(warm.service.index, q)), expected);

    // Part restored, part in the columns: each note once. A note the index holds with other text (an editor) wins.
    const loaded = start().indexer.useCache(cacheDir, VERSIONS)!.open()!;
    assert.equal(loaded.count, 3);
    const partial = createLanguageService({ data: miniData() });
    assert.deepEqual(workspaceSymbols(partial.index, 'lambda'), [], 'an empty index without the columns finds nothing');
    partial.index.cachedHeadings = loaded.headings;
    const first = loaded.entry(0);
    partial.index.setIndexed(partial.index.lazyNote(first.uri, first.note), first.hits, first.positions);
    seedFoldedHeadingKeys(partial.index, first.uri, first.searchKeys);
    assert.deepEqual(queries.map((q) => workspaceSymbols(partial.index, q)), expected);
    const crlf = loaded.headings.uris.find((u) => u.endsWith('crlf.md'))!;
    partial.index.setText(crlf, '# Edited in the editor\n');
    assert.deepEqual(workspaceSymbols(partial.index, 'uniquecachedheading'), []);
    assert.deepEqual(workspaceSymbols(partial.index, 'edited in').map((s) => s.location.uri), [crlf]);
  });

  it('a cache opened ahead of the crawl (preloadCache) is used by the next crawl of the same cache file only', async () => {
    const cold = start();
    await cold.indexer.crawl();
    assert.equal(cold.indexer.saveCacheNow(), true);
    const file = cold.indexer.useCache(cacheDir, VERSIONS)!.file;
    const bytes = fs.readFileSync(file);
    // Preloaded, then the file is gone: the crawl restores every note from what was preloaded.
    const warm = start();
    warm.indexer.preloadCache(cacheDir, VERSIONS);
    // Its headings are searchable before any crawl (the configuration round trip comes first).
    assert.equal(warm.service.index.size, 0);
    assert.deepEqual(workspaceSymbols(warm.service.index, 'uniquecachedheading').map((s) => s.name), ['Uniquecachedheading']);
    fs.rmSync(file);
    assert.equal((await warm.indexer.crawl()).fromCache, 3);
    assert.deepEqual(snapshot(warm.service), snapshot(cold.service));
    // A valid cache preloaded under other versions (another file) is dropped: the crawl opens its own, none here.
    const coldOther = start(cacheDir, { ...VERSIONS, data: 'other-data' });
    await coldOther.indexer.crawl();
    assert.equal(coldOther.indexer.saveCacheNow(), true);
    const other = start();
    other.indexer.preloadCache(cacheDir, { ...VERSIONS, data: 'other-data' });
    assert.ok(other.service.index.cachedHeadings, 'searchable while the crawl has not started');
    assert.equal((await other.indexer.crawl()).fromCache, 0);
    assert.equal(other.service.index.cachedHeadings, undefined, 'withdrawn by the crawl that did not use it');
    // And with its own file back, that one is used.
    fs.writeFileSync(file, bytes);
    const back = start();
    back.indexer.preloadCache(cacheDir, { ...VERSIONS, data: 'other-data' });
    assert.equal((await back.indexer.crawl()).fromCache, 3);
  });

  it('a different format, data or server version is ignored and rebuilt', async () => {
    const cold = start();
    await cold.indexer.crawl();
    cold.indexer.saveCacheNow();
    const other = start(cacheDir, { ...VERSIONS, data: 'other-data' });
    assert.equal((await other.indexer.crawl()).fromCache, 0);
    const server = start(cacheDir, { ...VERSIONS, server: '9.9.9' });
    assert.equal((await server.indexer.crawl()).fromCache, 0);
    // A file at the expected path whose header says another format (e.g. an older release) is not used either.
    const cache = new IndexCache(cacheDir, [notes + path.sep], VERSIONS);
    const loaded = cache.load();
    assert.equal(loaded.size, 3);
    fs.writeFileSync(cache.file, v8.serialize({ header: { format: CACHE_FORMAT - 1, indexData: 1, server: '0.1.0', data: 'test-data', roots: notes } }));
    assert.equal(cache.load().size, 0);
    assert.equal((await start().indexer.crawl()).fromCache, 0);
  });

  it('a corrupt or truncated cache file is discarded, never fatal, and rewritten', async () => {
    const cold = start();
    await cold.indexer.crawl();
    cold.indexer.saveCacheNow();
    const files = fs.readdirSync(cacheDir).filter((f) => f.endsWith('.bin'));
    assert.equal(files.length, 1);
    const file = path.join(cacheDir, files[0]);
    const bytes = fs.readFileSync(file);
    for (const broken of [bytes.subarray(0, Math.floor(bytes.length / 2)), Buffer.from('not a cache'), Buffer.alloc(0), Buffer.from(bytes).fill(7, 40, 400)]) {
      fs.writeFileSync(file, broken);
      const again = start();
      const result = await again.indexer.crawl();
      assert.equal(result.files, 3);
      assert.deepEqual(snapshot(again.service).stats, snapshot(cold.service).stats);
      assert.equal(again.indexer.saveCacheNow(), true);
    }
    assert.equal((await start().indexer.crawl()).fromCache, 3);
  });

  it('a numeric column re-encoded as a V8 array (well-formed, hash recomputed) is rejected at load: a cold crawl, never a failed one', async () => {
    const cold = start();
    await cold.indexer.crawl();
    assert.equal(cold.indexer.saveCacheNow(), true);
    const [name] = fs.readdirSync(cacheDir).filter((f) => f.endsWith('.bin'));
    const file = path.join(cacheDir, name);
    const bytes = fs.readFileSync(file);
    // The frames: 16-byte magic, then [kind, 0, 0, 0, length u32] + body padded to 8; a SHA-256 of it all at the end.
    const frames: { kind: number; body: Buffer }[] = [];
    for (let at = 16; at < bytes.length - 32; ) {
      const length = bytes.readUInt32LE(at + 4);
      frames.push({ kind: bytes[at], body: bytes.subarray(at + 8, at + 8 + length) });
      at += 8 + length + (length % 8 ? 8 - (length % 8) : 0);
    }
    const numeric = frames.map((f, i) => (f.kind === 2 || f.kind === 3 ? i : -1)).filter((i) => i >= 0);
    assert.ok(numeric.length >= 10, `${numeric.length} numeric columns`);
    const encode = (list: { kind: number; body: Buffer }[]) => {
      const parts: Buffer[] = [bytes.subarray(0, 16)];
      for (const { kind, body } of list) {
        const head = Buffer.alloc(8);
        head[0] = kind;
        head.writeUInt32LE(body.length, 4);
        parts.push(head, body, Buffer.alloc(body.length % 8 ? 8 - (body.length % 8) : 0));
      }
      const payload = Buffer.concat(parts);
      return Buffer.concat([payload, createHash('sha256').update(payload).digest()]);
    };
    // The unchanged frames re-encoded give the same file (the helper is right).
    assert.ok(encode(frames).equals(bytes));
    for (const i of numeric) {
      const { kind, body } = frames[i];
      const values = kind === 2 ? new Float64Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.length)) : new Int32Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.length));
      const tampered = frames.map((f, j) => (j === i ? { kind: 1, body: v8.serialize(Array.from(values)) } : f));
      fs.writeFileSync(file, encode(tampered));
      const again = start();
      const result = await again.indexer.crawl();
      assert.equal(result.fromCache, 0, `column ${i}`);
      assert.deepEqual(snapshot(again.service), snapshot(cold.service), `column ${i}`);
    }
  });

  it('a second crawl that begins while the first restores the cache keeps its own restore: the cached headings stay searchable until it has restored them', async () => {
    const cold = start();
    await cold.indexer.crawl();
    assert.equal(cold.indexer.saveCacheNow(), true);
    const expected = workspaceSymbols(cold.service.index, 'a').length;
    const warm = start();
    const first = warm.indexer.crawl();
    const second = warm.indexer.crawl();
    // Neither has restored a note yet (each first yields): the second crawl's restore is the current one.
    assert.equal(warm.service.index.size, 0);
    assert.equal(warm.indexer.restoring, true);
    await first;
    assert.ok(warm.indexer.restoring || warm.service.index.uris().length === 3, "the first crawl did not end the second one's restore");
    assert.equal(workspaceSymbols(warm.service.index, 'a').length, expected);
    await second;
    assert.equal(warm.indexer.restoring, false);
    assert.equal(warm.service.index.cachedHeadings, undefined);
    assert.deepEqual(snapshot(warm.service), snapshot(cold.service));
  });

  it('a changed file is re-read; a touched but unchanged file is restored by its content hash', async () => {
    const cold = start();
    await cold.indexer.crawl();
    cold.indexer.saveCacheNow();
    const changed = path.join(notes, 'sub', 'crlf.md');
    fs.writeFileSync(changed, fs.readFileSync(changed, 'utf8') + '\r\n## Freshheading about DynamoDB\r\n\r\nDynamoDB のメモ。\r\n');
    const touched = path.join(notes, 'queue.md');
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(touched, later, later);
    const warm = start();
    const result = await warm.indexer.crawl();
    assert.equal(result.fromCache, 2);
    assert.equal(workspaceSymbols(warm.service.index, 'Freshheading').length, 1);
    assert.ok(warm.service.index.hitsForService('dynamodb').some((h) => h.uri === toUri(changed)));
    // A deleted note disappears even though the cache still lists it.
    fs.rmSync(path.join(notes, 'long.md'));
    const third = start();
    third.indexer.saveCacheNow();
    const r3 = await third.indexer.crawl();
    assert.equal(r3.files, 2);
  });

  it('never writes outside the cache directory, and refuses a cache directory inside a note folder', async () => {
    const before = listAll(notes);
    const cold = start();
    await cold.indexer.crawl();
    assert.equal(cold.indexer.saveCacheNow(), true);
    assert.deepEqual(listAll(notes), before);
    assert.deepEqual(fs.readdirSync(tmp).sort(), ['cache', 'notes']);
    assert.ok(listAll(cacheDir).every((f) => /^notes-index-[0-9a-f]+\.bin$/.test(f)), listAll(cacheDir).join(','));

    const inside = start(path.join(notes, '.cache'));
    assert.equal(inside.indexer.useCache(path.join(notes, '.cache'), VERSIONS), undefined);
    await inside.indexer.crawl();
    assert.equal(inside.indexer.saveCacheNow(), false);
    assert.deepEqual(listAll(notes), before);
    assert.equal(IndexCache.usable(notes, [notes]), false);
    assert.equal(IndexCache.usable('relative/dir', [notes]), false);
    assert.equal(IndexCache.usable(cacheDir, [notes]), true);
  });

  it('a note whose decoded text does not match its size on disk (BOM) is cached with the stat of the read itself and restored', async () => {
    fs.writeFileSync(path.join(notes, 'bom.md'), '\uFEFF# Bomheading\n\nSQS\n');
    const cold = start();
    await cold.indexer.crawl();
    assert.equal(cold.indexer.saveCacheNow(), true);
    const warm = start();
    const result = await warm.indexer.crawl();
    assert.equal(result.files, 4);
    assert.equal(result.fromCache, 4);
    assert.equal(workspaceSymbols(warm.service.index, 'Bomheading').length, 1);
    // Its text, read back from the disk when needed, still has no BOM.
    const uri = [...warm.service.index.uris()].find((u) => u.endsWith('bom.md'))!;
    assert.ok(warm.service.index.get(uri)!.text.startsWith('# Bomheading'));
  });

  it('removes temp files left by a crashed write (older than 10 minutes), nothing else', async () => {
    fs.mkdirSync(cacheDir, { recursive: true });
    const stale = path.join(cacheDir, 'notes-index-0123456789abcdef0123.bin.999.abcd1234.tmp');
    const fresh = path.join(cacheDir, 'notes-index-0123456789abcdef0123.bin.998.abcd1234.tmp');
    const other = path.join(cacheDir, 'unrelated.tmp');
    for (const f of [stale, fresh, other]) fs.writeFileSync(f, 'x');
    const old = new Date(Date.now() - 3600 * 1000);
    fs.utimesSync(stale, old, old);
    fs.utimesSync(other, old, old);
    const cold = start();
    await cold.indexer.crawl();
    assert.equal(cold.indexer.saveCacheNow(), true);
    assert.equal(fs.existsSync(stale), false);
    assert.equal(fs.existsSync(fresh), true);
    assert.equal(fs.existsSync(other), true);
  });

  it('a failed write leaves no temporary file and is not fatal', () => {
    const blocker = path.join(tmp, 'blocker');
    fs.writeFileSync(blocker, 'a file where the cache directory should be');
    const cache = new IndexCache(path.join(blocker, 'sub'), [notes], VERSIONS);
    assert.equal(cache.save([]), false);
    assert.deepEqual(cache.load().size, 0);
  });

  it('a background write in progress when the server shuts down is finished by saveCacheNow, and the result equals a synchronous write', async () => {
    const cold = start();
    await cold.indexer.crawl();
    // Start the background write (idle at once: no request ever came in); shut down while it runs (if it has
    // not finished within one slice already).
    const internals = (cold.indexer as unknown as { writer: { saveInBackground(): Promise<void>; writing?: unknown } }).writer;
    let settled = false;
    const background = internals.saveInBackground().then(() => (settled = true));
    for (let i = 0; i < 10000 && !settled && !internals.writing; i++) await new Promise((r) => setImmediate(r));
    cold.indexer.saveCacheNow();
    await background;
    assert.equal(internals.writing, undefined);
    assert.equal(fs.readdirSync(cacheDir).filter((n) => n.endsWith('.tmp')).length, 0);
    const warm = start();
    const result = await warm.indexer.crawl();
    assert.equal(result.fromCache, 3);
    assert.deepEqual(snapshot(warm.service), snapshot(cold.service));
  });

  it('readNoteSync returns the size and mtime of the file it read (fstat), and keeps the limits', () => {
    const file = path.join(notes, 'queue.md');
    const read = readNoteSync(file, 1 << 20);
    assert.ok(read.ok);
    const stat = fs.statSync(file);
    assert.equal(read.size, stat.size);
    assert.equal(read.mtimeMs, stat.mtimeMs);
    assert.equal(read.text, QUEUE_NOTE);
    const large = readNoteSync(file, 10);
    assert.equal(large.ok, false);
    assert.equal(!large.ok && large.reason, 'large');
    fs.writeFileSync(path.join(notes, 'bin.md'), Buffer.from([0x23, 0x20, 0x00, 0x41]));
    const binary = readNoteSync(path.join(notes, 'bin.md'), 1 << 20);
    assert.equal(!binary.ok && binary.reason, 'binary');
    fs.writeFileSync(path.join(notes, 'empty.md'), '');
    assert.deepEqual(readNoteSync(path.join(notes, 'empty.md'), 1 << 20), { ok: true, text: '', size: 0, mtimeMs: fs.statSync(path.join(notes, 'empty.md')).mtimeMs });
    const missing = readNoteSync(path.join(notes, 'missing.md'), 1 << 20);
    assert.equal(!missing.ok && missing.reason, 'error');
  });
});
