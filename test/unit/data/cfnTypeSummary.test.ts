// Type summaries (issue 16: a `Type:` completion list reads one summary table instead of up to 300 complete schemas):
// the committed data/schema/cfn/summary.json is what scripts/gen-data/cfnSummary.mjs derives from the committed
// schemas, and the knowledge layer answers the same summary with or without that table.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { createAwsData } from '../../../server/src/core/data/awsData';
import type { CfnResourceType } from '../../../server/src/core/data/types';
import { loadAwsData } from '../../../server/src/node/dataLoader';

const ROOT = path.resolve(__dirname, '../../..');
const dataDir = path.join(ROOT, 'data');

describe('data: CloudFormation type summaries (data/schema/cfn/summary.json)', () => {
  const data = loadAwsData(dataDir);

  it('the committed table is what the generator derives from the committed schemas, type for type', async () => {
    const gen = await import(path.join(ROOT, 'scripts/gen-data/cfnSummary.mjs'));
    const derived = gen.cfnTypeSummaries(gen.readCfnSchemas(dataDir));
    const committed = JSON.parse(fs.readFileSync(path.join(dataDir, gen.SUMMARY_FILE), 'utf8')).types;
    assert.deepEqual(Object.keys(committed), Object.keys(derived));
    assert.deepEqual(committed, derived);
    assert.ok(Object.keys(committed).length > 1500);
  });

  it('a summary holds the description and the required properties with their types and allowed values', () => {
    const fn = data.cfnTypeSummary('AWS::Lambda::Function')!;
    assert.equal(fn.description, data.cfnType('AWS::Lambda::Function')!.description);
    assert.deepEqual(fn.required.map(([name, p]) => [name, p.type]), [['Code', 'Code'], ['Role', 'String']]);
    const full = data.cfnType('AWS::CE::CostCategory')!;
    const withAllowed = data.cfnTypeSummary('AWS::CE::CostCategory')!.required.find(([, p]) => p.allowed)!;
    assert.deepEqual(withAllowed[1].allowed, full.properties[withAllowed[0]].allowed);
  });

  it('the table and the complete schemas give the same summary for every type', () => {
    // The same loader's data without the table: each summary is then derived from the type's complete schema.
    const bySchema = createAwsData({ services: () => [], cfnTypes: () => ({}), cfnType: (name) => data.cfnType(name), cfnTypeNames: () => [...data.cfnTypeNames()], tfResources: () => ({}), tfDataSources: () => ({}), mapping: () => ({}), iamActions: () => ({}) });
    const differ = data.cfnTypeNames().filter((name) => JSON.stringify(data.cfnTypeSummary(name)) !== JSON.stringify(bySchema.cfnTypeSummary(name)));
    assert.deepEqual(differ, []);
  });

  it('negative: a name that is no type has no summary, with or without the table', () => {
    const withoutTable = createAwsData({ services: () => [], cfnTypes: () => ({ 'AWS::X::Y': { service: 'x', properties: {}, attributes: [] } as CfnResourceType }), tfResources: () => ({}), tfDataSources: () => ({}), mapping: () => ({}), iamActions: () => ({}) });
    for (const d of [data, withoutTable]) {
      assert.equal(d.cfnTypeSummary('AWS::SQS::'), undefined);
      assert.equal(d.cfnTypeSummary('AWS::Nope::Nothing'), undefined);
    }
    assert.deepEqual(withoutTable.cfnTypeSummary('AWS::X::Y'), { description: undefined, required: [] });
  });
});
