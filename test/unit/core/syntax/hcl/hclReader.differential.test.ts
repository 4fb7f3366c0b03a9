// The reader's blocks and attributes agree with HashiCorp's own parser (via @cdktf/hcl2json) on realistic files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { readHcl, type HclBody } from '../../../../../server/src/core/syntax/hcl/hclReader';
import { NETWORK_TF, SERVERLESS_TF } from './corpus';

type Shape = { [key: string]: 'attr' | Shape | Shape[] };

/** The reader's view in hcl2json's layout: attributes as keys, blocks as arrays of bodies under their type and labels. */
function shapeOf(body: HclBody): Shape {
  const out: Shape = {};
  for (const attribute of body.attributes) out[attribute.name.text] = 'attr';
  for (const block of body.blocks) {
    let level: Shape = out;
    const keys = [block.type.text, ...block.labels.map((l) => l.text)];
    keys.slice(0, -1).forEach((key) => {
      level = (level[key] ??= {}) as Shape;
    });
    const last = keys[keys.length - 1];
    ((level[last] ??= []) as Shape[]).push(shapeOf(block.body));
  }
  return out;
}

/** Compares keys level by level; where the reader saw an attribute, any value is accepted. */
function compare(ours: Shape, theirs: Record<string, unknown>, where: string): void {
  assert.deepEqual(Object.keys(ours).sort(), Object.keys(theirs).sort(), `keys at ${where}`);
  for (const [key, value] of Object.entries(ours)) {
    if (value === 'attr') continue;
    const other = theirs[key];
    if (Array.isArray(value)) {
      assert.ok(Array.isArray(other), `${where}.${key} is a block list in hcl2json`);
      assert.equal(value.length, other.length, `number of ${where}.${key} blocks`);
      value.forEach((body, i) => compare(body, other[i] as Record<string, unknown>, `${where}.${key}[${i}]`));
    } else compare(value, other as Record<string, unknown>, `${where}.${key}`);
  }
}

const FILES: [string, string][] = [
  ['network.tf', NETWORK_TF],
  ['serverless.tf', SERVERLESS_TF],
  ['fixtures main.tf', fs.readFileSync(path.resolve(__dirname, '../../../../fixtures/workspace/terraform/main.tf'), 'utf8')],
  ['examples main.tf', fs.readFileSync(path.resolve(__dirname, '../../../../../examples/workspace/main.tf'), 'utf8')],
];

describe('terraform: HCL reader agrees with hcl2json', function () {
  this.timeout(20000);
  for (const [name, text] of FILES) {
    it(`reads the same blocks and attributes in ${name}`, async () => {
      const theirs = await parse(name, text);
      compare(shapeOf(readHcl(text).body), theirs, name);
    });
  }

  it('still agrees with CRLF line ends', async () => {
    const text = SERVERLESS_TF.replace(/\n/g, '\r\n');
    compare(shapeOf(readHcl(text).body), await parse('crlf.tf', text), 'crlf');
  });
});
