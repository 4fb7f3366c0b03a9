import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../../../server/src/core/languageService';
import { terraformProvider } from '../../../../../server/src/core/features/terraform/provider';
import { documentWithCursor } from '../../../../helpers/cursor';
import { SERVERLESS_TF } from '../../syntax/hcl/corpus';
import { tfTestData } from './testData';

const service = createLanguageService({ data: tfTestData(), providers: [terraformProvider] });

const FILE = `variable "stage" {
  default = "dev"
}

locals {
  prefix = "app-\${var.stage}"
}

resource "aws_sqs_queue" "jobs" {
  name = local.prefix
}

data "aws_iam_policy_document" "send" {
  statement {
    resources = [aws_sqs_queue.jobs.arn]
  }
}

module "worker" {
  source = "./worker"
}

output "policy" {
  value = data.aws_iam_policy_document.send.json
}

output "mod" {
  value = module.worker.id
}
`;

function definitionAt(needle: string, delta = 1): string[] {
  const at = FILE.indexOf(needle) + delta;
  const { document, position } = documentWithCursor('file:///ws/main.tf', 'terraform', FILE.slice(0, at) + '‸' + FILE.slice(at));
  return service.definition(document, position).map((l) => `${l.range.start.line}:${document.getText(l.range)}`);
}

describe('terraform: definition and outline', () => {
  it('goes from a reference to the declaring block in the same file', () => {
    assert.deepEqual(definitionAt('aws_sqs_queue.jobs.arn', 16), ['8:jobs']);
    assert.deepEqual(definitionAt('data.aws_iam_policy_document.send.json', 3), ['12:send']);
    assert.deepEqual(definitionAt('var.stage', 5), ['0:stage']);
    assert.deepEqual(definitionAt('local.prefix', 8), ['5:prefix']);
    assert.deepEqual(definitionAt('module.worker', 8), ['18:worker']);
  });

  it('answers with nothing for an undeclared reference and leaves other words to the generic features', () => {
    const { document, position } = documentWithCursor('file:///ws/a.tf', 'terraform', 'output "x" {\n  value = aws_sqs_queue.mis‸sing.arn\n}\n');
    assert.deepEqual(service.definition(document, position), []);
    assert.equal(terraformProvider.definition!(document, 2, service.context), undefined);
  });

  it('outlines resources, data sources, variables, locals, modules and outputs', () => {
    const document = TextDocument.create('file:///ws/main.tf', 'terraform', 1, FILE);
    const symbols = service.providedDocumentSymbols(document)!;
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind]),
      [
        ['var.stage', SymbolKind.Variable],
        ['locals', SymbolKind.Namespace],
        ['aws_sqs_queue.jobs', SymbolKind.Class],
        ['data.aws_iam_policy_document.send', SymbolKind.Struct],
        ['module.worker', SymbolKind.Module],
        ['output policy', SymbolKind.Property],
        ['output mod', SymbolKind.Property],
      ],
    );
    assert.deepEqual(symbols[1].children!.map((c) => c.name), ['local.prefix']);
    assert.deepEqual(symbols[3].children!.map((c) => c.name), ['statement']);
    assert.equal(document.getText(symbols[2].selectionRange), 'jobs');
    const resource = symbols[2];
    assert.ok(resource.range.start.line === 8 && resource.range.end.line === 10);
  });

  it('outlines a realistic file completely', () => {
    const document = TextDocument.create('file:///ws/s.tf', 'terraform', 1, SERVERLESS_TF);
    const names = service.providedDocumentSymbols(document)!.map((s) => s.name);
    assert.ok(names.includes('aws_lambda_function.worker'));
    assert.ok(names.includes('aws_cloudwatch_event_target.nightly'));
    assert.equal(names[names.length - 1], 'locals');
  });

  it('leaves other documents alone', () => {
    const yaml = TextDocument.create('file:///ws/t.yaml', 'yaml', 1, 'resource "aws_sqs_queue" "q" {}\n');
    assert.equal(service.providedDocumentSymbols(yaml), undefined);
    const tfvars = TextDocument.create('file:///ws/prod.tfvars', 'terraform', 1, 'region = "x"\n');
    assert.equal(terraformProvider.documentSymbols!(tfvars, service.context), undefined);
  });
});
