/**
 * Control-plane rules as a cluster administrator meets them: exact positions in each form the
 * configuration is written in, one rule id per concept whatever the form, defaults by Kubernetes
 * version, and encryption keys that never reach the report.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Rule } from '../src/engine/define-rule.js';
import { rules } from '../src/rules/index.js';
import { CLI, runCli } from './support/cli.js';
import { lintWith, MANIFESTS, testRuleCases } from './support/rule-tester.js';

const rule = (id: string): Rule => rules.find((candidate) => candidate.meta.id === id)!;
const fixture = (name: string) => readFileSync(path.join(MANIFESTS, 'control-plane', name), 'utf8');

async function findings(id: string, text: string, settings = {}): Promise<string[]> {
  const run = await lintWith(rule(id), [{ name: 'input.yaml', text }], undefined, settings);
  return run.findings.filter((finding) => finding.ruleId === id).map((finding) => `${finding.region.startLine}:${finding.region.startColumn} ${finding.message}`);
}

testRuleCases(rule('apiserver-anonymous-auth'), {
  invalid: [
    // A flag that is not written: the `command` key of kubeadm's static pod.
    { fixture: 'control-plane/kube-apiserver-kubeadm.yaml', errors: [{ line: 14, column: 5, message: '--anonymous-auth is not set: the API server accepts anonymous requests (its default is true).' }] },
    // A flag that is written: its list element, exactly.
    { fixture: 'control-plane/kube-apiserver-insecure.yaml', errors: [{ line: 13, column: 7, endLine: 13, endColumn: 28, message: '--anonymous-auth is true: the API server accepts anonymous requests.' }] },
    // kubeadm v1beta4: the extraArgs list.
    { fixture: 'control-plane/kubeadm-v1beta4.yaml', errors: [{ line: 6, column: 3 }] },
  ],
});

testRuleCases(rule('kubelet-anonymous-auth'), {
  invalid: [{ fixture: 'control-plane/kubelet-config-insecure.yaml', errors: [{ line: 6, column: 5, endColumn: 18, message: 'authentication.anonymous.enabled is true: the kubelet accepts anonymous requests.' }] }],
});

describe('control-plane configuration', () => {
  test('one rule id per concept: a kubelet flag, a KubeletConfiguration field and kubeletExtraArgs (both kubeadm forms)', async () => {
    const forms = {
      flag: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: k\nspec:\n  containers:\n  - name: k\n    image: k\n    command: [kubelet, --config=/var/lib/kubelet/config.yaml, --read-only-port=10255]\n',
      field: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n',
      v1beta3: 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    read-only-port: "10255"\n',
      v1beta4: 'apiVersion: kubeadm.k8s.io/v1beta4\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n  - name: read-only-port\n    value: "10255"\n',
    };
    assert.deepEqual(await findings('kubelet-read-only-port', forms.flag), ['9:63 --read-only-port is 10255: pod details are served without authentication.']);
    assert.deepEqual(await findings('kubelet-read-only-port', forms.field), ['3:1 readOnlyPort is 10255: pod details are served without authentication.']);
    assert.deepEqual(await findings('kubelet-read-only-port', forms.v1beta3), ['5:5 --read-only-port is 10255: pod details are served without authentication.']);
    assert.deepEqual(await findings('kubelet-read-only-port', forms.v1beta4), ['6:5 --read-only-port is 10255: pod details are served without authentication.']);
  });

  test('KubeletConfiguration defaults are not the flag defaults: an empty file keeps the read-only port closed', async () => {
    assert.deepEqual(await findings('kubelet-read-only-port', 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n'), []);
    assert.equal((await findings('kubelet-read-only-port', fixture('kubelet-bare.yaml'))).length, 1);
  });

  test('kubeadm passes its own flags: an empty ClusterConfiguration authorizes with Node,RBAC, but leaves profiling on', async () => {
    const empty = 'apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\n';
    assert.deepEqual(await findings('apiserver-authorization-no-rbac', empty), []);
    assert.deepEqual(await findings('apiserver-node-restriction-plugin', empty), []);
    assert.equal((await findings('apiserver-profiling', empty)).length, 1);
    // extraArgs replace kubeadm's value: a plugin list without NodeRestriction drops it.
    const replaced = 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\napiServer:\n  extraArgs:\n    enable-admission-plugins: EventRateLimit\n';
    assert.deepEqual(await findings('apiserver-node-restriction-plugin', replaced), ['5:5 --enable-admission-plugins leaves out the NodeRestriction admission plugin: a kubelet may change other nodes and pods.']);
  });

  test('defaults follow --kube-version: the insecure port was open before 1.20', async () => {
    const pod = readFileSync(path.join(MANIFESTS, 'apiserver-insecure-port', 'invalid', 'v1-19-default.yaml'), 'utf8');
    assert.equal((await findings('apiserver-insecure-port', pod, { kubeVersion: '1.19' })).length, 1);
    assert.deepEqual(await findings('apiserver-insecure-port', pod, { kubeVersion: '1.20' }), []);
    assert.deepEqual(await findings('apiserver-insecure-port', pod, { kubeVersion: '1.36' }), []);
  });

  test('a kubelet reading a --config file is not judged on flags it leaves to that file', async () => {
    assert.deepEqual(await findings('kubelet-anonymous-auth', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: k\nspec:\n  containers:\n  - name: k\n    image: k\n    command: [kubelet, --config=/var/lib/kubelet/config.yaml]\n'), []);
  });

  test('audit rotation flags are not asked for when the log goes to standard output', async () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n    image: a\n    command: [kube-apiserver, --audit-log-path=-]\n';
    assert.deepEqual(await findings('apiserver-audit-log-maxage', pod), []);
  });

  test('control-plane rules are silent on a workload that runs no component', async () => {
    const web = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        args: [--kubelet-service=kube-system/kubelet]\n';
    for (const candidate of rules.filter((item) => item.meta.tags?.includes('control-plane'))) {
      const run = await lintWith(candidate, [{ name: 'web.yaml', text: web }]);
      assert.deepEqual(run.findings.map((finding) => finding.ruleId), [], candidate.meta.id);
    }
  });

  test('an encryption key written in the file never reaches the report', { skip: existsSync(CLI) ? false : 'dist/cli.js not built' }, () => {
    const file = path.join(MANIFESTS, 'control-plane', 'encryption-config-aescbc.yaml');
    const key = /secret: (\S+)/.exec(readFileSync(file, 'utf8'))![1]!;
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const run = runCli(['--preset', 'all', '--format', format, file]);
      assert.equal(run.status, 1, `${format}: findings expected`);
      assert.ok(run.stdout.includes('encryption-config-key-in-file'), `${format}: no key finding`);
      assert.ok(!run.stdout.includes(key) && !run.stdout.includes(key.slice(0, 8)), `${format}: the key leaks`);
    }
  });
});
