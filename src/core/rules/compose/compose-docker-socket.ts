import { normalizeHostPath, readBindMounts } from '../../model/compose-service.js';
import type { Rule } from '../rule.js';

/** Container runtime sockets: whoever can write to one can start a privileged container. */
const RUNTIME_SOCKET = /\/(?:docker|podman|containerd|crio)\.sock$/;

/** The folders that hold those sockets, mounted whole. */
const SOCKET_FOLDERS = new Set(['/var/run', '/run', '/var/run/docker', '/run/docker']);

/** A compose service that mounts the Docker (or another runtime's) socket from the host. */
export const composeDockerSocket: Rule = {
  meta: {
    id: 'compose-docker-socket',
    family: 'compose',
    description: 'Compose services must not mount the container runtime socket of the host.',
    severity: 'error',
    pss: null,
    fixable: false,
    remediation:
      'Remove the socket mount; give the service a narrow API instead, such as a socket proxy ' +
      'that allows only the calls it needs.',
    messages: {
      socket:
        'Service "{{service}}" mounts the container runtime socket {{source}}: it can start a ' +
        'privileged container and so controls the host, even when mounted read-only.',
      folder:
        'Service "{{service}}" mounts {{source}}, which holds the container runtime socket: ' +
        'it can start a privileged container and so controls the host.',
    },
  },

  checkCompose({ service, report }) {
    for (const mount of readBindMounts(service)) {
      const source = normalizeHostPath(mount.source);
      const messageId = RUNTIME_SOCKET.test(source)
        ? 'socket'
        : SOCKET_FOLDERS.has(source)
          ? 'folder'
          : undefined;
      if (messageId === undefined) continue;
      report({ messageId, data: { service: service.name, source }, span: mount.span });
    }
  },
};
