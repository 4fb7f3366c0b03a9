// npx tsx bench/convert/corpus/generate.ts — writes the converter corpus (bench/convert/corpus/templates/) from the
// building blocks in blocks.ts. Deterministic: the same seed gives byte-identical files, so the corpus is committed
// and diffs show what changed. Scenarios are the shapes real stacks take; each variant draws its own options, names,
// YAML short/long intrinsics or JSON, parameters, conditions and outputs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as B from './blocks';
import { toJson, toYaml } from './emit';

type Scenario = { name: string; sam: boolean; build: (t: B.T) => void; description: (t: B.T) => string };

const APPS = ['orders', 'billing', 'inventory', 'photos', 'chat', 'ledger', 'catalog', 'shipping', 'reports', 'auth', 'search', 'notify', 'metrics', 'booking', 'payroll'];

const sc = (name: string, sam: boolean, description: (t: B.T) => string, build: (t: B.T) => void): Scenario => ({ name, sam, build, description });

const SCENARIOS: Scenario[] = [
  sc('vpc', false, () => 'Network: VPC with public and private subnets, NAT and routing', (t) => { B.vpc(t); if (t.rng.chance(0.3)) B.securityGroup(t, 'Bastion', [22]); }),
  sc('alb-ecs', false, (t) => `${t.app} service on ECS Fargate behind an Application Load Balancer`, (t) => { if (t.rng.chance(0.5)) B.vpc(t); B.albEcs(t); if (t.rng.chance(0.3)) B.ecr(t); if (t.rng.chance(0.3)) B.alarms(t); }),
  sc('ecs-rds', false, (t) => `${t.app}: containers, a relational database and a cache`, (t) => { B.vpc(t); B.albEcs(t); B.rds(t); if (t.rng.chance(0.4)) B.cache(t); }),
  sc('lambda-sqs-ddb', false, (t) => `${t.app} worker: SQS queue, Lambda consumer, DynamoDB results table`, (t) => { B.lambdaSqsDynamo(t); if (t.rng.chance(0.4)) B.alarms(t); if (t.rng.chance(0.3)) B.sns(t); }),
  sc('rest-api', false, (t) => `${t.app} REST API on API Gateway and Lambda`, (t) => { if (t.rng.chance(0.5)) B.table(t); B.apiGatewayRest(t); }),
  sc('http-api', false, (t) => `${t.app} HTTP API (API Gateway v2)`, (t) => { if (t.rng.chance(0.3)) B.cognito(t); B.httpApiV2(t); }),
  sc('step-functions', false, (t) => `${t.app} workflow on Step Functions`, (t) => { B.stepFunctions(t); if (t.rng.chance(0.6)) B.eventBridge(t); }),
  sc('static-site', false, (t) => `Static website for ${t.app}: S3 and CloudFront`, (t) => { B.staticSite(t); }),
  sc('rds', false, (t) => `${t.app} database`, (t) => { if (t.rng.chance(0.4)) B.vpc(t); B.rds(t); if (t.rng.chance(0.3)) B.kms(t); }),
  sc('eventbridge', false, (t) => `${t.app} scheduled jobs and event routing`, (t) => { B.eventBridge(t); if (t.rng.chance(0.4)) B.sns(t); }),
  sc('sns-fanout', false, (t) => `${t.app} notifications: SNS topic fanned out to queues`, (t) => { B.sns(t); B.queue(t, 'AuditQueue'); B.alarms(t); }),
  sc('iam', false, (t) => `IAM roles and policies for ${t.app}`, (t) => { B.iamOnly(t); }),
  sc('ec2', false, (t) => `${t.app} web servers on EC2`, (t) => { if (t.rng.chance(0.5)) B.vpc(t); B.ec2Asg(t); if (t.rng.chance(0.3)) B.efs(t); }),
  sc('streaming', false, (t) => `${t.app} clickstream ingestion with Kinesis`, (t) => { B.kinesis(t); if (t.rng.chance(0.3)) B.dynamoStream(t); }),
  sc('data-lake', false, (t) => `${t.app} data bucket with uploads processing`, (t) => { B.s3Notifications(t); if (t.rng.chance(0.4)) B.kms(t); if (t.rng.chance(0.4)) B.secretsParams(t); }),
  sc('platform', false, (t) => `${t.app} shared platform: keys, secrets, DNS, identity`, (t) => { B.kms(t); B.secretsParams(t); if (t.rng.chance(0.5)) B.route53(t); if (t.rng.chance(0.5)) B.cognito(t); }),
  sc('ci', false, (t) => `${t.app} build pipeline resources`, (t) => { B.ecr(t); B.codebuild(t); }),
  sc('sam-api', true, (t) => `${t.app} serverless API`, (t) => { B.samGlobals(t); B.table(t); const auth = t.rng.pick(['none', 'cognito', 'lambda', 'iam', 'apikey'] as const); if (t.rng.chance(0.7)) B.samApi(t, auth); B.samFunction(t, 'GetItemFunction', ['Api']); B.samFunction(t, 'PutItemFunction', ['Api']); }),
  sc('sam-http', true, (t) => `${t.app} HTTP API with SAM`, (t) => { if (t.rng.chance(0.5)) B.samGlobals(t); if (t.rng.chance(0.6)) B.samHttpApi(t, t.rng.chance(0.5)); B.samFunction(t, 'HandlerFunction', ['HttpApi', ...(t.rng.chance(0.3) ? (['HttpApi'] as const) : [])]); }),
  sc('sam-worker', true, (t) => `${t.app} queue worker`, (t) => { B.samGlobals(t); B.queue(t, 'WorkQueue'); B.table(t); B.samFunction(t, 'WorkerFunction', ['SQS'], { destinations: t.rng.chance(0.3) }); }),
  sc('sam-events', true, (t) => `${t.app} event handlers`, (t) => {
    if (t.rng.chance(0.5)) B.samGlobals(t);
    // Two event types per variant in turn, so that nine variants cover all eighteen; sometimes a third at random.
    const all = [...B.samEventTypes];
    const v = Number(t.w.variant);
    const picked = new Set<B.SamEvent>([all[(2 * v) % all.length], all[(2 * v + 1) % all.length]]);
    if (t.rng.chance(0.3)) picked.add(t.rng.pick(all));
    for (const e of picked) B.samFunction(t, `${e}Function`, [e]);
  }),
  sc('sam-deploy', true, (t) => `${t.app} function with gradual deployment`, (t) => { B.samGlobals(t); const layer = B.samExtras(t); B.samFunction(t, 'LiveFunction', ['Api'], { alias: true, deploy: t.rng.chance(0.7), url: t.rng.chance(0.3), layer }); }),
  sc('sam-workflow', true, (t) => `${t.app} order workflow with SAM`, (t) => { B.table(t); B.samFunction(t, 'ValidateFunction', []); B.samStateMachine(t); }),
  sc('sam-connectors', true, (t) => `${t.app} functions wired with connectors`, (t) => { B.samGlobals(t); B.table(t); if (t.rng.chance(0.5)) B.queue(t, 'OutboxQueue', false); B.samFunction(t, 'WriterFunction', t.rng.chance(0.5) ? ['Schedule'] : []); B.samConnector(t); }),
  sc('sam-mixed', true, (t) => `${t.app} application (serverless with classic resources)`, (t) => { B.samGlobals(t); if (t.rng.chance(0.4)) B.vpc(t); B.table(t); B.bucket(t); B.samFunction(t, 'ApiFunction', ['Api', 'HttpApi']); B.samFunction(t, 'NightlyFunction', [t.rng.pick(['Schedule', 'ScheduleV2'] as const)]); if (t.rng.chance(0.5)) B.sns(t); if (t.rng.chance(0.5)) B.alarms(t); }),
  sc('sam-streams', true, (t) => `${t.app} stream processors`, (t) => { B.table(t); B.samFunction(t, 'TableStreamFunction', ['DynamoDB']); B.samFunction(t, 'ClickFunction', ['Kinesis']); if (t.rng.chance(0.5)) B.samFunction(t, 'KafkaFunction', [t.rng.pick(['MSK', 'SelfManagedKafka'] as const)]); }),
];

/** Parameters, conditions and outputs that real templates carry beyond the resources themselves. */
function decorate(t: B.T): void {
  const r = t.rng;
  if (r.chance(0.3)) t.env();
  if (t.params.Environment && r.chance(0.5)) {
    t.mappings.StageConfig = { dev: { LogRetention: 7, Alarms: 'false' }, staging: { LogRetention: 14, Alarms: 'false' }, prod: { LogRetention: 90, Alarms: 'true' } };
    const lg = Object.entries(t.resources).find(([, v]) => v.Type === 'AWS::Logs::LogGroup');
    if (lg) (lg[1].Properties as Record<string, unknown>).RetentionInDays = { 'Fn::FindInMap': ['StageConfig', B.ref('Environment'), 'LogRetention'] };
  }
  if (t.params.Environment && r.chance(0.4)) {
    const cond = t.isProd();
    const alarm = Object.entries(t.resources).find(([, v]) => v.Type === 'AWS::CloudWatch::Alarm');
    if (alarm) alarm[1].Condition = cond;
    else if (r.chance(0.5)) t.add('ProdBackupVault', 'AWS::Backup::BackupVault', { BackupVaultName: B.sub('${AWS::StackName}-vault') }, { Condition: cond });
  }
  if (r.chance(0.2)) {
    t.param('EnableDebug', { Type: 'String', Default: 'false', AllowedValues: ['true', 'false'] });
    t.conditions.DebugEnabled = { 'Fn::Equals': [B.ref('EnableDebug'), 'true'] };
    const fn = Object.values(t.resources).find((v) => v.Type === 'AWS::Lambda::Function' || v.Type === 'AWS::Serverless::Function');
    if (fn?.Properties) (fn.Properties as Record<string, unknown>).Timeout = B.iff('DebugEnabled', 900, (fn.Properties as Record<string, unknown>).Timeout ?? 30);
  }
  if (r.chance(0.15)) t.out('StackRegion', B.ref('AWS::Region'));
}

function build(s: Scenario, seed: number, variant: number): { text: string; ext: 'yaml' | 'json' } {
  const rng = new B.Rng(seed);
  const t = new B.T(rng, rng.pick(APPS), s.sam);
  t.w.variant = variant;
  s.build(t);
  decorate(t);
  const template: Record<string, unknown> = {};
  if (!s.sam || rng.chance(0.7)) template.AWSTemplateFormatVersion = '2010-09-09';
  if (s.sam) template.Transform = rng.chance(0.9) ? 'AWS::Serverless-2016-10-31' : ['AWS::Serverless-2016-10-31'];
  template.Description = s.description(t);
  if (t.globals) template.Globals = t.globals;
  if (Object.keys(t.params).length) template.Parameters = t.params;
  if (Object.keys(t.mappings).length) template.Mappings = t.mappings;
  if (Object.keys(t.conditions).length) template.Conditions = t.conditions;
  template.Resources = t.resources;
  if (Object.keys(t.outputs).length) template.Outputs = t.outputs;
  const r = rng.next();
  if (r < 0.25) return { text: toJson(template, rng.chance(0.5) ? 2 : 4), ext: 'json' };
  return { text: toYaml(template, r > 0.4), ext: 'yaml' };
}

export const CORPUS_DIR = path.join(__dirname, 'templates');

if (require.main === module) {
  const perScenario = Number(process.argv[2] ?? 9);
  fs.rmSync(CORPUS_DIR, { recursive: true, force: true });
  fs.mkdirSync(CORPUS_DIR, { recursive: true });
  let n = 0;
  for (const [si, s] of SCENARIOS.entries()) {
    for (let v = 1; v <= perScenario; v++) {
      const { text, ext } = build(s, 1000 * (si + 1) + v, v - 1);
      fs.writeFileSync(path.join(CORPUS_DIR, `${s.name}-${String(v).padStart(2, '0')}.${ext}`), text);
      n++;
    }
  }
  process.stdout.write(`${n} templates in ${path.relative(process.cwd(), CORPUS_DIR)}\n`);
}
