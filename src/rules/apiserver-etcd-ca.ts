import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'etcd-cafile',
  unsafe: unsafeWhen.unset,
  meta: {
    id: 'apiserver-etcd-ca',
    category: 'security',
    level: 'warning',
    securitySeverity: 7.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.29',
    tags: ['control-plane'],
    summary:
      'The API server must verify etcd\'s serving certificate (--etcd-cafile): otherwise a machine in the middle can pose as etcd.',
    remediation: 'Set --etcd-cafile.',
    messages: {
      missing: '--etcd-cafile is not set: the API server does not verify etcd\'s certificate.',
    },
  },
});
