import type { Rule, RuleExtension } from '../rule.js';
import { apparmorCompose } from './apparmor.js';
import { capabilitiesBaselineCompose } from './capabilities-baseline.js';
import { composeDevices } from './compose-devices.js';
import { composeDockerSocket } from './compose-docker-socket.js';
import { composeHostRootMount } from './compose-host-root-mount.js';
import { hostNamespacesCompose } from './host-namespaces.js';
import { privilegedCompose } from './privileged.js';
import { procMountCompose } from './proc-mount.js';
import { runAsRoot } from './run-as-root.js';
import { seccompBaselineCompose } from './seccomp-baseline.js';
import { selinuxCompose } from './selinux.js';

/** Rules only docker-compose files have. */
export const composeRules: Rule[] = [
  composeDevices,
  composeDockerSocket,
  composeHostRootMount,
  runAsRoot,
];

/** Compose checks of rules that other families own, merged onto them by id. */
export const composeExtensions: RuleExtension[] = [
  apparmorCompose,
  capabilitiesBaselineCompose,
  hostNamespacesCompose,
  privilegedCompose,
  procMountCompose,
  seccompBaselineCompose,
  selinuxCompose,
];
