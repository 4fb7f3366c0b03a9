// Bundles the VS Code client, the language server, its scan worker and the CLI with esbuild (CommonJS, Node 20).
// `npm run build` writes readable bundles with source maps to dist/; scripts/package.mjs calls `bundle` for the
// minified .vsix build, so both always ship the same entry points.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const ENTRIES = {
  client: 'client/src/extension.ts',
  // dist/server.js (what the client and bin/aws-notes-ls.js start) compiles dist/serverMain.js with a V8 code cache.
  server: 'server/src/node/codeCacheLoader.ts',
  serverMain: 'server/src/node/main.ts',
  cli: 'server/src/node/cli.ts',
  scanWorker: 'server/src/node/scanWorker.ts',
};

// shared/protocol.ts builds its typed messages with vscode-languageserver-protocol, which vscode-languageserver pins
// at another version than the client's: the server's bundles take vscode-languageserver's copy, so they carry one
// protocol + vscode-jsonrpc, not two (~105 KB minified). The API used there (message type classes) is the same.
const serverProtocol = {
  name: 'server-protocol',
  setup(b) {
    const require = createRequire(import.meta.url);
    const own = createRequire(require.resolve('vscode-languageserver')).resolve('vscode-languageserver-protocol');
    b.onResolve({ filter: /^vscode-languageserver-protocol$/ }, () => ({ path: own }));
  },
};

export async function bundle({ outdir = path.join(ROOT, 'dist'), minify = false, sourcemap = true } = {}) {
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify, sourcemap, logLevel: 'warning', absWorkingDir: ROOT };
  if (minify) common.legalComments = 'none';
  const { client, ...node } = ENTRIES;
  await Promise.all([
    build({ ...common, entryPoints: { client }, outdir, external: ['vscode'] }),
    build({ ...common, entryPoints: node, outdir, plugins: [serverProtocol] }),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundle({ minify: process.argv.includes('--minify') });
  console.log(`built ${Object.keys(ENTRIES).map((e) => `dist/${e}.js`).join(', ')}`);
}
