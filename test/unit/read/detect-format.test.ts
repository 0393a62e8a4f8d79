import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../src/core/analyze.js';
import { detectFormat } from '../../../src/core/read/detect-format.js';

const GITHUB_WORKFLOW = `name: ci
on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-24.04
    services:
      postgres:
        image: postgres:16
        ports: ["5432:5432"]
    steps:
      - uses: actions/checkout@v4
      - run: npm test
        env:
          TOKEN: \${{ secrets.TOKEN }}
          IMAGE: \${{ matrix.image }}
`;

const OPENAPI = `openapi: 3.1.0
info:
  title: Shop API
  version: 2.4.1
paths:
  /orders/{id}:
    get:
      operationId: getOrder
      responses:
        "200":
          description: The order
components:
  schemas:
    Order:
      type: object
      properties:
        kind:
          type: string
`;

const GITLAB_CI = `image: node:22
services:
  - postgres:16
  - redis:7
test:
  script:
    - npm ci
    - npm test
`;

describe('detectFormat', () => {
  it('recognises Dockerfiles by name only', () => {
    for (const path of ['Dockerfile', 'build/Dockerfile', 'api.dockerfile', 'Dockerfile.prod']) {
      assert.equal(detectFormat(path, 'FROM alpine\n'), 'dockerfile', path);
    }
    assert.equal(detectFormat('docs/dockerfiles.md', 'FROM alpine\n'), 'none');
  });

  it('recognises compose files by a top-level services map, whatever their name', () => {
    const text = 'services:\n  web:\n    image: nginx\n';
    assert.equal(detectFormat('deploy/stack.yml', text), 'compose');
    assert.equal(detectFormat('compose.yaml', 'services: {web: {image: nginx}}\n'), 'compose');
    assert.equal(detectFormat('x.yaml', 'jobs:\n  services:\n    web: {}\n'), 'none');
  });

  it('recognises templates by their actions, or by a chart templates folder', () => {
    const template = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n';
    assert.equal(detectFormat('any/pod.yaml', template), 'helm');
    assert.equal(detectFormat('chart/templates/pod.yaml', 'apiVersion: v1\nkind: Pod\n'), 'helm');
    assert.equal(
      detectFormat('chart/templates/_helpers.tpl', `{{- define "x" }}\nkind: a\n`),
      'none',
    );
    assert.equal(detectFormat('chart/templates/NOTES.txt', `kind: {{ .Values.kind }}\n`), 'none');
    assert.equal(detectFormat('pod.yaml', 'apiVersion: v1\nkind: Pod\n'), 'kubernetes');
  });

  it('leaves ordinary YAML alone: a GitHub workflow, an OpenAPI file', () => {
    assert.equal(detectFormat('.github/workflows/ci.yml', GITHUB_WORKFLOW), 'none');
    assert.equal(detectFormat('api/openapi.yaml', OPENAPI), 'none');
  });
});

describe('files that are neither', () => {
  it('yield no findings and no workloads', () => {
    const report = analyze([
      { path: '.github/workflows/ci.yml', text: GITHUB_WORKFLOW },
      { path: 'api/openapi.yaml', text: OPENAPI },
      { path: '.gitlab-ci.yml', text: GITLAB_CI },
      { path: 'chart/values.yaml', text: 'image:\n  repository: nginx\nservices: [a\n' },
    ]);
    assert.deepEqual(report, { findings: [], workloads: [] });
  });

  it('a broken file named like a compose file still gets its syntax error', () => {
    const report = analyze([{ path: 'docker-compose.yml', text: 'services:\n  web: [\n' }]);
    assert.deepEqual(
      report.findings.map((finding) => finding.ruleId),
      ['yaml-syntax'],
    );
  });
});
