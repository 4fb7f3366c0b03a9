// The first hovers and completions in a template right after the server starts (issue 15; issue 16: the first
// completion of a start took 100–150 ms): the CloudFormation data they need is read then. Spawns the built server (`npm run build` first) over stdio, waits for awsNotes/indexed,
// then times one hover per position, each in a fresh server.
//   npx tsx bench/diagnostics/firstHover.ts [--runs N] [--delay MS] [--notes N] [--before-indexed] [--code-cache on|off]
// --delay MS: the hover comes MS after the template is opened instead (a user's first hover, after the server's
// idle-time warm-up: a modelled pause, not a wait for an event).
// --notes N: the workspace holds N generated notes (bench/corpus.mjs); --before-indexed: the hover is sent right after
// `initialized`, while the crawl runs, instead of after `awsNotes/indexed`.
// --code-cache on (default): the servers start with the V8 code cache a first server wrote (codeCacheLoader.ts; every
// start after the first one); off: AWS_NOTES_CODE_CACHE=0, as the very first start. The bench's cache folder is its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { TestClient } from '../../test/helpers/lspClient';
import { writeCorpus } from '../corpus.mjs';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('--runs', '5'));
const delayMs = Number(arg('--delay', '0'));
const notes = Number(arg('--notes', '0'));
const beforeIndexed = process.argv.includes('--before-indexed');
const codeCache = arg('--code-cache', 'on') !== 'off';
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/worker
      Runtime: python3.12
      VpcConfig:
        SubnetIds: [subnet-1]
  Bucket:
    Type: AWS::EC2::Instance
  Next:
    Type: AWS::
`;
const positions: Record<string, { line: number; character: number }> = {
  'property (top level)': { line: 6, character: 8 },
  'property (nested)': { line: 8, character: 10 },
  'type (AWS::EC2::Instance)': { line: 10, character: 16 },
};
/** Completions, each the first request of a fresh server like the hovers: resource types, a resource's properties. */
const completions: Record<string, { line: number; character: number }> = {
  'completion (resource types)': { line: 12, character: 15 },
  'completion (properties)': { line: 5, character: 6 },
};

// A stopped server's pipe may still be written to by the connection's last notification.
process.on('uncaughtException', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'ERR_STREAM_DESTROYED' && e.code !== 'EPIPE') throw e;
});

/** Starts a server; resolves once `initialized` is sent (beforeIndexed) or once the workspace is indexed. */
async function startClient(workspace: string): Promise<TestClient> {
  const client = new TestClient({ workspace });
  if (!beforeIndexed) {
    await client.start();
    return client;
  }
  const uri = pathToFileURL(workspace).href;
  await client.connection.sendRequest('initialize', { processId: process.pid, rootUri: uri, locale: 'en', workspaceFolders: [{ uri, name: 'ws' }], capabilities: {} });
  client.connection.sendNotification('initialized', {});
  return client;
}

/** One server that lives until it has written the code cache (into root/.cache, TestClient's cache folder). */
async function writeCodeCache(root: string, workspace: string): Promise<void> {
  const dir = path.join(root, '.cache');
  const written = () => fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.endsWith('.v8cache'));
  const client = new TestClient({ workspace });
  await client.start();
  const until = Date.now() + 30000;
  while (!written()) {
    if (Date.now() > until) throw new Error('no code cache written');
    await new Promise((r) => setTimeout(r, 100));
  }
  await client.stop();
}

async function main() {
  process.env.AWS_NOTES_CODE_CACHE = codeCache ? '1' : '0';
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-first-hover-'));
  const workspace = path.join(root, 'ws');
  fs.mkdirSync(workspace);
  if (notes > 0) writeCorpus(workspace, notes);
  if (codeCache) await writeCodeCache(root, workspace);
  const results: Record<string, number[]> = {};
  const requests = [...Object.entries(positions).map(([name, p]) => [name, p, false] as const), ...Object.entries(completions).map(([name, p]) => [name, p, true] as const)];
  for (let run = 0; run < runs; run++) {
    for (const [name, position, completion] of requests) {
      const client = await startClient(workspace);
      const uri = client.open('template.yaml', 'yaml', TEMPLATE);
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      const start = performance.now();
      const answered = completion
        ? ((await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as { items?: unknown[] } | null)?.items?.length
        : await client.hoverText(uri, position);
      const ms = performance.now() - start;
      if (!answered) throw new Error(`no answer for ${name}`);
      (results[name] ??= []).push(ms);
      await client.stop();
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const when = `${beforeIndexed ? ' before indexed' : ''}${delayMs ? ` ${delayMs} ms after opening` : ''}${notes ? `, ${notes} notes` : ''}, code cache ${codeCache ? 'on' : 'off'}`;
  for (const [name, xs] of Object.entries(results)) console.log(`first ${name.startsWith('completion') ? 'request' : 'hover'}${when}, ${name}: median ${median(xs).toFixed(1)} ms (${xs.map((x) => x.toFixed(0)).join(' ')})`);
  fs.rmSync(root, { recursive: true, force: true });
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
