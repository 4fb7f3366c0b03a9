// A type whose reviewed mapping lists alternatives for different uses (AWS::RDS::DBInstance: aws_db_instance, or
// aws_rds_cluster_instance for an instance of a DB cluster): the converter takes the alternative a property calls
// for by the schemas (convert/alternatives.ts), never by type name.
import { strict as assert } from 'node:assert';
import { convertToTerraform } from '../../../../server/src/core/convert';
import { argumentGuesses } from '../../../../server/src/core/knowledge/naming';
import { alternativeFor } from '../../../../server/src/core/knowledge/alternatives';
import { propertyToTerraform } from '../../../../server/src/core/features/cloudformation/terraform';
import type { CoreContext } from '../../../../server/src/core/context';
import { loadAwsData } from '../../../../server/src/node/dataLoader';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('@cdktf/hcl2json') as { parse: (file: string, hcl: string) => Promise<any> };

describe('convert: alternatives chosen by what the properties say', () => {
  const data = loadAwsData();
  const convert = (yaml: string) => convertToTerraform(yaml, 'yaml', data);
  const template = (instance: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      MasterUsername: admin
      ManageMasterUserPassword: true
  Instance:
    Type: AWS::RDS::DBInstance
    Properties:
${instance}
Outputs:
  Port:
    Value: !GetAtt Instance.Endpoint.Port
  Host:
    Value: !GetAtt Instance.Endpoint.Address
`;

  it('an instance in a DB cluster is aws_rds_cluster_instance, with cluster_identifier and instance_class', async () => {
    const result = convert(template(`      Engine: aurora-postgresql
      DBClusterIdentifier: !Ref Cluster
      DBInstanceClass: db.r6g.large
      DBParameterGroupName: tuned`));
    const hcl = await parse('main.tf', result.hcl);
    const instance = hcl.resource.aws_rds_cluster_instance?.instance?.[0];
    assert.ok(instance, result.hcl);
    assert.equal(hcl.resource.aws_db_instance, undefined);
    assert.equal(instance.cluster_identifier, '${aws_rds_cluster.cluster.cluster_identifier}');
    assert.equal(instance.instance_class, 'db.r6g.large');
    assert.equal(instance.engine, 'aurora-postgresql');
    // aws_rds_cluster_instance keeps the acronym (db_parameter_group_name); aws_db_instance drops it (below).
    assert.equal(instance.db_parameter_group_name, 'tuned');
    assert.doesNotMatch(result.hcl, /DBClusterIdentifier has no/);
    // GetAtt: the primary's renames that hold on the alternative (port); `address` does not exist there, so no
    // reference to it is written (a variable says what to set).
    assert.match(result.hcl, /aws_rds_cluster_instance\.instance\.port/);
    assert.doesNotMatch(result.hcl, /aws_rds_cluster_instance\.instance\.address/);
  });

  it('the reviewed answers hold on the alternative where it has the argument; where it has not, a precise TODO', async () => {
    const result = convert(template(`      DBInstanceIdentifier: reports-1
      DBClusterIdentifier: !Ref Cluster
      DBInstanceClass: db.r6g.large
      Engine: aurora-postgresql
      MultiAZ: true`));
    const instance = (await parse('main.tf', result.hcl)).resource.aws_rds_cluster_instance.instance[0];
    assert.equal(instance.identifier, 'reports-1');
    assert.equal(instance.multi_az, undefined);
    assert.match(result.hcl, /TODO: CloudFormation property MultiAZ has no aws_rds_cluster_instance argument/);
  });

  it('an instance without DBClusterIdentifier (or with it removed by AWS::NoValue) stays aws_db_instance', async () => {
    for (const extra of ['', '      DBClusterIdentifier: !Ref AWS::NoValue\n']) {
      const result = convert(template(`${extra}      Engine: postgres
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: "20"
      DBParameterGroupName: tuned`));
      const hcl = await parse('main.tf', result.hcl);
      const instance = hcl.resource.aws_db_instance?.instance?.[0];
      assert.ok(instance, result.hcl);
      assert.equal(hcl.resource.aws_rds_cluster_instance, undefined);
      assert.equal(instance.instance_class, 'db.t4g.micro');
      assert.equal(instance.parameter_group_name, 'tuned');
      assert.match(result.hcl, /aws_db_instance\.instance\.address/);
    }
  });

  it('IAM::Policy still splits by principal; a type with one Terraform type is untouched', async () => {
    const result = convert(`AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: []}
  Policy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      PolicyDocument: {Version: "2012-10-17", Statement: []}
      Roles: [!Ref Role]
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: q
`);
    const hcl = await parse('main.tf', result.hcl);
    assert.ok(hcl.resource.aws_iam_role_policy?.policy);
    assert.ok(hcl.resource.aws_sqs_queue?.queue);
  });

  it('the same rule elsewhere: a VPCGatewayAttachment with VpnGatewayId is aws_vpn_gateway_attachment; only optional properties choose', async () => {
    const result = convert(`AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Vpn:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties:
      VpcId: vpc-1
      VpnGatewayId: vgw-1
  Igw:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties:
      VpcId: vpc-1
      InternetGatewayId: igw-1
`);
    const hcl = (await parse('main.tf', result.hcl)).resource;
    assert.equal(hcl.aws_vpn_gateway_attachment.vpn[0].vpn_gateway_id, 'vgw-1');
    assert.equal(hcl.aws_internet_gateway_attachment.igw[0].internet_gateway_id, 'igw-1');
    assert.equal(result.todos.length, 0, result.todos.join('\n'));
    // Every alternative the data offers is one of these two; a required property (always present) never chooses
    // (UserToGroupAddition.GroupName would make every addition an exclusive aws_iam_group_membership).
    const found = data.cfnTypeNames().flatMap((t) => Object.keys(data.cfnType(t)?.properties ?? {}).map((p) => alternativeFor(data, t, p)?.tfType).filter(Boolean));
    assert.deepEqual([...new Set(found)].sort(), ['aws_rds_cluster_instance', 'aws_vpn_gateway_attachment']);
    assert.equal(alternativeFor(data, 'AWS::IAM::UserToGroupAddition', 'GroupName'), undefined);
    assert.equal(alternativeFor(data, 'AWS::Serverless::Function', 'AssumeRolePolicyDocument'), undefined, 'a SAM expansion is no alternative');
  });

  it('the property hover names what the converter writes: the alternative\'s argument', () => {
    const ctx = { data } as CoreContext;
    assert.deepEqual(propertyToTerraform('AWS::RDS::DBInstance', 'DBClusterIdentifier', ctx), { kind: 'argument', tfType: 'aws_rds_cluster_instance', names: ['cluster_identifier'] });
    assert.deepEqual(propertyToTerraform('AWS::RDS::DBInstance', 'MultiAZ', ctx), { kind: 'argument', tfType: 'aws_db_instance', names: ['multi_az'] });
    assert.equal(propertyToTerraform('AWS::IAM::UserToGroupAddition', 'GroupName', ctx)?.tfType, 'aws_iam_user_group_membership');
  });

  it('the acronym convention: a leading acronym word dropped, as a weak guess after the others', () => {
    const guesses = argumentGuesses('DBClusterIdentifier');
    assert.equal(guesses[0].name, 'db_cluster_identifier');
    assert.deepEqual(guesses.find((g) => g.rule === 'acronym')?.name, 'cluster_identifier');
    assert.equal(guesses.at(-1)?.rule, 'acronym');
    assert.equal(argumentGuesses('ClusterIdentifier').find((g) => g.rule === 'acronym'), undefined);
    assert.equal(argumentGuesses('KMSKey').find((g) => g.rule === 'acronym')?.name, 'key');
    assert.equal(argumentGuesses('VPC').find((g) => g.rule === 'acronym'), undefined);
  });
});
