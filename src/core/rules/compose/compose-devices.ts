import { serviceItems } from '../../model/compose-service.js';
import type { Rule } from '../rule.js';

/** A compose service that is given host devices or device cgroup rules. */
export const composeDevices: Rule = {
  meta: {
    id: 'compose-devices',
    family: 'compose',
    description: 'Compose services should not be given host devices.',
    severity: 'warning',
    pss: null,
    fixable: false,
    remediation:
      'Remove the device, or keep the service on a host of its own when it really drives ' +
      'hardware; request GPUs through deploy.resources.reservations.devices instead.',
    messages: {
      device:
        'Service "{{service}}" is given the host device {{device}}: the host kernel\'s driver ' +
        'for it becomes part of what the container can attack.',
      cgroupRule:
        'Service "{{service}}" has the device cgroup rule "{{rule}}", which opens host ' +
        'devices to it.',
    },
  },

  checkCompose({ service, report }) {
    const data = { service: service.name };
    for (const item of serviceItems(service, 'devices')) {
      const source = item.get('source');
      const device = item.string()?.split(':')[0] ?? source?.string();
      if (device === undefined) continue;
      const span = source?.entrySpan ?? item.span;
      report({ messageId: 'device', data: { ...data, device }, span });
    }
    for (const item of serviceItems(service, 'device_cgroup_rules')) {
      const rule = item.string();
      if (rule === undefined) continue;
      report({ messageId: 'cgroupRule', data: { ...data, rule }, span: item.span });
    }
  },
};
