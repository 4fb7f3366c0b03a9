// A minimal LSP client for protocol tests: spawns `aws-notes-ls --stdio` and speaks JSON-RPC to it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { Hover, Location, Position } from 'vscode-languageserver-types';
import { Notifications } from '../../shared/protocol';

export const SERVER_BIN = path.resolve(__dirname, '../../bin/aws-notes-ls.js');

export interface ClientOptions {
  workspace: string;
  settings?: Record<string, unknown>;
  locale?: string;
  /** Advertise workspace/configuration and dynamic file watching, like VS Code. */
  vscodeLike?: boolean;
  /** Merged into the advertised `workspace` capabilities (e.g. `codeLens: { refreshSupport: true }`). */
  workspaceCapabilities?: Record<string, unknown>;
  /** Advertise window/workDoneProgress (the crawl then reports `done/total`; see `waitForProgress`). */
  progress?: boolean;
  /** Advertised as the `textDocument` capabilities (e.g. VS Code's `completion.completionList.itemDefaults`). */
  textDocumentCapabilities?: Record<string, unknown>;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly logs: string[] = [];
  readonly messages: { type: number; message: string }[] = [];
  readonly registrations: unknown[] = [];
  private readonly process: ChildProcessWithoutNullStreams;
  private indexedResolvers: (() => void)[] = [];
  indexedCount = 0;
  /** The `files` count each awsNotes/indexed carried, in order. */
  readonly indexedFiles: number[] = [];
  /** Diagnostics publications per document URI, in order. */
  readonly diagnostics = new Map<string, unknown[][]>();
  /** The crawl's progress reports (`done` of `total` notes). */
  readonly progress: { done: number; total: number }[] = [];
  private readonly waiters: (() => boolean)[] = [];

  constructor(private readonly options: ClientOptions) {
    this.process = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: 'pipe', env: { ...process.env, AWS_NOTES_CACHE_DIR: path.join(options.workspace, '..', '.cache') } });
    this.process.stderr.on('data', (d) => this.logs.push(String(d)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('window/logMessage', (m: { message: string }) => {
      this.logs.push(m.message);
    });
    this.connection.onNotification('window/showMessage', (m: { type: number; message: string }) => {
      this.messages.push(m);
    });
    this.connection.onNotification(Notifications.indexed, (p: { files: number }) => {
      this.indexedCount++;
      this.indexedFiles.push(p.files);
      for (const resolve of this.indexedResolvers.splice(0)) resolve();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => options.settings ?? {}));
    this.connection.onRequest('client/registerCapability', (params: { registrations: unknown[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
      this.diagnostics.set(p.uri, [...(this.diagnostics.get(p.uri) ?? []), p.diagnostics]);
      this.settleWaiters();
    });
    this.connection.onNotification('$/progress', (p: { value?: { kind?: string; message?: string } }) => {
      const m = /^(\d+)\/(\d+)$/.exec(p.value?.message ?? '');
      if (m) this.progress.push({ done: Number(m[1]), total: Number(m[2]) });
      this.settleWaiters();
    });
    this.connection.listen();
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  async start(): Promise<void> {
    const uri = pathToFileURL(this.options.workspace).href;
    const indexed = this.waitForIndex();
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      locale: this.options.locale ?? 'en',
      workspaceFolders: [{ uri, name: 'ws' }],
      initializationOptions: this.options.settings,
      capabilities: {
        ...(this.options.vscodeLike
          ? { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true }, ...this.options.workspaceCapabilities }, window: { workDoneProgress: true } }
          : { workspace: { ...this.options.workspaceCapabilities }, ...(this.options.progress ? { window: { workDoneProgress: true } } : {}) }),
        ...(this.options.textDocumentCapabilities ? { textDocument: this.options.textDocumentCapabilities } : {}),
      },
    });
    this.connection.sendNotification('initialized', {});
    await indexed;
  }

  /** Resolves once `ready()` holds, checked at each diagnostics or progress notification (no polling, no sleeps). */
  waitFor(what: string, ready: () => boolean, timeoutMs = 15000): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      this.waiters.push(() => {
        if (!ready()) return false;
        clearTimeout(timer);
        resolve();
        return true;
      });
    });
  }

  /** Until diagnostics were published for every one of `uris`. */
  waitForDiagnostics(uris: readonly string[], timeoutMs?: number): Promise<void> {
    return this.waitFor(`diagnostics of ${uris.length} documents`, () => uris.every((u) => this.diagnostics.has(u)), timeoutMs);
  }

  /** Until the crawl reported at least `done` notes read (needs `progress: true`). */
  waitForProgress(done: number, timeoutMs?: number): Promise<void> {
    return this.waitFor(`the crawl to reach ${done} notes`, () => this.progress.some((p) => p.done >= done), timeoutMs);
  }

  private settleWaiters(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) if (this.waiters[i]()) this.waiters.splice(i, 1);
  }

  waitForIndex(timeoutMs = 10000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for awsNotes/indexed')), timeoutMs);
      this.indexedResolvers.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  uri(relative: string): string {
    return pathToFileURL(path.join(this.options.workspace, relative)).href;
  }

  open(relative: string, languageId: string, text?: string): string {
    const uri = this.uri(relative);
    const content = text ?? fs.readFileSync(path.join(this.options.workspace, relative), 'utf8');
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: content } });
    return uri;
  }

  /** Position of the first occurrence of `needle` (plus `delta` characters) in the file's text. */
  positionOf(text: string, needle: string, delta = 1): Position {
    const offset = text.indexOf(needle);
    if (offset < 0) throw new Error(`"${needle}" not in text`);
    const before = text.slice(0, offset + delta).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  }

  async hoverText(uri: string, position: Position): Promise<string | undefined> {
    const hover = (await this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
    return hover ? (hover.contents as { value: string }).value : undefined;
  }

  definition(uri: string, position: Position): Promise<Location[]> {
    return this.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position }) as Promise<Location[]>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      this.connection.sendNotification('exit');
    } catch {
      /* already gone */
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

/** Polls until check() returns a truthy value or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 3000, stepMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
