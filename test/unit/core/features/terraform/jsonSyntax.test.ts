import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../../../server/src/core/languageService';
import { terraformProvider } from '../../../../../server/src/core/features/terraform/provider';
import { documentWithCursor } from '../../../../helpers/cursor';
import { tfTestData } from './testData';

const service = createLanguageService({ data: tfTestData(), providers: [terraformProvider] });

const MAIN_TF_JSON = `{
  "resource": {
    "aws_sqs_queue": {
      "jobs": { "name": "jobs", "visibility_timeout_seconds": 30 }
    }
  },
  "data": {
    "aws_sqs_queue": { "existing": { "name": "old" } }
  }
}
`;

function hover(needle: string, delta = 2, uri = 'file:///ws/main.tf.json'): string | undefined {
  const at = MAIN_TF_JSON.indexOf(needle) + delta;
  const { document, position } = documentWithCursor(uri, 'json', MAIN_TF_JSON.slice(0, at) + '‸' + MAIN_TF_JSON.slice(at));
  const result = service.hover(document, position);
  return result ? (result.contents as { value: string }).value : undefined;
}

describe('terraform: JSON syntax (*.tf.json)', () => {
  it('hovers resource and data source type keys', () => {
    assert.match(hover('aws_sqs_queue')!, /\*\*`aws_sqs_queue`\*\* — Terraform resource[\s\S]*CloudFormation: `AWS::SQS::Queue`/);
    const data = MAIN_TF_JSON.lastIndexOf('aws_sqs_queue');
    assert.match(hover(MAIN_TF_JSON.slice(data, data + 20))!, /Terraform data source/);
  });

  it('hovers argument keys with their CloudFormation property', () => {
    assert.match(hover('visibility_timeout_seconds')!, /`AWS::SQS::Queue` › \*\*`VisibilityTimeout`\*\*/);
  });

  it('outlines resources and data sources, and leaves plain JSON alone', () => {
    const document = TextDocument.create('file:///ws/main.tf.json', 'json', 1, MAIN_TF_JSON);
    assert.deepEqual(service.providedDocumentSymbols(document)!.map((s) => s.name), ['aws_sqs_queue.jobs', 'data.aws_sqs_queue.existing']);
    const plain = TextDocument.create('file:///ws/package.json', 'json', 1, MAIN_TF_JSON);
    assert.equal(terraformProvider.documentSymbols!(plain, service.context), undefined);
    assert.equal(terraformProvider.hover!(plain, MAIN_TF_JSON.indexOf('visibility') + 2, service.context), undefined);
  });

  it('survives broken JSON', () => {
    const document = TextDocument.create('file:///ws/x.tf.json', 'json', 1, '{"resource": {"aws_sqs_queue": {"a": {"na');
    assert.doesNotThrow(() => terraformProvider.hover!(document, 20, service.context));
    assert.doesNotThrow(() => terraformProvider.documentSymbols!(document, service.context));
  });
});
