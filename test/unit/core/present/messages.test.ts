// The one message catalogue (issue 18): every table has both languages with the same placeholders, and an English
// word or phrase has one Japanese form everywhere (「任意」 and 「省略可」 both said "optional" before).
import * as assert from 'node:assert/strict';
import type { Text } from '../../../../server/src/core/present/l10n';
import * as catalogue from '../../../../server/src/core/present/messages';

const tables = Object.entries(catalogue).filter(([, v]) => typeof v === 'object') as [string, Record<string, Text>][];
const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

describe('message catalogue', () => {
  it('holds the server, feature, CodeLens and CLI tables', () => {
    assert.deepEqual(tables.map(([name]) => name).sort(), ['CLI', 'CM', 'LENS', 'M', 'TM']);
  });

  it('every entry in English and Japanese, with the same placeholders', () => {
    for (const [table, entries] of tables) {
      for (const [key, text] of Object.entries(entries)) {
        assert.ok(text.en.trim() && text.ja.trim(), `${table}.${key}`);
        assert.deepEqual(placeholders(text.ja), placeholders(text.en), `${table}.${key}`);
      }
    }
  });

  it('a lower-case English word or phrase has one Japanese form across the tables', () => {
    const seen = new Map<string, Set<string>>();
    for (const [table, entries] of tables) {
      for (const [key, text] of Object.entries(entries)) {
        if (!/^[a-z][a-z -]*$/.test(text.en)) continue; // words like "optional", "required", "none"; labels may vary
        const forms = seen.get(text.en) ?? new Set<string>();
        forms.add(`${text.ja} (${table}.${key})`);
        seen.set(text.en, forms);
      }
    }
    const drift = [...seen].filter(([, forms]) => new Set([...forms].map((f) => f.replace(/ \(.*\)$/, ''))).size > 1);
    assert.deepEqual(drift.map(([en, forms]) => `${en}: ${[...forms].join(' / ')}`), []);
  });
});
