// The complete schemas in data/schema (issue 15): every type has its file, nested types resolve at every depth, and
// the loader answers from them without the summary tables.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { loadAwsData } from '../../../server/src/node/dataLoader';
import { propertyAtPath, shapeOf, unionMembers } from '../../../server/src/core/features/cloudformation/propertySchema';

const dataDir = path.resolve(__dirname, '../../../data');
const cfnDir = path.join(dataDir, 'schema', 'cfn');

describe('data: complete schemas (data/schema)', () => {
  const data = loadAwsData(dataDir);

  it('one CloudFormation file per indexed type, each with its nested property types', () => {
    const names: string[] = JSON.parse(fs.readFileSync(path.join(cfnDir, 'index.json'), 'utf8')).names;
    assert.ok(names.length > 1500, String(names.length));
    const missing = names.filter((n) => !fs.existsSync(path.join(cfnDir, `${n.replace(/::/g, '-')}.json`)));
    assert.deepEqual(missing, []);
    // Every nested type a property names is described (no dangling references), across all types.
    const dangling: string[] = [];
    for (const name of names) {
      const type = data.cfnType(name)!;
      if (!type.propertyTypes) {
        // Only the hand-written SAM types the spec lacks (Connector, GraphQLApi) are summaries.
        assert.ok(name.startsWith('AWS::Serverless::'), name);
        continue;
      }
      const names = (t: string): string[] => unionMembers(t).flatMap((m) => (/^(List|Map)<(.+)>$/.test(m) ? names(m.replace(/^(List|Map)<(.+)>$/, '$2')) : [m]));
      const refs = [...Object.values(type.properties), ...Object.values(type.propertyTypes).flatMap((t) => Object.values(t.properties))]
        .flatMap((p) => names(p.type))
        .filter((t) => !/^(String|Integer|Long|Double|Number|Boolean|Timestamp|Json|Tag|Tags|Object|Null)$/.test(t));
      for (const ref of refs) if (!type.propertyTypes[ref] && !name.startsWith('AWS::Serverless::')) dangling.push(`${name}: ${ref}`);
    }
    assert.deepEqual(dangling.slice(0, 10), []);
  });

  it('resolves nested paths with full descriptions and allowed values', () => {
    const fn = data.cfnType('AWS::Lambda::Function')!;
    assert.equal(propertyAtPath(fn, ['VpcConfig', 'SubnetIds'])?.spec.type, 'List<String>');
    assert.equal(propertyAtPath(fn, ['VpcConfig', 'SubnetIds'])?.owner, 'VpcConfig');
    assert.ok((fn.properties.VpcConfig.description ?? '').length > 120, 'descriptions are whole, not cut at 80 characters');
    const bucket = data.cfnType('AWS::S3::Bucket')!;
    assert.deepEqual(propertyAtPath(bucket, ['LifecycleConfiguration', 'Rules', 0, 'Status'])?.spec.allowed, ['Enabled', 'Disabled']);
    assert.equal(propertyAtPath(bucket, ['LifecycleConfiguration', 'Rules', 0, 'Nope']), undefined);
    assert.equal(data.cfnType('AWS::SQS::Queu'), undefined);
    // A union inside a generic is one map; a top-level union is open for validation.
    const method = data.cfnType('AWS::ApiGateway::Method')!;
    assert.deepEqual(shapeOf(method, 'Map<Boolean|String>'), { kind: 'map', item: 'Boolean|String' });
    assert.deepEqual(shapeOf(method, 'String|Json'), { kind: 'open' });
    assert.equal(data.cfnType('constructor'), undefined);
  });

  it('Terraform nested blocks with nesting limits and attribute types, per type', () => {
    const fn = data.tfSchema('resource', 'aws_lambda_function')!;
    assert.equal(fn.service, 'lambda');
    assert.deepEqual({ block: fn.args.vpc_config.block, max: fn.args.vpc_config.max }, { block: true, max: 1 });
    assert.deepEqual(fn.args.vpc_config.args?.subnet_ids, { required: true, type: 'list(string)' });
    assert.equal(fn.args.memory_size.type, 'number');
    const rule = data.tfSchema('resource', 'aws_s3_bucket_lifecycle_configuration')!.args.rule;
    assert.equal(rule.max, undefined, 'rule repeats');
    assert.equal(rule.args?.expiration.args?.days.type, 'number');
    assert.equal(data.tfSchema('data', 'aws_iam_policy_document')?.args.statement.block, true);
    assert.equal(data.tfSchema('resource', 'aws_no_such_thing'), undefined);
    assert.ok(data.tfResourceNames().includes('aws_sqs_queue') && data.tfDataSourceNames().includes('aws_region'));
  });
});
