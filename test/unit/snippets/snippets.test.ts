// The contributed snippets: every CloudFormation/SAM snippet, with its placeholders at their defaults, is a
// template the model parses without problems, using real types with all required properties and names that
// resolve (checked with the CloudFormation diagnostics); every Terraform snippet parses as HCL and uses real
// resource types and arguments.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseTemplate } from '../../../server/src/core/syntax/template';
import { stubNotes } from '../core/features/cloudformation/helpers';
import { createCloudFormationProvider } from '../../../server/src/core/features/cloudformation/provider';
import type { CoreContext } from '../../../server/src/core/context';
import { loadAwsData } from '../../../server/src/node/dataLoader';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('@cdktf/hcl2json') as { parse: (file: string, hcl: string) => Promise<any> };

const ROOT = path.resolve(__dirname, '../../..');
const SNIPPETS = path.join(ROOT, 'snippets');

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

function load(file: string): Record<string, Snippet> {
  return JSON.parse(fs.readFileSync(path.join(SNIPPETS, file), 'utf8'));
}

/** Expands a VS Code snippet body: placeholders take their default (first choice), mirrors follow, escapes resolve. */
export function expand(body: string): string {
  const defaults = new Map<string, string>();
  let out = '';
  let i = 0;
  const readDefault = (): string => {
    let value = '';
    while (i < body.length && body[i] !== '}') {
      if (body[i] === '\\' && i + 1 < body.length) {
        value += body[i + 1];
        i += 2;
      } else if (body[i] === '$') {
        value += placeholder();
      } else value += body[i++];
    }
    i++; // }
    return value;
  };
  const placeholder = (): string => {
    // at '$'
    i++;
    const simple = /^\d+/.exec(body.slice(i));
    if (simple) {
      i += simple[0].length;
      return defaults.get(simple[0]) ?? '';
    }
    assert.equal(body[i], '{', `bad placeholder at ${i}`);
    i++;
    const index = /^\d+/.exec(body.slice(i))![0];
    i += index.length;
    let value = '';
    if (body[i] === ':') {
      i++;
      value = readDefault();
    } else if (body[i] === '|') {
      const end = body.indexOf('|}', i + 1);
      value = body.slice(i + 1, end).split(',')[0];
      i = end + 2;
    } else {
      assert.equal(body[i], '}');
      i++;
      value = defaults.get(index) ?? '';
    }
    if (!defaults.has(index)) defaults.set(index, value);
    return defaults.get(index)!;
  };
  while (i < body.length) {
    const ch = body[i];
    if (ch === '\\' && i + 1 < body.length) {
      out += body[i + 1];
      i += 2;
    } else if (ch === '$') out += placeholder();
    else out += body[i++];
  }
  return out;
}

describe('snippets', () => {
  const data = loadAwsData();
  const notes = stubNotes();
  const ctx: CoreContext = { data, notes, locale: 'en' };
  const provider = createCloudFormationProvider();

  it('Terraform snippets are contributed for terraform; CloudFormation/SAM ones are not (the client offers them in templates only)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const contributed = manifest.contributes.snippets as { language: string; path: string }[];
    const byPath = new Map(contributed.map((s) => [s.path, s.language]));
    assert.equal(byPath.get('./snippets/cloudformation-yaml.json'), undefined);
    assert.equal(byPath.get('./snippets/cloudformation-json.json'), undefined);
    assert.ok(!contributed.some((s) => s.language === 'yaml' || s.language === 'json'), JSON.stringify(contributed));
    assert.equal(byPath.get('./snippets/terraform.json'), 'terraform');
    for (const f of ['cloudformation-yaml.json', 'cloudformation-json.json']) assert.ok(fs.existsSync(path.join(SNIPPETS, f)), f);
    for (const s of contributed) assert.ok(fs.existsSync(path.join(ROOT, s.path)), s.path);
  });

  it('expand() resolves defaults, choices, mirrors and escapes', () => {
    assert.equal(expand('${1:Queue}: !Ref $1 ${2|a,b|} \\${AWS::Region} ${3:x\\}y}$0'), 'Queue: !Ref Queue a ${AWS::Region} x}y');
  });

  const cfnFiles: [string, 'yaml' | 'json'][] = [
    ['cloudformation-yaml.json', 'yaml'],
    ['cloudformation-json.json', 'json'],
  ];
  for (const [file, format] of cfnFiles) {
    describe(file, () => {
      const snippets = load(file);
      it('has unique prefixes and bilingual descriptions', () => {
        const prefixes = Object.values(snippets).map((s) => s.prefix);
        assert.equal(new Set(prefixes).size, prefixes.length);
        for (const s of Object.values(snippets)) assert.match(s.description, / \/ .*[぀-ヿ一-鿿]/, s.prefix);
      });
      for (const [name, snippet] of Object.entries(snippets)) {
        it(`${snippet.prefix}: a valid template with real types, required properties and resolving names`, () => {
          let text = expand(snippet.body.join('\n'));
          const whole = /AWSTemplateFormatVersion/.test(text);
          if (!whole) {
            text = format === 'yaml'
              ? `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${text.replace(/^/gm, '  ')}\n`
              : `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {\n${text}\n}}`;
          }
          if (format === 'json') JSON.parse(text);
          const template = parseTemplate(text, format);
          assert.deepEqual(template.problems, [], name);
          assert.ok(template.resources.length > 0);
          for (const r of template.resources) assert.ok(r.type && data.cfnType(r.type), `${name}: ${r.id} has a real type (${r.type})`);
          if (/SAM/.test(name) || snippet.prefix.startsWith('sam-')) assert.ok(template.sam, `${name} has the SAM transform`);
          const document = TextDocument.create(`file:///snippet.${format}`, format, 1, text);
          const diagnostics = provider.diagnostics!(document, ctx) ?? [];
          assert.deepEqual(diagnostics.map((d) => d.message), [], name);
        });
      }
    });
  }

  describe('terraform.json', () => {
    const snippets = load('terraform.json');
    const META = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider']);
    for (const [name, snippet] of Object.entries(snippets)) {
      it(`${snippet.prefix}: parses as HCL; real resource and data types, arguments and references`, async () => {
        const hcl = expand(snippet.body.join('\n'));
        const json = await parse('main.tf', hcl);
        const declared = new Set<string>();
        for (const [kind, lookup] of [['resource', (t: string) => data.tfResource(t)], ['data', (t: string) => data.tfDataSource(t)]] as const) {
          for (const [type, byName] of Object.entries<any>(json[kind] ?? {})) {
            for (const [label, blocks] of Object.entries<any>(byName)) {
              declared.add(`${kind === 'data' ? 'data.' : ''}${type}.${label}`);
              if (!type.startsWith('aws_')) continue; // e.g. data "archive_file" from hashicorp/archive
              const schema = lookup(type);
              assert.ok(schema, `${name}: unknown ${kind} type ${type}`);
              for (const key of Object.keys(blocks[0])) assert.ok(META.has(key) || key in schema.args, `${name}: ${type}.${label}.${key}`);
            }
          }
        }
        for (const m of hcl.matchAll(/(?<![\w.])(data\.)?(aws_[a-z0-9_]+|archive_file)\.([a-z0-9_]+)\b/g)) {
          if (/^\s*(resource|data)\s/.test(hcl.slice(hcl.lastIndexOf('\n', m.index!) + 1, m.index!))) continue;
          assert.ok(declared.has(`${m[1] ?? ''}${m[2]}.${m[3]}`), `${name}: reference to undeclared ${m[0]}`);
        }
      });
    }
  });

  describe('architecture patterns', () => {
    const all = { ...load('cloudformation-yaml.json'), ...load('terraform.json') };
    const patterns = [
      'SQS → Lambda worker', 'Lambda → SQS producer', 'API Gateway → Lambda → DynamoDB', 'EventBridge schedule → Lambda',
      'S3 event → Lambda', 'SNS fan-out to SQS',
    ];
    for (const pattern of patterns) {
      it(`${pattern}: CloudFormation, SAM and Terraform`, () => {
        for (const flavour of ['CloudFormation', 'SAM', 'Terraform']) assert.ok(all[`Pattern: ${pattern} (${flavour})`], `${pattern} (${flavour})`);
      });
    }
    it('least-privilege role in the three forms', () => {
      assert.ok(Object.keys(all).filter((n) => /least-privilege/.test(n)).length === 3);
    });
    it('the worker role may receive, delete and read attributes; the producer only send', () => {
      for (const flavour of ['CloudFormation', 'SAM', 'Terraform']) {
        const worker = all[`Pattern: SQS → Lambda worker (${flavour})`].body.join('\n');
        for (const action of ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes']) assert.ok(worker.includes(action), `${flavour} ${action}`);
      }
      for (const flavour of ['CloudFormation', 'Terraform']) {
        const producer = all[`Pattern: Lambda → SQS producer (${flavour})`].body.join('\n');
        assert.ok(producer.includes('sqs:SendMessage') && !producer.includes('sqs:ReceiveMessage'), flavour);
      }
    });
  });
});
