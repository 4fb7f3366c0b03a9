import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAwsData } from '../../../../server/src/core/data/awsData';
import {
  bilingualMatches,
  createBilingualTable,
  englishTermsFor,
  englishWords,
  foldForBilingualMatch,
  japaneseTermsFor,
  type RawBilingualTable,
} from '../../../../server/src/core/text/bilingual';
import { findDataDir, loadAwsData } from '../../../../server/src/node/dataLoader';

const dataDir = findDataDir(__dirname)!;
const file = path.join(dataDir, 'bilingual.json');
const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as RawBilingualTable & { license: string; source: string; counts: Record<string, number> };
const table = createBilingualTable(raw);
const ja = (s: string) => japaneseTermsFor(s, table);

describe('bilingual: English identifier parts -> Japanese forms (generated table)', () => {
  it('splits camelCase, PascalCase with acronyms, snake_case, prefixes and spaced phrases into words', () => {
    assert.deepEqual(englishWords('EventSourceMapping'), ['event', 'source', 'mapping']);
    assert.deepEqual(englishWords('receive_message'), ['receive', 'message']);
    assert.deepEqual(englishWords('sqs:ReceiveMessage'), ['sqs', 'receive', 'message']);
    assert.deepEqual(englishWords('KMSKeyId'), ['kms', 'key', 'id']);
    assert.deepEqual(englishWords('Batch Size'), ['batch', 'size']);
  });

  it('combines adjacent katakana words into the compound notes write, best first', () => {
    assert.equal(ja('BatchSize')[0], 'バッチサイズ');
    assert.equal(ja('batch_size')[0], 'バッチサイズ');
    assert.equal(ja('Batch Size')[0], 'バッチサイズ');
    assert.equal(ja('EventSourceMapping')[0], 'イベントソースマッピング');
    assert.equal(ja('DeadLetterQueue')[0], 'デッドレターキュー');
    // per-word forms follow the compound
    assert.ok(ja('BatchSize').includes('バッチ') && ja('BatchSize').includes('サイズ'));
    assert.ok(ja('BatchSize').indexOf('バッチサイズ') < ja('BatchSize').indexOf('サイズ'));
  });

  it('matches the longest known phrase before single words', () => {
    assert.equal(ja('VisibilityTimeout')[0], '可視性タイムアウト');
    assert.equal(ja('visibility_timeout_seconds')[0], '可視性タイムアウト');
    assert.equal(ja('MessageRetentionPeriod')[0], 'メッセージ保持期間');
    assert.ok(!ja('MessageRetentionPeriod').includes('ピリオド'), 'the phrase replaces the wrong sense of period');
    // units are not part of the compound: notes write 可視性タイムアウト (秒), not 可視性タイムアウトセカンド
    assert.ok(ja('VisibilityTimeoutSeconds').every((f) => !f.includes('セカンド')));
    assert.deepEqual(bilingualMatches('VisibilityTimeoutSeconds', table)[0], { form: '可視性タイムアウト', covers: 2, whole: true });
  });

  it('single words, and verbs placed after their object', () => {
    assert.deepEqual(ja('Queue'), ['キュー']);
    assert.equal(ja('Principal')[0], 'プリンシパル');
    assert.equal(ja('trigger')[0], 'トリガー');
    for (const id of ['ReceiveMessage', 'receive_message', 'sqs:ReceiveMessage']) {
      const forms = ja(id);
      assert.equal(forms[0], 'メッセージ受信', id);
      assert.ok(forms.includes('メッセージを受信'), id);
      assert.ok(!forms.includes('受信メッセージ'), `${id}: the verb does not come first`);
    }
    assert.deepEqual(ja('StreamSpecification'), ['ストリーム']);
  });

  it('qualified names do not combine across their separators; service names are not translated', () => {
    assert.deepEqual(bilingualMatches('AWS::Lambda::EventSourceMapping', table)[0], { form: 'イベントソースマッピング', covers: 3, whole: false });
    assert.equal(ja('aws_lambda_event_source_mapping')[0], 'イベントソースマッピング');
    assert.ok(ja('AWS::Lambda::EventSourceMapping').every((f) => !f.includes('ラムダ')));
    assert.deepEqual(ja('Lambda'), []);
    assert.deepEqual(ja('Glacier'), []);
    // an ambiguous service name is still an ordinary word
    assert.deepEqual(ja('Batch'), ['バッチ']);
    assert.equal(ja('lambda:InvokeFunction')[0], '関数呼び出し');
    assert.equal(ja('MaximumBatchingWindowInSeconds')[0], '最大バッチウィンドウ');
  });

  it('spelling variants: the ones IPADIC knows come first, unknown ones are dropped', () => {
    assert.deepEqual(ja('Event'), ['イベント']);
    assert.equal(ja('DataSource')[0], 'データソース');
    assert.ok(ja('UserPoolClient').includes('ユーザープールクライアント') && ja('UserPoolClient').includes('ユーザプールクライアント'));
  });

  it('a suffix word (configuration -> 設定) only follows another word', () => {
    assert.deepEqual(ja('LifecycleConfiguration'), ['ライフサイクル設定', 'ライフサイクル']);
    assert.equal(ja('DeadLetterConfig')[0], 'デッドレター設定');
    assert.deepEqual(ja('Configuration'), []);
    assert.deepEqual(ja('VpcConfig'), [], 'no word before it that the table knows');
  });

  it('an -ing word the table lacks is derived from its katakana stem; never from kanji or an unknown stem', () => {
    const mini = createBilingualTable({ terms: { version: ['バージョン'], cache: ['キャッシュ'], log: ['ログ'], monitor: ['モニター'], encrypt: ['暗号化'] } } as unknown as RawBilingualTable);
    const forms = (w: string) => bilingualMatches(w, mini).map((m) => m.form);
    assert.deepEqual(forms('Versioning'), ['バージョニング']);
    assert.deepEqual(forms('caching'), ['キャッシング']);
    assert.deepEqual(forms('Logging'), ['ロギング']);
    assert.deepEqual(forms('Monitoring'), ['モニタリング']);
    assert.deepEqual(forms('Encrypting'), [], 'a kanji form has no -ing');
    assert.deepEqual(forms('Thing'), [], 'too short to be a derived word');
    assert.deepEqual(forms('Tunneling'), [], 'no stem in the table');
  });

  it('plural words find their singular entry', () => {
    assert.deepEqual(ja('ListQueues'), ['キュー']);
    assert.equal(ja('Policies')[0], 'ポリシー');
  });

  it('reports how much of the identifier each form covers', () => {
    const m = bilingualMatches('StreamSpecification', table);
    assert.deepEqual(m, [{ form: 'ストリーム', covers: 1, whole: false }]);
    const b = bilingualMatches('BatchSize', table);
    assert.deepEqual(b[0], { form: 'バッチサイズ', covers: 2, whole: true });
    assert.ok(b.slice(1).every((x) => !x.whole && x.covers === 1));
    // stop-words do not count as uncovered content: "GetQueueUrl" has content words queue and url
    assert.equal(bilingualMatches('Queue', table)[0].whole, true);
  });

  it('nothing for stop-words, unknown words or empty input', () => {
    for (const id of ['Get', 'get', 'Set', 'List', 'Id', 'Name', 'Type', 'the', 'GetName', 'ListTypes', 'the_id', '', '::', 'Xyzzy', 'Qwxv', 'Foo']) {
      assert.deepEqual(ja(id), [], id);
    }
  });

  it('every form is at least two characters and appears once', () => {
    for (const id of ['BatchSize', 'EventSourceMapping', 'SecurityGroupIds', 'UserPoolClient', 'ReceiveMessageWaitTimeSeconds', 'NatGateway']) {
      const forms = ja(id);
      assert.equal(new Set(forms).size, forms.length, id);
      assert.ok(forms.every((f) => f.length >= 2), id);
    }
  });

  it('bounded on hostile input', () => {
    const long = 'Batch'.repeat(4000) + 'Size';
    const started = process.hrtime.bigint();
    const forms = ja(long);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 200);
    assert.ok(forms.length <= 10);
  });

  it('reverse direction: Japanese term -> English words', () => {
    assert.deepEqual(englishTermsFor('可視性タイムアウト', table), ['visibility timeout']);
    assert.deepEqual(englishTermsFor('キュー', table), ['queue']);
    assert.deepEqual(englishTermsFor('バッチサイズ', table), ['batch size']);
    assert.deepEqual(englishTermsFor('バッチ・サイズ', table), ['batch size']);
    assert.deepEqual(englishTermsFor('メッセージ受信', table), ['receive message']);
    assert.deepEqual(englishTermsFor('これは関係ない文です', table), []);
  });

  it('folding joins katakana across middle dots and spaces only', () => {
    assert.equal(foldForBilingualMatch('バッチ・サイズ'), 'バッチサイズ');
    assert.equal(foldForBilingualMatch('ﾊﾞｯﾁ ｻｲｽﾞ'), 'バッチサイズ');
    assert.equal(foldForBilingualMatch('キュー と 関数'), 'キュー と 関数');
    assert.equal(foldForBilingualMatch('Batch Size'), 'Batch Size');
  });
});

describe('bilingual: combination rules on a small table', () => {
  const mini = createBilingualTable({
    terms: { alpha: ['アルファ'], beta: ['ベータ', 'ベーター'], 'alpha beta': ['αβ表'], fetch: ['取得'], x: ['ク'], constructor: ['コンストラクタ'] },
    verbs: ['fetch'],
  });
  const m = (s: string) => japaneseTermsFor(s, mini);

  it('a known phrase wins over its words', () => {
    assert.deepEqual(m('AlphaBeta'), ['αβ表']);
  });

  it('alternatives vary in combinations, the best forms first', () => {
    assert.deepEqual(m('BetaAlpha'), ['ベータアルファ', 'ベーターアルファ', 'ベータ', 'ベーター', 'アルファ']);
  });

  it('a verb goes after its object; a verb alone is itself', () => {
    assert.deepEqual(m('FetchBeta').slice(0, 2), ['ベータ取得', 'ベーター取得']);
    assert.ok(m('FetchBeta').includes('ベータを取得'));
    assert.deepEqual(m('Fetch'), ['取得']);
  });

  it('a suffix needs a known word before it in the same run', () => {
    const t2 = createBilingualTable({ terms: { alpha: ['アルファ'], setting: ['設定'] }, suffixes: ['setting'] });
    assert.deepEqual(japaneseTermsFor('AlphaSetting', t2), ['アルファ設定', 'アルファ']);
    assert.deepEqual(japaneseTermsFor('Setting', t2), []);
    assert.deepEqual(japaneseTermsFor('SettingAlpha', t2), ['アルファ']);
    assert.deepEqual(japaneseTermsFor('AlphaOfSetting', t2), ['アルファ']);
  });

  it('stop-words and unknown words break runs', () => {
    assert.deepEqual(m('AlphaOfBeta'), ['アルファ', 'ベータ', 'ベーター']);
    assert.deepEqual(m('AlphaZzzBeta'), ['アルファ', 'ベータ', 'ベーター']);
  });

  it('forms shorter than two characters are dropped; object keys are not inherited', () => {
    assert.deepEqual(m('X'), []);
    assert.deepEqual(m('toString'), []);
    assert.deepEqual(m('hasOwnProperty'), []);
  });
});

describe('bilingual: generated data/bilingual.json', () => {
  it('is small, licensed and well-formed', () => {
    assert.ok(fs.statSync(file).size < 300 * 1024, 'under 300 KB');
    assert.equal(raw.license, 'Apache-2.0');
    assert.match(raw.source, /Sudachi/);
    assert.match(raw.source, /sudachi-synonyms-dictionary@\d+\.\d+\.\d+/);
    const keys = Object.keys(raw.terms);
    assert.ok(keys.length > 500, `${keys.length} terms`);
    for (const key of keys) {
      assert.equal(key, key.toLowerCase().trim(), key);
      const forms = raw.terms[key];
      assert.ok(Array.isArray(forms) && forms.length > 0, key);
      for (const f of forms) assert.ok(typeof f === 'string' && f.length >= 2 && /[\u3040-\u30FF\u4E00-\u9FFF]/.test(f) && !/[A-Za-z]/.test(f), `${key}: ${f}`);
    }
    for (const v of [...(raw.verbs ?? []), ...(raw.suffixes ?? [])]) assert.ok(raw.terms[v], `${v} has forms`);
    assert.equal(Object.values(raw.counts).reduce((a, b) => a + b, 0), keys.length);
  });

  it('is listed in data/NOTICE.md with its licence', () => {
    const notice = fs.readFileSync(path.join(dataDir, 'NOTICE.md'), 'utf8');
    assert.match(notice, /bilingual\.json.*Sudachi.*Apache-2\.0/);
  });

  it('is loaded lazily through the data port; absent data gives undefined', () => {
    const data = loadAwsData(dataDir);
    const t = data.bilingual();
    assert.ok(t);
    assert.equal(data.bilingual(), t, 'built once');
    assert.equal(japaneseTermsFor('BatchSize', t!)[0], 'バッチサイズ');
    const none = createAwsData({ services: () => [], cfnTypes: () => ({}), tfResources: () => ({}), tfDataSources: () => ({}), mapping: () => ({}), iamActions: () => ({}) });
    assert.equal(none.bilingual(), undefined);
    assert.equal(loadAwsData(path.join(dataDir, 'no-such-folder')).bilingual(), undefined);
  });
});
