// The first hovers in a template right after the server starts (issue 15): the CloudFormation data a template
// hover needs is read then. Spawns the built server (`npm run build` first) over stdio on an empty workspace,
// waits for awsNotes/indexed, then times one hover per position, each in a fresh server, before the internal
// warm-up can run.   npx tsx bench/diagnostics/firstHover.ts [--root DIR] [--runs N] [--delay MS]
// --delay MS: the hover comes MS after the template is opened instead (a user's first hover, after the server's
// idle-time warm-up: a modelled pause, not a wait for an event).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TestClient } from '../../test/helpers/lspClient';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('--runs', '5'));
const delayMs = Number(arg('--delay', '0'));
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
`;
const positions: Record<string, { line: number; character: number }> = {
  'property (top level)': { line: 6, character: 8 },
  'property (nested)': { line: 8, character: 10 },
  'type (AWS::EC2::Instance)': { line: 10, character: 16 },
};

// A stopped server's pipe may still be written to by the connection's last notification.
process.on('uncaughtException', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'ERR_STREAM_DESTROYED' && e.code !== 'EPIPE') throw e;
});

async function main() {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-first-hover-'));
  const results: Record<string, number[]> = {};
  for (let run = 0; run < runs; run++) {
    for (const [name, position] of Object.entries(positions)) {
      const client = new TestClient({ workspace });
      await client.start();
      const uri = client.open('template.yaml', 'yaml', TEMPLATE);
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      const start = performance.now();
      const text = await client.hoverText(uri, position);
      const ms = performance.now() - start;
      if (!text) throw new Error(`no hover for ${name}`);
      (results[name] ??= []).push(ms);
      await client.stop();
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [name, xs] of Object.entries(results)) console.log(`first hover${delayMs ? ` ${delayMs} ms after opening` : ''}, ${name}: median ${median(xs).toFixed(1)} ms (${xs.map((x) => x.toFixed(0)).join(' ')})`);
  fs.rmSync(workspace, { recursive: true, force: true });
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
