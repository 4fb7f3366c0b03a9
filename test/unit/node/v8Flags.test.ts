// The server's V8 flags are all set before the bundle is compiled with the code cache (V8 accepts a cache only under
// the flags it was made with: a flag first set later made every next start reject the cache written after it).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SERVER_V8_FLAGS } from '../../../server/src/node/v8Flags';

const NODE_DIR = path.resolve(__dirname, '../../../server/src/node');
const source = (file: string) => fs.readFileSync(path.join(NODE_DIR, file), 'utf8');

describe('v8Flags', () => {
  it('every flag the server sets anywhere is one of SERVER_V8_FLAGS', () => {
    const set = new Set<string>();
    for (const file of fs.readdirSync(NODE_DIR).filter((f) => f.endsWith('.ts') && f !== 'v8Flags.ts')) {
      for (const m of source(file).matchAll(/setFlagsFromString\(\s*'([^']+)'/g)) set.add(m[1]);
    }
    assert.ok(set.has('--expose-gc'), 'the scan worker and the crawl expose gc');
    for (const flag of set) assert.ok(SERVER_V8_FLAGS.includes(flag), `${flag} is set late but not before compiling`);
  });

  it('the code-cache loader sets them before compiling the bundle', () => {
    const loader = source('codeCacheLoader.ts');
    const setAt = loader.indexOf('setServerV8Flags();');
    assert.ok(setAt > 0);
    assert.ok(setAt < loader.indexOf('new vm.Script('), 'set before the compile that reads the cache');
  });
});
