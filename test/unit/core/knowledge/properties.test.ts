// knowledge/properties.ts on a small in-memory table: reviewed answers first, conventions checked against the
// schema, one property per argument (stronger claim wins, a tie gives it to neither), the inverse.
import { strict as assert } from 'node:assert';
import { createAwsData } from '../../../../server/src/core/data/awsData';
import type { PropertyTarget } from '../../../../server/src/core/data/types';
import { propertyForArgument, propertyMapping } from '../../../../server/src/core/knowledge/properties';
import { companionLink } from '../../../../server/src/core/knowledge/naming';

const str = { type: 'String' };
function data(reviewed: Record<string, Record<string, PropertyTarget>> = {}) {
  return createAwsData({
    services: () => [],
    cfnTypes: () => ({
      'AWS::X::Cache': { service: 'x', properties: { CacheName: str, FinalSnapshotName: str, Description: str, VersionDescription: str, Timeout: str, Code: { type: 'Code' } }, attributes: [] },
      'AWS::X::Pair': { service: 'x', properties: { LeftName: str, RightName: str }, attributes: [] },
    }),
    tfResources: () => ({
      aws_x_cache: { service: 'x', args: { name: {}, description: {}, timeout_seconds: {}, filename: {}, s3_bucket: {}, s3_key: {} }, attrs: ['arn'] },
      aws_x_pair: { service: 'x', args: { name: {} }, attrs: [] },
    }),
    tfDataSources: () => ({}),
    mapping: () => ({
      'AWS::X::Cache': { tf: ['aws_x_cache'], kind: 'one-to-one' },
      'AWS::X::Pair': { tf: ['aws_x_pair'], kind: 'one-to-one' },
    }),
    propertyMap: () => reviewed,
    iamActions: () => ({}),
  });
}

describe('knowledge: property mapping', () => {
  it('a property named after the resource wins `name`; the other Name property gets none, not a second `name`', () => {
    const m = propertyMapping(data(), 'AWS::X::Cache')!;
    assert.deepEqual(m.properties.get('CacheName'), { kind: 'args', names: ['name'], provenance: 'convention', rule: 'name' });
    assert.equal(m.properties.get('FinalSnapshotName')?.kind, 'none');
    assert.equal(m.arguments.get('name')?.property, 'CacheName');
  });

  it('exact snake_case beats a weaker convention (Description vs VersionDescription), and conventions reach *_seconds', () => {
    const m = propertyMapping(data(), 'AWS::X::Cache')!;
    assert.equal(m.arguments.get('description')?.property, 'Description');
    assert.equal(m.properties.get('VersionDescription')?.kind, 'none');
    assert.equal(m.arguments.get('timeout_seconds')?.property, 'Timeout');
  });

  it('an equally strong tie gives the argument to neither', () => {
    const m = propertyMapping(data(), 'AWS::X::Pair')!;
    assert.equal(m.properties.get('LeftName')?.kind, 'none');
    assert.equal(m.properties.get('RightName')?.kind, 'none');
    assert.equal(m.arguments.has('name'), false);
  });

  it('reviewed answers come first and block conventions from their arguments; the inverse knows sets and alternatives', () => {
    const d = data({ 'AWS::X::Cache': { Code: { oneOf: [['filename'], ['s3_bucket', 's3_key']] }, FinalSnapshotName: { args: ['name'] } } });
    const m = propertyMapping(d, 'AWS::X::Cache')!;
    assert.equal(m.arguments.get('name')?.property, 'FinalSnapshotName');
    assert.equal(m.properties.get('CacheName')?.kind, 'none');
    assert.deepEqual(m.arguments.get('s3_key'), { property: 'Code', together: ['s3_bucket'], alternatives: [['filename']] });
    assert.equal(propertyForArgument(d, ['AWS::X::Cache'], 'aws_x_cache', 'filename')?.property, 'Code');
    // Not yet listed properties never take an argument already taken.
    assert.equal(m.answer('CacheDescription').kind, 'none');
    assert.deepEqual(m.collisions, []);
  });

  it('an awscc target takes every property in snake_case, without the reviewed answers', () => {
    const d = data({ 'AWS::X::Cache': { FinalSnapshotName: { args: ['name'] } } });
    const m = propertyMapping(d, 'AWS::X::Cache', 'awscc_x_cache')!;
    assert.deepEqual(m.properties.get('FinalSnapshotName'), { kind: 'args', names: ['final_snapshot_name'], provenance: 'convention', rule: 'snake' });
  });

  it('companion resources point back at their parent by its name', () => {
    assert.deepEqual(companionLink('aws_s3_bucket', { bucket: {}, rule: {} }), { argument: 'bucket', attribute: 'id' });
    assert.deepEqual(companionLink('aws_ecs_cluster', { cluster_name: {} }), { argument: 'cluster_name', attribute: 'name' });
    assert.deepEqual(companionLink('aws_lb_target_group', { target_group_arn: {}, target_id: {} }), { argument: 'target_group_arn', attribute: 'arn' });
    assert.equal(companionLink('aws_api_gateway_method', { rest_api_id: {}, http_method: {} }), undefined);
  });
});

describe('knowledge: the weakest conventions (acronym dropped, one word more) on the real data', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const real = (require('../../../../server/src/node/dataLoader') as typeof import('../../../../server/src/node/dataLoader')).loadAwsData();
  const answer = (cfn: string, property: string) => propertyMapping(real, cfn)!.answer(property);

  it('one word more, of the same shape: Quota -> quota_settings (block), Enabled -> is_enabled (bool)', () => {
    assert.deepEqual(answer('AWS::ApiGateway::UsagePlan', 'Quota'), { kind: 'args', names: ['quota_settings'], provenance: 'convention', rule: 'one-word-more' });
    assert.deepEqual(answer('AWS::ApiGateway::UsagePlan', 'Throttle'), { kind: 'args', names: ['throttle_settings'], provenance: 'convention', rule: 'one-word-more' });
    assert.deepEqual(answer('AWS::KMS::Key', 'Enabled'), { kind: 'args', names: ['is_enabled'], provenance: 'convention', rule: 'one-word-more' });
    // A wrapper's field (no type known): LaunchTemplateData.SecurityGroupIds -> vpc_security_group_ids.
    assert.deepEqual(propertyMapping(real, 'AWS::EC2::LaunchTemplate')!.fieldAnswer('LaunchTemplateData', 'SecurityGroupIds'), { kind: 'args', names: ['vpc_security_group_ids'], provenance: 'convention', rule: 'one-word-more' });
  });

  it('never across shapes, never for a JSON document, never when the stronger rules answer', () => {
    assert.equal(answer('AWS::Budgets::Budget', 'Budget').kind, 'none', 'a structure is no budget_type string');
    assert.equal(answer('AWS::NetworkManager::CoreNetwork', 'PolicyDocument').kind, 'none', 'base_policy_document is another document');
    assert.equal(answer('AWS::WAFv2::RuleGroup', 'Rules').kind, 'none', 'a list of structures is no rules_json string');
    assert.deepEqual(answer('AWS::SQS::Queue', 'VisibilityTimeout'), { kind: 'args', names: ['visibility_timeout_seconds'], provenance: 'reviewed' });
  });

  it('a leading acronym dropped: DBParameterGroupName -> parameter_group_name on aws_db_instance', () => {
    assert.deepEqual(answer('AWS::RDS::DBInstance', 'DBParameterGroupName'), { kind: 'args', names: ['parameter_group_name'], provenance: 'convention', rule: 'acronym' });
  });
});
