// Every string the client localises with t (client/src/l10n.ts, which follows awsNotes.displayLanguage) and every
// %key% of the manifest has a Japanese form.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

function clientStrings(): string[] {
  const dir = path.join(ROOT, 'client/src');
  const found = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) found.add(m[1].replace(/\\'/g, "'"));
  }
  return [...found];
}

describe('localisation', () => {
  it('the client localises only through t, never vscode.l10n.t (which ignores awsNotes.displayLanguage)', () => {
    const dir = path.join(ROOT, 'client/src');
    const direct = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && /vscode\.l10n\.t\(/.test(fs.readFileSync(path.join(dir, f), 'utf8')));
    assert.deepEqual(direct, []);
  });

  it('every Japanese string of the bundle is used by the client, and none puts a space between Japanese words and a particle', () => {
    const bundle = JSON.parse(read('l10n/bundle.l10n.ja.json')) as Record<string, string>;
    const used = new Set(clientStrings());
    assert.deepEqual(Object.keys(bundle).filter((k) => !used.has(k)), []);
    const ja = JSON.parse(read('package.nls.ja.json')) as Record<string, string>;
    const spaced = [...Object.values(bundle), ...Object.values(ja)].filter((v) => /[\u3040-\u30ff\u4e00-\u9fff] [をにがはでとのへも]/.test(v));
    assert.deepEqual(spaced, []);
  });

  it('every t string of the client is in l10n/bundle.l10n.ja.json', () => {
    const bundle = JSON.parse(read('l10n/bundle.l10n.ja.json')) as Record<string, string>;
    const strings = clientStrings();
    assert.ok(strings.length > 20, `found only ${strings.length} strings`);
    assert.deepEqual(strings.filter((s) => !(s in bundle)), []);
    // placeholders survive translation
    for (const s of strings) {
      const want = (s.match(/\{\d+\}/g) ?? []).sort();
      assert.deepEqual((bundle[s].match(/\{\d+\}/g) ?? []).sort(), want, s);
    }
  });

  it('every %key% of the manifest is in package.nls.json and package.nls.ja.json', () => {
    const keys = [...read('package.json').matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    const en = JSON.parse(read('package.nls.json'));
    const ja = JSON.parse(read('package.nls.ja.json'));
    assert.deepEqual(keys.filter((k) => !(k in en)), []);
    assert.deepEqual(keys.filter((k) => !(k in ja)), []);
  });
});
