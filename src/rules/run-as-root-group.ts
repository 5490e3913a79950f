import { defineRule } from '../engine/define-rule.js';
import { checkWritten } from './templates/written-setting.js';

/** Group 0 is root's group: files it owns on the node or in volumes become writable. */
export default defineRule({
  meta: {
    id: 'run-as-root-group',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: ['recommended'],
    summary:
      'Containers should not run with the root group: a runAsGroup of 0 (written on the container, or on the pod and inherited), an fsGroup of 0 or 0 among the supplementalGroups.',
    remediation: 'Set runAsGroup, fsGroup and supplementalGroups to non-zero group ids.',
    messages: {
      pod: 'The pod sets runAsGroup: 0, which its containers inherit: they run with the root group.',
      container: 'Container "{{container}}" sets runAsGroup: 0: it runs with the root group.',
      fsGroup: 'The pod sets fsGroup: 0: its volumes are owned by the root group.',
      supplementalGroup: 'The pod adds the root group (0) to supplementalGroups.',
    },
  },
  create(context) {
    return {
      podSpec(pod) {
        checkWritten(context, pod, {
          field: ['runAsGroup'],
          check: (value) => (value === 0 ? {} : undefined),
          podMessageId: 'pod',
          containerMessageId: 'container',
          onlyIfInherited: true,
        });
        const { fsGroup, supplementalGroups } = pod.podSecurity;
        if (fsGroup?.value === 0) context.report({ messageId: 'fsGroup', at: fsGroup.path });
        const index = supplementalGroups?.value.indexOf(0) ?? -1;
        if (supplementalGroups && index !== -1) context.report({ messageId: 'supplementalGroup', at: [...supplementalGroups.path, index] });
      },
    };
  },
});
