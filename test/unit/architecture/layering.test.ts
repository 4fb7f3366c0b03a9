// The layering the code relies on, checked on every import (issue 18): the core is pure (no VS Code, no Node, no
// LSP connection); the layers features build on (text, data, knowledge, recognize, notes, markdown) never reach up
// into a feature (features, cfn, terraform, convert); the client shares code with the server only through shared/
// (the protocol, NFKC search keys, template detection).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORE = path.join(ROOT, 'server', 'src', 'core');

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : /\.(ts|mts|js|mjs)$/.test(e.name) ? [full] : [];
  });
}

/** Every module specifier a file imports or re-exports (static, dynamic and require). */
export function specifiers(text: string): string[] {
  const out: string[] = [];
  const patterns = [/^\s*(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]/gm, /^\s*import\s+['"]([^'"]+)['"]/gm, /\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const p of patterns) for (const m of text.matchAll(p)) out.push(m[1]);
  return out;
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

function violations(files: string[], bad: (spec: string, resolved: string | undefined, file: string) => boolean): string[] {
  const found: string[] = [];
  for (const file of files) {
    for (const spec of specifiers(fs.readFileSync(file, 'utf8'))) {
      const resolved = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : undefined;
      if (bad(spec, resolved, file)) found.push(`${rel(file)} imports ${spec}`);
    }
  }
  return found;
}

const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'url', 'util', 'events', 'stream', 'net', 'http', 'https', 'zlib', 'readline', 'process', 'buffer', 'assert', 'perf_hooks', 'v8', 'vm']);
const PURE_PACKAGES = /^(vscode-languageserver-types|vscode-languageserver-textdocument|vscode-uri)(\/|$)/;
/** shared/ may build typed messages with the protocol package's root (pure) entry, and nothing else of VS Code's. */
const SHARED_PACKAGES = /^vscode-languageserver-protocol$/;

describe('layering (import rules)', () => {
  it('the specifier reader sees every form of import', () => {
    const text = "import a from './a';\nimport type { B } from \"../b\";\nexport { c } from './c';\nimport './side';\nconst d = require('d');\nawait import('e');\n";
    assert.deepEqual(specifiers(text).sort(), ['../b', './a', './c', './side', 'd', 'e']);
  });

  it('the core imports neither VS Code, nor Node, nor the LSP connection', () => {
    const found = violations(sources(CORE), (spec) => {
      if (spec.startsWith('.')) return false;
      if (spec.startsWith('node:') || NODE_BUILTINS.has(spec)) return true;
      return /^vscode($|-)/.test(spec) && !PURE_PACKAGES.test(spec);
    });
    assert.deepEqual(found, []);
  });

  it('the layers below the features never import a feature', () => {
    const lower = ['text', 'data', 'knowledge', 'recognize', 'notes', 'markdown'];
    const features = ['features', 'cfn', 'terraform', 'convert'].map((d) => path.join(CORE, d) + path.sep);
    const files = lower.flatMap((d) => sources(path.join(CORE, d)));
    assert.ok(files.length > 20, 'the layers exist');
    const found = violations(files, (_spec, resolved) => !!resolved && features.some((f) => resolved.startsWith(f)));
    assert.deepEqual(found, []);
  });

  it('the client imports no server code, and shared/ imports neither (nor VS Code or Node)', () => {
    const server = path.join(ROOT, 'server') + path.sep;
    const client = path.join(ROOT, 'client') + path.sep;
    const clientFiles = sources(path.join(ROOT, 'client', 'src'));
    assert.ok(clientFiles.length > 5, 'the client exists');
    assert.deepEqual(violations(clientFiles, (_spec, resolved) => !!resolved && resolved.startsWith(server)), []);
    const sharedFiles = sources(path.join(ROOT, 'shared'));
    assert.ok(sharedFiles.length >= 3, 'shared/ exists');
    const found = violations(sharedFiles, (spec, resolved) =>
      resolved ? resolved.startsWith(server) || resolved.startsWith(client) : spec.startsWith('node:') || NODE_BUILTINS.has(spec) || (/^vscode/.test(spec) && !SHARED_PACKAGES.test(spec)),
    );
    assert.deepEqual(found, []);
  });

  it('the protocol package shared/ may import is pure: its root entry is the common part, which requires no Node and no VS Code', () => {
    // shared/protocol.ts builds its typed messages with vscode-languageserver-protocol; its root entry (not /node or
    // /browser) is lib/common, whose only packages are vscode-jsonrpc's and vscode-languageserver-types' root entries.
    const entry = require.resolve('vscode-languageserver-protocol', { paths: [path.join(ROOT, 'shared')] });
    assert.match(entry.split(path.sep).join('/'), /\/vscode-languageserver-protocol\/lib\/common\/api\.js$/);
    const jsonrpc = require.resolve('vscode-jsonrpc', { paths: [path.dirname(entry)] });
    assert.match(jsonrpc.split(path.sep).join('/'), /\/vscode-jsonrpc\/lib\/common\/api\.js$/);
    const files = [path.dirname(entry), path.dirname(jsonrpc)].flatMap((dir) => sources(dir).filter((f) => f.endsWith('.js')));
    assert.ok(files.length > 20, 'the common parts exist');
    const found = violations(files, (spec) => !spec.startsWith('.') && !/^(vscode-jsonrpc|vscode-languageserver-types)$/.test(spec));
    assert.deepEqual(found, []);
    // Negative: the Node entry is not allowed in shared/ (it pulls in net, child_process, ...).
    assert.equal(SHARED_PACKAGES.test('vscode-languageserver-protocol/node'), false);
    assert.equal(SHARED_PACKAGES.test('vscode-languageserver-protocol'), true);
  });

  it('the node layer reaches the core only through its facade (server/src/core/index.ts)', () => {
    const facade = path.join(CORE, 'index');
    const nodeFiles = sources(path.join(ROOT, 'server', 'src', 'node'));
    assert.ok(nodeFiles.length > 5, 'the node layer exists');
    const isDeep = (resolved: string | undefined) => !!resolved && resolved.startsWith(CORE + path.sep) && resolved !== facade;
    assert.deepEqual(violations(nodeFiles, (_spec, resolved) => isDeep(resolved)), []);
    // Negative control: a deep import is caught, the facade is not.
    assert.equal(isDeep(path.resolve(ROOT, 'server/src/node', '../core/notes/notesIndex')), true);
    assert.equal(isDeep(path.resolve(ROOT, 'server/src/node', '../core')), false);
  });

  it('negative: a feature importing the knowledge layer is fine, the knowledge layer importing a feature is not', () => {
    const knowledgeFile = path.join(CORE, 'knowledge', 'x.ts');
    const featureDirs = [path.join(CORE, 'convert') + path.sep];
    const bad = (spec: string) => featureDirs.some((f) => path.resolve(path.dirname(knowledgeFile), spec).startsWith(f));
    assert.equal(bad('../convert/naming'), true);
    assert.equal(bad('./naming'), false);
  });
});
