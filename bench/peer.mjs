// The peer: Microsoft's vscode-markdown-languageservice (with markdown-it), in-process, over the same files.
// Usage: node bench/peer.mjs <corpusDir> <query>  -> prints JSON {ms, found, results, rssPeakMb}
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const started = performance.now();
const require = createRequire(import.meta.url);
const md = require('vscode-markdown-languageservice');
const MarkdownIt = require('markdown-it');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { URI } = require('vscode-uri');

const [dir, query] = process.argv.slice(2);
const noop = () => ({ dispose() {} });

function walk(root) {
  const out = [];
  const stack = [root];
  while (stack.length) {
    const d = stack.pop();
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.name.endsWith('.md')) out.push(p);
    }
  }
  return out.sort();
}

const decoder = new TextDecoder();
const docs = new Map();
function open(file) {
  const uri = pathToFileURL(file).href;
  let doc = docs.get(uri);
  if (!doc) {
    doc = TextDocument.create(uri, 'markdown', 1, decoder.decode(fs.readFileSync(file)));
    docs.set(uri, doc);
  }
  return doc;
}

const workspace = {
  workspaceFolders: [URI.file(dir)],
  onDidChangeMarkdownDocument: noop,
  onDidCreateMarkdownDocument: noop,
  onDidDeleteMarkdownDocument: noop,
  async getAllMarkdownDocuments() {
    return walk(dir).map(open);
  },
  hasMarkdownDocument: (resource) => docs.has(resource.toString()),
  async openMarkdownDocument(resource) {
    return resource.scheme === 'file' && fs.existsSync(resource.fsPath) ? open(resource.fsPath) : undefined;
  },
  async stat(resource) {
    try {
      return { isDirectory: fs.statSync(resource.fsPath).isDirectory() };
    } catch {
      return undefined;
    }
  },
  async readDirectory(resource) {
    return fs.readdirSync(resource.fsPath, { withFileTypes: true }).map((e) => [e.name, { isDirectory: e.isDirectory() }]);
  },
};

const it = MarkdownIt({ html: true });
const parser = { slugifier: md.githubSlugifier, tokenize: async (doc) => it.parse(doc.getText(), {}) };
const logger = { level: 0, log() {} };
const service = md.createLanguageService({ workspace, parser, logger });
const token = { isCancellationRequested: false, onCancellationRequested: noop };
const results = await service.getWorkspaceSymbols(query, token);
const ms = performance.now() - started;
const found = results.some((r) => r.name.includes(query));
const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
process.stdout.write(JSON.stringify({ ms, found, results: results.length, rssPeakMb: hwm ? Number(hwm[1]) / 1024 : undefined }) + '\n');
service.dispose?.();
process.exit(0);
