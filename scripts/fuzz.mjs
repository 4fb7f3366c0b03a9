#!/usr/bin/env node
// `npm run fuzz [-- --seed N] [-- --runs N] [-- --grep RE]`: the property tests of test/unit/fuzz (note parser,
// service recogniser, sanitiser, template model, HCL reader, and real hovers over generated hostile notes and
// templates rendered by marked 14 and markdown-it) with a RANDOM seed and many runs. `npm test` runs
// the same properties with a fixed seed and few runs. A failure prints fast-check's counterexample and the seed
// to reproduce it: `npm run fuzz -- --seed <seed> --runs <runs>`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const seed = option('seed', String(Math.floor(Math.random() * 2 ** 31)));
const runs = option('runs', '3000');
const grep = option('grep', undefined);

console.log(`fuzz: seed ${seed}, ${runs} runs per property`);
const mocha = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');
const result = spawnSync(
  process.execPath,
  [mocha, '--no-config', '--require', 'tsx/cjs', '--extension', 'ts', '--ui', 'bdd', '--reporter', 'spec', '--timeout', '0',
    ...(grep ? ['--grep', grep] : []), 'test/unit/fuzz/**/*.test.ts'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs } },
);
if (result.status !== 0) console.log(`fuzz: FAILED; reproduce with: npm run fuzz -- --seed ${seed} --runs ${runs}`);
process.exit(result.status ?? 1);
