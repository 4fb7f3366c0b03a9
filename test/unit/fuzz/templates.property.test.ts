// Templates and Terraform files are untrusted too: hostile YAML/JSON (alias bombs, 100k-deep nesting, half-typed
// text) and HCL (unterminated strings, heredocs, templates) never throw, never hang, keep ranges in bounds.
// Completes test/unit/core/syntax/template/parseTemplate.property.test.ts and test/unit/core/syntax/hcl/hclReader.property.test.ts.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTemplate, type CfnNode, type CfnTemplate } from '../../../server/src/core/syntax/template';
import { allBlocks, readHcl } from '../../../server/src/core/syntax/hcl/hclReader';
import { ALIAS_BOMB, hclish, templateish } from './generators';
import { HANG_MS, params } from './params';

function timed<T>(what: string, run: () => T, bound = HANG_MS): T {
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  assert.ok(ms < bound, `${what} took ${Math.round(ms)} ms`);
  return result;
}

function assertTemplateInBounds(t: CfnTemplate): void {
  const n = t.text.length;
  const check = (r: { start: number; end: number } | undefined, what: string) => {
    if (r) assert.ok(r.start >= 0 && r.start <= r.end && r.end <= n, `${what} ${JSON.stringify(r)} in ${n}`);
  };
  const stack: (CfnNode | undefined)[] = [t.root];
  while (stack.length) {
    const node = stack.pop();
    if (!node) continue;
    check(node.range, 'node');
    if (node.kind === 'mapping') for (const p of node.pairs) { check(p.keyRange, 'key'); stack.push(p.value); }
    if (node.kind === 'sequence') stack.push(...node.items);
  }
  for (const i of t.intrinsics) check(i.range, 'intrinsic');
  for (const r of t.resources) check(r.typeRange, 'type');
}

describe('templates and HCL: hostile input properties', function () {
  this.timeout(60000);

  it('template model: never throws on template-ish YAML and JSON, ranges in bounds', () => {
    fc.assert(
      fc.property(templateish(), fc.constantFrom('yaml', 'json') as fc.Arbitrary<'yaml' | 'json'>, (text, format) => {
        assertTemplateInBounds(timed('parseTemplate', () => parseTemplate(text, format)));
      }),
      params(200),
    );
  });

  it('template model: alias bombs, 100k-deep JSON and YAML flow nesting parse in bounded time', () => {
    for (const [text, format] of [
      [ALIAS_BOMB, 'yaml'],
      ['{"Resources":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}', 'json'],
      ['{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000), 'json'],
      ['Resources: ' + '['.repeat(50_000), 'yaml'],
      ['Resources:\n' + Array.from({ length: 2000 }, (_, i) => ' '.repeat(i + 2) + `k${i}:`).join('\n'), 'yaml'],
    ] as const) {
      assertTemplateInBounds(timed(`${format} ${text.slice(0, 20)}`, () => parseTemplate(text, format), 3 * HANG_MS));
    }
  });

  it('HCL reader: unterminated strings, heredocs and templates end safely, ranges in bounds', () => {
    fc.assert(
      fc.property(hclish(), (text) => {
        const file = timed('readHcl', () => readHcl(text));
        for (const t of file.tokens) assert.ok(t.start >= 0 && t.start <= t.end && t.end <= text.length);
        for (const b of allBlocks(file.body)) assert.ok(b.start >= 0 && b.start <= b.end && b.end <= text.length);
      }),
      params(300),
    );
    for (const text of [
      'resource "aws_sqs_queue" "q" {\n  name = "unterminated\n}\n'.repeat(2000),
      'locals {\n  x = <<EOF\n' + 'line ${\n'.repeat(20_000),
      'x = "' + '${'.repeat(50_000),
      '{'.repeat(100_000),
      '/*' + ' comment'.repeat(100_000),
    ]) timed(`readHcl ${JSON.stringify(text.slice(0, 20))}`, () => readHcl(text), 3 * HANG_MS);
  });
});
