import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cfnEquivalence, classifyCfnType, primaryCfn, primaryTf, tfEquivalence } from '../../../../server/src/core/knowledge';
import { argumentCandidates, awsccName, deriveTfToCfn, deriveTypeEquivalents, heldOutEvaluation, heldOutReverseEvaluation, quarterOf, stem, type DeriveInput } from '../../../../server/src/core/knowledge/typesDerive';
import { loadAwsData } from '../../../../server/src/node/dataLoader';

const dataDir = path.resolve(__dirname, '../../../../data');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dataDir, f), 'utf8'));

describe('knowledge: type equivalents (generated data/mapping.json)', () => {
  const data = loadAwsData();

  it('keeps reviewed pairs and their one-to-many companions, primary first', () => {
    const bucket = cfnEquivalence(data, 'AWS::S3::Bucket');
    assert.equal(bucket.tf[0], 'aws_s3_bucket');
    assert.equal(bucket.kind, 'one-to-many');
    assert.deepEqual(bucket.provenance, { source: 'reviewed' });
    const rule = cfnEquivalence(data, 'AWS::Events::Rule');
    assert.deepEqual(rule.tf, ['aws_cloudwatch_event_rule', 'aws_cloudwatch_event_target']);
    assert.equal(primaryTf(data, 'AWS::Events::Rule'), 'aws_cloudwatch_event_rule');
    assert.equal(primaryCfn(data, 'aws_cloudwatch_event_target'), undefined, 'a companion is not an equivalent');
    assert.deepEqual(tfEquivalence(data, 'aws_cloudwatch_event_target').companionOf, ['AWS::Events::Rule']);
  });

  it('Events::Rule never maps to an IoT resource, in the data or in the derivation', () => {
    assert.ok(!cfnEquivalence(data, 'AWS::Events::Rule').tf.some((t) => t.startsWith('aws_iot')));
    const input = deriveInput();
    const { reviewed } = input;
    const withoutRule = Object.fromEntries(Object.entries(reviewed).filter(([k]) => k !== 'AWS::Events::Rule'));
    const { matches, best } = deriveTypeEquivalents({ ...input, reviewed: withoutRule }, ['AWS::Events::Rule']);
    assert.ok(!best['AWS::Events::Rule']?.first?.tf.startsWith('aws_iot'));
    assert.notEqual(matches['AWS::Events::Rule']?.tf, 'aws_iot_topic_rule');
  });

  it('derives GameLift::Alias -> aws_gamelift_alias by name and schema, with its evidence', () => {
    const alias = cfnEquivalence(data, 'AWS::GameLift::Alias');
    assert.deepEqual(alias.tf, ['aws_gamelift_alias']);
    assert.equal(alias.provenance?.source, 'derived');
    if (alias.provenance?.source !== 'derived') return;
    assert.equal(alias.provenance.evidence.name, 1);
    // Sub-resources never borrow their parent's name (the name-consistency rule).
    for (const [child, parent] of [['AWS::Lightsail::DatabaseSnapshot', 'aws_lightsail_database'], ['AWS::Bedrock::FlowAlias', 'aws_bedrockagent_flow'], ['AWS::Pinpoint::SmsTemplate', 'aws_pinpoint_email_template'], ['AWS::CloudFormation::ChangeSet', 'aws_cloudformation_stack_set']]) {
      assert.ok(!cfnEquivalence(data, child).tf.includes(parent), `${child} -> ${parent}`);
    }
    assert.deepEqual(alias.provenance.evidence.required, [2, 2], 'name and routing_strategy are CloudFormation properties');
    assert.equal(primaryCfn(data, 'aws_gamelift_alias'), 'AWS::GameLift::Alias');
  });

  it('a half-shared name stands when the schema agrees, never when a word is swapped for another', () => {
    // Words left out, schema agrees: matched by schema.
    assert.equal(primaryTf(data, 'AWS::EC2::GatewayRouteTableAssociation'), 'aws_route_table_association');
    assert.equal(primaryTf(data, 'AWS::LakeFormation::PrincipalPermissions'), 'aws_lakeformation_permissions');
    // The provider's abbreviations: a word cut short, initials.
    assert.equal(primaryTf(data, 'AWS::Lightsail::LoadBalancer'), 'aws_lightsail_lb');
    assert.equal(primaryTf(data, 'AWS::Route53Resolver::ResolverQueryLoggingConfig'), 'aws_route53_resolver_query_log_config');
    // A sibling under a swapped word (app block / image, log / metric, payment / oauth2) is not the type.
    assert.equal(primaryTf(data, 'AWS::AppStream::AppBlockBuilder'), undefined);
    assert.equal(primaryTf(data, 'AWS::CloudWatch::LogAlarm'), undefined);
    assert.equal(primaryTf(data, 'AWS::BedrockAgentCore::PaymentCredentialProvider'), undefined);
  });

  it('many-to-one: SimpleAD and MicrosoftAD -> aws_directory_service_directory, both listed backwards', () => {
    assert.equal(primaryTf(data, 'AWS::DirectoryService::SimpleAD'), 'aws_directory_service_directory');
    assert.equal(primaryTf(data, 'AWS::DirectoryService::MicrosoftAD'), 'aws_directory_service_directory');
    const back = tfEquivalence(data, 'aws_directory_service_directory').equivalent;
    assert.ok(back.includes('AWS::DirectoryService::SimpleAD') && back.includes('AWS::DirectoryService::MicrosoftAD'));
  });

  it('Terraform -> CloudFormation for resources no type names: a type that said none takes it (many-to-one)', () => {
    // The three constraint types said "none" while aws_servicecatalog_constraint was matched to them from its
    // side: a false "none". They now have it as their equivalent, many-to-one, with the evidence.
    const constraint = tfEquivalence(data, 'aws_servicecatalog_constraint');
    assert.deepEqual([...constraint.equivalent].sort(), ['AWS::ServiceCatalog::LaunchNotificationConstraint', 'AWS::ServiceCatalog::LaunchTemplateConstraint', 'AWS::ServiceCatalog::ResourceUpdateConstraint']);
    assert.equal(constraint.matched, undefined);
    const launch = cfnEquivalence(data, 'AWS::ServiceCatalog::LaunchNotificationConstraint');
    assert.deepEqual(launch.tf, ['aws_servicecatalog_constraint']);
    assert.equal(launch.kind, 'many-to-one');
    assert.equal(launch.provenance?.source, 'derived');
    assert.equal(primaryCfn(data, 'aws_servicecatalog_product'), 'AWS::ServiceCatalog::CloudFormationProduct');
    assert.equal(primaryTf(data, 'AWS::Redshift::ClusterSubnetGroup'), 'aws_redshift_subnet_group');
    // No type says "none" while a Terraform resource is matched to it.
    const mapping = read('mapping.json').cfnToTf as Record<string, { tf: string[]; fromTf?: object }>;
    assert.deepEqual(Object.entries(mapping).filter(([, m]) => !m.tf.length && m.fromTf).map(([k]) => k), []);
    // An exact name under another service's prefix with no property in common is no equivalent.
    assert.equal(primaryTf(data, 'AWS::Redshift::Snapshot'), 'aws_redshift_cluster_snapshot');
    // Never beside a type's own answer, never a sibling service's exact name, never a swapped head noun.
    assert.equal(tfEquivalence(data, 'aws_sqs_queue').matched, undefined);
    assert.equal(tfEquivalence(data, 'aws_s3_bucket_versioning').matched, undefined, 'a companion says what it is a companion of');
    for (const tf of ['aws_lex_bot', 'aws_redshiftserverless_usage_limit', 'aws_waf_rule_group', 'aws_route53_resolver_firewall_rule', 'aws_cloudcontrolapi_resource', 'aws_s3control_bucket', 'aws_default_vpc']) {
      assert.equal(tfEquivalence(data, tf).matched, undefined, tf);
    }
  });

  it('Terraform -> CloudFormation by convention: analogy and general form, both listed backwards only', () => {
    // aws_rds_cluster_instance spells DBInstance as DocDB and Neptune's reviewed pairs do. The review has since
    // listed it as DBInstance's alternative (an Aurora instance), so the derivation is run as before that review,
    // on the three services the analogy needs.
    const rdsLike = (n: string) => /^AWS::(RDS|DocDB|Neptune)::/.test(n);
    const input = deriveInput();
    const reviewed = Object.fromEntries(Object.entries(input.reviewed).filter(([n]) => rdsLike(n)).map(([n, m]) => [n, n === 'AWS::RDS::DBInstance' ? { ...m, tf: m.tf.slice(0, 1) } : m]));
    const cfnTypes = Object.fromEntries(Object.entries(input.cfnTypes).filter(([n]) => rdsLike(n)));
    const named = new Set(Object.keys(input.tfResources).filter((t) => t !== 'aws_rds_cluster_instance'));
    const derived = deriveTfToCfn({ ...input, cfnTypes, reviewed }, named).aws_rds_cluster_instance;
    assert.deepEqual(derived?.cfn, ['AWS::RDS::DBInstance']);
    assert.match(derived?.evidence.analogy ?? '', /^AWS::(DocDB|Neptune)::DBInstance -> aws_(docdb|neptune)_cluster_instance$/);
    // In the data it is reviewed now: an alternative of DBInstance, never its primary, no longer a derived match.
    const instance = tfEquivalence(data, 'aws_rds_cluster_instance');
    assert.deepEqual(instance.companionOf, ['AWS::RDS::DBInstance']);
    assert.equal(instance.matched, undefined);
    assert.equal(primaryTf(data, 'AWS::RDS::DBInstance'), 'aws_db_instance', 'an alternative never replaces a type\'s own name');
    // aws_security_group_rule: the ingress and egress rules with their distinguishing words left out.
    const rule = tfEquivalence(data, 'aws_security_group_rule');
    assert.deepEqual([...(rule.matched?.cfn ?? [])].sort(), ['AWS::EC2::SecurityGroupEgress', 'AWS::EC2::SecurityGroupIngress']);
    assert.match(rule.matched?.provenance.evidence.generalOf ?? '', /^aws_vpc_security_group_(ingress|egress)_rule$/);
    assert.equal(primaryCfn(data, 'aws_security_group_rule'), undefined, 'the converter never writes it');
    // One variant is no family: the access point policy is not the multi-region one's general form.
    assert.equal(tfEquivalence(data, 'aws_s3control_access_point_policy').matched, undefined);
    // The provider's aliases (same schema, same resource words): aws_alb_listener is ELBv2::Listener backwards.
    const alias = tfEquivalence(data, 'aws_alb_listener');
    assert.deepEqual(alias.matched?.cfn, ['AWS::ElasticLoadBalancingV2::Listener']);
    assert.equal(alias.matched?.provenance.evidence.aliasOf, 'aws_lb_listener');
    assert.equal(primaryTf(data, 'AWS::ElasticLoadBalancingV2::Listener'), 'aws_lb_listener', 'the alias never replaces the primary');
    // A word extending the other names a sub-API, not an alias (S3 on Outposts' bucket policy, same schema).
    assert.equal(tfEquivalence(data, 'aws_s3control_bucket_policy').matched, undefined);
    // aws_lb_listener is no general form of aws_lb_listener_rule (the head noun differs), nor aws_vpc of anything.
    for (const tf of ['aws_lb_listener', 'aws_vpc', 'aws_db_instance']) assert.equal(tfEquivalence(data, tf).matched, undefined, tf);
  });

  it('conventions learned from the reviewed pairs: one-word prefixes, analogies, stems, renamed head nouns', () => {
    // EC2::DHCPOptions -> aws_vpc_dhcp_options teaches aws_vpc_ for EC2.
    assert.equal(primaryTf(data, 'AWS::EC2::IPAMPool'), 'aws_vpc_ipam_pool');
    // RDS::DBParameterGroup -> aws_db_parameter_group: Neptune's DBParameterGroup drops "db" the same way.
    const neptune = cfnEquivalence(data, 'AWS::Neptune::DBParameterGroup');
    assert.deepEqual(neptune.tf, ['aws_neptune_parameter_group']);
    assert.equal(neptune.provenance?.source === 'derived' && neptune.provenance.evidence.analogy, 'AWS::RDS::DBParameterGroup -> aws_db_parameter_group');
    // The head noun renamed with the schema agreeing; a word swapped before it is a sibling (still none).
    assert.equal(primaryTf(data, 'AWS::ACMPCA::CertificateAuthorityActivation'), 'aws_acmpca_certificate_authority_certificate');
    // (LogAlarm also shows that a multi-word prefix seen once is no convention: CloudWatch::Alarm ->
    // aws_cloudwatch_metric_alarm does not make "alarm" after aws_cloudwatch_metric_ its name.)
    assert.equal(primaryTf(data, 'AWS::CloudWatch::LogAlarm'), undefined);
    assert.equal(primaryTf(data, 'AWS::AppStream::AppBlockBuilder'), undefined);
    // Two exact names (Lex V1 and V2): the schema tells them apart.
    assert.equal(primaryTf(data, 'AWS::Lex::Bot'), 'aws_lexv2models_bot');
    assert.notEqual(primaryTf(data, 'AWS::Lex::Bot'), 'aws_lex_bot');
    assert.equal(stem('scheduled'), stem('schedule'));
    assert.equal(stem('aggregation'), stem('aggregate'));
    assert.equal(stem('rule'), 'rule', 'too short to cut');
    assert.notEqual(stem('set'), stem('setting'));
    assert.ok(argumentCandidates('DBInstanceClass', 'DBInstance').includes('instance_class'));
    assert.ok(argumentCandidates('Cluster').includes('cluster_name'));
    assert.ok(!argumentCandidates('ClusterName').includes('cluster_name_name'));
  });

  it('variants one word apart are withheld, not guessed (VPCCidrBlock: ipv4 or ipv6 association)', () => {
    const input = deriveInput();
    const reviewed = Object.fromEntries(Object.entries(input.reviewed).filter(([k]) => k !== 'AWS::EC2::VPCCidrBlock'));
    const { matches, best } = deriveTypeEquivalents({ ...input, reviewed }, ['AWS::EC2::VPCCidrBlock']);
    assert.match(best['AWS::EC2::VPCCidrBlock']?.first?.tf ?? '', /^aws_vpc_ipv[46]_cidr_block_association$/);
    assert.equal(matches['AWS::EC2::VPCCidrBlock'], undefined);
  });

  it('bad input gets a class and never an equivalent', () => {
    const cases: [string, string][] = [
      ['Custom::OrderSeeder', 'custom'],
      ['AWS::CloudFormation::CustomResource', 'custom'],
      ['Acme::Storage::Bucket::MODULE', 'module'],
      ['AWS::Foo::Bar', 'unknown'],
      ['Datadog::Monitors::Monitor', 'thirdParty'],
      ['not a type', 'unknown'],
      ['', 'unknown'],
    ];
    for (const [type, cls] of cases) {
      const eq = cfnEquivalence(data, type);
      assert.equal(eq.class, cls, type);
      assert.deepEqual(eq.tf, [], type);
      assert.equal(eq.awscc, undefined, type);
      assert.equal(eq.provenance, undefined, type);
      assert.equal(primaryTf(data, type), undefined, type);
    }
    assert.equal(classifyCfnType(data, 'AWS::Serverless::Function'), 'sam');
  });

  it('a type with no hashicorp/aws counterpart says none but still has its awscc name', () => {
    const names = data.cfnTypeNames().filter((n) => n.startsWith('AWS::') && classifyCfnType(data, n) === 'aws');
    const none = names.filter((n) => cfnEquivalence(data, n).tf.length === 0);
    assert.ok(none.length > 0);
    for (const n of none) {
      const eq = cfnEquivalence(data, n);
      assert.equal(eq.kind, 'none');
      assert.equal(eq.awscc, awsccName(n));
    }
    // Every AWS type has its awscc name.
    for (const n of names) assert.ok(cfnEquivalence(data, n).awscc?.startsWith('awscc_'), n);
  });

  it('awscc naming rule and its one-word exceptions', () => {
    assert.equal(awsccName('AWS::AppSync::GraphQLApi'), 'awscc_appsync_graph_ql_api');
    assert.equal(awsccName('AWS::ApiGatewayV2::Api'), 'awscc_apigatewayv2_api');
    assert.equal(awsccName('AWS::CloudFront::CloudFrontOriginAccessIdentity'), 'awscc_cloudfront_cloudfront_origin_access_identity');
    assert.equal(awsccName('AWS::FSx::FileSystem'), 'awscc_fsx_file_system');
    assert.equal(awsccName('AWS::EC2::VPC'), 'awscc_ec2_vpc');
    assert.equal(awsccName('AWS::Serverless::Function'), undefined);
    assert.equal(awsccName('Custom::X'), undefined);
    assert.equal(awsccName('Acme::Storage::Bucket::MODULE'), undefined);
  });

  it('every derived pair names a hashicorp/aws resource of the data, and no reviewed pair is overridden', () => {
    const mapping = read('mapping.json').cfnToTf as Record<string, { tf: string[]; provenance: string }>;
    const curated = Object.values(mapping).filter((m) => m.provenance === 'reviewed').length;
    assert.ok(curated >= 397);
    for (const [cfn, m] of Object.entries(mapping)) {
      for (const tf of m.tf) assert.ok(data.tfResource(tf), `${cfn} -> ${tf}`);
      if (m.provenance === 'derived') assert.ok(m.tf.length <= 1, cfn);
    }
  });
});

function deriveInput(): DeriveInput {
  const mapping = read('mapping.json').cfnToTf as Record<string, { tf: string[]; provenance?: string }>;
  return {
    cfnTypes: read('cfn-types.json').types,
    tfResources: read('tf-types.mpl.json').resources,
    services: read('services.json').services,
    reviewed: Object.fromEntries(Object.entries(mapping).filter(([, m]) => m.provenance === 'reviewed')),
  };
}

describe('knowledge: derivation measured on a hidden quarter of the reviewed table', () => {
  const input = deriveInput();

  it('the split is fixed and about a quarter', () => {
    assert.equal(quarterOf('AWS::SQS::Queue'), quarterOf('AWS::SQS::Queue'));
    const hidden = Object.keys(input.reviewed).filter((n) => quarterOf(n) === 0).length;
    const total = Object.keys(input.reviewed).length;
    assert.ok(hidden > total * 0.15 && hidden < total * 0.35, `${hidden} of ${total}`);
  });

  // Targets: precision >= 99 %, recall >= 95 %. Measured (npm run eval:equivalents, BENCHMARKS.md): precision
  // 100 % and recall 95.2 % (80 of 84) on this quarter, which no rule was tuned on; quarters 1-3 (tuned on):
  // 99.3 % / 95.4 %. The misses are one-to-many and renamed types (Lambda::Version -> aws_lambda_function,
  // Route53::HostedZone -> aws_route53_zone) that the name-consistency rule declines rather than guess.
  it('precision >= 99 % and recall >= 95 % on the hidden quarter', () => {
    const report = heldOutEvaluation(input, 0);
    assert.ok(report.hidden >= 80, `hidden ${report.hidden}`);
    assert.ok(report.precision >= 0.99, `precision ${report.precision}; wrong: ${JSON.stringify(report.wrong)}`);
    assert.ok(report.recall >= 0.95, `recall ${report.recall}; missed: ${report.missed.map((m) => m.cfn).join(', ')}`);
  });

  // Measured (npm run eval:equivalents): 74 of 80 on this quarter, none wrong; pooled 99.7 % / 92.1 %.
  it('reverse (Terraform -> CloudFormation) on the hidden quarter: precision >= 99 %, recall at its floor (92 %)', function () {
    // One whole derivation over every type of both sides (~12 s on a quiet 2-core machine): a measurement, not a budget.
    this.timeout(90000);
    const report = heldOutReverseEvaluation(input, 0);
    assert.ok(report.hidden >= 70, `hidden ${report.hidden}`);
    assert.ok(report.precision >= 0.99, `precision ${report.precision}; wrong: ${JSON.stringify(report.wrong)}`);
    assert.ok(report.recall >= 0.92, `recall ${report.recall}; missed: ${report.missed.map((m) => m.expected).join(', ')}`);
    assert.equal(heldOutReverseEvaluation({ ...input, tfResources: {} }, 0).correct, 0, 'negative control');
  });

  it('the evaluation can fail: a derivation that sees nothing of a service recalls less', () => {
    // Negative control: without the Terraform resources the hidden quarter cannot be derived.
    const empty = heldOutEvaluation({ ...input, tfResources: {} }, 0);
    assert.equal(empty.correct, 0);
    assert.equal(empty.recall, 0);
  });
});
