// A hostile file system (issue 12, part 5), through the real server over stdio: named pipes called `*.md` (in the
// notes, as a `notes.paths` entry, at the cache path), a note symlinked to /dev/zero, symlinks out of the note
// folders, roots like `/` and `/proc`, a cache folder symlinked into the notes, a poisoned but well-formed cache,
// and an untrusted workspace. Each must neither hang nor balloon memory, and nothing outside the notes is indexed.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { eventually, TestClient } from '../helpers/lspClient';
import { findDataDir } from '../../server/src/node/dataLoader';
import { dataVersionOf, IndexCache } from '../../server/src/node/indexCache';
import { DEFAULT_SETTINGS } from '../../server/src/node/settings';
import { cleanup, hoverSqs, logLines, makeWorkspace, record, startClient, stats } from './helpers';
import { Notifications, Requests } from '../../shared/protocol';

const mkfifo = (p: string) => execFileSync('mkfifo', [p]);

/** Peak resident memory of a process, MB. */
function peakMb(pid: number): number {
  return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

/** Tells the server a file was created (as VS Code's watcher does) and waits for the re-index it triggers. */
async function fileEvent(client: TestClient, file: string): Promise<void> {
  const indexed = client.waitForIndex(10000);
  client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 1 }] });
  await indexed;
}

describe('a hostile file system', function () {
  this.timeout(60000);
  const roots: string[] = [];
  const clients: TestClient[] = [];
  const workspace = (prefix: string) => {
    const w = makeWorkspace(prefix);
    roots.push(w.root);
    return w;
  };
  const start = async (input: string, options: ConstructorParameters<typeof TestClient>[0]) => {
    const client = await startClient(input, options);
    clients.push(client);
    return client;
  };

  afterEach(async () => {
    for (const client of clients.splice(0)) await client.stop();
    for (const root of roots.splice(0)) cleanup(root);
  });

  it('a named pipe called pipe.md in the notes, plus a file event: no hang, skipped with a log line', async () => {
    const w = workspace('fifo');
    mkfifo(path.join(w.notes, 'pipe.md'));
    const client = await start('FIFO pipe.md in the notes', { workspace: w.ws, vscodeLike: true });
    await fileEvent(client, path.join(w.notes, 'pipe.md'));
    await hoverSqs(client, 'after a file event on a FIFO');
    assert.equal((await stats(client)).files, 1);
    assert.equal(logLines(client, /pipe\.md.*not a regular file \(a named pipe\)/).length, 1, client.logs.join('\n'));
  });

  it('a named pipe given as a notes.paths entry: the start does not block', async () => {
    const w = workspace('fifo-root');
    mkfifo(path.join(w.notes, 'named.md'));
    const client = await start('FIFO as a notes.paths entry', { workspace: w.ws, settings: { notes: { paths: [path.join(w.notes, 'named.md'), w.notes] } } });
    await hoverSqs(client, 'FIFO root');
    assert.equal((await stats(client)).files, 1);
  });

  it('a named pipe at the cache path: the start does not block, the cache is written over it', async () => {
    const w = workspace('fifo-cache');
    const cacheDir = path.join(w.root, '.cache');
    fs.mkdirSync(cacheDir);
    const cache = new IndexCache(cacheDir, [`${w.ws}${path.sep}`], { server: '0.1.0', data: dataVersionOf(findDataDir()) });
    mkfifo(cache.file);
    const client = await start('FIFO at the cache path', { workspace: w.ws });
    await hoverSqs(client, 'FIFO cache');
    await eventually(async () => fs.lstatSync(cache.file).isFile(), 20000, 50); // written once the server is idle
  });

  it('a note symlinked to /dev/zero, plus a file event: no hang, memory stays flat', async () => {
    const w = workspace('dev-zero');
    fs.symlinkSync('/dev/zero', path.join(w.notes, 'zero.md'));
    const client = await start('symlink to /dev/zero', { workspace: w.ws, vscodeLike: true });
    await fileEvent(client, path.join(w.notes, 'zero.md'));
    await hoverSqs(client, 'after a file event on /dev/zero');
    const peak = record('symlink to /dev/zero + file event', 'server peak RSS (MB)', peakMb(client.pid!));
    assert.ok(peak < 400, `peak RSS ${Math.round(peak)} MB`);
    assert.equal((await stats(client)).files, 1);
  });

  it('symlinks out of the note folders are skipped (files and folders), unless notes.followSymlinksOutside', async () => {
    const w = workspace('outside');
    const outside = path.join(w.root, 'outside');
    fs.mkdirSync(path.join(outside, 'dir'), { recursive: true });
    const secret = 'SQS secret-token-4f2a9 について';
    fs.writeFileSync(path.join(outside, 'credentials.md'), `# SQS の鍵\n\n${secret}\n`);
    fs.writeFileSync(path.join(outside, 'dir', 'more.md'), `# SQS もう一つ\n\n${secret}\n`);
    fs.symlinkSync(path.join(outside, 'credentials.md'), path.join(w.notes, 'creds.md'));
    fs.symlinkSync(path.join(outside, 'dir'), path.join(w.notes, 'linked'));
    // A link that stays inside the notes is fine.
    fs.mkdirSync(path.join(w.notes, 'real'));
    fs.writeFileSync(path.join(w.notes, 'real', 'lambda.md'), '# Lambda\n\nLambda と SQS\n');
    fs.symlinkSync(path.join(w.notes, 'real', 'lambda.md'), path.join(w.notes, 'alias.md'));
    const client = await start('symlinks out of the notes', { workspace: w.ws, vscodeLike: true, settings: { hover: { maxSections: 10 } } });
    assert.equal((await stats(client)).files, 3); // good.md, real/lambda.md, alias.md
    await fileEvent(client, path.join(w.notes, 'creds.md'));
    const hover = await hoverSqs(client, 'symlinks out of the notes');
    assert.doesNotMatch(hover, /secret-token/);
    assert.equal((await stats(client)).files, 3);
    const search = await client.connection.sendRequest(Requests.searchSections, { query: 'SQS', limit: 50 });
    assert.ok(!search.some((s) => /の鍵|もう一つ/.test(s.label)), JSON.stringify(search));
    assert.ok(logLines(client, /creds\.md: skipped: a symbolic link out of the note folders/).length >= 1, client.logs.join('\n'));
    await client.stop();
    clients.splice(0);
    // The cache never holds what was outside.
    const cacheDir = path.join(w.root, '.cache');
    if (fs.existsSync(cacheDir)) for (const f of fs.readdirSync(cacheDir)) assert.ok(!fs.readFileSync(path.join(cacheDir, f)).includes('secret-token'), f);
    const allowed = await start('symlinks out, allowed', { workspace: w.ws, settings: { notes: { followSymlinksOutside: true } } });
    assert.equal((await stats(allowed)).files, 5);
  });

  for (const [name, paths] of [
    ['/', ['/']],
    ['/proc', ['/proc']],
    ['a glob from /', ['/**/*.md']],
    ['/sys/kernel', ['/sys/kernel']],
  ] as const) {
    it(`a notes root of ${name} is refused with a message, and nothing is crawled`, async () => {
      const w = workspace('root');
      const started = performance.now();
      const client = await start(`notes root ${name}`, { workspace: w.ws, settings: { notes: { paths: [...paths, w.notes] } } });
      const ms = performance.now() - started;
      assert.ok(ms < 5000, `start took ${Math.round(ms)} ms`);
      await hoverSqs(client, `root ${name}`);
      assert.equal((await stats(client)).files, 1);
      assert.equal(client.messages.filter((m) => /not indexing .*(root of the file system|system folder)/.test(m.message)).length, 1, JSON.stringify(client.messages));
    });
  }

  it('a symlink to / as the notes root is refused too (real paths)', async () => {
    const w = workspace('root-link');
    fs.symlinkSync('/', path.join(w.root, 'everything'));
    const client = await start('notes root: a link to /', { workspace: w.ws, settings: { notes: { paths: [path.join(w.root, 'everything'), w.notes] } } });
    assert.equal((await stats(client)).files, 1);
    assert.equal(client.messages.filter((m) => /root of the file system/.test(m.message)).length, 1);
  });

  it('a cache folder symlinked into the notes is refused (real paths compared)', async () => {
    const w = workspace('cache-link');
    const link = path.join(w.root, 'cache-link');
    fs.symlinkSync(w.notes, link);
    const before = fs.readdirSync(w.notes).sort();
    const client = await start('cache dir: a link into the notes', { workspace: w.ws, settings: { cache: { dir: path.join(link, 'c') } } });
    await hoverSqs(client, 'cache link');
    await client.stop();
    clients.splice(0);
    assert.deepEqual(fs.readdirSync(w.notes).sort(), before);
    assert.ok(logLines(client, /not using the cache directory/).length >= 1);
  });

  it('a poisoned but well-formed cache (its hits zeroed) is detected and rebuilt', async () => {
    const w = workspace('poison');
    const cacheDir = path.join(w.root, '.cache');
    const first = await start('poisoned cache: cold start', { workspace: w.ws });
    await eventually(async () => fs.existsSync(cacheDir) && fs.readdirSync(cacheDir).some((f) => f.endsWith('.bin')), 8000, 50);
    await first.stop();
    clients.splice(0);
    const [name] = fs.readdirSync(cacheDir).filter((f) => f.endsWith('.bin'));
    const file = path.join(cacheDir, name);
    const bytes = fs.readFileSync(file);
    // Walk the frames (16-byte magic, then [kind, 0, 0, 0, length u32] + body padded to 8) and zero the last one:
    // the ranked hits. The file stays well-formed: same layout, same lengths.
    let at = 16;
    let last = -1;
    let lastLength = 0;
    while (at + 8 <= bytes.length - 32) {
      const length = bytes.readUInt32LE(at + 4);
      last = at + 8;
      lastLength = length;
      at += 8 + length + (length % 8 ? 8 - (length % 8) : 0);
    }
    assert.ok(last > 0 && lastLength > 0);
    bytes.fill(0, last, last + lastLength);
    fs.writeFileSync(file, bytes);
    const mtime = fs.statSync(file).mtimeMs;
    const client = await start('poisoned cache: warm start', { workspace: w.ws });
    await hoverSqs(client, 'poisoned cache');
    const warm = await client.connection.sendRequest(Requests.stats);
    assert.equal(warm.files, 1);
    assert.equal(logLines(client, /failed its integrity check: ignored and rebuilt/).length, 1, client.logs.join('\n'));
    await eventually(async () => fs.statSync(file).mtimeMs !== mtime, 8000, 50);
    // The rebuilt cache passes: the next start restores every note from it.
    await client.stop();
    clients.splice(0);
    const third = await start('poisoned cache: after the rebuild', { workspace: w.ws });
    assert.equal(logLines(third, /integrity check/).length, 0);
    assert.ok(logLines(third, /1 of 1 notes restored from the cache/).length === 1, third.logs.join('\n'));
    await hoverSqs(third, 'rebuilt cache');
  });

  describe('an untrusted workspace (Restricted Mode)', () => {
    it('the guard settings are restricted in the manifest; the new settings are documented in English and Japanese', () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));
      const properties = manifest.contributes.configuration.properties;
      const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
      const guards = ['notes.paths', 'notes.exclude', 'cache.dir', 'limits.maxFileSize', 'limits.maxSectionsPerFile', 'limits.parseTimeBudgetMs', 'limits.maxNestingDepth', 'notes.followSymlinksOutside', 'notes.indexUntrustedWorkspaces'];
      for (const key of guards) {
        assert.equal(properties[`awsNotes.${key}`]?.restricted, true, key);
        assert.ok(restricted.includes(`awsNotes.${key}`), key);
      }
      assert.ok(!properties['awsNotes.hover.maxSections'].restricted);
      const nls = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.nls.json'), 'utf8'));
      const nlsJa = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.nls.ja.json'), 'utf8'));
      for (const key of ['followSymlinksOutside', 'indexUntrustedWorkspaces'] as const) {
        const entry = properties[`awsNotes.notes.${key}`];
        assert.equal(entry.default, DEFAULT_SETTINGS.notes[key]);
        const nlsKey = entry.markdownDescription.slice(1, -1);
        assert.ok(nls[nlsKey] && nlsJa[nlsKey], nlsKey);
      }
    });

    it('its own Markdown files are not notes', async () => {
      const w = workspace('untrusted');
      const client = await start('untrusted workspace', { workspace: w.ws, settings: { workspaceTrusted: false } });
      assert.equal((await stats(client)).files, 0);
      assert.equal(logLines(client, /not trusted/).length, 1);
    });

    it('absolute notes.paths (the user\'s notes folder) are indexed; relative ones (inside the workspace) are not', async () => {
      const w = workspace('untrusted-paths');
      const userNotes = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-user-notes-'));
      roots.push(userNotes);
      fs.writeFileSync(path.join(userNotes, 'mine.md'), '# 自分のメモ\n\n## SQS とは\n\nキュー。\n');
      const client = await start('untrusted workspace, user notes', { workspace: w.ws, settings: { workspaceTrusted: false, notes: { paths: [userNotes, 'notes'] } } });
      assert.equal((await stats(client)).files, 1);
      await hoverSqs(client, 'untrusted, user notes');
    });

    it('notes.indexUntrustedWorkspaces (a user setting) indexes them anyway', async () => {
      const w = workspace('untrusted-optin');
      const client = await start('untrusted workspace, opted in', { workspace: w.ws, settings: { workspaceTrusted: false, notes: { indexUntrustedWorkspaces: true } } });
      assert.equal((await stats(client)).files, 1);
    });

    it('limits passed on by the client are never looser than the defaults while untrusted', async () => {
      const w = workspace('untrusted-limits');
      fs.writeFileSync(path.join(w.notes, 'deep.md'), '# 深い\n\n' + '> '.repeat(200) + 'SQS\n');
      const loose = { notes: { indexUntrustedWorkspaces: true }, limits: { maxNestingDepth: 100000 } };
      const untrusted = await start('untrusted, loosened limits', { workspace: w.ws, settings: { ...loose, workspaceTrusted: false } });
      assert.equal((await stats(untrusted)).files, 1);
      assert.equal(logLines(untrusted, /deep\.md: skipped: quotes or lists nest more than 64 levels/).length, 1, untrusted.logs.join('\n'));
      const trusted = await start('trusted, loosened limits', { workspace: w.ws, settings: loose });
      assert.equal((await stats(trusted)).files, 2);
    });

    it('trust granted later: awsNotes/workspaceTrusted re-indexes the workspace', async () => {
      const w = workspace('untrusted-grant');
      const client = await start('untrusted workspace, then trusted', { workspace: w.ws, settings: { workspaceTrusted: false } });
      assert.equal((await stats(client)).files, 0);
      const indexed = client.waitForIndex();
      client.connection.sendNotification(Notifications.workspaceTrusted);
      await indexed;
      assert.equal((await stats(client)).files, 1);
    });
  });
});
