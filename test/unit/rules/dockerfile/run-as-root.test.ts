import assert from 'node:assert/strict';
import { findRule } from '../../../../src/core/rules/registry.js';
import { testRule } from '../../../helpers/rule-tester.js';

const rule = findRule('run-as-root') ?? assert.fail('the rule run-as-root is not registered');

testRule(rule, {
  valid: [
    {
      name: 'a numeric user in the final stage',
      text: 'FROM debian:12-slim\nCOPY app /app\nUSER 10001:10001\nCMD ["/app"]\n',
      path: 'Dockerfile',
    },
    {
      name: 'a distroless nonroot base without USER',
      text:
        'FROM golang:1.23 AS build\nRUN go build -o /app .\n\n' +
        'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n',
      path: 'Dockerfile',
    },
    {
      name: 'a later stage inherits the USER of the earlier stage it starts from',
      text: 'FROM python:3.12-slim AS base\nUSER app\n\nFROM base AS runtime\nCMD ["python", "-m", "app"]\n',
      path: 'build/api.dockerfile',
    },
    {
      name: 'a user from a build argument is not judged',
      text: 'FROM alpine:3.20\nARG APP_UID=1000\nUSER ${APP_UID}\n',
      path: 'Dockerfile.prod',
    },
    {
      name: 'the last USER counts',
      text: 'FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nUSER nobody\n',
      path: 'Dockerfile',
    },
    {
      name: 'ignored on purpose with a pragma before the final FROM',
      text: 'FROM golang:1.23 AS build\n# layerwise ignore=run-as-root -- binds port 80 on old kernels\nFROM alpine:3.20\n',
      path: 'Dockerfile',
    },
    {
      name: 'ignored for the whole file',
      text: '# layerwise global ignore=dockerfile-full-os, run-as-root\nFROM ubuntu:22.04\nUSER root\n',
      path: 'Dockerfile',
    },
  ],
  invalid: [
    {
      name: 'no USER points at the final FROM; the builder USER does not count',
      text: `FROM golang:1.23 AS build
USER 1000
RUN go build -o /out/app ./cmd/app

FROM --platform=$BUILDPLATFORM debian:12-slim AS runtime
COPY --from=build /out/app /usr/local/bin/app
CMD ["app"]
`,
      path: 'Dockerfile',
      findings: [
        {
          range: '5:1-5:57',
          message:
            'The final stage sets no USER, so the container runs as root unless the base image ' +
            'debian:12-slim sets a user.',
        },
      ],
    },
    {
      name: 'USER root, 0, root:root and 0:0',
      text: 'FROM alpine:3.20\nUSER root:root\n',
      path: 'Dockerfile',
      findings: [{ range: '2:1-2:15', message: 'The final stage runs as root (USER root:root).' }],
    },
    {
      name: 'USER 0:0 inherited from the stage the final one starts from',
      text: 'FROM alpine:3.20 AS base\nuser 0:0\nFROM base\nCMD ["sh"]\n',
      path: 'Dockerfile',
      findings: [{ range: '2:1-2:9', message: /USER 0:0/ }],
    },
    {
      name: 'a pragma for another rule or another instruction does not cover it',
      text: '# layerwise ignore=dockerfile-full-os\nFROM alpine:3.20\n# layerwise ignore=run-as-root\nRUN true\n',
      path: 'Dockerfile',
      findings: [{ range: '2:1-2:17' }],
    },
  ],
});
