import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { params } from '../../fuzz/params';
import { ServiceNameMatcher } from '../../../../server/src/core/recognize/serviceNameMatcher';
import { loadAwsData } from '../../../../server/src/node/dataLoader';
import { MINI_SERVICES } from '../../../helpers/miniData';
import type { ServiceEntry } from '../../../../server/src/core/data/types';

describe('ServiceNameMatcher', () => {
  const matcher = new ServiceNameMatcher(MINI_SERVICES);
  const ids = (text: string, mode: 'prose' | 'code' = 'prose') => matcher.findAll(text, mode).map((m) => `${m.serviceId}:${m.text}`);

  it('finds names inside Japanese text without spaces', () => {
    assert.deepEqual(ids('SQSにメッセージを入れてLambdaから読む'), ['sqs:SQS', 'lambda:Lambda']);
  });

  it('prefers the longest multi-word name', () => {
    assert.deepEqual(ids('Kinesis Data Firehose と Kinesis Data Streams と Kinesis'), [
      'firehose:Kinesis Data Firehose', 'kinesis:Kinesis Data Streams', 'kinesis:Kinesis',
    ]);
    assert.deepEqual(ids('API Gateway と Global Accelerator'), ['apigateway:API Gateway', 'globalaccelerator:Global Accelerator']);
  });

  it('accepts an AWS/Amazon prefix as part of the name', () => {
    assert.deepEqual(ids('Amazon SQS と AWS Lambda'), ['sqs:Amazon SQS', 'lambda:AWS Lambda']);
  });

  it('folds full-width forms (NFKC) and maps back to the original offsets', () => {
    const text = 'これはＳＱＳです';
    const [m] = matcher.findAll(text, 'prose');
    assert.equal(m.serviceId, 'sqs');
    assert.equal(text.slice(m.start, m.end), 'ＳＱＳ');
  });

  it('does not match inside identifiers or in lower case', () => {
    assert.deepEqual(ids('BatchGetItem SQSQueue mySQS lambda x: x', 'code'), []);
    assert.deepEqual(ids('event["Records"] config = load()', 'code'), []);
  });

  it('treats ordinary-word names as services in code only with a prefix', () => {
    assert.deepEqual(ids('cfg = Config(region_name="x")', 'code'), []);
    assert.deepEqual(ids('# uses AWS Config rules', 'code'), ['config:AWS Config']);
    assert.deepEqual(ids('Config でルールを監視する'), ['config:Config']);
    assert.deepEqual(ids('run it as a Batch job', 'code'), []);
  });
});

describe('ServiceNameMatcher: feature names (generated data/features.json)', () => {
  const data = loadAwsData();
  const matcher = new ServiceNameMatcher(data.services(), data.features());
  const found = (text: string, mode: 'prose' | 'code' = 'prose') => matcher.findAll(text, mode).map((m) => `${m.serviceId}:${m.text}${m.feature ? `[${m.feature}]` : ''}`);

  it('recognises features in Japanese prose, mapped to their parent service', () => {
    assert.deepEqual(found('Transit Gatewayを使ってVPC同士をつなぐ'), ['vpc:Transit Gateway[Transit Gateway]', 'vpc:VPC']);
    assert.deepEqual(found('NATゲートウェイとセキュリティグループを設定した'), ['vpc:NATゲートウェイ[NAT Gateway]', 'vpc:セキュリティグループ[Security Group]']);
    assert.deepEqual(found('VPC エンドポイント経由で S3 に出る'), ['vpc:VPC エンドポイント[VPC Endpoint]', 's3:S3']);
    assert.deepEqual(found('イベントソースマッピングのバッチサイズ'), ['lambda:イベントソースマッピング[Event Source Mapping]']);
    assert.deepEqual(found('IDプールとユーザープールの違い'), ['cognito-identity:IDプール[Identity Pool]', 'cognito-idp:ユーザープール[User Pool]']);
  });

  it('prefers the longer feature over the service it starts with, and accepts a brand prefix', () => {
    assert.deepEqual(found('Lambda Layerに共通ライブラリを置く。Lambda@Edgeも使う'), ['lambda:Lambda Layer[Lambda Layer]', 'lambda:Lambda@Edge[Lambda@Edge]']);
    assert.deepEqual(found('AWS Transit Gateway と Lambda'), ['vpc:AWS Transit Gateway[Transit Gateway]', 'lambda:Lambda']);
    assert.deepEqual(found('Elastic IP を NAT Gateway に付ける'), ['ec2:Elastic IP[Elastic IP]', 'vpc:NAT Gateway[NAT Gateway]']);
  });

  it('never makes an AWS name of an ordinary word alone (negatives)', () => {
    assert.deepEqual(found('# the gateway forwards to the next layer and endpoint', 'code'), []);
    assert.deepEqual(found('const gateway = new Layer(endpoint); pool.mapping = group;', 'code'), []);
    assert.deepEqual(found('a security group and a transit gateway', 'code'), [], 'lower case words in code are not names');
    assert.deepEqual(found('ゲートウェイとレイヤーとエンドポイント'), []);
  });

  it('SAM is its own name, not an alias of CloudFormation', () => {
    assert.deepEqual(found('AWS SAM と SAM CLI と CloudFormation'), ['serverless:AWS SAM', 'serverless:SAM', 'cloudformation:CloudFormation']);
    assert.ok(!data.service('cloudformation')!.aliases.includes('SAM'));
  });
});

describe('ServiceNameMatcher: in place vs folded', () => {
  // The fast path reads the text through a per-unit fold table; the reference folds a copy (fastFold) and maps
  // offsets back. Generated text mixes names, full-width forms, units whose NFKC form is longer, spaces and
  // identifier characters, scanned from and to any offset in both modes.
  const data = loadAwsData();
  const matcher = new ServiceNameMatcher(data.services(), data.features());
  const pieces = ['SQS', 'Lambda', 'API', ' ', '  ', '\t', 'Gateway', 'Amazon', 'AWS', 'Transit', 'Gateway ', 'ＳＱＳ', 'Ｌａｍｂｄａ', 'Ａ', '\u3000', '…', '①', '℃',
    'ﬁ', 'x', '_', '1', 'に', 'トランジットゲートウェイ', 'IDプール', 'Config', 'Batch', '（', '）', '\n', 'é', 'ｱ'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((p) => p.join(''));
  it('finds the same names at the same offsets', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('prose', 'code') as fc.Arbitrary<'prose' | 'code'>, fc.nat(), fc.nat(), (t, mode, a, b) => {
        const from = a % (t.length + 1);
        const to = from + (b % (t.length - from + 1));
        assert.deepEqual(matcher.findAll(t, mode, from, to), matcher.findFolded(t, mode, from, to), JSON.stringify(t.slice(from, to)));
      }),
      params(3000),
    );
  });
  it('a matcher built after another has folded text finds the same names as its reference (the fold table is shared)', () => {
    matcher.findAll('ＳＱＳ ㎡SQS ｱ ℃ Ａ①', 'prose');
    const later = new ServiceNameMatcher(data.services(), data.features());
    for (const t of ['ＳＱＳ を使う', '㎡SQS x', 'Ａ① SQS', 'ｱSQS'] as const) assert.deepEqual(later.findAll(t, 'prose'), later.findFolded(t, 'prose', 0, t.length), t);
    assert.deepEqual(later.findAll('ＳＱＳ を使う', 'prose').map((m) => m.serviceId), ['sqs']);
    fc.assert(
      fc.property(text, (t) => assert.deepEqual(later.findAll(t, 'prose'), later.findFolded(t, 'prose', 0, t.length), JSON.stringify(t))),
      params(1000),
    );
  });
});

describe('ServiceNameMatcher: the trie holds exactly the names (laid out from sorted names)', () => {
  // Names from a tiny alphabet share long prefixes and are prefixes of each other, so most queries walk deep into the
  // trie and stop at nodes with and without a name. A whole query is one match exactly when it is a name with its
  // spaces dropped (spaces inside names are optional), and then it belongs to the first service that registered it.
  const unit = fc.constantFrom('a', 'b', 'ア', 'イ', ' ');
  const trimmed = (min: number) => fc.array(unit, { minLength: min, maxLength: 7 }).map((u) => u.join('')).filter((s) => s.trim() === s && s.length >= min);
  const key = (s: string) => s.replace(/[ \t]+/g, '');
  const service = (id: string, name: string, shortNames: string[] = []): ServiceEntry => ({
    id, name, shortNames, aliases: [], iamPrefixes: [], cfnNamespaces: [], tfPrefixes: [], awsccPrefixes: [], boto3: [],
    jsSdk: [], principals: [], description: { en: '', ja: '' },
  });
  it('a whole text is a match exactly when it is a name, with the service that registered the name first', () => {
    fc.assert(
      fc.property(fc.array(trimmed(2), { maxLength: 40 }), fc.array(trimmed(1), { maxLength: 30 }), (names, queries) => {
        const services = names.map((name, i) => service(`s${i}`, name));
        const matcher = new ServiceNameMatcher(services);
        const owner = new Map<string, string>();
        services.forEach((s) => owner.has(key(s.name)) || owner.set(key(s.name), s.id));
        for (const q of [...names, ...queries, ...names.map((n) => n.slice(0, -1).trim()).filter(Boolean), ...names.map((n) => `${n}a`)]) {
          const whole = matcher.findAll(q, 'prose').find((m) => m.start === 0 && m.end === q.length);
          assert.equal(whole?.serviceId, owner.get(key(q)), `${JSON.stringify(q)} among ${JSON.stringify(names)}`);
        }
      }),
      params(2000),
    );
  });
  it('after a text with more matches than its columns keep (65,536), the next texts are matched as before', () => {
    const matcher = new ServiceNameMatcher([service('x', 'abab'), service('y', 'アイ')]);
    const small = 'abab x アイ';
    const expected = matcher.findAll(small, 'prose').map((m) => [m.start, m.end, m.serviceId]);
    assert.deepEqual(expected, [[0, 4, 'x'], [7, 9, 'y']]);
    assert.equal(matcher.findAll('abab '.repeat(70_000), 'prose').length, 70_000);
    assert.deepEqual(matcher.findAll(small, 'prose').map((m) => [m.start, m.end, m.serviceId]), expected);
  });
  it('negatives: no name, no match; a name is not found by its prefix or by a longer word', () => {
    const matcher = new ServiceNameMatcher([service('x', 'abab', ['ab ア'])]);
    assert.deepEqual(new ServiceNameMatcher([]).findAll('abab ab', 'prose'), []);
    assert.deepEqual(matcher.findAll('aba', 'prose'), []);
    assert.deepEqual(matcher.findAll('ababa', 'prose'), []);
    assert.deepEqual(matcher.findAll('abア', 'prose').map((m) => m.text), ['abア']);
    assert.deepEqual(matcher.findAll('x abab', 'prose').map((m) => [m.start, m.serviceId]), [[2, 'x']]);
  });
});
