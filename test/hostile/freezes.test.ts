// Issue 12, "no input freezes the server", end to end: notes that used to block the event loop for seconds (an
// unclosed HTML comment, backtick runs, emphasis closers, `]:` anywhere sending the note to remark) are indexed,
// and hovers keep answering within the bound.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestClient } from '../helpers/lspClient';
import { cleanup, hoverSqs, makeWorkspace, startClient, stats } from './helpers';

describe('hostile notes that used to freeze the server', function () {
  this.timeout(120000);
  let root: string;
  let client: TestClient;

  before(async () => {
    const w = makeWorkspace('hostile-freeze');
    root = w.root;
    const n = (name: string) => path.join(w.notes, name);
    // 800k characters after an unclosed comment (the heading pre-scan took 4.7 s)
    fs.writeFileSync(n('unclosed-comment.md'), '# コメント\n\n## Kinesis メモ\n\n<!--\n' + 'x\n'.repeat(400_000));
    // `]:` in code and mid-line only (used to send the whole note to remark on the main thread), with closers
    fs.writeFileSync(n('colon-bracket.md'), '# 配列\n\n## DynamoDB メモ\n\n```python\nitem = rows[0]: 1\n```\n\nsee m[0]: x\n\n' + 'a* '.repeat(30_000) + '\n');
    // a real definition (remark answers) with backtick runs and emphasis closers
    fs.writeFileSync(n('definition.md'), '[d]: https://example.com\n\n# 定義\n\n## SNS メモ\n\n' + '`a'.repeat(5_000) + '\n\n' + 'a*\n'.repeat(5_000));
    client = await startClient('hostile notes (comment, `]:`, definitions)', { workspace: w.ws });
  });

  after(async () => {
    await client.stop();
    cleanup(root);
  });

  it('indexes them and answers hovers within the bound', async () => {
    assert.equal((await stats(client)).files, 4);
    for (const query of ['Kinesis メモ', 'DynamoDB メモ', 'SNS メモ']) {
      const symbols = (await client.connection.sendRequest('workspace/symbol', { query })) as unknown[];
      assert.equal(symbols.length, 1, query);
    }
    await hoverSqs(client, 'hostile notes (comment, `]:`, definitions)');
    await hoverSqs(client, 'hostile notes, second hover');
  });
});
