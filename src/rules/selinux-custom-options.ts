import { isObject, isString } from '../k8s/json.js';
import { allowedSeLinuxTypes } from '../k8s/pss.js';
import { writtenSettingRule } from './templates/written-setting.js';

/** As the reference: type empty or one of the container types; user and role empty; level is free. */
export default writtenSettingRule(
  {
    id: 'selinux-custom-options',
    category: 'security',
    level: 'error',
    securitySeverity: 6.5,
    presets: ['recommended', 'pss-baseline', 'pss-restricted'],
    pss: { profile: 'baseline', control: 'SELinux' },
    summary:
      'Pods and containers must not set a custom SELinux user or role, or a type other than the container types (container_t, container_init_t, container_kvm_t, container_engine_t from 1.31), which can lift SELinux confinement.',
    remediation: 'Remove seLinuxOptions.user and .role, and leave seLinuxOptions.type unset or set it to container_t.',
    messages: {
      pod: 'The pod sets seLinuxOptions.{{field}} "{{value}}", which the Baseline profile forbids.',
      container: 'Container "{{container}}" sets seLinuxOptions.{{field}} "{{value}}", which the Baseline profile forbids.',
    },
  },
  {
    field: ['seLinuxOptions'],
    check: (value, settings) => {
      if (!isObject(value)) return undefined;
      const { type, user, role } = value;
      if (isString(type) && type !== '' && !allowedSeLinuxTypes(settings.kubeVersion).includes(type)) return { field: 'type', value: type };
      if (isString(user) && user !== '') return { field: 'user', value: user };
      if (isString(role) && role !== '') return { field: 'role', value: role };
      return undefined;
    },
    podMessageId: 'pod',
    containerMessageId: 'container',
  },
);
