import { controlPlaneFlag, unsafeWhen } from './templates/control-plane-flag.js';

export default controlPlaneFlag({
  component: 'kube-apiserver',
  flag: 'authorization-mode',
  unsafe: unsafeWhen.lacks('Node'),
  meta: {
    id: 'apiserver-authorization-no-node',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.8',
    tags: ['control-plane'],
    summary:
      'The API server should use the Node authorizer (--authorization-mode with Node): it limits each kubelet to the objects of its own pods, so one compromised node cannot read every Secret.',
    remediation: 'Set --authorization-mode=Node,RBAC (and enable the NodeRestriction admission plugin).',
    messages: {
      set: '{{flag}} is "{{value}}", without Node: kubelets are not limited to their own pods.',
      missing: '--authorization-mode is not set: the default AlwaysAllow does not include Node.',
    },
  },
});
