// The cold crawl's scan worker (dist/scanWorker.js, built by `npm run build`): a crawl that reads and pre-scans a
// share of the notes on a worker thread yields exactly the index of the single-thread crawl; a worker that cannot
// start or fails falls back to one thread (logged once).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createLanguageService } from '../../../server/src/core/languageService';
import { foldedHeadingKeys } from '../../../server/src/core/notes/headingKeys';
import { workspaceSymbols } from '../../../server/src/core/features/notes/workspaceSymbols';
import { findDataDir, loadAwsData } from '../../../server/src/node/dataLoader';
import { normalizeSettings } from '../../../server/src/node/settings';
import { LazyNote } from '../../../server/src/core/notes/notesIndex';
import { parseNote } from '../../../server/src/core/syntax/markdown/parseNote';
import { WorkspaceIndexer } from '../../../server/src/node/workspaceIndexer';
import { AHEAD, AHEAD_PHASE1, type WorkerMessage } from '../../../server/src/node/scanWorker';
import { FileFeed } from '../../../server/src/node/fileFeed';
import { MessageChannel, Worker } from 'node:worker_threads';
import { miniData } from '../../helpers/miniData';
import { HOSTILE_NOTE, LONG_NOTE, QUEUE_NOTE } from '../../helpers/notesFixtures';
import { TRICKY } from '../core/syntax/markdown/trickyNotes';

const WORKER = path.resolve(__dirname, '../../../dist/scanWorker.js');
const SERVICES = ['SQS', 'Lambda', 'S3', 'DynamoDB', 'SNS', 'EventBridge', 'ECS', 'CloudFront'];

function generateVault(dir: string, count: number): void {
  const bodies = [QUEUE_NOTE, LONG_NOTE, HOSTILE_NOTE, ...TRICKY];
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `d${i % 7}`);
    fs.mkdirSync(sub, { recursive: true });
    const s = SERVICES[i % SERVICES.length];
    const text =
      i % 5 === 0
        ? bodies[i % bodies.length]
        : `# ${s} メモ ${i}\n\n${s} と ${SERVICES[(i + 3) % SERVICES.length]} の連携。\n\n## Note${i} details\n\n- item ${i}\n- \`${s}\`\n\n\`\`\`yaml\nType: AWS::SQS::Queue\n\`\`\`\n\nSetext ${i}\n---\n\ntext\n`;
    fs.writeFileSync(path.join(sub, `n${i}.md`), text);
  }
  fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([35, 32, 65, 0, 1, 2]));
  fs.writeFileSync(path.join(dir, 'deep.md'), `# Deep\n\n${'> '.repeat(500)}x\n`);
  fs.writeFileSync(path.join(dir, 'large.md'), `# Large\n\n${'x'.repeat(3000)}\n`);
  fs.writeFileSync(path.join(dir, 'many.md'), Array.from({ length: 40 }, (_, k) => `# H${k}\n\ntext\n`).join('\n'));
}

/** Everything a crawl leaves in the index, per note (URI order): headings, positions, sections, hits, keys. */
function snapshot(service: ReturnType<typeof createLanguageService>): unknown {
  const index = service.index;
  const uris = [...index.uris()].sort();
  return {
    uris,
    notes: uris.map((uri) => {
      const note = index.get(uri)!;
      const { headings, levels } = index.headingsOf(note);
      const hits = index.packedHits(uri);
      return {
        uri,
        text: note.text,
        headings: [...headings],
        levels: Array.from(levels),
        positions: Array.from(index.headingPositions(uri) ?? []),
        keys: foldedHeadingKeys(index, uri),
        sections: note.sections.map((s) => ({ ...s })),
        codeRanges: [...note.codeRanges],
        hits: hits && { services: hits.services, data: Array.from(hits.data), scores: Array.from(hits.scores) },
      };
    }),
    // Queries with fewer answers than the 500 cap: which of many equal-scored headings fill the cap follows the
    // index's insertion order, which differs between the two crawls (the notes are the same).
    symbols: ['メモ 12', 'note12 details', 'setext 7', 'h3', 'キュー', 'deep'].map((q) =>
      workspaceSymbols(index, q)
        .map((s) => `${s.name}|${s.location.uri}|${JSON.stringify(s.location.range)}|${s.containerName ?? ''}`)
        .sort(),
    ),
    stats: index.stats(),
  };
}

describe('scan worker (cold crawl on two threads)', function () {
  this.timeout(60000);
  let tmp: string;
  let notes: string;
  before(function () {
    if (!fs.existsSync(WORKER)) this.skip(); // `npm run build` makes it
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-worker-test-'));
    notes = path.join(tmp, 'notes');
    generateVault(notes, 700);
  });
  let releaseWorker: (() => Promise<unknown>) | undefined;
  after(async () => {
    await releaseWorker?.();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function crawl(script: string | undefined, minNotes = 0, dataDir?: string, parsed: string[] = [], keepChars?: number, cacheDir?: string, workers = 1, releaseChars?: number) {
    const warnings: string[] = [];
    const logger = { info() {}, warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) };
    const parser = (uri: string, text: string) => (parsed.push(uri), parseNote(uri, text));
    const service = createLanguageService({ data: dataDir ? loadAwsData(dataDir) : miniData(), parser });
    const settings = normalizeSettings({ notes: { paths: [notes] }, limits: { maxFileSize: 2000, maxSectionsPerFile: 30, maxNestingDepth: 50 } });
    const indexer = new WorkspaceIndexer(service.index, settings, [tmp], logger as never, () => 'en');
    indexer.scanWorker = { script, minNotes, dataDir, keepChars, workers, releaseChars };
    if (cacheDir) assert.ok(indexer.useCache(cacheDir, { server: 'test', data: 'test' }));
    const result = await indexer.crawl();
    return { service, indexer, result, warnings };
  }

  it('yields exactly the index of the single-thread crawl', async () => {
    const single = await crawl(undefined);
    const parallel = await crawl(WORKER);
    assert.equal(single.indexer.lastCrawlUsedWorker, false);
    assert.equal(parallel.indexer.lastCrawlUsedWorker, true);
    assert.deepEqual(snapshot(parallel.service), snapshot(single.service));
    for (const q of ['メモ 12', 'note12 details', 'h3']) {
      const n = workspaceSymbols(single.service.index, q).length;
      assert.ok(n > 0 && n < 500, `${q}: ${n}`);
    }
    assert.deepEqual(parallel.warnings.sort(), single.warnings.sort());
    assert.ok(single.warnings.some((w) => /deep\.md/.test(w)) && single.warnings.some((w) => /many\.md/.test(w)));
  });

  it('the worker reads the notes the walk finds while the walk goes on (once it found minNotes): the same index', async () => {
    const single = await crawl(undefined);
    const files = single.service.index.size;
    const early = await crawl(WORKER, 0);
    assert.ok(early.indexer.lastCrawlStreamedAt! > 0 && early.indexer.lastCrawlStreamedAt! < files, `${early.indexer.lastCrawlStreamedAt} of ${files}`);
    assert.deepEqual(snapshot(early.service), snapshot(single.service));
    assert.deepEqual(early.warnings.sort(), single.warnings.sort());
    const later = await crawl(WORKER, 400);
    assert.ok(later.indexer.lastCrawlStreamedAt! >= 400, `${later.indexer.lastCrawlStreamedAt}`);
    assert.deepEqual(snapshot(later.service), snapshot(single.service));
    // Fewer notes than minNotes: no worker, as before.
    const none = await crawl(WORKER, 100_000);
    assert.equal(none.indexer.lastCrawlStreamedAt, undefined);
    assert.equal(none.indexer.lastCrawlUsedWorker, false);
  });

  it('in phase 1 the worker may run further ahead of this thread than in phase 2 (its messages are small)', async () => {
    assert.ok(AHEAD_PHASE1 > AHEAD);
    // No message is ever taken here: the worker posts phase 1's batches up to AHEAD_PHASE1 without waiting.
    const files = fs.readdirSync(notes, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => path.join(notes, f)).slice(0, 16 * (AHEAD + 4));
    const feed = new FileFeed(files, [], true);
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER);
    const applied = new Int32Array(new SharedArrayBuffer(4));
    // A worker held at AHEAD (the test failing) waits until the test run ends: then it is let go and ended.
    releaseWorker = () => {
      Atomics.store(applied, 0, 1 << 20);
      Atomics.notify(applied, 0);
      port1.close();
      return worker.terminate();
    };
    const scanned = new Promise<number>((resolve) => {
      let batches = 0;
      port1.on('message', (message: WorkerMessage) => (message.type === 'batch' ? batches++ : message.type === 'scanned' && resolve(batches)));
    });
    worker.postMessage({ files, counter: feed.counters.buffer, applied: applied.buffer, batch: 16, maxFileSize: 2000, maxNestingDepth: 50, port: port2 }, [port2]);
    assert.equal(await scanned, AHEAD + 4);
  });

  it('workers started ahead of a cold crawl are the ones it uses; none are started ahead of a warm one', async () => {
    const single = await crawl(undefined);
    const service = createLanguageService({ data: miniData() });
    const settings = normalizeSettings({ notes: { paths: [notes] }, limits: { maxFileSize: 2000, maxSectionsPerFile: 30, maxNestingDepth: 50 } });
    const indexer = new WorkspaceIndexer(service.index, settings, [tmp], { info() {}, warn() {}, error() {} }, () => 'en');
    indexer.scanWorker = { script: WORKER, minNotes: 0, workers: 1 };
    indexer.startWorkersEarly();
    // The crawl could not start a worker of its own now: it reads with the one started ahead.
    indexer.scanWorker = { script: path.join(tmp, 'nope.js'), minNotes: 0, workers: 1 };
    await indexer.crawl();
    assert.equal(indexer.lastCrawlUsedWorker, true);
    assert.deepEqual(snapshot(service), snapshot(single.service));
    // Warm: with a cache preloaded, no worker is started ahead (nor by the crawl).
    const cacheDir = path.join(tmp, 'cache-early');
    assert.ok(indexer.useCache(cacheDir, { server: 'test', data: 'test' }));
    assert.equal(indexer.saveCacheNow(), true);
    const warm = new WorkspaceIndexer(createLanguageService({ data: miniData() }).index, settings, [tmp], { info() {}, warn() {}, error() {} }, () => 'en');
    warm.scanWorker = { script: WORKER, minNotes: 0, workers: 1 };
    warm.preloadCache(cacheDir, { server: 'test', data: 'test' });
    warm.startWorkersEarly();
    warm.useCache(cacheDir, { server: 'test', data: 'test' });
    const result = await warm.crawl();
    assert.equal(result.fromCache, single.service.index.size);
    assert.equal(warm.lastCrawlUsedWorker, false);
  });

  it('with the data directory, the worker does phase 2 too (this thread reads and scans nothing): the same index', async () => {
    const dataDir = findDataDir();
    if (!dataDir) return assert.fail('no data directory');
    const parsedHere: string[] = [];
    const single = await crawl(undefined, 0, dataDir, parsedHere);
    const parsed: string[] = [];
    const parallel = await crawl(WORKER, 0, dataDir, parsed);
    assert.equal(parallel.indexer.lastCrawlUsedWorker, true);
    const a = snapshot(parallel.service) as { notes: { hits: unknown }[] };
    assert.deepEqual(a, snapshot(single.service));
    // Not vacuous: the notes mention services (hits came back from the worker).
    assert.ok(a.notes.filter((n) => n.hits && (n.hits as { services: string[] }).services.length > 0).length > 500);
    assert.deepEqual(parallel.warnings.sort(), single.warnings.sort());
    // Full scans on this thread: only the notes the worker leaves to it (over the section cap, not pre-scanned).
    assert.ok(parsedHere.length >= 700, `${parsedHere.length}`);
    assert.ok(parsed.length < 40, `${parsed.length} notes scanned on the request thread`);
    // Rankings and queries over the two indexes agree (the notes lookup reads sections rebuilt from packed arrays).
    for (const service of ['sqs', 'lambda', 's3']) {
      assert.deepEqual(parallel.service.index.hitsForService(service), single.service.index.hitsForService(service));
      assert.ok(single.service.index.hitsForService(service).length > 0, service);
    }
    // The worker holds phase 1's texts for phase 2 up to a budget and reads the others again: with a budget of
    // about half the vault, both kinds in one crawl, the same index.
    const total = fs.readdirSync(notes, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).reduce((n, f) => n + fs.readFileSync(path.join(notes, f), 'utf8').length, 0);
    const parsedHalf: string[] = [];
    // (With full collections of the worker's heap every few held texts dropped, as at scale every ~8 MB.)
    const half = await crawl(WORKER, 0, dataDir, parsedHalf, Math.floor(total / 2), undefined, 1, Math.floor(total / 20));
    assert.deepEqual(snapshot(half.service), snapshot(single.service));
    assert.ok(parsedHalf.length < 40, `${parsedHalf.length} notes scanned on the request thread`);
  });

  it('two workers share phase 1 (one counter) and each does phase 2 of the notes it pre-scanned: the same index', async () => {
    const dataDir = findDataDir();
    if (!dataDir) return assert.fail('no data directory');
    const single = await crawl(undefined, 0, dataDir);
    const parsed: string[] = [];
    const two = await crawl(WORKER, 0, dataDir, parsed, undefined, undefined, 2);
    assert.deepEqual(snapshot(two.service), snapshot(single.service));
    assert.deepEqual(two.warnings.sort(), single.warnings.sort());
    // Every file was pre-scanned by one of the two (none twice, none here), and phase 2 stayed off this thread.
    const files = fs.readdirSync(notes, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).length;
    assert.equal(two.indexer.lastCrawlShares.length, 2);
    assert.equal(two.indexer.lastCrawlShares.reduce((a, b) => a + b, 0), files);
    assert.ok(parsed.length < 40, `${parsed.length} notes scanned on the request thread`);
    // A budget for held texts smaller than the vault is shared by the two: some notes are read again, the same index.
    const total = fs.readdirSync(notes, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).reduce((n, f) => n + fs.readFileSync(path.join(notes, f), 'utf8').length, 0);
    const half = await crawl(WORKER, 0, dataDir, [], Math.floor(total / 2), undefined, 2);
    assert.deepEqual(snapshot(half.service), snapshot(single.service));
  });

  it('one of two workers failing after it claimed files: the other and this thread do the rest, the same index, logged once', async () => {
    const dataDir = findDataDir();
    if (!dataDir) return assert.fail('no data directory');
    const single = await crawl(undefined, 0, dataDir);
    // Whichever of the two starts first claims a batch of files and throws; the other is the real worker.
    const lock = path.join(tmp, 'first-worker-lock');
    const flaky = path.join(tmp, 'one-fails-worker.js');
    fs.writeFileSync(
      flaky,
      `const fs = require('node:fs');
const { parentPort } = require('node:worker_threads');
let first = true;
try { fs.mkdirSync(${JSON.stringify(lock)}); } catch { first = false; }
if (first) parentPort.once('message', (job) => { Atomics.add(new Int32Array(job.counter), 0, job.batch); throw new Error('boom'); });
else require(${JSON.stringify(WORKER)});
`,
    );
    const parsed: string[] = [];
    const failed = await crawl(flaky, 0, dataDir, parsed, undefined, undefined, 2);
    assert.ok(fs.existsSync(lock));
    assert.deepEqual(snapshot(failed.service), snapshot(single.service));
    assert.equal(failed.warnings.filter((w) => /scan worker/.test(w) && /boom/.test(w)).length, 1);
    // The failed worker's claimed batch was read here; the rest came from the other worker, phase 2 included.
    const shares = failed.indexer.lastCrawlShares;
    assert.equal(shares.length, 2);
    assert.equal(Math.min(...shares), 0);
    assert.ok(Math.max(...shares) > 500, `${shares}`);
    assert.ok(parsed.length >= 16 && parsed.length < 60, `${parsed.length} notes scanned on the request thread`);
  });

  it("the cache written after the worker's phase 2 is the single-thread crawl's, byte for byte, and no note's sections are kept built for it (sections built later are held weakly)", async () => {
    const dataDir = findDataDir();
    if (!dataDir) return assert.fail('no data directory');
    const dirs = [path.join(tmp, 'cache-single'), path.join(tmp, 'cache-worker')];
    // Each written at once (synchronously), before its background write would start.
    const single = await crawl(undefined, 0, dataDir, [], undefined, dirs[0]);
    assert.equal(single.indexer.saveCacheNow(), true);
    const parallel = await crawl(WORKER, 0, dataDir, [], undefined, dirs[1]);
    assert.equal(parallel.indexer.lastCrawlUsedWorker, true);
    // Search Notes' full-text index reads every note once too (a one-off read).
    parallel.service.index.text.sync(parallel.service.index);
    assert.equal(parallel.indexer.saveCacheNow(), true);
    const files = dirs.map((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.bin')));
    assert.equal(files[0].length, 1);
    assert.deepEqual(files[1], files[0]);
    assert.ok(fs.readFileSync(path.join(dirs[1], files[1][0])).equals(fs.readFileSync(path.join(dirs[0], files[0][0]))));
    // The notes the worker indexed are written from its packed columns: their sections were never built here.
    const fromWorker = parallel.service.index.uris().map((uri) => parallel.service.index.get(uri)).filter((note) => note instanceof LazyNote && note.packed.columns) as LazyNote[];
    assert.ok(fromWorker.length > 500, `${fromWorker.length}`);
    assert.deepEqual(fromWorker.filter((note) => note.sectionsBuilt).map((note) => note.uri), []);
    // Sections a request builds from the columns are held for the last few notes only (rebuilt, equal, once others
    // were built after them).
    const gc = (() => {
      setFlagsFromString('--expose-gc');
      return runInNewContext('gc') as () => void;
    })();
    const note = fromWorker.find((n) => n.sections.length > 2)!;
    const copy = note.sections.map((s) => ({ ...s }));
    assert.equal(note.sections, note.sections, 'held while recent');
    const held = new WeakRef(note.sections);
    for (const other of fromWorker.filter((n) => n !== note).slice(0, 64)) assert.ok(other.sections.length > 0);
    await new Promise((resolve) => setImmediate(resolve)); // a WeakRef's target lives until the end of the job
    gc();
    assert.equal(held.deref(), undefined);
    assert.deepEqual(note.sections.map((s) => ({ ...s })), copy);
    assert.deepEqual(note.sections, single.service.index.get(note.uri)!.sections);
  });

  for (const workers of [1, 2])
  it(`notes changed or deleted while ${workers} worker(s) read end up matching the disk`, async () => {
    const vault = path.join(tmp, `racing${workers}`);
    generateVault(vault, 800);
    const service = createLanguageService({ data: miniData() });
    const settings = normalizeSettings({ notes: { paths: [vault] } });
    const indexer = new WorkspaceIndexer(service.index, settings, [tmp], { info() {}, warn() {}, error() {} }, () => 'en');
    indexer.scanWorker = { script: WORKER, minNotes: 0, workers };
    const crawling = indexer.crawl();
    const events: Promise<void>[] = [];
    for (let round = 0; round < 6; round++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      for (let k = round; k < 800; k += 37) {
        const file = path.join(vault, `d${k % 7}`, `n${k}.md`);
        if (k % 2) {
          fs.writeFileSync(file, `# Changed ${k} round ${round}\n\ntext\n`);
          events.push(indexer.fileChanged(file, false));
        } else if (fs.existsSync(file)) {
          fs.rmSync(file);
          events.push(indexer.fileChanged(file, true));
        }
      }
    }
    await crawling;
    await Promise.all(events);
    assert.equal(indexer.lastCrawlUsedWorker, true);
    assert.equal(indexer.lastCrawlShares.length, workers);
    for (let k = 0; k < 800; k += 37) {
      const file = path.join(vault, `d${k % 7}`, `n${k}.md`);
      const uri = `file://${file}`;
      if (k % 2) assert.equal(service.index.get(uri)?.text, fs.readFileSync(file, 'utf8'), file);
      else assert.equal(service.index.get(uri), undefined, file);
    }
  });

  it("a cold crawl says it is scanning until every heading is searchable (the server's warm-up waits for that)", async () => {
    const service = createLanguageService({ data: miniData() });
    const settings = normalizeSettings({ notes: { paths: [notes] } });
    const indexer = new WorkspaceIndexer(service.index, settings, [tmp], { info() {}, warn() {}, error() {} }, () => 'en');
    indexer.scanWorker = { script: WORKER, minNotes: 0, workers: 2 };
    assert.equal(indexer.scanning, false);
    let atHeadings: boolean | undefined;
    let filesWhenScanned = -1;
    const crawling = indexer.crawl({ onHeadings: () => (atHeadings = indexer.scanning) });
    assert.equal(indexer.scanning, true);
    const scanned = indexer.scanned.then(() => (filesWhenScanned = service.index.size));
    await crawling;
    await scanned;
    assert.equal(atHeadings, false);
    assert.equal(indexer.scanning, false);
    // Settled once phase 1 was over: every note was in the index by then.
    assert.equal(filesWhenScanned, service.index.size);
    assert.ok(filesWhenScanned > 700, `${filesWhenScanned}`);
  });

  it('falls back to one thread when the worker fails (logged once) or is not worth starting', async () => {
    const single = await crawl(undefined);
    const broken = path.join(tmp, 'broken-worker.js');
    fs.writeFileSync(broken, "throw new Error('boom');\n");
    const failed = await crawl(broken);
    assert.deepEqual(snapshot(failed.service), snapshot(single.service));
    assert.equal(failed.warnings.filter((w) => /scan worker/.test(w)).length, 1);
    // Both of two workers fail: logged once all the same.
    const bothFailed = await crawl(broken, 0, undefined, [], undefined, undefined, 2);
    assert.deepEqual(snapshot(bothFailed.service), snapshot(single.service));
    assert.equal(bothFailed.warnings.filter((w) => /scan worker/.test(w)).length, 1);
    // Small vaults: no worker.
    const small = await crawl(WORKER, 100_000);
    assert.equal(small.indexer.lastCrawlUsedWorker, false);
    assert.deepEqual(snapshot(small.service), snapshot(single.service));
    // No bundle (unbundled sources): no worker, nothing logged about it.
    const missing = await crawl(path.join(tmp, 'nope.js'));
    assert.equal(missing.indexer.lastCrawlUsedWorker, false);
    assert.ok(!missing.warnings.some((w) => /scan worker/.test(w)));
  });
});
