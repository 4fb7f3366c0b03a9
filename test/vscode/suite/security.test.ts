// Notes are untrusted input, in the real editor: a malicious note written into the workspace at run time
// (and deleted after) is hovered through vscode.executeHoverProvider. The hover's Markdown has no executable
// link but Open Section links to notes of this workspace, no image, no HTML, and the MarkdownString the editor
// renders trusts only the awsNotes.openSection command and no HTML.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateExtension, hoverUntil, hovers, open, positionOf, sectionLinks, workspaceRoot, wsUri } from './helpers';

const token = `SECURITYNOTE${Date.now().toString(36).toUpperCase()}`;
const rel = `notes/messaging/zz-malicious-${token}.md`;
const FAKE_OPEN = `command:awsNotes.openSection?${encodeURIComponent(JSON.stringify([{ uri: 'file:///etc/passwd', line: 0 }]))}`;

const MALICIOUS = [
  `# SQS の罠 ${token} [見出し](command:workbench.action.terminal.new)`,
  '',
  'SQS の説明は [ここ](command:workbench.action.terminal.new) と [これ](javascript:alert(1)) と [d](data:text/html,x) にある。',
  '<img src="https://tracker.example/p.gif"> <script>alert(1)</script> ![pixel](https://tracker.example/x.png)',
  '[参照][evil] <command:workbench.action.quit> [e](&#99;ommand:workbench.action.quit) [t ](command:x) y](https://ok.example)',
  `![a](https://t.example/p.png)(command:evil) [偽物](${FAKE_OPEN}) 脚注[^1]`,
  '',
  '[evil]: command:workbench.action.quit',
  '[^1]: command:workbench.action.quit',
  '',
].join('\n');

/** Every link target in Markdown source: inline `](target)` and autolinks `<scheme:...>`. */
function targets(markdown: string): string[] {
  const out: string[] = [];
  for (const m of markdown.matchAll(/\]\(\s*<?([^)\s>]*)/g)) out.push(m[1]);
  for (const m of markdown.matchAll(/<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>/g)) out.push(m[1]);
  return out;
}

describe('Untrusted notes in hovers (real editor)', function () {
  this.timeout(90000);
  let text = '';
  let raw: readonly vscode.Hover[] = [];

  before(async () => {
    await activateExtension();
    const t = await open('infra/template.yaml');
    const pos = positionOf(t, 'pipeline - SQS queue', 'SQS');
    await hoverUntil(t.uri, pos, (x) => sectionLinks(x).length > 0, 60000);
    fs.writeFileSync(wsUri(rel).fsPath, MALICIOUS, 'utf8');
    text = await hoverUntil(t.uri, pos, (x) => x.includes(token), 15000);
    raw = await hovers(t.uri, pos);
  });
  // The next suites rank SQS sections: they must not see this note half-removed (ranked first, then refused).
  after(async () => {
    fs.rmSync(wsUri(rel).fsPath, { force: true });
    const t = await open('infra/template.yaml');
    const gone = await hoverUntil(t.uri, positionOf(t, 'pipeline - SQS queue', 'SQS'), (x) => !x.includes(token) && sectionLinks(x).length > 0, 15000);
    assert.ok(!gone.includes(token), `the deleted malicious note is still in the hover:\n${gone}`);
  });

  it('the malicious note is in the hover (so the checks below look at it)', () => {
    assert.ok(text.includes(token), `malicious note not in hover:\n${text}`);
    assert.ok(text.includes('ここ') && text.includes('これ'), `link texts should be shown as text:\n${text}`);
  });

  it('the only command links are Open Section links to notes of this workspace', async () => {
    const root = workspaceRoot().toString();
    for (const target of targets(text)) {
      if (/^(https?:|mailto:)/i.test(target)) continue;
      assert.ok(target.startsWith('command:awsNotes.openSection?'), `executable link ${target} in hover:\n${text}`);
    }
    const links = sectionLinks(text);
    assert.ok(links.length > 0);
    for (const l of links) {
      assert.ok(l.uri.startsWith(root), `Open Section outside the workspace: ${l.uri}`);
      await vscode.workspace.fs.stat(vscode.Uri.parse(l.uri)); // exists
    }
    assert.ok(!links.some((l) => l.uri === 'file:///etc/passwd'));
  });

  it('no image, no HTML, no reference definition reaches the editor', () => {
    assert.ok(!/!\[/.test(text), 'image syntax in hover');
    assert.ok(!/<img|<script|<a /i.test(text), 'raw HTML in hover');
    assert.ok(!/^\s*(>\s*)*\[[^\]]+\]:/m.test(text), 'a link reference definition in hover');
  });

  it('the editor renders it trusting only awsNotes.openSection, without HTML', () => {
    const strings = raw.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
    const ours = strings.filter((s) => s.value.includes(token));
    assert.ok(ours.length > 0, 'our hover is a MarkdownString');
    for (const s of ours) {
      assert.ok(!s.supportHtml, 'supportHtml must be off');
      const trusted = s.isTrusted;
      assert.ok(trusted !== true, 'isTrusted must not be true (every command would run)');
      if (trusted) assert.deepStrictEqual(trusted.enabledCommands, ['awsNotes.openSection']);
    }
  });
});
