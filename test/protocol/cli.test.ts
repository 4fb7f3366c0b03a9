// The aws-notes CLI as users run it: a child process, its stdout, stderr and exit code (needs `npm run build`).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { QUEUE_NOTE } from '../helpers/notesFixtures';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'bin/aws-notes.js');
const TEMPLATE = path.join(ROOT, 'examples/workspace/template.yaml');

describe('aws-notes CLI', function () {
  this.timeout(20000);
  let tmp: string;
  let notes: string;

  function run(...args: string[]) {
    return runWith({}, ...args);
  }

  function runWith(env: Record<string, string>, ...args: string[]) {
    const result = spawnSync(process.execPath, [CLI, ...args], {
      cwd: tmp,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', AWS_NOTES_CACHE_DIR: path.join(tmp, '.cache'), ...env },
      timeout: 15000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-cli-'));
    notes = path.join(tmp, 'notes');
    fs.mkdirSync(notes);
    fs.writeFileSync(path.join(notes, 'queue.md'), QUEUE_NOTE);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('lookup prints the service and the excerpt from the notes', () => {
    const { code, stdout } = run('lookup', 'SQS', '--notes', notes, '--lang', 'en');
    assert.equal(code, 0);
    assert.match(stdout, /\*\*Amazon Simple Queue Service\*\* \(SQS\)/);
    assert.match(stdout, /From your notes/);
    assert.match(stdout, /queue\.md › キューまわりの学習メモ › SQS とは/);
    assert.match(stdout, /> - フルマネージドなメッセージキュー/);
  });

  it('lookup --json is valid JSON with the service and its sections', () => {
    const { code, stdout } = run('lookup', 'SQS', '--notes', notes, '--json');
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.equal(json.term, 'SQS');
    assert.equal(json.service.id, 'sqs');
    assert.ok(Array.isArray(json.sections) && json.sections.length > 0);
    assert.equal(json.sections[0].breadcrumb, 'queue.md › キューまわりの学習メモ › SQS とは');
    assert.equal(typeof json.sections[0].line, 'number');
    assert.match(json.markdown, /Amazon Simple Queue Service/);
  });

  it('lookup of a word that is no AWS name exits 1', () => {
    const { code, stdout, stderr } = run('lookup', 'config', '--notes', notes);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /no AWS service or identifier found in "config"/);
  });

  it('index prints what was indexed', () => {
    const { code, stdout } = run('index', '--notes', notes);
    assert.equal(code, 0);
    assert.match(stdout, /^files: 1$/m);
    assert.match(stdout, /^sections: [1-9]\d*$/m);
    assert.match(stdout, /^services: [1-9]\d*$/m);
    assert.match(stdout, /^time: \d+ ms$/m);
    const json = JSON.parse(run('index', '--notes', notes, '--json').stdout);
    assert.equal(json.files, 1);
  });

  it('convert prints Terraform that HashiCorp HCL parses, with the queues', async () => {
    const { code, stdout, stderr } = run('convert', TEMPLATE);
    assert.equal(code, 0, stderr);
    const hcl = await parse('main.tf', stdout);
    const queues = Object.keys(hcl.resource.aws_sqs_queue);
    assert.equal(queues.length, 2);
    assert.ok(hcl.resource.aws_lambda_function, 'the function is converted too');
  });

  it('convert --resource limits the output to that resource', async () => {
    const { code, stdout } = run('convert', TEMPLATE, '--resource', 'OrderQueue');
    assert.equal(code, 0);
    const hcl = await parse('one.tf', stdout);
    assert.deepEqual(Object.keys(hcl.resource), ['aws_sqs_queue']);
    assert.equal(Object.keys(hcl.resource.aws_sqs_queue).length, 1);
    const other = run('convert', TEMPLATE, '--resource=Nope');
    assert.equal(other.code, 1);
    assert.match(other.stderr, /no resource Nope in .*template\.yaml \(resources: OrderQueue, /);
  });

  it('convert of a missing file says so and fails', () => {
    const { code, stdout, stderr } = run('convert', path.join(tmp, 'missing.yaml'));
    assert.notEqual(code, 0);
    assert.equal(stdout, '');
    assert.match(stderr, /cannot read template .*missing\.yaml: no such file/);
  });

  it('an unknown command or option prints the usage and exits 2', () => {
    const unknown = run('frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^usage:/m);
    assert.match(unknown.stderr, /aws-notes convert <template/);
    const none = run();
    assert.equal(none.code, 2);
    const option = run('lookup', 'SQS', '--bogus');
    assert.equal(option.code, 2);
    assert.match(option.stderr, /unknown option --bogus/);
    const help = run('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^usage:/m);
  });

  it('speaks Japanese with --lang ja or a Japanese locale', () => {
    const help = run('--help', '--lang', 'ja');
    assert.match(help.stdout, /^使い方:/m);
    const index = runWith({ LANG: 'ja_JP.UTF-8' }, 'index', '--notes', notes);
    assert.equal(index.code, 0);
    assert.match(index.stdout, /^ファイル: 1$/m);
    assert.match(index.stdout, /^セクション: 5$/m);
    const nothing = runWith({ LC_ALL: 'ja_JP.UTF-8' }, 'lookup', 'config', '--notes', notes);
    assert.equal(nothing.code, 1);
    assert.match(nothing.stderr, /「config」に AWS のサービスや識別子が見つかりません/);
    const lookup = run('lookup', 'SQS', '--notes', notes, '--lang=ja');
    assert.match(lookup.stdout, /あなたのノートから/);
  });
});
