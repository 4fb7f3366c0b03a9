import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertToTerraform } from '../../../../server/src/core/convert';
import { loadAwsData } from '../../../../server/src/node/dataLoader';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('@cdktf/hcl2json') as { parse: (file: string, hcl: string) => Promise<any> };
const FIXTURES = path.resolve(__dirname, '../../../fixtures/templates');

describe('convert with the generated knowledge base (loadAwsData)', () => {
  const data = loadAwsData();
  const hasMapping = !!data.mappingForCfn('AWS::SQS::Queue');

  for (const file of fs.readdirSync(FIXTURES).sort()) {
    it(`${file}: parses, and every resource type and argument exists in the Terraform data`, async function () {
      if (!hasMapping) this.skip();
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const { hcl } = convertToTerraform(text, file.endsWith('.json') ? 'json' : 'yaml', data);
      const json = await parse('main.tf', hcl);
      assert.ok(json.resource, 'some resources');
      for (const [type, byName] of Object.entries<any>(json.resource)) {
        const schema = data.tfResource(type);
        assert.ok(schema, `unknown type ${type}`);
        for (const [name, blocks] of Object.entries<any>(byName)) {
          for (const key of Object.keys(blocks[0])) {
            if (!['count', 'depends_on', 'lifecycle'].includes(key)) assert.ok(key in schema.args, `${type}.${name}.${key}`);
          }
        }
      }
    });
  }

  it('uses the reviewed renames and references from the real mapping', async function () {
    if (!hasMapping) this.skip();
    const text = fs.readFileSync(path.join(FIXTURES, 'sqs-worker.yaml'), 'utf8');
    const json = await parse('main.tf', convertToTerraform(text, 'yaml', data).hcl);
    assert.equal(json.resource.aws_sqs_queue.job_queue[0].visibility_timeout_seconds, 180);
    assert.equal(json.resource.aws_lambda_event_source_mapping.worker_mapping[0].event_source_arn, '${aws_sqs_queue.job_queue.arn}');
  });
});
