// toUri's fast path (plain POSIX paths) must give exactly what pathToFileURL gives.
import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { toUri } from '../../../server/src/node/uris';

describe('toUri', () => {
  it('equals pathToFileURL for plain and unusual paths', () => {
    const paths = [
      '/notes/d0000/n000001.md', '/a/.notes/x.md', '/a/b.c/d_e-f~g.md', '/', '/a//b.md', '/a/./b.md', '/a/../b.md', '/a/b/', '/a/..md',
      '/a/.../b.md', '/ノート/x.md', '/a b/c.md', '/a/%41.md', '/a/#x.md', '/a/?.md', '/a/x.md.', '/.', '/..', '/a/b/.',
    ];
    for (const p of paths) assert.equal(toUri(p), pathToFileURL(p).href, p);
  });
});
