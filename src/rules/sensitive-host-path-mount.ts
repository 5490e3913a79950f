import { isUnder } from '../k8s/views/host-path.js';
import { hostPathMatchRule } from './templates/host-path-match.js';

/** Folders of the node's system: the folder itself is sensitive (a node agent may read a file below it). */
const SYSTEM_FOLDERS = new Set(['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr', '/bin', '/sbin', '/var', '/var/lib']);
/** Credential stores: the folder and everything below it. */
const CREDENTIAL_FOLDERS = ['/root', '/home/admin', '/etc/kubernetes', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd', '/etc/ssh', '/var/lib/etcd', '/etc/shadow', '/etc/sudoers'];

export default hostPathMatchRule(
  {
    id: 'sensitive-host-path-mount',
    category: 'security',
    level: 'error',
    securitySeverity: 8.5,
    presets: ['recommended'],
    summary:
      'Pods must not mount a system folder of the node (/, /boot, /dev, /etc, /lib, /proc, /sys, /usr, /var) or a credential store (/root, /etc/kubernetes, /var/lib/kubelet, /var/lib/docker, /etc/ssh and what is below them).',
    remediation: 'Mount only the narrow node path the agent needs (for example /var/log/pods), read-only, or use the Kubernetes API instead.',
    messages: {
      mount: 'Volume "{{volume}}" mounts the sensitive node path "{{path}}".',
    },
  },
  (nodePath) => SYSTEM_FOLDERS.has(nodePath) || CREDENTIAL_FOLDERS.some((folder) => isUnder(nodePath, folder)),
);
