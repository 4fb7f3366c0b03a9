// Issue 17: CloudFormation/SAM snippets are offered in templates (and as skeletons in an empty file), never in
// the YAML/JSON of other tools.
import * as assert from 'node:assert/strict';
import { snippetScope } from '../../../client/src/snippetScope';

describe('snippetScope (which CloudFormation/SAM snippets a document gets)', () => {
  it('a CloudFormation template gets every snippet of its format', () => {
    assert.deepEqual(snippetScope('AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n', '/w/infra/stack.yaml', 'yaml'), { format: 'yaml', all: true });
    assert.deepEqual(snippetScope('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n', '/w/q.yml', 'yaml'), { format: 'yaml', all: true });
    assert.deepEqual(snippetScope('{\n "Resources": { "Q": { "Type": "AWS::SQS::Queue" } }\n}', '/w/t.json', 'json'), { format: 'json', all: true });
  });

  it('a SAM template (Transform) too, also untitled', () => {
    assert.deepEqual(snippetScope('Transform: AWS::Serverless-2016-10-31\n', 'Untitled-1', 'yaml'), { format: 'yaml', all: true });
  });

  it('an empty YAML/JSON file gets only the skeletons', () => {
    assert.deepEqual(snippetScope('', '/w/template.yaml', 'yaml'), { format: 'yaml', all: false });
    assert.deepEqual(snippetScope('  \n', '/w/new.json', 'json'), { format: 'json', all: false });
  });

  it('other tools get nothing: GitHub workflows, docker-compose, Kubernetes, package.json, even empty', () => {
    const workflow = 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n';
    assert.equal(snippetScope(workflow, '/w/.github/workflows/ci.yml', 'yaml'), undefined);
    assert.equal(snippetScope('services:\n  web:\n    image: nginx\n', '/w/docker-compose.yml', 'yaml'), undefined);
    assert.equal(snippetScope('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n', '/w/k8s/web.yaml', 'yaml'), undefined);
    assert.equal(snippetScope('{ "name": "x", "version": "1.0.0" }', '/w/package.json', 'json'), undefined);
    assert.equal(snippetScope('', '/w/.github/workflows/new.yml', 'yaml'), undefined);
    assert.equal(snippetScope('', '/w/docker-compose.yaml', 'yaml'), undefined);
  });

  it('other languages get nothing, even with template text', () => {
    assert.equal(snippetScope('AWSTemplateFormatVersion: "2010-09-09"\n', '/w/notes.md', 'markdown'), undefined);
    assert.equal(snippetScope('', '/w/main.tf', 'terraform'), undefined);
  });
});
