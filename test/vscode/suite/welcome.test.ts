// Issue 17: with 0 notes, the notes explorer is empty so that its welcome content (package.json viewsWelcome,
// shown for awsNotes.state == noNotes) offers "Configure Notes Folders" and "Reindex"; a filter that matches
// nothing says so. Runs last (file order): it points notes.paths at a missing folder and restores it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AwsNotesApi } from '../../../client/src/extension';
import { EXTENSION_ID, activateExtension, until } from './helpers';

describe('Helpful empty states (issue 17)', function () {
  this.timeout(90000);
  let api: AwsNotesApi;

  before(async () => {
    await activateExtension();
    api = vscode.extensions.getExtension<AwsNotesApi>(EXTENSION_ID)!.exports;
    await api.indexed();
    assert.strictEqual(await until(() => api.state(), (s) => s === 'ready', 30000), 'ready');
  });

  afterEach(() => api.explorer.setFilter(''));

  it('the manifest contributes the welcome view with both buttons for awsNotes.state == noNotes', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const welcome = (ext.packageJSON.contributes.viewsWelcome as { view: string; contents: string; when: string }[])
      .filter((w) => w.view === 'awsNotes.notesExplorer' && w.when === 'awsNotes.state == noNotes');
    assert.strictEqual(welcome.length, 1);
    // The installed manifest keeps %keys%; the text is in package.nls.json next to it.
    const nls = JSON.parse(fs.readFileSync(path.join(ext.extensionPath, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const text = nls[welcome[0].contents.replace(/%/g, '')] ?? welcome[0].contents;
    assert.match(text, /\(command:awsNotes\.configureNotesFolders\)/);
    assert.match(text, /\(command:awsNotes\.reindex\)/);
  });

  it('a filter with no match: no empty groups, a message instead', async () => {
    api.explorer.setFilter('zzqx-no-such-heading');
    assert.deepStrictEqual(await api.explorer.children(), []);
    assert.match(String(api.explorerMessage()), /zzqx-no-such-heading/);
    api.explorer.setFilter('');
    assert.strictEqual((await api.explorer.children()).length, 2);
    assert.strictEqual(api.explorerMessage(), undefined);
  });

  it('filtered groups count what they show', async () => {
    api.explorer.setFilter('dlq');
    const [byService, byFile] = await api.explorer.children();
    const files = await api.explorer.children(byFile);
    assert.strictEqual(api.explorer.treeItem(byFile).description, `${files.length} files`);
    const services = await api.explorer.children(byService);
    assert.strictEqual(api.explorer.treeItem(byService).description, `${services.length} services`);
    for (const s of services) {
      const shown = (await api.explorer.children(s)).length;
      const description = String(api.explorer.treeItem(s).description);
      const m = /^(\d+) of (\d+) sections$|^(\d+) sections?$/.exec(description);
      assert.ok(m, description);
      assert.strictEqual(Number(m![1] ?? m![3]), shown, `${description} but ${shown} shown`);
    }
  });

  it('0 notes: the explorer is empty (welcome view), the state says noNotes; back to ready when notes return', async () => {
    const cfg = vscode.workspace.getConfiguration('awsNotes');
    await cfg.update('notes.paths', ['no-such-notes-folder'], vscode.ConfigurationTarget.Workspace);
    try {
      assert.strictEqual(await until(() => api.state(), (s) => s === 'noNotes', 30000), 'noNotes');
      const stats = await api.indexed();
      assert.strictEqual(stats.files, 0);
      assert.deepStrictEqual(await until(() => api.explorer.children(), (c) => c.length === 0, 10000), []);
      // No "No notes indexed yet" message over the welcome content.
      assert.strictEqual(api.explorerMessage(), undefined);
      assert.match(api.statusText(), /^\$\(book\) 0 notes · 0 sections$/);
    } finally {
      await cfg.update('notes.paths', undefined, vscode.ConfigurationTarget.Workspace);
    }
    assert.strictEqual(await until(() => api.state(), (s) => s === 'ready', 30000), 'ready');
    assert.strictEqual((await until(() => api.explorer.children(), (c) => c.length === 2, 10000)).length, 2);
  });
});
