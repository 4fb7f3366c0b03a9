// `npm start`: the main job on the bundled examples. Builds, starts the real language server over stdio on
// examples/ (notes + a template, Terraform, Python and TypeScript), and prints what a hover shows for AWS
// names in each file, then where Go to Definition lands.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');
const lang = process.argv.includes('--ja') ? 'ja' : 'en';

const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(process.execPath, [path.join(root, 'bin/aws-notes-ls.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
let indexed;
const ready = new Promise((resolve) => (indexed = resolve));
connection.onNotification('awsNotes/indexed', (stats) => indexed(stats));
connection.onNotification('window/logMessage', () => {});
connection.listen();

const rootUri = pathToFileURL(examples).href;
await connection.sendRequest('initialize', {
  processId: process.pid, rootUri, locale: lang, capabilities: {},
  workspaceFolders: [{ uri: rootUri, name: 'examples' }],
  initializationOptions: { notes: { paths: ['notes'] }, hover: { maxSections: 2 } },
});
connection.sendNotification('initialized', {});
const stats = await ready;
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
console.log(bold(`AWS Notes — indexed ${stats.files} notes, ${stats.sections} sections, ${stats.services} services in ${stats.ms} ms\n`));

const probes = [
  ['workspace/template.yaml', 'yaml', 'AWS::SQS::Queue'],
  ['workspace/template.yaml', 'yaml', 'sqs:ReceiveMessage'],
  ['workspace/template.yaml', 'yaml', 'lambda.amazonaws.com'],
  ['workspace/main.tf', 'terraform', 'aws_cloudwatch_event_rule'],
  ['workspace/worker.py', 'python', '"dynamodb"'],
  ['workspace/worker.py', 'python', 'config ='],
  ['workspace/producer.ts', 'typescript', 'SQSClient'],
];
for (const [file, languageId, needle] of probes) {
  const text = fs.readFileSync(path.join(examples, file), 'utf8');
  const uri = pathToFileURL(path.join(examples, file)).href;
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  const offset = text.indexOf(needle) + 2;
  const before = text.slice(0, offset).split('\n');
  const position = { line: before.length - 1, character: before.at(-1).length };
  const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  console.log(bold(`━━ hover ${file}:${position.line + 1} on "${needle.replace(/ =$/, '')}"`));
  console.log(hover ? plain(hover.contents.value) : '(no hover: not an AWS name)');
  console.log();
}

const tpl = pathToFileURL(path.join(examples, 'workspace/template.yaml')).href;
const tplText = fs.readFileSync(path.join(examples, 'workspace/template.yaml'), 'utf8');
const at = tplText.indexOf('AWS::Lambda::Function') + 6;
const lines = tplText.slice(0, at).split('\n');
const defs = await connection.sendRequest('textDocument/definition', { textDocument: { uri: tpl }, position: { line: lines.length - 1, character: lines.at(-1).length } });
console.log(bold('━━ Go to Definition on AWS::Lambda::Function → your notes'));
for (const d of defs) console.log(`  ${path.relative(root, fileURLToPath(d.uri))}:${d.range.start.line + 1}`);

await connection.sendRequest('shutdown');
connection.sendNotification('exit');
setTimeout(() => process.exit(0), 200);

// Terminal rendering: command links become a short "open file:line" hint.
function plain(markdown) {
  return markdown.replace(/\[([^\]]+)\]\(command:awsNotes\.openSection\?([^)]+)\)/g, (_, label, args) => {
    const [{ uri, line }] = JSON.parse(decodeURIComponent(args));
    return `${label}: ${path.relative(root, fileURLToPath(uri))}:${line + 1}`;
  });
}
