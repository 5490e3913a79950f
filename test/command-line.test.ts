/** Container command lines read as the control-plane components read them. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ContainerView } from '../src/k8s/model.js';
import { parseCommandLine, shellWords } from '../src/k8s/views/command-line.js';

function container(value: Record<string, unknown>): ContainerView {
  return { role: 'container', name: 'c', value: value as ContainerView['value'], path: ['spec', 'containers', 0], securityContext: {}, ...(typeof value.image === 'string' ? { image: value.image } : {}) };
}

const flags = (value: Record<string, unknown>) => parseCommandLine(container(value))?.flags.map((flag) => [flag.name, flag.value, flag.path.join('.')]);

describe('command-line view', () => {
  test('--flag=value, --flag value, bare booleans and repeated flags, each with its list element', () => {
    const line = parseCommandLine(container({ command: ['kube-apiserver', '--authorization-mode=Node,RBAC', '--audit-log-path', '/var/log/audit.log', '--profiling', 'false', '--v=2', '--v=4'] }));
    assert.equal(line?.component, 'kube-apiserver');
    assert.deepEqual(
      line?.flags.map((flag) => [flag.name, flag.value, flag.path.at(-1)]),
      [
        ['authorization-mode', 'Node,RBAC', 1],
        ['audit-log-path', '/var/log/audit.log', 2],
        // pflag never takes the next word as a boolean's value: `false` is a stray argument.
        ['profiling', undefined, 4],
        ['v', '2', 6],
        ['v', '4', 7],
      ],
    );
    assert.deepEqual(line?.anchor, ['spec', 'containers', 0, 'command']);
  });

  test('flags in args point at args, and the anchor for a missing flag is the args key', () => {
    assert.deepEqual(flags({ command: ['/usr/local/bin/kube-scheduler'], args: ['--bind-address=0.0.0.0'] }), [['bind-address', '0.0.0.0', 'spec.containers.0.args.0']]);
    assert.deepEqual(parseCommandLine(container({ command: ['kube-scheduler'], args: ['--profiling=false'] }))?.anchor, ['spec', 'containers', 0, 'args']);
  });

  test('hyperkube, absolute paths and images name the component', () => {
    assert.equal(parseCommandLine(container({ command: ['/hyperkube', 'apiserver', '--secure-port=6443'] }))?.component, 'kube-apiserver');
    assert.equal(parseCommandLine(container({ command: ['hyperkube', 'kube-controller-manager'] }))?.component, 'kube-controller-manager');
    assert.equal(parseCommandLine(container({ command: ['/usr/bin/etcd', '-auto-tls'] }))?.component, 'etcd');
    assert.equal(parseCommandLine(container({ image: 'registry.k8s.io/kube-scheduler:v1.33.1', args: ['--profiling=false'] }))?.component, 'kube-scheduler');
    // An etcd image alone is often an application database: only a command line makes it the cluster's etcd.
    assert.equal(parseCommandLine(container({ image: 'quay.io/coreos/etcd:v3.5.21', args: ['--name=db'] })), undefined);
  });

  test('a sh -c script is split into words; the component must start the script or follow exec', () => {
    assert.deepEqual(flags({ command: ['/bin/sh', '-c', 'exec kube-apiserver --token-auth-file="/etc/k8s/tokens file.csv" --anonymous-auth=false'] }), [
      ['token-auth-file', '/etc/k8s/tokens file.csv', 'spec.containers.0.command.2'],
      ['anonymous-auth', 'false', 'spec.containers.0.command.2'],
    ]);
    assert.deepEqual(flags({ command: ['sh', '-c'], args: ['mkdir -p /var/log/k8s && exec kubelet --read-only-port=0; echo done --x=1'] }), [['read-only-port', '0', 'spec.containers.0.args.0']]);
    assert.equal(parseCommandLine(container({ command: ['bash', '-c', 'until ready; do sleep 1; done\netcd --name db'] })), undefined);
  });

  test('a component named inside a flag value or a later argument is not the program that runs', () => {
    assert.equal(parseCommandLine(container({ args: ['--kubelet-service=kube-system/kubelet'] })), undefined);
    assert.equal(parseCommandLine(container({ command: ['/bin/operator', '--watch', 'kube-apiserver'] })), undefined);
    assert.equal(parseCommandLine(container({ command: 'kube-apiserver --anonymous-auth=true' })), undefined, 'a string command is rejected by the API server, not parsed');
  });

  test('shell words: quotes, escapes, continuations and operators', () => {
    assert.deepEqual(shellWords(`a 'b c' "d \\"e\\"" f\\ g \\\n h&&i;j || k`), ['a', 'b c', 'd "e"', 'f g', 'h', '&&', 'i', ';', 'j', '||', 'k']);
    assert.deepEqual(shellWords(`--x='' y`), ['--x=', 'y']);
  });
});
