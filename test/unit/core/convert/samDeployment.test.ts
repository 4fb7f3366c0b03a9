// SAM DeploymentPreference -> the CodeDeploy resources aws-sam-translator 1.110 creates (convert/samDeployment.ts).
import { strict as assert } from 'node:assert';
import { convertToTerraform } from '../../../../server/src/core/convert';
import { loadAwsData } from '../../../../server/src/node/dataLoader';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('@cdktf/hcl2json') as { parse: (file: string, hcl: string) => Promise<any> };

describe('convert: SAM DeploymentPreference', () => {
  const data = loadAwsData();
  const sam = (functions: string, extra = '') => `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
${extra}Resources:
  ErrorsAlarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      ComparisonOperator: GreaterThanThreshold
      EvaluationPeriods: 1
      MetricName: Errors
      Namespace: AWS/Lambda
      Period: 60
      Statistic: Sum
      Threshold: 0
${functions}`;
  const fn = (id: string, preference: string, alias = '      AutoPublishAlias: live\n') => `  ${id}:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: python3.12
      InlineCode: "def handler(e, c): return 1"
${alias}      DeploymentPreference:
${preference}`;

  it('one application and service role per template, a deployment group per function', async () => {
    const result = convertToTerraform(sam(fn('Orders', '        Type: Canary10Percent5Minutes\n        Alarms: [!Ref ErrorsAlarm]\n') + fn('Billing', '        Type: Linear10PercentEvery1Minute\n')), 'yaml', data);
    const hcl = (await parse('main.tf', result.hcl)).resource;
    assert.equal(Object.keys(hcl.aws_codedeploy_app).length, 1);
    const app = Object.values(hcl.aws_codedeploy_app)[0] as any[];
    assert.equal(app[0].compute_platform, 'Lambda');
    const groups = hcl.aws_codedeploy_deployment_group;
    assert.deepEqual(Object.keys(groups).sort(), ['billing_deployment_group', 'orders_deployment_group']);
    const orders = groups.orders_deployment_group[0];
    assert.equal(orders.deployment_config_name, 'CodeDeployDefault.LambdaCanary10Percent5Minutes');
    assert.equal(groups.billing_deployment_group[0].deployment_config_name, 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute');
    assert.match(orders.app_name, /aws_codedeploy_app\.serverless_deployment_application\.name/);
    assert.match(orders.service_role_arn, /aws_iam_role\.code_deploy_service_role\.arn/);
    assert.deepEqual(orders.deployment_style, [{ deployment_type: 'BLUE_GREEN', deployment_option: 'WITH_TRAFFIC_CONTROL' }]);
    assert.deepEqual(orders.auto_rollback_configuration[0].events, ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_STOP_ON_REQUEST']);
    assert.equal(orders.alarm_configuration[0].enabled, true);
    assert.equal(orders.alarm_configuration[0].alarms.length, 1);
    assert.equal(groups.billing_deployment_group[0].alarm_configuration, undefined, 'no alarms, no alarm block');
    // The CodeDeploy service role: trusted by CodeDeploy, with AWSCodeDeployRoleForLambda.
    assert.match(JSON.stringify(hcl.aws_iam_role.code_deploy_service_role), /codedeploy\.amazonaws\.com/);
    assert.ok(Object.values(hcl.aws_iam_role_policy_attachment).some((a: any) => /AWSCodeDeployRoleForLambda"?$/.test(a[0].policy_arn)));
    assert.doesNotMatch(result.hcl, /DeploymentPreference .*not converted/);
    assert.equal(result.todos.filter((t: string) => /DeploymentPreference/.test(t)).length, 0);
    assert.match(result.hcl, /Terraform updates the alias itself/);
  });

  it('a Role of its own: no service role; hooks and unknown keys are precise TODOs', async () => {
    const result = convertToTerraform(sam(fn('Orders', '        Type: AllAtOnce\n        Role: arn:aws:iam::123456789012:role/deployer\n        Hooks:\n          PreTraffic: !Ref CheckFunction\n')), 'yaml', data);
    const hcl = (await parse('main.tf', result.hcl)).resource;
    assert.equal(hcl.aws_codedeploy_deployment_group.orders_deployment_group[0].service_role_arn, 'arn:aws:iam::123456789012:role/deployer');
    assert.equal(hcl.aws_codedeploy_deployment_group.orders_deployment_group[0].deployment_config_name, 'CodeDeployDefault.LambdaAllAtOnce');
    assert.equal(hcl.aws_iam_role?.code_deploy_service_role, undefined);
    assert.ok(result.todos.some((t: string) => /Hooks PreTraffic/.test(t)));
  });

  it('disabled, or without AutoPublishAlias: no CodeDeploy resources (the latter a TODO, as SAM rejects it)', async () => {
    const disabled = convertToTerraform(sam(fn('Orders', '        Type: AllAtOnce\n        Enabled: false\n')), 'yaml', data);
    assert.doesNotMatch(disabled.hcl, /aws_codedeploy/);
    assert.equal(disabled.todos.length, 0);
    const noAlias = convertToTerraform(sam(fn('Orders', '        Type: AllAtOnce\n', '')), 'yaml', data);
    assert.doesNotMatch(noAlias.hcl, /resource "aws_codedeploy/);
    assert.ok(noAlias.todos.some((t: string) => /needs AutoPublishAlias/.test(t)));
  });

  it('a custom configuration name is kept; a condition passes through only with PassthroughCondition', async () => {
    const conditions = 'Conditions:\n  Prod: !Equals [!Ref AWS::Region, us-east-1]\n';
    const withCondition = (pass: string) => sam(fn('Orders', `        Type: MyConfig\n${pass}`).replace('    Type: AWS::Serverless::Function\n', '    Type: AWS::Serverless::Function\n    Condition: Prod\n'), conditions);
    const passed = (await parse('main.tf', convertToTerraform(withCondition('        PassthroughCondition: true\n'), 'yaml', data).hcl)).resource;
    assert.equal(passed.aws_codedeploy_deployment_group.orders_deployment_group[0].deployment_config_name, 'MyConfig');
    assert.ok(passed.aws_codedeploy_deployment_group.orders_deployment_group[0].count !== undefined);
    assert.ok((Object.values(passed.aws_codedeploy_app)[0] as any[])[0].count !== undefined);
    const notPassed = (await parse('main.tf', convertToTerraform(withCondition(''), 'yaml', data).hcl)).resource;
    assert.equal(notPassed.aws_codedeploy_deployment_group.orders_deployment_group[0].count, undefined);
  });
  it('PropagateTags: the group takes its function\'s tags, the application and role those of all such functions merged', async () => {
    const tagged = (id: string, tags: string, propagate = '      PropagateTags: true\n') => fn(id, '        Type: AllAtOnce\n').replace('      DeploymentPreference:\n', `${propagate}      Tags:\n${tags}      DeploymentPreference:\n`);
    const hcl = (await parse('main.tf', convertToTerraform(sam(tagged('Orders', '        team: orders\n') + tagged('Billing', '        cost: billing\n')), 'yaml', data).hcl)).resource;
    assert.deepEqual(hcl.aws_codedeploy_deployment_group.orders_deployment_group[0].tags, { team: 'orders' });
    assert.deepEqual((Object.values(hcl.aws_codedeploy_app)[0] as any[])[0].tags, { team: 'orders', cost: 'billing' });
    assert.deepEqual(hcl.aws_iam_role.code_deploy_service_role[0].tags, { team: 'orders', cost: 'billing' });
    const plain = (await parse('main.tf', convertToTerraform(sam(tagged('Orders', '        team: orders\n', '')), 'yaml', data).hcl)).resource;
    assert.equal(plain.aws_codedeploy_deployment_group.orders_deployment_group[0].tags, undefined);
    assert.equal((Object.values(plain.aws_codedeploy_app)[0] as any[])[0].tags, undefined);
  });
});
