// Shared pieces of the hostile-input tests: a workspace in a temp dir with one good note, a server over stdio,
// measured hovers, and a table of measurements printed at the end with HOSTILE_MEASUREMENTS=1 (for reports).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Requests, type StatsAnswer } from '../../shared/protocol';
import { TestClient, type ClientOptions } from '../helpers/lspClient';

/** Generous bound for one hover while the server chews on hostile input (CI machines are slow; not a benchmark). */
export const HOVER_BOUND_MS = 2000;

export const GOOD_NOTE = `# キューの学習メモ

## SQS とは

SQS はフルマネージドなメッセージキュー。可視性タイムアウトに注意。
`;

export function makeWorkspace(prefix: string): { root: string; ws: string; notes: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `aws-notes-${prefix}-`));
  const ws = path.join(root, 'ws');
  const notes = path.join(ws, 'notes');
  fs.mkdirSync(notes, { recursive: true });
  fs.writeFileSync(path.join(notes, 'good.md'), GOOD_NOTE);
  return { root, ws, notes };
}

export const measurements: { input: string; what: string; ms: number }[] = [];

export function record(input: string, what: string, ms: number): number {
  measurements.push({ input, what, ms: Math.round(ms) });
  return ms;
}

// A root-level hook (this module is loaded once): prints the table after all hostile tests.
if (typeof after === 'function') after(() => {
  if (measurements.length === 0 || !process.env.HOSTILE_MEASUREMENTS) return;
  const lines = measurements.map((m) => `  ${m.input.padEnd(56)} ${m.what.padEnd(34)} ${String(m.ms).padStart(6)} ms`);
  process.stdout.write(`\n  hostile input measurements:\n${lines.join('\n')}\n`);
});

/** Hovers `SQS` in a small Python file; asserts the answer comes within the bound and names the good note. */
export async function hoverSqs(client: TestClient, input: string, expect: RegExp = /SQS とは/): Promise<string> {
  const text = 'import boto3\n# SQS worker\n';
  const uri = client.open(`probe-${measurements.length}.py`, 'python', text);
  const started = performance.now();
  const value = await client.hoverText(uri, client.positionOf(text, 'SQS', 1));
  const ms = record(input, 'hover on SQS', performance.now() - started);
  assert.ok(value, `no hover (${input})`);
  assert.match(value, expect);
  assert.ok(ms < HOVER_BOUND_MS, `hover took ${Math.round(ms)} ms (${input})`);
  return value;
}

export async function stats(client: TestClient): Promise<StatsAnswer> {
  return client.connection.sendRequest(Requests.stats);
}

/** Starts a server and records how long the first index took. */
export async function startClient(input: string, options: ClientOptions): Promise<TestClient> {
  const client = new TestClient(options);
  const started = performance.now();
  await client.start();
  record(input, 'start + first index', performance.now() - started);
  return client;
}

/** How many log lines mention `needle`. */
export function logLines(client: TestClient, needle: string | RegExp): string[] {
  const lines = client.logs.join('\n').split('\n');
  return lines.filter((l) => (typeof needle === 'string' ? l.includes(needle) : needle.test(l)));
}

export function cleanup(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}
