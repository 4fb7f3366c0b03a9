// A Terraform resource that is one property of a CloudFormation resource (aws_s3_bucket_versioning is
// AWS::S3::Bucket.VersioningConfiguration) finds the notes about that property, in Japanese too, ahead of a
// section that only names the service; and the knowledge layer says which property it is.
import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../../../server/src/core/languageService';
import { companionOf } from '../../../../server/src/core/knowledge';
import { terraformProvider } from '../../../../server/src/core/features/terraform/provider';
import { loadAwsData } from '../../../../server/src/node/dataLoader';
import { documentWithCursor } from '../../../helpers/cursor';

const data = loadAwsData();

const S3 = `# S3

S3 はオブジェクトストレージ。バケットにオブジェクトを置く。料金は容量とリクエスト数で決まる。

## 暗号化
SSE-S3 と SSE-KMS がある。

## バージョニング
バージョニングを有効にすると、上書きや削除の前のオブジェクトが残る。MFA Delete と組み合わせられる。

## ライフサイクル
ライフサイクルルールで古いオブジェクトを Glacier に移したり削除したりする。
`;

function firstSection(source: string): string | undefined {
  const s = createLanguageService({ data, providers: [terraformProvider] });
  s.index.setText('file:///notes/s3.md', S3);
  const { document, position } = documentWithCursor('file:///ws/main.tf', 'terraform', source);
  const first = s.definition(document, position)[0];
  return first ? S3.split('\n')[first.range.start.line] : undefined;
}

describe('a Terraform resource that is a property of a CloudFormation resource', () => {
  it('the knowledge layer names the property (from the reviewed property map)', () => {
    assert.deepEqual(companionOf(data, 'aws_s3_bucket_versioning'), { cfnType: 'AWS::S3::Bucket', properties: ['VersioningConfiguration'] });
    assert.equal(companionOf(data, 'aws_s3_bucket'), undefined, 'the bucket itself is no companion');
    assert.equal(companionOf(data, 'aws_sqs_queue_policy_x'), undefined, 'an unknown name');
  });

  it('aws_s3_bucket_versioning ranks the バージョニング section first, not the S3 chapter', () => {
    assert.equal(firstSection('resource "aws_s3_bucket_versio‸ning" "b" {\n  bucket = aws_s3_bucket.b.id\n}\n'), '## バージョニング');
  });

  it('aws_s3_bucket_lifecycle_configuration ranks the ライフサイクル section first', () => {
    assert.equal(firstSection('resource "aws_s3_bucket_lifecycle_config‸uration" "b" {\n}\n'), '## ライフサイクル');
  });

  it('negative: the bucket itself ranks the chapter about S3 first', () => {
    assert.equal(firstSection('resource "aws_s3_buc‸ket" "b" {\n}\n'), '# S3');
  });
});
