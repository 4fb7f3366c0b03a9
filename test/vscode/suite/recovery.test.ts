// Recovery: the client restarts a crashed language server (bounded, without a pop-up: the status item shows
// it), and hovers work again within a bound. The server's pid comes from the awsNotes/stats request.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AwsNotesApi } from '../../../client/src/extension';
import { activateExtension, hoverText, hoverUntil, hovers, open, positionOf, sectionLinks, until } from './helpers';

const SQS = 'Amazon Simple Queue Service';
const RECOVERY_BOUND_MS = 30000;

async function serverPid(api: AwsNotesApi): Promise<number | undefined> {
  const client = api.client();
  if (!client?.isRunning()) return undefined;
  try {
    const stats = await client.sendRequest<{ pid?: number }>('awsNotes/stats');
    return stats?.pid;
  } catch {
    return undefined;
  }
}

describe('Recovery from a crashed language server', function () {
  this.timeout(120000);
  let api: AwsNotesApi;

  before(async () => {
    api = (await activateExtension()).exports as AwsNotesApi;
    const t = await open('infra/template.yaml');
    await hoverUntil(t.uri, positionOf(t, 'pipeline - SQS queue', 'SQS'), (x) => sectionLinks(x).length > 0, 60000);
  });

  it('a killed server is restarted and hovers work again within the bound', async () => {
    const pid = await serverPid(api);
    assert.ok(pid && pid !== process.pid, `no server pid from awsNotes/stats: ${pid}`);
    process.kill(pid!, 'SIGKILL');
    const killed = Date.now();
    await until(() => { try { process.kill(pid!, 0); return false; } catch { return true; } }, (gone) => gone, 5000, 50);

    const t = await open('infra/template.yaml');
    const pos = positionOf(t, 'pipeline - SQS queue', 'SQS');
    const text = await hoverUntil(t.uri, pos, (x) => x.includes(SQS) && sectionLinks(x).length > 0, RECOVERY_BOUND_MS);
    const ms = Date.now() - killed;
    console.log(`[recovery] hovers with notes again ${ms} ms after SIGKILL`);
    assert.ok(text.includes(SQS) && sectionLinks(text).length > 0, `no hover ${ms} ms after the crash:\n${text}`);

    const next = await until(() => serverPid(api), (p) => !!p, 10000);
    assert.ok(next && next !== pid, `expected a new server process, got ${next} (was ${pid})`);
    // The status item is back to the counts (the restart was shown there, not as a pop-up).
    const status = await until(() => api.statusText(), (s) => !/restarting|再起動/i.test(s), 10000);
    assert.ok(!/restarting|再起動/i.test(status), `status still says: ${status}`);
  });

  it('after the restart, other requests work too (definition, hover)', async () => {
    const t = await open('infra/template.yaml');
    const defs = await until(
      async () => vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', t.uri, positionOf(t, 'pipeline - SQS queue', 'SQS')),
      (d) => (d ?? []).length > 0, 15000);
    assert.ok((defs ?? []).length > 0, 'no definitions after restart');
    const text = hoverText(await hovers(t.uri, positionOf(t, 'pipeline - SQS queue', 'SQS')));
    assert.ok(text.includes(SQS));
  });
});
