import { hostPathMatchRule } from './templates/host-path-match.js';

const SOCKETS = new Set(['docker.sock', 'containerd.sock', 'crio.sock', 'cri-dockerd.sock', 'dockershim.sock', 'podman.sock']);
/** Folders that hold the runtime sockets: mounting one mounts the socket. */
const SOCKET_FOLDERS = ['/run', '/var/run', '/run/containerd', '/var/run/containerd', '/run/crio', '/var/run/crio', '/run/docker', '/var/run/docker', '/run/podman', '/var/run/podman'];

/** A container that can talk to the runtime can start a privileged container on the node. */
export default hostPathMatchRule(
  {
    id: 'container-runtime-socket-mount',
    category: 'security',
    level: 'error',
    securitySeverity: 9.0,
    presets: ['recommended'],
    summary:
      'Pods must not mount the container runtime socket (docker.sock, containerd.sock, crio.sock) or the folder holding it: whoever talks to the runtime can start a privileged container on the node.',
    remediation: 'Remove the hostPath volume; build images with a rootless builder (BuildKit rootless, Kaniko) and read container data through the Kubernetes API.',
    messages: {
      mount: 'Volume "{{volume}}" mounts the container runtime socket through the node path "{{path}}".',
    },
  },
  (nodePath) => SOCKETS.has(nodePath.slice(nodePath.lastIndexOf('/') + 1)) || SOCKET_FOLDERS.some((folder) => nodePath === folder),
);
