// Hover, Terraform hover and converter agree, over the WHOLE generated data set: every CloudFormation type with a
// Terraform counterpart, every property of it. (1) The argument the CloudFormation hover names is what the
// converter writes; (2) the Terraform hover's property for that argument leads back to it; (3) a converted
// template with every property of every type parses with HashiCorp's parser (which rejects a repeated attribute).
import { strict as assert } from 'node:assert';
import { parseTemplate, type CfnValue, type CfnValueMap } from '../../../../server/src/core/syntax/template';
import { propertyToTerraform, answerArguments } from '../../../../server/src/core/features/cloudformation/terraform';
import type { CoreContext } from '../../../../server/src/core/context';
import { convertToTerraform } from '../../../../server/src/core/convert';
import { ConvertContext } from '../../../../server/src/core/convert/context';
import type { BodyItem } from '../../../../server/src/core/convert/hcl';
import { propertyItems, scopeFor } from '../../../../server/src/core/convert/resources';
import { planTargets } from '../../../../server/src/core/convert/resourcePass';
import { PROPERTY_RULES } from '../../../../server/src/core/convert/propertyRules';
import type { AwsData } from '../../../../server/src/core/data/awsData';
import { propertyMapping, type PropertyAnswer } from '../../../../server/src/core/knowledge/properties';
import { SAM_CFN_RESOURCES, SAM_EXPANSIONS, samExpansion } from '../../../../server/src/core/knowledge/sam';
import { cfnPropertyForArgument } from '../../../../server/src/core/features/terraform/cfnMapping';
import { loadAwsData } from '../../../../server/src/node/dataLoader';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('@cdktf/hcl2json') as { parse: (file: string, hcl: string) => Promise<unknown> };

const pascal = (snake: string) => snake.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

/** A value of the property's declared shape; for several arguments, an object with one field per argument. */
function sample(type: string, fields: string[] | undefined): CfnValue {
  if (fields) return Object.fromEntries(fields.map((f) => [pascal(f), 'x']));
  if (type === 'Tags' || /^List<Tag/.test(type)) return [{ Key: 'k', Value: 'v' }];
  if (/^(Integer|Long|Double)$/.test(type)) return 1;
  if (type === 'Boolean') return true;
  if (type.startsWith('String')) return 'x';
  if (type === 'List<String>') return ['x'];
  if (type.startsWith('Map<') || type.startsWith('Json')) return { k: 'v' };
  if (type.startsWith('List<')) return [{ Name: 'x' }];
  return { Name: 'x' };
}

/** The fields a sample needs for an answer of several arguments (one field per argument). */
function fieldsOf(answer: PropertyAnswer): string[] | undefined {
  if (answer.kind === 'args' && answer.names.length > 1) return answer.names;
  if (answer.kind === 'oneOf') return answer.sets[0];
  if (answer.kind === 'flatten') return answer.names;
  return undefined;
}

/** A TODO comment that names one of the targets (the converter could not fill it, but points at the same place). */
const todoNames = (items: BodyItem[], targets: Set<string>) =>
  items.some((i) => i.t === 'comment' && /TODO/.test(i.text) && [...targets].some((t) => i.text.includes(`"${t}"`) || i.text.includes(` ${t} `) || i.text.endsWith(` ${t}`)));

/** Attribute and block names written at the top of a body (comments are not writes). */
const names = (items: BodyItem[]) => items.flatMap((i) => (i.t === 'attr' ? [i.name] : i.t === 'block' ? [i.block.type] : []));

function mappedTypes(data: AwsData): string[] {
  return data.cfnTypeNames().filter((t) => {
    const m = data.mappingForCfn(t);
    return !!m && m.kind !== 'none' && !!m.tf[0] && !!data.tfResource(m.tf[0]) && !!data.cfnType(t);
  });
}

describe('knowledge: hover, Terraform hover and converter agree on every mapped property', function () {
  this.timeout(180_000);
  const data = loadAwsData();
  const ctx = { data } as CoreContext;
  const types = mappedTypes(data);

  it('uses the whole data set', () => {
    assert.ok(types.length >= 390, `${types.length} mapped types`);
  });

  it('the argument the hover names is the one the converter writes (and a separate resource is one)', () => {
    const problems: string[] = [];
    let properties = 0;
    let written = 0;
    let todos = 0;
    for (const cfnType of types.filter((t) => !t.startsWith('AWS::Serverless::'))) {
      const spec = data.cfnType(cfnType)!;
      const mapping = propertyMapping(data, cfnType)!;
      const props: CfnValueMap = {};
      for (const [property, answer] of mapping.properties) {
        props[property] = sample(spec.properties[property]?.type ?? 'String', fieldsOf(answer));
      }
      const template = parseTemplate(JSON.stringify({ Resources: { R: { Type: cfnType, Properties: props } } }), 'json');
      const convert = new ConvertContext(template, data);
      planTargets(convert);
      // Every property at once may call for an alternative (an RDS instance with DBClusterIdentifier is
      // aws_rds_cluster_instance): each property is converted on the Terraform type its hover names.
      const planned = convert.targets.get('R')!;
      for (const [property, value] of Object.entries(props)) {
        properties++;
        const hover = propertyToTerraform(cfnType, property, ctx);
        const on = hover && hover.kind !== 'resource' ? hover.tfType : mapping.tfType;
        const target = planned.tfType === on ? planned : { ...planned, tfType: on };
        const later: (() => void)[] = [];
        const scope = scopeFor(convert, 'R', cfnType, target, undefined, later);
        const before = convert.units.length;
        const items = convert.collect(() => propertyItems(scope, property, value, props)).value;
        for (const add of later) add();
        const companions = convert.units.slice(before).filter((u) => u.kind === 'resource').map((u) => u.block!.labels[0]);
        const args = names(items);
        const where = `${cfnType}.${property}`;
        if (!hover) { problems.push(`${where}: no hover answer`); continue; }
        const ruled = !!PROPERTY_RULES[cfnType]?.[property];
        if (hover.kind === 'resource') {
          if (args.length) problems.push(`${where}: hover says ${hover.tfType}, converter writes ${args.join(', ')}`);
          if (companions.includes(hover.tfType)) written++;
          else if (todoNames(items, new Set([hover.tfType]))) todos++;
          else problems.push(`${where}: hover says ${hover.tfType}, converter adds ${companions.join(', ') || 'nothing'}`);
          continue;
        }
        if (companions.length) problems.push(`${where}: converter adds ${companions.join(', ')}, hover says ${hover.kind}`);
        const allowed = new Set(answerArguments(hover));
        // A wrapper's fields may become any argument no other property has (DistributionConfig -> restrictions).
        if (mapping.properties.get(property)?.kind === 'flatten') {
          for (const a of Object.keys(data.tfResource(mapping.tfType)!.args)) if ((mapping.arguments.get(a)?.property ?? property) === property) allowed.add(a);
        }
        const extra = args.filter((a) => !allowed.has(a));
        if (extra.length) problems.push(`${where}: converter writes ${extra.join(', ')}, hover says ${[...allowed].join(' / ') || 'none'}`);
        if (hover.kind === 'none') continue;
        if (args.length) written++;
        // The generic converter writes the answer's arguments, or a TODO naming one where the shapes differ (a
        // single value where Terraform has a block); shape rules may write a subset.
        else if (todoNames(items, allowed)) todos++;
        else if (!ruled) problems.push(`${where}: hover says ${[...allowed].join(' / ')}, converter writes nothing`);
      }
    }
    assert.deepEqual(problems.slice(0, 30), [], `${problems.length} disagreements`);
    console.log(`      agreement: ${properties} properties of ${types.length} types; ${written} written where the hover says, ${todos} left as a TODO naming the hover's target, the rest none on both sides`);
    assert.ok(properties >= 4_000 && written >= 0.7 * properties, `${properties} properties, ${written} written`);
  });

  it('SAM types: the argument the hover names is the one the SAM expansion writes on its main resource', async () => {
    const problems: string[] = [];
    let properties = 0;
    const samTypes = types.filter((t) => samExpansion(t)?.converted);
    assert.ok(samTypes.length >= 5, samTypes.join(', '));
    for (const cfnType of samTypes) {
      const main = samExpansion(cfnType)!.main.tfType;
      const convert = async (props: CfnValueMap) => {
        const { hcl } = convertToTerraform(JSON.stringify({ Resources: { R: { Type: cfnType, Properties: props } } }), 'json', data);
        const json = (await parse('sam.tf', hcl)) as { resource?: Record<string, Record<string, Record<string, unknown>[]>> };
        return { keys: Object.keys(json.resource?.[main]?.r?.[0] ?? {}), types: Object.keys(json.resource ?? {}), hcl };
      };
      const base = await convert({});
      const mapping = propertyMapping(data, cfnType)!;
      for (const [property, answer] of mapping.properties) {
        if (property === 'Events' || property === 'DefinitionUri') continue; // a map of event sources / a file: their own tests
        properties++;
        const declared = data.cfnType(cfnType)!.properties[property]?.type ?? 'String';
        const value = sample(declared, declared.startsWith('String') ? undefined : fieldsOf(answer));
        const out = await convert({ [property]: value });
        const args = out.keys.filter((k) => !base.keys.includes(k) || (answerArguments(propertyToTerraform(cfnType, property, ctx)).includes(k)));
        const added = out.types.filter((t) => !base.types.includes(t) && t !== main);
        const hover = propertyToTerraform(cfnType, property, ctx)!;
        const where = `${cfnType}.${property}`;
        if (hover.kind === 'resource') {
          if (!added.includes(hover.tfType) && !out.types.includes(hover.tfType)) problems.push(`${where}: hover says ${hover.tfType}, converter adds ${added.join(', ') || 'nothing'}`);
          continue;
        }
        const allowed = new Set(answerArguments(hover));
        const extra = out.keys.filter((k) => !base.keys.includes(k) && !allowed.has(k));
        if (extra.length) problems.push(`${where}: converter writes ${extra.join(', ')}, hover says ${[...allowed].join(' / ') || 'none'}`);
        const todo = [...allowed].some((a) => out.hcl.split('\n').some((line) => line.includes('TODO') && line.includes(`"${a}"`)));
        if (hover.kind !== 'none' && !args.some((a) => allowed.has(a)) && !todo) problems.push(`${where}: hover says ${[...allowed].join(' / ')}, converter writes none of them`);
      }
    }
    assert.deepEqual(problems, [], `${problems.length} disagreements`);
    console.log(`      SAM agreement: ${properties} properties of ${samTypes.length} SAM types`);
  });

  it('the Terraform hover on every argument names a property that becomes that argument', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const cfnType of types) {
      const mapping = propertyMapping(data, cfnType)!;
      for (const [argument, source] of mapping.arguments) {
        checked++;
        const origin = cfnPropertyForArgument(mapping.tfType, argument, data);
        if (!origin) { problems.push(`${mapping.tfType}.${argument}: no property (from ${cfnType}.${source.property})`); continue; }
        const back = answerArguments(propertyToTerraform(origin.cfnType, origin.property, ctx));
        if (!back.includes(argument)) problems.push(`${mapping.tfType}.${argument} -> ${origin.cfnType}.${origin.property} -> ${back.join(', ') || 'none'}`);
      }
      assert.deepEqual(mapping.collisions, [], `${cfnType}: reviewed answers share an argument`);
    }
    assert.deepEqual(problems.slice(0, 30), [], `${problems.length} of ${checked} arguments do not round-trip`);
    console.log(`      round trip: ${checked} Terraform arguments`);
    assert.ok(checked >= 3_000, `${checked}`);
  });

  it('no property lands on an argument another property has (the inverse is a function)', () => {
    for (const cfnType of types) {
      const mapping = propertyMapping(data, cfnType)!;
      const owner = new Map<string, string>();
      for (const [property, answer] of mapping.properties) {
        if (answer.kind !== 'args' || answer.provenance !== 'convention') continue;
        for (const arg of answer.names) {
          assert.ok(!owner.has(arg), `${cfnType}: ${owner.get(arg)} and ${property} both become ${arg}`);
          owner.set(arg, property);
        }
      }
    }
  });

  it('a template with every property of every mapped type converts to HCL without a repeated attribute', async () => {
    const resources: Record<string, unknown> = {};
    const samTypes = ['AWS::Serverless::Function', 'AWS::Serverless::LayerVersion', 'AWS::Serverless::SimpleTable', 'AWS::Serverless::HttpApi', 'AWS::Serverless::Api'];
    for (const [i, cfnType] of [...types.filter((t) => !t.startsWith('AWS::Serverless::')), ...samTypes].entries()) {
      const spec = data.cfnType(cfnType)!;
      const props: CfnValueMap = {};
      for (const [property, p] of Object.entries(spec.properties)) props[property] = sample(p.type, undefined);
      if (cfnType === 'AWS::Serverless::Function') props.Events = { Queue: { Type: 'SQS', Properties: { Queue: 'arn:aws:sqs:us-east-1:1:q' } } };
      if (cfnType.startsWith('AWS::Serverless::')) delete props.DefinitionUri;
      resources[`R${i}`] = { Type: cfnType, Properties: props };
    }
    // A Globals CodeUri with a function's own InlineCode (SAM lets the function's choice win).
    const template = { Transform: 'AWS::Serverless-2016-10-31', Globals: { Function: { CodeUri: './src', Description: 'g' } }, Resources: resources };
    const { hcl } = convertToTerraform(JSON.stringify(template), 'json', data);
    try {
      await parse('all.tf', hcl);
    } catch (error) {
      const line = Number(/all\.tf:(\d+)/.exec(String(error))?.[1]);
      const lines = hcl.split('\n');
      let start = line - 1;
      while (start > 0 && !lines[start].startsWith('resource ')) start--;
      assert.fail(`${String(error).slice(0, 300)}\n${lines.slice(start, line + 1).join('\n')}`);
    }
    const count = (hcl.match(/^resource "/gm) ?? []).length;
    console.log(`      duplicate check: ${Object.keys(resources).length} CloudFormation resources -> ${count} Terraform resources, ${hcl.length} characters of HCL, parsed`);
    assert.ok(count >= Object.keys(resources).length);
  });
});

describe('knowledge: SAM expansions agree with the type table and the four known disagreements stay fixed', () => {
  const data = loadAwsData();
  const ctx = { data } as CoreContext;

  it('each converted SAM type: its main Terraform resource is the primary counterpart of the first CloudFormation resource SAM generates, and mapping.json says the same', () => {
    for (const [samType, expansion] of Object.entries(SAM_EXPANSIONS)) {
      const first = SAM_CFN_RESOURCES[samType]?.[0];
      assert.ok(first, samType);
      assert.equal(data.mappingForCfn(first)?.tf[0], expansion.main.tfType, `${samType} -> ${first}`);
      const mapping = data.mappingForCfn(samType);
      assert.equal(mapping?.tf[0], expansion.main.tfType, `mapping.json ${samType}`);
      assert.equal(mapping?.refAttr ?? 'id', expansion.main.refAttr, `mapping.json ${samType} refAttr`);
      for (const [att, tf] of Object.entries(mapping?.attributes ?? {})) assert.equal(expansion.main.attributes[att], tf, `${samType} GetAtt ${att}`);
    }
  });

  const convert = async (yaml: string) => {
    const { hcl } = convertToTerraform(yaml, 'yaml', data);
    return { hcl, json: (await parse('t.tf', hcl)) as { resource: Record<string, Record<string, Record<string, unknown>[]>> } };
  };

  it('AWS::Lambda::LayerVersion.Content: the hover offers the S3 object, and the converter writes it', async () => {
    assert.deepEqual(propertyToTerraform('AWS::Lambda::LayerVersion', 'Content', ctx), { kind: 'oneOf', tfType: 'aws_lambda_layer_version', sets: [['s3_bucket', 's3_key', 's3_object_version']] });
    const { json, hcl } = await convert('Resources:\n  L:\n    Type: AWS::Lambda::LayerVersion\n    Properties:\n      Content: { S3Bucket: b, S3Key: k.zip }\n');
    assert.equal(json.resource.aws_lambda_layer_version.l[0].s3_bucket, 'b');
    assert.equal(json.resource.aws_lambda_layer_version.l[0].s3_key, 'k.zip');
    assert.doesNotMatch(hcl, /TODO/);
  });

  it('AWS::S3::Bucket.ReplicationConfiguration: a separate resource in the hover and in the converter', async () => {
    assert.deepEqual(propertyToTerraform('AWS::S3::Bucket', 'ReplicationConfiguration', ctx), { kind: 'resource', tfType: 'aws_s3_bucket_replication_configuration' });
    const { json } = await convert('Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      ReplicationConfiguration: { Role: r, Rules: [{ Status: Enabled, Destination: { Bucket: d } }] }\n');
    assert.equal(json.resource.aws_s3_bucket.b[0].replication_configuration, undefined);
    const [replication] = Object.values(json.resource.aws_s3_bucket_replication_configuration);
    assert.equal(replication[0].bucket, '${aws_s3_bucket.b.id}');
    assert.equal(replication[0].role, 'r');
  });

  it('AWS::ElastiCache::ServerlessCache: ServerlessCacheName is name, FinalSnapshotName is not (and the Terraform hover on name says so)', async () => {
    assert.deepEqual(answerArguments(propertyToTerraform('AWS::ElastiCache::ServerlessCache', 'ServerlessCacheName', ctx)), ['name']);
    assert.equal(propertyToTerraform('AWS::ElastiCache::ServerlessCache', 'FinalSnapshotName', ctx)?.kind, 'none');
    assert.equal(cfnPropertyForArgument('aws_elasticache_serverless_cache', 'name', data)?.property, 'ServerlessCacheName');
    const { json } = await convert('Resources:\n  C:\n    Type: AWS::ElastiCache::ServerlessCache\n    Properties: { ServerlessCacheName: c, FinalSnapshotName: s, Engine: redis }\n');
    assert.equal(json.resource.aws_elasticache_serverless_cache.c[0].name, 'c');
  });

  it('SAM function: Description and VersionDescription, Globals CodeUri and InlineCode: one description, one filename', async () => {
    const { json, hcl } = await convert([
      'Transform: AWS::Serverless-2016-10-31',
      'Globals:', '  Function:', '    CodeUri: ./src',
      'Resources:', '  Fn:', '    Type: AWS::Serverless::Function',
      '    Properties: { Runtime: python3.12, Handler: app.handler, Description: d, VersionDescription: v, InlineCode: "print(1)" }', '',
    ].join('\n'));
    const fn = json.resource.aws_lambda_function.fn[0];
    assert.equal(fn.description, 'd');
    assert.equal(fn.filename, '${data.archive_file.fn.output_path}');
    assert.match(hcl, /TODO: CloudFormation property VersionDescription has no aws_lambda_function argument/);
    assert.equal(answerArguments(propertyToTerraform('AWS::Serverless::Function', 'VersionDescription', ctx)).length, 0);
  });
});
