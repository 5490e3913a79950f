import { writtenSettingRule } from './templates/written-setting.js';

export default writtenSettingRule(
  {
    id: 'windows-host-process',
    category: 'security',
    level: 'error',
    securitySeverity: 9.0,
    presets: ['recommended', 'pss-baseline', 'pss-restricted', 'cis'],
    pss: { profile: 'baseline', control: 'HostProcess' },
    cis: '5.2.11',
    summary:
      'Pods and containers must not run as Windows HostProcess containers (windowsOptions.hostProcess: true), which run directly on the node with its full privileges.',
    remediation: 'Remove securityContext.windowsOptions.hostProcess or set it to false; run node agents outside ordinary workloads.',
    messages: {
      pod: 'The pod runs its containers as Windows HostProcess containers (windowsOptions.hostProcess: true).',
      container: 'Container "{{container}}" runs as a Windows HostProcess container (windowsOptions.hostProcess: true).',
    },
  },
  {
    field: ['windowsOptions', 'hostProcess'],
    check: (value) => (value === true ? {} : undefined),
    podMessageId: 'pod',
    containerMessageId: 'container',
  },
);
