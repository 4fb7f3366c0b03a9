// Building blocks of the converter corpus: each adds the resources of one real-world pattern (a VPC, an ALB in front
// of ECS, a queue worker...) to a template, wiring to what earlier blocks made or to parameters when they are absent.
// Variety comes from the random choices inside each block, not from renaming one template.

type V = unknown;
type Obj = Record<string, V>;

export const ref = (id: string): Obj => ({ Ref: id });
export const att = (id: string, a: string): Obj => ({ 'Fn::GetAtt': [id, a] });
export const sub = (s: string, vars?: Obj): Obj => ({ 'Fn::Sub': vars ? [s, vars] : s });
export const join = (sep: string, parts: V[]): Obj => ({ 'Fn::Join': [sep, parts] });
export const iff = (c: string, a: V, b: V): Obj => ({ 'Fn::If': [c, a, b] });
export const select = (i: number, list: V): Obj => ({ 'Fn::Select': [i, list] });
export const azs = (): Obj => ({ 'Fn::GetAZs': '' });
export const noValue = ref('AWS::NoValue');

export class Rng {
  constructor(private s: number) {}
  next(): number {
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = Math.imul(this.s ^ (this.s >>> 15), 1 | this.s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
}

const pascal = (s: string) => s.replace(/(^|[-_ ])([a-z])/g, (_m, _p, c: string) => c.toUpperCase());

/** One template under construction. */
export class T {
  params: Record<string, Obj> = {};
  mappings: Record<string, Obj> = {};
  conditions: Record<string, V> = {};
  globals: Obj | undefined;
  resources: Record<string, Obj> = {};
  outputs: Record<string, Obj> = {};
  /** Shared wiring between blocks: vpc, subnets, sg, bucket, table, queue, topic, role, fn, cluster, api... */
  w: Record<string, V> = {};
  readonly prefix: string;
  constructor(
    readonly rng: Rng,
    readonly app: string,
    readonly sam: boolean,
  ) {
    // Some authors prefix every logical id with the app name, most do not.
    this.prefix = rng.chance(0.3) ? pascal(app) : '';
  }
  id(base: string): string {
    let id = this.prefix + base;
    for (let n = 2; this.resources[id] || this.params[id] || this.outputs[id]; n++) id = `${this.prefix}${base}${n}`;
    return id;
  }
  add(base: string, type: string, props?: Obj, extra?: Obj): string {
    const id = this.id(base);
    this.resources[id] = { Type: type, ...(extra ?? {}), ...(props && Object.keys(props).length ? { Properties: props } : {}) };
    return id;
  }
  param(name: string, spec: Obj): Obj {
    if (!this.params[name]) this.params[name] = spec;
    return ref(name);
  }
  env(): Obj {
    return this.param('Environment', { Type: 'String', Default: 'dev', AllowedValues: ['dev', 'staging', 'prod'], Description: 'Deployment stage' });
  }
  isProd(): string {
    this.env();
    this.conditions.IsProd ??= { 'Fn::Equals': [ref('Environment'), 'prod'] };
    return 'IsProd';
  }
  out(name: string, value: V, exportIt = false, description?: string): void {
    this.outputs[name] = {
      ...(description ? { Description: description } : {}),
      Value: value,
      ...(exportIt ? { Export: { Name: sub(`\${AWS::StackName}-${name}`) } } : {}),
    };
  }
  tags(extra: Obj = {}): V[] {
    const tags: V[] = [{ Key: 'Application', Value: this.app }];
    if (this.params.Environment || this.rng.chance(0.4)) tags.push({ Key: 'Environment', Value: this.env() });
    for (const [k, v] of Object.entries(extra)) tags.push({ Key: k, Value: v });
    return tags;
  }
  name(suffix: string): V {
    const r = this.rng.next();
    if (r < 0.35) return sub(`\${AWS::StackName}-${suffix}`);
    if (r < 0.6 && this.params.Environment) return sub(`${this.app}-\${Environment}-${suffix}`);
    if (r < 0.75) return `${this.app}-${suffix}`;
    return noName;
  }
}
/** name() returns this when the author lets CloudFormation name the resource. */
const noName = Symbol('no-name');
export function named(key: string, v: V): Obj {
  return v === noName ? {} : { [key]: v };
}

const lambdaAssume = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
const assume = (svc: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: svc }, Action: ['sts:AssumeRole'] }] });
const RUNTIMES = ['python3.12', 'python3.11', 'nodejs20.x', 'nodejs18.x', 'python3.13', 'nodejs22.x'];
const inlineCode = (runtime: string, what: string) =>
  runtime.startsWith('python')
    ? `import json\nimport os\n\n\ndef handler(event, context):\n    # ${what}\n    print(json.dumps(event))\n    return {"statusCode": 200, "body": json.dumps({"ok": True})}\n`
    : `exports.handler = async (event) => {\n  // ${what}\n  console.log(JSON.stringify(event));\n  return { statusCode: 200, body: JSON.stringify({ ok: true }) };\n};\n`;

// ---------------------------------------------------------------- networking
export function vpc(t: T): void {
  const r = t.rng;
  const cidr = r.chance(0.5) ? t.param('VpcCidr', { Type: 'String', Default: `10.${r.int(0, 60)}.0.0/16`, Description: 'VPC CIDR range' }) : `10.${r.int(0, 60)}.0.0/16`;
  const vpcId = t.add('VPC', 'AWS::EC2::VPC', { CidrBlock: cidr, EnableDnsSupport: true, EnableDnsHostnames: true, Tags: t.tags({ Name: sub(`\${AWS::StackName}-vpc`) }) });
  const igw = t.add('InternetGateway', 'AWS::EC2::InternetGateway', r.chance(0.5) ? { Tags: t.tags() } : undefined);
  const attach = t.add('GatewayAttachment', 'AWS::EC2::VPCGatewayAttachment', { VpcId: ref(vpcId), InternetGatewayId: ref(igw) });
  const azCount = r.pick([2, 2, 3]);
  const pubRt = t.add('PublicRouteTable', 'AWS::EC2::RouteTable', { VpcId: ref(vpcId), Tags: t.tags({ Name: 'public' }) });
  t.add('PublicRoute', 'AWS::EC2::Route', { RouteTableId: ref(pubRt), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref(igw) }, { DependsOn: attach });
  const pub: string[] = [];
  const priv: string[] = [];
  const useCidrFn = r.chance(0.5);
  for (let i = 0; i < azCount; i++) {
    const az = String.fromCharCode(65 + i);
    const s = t.add(`PublicSubnet${az}`, 'AWS::EC2::Subnet', {
      VpcId: ref(vpcId),
      CidrBlock: useCidrFn ? select(i, { 'Fn::Cidr': [att(vpcId, 'CidrBlock'), 6, 8] }) : `10.0.${i}.0/24`,
      AvailabilityZone: select(i, azs()),
      MapPublicIpOnLaunch: true,
      Tags: [{ Key: 'Name', Value: sub(`\${AWS::StackName}-public-${az.toLowerCase()}`) }],
    });
    t.add(`PublicSubnet${az}RouteTableAssociation`, 'AWS::EC2::SubnetRouteTableAssociation', { SubnetId: ref(s), RouteTableId: ref(pubRt) });
    pub.push(s);
  }
  if (r.chance(0.75)) {
    const eip = t.add('NatEIP', 'AWS::EC2::EIP', { Domain: 'vpc' }, { DependsOn: attach });
    const nat = t.add('NatGateway', 'AWS::EC2::NatGateway', { AllocationId: att(eip, 'AllocationId'), SubnetId: ref(pub[0]) });
    const privRt = t.add('PrivateRouteTable', 'AWS::EC2::RouteTable', { VpcId: ref(vpcId) });
    t.add('PrivateRoute', 'AWS::EC2::Route', { RouteTableId: ref(privRt), DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: ref(nat) });
    for (let i = 0; i < azCount; i++) {
      const az = String.fromCharCode(65 + i);
      const s = t.add(`PrivateSubnet${az}`, 'AWS::EC2::Subnet', {
        VpcId: ref(vpcId),
        CidrBlock: useCidrFn ? select(i + 3, { 'Fn::Cidr': [att(vpcId, 'CidrBlock'), 6, 8] }) : `10.0.${10 + i}.0/24`,
        AvailabilityZone: select(i, azs()),
      });
      t.add(`PrivateSubnet${az}RouteTableAssociation`, 'AWS::EC2::SubnetRouteTableAssociation', { SubnetId: ref(s), RouteTableId: ref(privRt) });
      priv.push(s);
    }
    if (r.chance(0.4)) t.add('S3Endpoint', 'AWS::EC2::VPCEndpoint', { VpcId: ref(vpcId), ServiceName: sub('com.amazonaws.${AWS::Region}.s3'), VpcEndpointType: 'Gateway', RouteTableIds: [ref(privRt)] });
  }
  if (r.chance(0.3)) {
    const lg = t.add('FlowLogGroup', 'AWS::Logs::LogGroup', { RetentionInDays: r.pick([7, 14, 30, 90]) });
    const role = t.add('FlowLogRole', 'AWS::IAM::Role', {
      AssumeRolePolicyDocument: assume('vpc-flow-logs.amazonaws.com'),
      Policies: [{ PolicyName: 'flowlogs', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], Resource: att(lg, 'Arn') }] } }],
    });
    t.add('FlowLog', 'AWS::EC2::FlowLog', { ResourceId: ref(vpcId), ResourceType: 'VPC', TrafficType: 'ALL', LogGroupName: ref(lg), DeliverLogsPermissionArn: att(role, 'Arn') });
  }
  t.w.vpc = ref(vpcId);
  t.w.publicSubnets = pub.map(ref);
  t.w.privateSubnets = (priv.length ? priv : pub).map(ref);
  t.out('VpcId', ref(vpcId), t.rng.chance(0.6), 'The VPC');
  if (r.chance(0.5)) t.out('PublicSubnets', join(',', pub.map(ref)), true);
}

function vpcWiring(t: T): { vpc: V; subnets: V; publicSubnets: V } {
  if (t.w.vpc) return { vpc: t.w.vpc, subnets: t.w.privateSubnets, publicSubnets: t.w.publicSubnets };
  const vpc = t.param('VpcId', { Type: 'AWS::EC2::VPC::Id', Description: 'Existing VPC' });
  const subnets = t.param('SubnetIds', { Type: 'List<AWS::EC2::Subnet::Id>', Description: 'Subnets for the workload' });
  return { vpc, subnets, publicSubnets: subnets };
}

export function securityGroup(t: T, name: string, ports: number[], from?: V): string {
  const { vpc } = vpcWiring(t);
  const ingress = ports.map((p) => (from ? { IpProtocol: 'tcp', FromPort: p, ToPort: p, SourceSecurityGroupId: from } : { IpProtocol: 'tcp', FromPort: p, ToPort: p, CidrIp: '0.0.0.0/0' }));
  const inlineRules = t.rng.chance(0.7);
  const sg = t.add(`${name}SecurityGroup`, 'AWS::EC2::SecurityGroup', {
    GroupDescription: `${name} security group`,
    VpcId: vpc,
    ...(inlineRules ? { SecurityGroupIngress: ingress } : {}),
    ...(t.rng.chance(0.3) ? { SecurityGroupEgress: [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }] } : {}),
  });
  if (!inlineRules) for (const [i, rule] of ingress.entries()) t.add(`${name}Ingress${i + 1}`, 'AWS::EC2::SecurityGroupIngress', { GroupId: ref(sg), ...rule });
  return sg;
}

// ---------------------------------------------------------------- containers
export function albEcs(t: T): void {
  const r = t.rng;
  const { vpc, subnets, publicSubnets } = vpcWiring(t);
  const port = r.pick([80, 3000, 8080, 8000]);
  const albSg = securityGroup(t, 'Alb', [80, 443]);
  const svcSg = securityGroup(t, 'Service', [port], att(albSg, 'GroupId'));
  const alb = t.add('LoadBalancer', 'AWS::ElasticLoadBalancingV2::LoadBalancer', {
    Scheme: r.pick(['internet-facing', 'internet-facing', 'internal']),
    Type: 'application',
    Subnets: publicSubnets,
    SecurityGroups: [ref(albSg)],
    ...(r.chance(0.4) ? { LoadBalancerAttributes: [{ Key: 'idle_timeout.timeout_seconds', Value: '60' }] } : {}),
  });
  const tg = t.add('TargetGroup', 'AWS::ElasticLoadBalancingV2::TargetGroup', {
    Port: port, Protocol: 'HTTP', TargetType: 'ip', VpcId: vpc,
    HealthCheckPath: r.pick(['/health', '/healthz', '/']), HealthCheckIntervalSeconds: 30, HealthyThresholdCount: 2,
    ...(r.chance(0.4) ? { TargetGroupAttributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }] } : {}),
  });
  const https = r.chance(0.5);
  if (https) {
    const cert = t.param('CertificateArn', { Type: 'String', Description: 'ACM certificate for the listener' });
    t.add('HttpsListener', 'AWS::ElasticLoadBalancingV2::Listener', { LoadBalancerArn: ref(alb), Port: 443, Protocol: 'HTTPS', Certificates: [{ CertificateArn: cert }], DefaultActions: [{ Type: 'forward', TargetGroupArn: ref(tg) }] });
    t.add('HttpListener', 'AWS::ElasticLoadBalancingV2::Listener', { LoadBalancerArn: ref(alb), Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] });
  } else {
    const l = t.add('Listener', 'AWS::ElasticLoadBalancingV2::Listener', { LoadBalancerArn: ref(alb), Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: ref(tg) }] });
    if (r.chance(0.5)) t.add('ApiRule', 'AWS::ElasticLoadBalancingV2::ListenerRule', { ListenerArn: ref(l), Priority: 10, Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }], Actions: [{ Type: 'forward', TargetGroupArn: ref(tg) }] });
  }
  const cluster = t.add('Cluster', 'AWS::ECS::Cluster', { ...named('ClusterName', t.name('cluster')), ...(r.chance(0.5) ? { ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] } : {}) });
  const logs = t.add('LogGroup', 'AWS::Logs::LogGroup', { LogGroupName: sub(`/ecs/\${AWS::StackName}/${t.app}`), RetentionInDays: r.pick([7, 14, 30]) });
  const exec = t.add('TaskExecutionRole', 'AWS::IAM::Role', { AssumeRolePolicyDocument: assume('ecs-tasks.amazonaws.com'), ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'] });
  const taskRole = r.chance(0.6) ? t.add('TaskRole', 'AWS::IAM::Role', { AssumeRolePolicyDocument: assume('ecs-tasks.amazonaws.com'), Policies: [{ PolicyName: 'app', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }] } }] }) : undefined;
  const image = r.chance(0.5) ? t.param('ImageUri', { Type: 'String', Description: 'Container image' }) : r.pick(['nginx:1.27', 'public.ecr.aws/docker/library/httpd:2.4', `${t.app}:latest`]);
  const td = t.add('TaskDefinition', 'AWS::ECS::TaskDefinition', {
    Family: t.app, Cpu: r.pick(['256', '512', '1024']), Memory: r.pick(['512', '1024', '2048']), NetworkMode: 'awsvpc', RequiresCompatibilities: ['FARGATE'],
    ExecutionRoleArn: att(exec, 'Arn'), ...(taskRole ? { TaskRoleArn: att(taskRole, 'Arn') } : {}),
    ContainerDefinitions: [{
      Name: t.app, Image: image, Essential: true, PortMappings: [{ ContainerPort: port, Protocol: 'tcp' }],
      Environment: [{ Name: 'PORT', Value: String(port) }, ...(t.params.Environment ? [{ Name: 'STAGE', Value: ref('Environment') }] : [])],
      LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': ref(logs), 'awslogs-region': ref('AWS::Region'), 'awslogs-stream-prefix': t.app } },
    }],
  });
  const svc = t.add('Service', 'AWS::ECS::Service', {
    Cluster: ref(cluster), TaskDefinition: ref(td), DesiredCount: r.pick([1, 2, 3]), LaunchType: 'FARGATE',
    NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'DISABLED', Subnets: subnets, SecurityGroups: [ref(svcSg)] } },
    LoadBalancers: [{ ContainerName: t.app, ContainerPort: port, TargetGroupArn: ref(tg) }],
    ...(r.chance(0.4) ? { DeploymentConfiguration: { MaximumPercent: 200, MinimumHealthyPercent: 100, DeploymentCircuitBreaker: { Enable: true, Rollback: true } } } : {}),
  }, { DependsOn: https ? ['HttpsListener'.replace(/^/, t.prefix)] : t.prefix + 'Listener' });
  if (r.chance(0.4)) {
    const target = t.add('ScalableTarget', 'AWS::ApplicationAutoScaling::ScalableTarget', { MaxCapacity: 6, MinCapacity: 1, ResourceId: join('/', ['service', ref(cluster), att(svc, 'Name')]), ScalableDimension: 'ecs:service:DesiredCount', ServiceNamespace: 'ecs' });
    t.add('CpuScaling', 'AWS::ApplicationAutoScaling::ScalingPolicy', { PolicyName: 'cpu', PolicyType: 'TargetTrackingScaling', ScalingTargetId: ref(target), TargetTrackingScalingPolicyConfiguration: { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } } });
  }
  t.out('LoadBalancerDNS', att(alb, 'DNSName'), false, 'Public endpoint');
  t.out('ServiceName', att(svc, 'Name'));
}

export function ecr(t: T): void {
  const repo = t.add('Repository', 'AWS::ECR::Repository', {
    ...named('RepositoryName', t.rng.chance(0.6) ? `${t.app}` : t.name('repo')),
    ImageScanningConfiguration: { ScanOnPush: true },
    ...(t.rng.chance(0.5) ? { ImageTagMutability: 'IMMUTABLE' } : {}),
    ...(t.rng.chance(0.5) ? { LifecyclePolicy: { LifecyclePolicyText: JSON.stringify({ rules: [{ rulePriority: 1, description: 'keep 20', selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 20 }, action: { type: 'expire' } }] }) } } : {}),
  });
  t.out('RepositoryUri', att(repo, 'RepositoryUri'), true);
}

// ---------------------------------------------------------------- data stores
export function table(t: T, base = 'Table'): string {
  const r = t.rng;
  const sk = r.chance(0.6);
  const gsi = r.chance(0.4);
  const onDemand = r.chance(0.7);
  const id = t.add(base, 'AWS::DynamoDB::Table', {
    ...named('TableName', t.name(base.toLowerCase())),
    BillingMode: onDemand ? 'PAY_PER_REQUEST' : 'PROVISIONED',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, ...(sk ? [{ AttributeName: 'sk', AttributeType: 'S' }] : []), ...(gsi ? [{ AttributeName: 'gsi1pk', AttributeType: 'S' }] : [])],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, ...(sk ? [{ AttributeName: 'sk', KeyType: 'RANGE' }] : [])],
    ...(onDemand ? {} : { ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } }),
    ...(gsi ? { GlobalSecondaryIndexes: [{ IndexName: 'gsi1', KeySchema: [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' }, ...(onDemand ? {} : { ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } }) }] } : {}),
    ...(r.chance(0.5) ? { StreamSpecification: { StreamViewType: r.pick(['NEW_IMAGE', 'NEW_AND_OLD_IMAGES']) } } : {}),
    ...(r.chance(0.5) ? { PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } } : {}),
    ...(r.chance(0.3) ? { SSESpecification: { SSEEnabled: true } } : {}),
    ...(r.chance(0.3) ? { TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } } : {}),
  }, r.chance(0.3) ? { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' } : undefined);
  t.w.table = id;
  return id;
}

export function queue(t: T, base = 'Queue', dlq = t.rng.chance(0.6)): string {
  const r = t.rng;
  const fifo = r.chance(0.15);
  let dlqId: string | undefined;
  if (dlq) dlqId = t.add(`${base}DLQ`, 'AWS::SQS::Queue', { MessageRetentionPeriod: 1209600, ...(fifo ? { FifoQueue: true } : {}) });
  const id = t.add(base, 'AWS::SQS::Queue', {
    ...(fifo ? { FifoQueue: true, ContentBasedDeduplication: true } : named('QueueName', t.name(base.toLowerCase()))),
    VisibilityTimeout: r.pick([30, 60, 120, 180, 300]),
    ...(r.chance(0.3) ? { ReceiveMessageWaitTimeSeconds: 20 } : {}),
    ...(r.chance(0.3) ? { KmsMasterKeyId: 'alias/aws/sqs' } : r.chance(0.3) ? { SqsManagedSseEnabled: true } : {}),
    ...(dlqId ? { RedrivePolicy: { deadLetterTargetArn: att(dlqId, 'Arn'), maxReceiveCount: r.pick([3, 5, 10]) } } : {}),
  });
  t.w.queue = id;
  return id;
}

export function bucket(t: T, base = 'Bucket', opts: { website?: boolean } = {}): string {
  const r = t.rng;
  const id = t.add(base, 'AWS::S3::Bucket', {
    ...named('BucketName', r.chance(0.5) ? sub(`${t.app}-${base.toLowerCase()}-\${AWS::AccountId}-\${AWS::Region}`) : t.name(base.toLowerCase())),
    ...(r.chance(0.6) ? { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: r.pick(['AES256', 'aws:kms']) } }] } } : {}),
    ...(r.chance(0.6) ? { PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true } } : {}),
    ...(r.chance(0.4) ? { VersioningConfiguration: { Status: 'Enabled' } } : {}),
    ...(r.chance(0.4) ? { LifecycleConfiguration: { Rules: [{ Id: 'expire-old', Status: 'Enabled', ExpirationInDays: r.pick([30, 90, 365]), ...(r.chance(0.5) ? { Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }] } : {}) }] } } : {}),
    ...(opts.website ? { WebsiteConfiguration: { IndexDocument: 'index.html', ErrorDocument: 'error.html' } } : {}),
    ...(r.chance(0.2) ? { CorsConfiguration: { CorsRules: [{ AllowedMethods: ['GET', 'PUT'], AllowedOrigins: ['*'], AllowedHeaders: ['*'], MaxAge: 3000 }] } } : {}),
    ...(r.chance(0.3) ? { Tags: t.tags() } : {}),
  }, r.chance(0.3) ? { DeletionPolicy: 'Retain' } : undefined);
  t.w.bucket = id;
  return id;
}

export function rds(t: T): void {
  const r = t.rng;
  const { subnets } = vpcWiring(t);
  const aurora = r.chance(0.4);
  const engine = aurora ? r.pick(['aurora-postgresql', 'aurora-mysql']) : r.pick(['postgres', 'mysql', 'mariadb']);
  const port = engine.includes('postgres') ? 5432 : 3306;
  const sg = securityGroup(t, 'Database', [port], t.w.appSg as V);
  const group = t.add('DBSubnetGroup', 'AWS::RDS::DBSubnetGroup', { DBSubnetGroupDescription: 'Database subnets', SubnetIds: subnets });
  const secret = r.chance(0.5);
  let user: V = t.param('DBUsername', { Type: 'String', Default: 'app', NoEcho: true });
  let password: V;
  if (secret) {
    const s = t.add('DBSecret', 'AWS::SecretsManager::Secret', { Description: 'Database credentials', GenerateSecretString: { SecretStringTemplate: '{"username": "app"}', GenerateStringKey: 'password', PasswordLength: 30, ExcludeCharacters: '"@/\\' } });
    user = sub(`{{resolve:secretsmanager:\${${s}}:SecretString:username}}`);
    password = sub(`{{resolve:secretsmanager:\${${s}}:SecretString:password}}`);
  } else password = t.param('DBPassword', { Type: 'String', NoEcho: true, MinLength: 12, Description: 'Master password' });
  const prod = r.chance(0.5) ? t.isProd() : undefined;
  if (aurora) {
    const cluster = t.add('DBCluster', 'AWS::RDS::DBCluster', {
      Engine: engine, ...(r.chance(0.5) ? { EngineVersion: engine === 'aurora-mysql' ? '8.0.mysql_aurora.3.05.2' : '15.4' } : {}),
      MasterUsername: user, MasterUserPassword: password, DBSubnetGroupName: ref(group), VpcSecurityGroupIds: [ref(sg)],
      BackupRetentionPeriod: prod ? iff(prod, 14, 1) : 7, StorageEncrypted: true, ...(r.chance(0.4) ? { DatabaseName: t.app.replace(/-/g, '') } : {}),
      ...(r.chance(0.4) ? { ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 4 } } : {}),
    }, { DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' });
    for (let i = 1; i <= r.pick([1, 2]); i++) t.add(`DBInstance${i}`, 'AWS::RDS::DBInstance', { Engine: engine, DBClusterIdentifier: ref(cluster), DBInstanceClass: r.pick(['db.r6g.large', 'db.serverless', 'db.t4g.medium']), DBSubnetGroupName: ref(group) });
    t.out('ClusterEndpoint', att(cluster, 'Endpoint.Address'), true);
  } else {
    const db = t.add('Database', 'AWS::RDS::DBInstance', {
      Engine: engine, DBInstanceClass: prod ? iff(prod, 'db.m6g.large', 'db.t4g.micro') : r.pick(['db.t4g.micro', 'db.t3.small']),
      AllocatedStorage: r.pick(['20', '50', 100]), StorageType: 'gp3', MasterUsername: user, MasterUserPassword: password,
      DBSubnetGroupName: ref(group), VPCSecurityGroups: [att(sg, 'GroupId')], MultiAZ: prod ? iff(prod, true, false) : r.chance(0.3),
      PubliclyAccessible: false, StorageEncrypted: true, BackupRetentionPeriod: 7, ...(r.chance(0.3) ? { DeletionProtection: true } : {}),
    }, { DeletionPolicy: r.pick(['Snapshot', 'Retain', 'Delete']) });
    t.out('DatabaseEndpoint', att(db, 'Endpoint.Address'));
    t.out('DatabasePort', att(db, 'Endpoint.Port'));
  }
}

export function cache(t: T): void {
  const { subnets } = vpcWiring(t);
  const sg = securityGroup(t, 'Cache', [6379], t.w.appSg as V);
  const group = t.add('CacheSubnetGroup', 'AWS::ElastiCache::SubnetGroup', { Description: 'cache subnets', SubnetIds: subnets });
  if (t.rng.chance(0.5)) {
    const rg = t.add('Redis', 'AWS::ElastiCache::ReplicationGroup', { ReplicationGroupDescription: `${t.app} cache`, Engine: 'redis', CacheNodeType: 'cache.t4g.small', NumCacheClusters: 2, AutomaticFailoverEnabled: true, CacheSubnetGroupName: ref(group), SecurityGroupIds: [ref(sg)], AtRestEncryptionEnabled: true, TransitEncryptionEnabled: true });
    t.out('RedisEndpoint', att(rg, 'PrimaryEndPoint.Address'));
  } else {
    const c = t.add('CacheCluster', 'AWS::ElastiCache::CacheCluster', { Engine: 'redis', CacheNodeType: 'cache.t4g.micro', NumCacheNodes: 1, CacheSubnetGroupName: ref(group), VpcSecurityGroupIds: [att(sg, 'GroupId')] });
    t.out('CacheEndpoint', att(c, 'RedisEndpoint.Address'));
  }
}

export function efs(t: T): void {
  const { subnets } = vpcWiring(t);
  const sg = securityGroup(t, 'FileSystem', [2049]);
  const fs = t.add('FileSystem', 'AWS::EFS::FileSystem', { Encrypted: true, PerformanceMode: 'generalPurpose', ...(t.rng.chance(0.5) ? { LifecyclePolicies: [{ TransitionToIA: 'AFTER_30_DAYS' }] } : {}), FileSystemTags: [{ Key: 'Name', Value: t.app }] });
  const list = Array.isArray(subnets) ? subnets : [select(0, subnets), select(1, subnets)];
  list.slice(0, 2).forEach((s, i) => t.add(`MountTarget${i + 1}`, 'AWS::EFS::MountTarget', { FileSystemId: ref(fs), SubnetId: s, SecurityGroups: [ref(sg)] }));
  if (t.rng.chance(0.5)) t.add('AccessPoint', 'AWS::EFS::AccessPoint', { FileSystemId: ref(fs), PosixUser: { Uid: '1000', Gid: '1000' }, RootDirectory: { Path: '/data', CreationInfo: { OwnerUid: '1000', OwnerGid: '1000', Permissions: '755' } } });
}

// ---------------------------------------------------------------- compute and IAM
export function lambdaRole(t: T, base: string, statements: V[]): string {
  const r = t.rng;
  const managed = r.chance(0.7);
  return t.add(`${base}Role`, 'AWS::IAM::Role', {
    AssumeRolePolicyDocument: lambdaAssume,
    ...(managed ? { ManagedPolicyArns: [r.chance(0.5) ? sub('arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole') : 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'] } : {}),
    Policies: [{ PolicyName: r.pick(['inline', `${base.toLowerCase()}-access`, 'app-policy']), PolicyDocument: { Version: '2012-10-17', Statement: [...statements, ...(managed ? [] : [{ Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }])] } }],
  });
}

export function lambdaFn(t: T, base: string, role: string, what: string, env: Obj = {}): string {
  const r = t.rng;
  const runtime = r.pick(RUNTIMES);
  const zip = r.chance(0.5);
  const code = zip ? { ZipFile: inlineCode(runtime, what) } : { S3Bucket: t.param('ArtifactBucket', { Type: 'String', Description: 'Bucket with the deployment packages' }), S3Key: `${base.toLowerCase()}.zip` };
  return t.add(base, 'AWS::Lambda::Function', {
    ...named('FunctionName', t.name(base.toLowerCase())),
    Runtime: runtime, Handler: runtime.startsWith('python') ? 'index.handler' : 'index.handler', Role: att(role, 'Arn'), Code: code,
    Timeout: r.pick([10, 30, 60, 300]), MemorySize: r.pick([128, 256, 512, 1024]),
    ...(Object.keys(env).length ? { Environment: { Variables: env } } : {}),
    ...(r.chance(0.25) ? { TracingConfig: { Mode: 'Active' } } : {}),
    ...(r.chance(0.2) ? { Architectures: ['arm64'] } : {}),
    ...(r.chance(0.15) ? { ReservedConcurrentExecutions: 5 } : {}),
    ...(t.w.vpc && r.chance(0.4) ? { VpcConfig: { SubnetIds: t.w.privateSubnets, SecurityGroupIds: [ref(securityGroup(t, `${base}Fn`, []))] } } : {}),
  });
}

export function lambdaSqsDynamo(t: T): void {
  const q = queue(t, 'JobQueue');
  const tb = table(t, 'ResultsTable');
  const role = lambdaRole(t, 'Worker', [
    { Effect: 'Allow', Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], Resource: att(q, 'Arn') },
    { Effect: 'Allow', Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem'], Resource: att(tb, 'Arn') },
  ]);
  const fn = lambdaFn(t, 'WorkerFunction', role, 'process queued jobs', { TABLE_NAME: ref(tb) });
  t.add('WorkerEventSourceMapping', 'AWS::Lambda::EventSourceMapping', {
    EventSourceArn: att(q, 'Arn'), FunctionName: ref(fn), BatchSize: t.rng.pick([1, 5, 10]),
    ...(t.rng.chance(0.4) ? { MaximumBatchingWindowInSeconds: 5, FunctionResponseTypes: ['ReportBatchItemFailures'] } : {}),
    ...(t.rng.chance(0.2) ? { ScalingConfig: { MaximumConcurrency: 10 } } : {}),
  });
  t.out('QueueUrl', ref(q), true);
  t.out('TableName', ref(tb));
}

export function dynamoStream(t: T): void {
  const tb = t.w.table ? String(t.w.table) : table(t, 'EventsTable');
  if (!(t.resources[tb].Properties as Obj).StreamSpecification) (t.resources[tb].Properties as Obj).StreamSpecification = { StreamViewType: 'NEW_AND_OLD_IMAGES' };
  const role = lambdaRole(t, 'StreamProcessor', [{ Effect: 'Allow', Action: ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:ListStreams'], Resource: att(tb, 'StreamArn') }]);
  const fn = lambdaFn(t, 'StreamProcessor', role, 'react to table changes');
  t.add('StreamMapping', 'AWS::Lambda::EventSourceMapping', { EventSourceArn: att(tb, 'StreamArn'), FunctionName: att(fn, 'Arn'), StartingPosition: 'LATEST', BatchSize: 100, ...(t.rng.chance(0.4) ? { FilterCriteria: { Filters: [{ Pattern: '{"eventName": ["INSERT"]}' }] } } : {}), ...(t.rng.chance(0.3) ? { BisectBatchOnFunctionError: true, MaximumRetryAttempts: 3 } : {}) });
}

export function kinesis(t: T): void {
  const r = t.rng;
  const stream = t.add('Stream', 'AWS::Kinesis::Stream', { ...(r.chance(0.5) ? { StreamModeDetails: { StreamMode: 'ON_DEMAND' } } : { ShardCount: r.pick([1, 2, 4]) }), RetentionPeriodHours: r.pick([24, 48, 168]), ...(r.chance(0.4) ? { StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' } } : {}) });
  if (r.chance(0.6)) {
    const b = t.w.bucket ? String(t.w.bucket) : bucket(t, 'ArchiveBucket');
    const role = t.add('FirehoseRole', 'AWS::IAM::Role', { AssumeRolePolicyDocument: assume('firehose.amazonaws.com'), Policies: [{ PolicyName: 'delivery', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:PutObject', 's3:GetBucketLocation', 's3:ListBucket'], Resource: [att(b, 'Arn'), sub(`\${${b}.Arn}/*`)] }, { Effect: 'Allow', Action: ['kinesis:DescribeStream', 'kinesis:GetRecords', 'kinesis:GetShardIterator'], Resource: att(stream, 'Arn') }] } }] });
    t.add('DeliveryStream', 'AWS::KinesisFirehose::DeliveryStream', {
      DeliveryStreamType: 'KinesisStreamAsSource',
      KinesisStreamSourceConfiguration: { KinesisStreamARN: att(stream, 'Arn'), RoleARN: att(role, 'Arn') },
      ExtendedS3DestinationConfiguration: { BucketARN: att(b, 'Arn'), RoleARN: att(role, 'Arn'), Prefix: 'raw/', BufferingHints: { IntervalInSeconds: 300, SizeInMBs: 5 }, CompressionFormat: 'GZIP' },
    });
  }
  if (r.chance(0.5)) {
    const role = lambdaRole(t, 'Consumer', [{ Effect: 'Allow', Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:ListShards'], Resource: att(stream, 'Arn') }]);
    const fn = lambdaFn(t, 'ConsumerFunction', role, 'read stream records');
    t.add('ConsumerMapping', 'AWS::Lambda::EventSourceMapping', { EventSourceArn: att(stream, 'Arn'), FunctionName: ref(fn), StartingPosition: r.pick(['LATEST', 'TRIM_HORIZON']), BatchSize: 100, ParallelizationFactor: r.pick([1, 2]) });
  }
  t.out('StreamArn', att(stream, 'Arn'), true);
}

export function ec2Asg(t: T): void {
  const r = t.rng;
  const { subnets } = vpcWiring(t);
  const sg = securityGroup(t, 'Instance', [80, 22]);
  t.w.appSg = att(sg, 'GroupId');
  const ami = r.chance(0.6) ? t.param('LatestAmiId', { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64' }) : { 'Fn::FindInMap': ['RegionMap', ref('AWS::Region'), 'AMI'] };
  if (!t.params.LatestAmiId) t.mappings.RegionMap = { 'us-east-1': { AMI: 'ami-0abcdef1234567890' }, 'eu-west-1': { AMI: 'ami-0fedcba9876543210' }, 'ap-northeast-1': { AMI: 'ami-0123456789abcdef0' } };
  const type = t.param('InstanceType', { Type: 'String', Default: 't3.micro', AllowedValues: ['t3.micro', 't3.small', 't3.medium'] });
  const role = t.add('InstanceRole', 'AWS::IAM::Role', { AssumeRolePolicyDocument: assume('ec2.amazonaws.com'), ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'], Path: '/' });
  const profile = t.add('InstanceProfile', 'AWS::IAM::InstanceProfile', { Path: '/', Roles: [ref(role)] });
  const userData = { 'Fn::Base64': sub('#!/bin/bash\nset -eux\ndnf install -y nginx\necho "${AWS::StackName}" > /usr/share/nginx/html/index.html\nsystemctl enable --now nginx\n') };
  if (r.chance(0.5)) {
    const lt = t.add('LaunchTemplate', 'AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: { ImageId: ami, InstanceType: type, IamInstanceProfile: { Arn: att(profile, 'Arn') }, SecurityGroupIds: [ref(sg)], UserData: userData, MetadataOptions: { HttpTokens: 'required' }, ...(r.chance(0.5) ? { BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 20, VolumeType: 'gp3', Encrypted: true } }] } : {}) },
    });
    t.add('AutoScalingGroup', 'AWS::AutoScaling::AutoScalingGroup', {
      MinSize: '1', MaxSize: '4', DesiredCapacity: '2', VPCZoneIdentifier: subnets,
      LaunchTemplate: { LaunchTemplateId: ref(lt), Version: att(lt, 'LatestVersionNumber') },
      ...(t.w.targetGroup ? { TargetGroupARNs: [t.w.targetGroup] } : {}),
      Tags: [{ Key: 'Name', Value: t.app, PropagateAtLaunch: true }],
    });
  } else {
    const inst = t.add('Instance', 'AWS::EC2::Instance', {
      ImageId: ami, InstanceType: type, IamInstanceProfile: ref(profile), SubnetId: Array.isArray(subnets) ? subnets[0] : select(0, subnets), SecurityGroupIds: [ref(sg)], UserData: userData,
      ...(r.chance(0.4) ? { BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 30, VolumeType: 'gp3' } }] } : {}),
      Tags: [{ Key: 'Name', Value: sub(`\${AWS::StackName}-web`) }],
    });
    if (r.chance(0.4)) t.add('InstanceEIP', 'AWS::EC2::EIP', { InstanceId: ref(inst) });
    t.out('InstanceId', ref(inst));
    t.out('PublicIp', att(inst, 'PublicIp'));
  }
}

export function iamOnly(t: T): void {
  const r = t.rng;
  const policy = t.add('ReadOnlyPolicy', 'AWS::IAM::ManagedPolicy', { Description: 'Read access to application data', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [sub(`arn:\${AWS::Partition}:s3:::${t.app}-data`), sub(`arn:\${AWS::Partition}:s3:::${t.app}-data/*`)] }] } });
  const role = t.add('DeployRole', 'AWS::IAM::Role', {
    ...named('RoleName', t.name('deploy')),
    AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: sub('arn:aws:iam::${AWS::AccountId}:root') }, Action: 'sts:AssumeRole', ...(r.chance(0.5) ? { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } : {}) }] },
    ManagedPolicyArns: [ref(policy)], MaxSessionDuration: 3600,
    Policies: [{ PolicyName: 'cloudformation', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cloudformation:*', Resource: '*' }, { Effect: 'Deny', Action: ['iam:DeleteRole'], Resource: '*' }] } }],
  });
  if (r.chance(0.6)) {
    const grp = t.add('DevelopersGroup', 'AWS::IAM::Group', { Path: '/teams/', ManagedPolicyArns: [ref(policy)] });
    t.add('DevelopersAssumePolicy', 'AWS::IAM::Policy', { PolicyName: 'assume-deploy', Groups: [ref(grp)], PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: att(role, 'Arn') }] } });
  }
  if (r.chance(0.4)) {
    const user = t.add('CiUser', 'AWS::IAM::User', { Path: '/ci/', Policies: [{ PolicyName: 'push', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:*', Resource: '*' }] } }] });
    t.add('CiAccessKey', 'AWS::IAM::AccessKey', { UserName: ref(user) });
  }
  t.out('DeployRoleArn', att(role, 'Arn'), true);
}

// ---------------------------------------------------------------- integration
export function apiGatewayRest(t: T): void {
  const r = t.rng;
  const role = lambdaRole(t, 'Api', t.w.table ? [{ Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: att(String(t.w.table), 'Arn') }] : [{ Effect: 'Allow', Action: 'xray:PutTraceSegments', Resource: '*' }]);
  const fn = lambdaFn(t, 'ApiFunction', role, 'answer API requests', t.w.table ? { TABLE_NAME: ref(String(t.w.table)) } : {});
  const api = t.add('RestApi', 'AWS::ApiGateway::RestApi', { Name: r.chance(0.5) ? `${t.app}-api` : sub(`\${AWS::StackName}-api`), ...(r.chance(0.5) ? { EndpointConfiguration: { Types: [r.pick(['REGIONAL', 'EDGE'])] } } : {}), Description: `${t.app} REST API` });
  const res = t.add('ItemsResource', 'AWS::ApiGateway::Resource', { RestApiId: ref(api), ParentId: att(api, 'RootResourceId'), PathPart: 'items' });
  const methods: string[] = [];
  for (const verb of r.chance(0.5) ? ['GET', 'POST'] : ['ANY']) {
    methods.push(t.add(`Items${verb[0]}${verb.slice(1).toLowerCase()}Method`, 'AWS::ApiGateway::Method', {
      RestApiId: ref(api), ResourceId: ref(res), HttpMethod: verb, AuthorizationType: r.chance(0.3) ? 'AWS_IAM' : 'NONE',
      Integration: { Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST', Uri: sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${fn}.Arn}/invocations`) },
    }));
  }
  const dep = t.add('Deployment', 'AWS::ApiGateway::Deployment', { RestApiId: ref(api) }, { DependsOn: methods });
  const stageName = t.params.Environment ? ref('Environment') : r.pick(['prod', 'v1', 'live']);
  const stage = t.add('Stage', 'AWS::ApiGateway::Stage', { RestApiId: ref(api), DeploymentId: ref(dep), StageName: stageName, ...(r.chance(0.4) ? { MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 100, ThrottlingBurstLimit: 50 }] } : {}), ...(r.chance(0.3) ? { TracingEnabled: true } : {}) });
  t.add('ApiInvokePermission', 'AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', FunctionName: ref(fn), Principal: 'apigateway.amazonaws.com', SourceArn: sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${api}}/*/*`) });
  if (r.chance(0.3)) {
    const key = t.add('ApiKey', 'AWS::ApiGateway::ApiKey', { Enabled: true }, { DependsOn: stage });
    const plan = t.add('UsagePlan', 'AWS::ApiGateway::UsagePlan', { ApiStages: [{ ApiId: ref(api), Stage: ref(stage) }], Throttle: { RateLimit: 10, BurstLimit: 20 }, Quota: { Limit: 10000, Period: 'MONTH' } });
    t.add('UsagePlanKey', 'AWS::ApiGateway::UsagePlanKey', { KeyId: ref(key), KeyType: 'API_KEY', UsagePlanId: ref(plan) });
  }
  t.out('ApiUrl', sub(`https://\${${api}}.execute-api.\${AWS::Region}.amazonaws.com/\${${stage}}/items`), false, 'Invoke URL');
}

export function httpApiV2(t: T): void {
  const r = t.rng;
  const role = lambdaRole(t, 'Http', []);
  const fn = lambdaFn(t, 'HttpHandler', role, 'handle HTTP API calls');
  const api = t.add('HttpApi', 'AWS::ApiGatewayV2::Api', { Name: `${t.app}-http`, ProtocolType: 'HTTP', ...(r.chance(0.5) ? { CorsConfiguration: { AllowOrigins: ['https://example.com'], AllowMethods: ['GET', 'POST'], AllowHeaders: ['content-type', 'authorization'] } } : {}) });
  const integ = t.add('HttpIntegration', 'AWS::ApiGatewayV2::Integration', { ApiId: ref(api), IntegrationType: 'AWS_PROXY', IntegrationUri: att(fn, 'Arn'), PayloadFormatVersion: '2.0' });
  let authorizer: string | undefined;
  if (r.chance(0.4)) {
    const pool = t.param('UserPoolId', { Type: 'String' });
    const client = t.param('UserPoolClientId', { Type: 'String' });
    authorizer = t.add('JwtAuthorizer', 'AWS::ApiGatewayV2::Authorizer', { ApiId: ref(api), AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'], Name: 'cognito', JwtConfiguration: { Audience: [client], Issuer: sub(`https://cognito-idp.\${AWS::Region}.amazonaws.com/\${UserPoolId}`) } });
    void pool;
  }
  for (const route of r.chance(0.5) ? ['GET /orders', 'POST /orders'] : ['ANY /{proxy+}']) {
    t.add(route.startsWith('GET') ? 'GetOrdersRoute' : route.startsWith('POST') ? 'PostOrdersRoute' : 'ProxyRoute', 'AWS::ApiGatewayV2::Route', { ApiId: ref(api), RouteKey: route, Target: join('/', ['integrations', ref(integ)]), ...(authorizer ? { AuthorizationType: 'JWT', AuthorizerId: ref(authorizer) } : {}) });
  }
  t.add('HttpStage', 'AWS::ApiGatewayV2::Stage', { ApiId: ref(api), StageName: '$default', AutoDeploy: true });
  t.add('HttpInvokePermission', 'AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', FunctionName: ref(fn), Principal: 'apigateway.amazonaws.com', SourceArn: sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${api}}/*`) });
  t.out('HttpApiEndpoint', att(api, 'ApiEndpoint'));
}

export function stepFunctions(t: T): void {
  const r = t.rng;
  const role = lambdaRole(t, 'Task', []);
  const fn = lambdaFn(t, 'TaskFunction', role, 'one step of the workflow');
  const smRole = t.add('StateMachineRole', 'AWS::IAM::Role', { AssumeRolePolicyDocument: assume(sub('states.${AWS::Region}.amazonaws.com') as unknown as string), Policies: [{ PolicyName: 'invoke', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: att(fn, 'Arn') }] } }] });
  const def = { Comment: `${t.app} workflow`, StartAt: 'Process', States: { Process: { Type: 'Task', Resource: '${TaskArn}', Retry: [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }], Next: 'Wait' }, Wait: { Type: 'Wait', Seconds: 10, Next: 'Done' }, Done: { Type: 'Succeed' } } };
  const props: Obj = { RoleArn: att(smRole, 'Arn'), ...named('StateMachineName', t.name('workflow')) };
  const style = r.pick(['string', 'object', 'join']);
  if (style === 'string') props.DefinitionString = sub(JSON.stringify(def, null, 2), { TaskArn: att(fn, 'Arn') });
  else if (style === 'object') { props.Definition = JSON.parse(JSON.stringify(def).replace('${TaskArn}', '${TaskArn}')); props.DefinitionSubstitutions = { TaskArn: att(fn, 'Arn') }; }
  else props.DefinitionString = join('', ['{"StartAt":"Process","States":{"Process":{"Type":"Task","Resource":"', att(fn, 'Arn'), '","End":true}}}']);
  if (r.chance(0.3)) props.StateMachineType = 'EXPRESS';
  if (r.chance(0.3)) props.TracingConfiguration = { Enabled: true };
  const sm = t.add('StateMachine', 'AWS::StepFunctions::StateMachine', props);
  t.w.stateMachine = sm;
  t.out('StateMachineArn', ref(sm));
}

export function eventBridge(t: T): void {
  const r = t.rng;
  let bus: V = 'default';
  if (r.chance(0.4)) { const b = t.add('EventBus', 'AWS::Events::EventBus', { Name: `${t.app}-events` }); bus = ref(b); }
  const targetFn = t.w.fn ? String(t.w.fn) : lambdaFn(t, 'ScheduledFunction', lambdaRole(t, 'Scheduled', []), 'run on a schedule');
  const sched = t.add('ScheduleRule', 'AWS::Events::Rule', { Description: 'nightly run', ScheduleExpression: r.pick(['rate(1 hour)', 'cron(0 3 * * ? *)', 'rate(5 minutes)']), State: 'ENABLED', Targets: [{ Arn: att(targetFn, 'Arn'), Id: 'fn' }] });
  t.add('SchedulePermission', 'AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', FunctionName: ref(targetFn), Principal: 'events.amazonaws.com', SourceArn: att(sched, 'Arn') });
  if (r.chance(0.6)) {
    const q = t.w.queue ? String(t.w.queue) : queue(t, 'EventQueue', false);
    const rule = t.add('OrderEventsRule', 'AWS::Events::Rule', { EventBusName: bus, EventPattern: { source: [`com.example.${t.app}`], 'detail-type': ['OrderPlaced', 'OrderCancelled'] }, Targets: [{ Arn: att(q, 'Arn'), Id: 'queue', ...(r.chance(0.4) ? { InputPath: '$.detail' } : {}) }] });
    t.add('EventQueuePolicy', 'AWS::SQS::QueuePolicy', { Queues: [ref(q)], PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: att(q, 'Arn'), Condition: { ArnEquals: { 'aws:SourceArn': att(rule, 'Arn') } } }] } });
  }
  if (t.w.stateMachine && r.chance(0.7)) {
    const role = t.add('EventsInvokeRole', 'AWS::IAM::Role', { AssumeRolePolicyDocument: assume('events.amazonaws.com'), Policies: [{ PolicyName: 'start', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'states:StartExecution', Resource: ref(String(t.w.stateMachine)) }] } }] });
    t.add('StartWorkflowRule', 'AWS::Events::Rule', { ScheduleExpression: 'rate(1 day)', Targets: [{ Arn: ref(String(t.w.stateMachine)), Id: 'workflow', RoleArn: att(role, 'Arn') }] });
  }
}

export function sns(t: T): void {
  const r = t.rng;
  const topic = t.add('Topic', 'AWS::SNS::Topic', { ...named('TopicName', t.name('alerts')), ...(r.chance(0.3) ? { KmsMasterKeyId: 'alias/aws/sns' } : {}), ...(r.chance(0.4) ? { Subscription: [{ Protocol: 'email', Endpoint: t.param('AlertEmail', { Type: 'String', Description: 'Who gets the alarms' }) }] } : {}) });
  if (r.chance(0.6)) {
    const q = t.w.queue ? String(t.w.queue) : queue(t, 'FanoutQueue', false);
    t.add('QueueSubscription', 'AWS::SNS::Subscription', { TopicArn: ref(topic), Protocol: 'sqs', Endpoint: att(q, 'Arn'), RawMessageDelivery: true, ...(r.chance(0.4) ? { FilterPolicy: { eventType: ['order_placed'] } } : {}) });
    t.add('FanoutQueuePolicy', 'AWS::SQS::QueuePolicy', { Queues: [ref(q)], PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: att(q, 'Arn'), Condition: { ArnEquals: { 'aws:SourceArn': ref(topic) } } }] } });
  }
  if (r.chance(0.4)) t.add('TopicPolicy', 'AWS::SNS::TopicPolicy', { Topics: [ref(topic)], PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish', Resource: ref(topic) }] } });
  t.w.topic = topic;
  t.out('TopicArn', ref(topic), r.chance(0.5));
}

export function alarms(t: T): void {
  const r = t.rng;
  const topic = t.w.topic ? ref(String(t.w.topic)) : t.param('AlarmTopicArn', { Type: 'String', Description: 'SNS topic for alarms' });
  if (t.w.queue) t.add('QueueDepthAlarm', 'AWS::CloudWatch::Alarm', { AlarmDescription: 'Backlog is growing', Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Dimensions: [{ Name: 'QueueName', Value: att(String(t.w.queue), 'QueueName') }], Statistic: 'Maximum', Period: 300, EvaluationPeriods: 2, Threshold: r.pick([100, 500, 1000]), ComparisonOperator: 'GreaterThanThreshold', AlarmActions: [topic], TreatMissingData: 'notBreaching' });
  const lg = t.add('AppLogGroup', 'AWS::Logs::LogGroup', { LogGroupName: `/app/${t.app}`, RetentionInDays: r.pick([14, 30, 60]) });
  const mf = t.add('ErrorMetricFilter', 'AWS::Logs::MetricFilter', { LogGroupName: ref(lg), FilterPattern: '?ERROR ?Exception', MetricTransformations: [{ MetricName: 'AppErrors', MetricNamespace: t.app, MetricValue: '1', DefaultValue: 0 }] });
  t.add('ErrorAlarm', 'AWS::CloudWatch::Alarm', { AlarmName: sub(`\${AWS::StackName}-errors`), Namespace: t.app, MetricName: 'AppErrors', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', AlarmActions: [topic] }, { DependsOn: mf });
  if (r.chance(0.3)) t.add('Dashboard', 'AWS::CloudWatch::Dashboard', { DashboardName: `${t.app}-overview`, DashboardBody: sub(JSON.stringify({ widgets: [{ type: 'metric', properties: { metrics: [[t.app, 'AppErrors']], region: '${AWS::Region}', title: 'Errors' } }] })) });
}

export function staticSite(t: T): void {
  const r = t.rng;
  const b = bucket(t, 'SiteBucket');
  const useOac = r.chance(0.6);
  let oacId: string | undefined;
  let oai: string | undefined;
  if (useOac) oacId = t.add('OriginAccessControl', 'AWS::CloudFront::OriginAccessControl', { OriginAccessControlConfig: { Name: sub('${AWS::StackName}-oac'), OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' } });
  else oai = t.add('OriginAccessIdentity', 'AWS::CloudFront::CloudFrontOriginAccessIdentity', { CloudFrontOriginAccessIdentityConfig: { Comment: `${t.app} site` } });
  let cachePolicy: V = '658327ea-f89d-4fab-a63d-7e88639e58f6';
  if (r.chance(0.4)) cachePolicy = ref(t.add('CachePolicy', 'AWS::CloudFront::CachePolicy', { CachePolicyConfig: { Name: sub('${AWS::StackName}-cache'), DefaultTTL: 86400, MaxTTL: 31536000, MinTTL: 0, ParametersInCacheKeyAndForwardedToOrigin: { EnableAcceptEncodingGzip: true, EnableAcceptEncodingBrotli: true, CookiesConfig: { CookieBehavior: 'none' }, HeadersConfig: { HeaderBehavior: 'none' }, QueryStringsConfig: { QueryStringBehavior: 'none' } } } }));
  const aliases = r.chance(0.4);
  const dist = t.add('Distribution', 'AWS::CloudFront::Distribution', {
    DistributionConfig: {
      Enabled: true, DefaultRootObject: 'index.html', HttpVersion: 'http2', PriceClass: r.pick(['PriceClass_100', 'PriceClass_All']),
      ...(aliases ? { Aliases: [t.param('DomainName', { Type: 'String' })], ViewerCertificate: { AcmCertificateArn: t.param('CertificateArn', { Type: 'String' }), SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' } } : { ViewerCertificate: { CloudFrontDefaultCertificate: true } }),
      Origins: [{ Id: 's3origin', DomainName: att(b, 'RegionalDomainName'), S3OriginConfig: oai ? { OriginAccessIdentity: sub(`origin-access-identity/cloudfront/\${${oai}}`) } : { OriginAccessIdentity: '' }, ...(oacId ? { OriginAccessControlId: att(oacId, 'Id') } : {}) }],
      DefaultCacheBehavior: { TargetOriginId: 's3origin', ViewerProtocolPolicy: 'redirect-to-https', AllowedMethods: ['GET', 'HEAD'], CachedMethods: ['GET', 'HEAD'], Compress: true, CachePolicyId: cachePolicy },
      ...(r.chance(0.5) ? { CustomErrorResponses: [{ ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html' }] } : {}),
    },
  });
  t.add('SiteBucketPolicy', 'AWS::S3::BucketPolicy', {
    Bucket: ref(b),
    PolicyDocument: { Version: '2012-10-17', Statement: [oacId
      ? { Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject', Resource: sub(`\${${b}.Arn}/*`), Condition: { StringEquals: { 'AWS:SourceArn': sub(`arn:aws:cloudfront::\${AWS::AccountId}:distribution/\${${dist}}`) } } }
      : { Effect: 'Allow', Principal: { CanonicalUser: att(oai!, 'S3CanonicalUserId') }, Action: 's3:GetObject', Resource: join('', [att(b, 'Arn'), '/*']) }] },
  });
  if (aliases && r.chance(0.6)) t.add('SiteRecord', 'AWS::Route53::RecordSet', { HostedZoneName: sub('${DomainName}.'), Name: ref('DomainName'), Type: 'A', AliasTarget: { DNSName: att(dist, 'DomainName'), HostedZoneId: 'Z2FDTNDATAQYW2' } });
  t.out('DistributionDomain', att(dist, 'DomainName'));
  t.out('BucketName', ref(b));
}

export function s3Notifications(t: T): void {
  const b = bucket(t, 'UploadBucket');
  const role = lambdaRole(t, 'Thumbnail', [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: sub(`arn:aws:s3:::${t.app}-uploads-\${AWS::AccountId}/*`) }]);
  const fn = lambdaFn(t, 'ThumbnailFunction', role, 'make a thumbnail of each upload');
  const perm = t.add('BucketInvokePermission', 'AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', FunctionName: ref(fn), Principal: 's3.amazonaws.com', SourceAccount: ref('AWS::AccountId'), SourceArn: sub(`arn:aws:s3:::${t.app}-uploads-\${AWS::AccountId}`) });
  const props = t.resources[b].Properties as Obj;
  props.BucketName = sub(`${t.app}-uploads-\${AWS::AccountId}`);
  props.NotificationConfiguration = { LambdaConfigurations: [{ Event: 's3:ObjectCreated:*', Function: att(fn, 'Arn'), Filter: { S3Key: { Rules: [{ Name: 'suffix', Value: '.jpg' }] } } }] };
  t.resources[b].DependsOn = perm;
}

export function kms(t: T): void {
  const key = t.add('DataKey', 'AWS::KMS::Key', { Description: `${t.app} data key`, EnableKeyRotation: true, KeyPolicy: { Version: '2012-10-17', Statement: [{ Sid: 'root', Effect: 'Allow', Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') }, Action: 'kms:*', Resource: '*' }] } });
  t.add('DataKeyAlias', 'AWS::KMS::Alias', { AliasName: `alias/${t.app}-data`, TargetKeyId: ref(key) });
  t.w.kmsKey = key;
  t.out('KeyArn', att(key, 'Arn'));
}

export function secretsParams(t: T): void {
  const s = t.add('ApiSecret', 'AWS::SecretsManager::Secret', { Name: sub(`/${t.app}/\${Environment}/api-key`), Description: 'Third-party API key', ...(t.w.kmsKey ? { KmsKeyId: ref(String(t.w.kmsKey)) } : {}) });
  t.env();
  t.add('ConfigParameter', 'AWS::SSM::Parameter', { Name: sub(`/${t.app}/\${Environment}/config`), Type: 'String', Value: JSON.stringify({ featureX: true, pageSize: 50 }), Description: 'runtime configuration' });
  t.out('SecretArn', ref(s));
}

export function cognito(t: T): void {
  const r = t.rng;
  const pool = t.add('UserPool', 'AWS::Cognito::UserPool', { UserPoolName: sub('${AWS::StackName}-users'), AutoVerifiedAttributes: ['email'], UsernameAttributes: ['email'], Policies: { PasswordPolicy: { MinimumLength: 12, RequireNumbers: true, RequireSymbols: r.chance(0.5), RequireUppercase: true, RequireLowercase: true } }, ...(r.chance(0.4) ? { MfaConfiguration: 'OPTIONAL', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] } : {}), Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true }] });
  const client = t.add('UserPoolClient', 'AWS::Cognito::UserPoolClient', { UserPoolId: ref(pool), ClientName: `${t.app}-web`, GenerateSecret: false, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], ...(r.chance(0.4) ? { AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'email'], AllowedOAuthFlowsUserPoolClient: true, CallbackURLs: ['https://example.com/callback'], SupportedIdentityProviders: ['COGNITO'] } : {}) });
  if (r.chance(0.4)) t.add('UserPoolDomain', 'AWS::Cognito::UserPoolDomain', { Domain: sub(`${t.app}-\${AWS::AccountId}`), UserPoolId: ref(pool) });
  t.w.userPool = pool;
  t.w.userPoolClient = client;
  t.out('UserPoolId', ref(pool));
  t.out('UserPoolClientId', ref(client));
}

export function route53(t: T): void {
  const zone = t.add('HostedZone', 'AWS::Route53::HostedZone', { Name: t.param('ZoneName', { Type: 'String', Default: `${t.app}.example.com` }), HostedZoneConfig: { Comment: 'managed by CloudFormation' } });
  t.add('WwwRecord', 'AWS::Route53::RecordSet', { HostedZoneId: ref(zone), Name: sub('www.${ZoneName}'), Type: 'CNAME', TTL: '300', ResourceRecords: [sub('${ZoneName}')] });
  if (t.rng.chance(0.5)) t.add('HealthCheck', 'AWS::Route53::HealthCheck', { HealthCheckConfig: { Type: 'HTTPS', FullyQualifiedDomainName: sub('www.${ZoneName}'), ResourcePath: '/health', RequestInterval: 30, FailureThreshold: 3 } });
  t.out('NameServers', { 'Fn::Join': [',', att(zone, 'NameServers')] });
}

export function codebuild(t: T): void {
  const art = t.w.bucket ? String(t.w.bucket) : bucket(t, 'ArtifactsBucket');
  const role = t.add('BuildRole', 'AWS::IAM::Role', { AssumeRolePolicyDocument: assume('codebuild.amazonaws.com'), Policies: [{ PolicyName: 'build', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['logs:*'], Resource: '*' }, { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: sub(`\${${art}.Arn}/*`) }] } }] });
  t.add('BuildProject', 'AWS::CodeBuild::Project', {
    Name: sub('${AWS::StackName}-build'), ServiceRole: att(role, 'Arn'),
    Artifacts: { Type: 'S3', Location: ref(art), Packaging: 'ZIP' },
    Environment: { Type: 'LINUX_CONTAINER', ComputeType: 'BUILD_GENERAL1_SMALL', Image: 'aws/codebuild/standard:7.0', EnvironmentVariables: [{ Name: 'STAGE', Value: 'ci' }] },
    Source: { Type: 'GITHUB', Location: `https://github.com/example/${t.app}.git`, BuildSpec: 'version: 0.2\nphases:\n  build:\n    commands:\n      - make test\n' },
    TimeoutInMinutes: 20,
  });
}

// ---------------------------------------------------------------- SAM
const SAM_EVENTS = ['Api', 'HttpApi', 'SQS', 'SNS', 'S3', 'Schedule', 'ScheduleV2', 'EventBridgeRule', 'CloudWatchEvent', 'DynamoDB', 'Kinesis', 'CloudWatchLogs', 'IoTRule', 'Cognito', 'MSK', 'SelfManagedKafka', 'MQ', 'DocumentDB'] as const;
export type SamEvent = (typeof SAM_EVENTS)[number];
export const samEventTypes = SAM_EVENTS;

export function samGlobals(t: T): void {
  const r = t.rng;
  t.globals = { Function: { Runtime: r.pick(RUNTIMES), Timeout: r.pick([10, 30, 60]), MemorySize: r.pick([128, 256, 512]), ...(r.chance(0.4) ? { Tracing: 'Active' } : {}), ...(r.chance(0.3) ? { Architectures: ['arm64'] } : {}), ...(r.chance(0.5) ? { Environment: { Variables: { LOG_LEVEL: 'INFO', ...(t.params.Environment ? { STAGE: ref('Environment') } : {}) } } } : {}) } };
  if (r.chance(0.3)) (t.globals as Obj).Api = { Cors: { AllowOrigin: "'*'", AllowHeaders: "'Content-Type,Authorization'" } };
}

function samEvent(t: T, kind: SamEvent, fnBase: string): [string, Obj] {
  const r = t.rng;
  const existing = (key: string, make: () => string) => (t.w[key] ? String(t.w[key]) : make());
  switch (kind) {
    case 'Api': return [`${r.pick(['Get', 'List', 'Create'])}Items`, { Type: 'Api', Properties: { Path: r.pick(['/items', '/items/{id}', '/orders']), Method: r.pick(['get', 'post', 'any']), ...(t.w.samApi ? { RestApiId: ref(String(t.w.samApi)) } : {}) } }];
    case 'HttpApi': return ['HttpRoute', { Type: 'HttpApi', Properties: { Path: r.pick(['/health', '/v1/orders', '/{proxy+}']), Method: r.pick(['GET', 'POST', 'ANY']), ...(t.w.samHttpApi ? { ApiId: ref(String(t.w.samHttpApi)) } : {}) } }];
    case 'SQS': { const q = existing('queue', () => queue(t, 'InputQueue')); return ['QueueEvent', { Type: 'SQS', Properties: { Queue: att(q, 'Arn'), BatchSize: r.pick([1, 10]), ...(r.chance(0.4) ? { FunctionResponseTypes: ['ReportBatchItemFailures'] } : {}), ...(r.chance(0.3) ? { MaximumBatchingWindowInSeconds: 10 } : {}) } }]; }
    case 'SNS': { const tp = existing('topic', () => t.add('NotificationTopic', 'AWS::SNS::Topic')); return ['TopicEvent', { Type: 'SNS', Properties: { Topic: ref(tp), ...(r.chance(0.4) ? { FilterPolicy: { kind: ['alert'] } } : {}) } }]; }
    case 'S3': { const b = t.add(`${fnBase}Bucket`, 'AWS::S3::Bucket'); return ['Upload', { Type: 'S3', Properties: { Bucket: ref(b), Events: 's3:ObjectCreated:*', ...(r.chance(0.5) ? { Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'incoming/' }] } } } : {}) } }]; }
    case 'Schedule': return ['Nightly', { Type: 'Schedule', Properties: { Schedule: r.pick(['rate(1 day)', 'cron(0 2 * * ? *)']), ...(r.chance(0.5) ? { Description: 'nightly cleanup', Enabled: true } : {}), ...(r.chance(0.3) ? { Input: '{"mode": "full"}' } : {}) } }];
    case 'ScheduleV2': return ['Hourly', { Type: 'ScheduleV2', Properties: { ScheduleExpression: 'rate(1 hour)', ...(r.chance(0.5) ? { ScheduleExpressionTimezone: 'Asia/Tokyo' } : {}), ...(r.chance(0.3) ? { FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 15 } } : {}) } }];
    case 'EventBridgeRule': return ['OrderPlaced', { Type: 'EventBridgeRule', Properties: { Pattern: { source: [`com.example.${t.app}`], 'detail-type': ['OrderPlaced'] }, ...(r.chance(0.4) ? { EventBusName: 'default' } : {}), ...(r.chance(0.3) ? { RetryPolicy: { MaximumRetryAttempts: 2 } } : {}) } }];
    case 'CloudWatchEvent': return ['InstanceStateChange', { Type: 'CloudWatchEvent', Properties: { Pattern: { source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'], detail: { state: ['stopped'] } } } }];
    case 'DynamoDB': { const tb = existing('table', () => table(t, 'EventsTable')); (t.resources[tb].Properties as Obj).StreamSpecification ??= { StreamViewType: 'NEW_IMAGE' }; return ['TableStream', { Type: 'DynamoDB', Properties: { Stream: att(tb, 'StreamArn'), StartingPosition: r.pick(['LATEST', 'TRIM_HORIZON']), BatchSize: 100, ...(r.chance(0.3) ? { MaximumRetryAttempts: 2, BisectBatchOnFunctionError: true } : {}) } }]; }
    case 'Kinesis': { const s = t.add('ClickStream', 'AWS::Kinesis::Stream', { ShardCount: 1 }); return ['Clicks', { Type: 'Kinesis', Properties: { Stream: att(s, 'Arn'), StartingPosition: 'LATEST', BatchSize: 200, ...(r.chance(0.3) ? { ParallelizationFactor: 2 } : {}) } }]; }
    case 'CloudWatchLogs': { const lg = t.add('SourceLogGroup', 'AWS::Logs::LogGroup', { RetentionInDays: 7 }); return ['LogErrors', { Type: 'CloudWatchLogs', Properties: { LogGroupName: ref(lg), FilterPattern: 'ERROR' } }]; }
    case 'IoTRule': return ['Telemetry', { Type: 'IoTRule', Properties: { Sql: "SELECT * FROM 'devices/+/telemetry'", AwsIotSqlVersion: '2016-03-23' } }];
    case 'Cognito': { const p = existing('userPool', () => t.add('TriggerUserPool', 'AWS::Cognito::UserPool', { UserPoolName: `${t.app}-users` })); return ['PreSignUp', { Type: 'Cognito', Properties: { UserPool: ref(p), Trigger: r.pick(['PreSignUp', 'PostConfirmation']) } }]; }
    case 'MSK': return ['Orders', { Type: 'MSK', Properties: { Stream: t.param('MskClusterArn', { Type: 'String' }), Topics: ['orders'], StartingPosition: 'LATEST', ...(r.chance(0.4) ? { ConsumerGroupId: `${t.app}-consumer` } : {}) } }];
    case 'SelfManagedKafka': return ['KafkaOrders', { Type: 'SelfManagedKafka', Properties: { KafkaBootstrapServers: ['broker-1.example.com:9092', 'broker-2.example.com:9092'], Topics: ['orders'], SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: t.param('KafkaSecretArn', { Type: 'String' }) }, ...(t.w.vpc ? [] : [])], ...(r.chance(0.5) ? { ConsumerGroupId: 'workers' } : {}) } }];
    case 'MQ': return ['Broker', { Type: 'MQ', Properties: { Broker: t.param('BrokerArn', { Type: 'String' }), Queues: ['jobs'], SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: t.param('BrokerSecretArn', { Type: 'String' }) }] } }];
    case 'DocumentDB': return ['DocDbChanges', { Type: 'DocumentDB', Properties: { Cluster: t.param('DocDbClusterArn', { Type: 'String' }), DatabaseName: 'app', CollectionName: 'orders', SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: t.param('DocDbSecretArn', { Type: 'String' }) }], StartingPosition: 'LATEST' } }];
  }
}

export function samFunction(t: T, base: string, events: SamEvent[], opts: { alias?: boolean; deploy?: boolean; url?: boolean; destinations?: boolean; layer?: string } = {}): string {
  const r = t.rng;
  const policies: V[] = [];
  if (t.w.table && r.chance(0.7)) policies.push(r.chance(0.5) ? { DynamoDBCrudPolicy: { TableName: ref(String(t.w.table)) } } : { DynamoDBReadPolicy: { TableName: ref(String(t.w.table)) } });
  if (t.w.queue && r.chance(0.5)) policies.push({ SQSSendMessagePolicy: { QueueName: att(String(t.w.queue), 'QueueName') } });
  if (t.w.bucket && r.chance(0.5)) policies.push({ S3ReadPolicy: { BucketName: ref(String(t.w.bucket)) } });
  if (r.chance(0.3)) policies.push('AWSXrayWriteOnlyAccess');
  if (r.chance(0.3)) policies.push({ Statement: [{ Effect: 'Allow', Action: ['ssm:GetParameter'], Resource: sub(`arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/${t.app}/*`) }] });
  if (r.chance(0.15)) policies.push({ SSMParameterReadPolicy: { ParameterName: `${t.app}/*` } });
  const eventObj: Obj = {};
  for (const e of events) {
    const [name, ev] = samEvent(t, e, base);
    let n = name;
    for (let i = 2; eventObj[n]; i++) n = `${name}${i}`;
    eventObj[n] = ev;
  }
  const dir = base.replace(/Function$/, '').toLowerCase() || 'fn';
  const globalRuntime = (t.globals as { Function?: Obj } | undefined)?.Function?.Runtime as string | undefined;
  const ownRuntime = globalRuntime && r.chance(0.7) ? undefined : r.pick(RUNTIMES);
  const runtime = ownRuntime ?? globalRuntime ?? 'python3.12';
  const props: Obj = {
    ...(r.chance(0.6) ? { CodeUri: r.pick([`src/${dir}/`, `functions/${dir}`, `./${dir}`]) } : { InlineCode: inlineCode(runtime, `${dir} handler`) }),
    Handler: runtime.startsWith('python') ? r.pick(['app.handler', 'app.lambda_handler', 'handler.main']) : r.pick(['index.handler', 'app.handler']),
    ...(ownRuntime ? { Runtime: ownRuntime } : {}),
    ...(r.chance(0.3) ? { Description: `${base} for ${t.app}` } : {}),
    ...(r.chance(0.3) ? { Timeout: r.pick([15, 60, 900]) } : {}),
    ...(r.chance(0.3) ? { Environment: { Variables: { ...(t.w.table ? { TABLE_NAME: ref(String(t.w.table)) } : {}), ...(t.w.queue ? { QUEUE_URL: ref(String(t.w.queue)) } : {}), POWERTOOLS_SERVICE_NAME: t.app } } } : {}),
    ...(policies.length ? { Policies: policies } : r.chance(0.3) ? { Role: t.param('ExistingRoleArn', { Type: 'String', Description: 'Role for the functions' }) } : {}),
    ...(Object.keys(eventObj).length ? { Events: eventObj } : {}),
    ...(r.chance(0.2) ? { Tracing: r.pick(['Active', 'PassThrough', 'Disabled']) } : {}),
    ...(opts.layer ? { Layers: [ref(opts.layer)] } : {}),
    ...(opts.alias ? { AutoPublishAlias: r.pick(['live', 'prod', 'current']) } : {}),
    ...(opts.deploy ? { DeploymentPreference: { Type: r.pick(['Canary10Percent5Minutes', 'Linear10PercentEvery1Minute', 'AllAtOnce']), ...(r.chance(0.5) ? { Alarms: [ref(t.add(`${base}ErrorsAlarm`, 'AWS::CloudWatch::Alarm', { Namespace: 'AWS/Lambda', MetricName: 'Errors', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' }))] } : {}) } } : {}),
    ...(opts.url ? { FunctionUrlConfig: { AuthType: r.pick(['NONE', 'AWS_IAM']), ...(r.chance(0.5) ? { Cors: { AllowOrigins: ['*'], AllowMethods: ['GET'] } } : {}) } } : {}),
    ...(opts.destinations ? { EventInvokeConfig: { MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Type: 'SQS', Destination: att(queue(t, `${base}FailureQueue`, false), 'Arn') } } } } : {}),
    ...(r.chance(0.15) ? { ReservedConcurrentExecutions: 10 } : {}),
    ...(t.w.vpc && r.chance(0.3) ? { VpcConfig: { SubnetIds: t.w.privateSubnets, SecurityGroupIds: [ref(securityGroup(t, `${base}`, []))] } } : {}),
  };
  const id = t.add(base, 'AWS::Serverless::Function', props);
  t.w.fn = id;
  return id;
}

export function samApi(t: T, auth: 'none' | 'cognito' | 'lambda' | 'iam' | 'apikey'): string {
  const r = t.rng;
  const props: Obj = { StageName: t.params.Environment ? ref('Environment') : r.pick(['Prod', 'v1', 'dev']) };
  if (r.chance(0.4)) props.TracingEnabled = true;
  if (r.chance(0.3)) props.EndpointConfiguration = { Type: 'REGIONAL' };
  if (r.chance(0.3)) props.Cors = { AllowMethods: "'GET,POST,OPTIONS'", AllowHeaders: "'Content-Type,Authorization'", AllowOrigin: "'https://example.com'" };
  if (r.chance(0.2)) props.OpenApiVersion = '3.0.1';
  if (r.chance(0.2)) props.MethodSettings = [{ ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }];
  if (auth === 'cognito') {
    const pool = t.w.userPool ? String(t.w.userPool) : (cognito(t), String(t.w.userPool));
    props.Auth = { DefaultAuthorizer: 'CognitoAuth', Authorizers: { CognitoAuth: { UserPoolArn: att(pool, 'Arn') } } };
  } else if (auth === 'lambda') {
    const authFn = samFunction(t, 'AuthorizerFunction', []);
    props.Auth = { DefaultAuthorizer: 'TokenAuth', Authorizers: { TokenAuth: { FunctionArn: att(authFn, 'Arn'), ...(r.chance(0.5) ? { Identity: { Header: 'Authorization', ReauthorizeEvery: 300 } } : {}) } } };
  } else if (auth === 'iam') props.Auth = { DefaultAuthorizer: 'AWS_IAM' };
  else if (auth === 'apikey') props.Auth = { ApiKeyRequired: true, UsagePlan: { CreateUsagePlan: 'PER_API', Quota: { Limit: 5000, Period: 'MONTH' } } };
  if (r.chance(0.35)) props.Domain = { DomainName: t.param('ApiDomainName', { Type: 'String' }), CertificateArn: t.param('CertificateArn', { Type: 'String' }) };
  const id = t.add(r.chance(0.5) ? 'Api' : 'RestApi', 'AWS::Serverless::Api', props);
  t.w.samApi = id;
  return id;
}

export function samHttpApi(t: T, jwt: boolean): string {
  const r = t.rng;
  const props: Obj = {};
  if (r.chance(0.5)) props.StageName = '$default';
  if (r.chance(0.4)) props.CorsConfiguration = { AllowOrigins: ['https://example.com'], AllowMethods: ['GET', 'POST'], AllowHeaders: ['authorization'] };
  if (jwt) {
    const pool = t.w.userPool ? String(t.w.userPool) : (cognito(t), String(t.w.userPool));
    props.Auth = { DefaultAuthorizer: 'OAuth2', Authorizers: { OAuth2: { IdentitySource: '$request.header.Authorization', JwtConfiguration: { issuer: sub(`https://cognito-idp.\${AWS::Region}.amazonaws.com/\${${pool}}`), audience: [ref(String(t.w.userPoolClient))] } } } };
  }
  if (r.chance(0.35)) props.Domain = { DomainName: t.param('HttpDomainName', { Type: 'String' }), CertificateArn: t.param('CertificateArn', { Type: 'String' }) };
  if (r.chance(0.2)) props.AccessLogSettings = { DestinationArn: att(t.add('HttpApiLogs', 'AWS::Logs::LogGroup'), 'Arn'), Format: '$context.requestId $context.status' };
  const id = t.add('HttpApi', 'AWS::Serverless::HttpApi', props);
  t.w.samHttpApi = id;
  return id;
}

export function samStateMachine(t: T): void {
  const r = t.rng;
  const fn = t.w.fn ? String(t.w.fn) : samFunction(t, 'StepFunction', []);
  const def = { StartAt: 'Validate', States: { Validate: { Type: 'Task', Resource: '${ValidateArn}', Next: 'Store' }, Store: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: '${TableName}', 'Item': { 'pk': { 'S.$': '$.id' } } }, End: true } } };
  const tb = t.w.table ? String(t.w.table) : table(t, 'WorkflowTable');
  const props: Obj = {
    ...(r.chance(0.6) ? { Definition: def } : { DefinitionUri: 'statemachine/workflow.asl.json' }),
    DefinitionSubstitutions: { ValidateArn: att(fn, 'Arn'), TableName: ref(tb) },
    Policies: [{ LambdaInvokePolicy: { FunctionName: ref(fn) } }, { DynamoDBWritePolicy: { TableName: ref(tb) } }],
    ...(r.chance(0.3) ? { Type: 'EXPRESS', Logging: { Level: 'ALL', IncludeExecutionData: true, Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: att(t.add('WorkflowLogs', 'AWS::Logs::LogGroup'), 'Arn') } }] } } : {}),
    ...(r.chance(0.6) ? { Events: r.chance(0.5) ? { Daily: { Type: 'Schedule', Properties: { Schedule: 'rate(1 day)' } } } : { StartApi: { Type: 'Api', Properties: { Path: '/workflow', Method: 'post' } } } } : {}),
    ...(r.chance(0.3) ? { Tracing: { Enabled: true } } : {}),
  };
  const sm = t.add('WorkflowStateMachine', 'AWS::Serverless::StateMachine', props);
  t.out('WorkflowArn', ref(sm));
}

export function samConnector(t: T): void {
  const fn = t.w.fn ? String(t.w.fn) : samFunction(t, 'WriterFunction', []);
  const tb = t.w.table ? String(t.w.table) : table(t, 'ConnectedTable');
  t.add(`${fn.replace(t.prefix, '')}To${tb.replace(t.prefix, '')}Connector`, 'AWS::Serverless::Connector', { Source: { Id: fn }, Destination: { Id: tb }, Permissions: t.rng.chance(0.5) ? ['Read', 'Write'] : ['Write'] });
  if (t.w.queue && t.rng.chance(0.5)) t.add('QueueConnector', 'AWS::Serverless::Connector', { Source: { Id: fn }, Destination: { Id: String(t.w.queue) }, Permissions: ['Write'] });
}

export function samExtras(t: T): string | undefined {
  const r = t.rng;
  let layer: string | undefined;
  if (r.chance(0.5)) layer = t.add('SharedLayer', 'AWS::Serverless::LayerVersion', { LayerName: `${t.app}-shared`, ContentUri: 'layers/shared/', CompatibleRuntimes: ['python3.12', 'python3.11'], RetentionPolicy: 'Retain' });
  if (r.chance(0.3)) t.add('SimpleTable', 'AWS::Serverless::SimpleTable', { PrimaryKey: { Name: 'id', Type: 'String' }, ...(r.chance(0.5) ? { ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 } } : {}) });
  if (r.chance(0.15)) t.add('AuthApp', 'AWS::Serverless::Application', { Location: { ApplicationId: 'arn:aws:serverlessrepo:us-east-1:123456789012:applications/example-auth', SemanticVersion: '1.2.0' }, Parameters: { Stage: 'prod' } });
  return layer;
}
