// Issue 12: which roots are refused (the machine, system folders, the home folder itself) and which files count as
// inside the roots once symlinks are resolved; the note reader refuses anything but a regular file.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { insideRoots, realRoots, refusedRoot } from '../../../server/src/node/noteDiscovery';
import { readNote, readNoteSync } from '../../../server/src/node/noteReader';

describe('note discovery guards', () => {
  let tmp: string;
  before(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-guards-')));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('refuses /, system folders and the home folder itself, by real path; accepts folders inside home', () => {
    assert.equal(refusedRoot('/'), 'root');
    assert.equal(refusedRoot('/proc'), 'system');
    assert.equal(refusedRoot('/proc/self'), 'system');
    assert.equal(refusedRoot('/sys/kernel'), 'system');
    assert.equal(refusedRoot('/dev'), 'system');
    const home = path.join(tmp, 'home');
    fs.mkdirSync(path.join(home, 'notes'), { recursive: true });
    assert.equal(refusedRoot(home, home), 'home');
    assert.equal(refusedRoot(path.join(home, 'notes'), home), undefined);
    fs.symlinkSync('/', path.join(tmp, 'slash'));
    fs.symlinkSync(home, path.join(tmp, 'home-link'));
    assert.equal(refusedRoot(path.join(tmp, 'slash')), 'root');
    assert.equal(refusedRoot(path.join(tmp, 'home-link'), home), 'home');
    // /procfs and /device are not /proc and /dev
    assert.equal(refusedRoot(path.join(tmp, 'procfs')), undefined);
  });

  it('a file is inside the roots only if its real path is', () => {
    const notes = path.join(tmp, 'notes');
    const outside = path.join(tmp, 'outside');
    fs.mkdirSync(notes);
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(notes, 'a.md'), '# a\n');
    fs.writeFileSync(path.join(outside, 'secret.md'), '# s\n');
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(notes, 'link.md'));
    fs.symlinkSync(path.join(notes, 'a.md'), path.join(notes, 'alias.md'));
    const reals = realRoots([{ base: notes, source: notes }]);
    assert.equal(insideRoots(path.join(notes, 'a.md'), reals), true);
    assert.equal(insideRoots(path.join(notes, 'alias.md'), reals), true);
    assert.equal(insideRoots(path.join(notes, 'link.md'), reals), false);
    assert.equal(insideRoots(path.join(notes, 'missing.md'), reals), false);
  });

  it('the reader refuses FIFOs and devices without blocking, and reads regular files', async () => {
    const fifo = path.join(tmp, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    for (const file of [fifo, '/dev/zero', '/dev/null']) {
      const sync = readNoteSync(file, 1024);
      assert.equal(sync.ok, false, file);
      assert.match((sync as { detail: string }).detail, /not a regular file/);
      const async = await readNote(file, 1024);
      assert.equal(async.ok, false, file);
      assert.match((async as { detail: string }).detail, /not a regular file/);
    }
    fs.writeFileSync(path.join(tmp, 'ok.md'), '\uFEFF# ok\n');
    assert.deepEqual(await readNote(path.join(tmp, 'ok.md'), 1024), { ok: true, text: '# ok\n' });
    assert.equal(readNoteSync(path.join(tmp, 'ok.md'), 1024).ok, true);
    fs.writeFileSync(path.join(tmp, 'big.md'), 'x'.repeat(2000));
    assert.equal((await readNote(path.join(tmp, 'big.md'), 1024)).ok, false);
  });
});
