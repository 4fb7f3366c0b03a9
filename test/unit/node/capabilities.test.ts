// What the server reads from a client's capabilities: the completion item defaults it may use (issue 16).
import * as assert from 'node:assert/strict';
import type { InitializeParams } from 'vscode-languageserver/node';
import { clientCapabilities } from '../../../server/src/node/capabilities';

const withItemDefaults = (itemDefaults: unknown) =>
  clientCapabilities({ capabilities: { textDocument: { completion: { completionList: { itemDefaults } } } } } as unknown as InitializeParams);

describe('node/capabilities', () => {
  it('the completion item defaults VS Code declares are the ones used', () => {
    const caps = withItemDefaults(['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data']);
    assert.deepEqual([...caps.completionItemDefaults].sort(), ['commitCharacters', 'data', 'editRange', 'insertTextFormat', 'insertTextMode']);
  });

  it('a client that declares none, or declares them malformed, gets none (and initialize does not fail)', () => {
    assert.equal(clientCapabilities({ capabilities: {} } as InitializeParams).completionItemDefaults.size, 0);
    assert.equal(withItemDefaults(true).completionItemDefaults.size, 0);
    assert.equal(withItemDefaults('editRange').completionItemDefaults.size, 0);
    assert.deepEqual([...withItemDefaults([1, 'data', null]).completionItemDefaults], ['data']);
  });
});
