import { serviceKey } from '../../model/compose-service.js';
import type { RuleExtension } from '../rule.js';

/** Compose keys that share one of the host's namespaces with the value `host`. */
const NAMESPACE_KEYS: Record<string, string> = {
  network_mode: 'network',
  pid: 'process',
  ipc: 'IPC',
  uts: 'hostname (UTS)',
  userns_mode: 'user',
};

/** A compose service in the host's namespaces, the twin of the Pod Security control. */
export const hostNamespacesCompose: RuleExtension = {
  id: 'host-namespaces',
  messages: {
    composeHostNamespace:
      'Service "{{service}}" sets {{key}}: host, so it shares the host\'s {{namespace}} ' +
      'namespace with every process on the machine.',
  },

  checkCompose({ service, report }) {
    for (const [key, namespace] of Object.entries(NAMESPACE_KEYS)) {
      const field = serviceKey(service, key);
      if (field?.string() !== 'host') continue;
      report({
        messageId: 'composeHostNamespace',
        data: { service: service.name, key, namespace },
        span: field.entrySpan,
      });
    }
  },
};
