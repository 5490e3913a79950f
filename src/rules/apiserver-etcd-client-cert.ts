import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: ['etcd-certfile', 'etcd-keyfile'],
  unsafe: unsafeWhen.unset,
  meta: {
    id: 'apiserver-etcd-client-cert',
    category: 'security',
    level: 'warning',
    securitySeverity: 7.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.26',
    tags: ['control-plane'],
    summary:
      'The API server must authenticate to etcd with a client certificate (--etcd-certfile and --etcd-keyfile): etcd holds every Secret of the cluster.',
    remediation: 'Set --etcd-certfile and --etcd-keyfile.',
    messages: {
      missing: '{{flag}} is not set: the API server has no client certificate for etcd.',
    },
  },
});
