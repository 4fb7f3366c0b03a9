// The protocol edge (issue 12, part 5): malformed params never reach a handler (an LSP InvalidParams error, or a
// dropped notification with one log line), a second `initialize` is refused, and an oversized request is refused
// quickly. The fuzz speaks raw JSON-RPC frames to `aws-notes-ls --stdio` with a fixed seed.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, type Message } from 'vscode-languageserver-protocol/node';
import { SERVER_BIN } from '../helpers/lspClient';
import { cleanup, makeWorkspace, record } from './helpers';

/** mulberry32: a small seeded PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A raw JSON-RPC session: every response by id, every log line. */
class RawSession {
  readonly process: ChildProcessWithoutNullStreams;
  readonly writer: StreamMessageWriter;
  readonly logs: string[] = [];
  private readonly waiting = new Map<number | string, (m: Message & { result?: unknown; error?: { code: number; message: string } }) => void>();
  private nextId = 1;

  constructor(workspace: string) {
    this.process = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: 'pipe', env: { ...process.env, AWS_NOTES_CACHE_DIR: path.join(workspace, '..', '.cache') } });
    this.process.stderr.on('data', (d) => this.logs.push(String(d)));
    const reader = new StreamMessageReader(this.process.stdout);
    this.writer = new StreamMessageWriter(this.process.stdin);
    reader.listen((m) => {
      const message = m as { id?: number | string; method?: string; params?: { message?: string; items?: unknown[] } };
      if (message.method === 'window/logMessage' || message.method === 'window/showMessage') this.logs.push(String(message.params?.message));
      else if (message.method && message.id !== undefined) {
        // Requests from the server (configuration, registrations, progress): answer plainly.
        const result = message.method === 'workspace/configuration' ? (message.params?.items ?? []).map(() => ({})) : null;
        void this.writer.write({ jsonrpc: '2.0', id: message.id, result } as Message);
      } else if (!message.method && message.id !== undefined) this.waiting.get(message.id)?.(m as never);
    });
  }

  request(method: string, params: unknown): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, (m) => {
        this.waiting.delete(id);
        resolve(m);
      });
      void this.writer.write({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) } as Message);
    });
  }

  notify(method: string, params: unknown): void {
    void this.writer.write({ jsonrpc: '2.0', method, ...(params === undefined ? {} : { params }) } as Message);
  }

  async stop(): Promise<void> {
    await Promise.race([this.request('shutdown', undefined), new Promise((r) => setTimeout(r, 2000))]);
    this.notify('exit', undefined);
    this.writer.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

const REQUESTS = [
  'textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/completion', 'textDocument/documentSymbol',
  'textDocument/codeLens', 'completionItem/resolve', 'workspace/symbol', 'awsNotes/searchSections', 'awsNotes/convert',
  'awsNotes/sectionsForService', 'awsNotes/equivalents', 'awsNotes/resolveSection',
];
const NOTIFICATIONS = [
  'textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave', 'workspace/didChangeWatchedFiles',
  'workspace/didChangeWorkspaceFolders', '$/cancelRequest', '$/setTrace',
];

/** Malformed values: wrong types, missing keys, right keys with wrong shapes, deep nesting, huge numbers. */
function malformed(rand: () => number, uri: string, depth = 0): unknown {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const scalar = () => pick<unknown>([null, true, 0, -1, 1.5, NaN, 2 ** 53, '', 'x', uri, '../../etc/passwd', 'file:///etc/passwd', [], {}]);
  if (depth > 3) return scalar();
  const position = () => pick<unknown>([{ line: 0, character: 0 }, { line: -1, character: 'a' }, { line: 1e12 }, null, [0, 0], { character: 3 }]);
  const doc = () => pick<unknown>([{ uri }, { uri: 5 }, {}, null, 'x', { uri: [uri] }, { uri, languageId: 7, version: 'v', text: null }, { uri, languageId: 'markdown', version: 1, text: 5 }]);
  return pick<() => unknown>([
    scalar,
    () => ({ textDocument: doc(), position: position() }),
    () => ({ textDocument: doc() }),
    () => ({ textDocument: doc(), contentChanges: pick<unknown>([null, 5, [{}], [{ text: 5 }], [{ range: 3, text: 'x' }], [{ range: { start: position(), end: position() }, text: 'x' }]]) }),
    () => ({ query: pick<unknown>([5, null, {}, ['q'], 'SQS']), limit: pick<unknown>(['x', -5, 1e9, null, 3]) }),
    () => ({ uri: pick<unknown>([uri, 5, null]), line: pick<unknown>([-1, 'x', 1e15, null, 0]), position: position(), offset: pick<unknown>(['x', -1, null]), resource: pick<unknown>([5, {}, 'Q']) }),
    () => ({ serviceId: pick<unknown>([5, null, {}, 'sqs']) }),
    () => ({ changes: pick<unknown>([null, 5, [{}], [{ uri: 5, type: 1 }], [{ uri, type: 'x' }]]) }),
    () => ({ event: pick<unknown>([null, {}, { added: 5, removed: [] }, { added: [{ uri: 5 }], removed: null }]) }),
    () => ({ id: pick<unknown>([null, {}, [], 'x']), value: pick<unknown>([5, null]) }),
    () => ({ label: pick<unknown>([5, null, 'x']), data: malformed(rand, uri, depth + 1) }),
    () => Array.from({ length: 1 + Math.floor(rand() * 3) }, () => malformed(rand, uri, depth + 1)),
    () => ({ [pick(['textDocument', 'position', 'query', 'uri'])]: malformed(rand, uri, depth + 1) }),
  ])();
}

const TYPE_ERROR = /TypeError|Cannot read propert|is not a function|is not iterable|Cannot convert|undefined or null/;

describe('the protocol edge', function () {
  this.timeout(120000);
  let root: string;
  let ws: string;
  let session: RawSession;

  before(async () => {
    const w = makeWorkspace('protocol');
    root = w.root;
    ws = w.ws;
    session = new RawSession(ws);
    const uri = pathToFileURL(ws).href;
    const init = await session.request('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'ws' }], capabilities: {} });
    assert.ok(init.result, JSON.stringify(init.error));
    session.notify('initialized', {});
  });

  after(async () => {
    await session.stop();
    cleanup(root);
  });

  it('a second initialize is refused, and the server keeps its first configuration', async () => {
    const second = await session.request('initialize', { processId: null, rootUri: 'file:///', workspaceFolders: [{ uri: 'file:///', name: 'root' }], capabilities: {} });
    assert.equal(second.result, undefined);
    assert.equal(second.error?.code, -32600, JSON.stringify(second));
    assert.match(second.error!.message, /initialize/);
    const stats = (await session.request('awsNotes/stats', undefined)).result as { files: number };
    assert.ok(stats.files <= 1, JSON.stringify(stats));
  });

  it('requests without params, as vscode-jsonrpc sends them ([null] or nothing), are answered', async () => {
    for (const method of ['awsNotes/servicesInNotes', 'awsNotes/notesOutline', 'awsNotes/stats']) {
      for (const params of [undefined, null, [null], []]) {
        const answer = await session.request(method, params);
        assert.equal(answer.error, undefined, `${method} ${JSON.stringify(params)}: ${JSON.stringify(answer.error)}`);
        assert.ok(answer.result !== undefined, method);
      }
    }
    const refused = await session.request('awsNotes/notesOutline', [{ x: 1 }]);
    assert.equal(refused.error?.code, -32602);
  });

  it('malformed params (fixed-seed fuzz): InvalidParams errors, no TypeError reaches a handler, the server still answers', async () => {
    const rand = prng(0x12c0ffee);
    const noteUri = pathToFileURL(path.join(ws, 'notes', 'good.md')).href;
    const pending: Promise<{ method: string; error?: { code: number; message: string } }>[] = [];
    const count = Number(process.env.PROTOCOL_FUZZ_MESSAGES ?? 3000);
    for (let i = 0; i < count; i++) {
      const params = malformed(rand, noteUri);
      if (rand() < 0.7) {
        const method = REQUESTS[Math.floor(rand() * REQUESTS.length)];
        pending.push(session.request(method, params).then((r) => ({ method, error: r.error })));
      } else session.notify(NOTIFICATIONS[Math.floor(rand() * NOTIFICATIONS.length)], params);
      if (i % 200 === 199) await Promise.all(pending.slice(-200));
    }
    const answers = await Promise.all(pending);
    // A good request after the storm still answers with the note.
    const probe = 'import boto3\n# SQS\n';
    const probeUri = pathToFileURL(path.join(ws, 'probe.py')).href;
    session.notify('textDocument/didOpen', { textDocument: { uri: probeUri, languageId: 'python', version: 1, text: probe } });
    const hover = await session.request('textDocument/hover', { textDocument: { uri: probeUri }, position: { line: 1, character: 3 } });
    assert.match(JSON.stringify(hover.result), /SQS とは/);
    const internal = answers.filter((a) => a.error && a.error.code !== -32602 && a.error.code !== -32601);
    const typeErrors = session.logs.filter((l) => TYPE_ERROR.test(l)).length + answers.filter((a) => a.error && TYPE_ERROR.test(a.error.message)).length;
    const invalid = answers.filter((a) => a.error?.code === -32602).length;
    record(`${count} malformed messages (seed 0x12c0ffee)`, 'TypeErrors caught', typeErrors);
    record(`${count} malformed messages (seed 0x12c0ffee)`, 'InvalidParams answers', invalid);
    assert.equal(typeErrors, 0, [...session.logs.filter((l) => TYPE_ERROR.test(l)).slice(0, 5), ...internal.slice(0, 5).map((a) => `${a.method}: ${a.error!.message}`)].join('\n'));
    assert.deepEqual(internal.map((a) => `${a.method}: ${a.error!.message}`).slice(0, 5), []);
    assert.ok(invalid > count / 4, `only ${invalid} InvalidParams answers`);
  });

  it('a 50 MB search request is refused quickly, and the server answers the next one', async () => {
    const query = 'S'.repeat(50 * 1024 * 1024);
    const started = performance.now();
    const answer = await session.request('awsNotes/searchSections', { query, limit: 10 });
    const ms = record('50 MB search query', 'answer (refused)', performance.now() - started);
    assert.equal(answer.error?.code, -32602, JSON.stringify(answer).slice(0, 200));
    const next = await session.request('awsNotes/searchSections', { query: 'SQS', limit: 10 });
    assert.ok(Array.isArray(next.result) && next.result.length > 0, JSON.stringify(next).slice(0, 300));
    assert.ok(ms < 5000, `${Math.round(ms)} ms`);
    const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${session.process.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    record('50 MB search query', 'server RSS after (MB)', rss);
    assert.ok(rss < 700, `RSS ${Math.round(rss)} MB`);
  });
});
