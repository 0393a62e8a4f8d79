import type { Rule } from '../rule.js';
import { allowPrivilegeEscalation } from './allow-privilege-escalation.js';
import { apparmor } from './apparmor.js';
import { capabilitiesBaseline } from './capabilities-baseline.js';
import { capabilitiesRestricted } from './capabilities-restricted.js';
import { hostNamespaces } from './host-namespaces.js';
import { hostPathVolumes } from './host-path-volumes.js';
import { hostPorts } from './host-ports.js';
import { hostProcess } from './host-process.js';
import { privileged } from './privileged.js';
import { probeHost } from './probe-host.js';
import { procMount } from './proc-mount.js';
import { runAsNonRoot } from './run-as-non-root.js';
import { runAsUser } from './run-as-user.js';
import { seccompBaseline } from './seccomp-baseline.js';
import { seccompRestricted } from './seccomp-restricted.js';
import { selinux } from './selinux.js';
import { sysctls } from './sysctls.js';
import { volumeTypes } from './volume-types.js';

/** The Pod Security Standards controls, one rule each, in alphabetical order of id. */
export const pssRules: Rule[] = [
  allowPrivilegeEscalation,
  apparmor,
  capabilitiesBaseline,
  capabilitiesRestricted,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  hostProcess,
  privileged,
  probeHost,
  procMount,
  runAsNonRoot,
  runAsUser,
  seccompBaseline,
  seccompRestricted,
  selinux,
  sysctls,
  volumeTypes,
];
