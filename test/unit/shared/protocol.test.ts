// The typed protocol (issue 18): the method names are the wire contract other editors use, so they are pinned here;
// every custom request the server handles has a parameter validator; the server's copies of the typed messages
// (built with its own vscode-jsonrpc) keep the names and the number of params.
import * as assert from 'node:assert/strict';
import type { BaseLanguageClient } from 'vscode-languageclient/node';
import type { Connection } from 'vscode-languageserver/node';
import { validatorFor } from '../../../server/src/node/paramValidators';
import * as Server from '../../../server/src/node/protocolTypes';
import { Notifications, Requests } from '../../../shared/protocol';

describe('shared protocol (typed requests and notifications)', () => {
  it('keeps every method name on the wire', () => {
    const requests = Object.fromEntries(Object.entries(Requests).map(([k, t]) => [k, t.method]));
    assert.deepEqual(requests, {
      reindex: 'awsNotes/reindex',
      stats: 'awsNotes/stats',
      searchSections: 'awsNotes/searchSections',
      convert: 'awsNotes/convert',
      servicesInNotes: 'awsNotes/servicesInNotes',
      sectionsForService: 'awsNotes/sectionsForService',
      notesOutline: 'awsNotes/notesOutline',
      equivalents: 'awsNotes/equivalents',
      resolveSection: 'awsNotes/resolveSection',
    });
    const notifications = Object.fromEntries(Object.entries(Notifications).map(([k, t]) => [k, t.method]));
    assert.deepEqual(notifications, { indexed: 'awsNotes/indexed', headingsIndexed: 'awsNotes/headingsIndexed', workspaceTrusted: 'awsNotes/workspaceTrusted' });
  });

  it('parameterless messages send no params; the others send one object', () => {
    const none = ['reindex', 'stats', 'servicesInNotes', 'notesOutline'];
    for (const [key, t] of Object.entries(Requests)) assert.equal(t.numberOfParams, none.includes(key) ? 0 : 1, key);
    assert.equal(Notifications.workspaceTrusted.numberOfParams, 0);
    assert.equal(Notifications.indexed.numberOfParams, 1);
  });

  it("the server's copies have the same names, kinds and parameter structures, built with the server's classes", () => {
    for (const table of [
      [Requests, Server.Requests],
      [Notifications, Server.Notifications],
    ] as const) {
      assert.deepEqual(Object.keys(table[1]), Object.keys(table[0]));
      for (const [key, shared] of Object.entries(table[0])) {
        const local = (table[1] as Record<string, typeof shared>)[key];
        assert.equal(local.method, shared.method);
        assert.equal(local.numberOfParams, shared.numberOfParams);
        assert.equal(local.parameterStructures.toString(), shared.parameterStructures.toString());
        assert.equal(local.constructor.name, shared.constructor.name, key);
        // Not the client's object: the server's vscode-jsonrpc compares parameter structures by identity.
        assert.notEqual(local, shared);
      }
    }
  });

  it('every custom request and the one incoming notification has a validator that refuses wrong params', () => {
    for (const t of [...Object.values(Requests), Notifications.workspaceTrusted]) assert.ok(validatorFor(t.method), `${t.method} has a validator`);
    const search = validatorFor(Requests.searchSections.method)!;
    assert.equal(search({ query: 'SQS', limit: 5 }), undefined);
    assert.match(search({ query: 1 }) ?? '', /query must be a string/);
    const resolve = validatorFor(Requests.resolveSection.method)!;
    assert.equal(resolve({ uri: 'file:///n.md', line: 3 }), undefined);
    assert.match(resolve({ uri: 'file:///n.md', line: -1 }) ?? '', /line must be a non-negative integer/);
    assert.equal(validatorFor(Requests.stats.method)!(undefined), undefined);
    assert.match(validatorFor(Requests.stats.method)!({ x: 1 }) ?? '', /must be empty/);
    assert.equal(validatorFor('awsNotes/nonexistent'), undefined);
  });
});

// Compile-time checks (`npm run typecheck`): each marked line must fail to compile, else tsc reports the unused
// expect-error directive. Never called: the types are the test.
export async function wrongUsesDoNotCompile(client: BaseLanguageClient, connection: Connection): Promise<void> {
  // @ts-expect-error the query must be a string
  await client.sendRequest(Requests.searchSections, { query: 1 });
  // @ts-expect-error stats answers Stats, not a string
  const answer: string = await client.sendRequest(Requests.stats);
  void answer;
  // @ts-expect-error a convert handler must answer todos too
  connection.onRequest(Server.Requests.convert, ({ uri }) => ({ hcl: uri }));
  // @ts-expect-error resolveSection's params have no such field
  connection.onRequest(Server.Requests.resolveSection, ({ nope }) => nope);
  // @ts-expect-error the indexed notification carries Stats
  connection.sendNotification(Server.Notifications.indexed, { files: 1 });
}
