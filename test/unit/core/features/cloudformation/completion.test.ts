import { strict as assert } from 'node:assert';
import { InsertTextFormat, InsertTextMode } from 'vscode-languageserver-types';
import { parseTemplate } from '../../../../../server/src/core/syntax/template';
import { apply, context, doc, expandSnippet, items, labels, provider, stubNotes } from './helpers';
import { JSON_TEMPLATE, YAML_TEMPLATE } from './fixtures';

const HEAD = "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Stage:\n    Type: String\nResources:\n  JobQueue:\n    Type: AWS::SQS::Queue\n";

describe('cfnFeatures/completion', () => {
  const p = provider();
  const ctx = context();
  const complete = (source: string, languageId = 'yaml', c = ctx) => {
    const { document, offset } = doc(source, languageId);
    return { document, result: p.completion!(document, offset, c) };
  };

  describe('resource types', () => {
    it('after `Type: AWS::SQS::` lists the queue types first, with descriptions', () => {
      const { result } = complete(HEAD + '  Next:\n    Type: AWS::SQS::‸\n');
      const list = items(result);
      assert.equal(list[0].label, 'AWS::SQS::Queue');
      assert.ok(labels(result).includes('AWS::SQS::QueuePolicy'));
      assert.ok(list[0].detail && /queue/i.test(list[0].detail));
      assert.equal(list[0].filterText, 'AWS::SQS::Queue');
    });

    it('adds the space YAML needs after `Type:`', () => {
      const { document, result } = complete(HEAD + '  Next:\n    Type:‸\n');
      const item = items(result)[0];
      assert.match(apply(document, item), new RegExp(`\\n    Type: ${item.label}\\n`));
    });

    it('matches fuzzily (letters in order)', () => {
      assert.equal(labels(complete(HEAD + '  Next:\n    Type: lambdafunc‸\n').result)[0], 'AWS::Lambda::Function');
    });

    it('inserts the required properties as a YAML snippet at the right indentation', () => {
      const { document, result } = complete(HEAD + '  Fn:\n    Type: AWS::Lambda::Function‸\n');
      const item = items(result).find((i) => i.label === 'AWS::Lambda::Function')!;
      assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
      assert.equal(item.insertTextMode, InsertTextMode.asIs);
      const text = expandSnippet(apply(document, item));
      assert.match(text, /\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code:\n[\s\S]*      Role: \n/);
      const template = parseTemplate(text, 'yaml');
      assert.deepEqual(template.problems, []);
      assert.deepEqual(template.resource('Fn')!.propertyPairs.map((p) => p.key), ['Code', 'Role']);
    });

    it('offers enum choices in the snippet', () => {
      const { result } = complete(HEAD + '  Log:\n    Type: AWS::EC2::FlowLog‸\n');
      const item = items(result).find((i) => i.label === 'AWS::EC2::FlowLog')!;
      assert.match((item.textEdit as { newText: string }).newText, /ResourceType: \$\{\d\|NetworkInterface,Subnet,VPC,/);
      assert.match((item.textEdit as { newText: string }).newText, /ResourceId: \$\{\d+\}/);
    });

    it('does not add Properties again when the resource has them', () => {
      const { result } = complete(HEAD + '  Fn:\n    Type: AWS::Lambda::Func‸\n    Properties:\n      Role: x\n');
      const item = items(result).find((i) => i.label === 'AWS::Lambda::Function')!;
      assert.equal((item.textEdit as { newText: string }).newText, 'AWS::Lambda::Function');
    });

    it('in JSON: replaces the string and adds the Properties entry, valid JSON afterwards', () => {
      const source = '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Fun‸"\n    }\n  }\n}\n';
      const { document, result } = complete(source, 'json');
      const item = items(result).find((i) => i.label === 'AWS::Lambda::Function')!;
      const text = expandSnippet(apply(document, item)).replace(/\{\}/g, '{}');
      const parsed = JSON.parse(text.replace(/: ,/g, ': null,').replace(/: \n/g, ': null\n'));
      assert.equal(parsed.Resources.Fn.Type, 'AWS::Lambda::Function');
      assert.deepEqual(Object.keys(parsed.Resources.Fn.Properties), ['Code', 'Role']);
    });

    it('lists built from the type summaries equal those built from the complete schemas (oracle, YAML, JSON, skeletons)', () => {
      // The oracle: what the list was made of before the summaries, each listed type's complete schema (its
      // description, its required properties with everything the schema says of them).
      const real = ctx.data;
      const bySchema = { ...real, cfnTypeSummary: (name: string) => {
        const type = real.cfnType(name);
        return type && { description: type.description, required: Object.entries(type.properties).filter(([, prop]) => prop.required) };
      } };
      const oracle = context({ data: bySchema });
      const namespaces = [...new Set(real.cfnTypeNames().map((n) => n.split('::').slice(0, 2).join('::')))];
      const typed = ['', 'AWS::', 'lambdafunc', 'queue', 'ec2', ...namespaces.filter((_, i) => i % 9 === 0).flatMap((ns) => [ns.slice(0, 6), `${ns}::`])];
      const sources = typed.flatMap((t) => [
        [HEAD + `  Next:\n    Type: ${t}‸\n`, 'yaml'],
        [HEAD + `  Next:\n    Type: ${t}‸\n    Properties:\n      A: 1\n`, 'yaml'],
        [`{\n  "Resources": {\n    "Next": {\n      "Type": "${t}‸"\n    }\n  }\n}\n`, 'json'],
        [HEAD + `  ${t.replace(/\W/g, '') || 'fn'}‸\n`, 'yaml'],
      ]);
      let compared = 0;
      for (const [source, languageId] of sources) {
        const expected = complete(source, languageId, oracle).result;
        assert.deepEqual(complete(source, languageId).result, expected, source);
        if (items(expected).length) compared++;
      }
      assert.ok(compared > sources.length / 2, `${compared} of ${sources.length} lists had items`);
    });

    it('resolves the type description lazily', () => {
      const { result } = complete(HEAD + '  Next:\n    Type: AWS::SQS::Queue‸\n');
      const resolved = p.resolveCompletion!(items(result)[0], ctx);
      assert.match((resolved.documentation as { value: string }).value, /Required properties/);
    });
  });

  describe('property names', () => {
    it('lists the properties not present yet, required first', () => {
      const { result } = complete(HEAD + '  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: x\n      ‸\n');
      const list = items(result);
      assert.ok(!labels(result).includes('Role'), 'Role is present');
      const code = list.find((i) => i.label === 'Code')!;
      const runtime = list.find((i) => i.label === 'Runtime')!;
      assert.ok(code.sortText! < runtime.sortText!, 'required first');
      assert.match(runtime.detail!, /String/);
      assert.match((runtime.documentation as { value: string }).value, /Terraform: runtime/);
    });

    it('replaces the half-typed key with `Key: ` and an enum choice', () => {
      const { document, result } = complete(HEAD + '  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Pack‸\n');
      const item = items(result).find((i) => i.label === 'PackageType')!;
      assert.match(apply(document, item), /\n      PackageType: \$\{1\|Image,Zip\|\}\n/);
    });

    it('suggests property values from the allowed list', () => {
      assert.deepEqual(labels(complete(HEAD + '  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      PackageType: ‸\n').result), ['Image', 'Zip']);
    });

    it('works with quoted JSON keys', () => {
      const source = JSON_TEMPLATE.replace('"VisibilityTimeout": 60', '"VisibilityTimeout": 60,\n        "Del‸"');
      const { document, result } = complete(source, 'json');
      assert.ok(!labels(result).includes('QueueName'));
      const item = items(result).find((i) => i.label === 'DelaySeconds')!;
      assert.match(apply(document, item), /"DelaySeconds": \$\{1\}\n/);
    });

    it('offers resource attributes and template sections', () => {
      assert.ok(labels(complete(HEAD + '  Fn:\n    Type: AWS::Lambda::Function\n    ‸\n').result).includes('DependsOn'));
      const sections = labels(complete(HEAD + '‸\n').result);
      assert.ok(sections.includes('Outputs') && !sections.includes('Resources'));
    });
  });

  describe('names', () => {
    it('!GetAtt X. lists the attributes of X', () => {
      assert.deepEqual(labels(complete(HEAD + '  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt JobQueue.‸\n').result), ['Arn', 'QueueName', 'QueueUrl']);
    });

    it('!Ref lists parameters, resources (not itself) and pseudo parameters', () => {
      const list = labels(complete(HEAD + '  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !Ref ‸\n').result);
      assert.ok(list.includes('Stage') && list.includes('JobQueue') && list.includes('AWS::Region'));
      assert.ok(!list.includes('Fn'));
    });

    it('${} in a Sub lists targets, ${X.} the attributes', () => {
      const base = HEAD + '  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: ';
      assert.ok(labels(complete(base + "!Sub 'arn:${‸'\n").result).includes('AWS::Partition'));
      assert.ok(labels(complete(base + "!Sub 'arn:${JobQueue.‸'\n").result).includes('Arn'));
      assert.deepEqual(labels(complete(base + "'arn:${‸'\n").result), [], 'not in a Sub');
    });

    it('conditions, mappings and DependsOn', () => {
      assert.deepEqual(labels(complete(YAML_TEMPLATE.replace('MemorySize: !If [IsProd', 'MemorySize: !If [‸')).result), ['IsProd', 'NotProd']);
      assert.deepEqual(labels(complete(YAML_TEMPLATE.replace('!FindInMap [RegionMap', '!FindInMap [‸')).result), ['RegionMap']);
      const deps = labels(complete(HEAD + '  Fn:\n    Type: AWS::Lambda::Function\n    DependsOn: ‸\n').result);
      assert.deepEqual(deps, ['JobQueue']);
    });

    it('JSON: Ref and GetAtt in long form', () => {
      const ref = JSON_TEMPLATE.replace('{ "Ref": "Stage" }', '{ "Ref": "‸" }');
      assert.ok(labels(complete(ref, 'json').result).includes('JobQueue'));
      const att = JSON_TEMPLATE.replace('["JobQueue", "Arn"]', '["JobQueue", "‸"]');
      const { document, result } = complete(att, 'json');
      assert.deepEqual(labels(result), ['Arn', 'QueueName', 'QueueUrl']);
      assert.match(apply(document, items(result)[0]), /\["JobQueue", "Arn"\]/);
    });
  });

  describe('note code blocks', () => {
    const block = { lang: 'yaml', code: 'Resources:\n  DeadLetters:\n    Type: AWS::SQS::Queue\n    Properties:\n      MessageRetentionPeriod: 1209600\n', breadcrumb: 'sqs.md › DLQ', uri: 'file:///n/sqs.md', line: 3 };
    const other = { lang: 'yaml', code: 'name: not cloudformation\n', breadcrumb: 'misc.md › x', uri: 'file:///n/misc.md', line: 1 };
    const withNotes = context({ notes: stubNotes({}, [block, other]) });

    it('offers CloudFormation blocks on an empty line under Resources, re-indented', () => {
      const { document, result } = complete(HEAD + '  ‸\n', 'yaml', withNotes);
      assert.deepEqual(labels(result), ['sqs.md › DLQ']);
      const text = apply(document, items(result)[0]);
      const template = parseTemplate(text, 'yaml');
      assert.deepEqual(template.problems, []);
      assert.equal(template.resource('DeadLetters')?.type, 'AWS::SQS::Queue');
    });

    it('not elsewhere', () => {
      assert.ok(!labels(complete(HEAD + '  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      ‸\n', 'yaml', withNotes).result).includes('sqs.md › DLQ'));
      // A typed logical id gets resource skeletons (nested.test.ts), never the note blocks.
      assert.ok(!labels(complete(HEAD + '  Jo‸\n', 'yaml', withNotes).result).includes('sqs.md › DLQ'));
    });
  });

  it('nothing inside inline code, nor in other YAML', () => {
    assert.equal(complete(YAML_TEMPLATE.replace('def handler(event, context):', 'def handler(event, context):\n              ret‸')).result, undefined);
    const { document, offset } = doc('apiVersion: v1\nkind: Pod\nspec:\n  ‸\n', 'yaml', 'pod.yaml');
    assert.equal(p.completion!(document, offset, ctx), undefined);
  });
});
