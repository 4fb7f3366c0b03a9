// Bundles the VS Code client, the language server and the CLI with esbuild (CommonJS, Node 20).
import { build } from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({ ...common, entryPoints: { server: 'server/src/node/main.ts', cli: 'server/src/node/cli.ts', scanWorker: 'server/src/node/scanWorker.ts' }, outdir: 'dist' }),
]);
if (!watch) console.log('built dist/client.js, dist/server.js, dist/cli.js, dist/scanWorker.js');
