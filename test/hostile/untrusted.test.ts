// Notes are untrusted input (DESIGN.md): hover Markdown built from a malicious note, through the real server,
// has no executable link other than `command:awsNotes.openSection?...` whose arguments decode to a note the
// server indexed; everything else from the note is shown as text, and nothing remote is loaded.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestClient } from '../helpers/lspClient';
import { openSectionArgs, renderedTargets, unsafeTargets } from '../unit/fuzz/markdownOracle';
import { cleanup, makeWorkspace, startClient } from './helpers';

const OPEN_FAKE = `command:awsNotes.openSection?${encodeURIComponent(JSON.stringify([{ uri: 'file:///etc/passwd', line: 0 }]))}`;

export const MALICIOUS_NOTE = `# 悪意のある SQS ノート [見出しのリンク](command:workbench.action.terminal.new) <command:workbench.action.quit>

## SQS の罠 [x](${OPEN_FAKE}) &#91;y&#93;(command:z)

SQS の説明は [ここ](command:workbench.action.terminal.new) と [これ](javascript:alert(1)) と [データ](data:text/html;base64,PHNjcmlwdD4=) にある。
生の HTML: <img src="https://tracker.example/pixel.gif"> <script>alert(1)</script> <a href="command:x">a</a>
リモート画像: ![追跡ピクセル](https://tracker.example/x.png) と ![a](https://t.example/p.png)(command:evil)
参照リンク: [参照][evil] と [evil] と autolink <command:workbench.action.quit>
エンティティ: [e](&#99;ommand:workbench.action.quit) と [f](&#x63;ommand:x)
リンクテキストに ](command:...) : [text ](command:evil) more](https://ok.example)
入れ子の括弧: [a [b](command:x) c](https://ok.example) と [[n]](command:y)
偽の Open Section: [開く](${OPEN_FAKE}) と <${OPEN_FAKE}>
脚注[^1]
安全なリンク: [SQS docs](https://docs.aws.amazon.com/sqs/)

[evil]: command:workbench.action.quit
[^1]: command:workbench.action.quit

\`\`\`\`yaml
Resources:
  Q:
    Type: AWS::SQS::Queue
\`\`\`
[コード外?](command:after-fence)
\`\`\`\`
`;

describe('untrusted notes in hovers, through the server', function () {
  this.timeout(30000);
  let root: string;
  let ws: string;
  let client: TestClient;
  let hover: string;
  let noteUris: Set<string>;

  before(async () => {
    const w = makeWorkspace('untrusted');
    root = w.root;
    ws = w.ws;
    fs.writeFileSync(path.join(w.notes, 'malicious.md'), MALICIOUS_NOTE);
    // a file name that is Markdown itself shows up in the breadcrumb
    fs.writeFileSync(path.join(w.notes, '[n](command:evil) <b>.md'), '# SQS のファイル名\n\nSQS のメモ\n');
    client = await startClient('malicious notes', { workspace: ws, settings: { hover: { maxSections: 10 } } });
    noteUris = new Set(['good.md', 'malicious.md', '[n](command:evil) <b>.md'].map((f) => pathToFileURL(path.join(w.notes, f)).href));
    const text = 'import boto3\nsqs = boto3.client("sqs")  # SQS\n';
    const uri = client.open('worker.py', 'python', text);
    hover = (await client.hoverText(uri, client.positionOf(text, '# SQS', 3)))!;
  });

  after(async () => {
    await client.stop();
    cleanup(root);
  });

  it('hovers with the malicious sections (so the test looks at them)', () => {
    assert.match(hover, /悪意のある SQS ノート/);
    assert.match(hover, /SQS の罠/);
    assert.match(hover, /SQS のファイル名/);
  });

  it('has no executable link but Open Section links to indexed notes (markdown-it and marked)', () => {
    assert.deepEqual(unsafeTargets(hover, noteUris), [], hover);
    const links = renderedTargets(hover).filter((t) => t.kind === 'link');
    const open = links.filter((l) => openSectionArgs(l.value));
    assert.ok(open.length >= 3, JSON.stringify(links));
    for (const l of open) assert.ok(noteUris.has(openSectionArgs(l.value)!.uri), l.value);
    assert.ok(!open.some((l) => openSectionArgs(l.value)!.uri === 'file:///etc/passwd'));
  });

  it('loads nothing remote and passes no HTML', () => {
    assert.deepEqual(renderedTargets(hover).filter((t) => t.kind !== 'link'), []);
    assert.doesNotMatch(hover, /<img|<script|<a href/);
  });

  it('shows command: links, HTML and images as text', () => {
    assert.match(hover, /ここ/);
    assert.match(hover, /これ/);
    assert.match(hover, /&lt;img src/);
    assert.match(hover, /&#91;追跡ピクセル&#93;/);
    assert.match(hover, /見出しのリンク/, 'heading with a command link in the breadcrumb');
    // the safe link stays a link
    assert.ok(renderedTargets(hover).some((t) => t.value === 'https://docs.aws.amazon.com/sqs/'));
  });

  it('the fuzzy term hover (hitsForTerm) and code-block completions are just as safe', async () => {
    const text = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    \n';
    const uri = client.open('template.yaml', 'yaml', text);
    const value = await client.hoverText(uri, client.positionOf(text, 'SQS'));
    assert.deepEqual(unsafeTargets(value ?? '', noteUris), []);
    const completion = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 0 } })) as
      { items?: { documentation?: { value: string } }[] } | { documentation?: { value: string } }[] | null;
    const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
    for (const item of items) if (item.documentation?.value) assert.deepEqual(unsafeTargets(item.documentation.value, noteUris), [], item.documentation.value);
  });
});
