// The layering the code relies on, checked on every import (issue 18): the core is pure (no VS Code, no Node, no
// LSP connection); the layers features build on (syntax, text, data, knowledge, recognize, notes, present) never
// reach up into a feature or the converter; features (one folder per language) never import each other; the core's
// folders form no cycle; the client shares code with the server only through shared/ (the protocol, NFKC search
// keys, template detection).
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

/** The layers, lowest first: each may import the ones before it. Features sit in one folder per language. */
const LOWER = ['text', 'syntax/markdown', 'syntax/template', 'syntax/hcl', 'syntax', 'data', 'knowledge', 'recognize', 'notes', 'present'];
const FEATURES = ['features/aws', 'features/notes', 'features/cloudformation', 'features/terraform'];

/** The layer a core file belongs to (`features/<language>`, `syntax/<language>`, or the top folder); none for the core's root files. */
function layerOf(file: string): string | undefined {
  const parts = path.relative(CORE, file).split(path.sep);
  if (parts[0] === '..' || parts.length < 2) return undefined;
  return (parts[0] === 'features' || parts[0] === 'syntax') && parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** The folders on some import cycle (empty when the graph is acyclic). */
function folderCycle(edges: Map<string, Set<string>>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const onCycle = new Set<string>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') stack.slice(stack.indexOf(next)).forEach((n) => onCycle.add(n));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return [...onCycle];
}

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

  it('the layers below the features import only layers below them (never a feature or the converter)', () => {
    const found = violations(sources(CORE).filter((f) => LOWER.includes(layerOf(f) ?? '')), (_spec, resolved, file) => {
      const to = resolved ? layerOf(resolved) : undefined;
      return !!to && LOWER.indexOf(to) > LOWER.indexOf(layerOf(file)!) || (!!to && !LOWER.includes(to));
    });
    assert.ok(sources(path.join(CORE, 'syntax')).length > 10, 'the layers exist');
    assert.deepEqual(found, []);
  });

  it('a feature never imports another feature, and the converter imports none', () => {
    const found = violations(sources(CORE), (_spec, resolved, file) => {
      const from = layerOf(file);
      const to = resolved ? layerOf(resolved) : undefined;
      if (!from || !to || from === to || !to.startsWith('features/')) return false;
      return from.startsWith('features/') || from === 'convert';
    });
    assert.ok(FEATURES.every((f) => sources(path.join(CORE, f)).length >= 3), 'every language has its features');
    assert.deepEqual(found, []);
  });

  it('syntax/ (the parsers) imports nothing of the core but text/', () => {
    const found = violations(sources(path.join(CORE, 'syntax')), (_spec, resolved) => {
      const to = resolved ? layerOf(resolved) : undefined;
      return !!to && to !== 'syntax' && !to.startsWith('syntax/') && to !== 'text';
    });
    assert.deepEqual(found, []);
  });

  it('the folders of the core import each other without a cycle', () => {
    const edges = new Map<string, Set<string>>();
    for (const file of sources(CORE)) {
      const from = layerOf(file);
      if (!from) continue;
      for (const spec of specifiers(fs.readFileSync(file, 'utf8'))) {
        const to = spec.startsWith('.') ? layerOf(path.resolve(path.dirname(file), spec)) : undefined;
        if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    assert.deepEqual(folderCycle(edges), []);
    // Negative control: a cycle is found.
    assert.deepEqual(folderCycle(new Map([['a', new Set(['b'])], ['b', new Set(['a'])]])).sort(), ['a', 'b']);
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

  it('no two files of the core import each other, directly or around a circle (type-only imports aside)', () => {
    const edges = new Map<string, Set<string>>();
    for (const file of sources(CORE)) {
      const text = fs.readFileSync(file, 'utf8');
      // Value imports only: `import type` is erased and cannot make a module wait for another.
      const specs = [...text.matchAll(/^\s*(?:import|export)\s(?!type\s)[^'";]*?from\s+['"](\.[^'"]+)['"]/gm)].map((m) => m[1]);
      const to = new Set<string>();
      for (const spec of specs) {
        const base = path.resolve(path.dirname(file), spec);
        const target = [base + '.ts', path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
        if (target) to.add(rel(target));
      }
      edges.set(rel(file), to);
    }
    assert.ok(edges.size > 100, 'the core is read');
    assert.deepEqual(folderCycle(edges), []);
  });

  it('negative: the layer of a file is read from its folder', () => {
    assert.equal(layerOf(path.join(CORE, 'features', 'terraform', 'hover.ts')), 'features/terraform');
    assert.equal(layerOf(path.join(CORE, 'syntax', 'hcl', 'hclReader.ts')), 'syntax/hcl');
    assert.equal(layerOf(path.join(CORE, 'syntax', 'documents.ts')), 'syntax');
    assert.equal(layerOf(path.join(CORE, 'knowledge', 'types.ts')), 'knowledge');
    assert.equal(layerOf(path.join(CORE, 'languageService.ts')), undefined);
    assert.equal(layerOf(path.join(ROOT, 'server', 'src', 'node', 'server.ts')), undefined);
  });
});
