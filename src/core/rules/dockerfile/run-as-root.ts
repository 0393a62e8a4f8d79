import {
  effectiveInstructions,
  finalStage,
  stageChain,
  type DockerStage,
} from '../../model/dockerfile.js';
import { isRootUser } from '../compose/run-as-root.js';
import type { RuleExtension } from '../rule.js';

/**
 * Base images known to set a non-root user themselves: distroless and others that publish
 * `nonroot` tags.
 */
const NON_ROOT_TAG = /:[\w.-]*nonroot[\w.-]*(?:@|$)/i;

/** The final stage of a Dockerfile runs as root: no `USER`, or `USER root` / `USER 0`. */
export const runAsRootDockerfile: RuleExtension = {
  id: 'run-as-root',
  messages: {
    dockerfileNoUser:
      'The final stage sets no USER, so the container runs as root unless the base image ' +
      '{{image}} sets a user.',
    dockerfileRoot: 'The final stage runs as root (USER {{user}}).',
  },

  checkDockerfile({ dockerfile, report }) {
    const stage = finalStage(dockerfile);
    if (stage === undefined) return;

    const user = effectiveInstructions(stage, 'USER')[0];
    if (user === undefined) {
      const image = imageOf(stage);
      if (NON_ROOT_TAG.test(image)) return;
      report({ messageId: 'dockerfileNoUser', data: { image }, span: stage.from.span });
      return;
    }

    const name = user.words[0]?.text;
    // A user from a build argument is decided at build time; there is nothing to judge here.
    if (name === undefined || name.includes('$') || !isRootUser(name)) return;
    report({ messageId: 'dockerfileRoot', data: { user: name }, span: user.span });
  },
};

/** The image the final stage is built on, through the earlier stages it starts from. */
function imageOf(stage: DockerStage): string {
  const chain = stageChain(stage);
  return chain[chain.length - 1]?.base ?? stage.base;
}
