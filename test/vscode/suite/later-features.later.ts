// Tests of behaviour that is not implemented yet or not reliable yet (see test-results/FOR-LEAD.md).
// Not part of the default run; enable with AWS_NOTES_TEST_LATER=1 (all) or AWS_NOTES_TEST_LATER=only.
// When it is fixed, move the test to a *.test.ts file so it joins the default run.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, hoverUntil, open, positionOf, sectionLinks, wsUri } from './helpers';

describe('[later] known gaps', function () {
  this.timeout(90000);
  let template: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    template = await open('infra/template.yaml');
    await hoverUntil(template.uri, positionOf(template, 'pipeline - SQS queue', 'SQS'), (t) => sectionLinks(t).length > 0, 60000);
  });

  it('a note created together with a new folder appears in hovers (watcher race)', async () => {
    // Observed once in test:vscode: notes/live/ + a note in it written at once -> not in the hover
    // after 10 s (another run: 0.5 s). The glob watcher can miss files created inside a folder that
    // did not exist a moment ago; rescanning a folder on its creation event would close the gap.
    const token = `NEWDIR${Date.now().toString(36).toUpperCase()}`;
    const file = wsUri(`notes/new-folder-${token}/sns.md`).fsPath;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `# SNS の再試行 ${token}\n\nSNS の配信再試行ポリシーのメモ ${token}。\n`, 'utf8');
    try {
      const pos = positionOf(template, 'fan out with SNS', 'SNS');
      const text = await hoverUntil(template.uri, pos, (t) => t.includes(token), 5000);
      assert.ok(text.includes(token), `note in new folder not in hover:\n${text}`);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
