/**
 * The Pod Security Standards presets against the reference decisions (k8s.io/pod-security-admission):
 * a pod the reference rejects at a level gets at least one finding from that level's preset, a pod it
 * admits gets none. One row per control, allowed value and exemption; each row changes a pod that the
 * Restricted level admits.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Preset } from '../src/engine/define-rule.js';
import { lint } from '../src/run/lint.js';
import { rules } from '../src/rules/index.js';

type Json = Record<string, unknown>;
type Decision = 'admit' | 'reject';

/** A pod that the Restricted level (and so Baseline) admits. */
function restrictedPod(): Json {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'pod' },
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [{ name: 'app', image: 'nginx:1.27', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
    },
  };
}

interface Row {
  name: string;
  change: (pod: { metadata: Json; spec: Json; container: Json }) => void;
  baseline: Decision;
  restricted: Decision;
  kubeVersion?: string;
}

const sc = (target: Json): Json => (target.securityContext ??= {}) as Json;
const windows = (spec: Json) => { spec.os = { name: 'windows' }; };

const ROWS: Row[] = [
  { name: 'the unchanged pod', change: () => {}, baseline: 'admit', restricted: 'admit' },
  // Baseline: HostProcess
  { name: 'pod-level hostProcess', change: ({ spec }) => { sc(spec).windowsOptions = { hostProcess: true }; }, baseline: 'reject', restricted: 'reject' },
  { name: 'container hostProcess', change: ({ container }) => { sc(container).windowsOptions = { hostProcess: true }; }, baseline: 'reject', restricted: 'reject' },
  { name: 'hostProcess false', change: ({ container }) => { sc(container).windowsOptions = { hostProcess: false }; }, baseline: 'admit', restricted: 'admit' },
  // Baseline: Host Namespaces
  { name: 'hostNetwork', change: ({ spec }) => { spec.hostNetwork = true; }, baseline: 'reject', restricted: 'reject' },
  { name: 'hostPID', change: ({ spec }) => { spec.hostPID = true; }, baseline: 'reject', restricted: 'reject' },
  { name: 'hostIPC', change: ({ spec }) => { spec.hostIPC = true; }, baseline: 'reject', restricted: 'reject' },
  { name: 'host namespaces false', change: ({ spec }) => { Object.assign(spec, { hostNetwork: false, hostPID: false, hostIPC: false }); }, baseline: 'admit', restricted: 'admit' },
  // Baseline: Privileged Containers (init containers too)
  { name: 'privileged init container', change: ({ spec }) => { spec.initContainers = [{ name: 'init', image: 'busybox:1.36', securityContext: { privileged: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }]; }, baseline: 'reject', restricted: 'reject' },
  // Baseline and Restricted: Capabilities
  { name: 'adds SYS_ADMIN', change: ({ container }) => { (sc(container).capabilities as Json).add = ['SYS_ADMIN']; }, baseline: 'reject', restricted: 'reject' },
  { name: 'adds CAP_CHOWN (not the allowed spelling)', change: ({ container }) => { (sc(container).capabilities as Json).add = ['CAP_CHOWN']; }, baseline: 'reject', restricted: 'reject' },
  { name: 'adds CHOWN (Baseline set)', change: ({ container }) => { (sc(container).capabilities as Json).add = ['CHOWN']; }, baseline: 'admit', restricted: 'reject' },
  { name: 'adds NET_BIND_SERVICE', change: ({ container }) => { (sc(container).capabilities as Json).add = ['NET_BIND_SERVICE']; }, baseline: 'admit', restricted: 'admit' },
  { name: 'drops nothing', change: ({ container }) => { delete sc(container).capabilities; }, baseline: 'admit', restricted: 'reject' },
  { name: 'drops lower-case all', change: ({ container }) => { sc(container).capabilities = { drop: ['all'] }; }, baseline: 'admit', restricted: 'reject' },
  { name: 'Windows pod without drop ALL', change: ({ spec, container }) => { windows(spec); delete sc(container).capabilities; }, baseline: 'admit', restricted: 'admit' },
  { name: 'Windows by node selector only, without drop ALL', change: ({ spec, container }) => { spec.nodeSelector = { 'kubernetes.io/os': 'windows' }; delete sc(container).capabilities; }, baseline: 'admit', restricted: 'reject' },
  { name: 'ephemeral container without drop ALL', change: ({ spec }) => { spec.ephemeralContainers = [{ name: 'debug', image: 'busybox:1.36', securityContext: { allowPrivilegeEscalation: false } }]; }, baseline: 'admit', restricted: 'reject' },
  // Baseline: HostPath Volumes
  { name: 'hostPath volume', change: ({ spec }) => { spec.volumes = [{ name: 'logs', hostPath: { path: '/var/log' } }]; }, baseline: 'reject', restricted: 'reject' },
  // Baseline: Host Ports
  { name: 'hostPort 80', change: ({ container }) => { container.ports = [{ containerPort: 80, hostPort: 80 }]; }, baseline: 'reject', restricted: 'reject' },
  { name: 'hostPort 0', change: ({ container }) => { container.ports = [{ containerPort: 80, hostPort: 0 }]; }, baseline: 'admit', restricted: 'admit' },
  // Baseline: Host Probes / Lifecycle Hooks (1.34+)
  { name: 'probe host', change: ({ container }) => { container.livenessProbe = { httpGet: { host: '10.0.0.1', port: 80 } }; }, baseline: 'reject', restricted: 'reject' },
  { name: 'lifecycle host', change: ({ container }) => { container.lifecycle = { preStop: { tcpSocket: { host: 'db', port: 5432 } } }; }, baseline: 'reject', restricted: 'reject' },
  { name: 'probe host before 1.34', kubeVersion: '1.33', change: ({ container }) => { container.livenessProbe = { httpGet: { host: '10.0.0.1', port: 80 } }; }, baseline: 'admit', restricted: 'admit' },
  { name: 'empty probe host', change: ({ container }) => { container.readinessProbe = { httpGet: { host: '', port: 80 } }; }, baseline: 'admit', restricted: 'admit' },
  // Baseline: AppArmor
  { name: 'AppArmor Unconfined on the pod', change: ({ spec }) => { sc(spec).appArmorProfile = { type: 'Unconfined' }; }, baseline: 'reject', restricted: 'reject' },
  { name: 'AppArmor Localhost on the container', change: ({ container }) => { sc(container).appArmorProfile = { type: 'Localhost', localhostProfile: 'p' }; }, baseline: 'admit', restricted: 'admit' },
  { name: 'AppArmor annotation unconfined', change: ({ metadata }) => { metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' }; }, baseline: 'reject', restricted: 'reject' },
  { name: 'AppArmor annotation localhost', change: ({ metadata }) => { metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'localhost/p' }; }, baseline: 'admit', restricted: 'admit' },
  // Baseline: SELinux
  { name: 'SELinux type spc_t', change: ({ spec }) => { sc(spec).seLinuxOptions = { type: 'spc_t' }; }, baseline: 'reject', restricted: 'reject' },
  { name: 'SELinux type container_init_t and a level', change: ({ container }) => { sc(container).seLinuxOptions = { type: 'container_init_t', level: 's0:c1,c2' }; }, baseline: 'admit', restricted: 'admit' },
  { name: 'SELinux user', change: ({ container }) => { sc(container).seLinuxOptions = { user: 'system_u' }; }, baseline: 'reject', restricted: 'reject' },
  { name: 'SELinux role', change: ({ container }) => { sc(container).seLinuxOptions = { role: 'sysadm_r' }; }, baseline: 'reject', restricted: 'reject' },
  { name: 'SELinux container_engine_t at 1.31', kubeVersion: '1.31', change: ({ container }) => { sc(container).seLinuxOptions = { type: 'container_engine_t' }; }, baseline: 'admit', restricted: 'admit' },
  { name: 'SELinux container_engine_t at 1.30', kubeVersion: '1.30', change: ({ container }) => { sc(container).seLinuxOptions = { type: 'container_engine_t' }; }, baseline: 'reject', restricted: 'reject' },
  // Baseline and Restricted: /proc Mount Type
  { name: 'procMount Unmasked', change: ({ container }) => { sc(container).procMount = 'Unmasked'; }, baseline: 'reject', restricted: 'reject' },
  { name: 'procMount Default', change: ({ container }) => { sc(container).procMount = 'Default'; }, baseline: 'admit', restricted: 'admit' },
  { name: 'procMount Unmasked with hostUsers: false', change: ({ spec, container }) => { spec.hostUsers = false; sc(container).procMount = 'Unmasked'; }, baseline: 'admit', restricted: 'reject' },
  { name: 'procMount Unmasked with hostUsers: false at 1.34', kubeVersion: '1.34', change: ({ spec, container }) => { spec.hostUsers = false; sc(container).procMount = 'Unmasked'; }, baseline: 'reject', restricted: 'reject' },
  // Baseline and Restricted: Seccomp
  { name: 'seccomp Unconfined on the pod, containers override', change: ({ spec, container }) => { sc(spec).seccompProfile = { type: 'Unconfined' }; sc(container).seccompProfile = { type: 'RuntimeDefault' }; }, baseline: 'reject', restricted: 'reject' },
  { name: 'seccomp Unconfined on an ephemeral container', change: ({ spec }) => { spec.ephemeralContainers = [{ name: 'debug', image: 'busybox:1.36', securityContext: { seccompProfile: { type: 'Unconfined' }, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }]; }, baseline: 'reject', restricted: 'reject' },
  { name: 'seccomp unset', change: ({ spec }) => { delete sc(spec).seccompProfile; }, baseline: 'admit', restricted: 'reject' },
  { name: 'seccomp set on every container only', change: ({ spec, container }) => { delete sc(spec).seccompProfile; sc(container).seccompProfile = { type: 'Localhost', localhostProfile: 'p.json' }; }, baseline: 'admit', restricted: 'admit' },
  { name: 'seccomp unset on a Windows pod', change: ({ spec }) => { windows(spec); delete sc(spec).seccompProfile; }, baseline: 'admit', restricted: 'admit' },
  // Baseline: Sysctls
  { name: 'unsafe sysctl', change: ({ spec }) => { sc(spec).sysctls = [{ name: 'kernel.msgmax', value: '65536' }]; }, baseline: 'reject', restricted: 'reject' },
  { name: 'safe sysctl', change: ({ spec }) => { sc(spec).sysctls = [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }]; }, baseline: 'admit', restricted: 'admit' },
  { name: 'tcp_rmem at 1.32', kubeVersion: '1.32', change: ({ spec }) => { sc(spec).sysctls = [{ name: 'net.ipv4.tcp_rmem', value: '4096 87380 6291456' }]; }, baseline: 'admit', restricted: 'admit' },
  { name: 'tcp_rmem at 1.31', kubeVersion: '1.31', change: ({ spec }) => { sc(spec).sysctls = [{ name: 'net.ipv4.tcp_rmem', value: '4096 87380 6291456' }]; }, baseline: 'reject', restricted: 'reject' },
  // Restricted: Volume Types
  { name: 'nfs volume', change: ({ spec }) => { spec.volumes = [{ name: 'v', nfs: { server: 's', path: '/' } }]; }, baseline: 'admit', restricted: 'reject' },
  { name: 'allowed volume types', change: ({ spec }) => { spec.volumes = [{ name: 'a', csi: { driver: 'd' } }, { name: 'b', ephemeral: {} }, { name: 'c', image: { reference: 'nginx:1' } }, { name: 'd', projected: { sources: [] } }]; }, baseline: 'admit', restricted: 'admit' },
  // Restricted: Privilege Escalation
  { name: 'allowPrivilegeEscalation unset', change: ({ container }) => { delete sc(container).allowPrivilegeEscalation; }, baseline: 'admit', restricted: 'reject' },
  { name: 'allowPrivilegeEscalation true', change: ({ container }) => { sc(container).allowPrivilegeEscalation = true; }, baseline: 'admit', restricted: 'reject' },
  { name: 'allowPrivilegeEscalation unset on a Windows pod', change: ({ spec, container }) => { windows(spec); delete sc(container).allowPrivilegeEscalation; }, baseline: 'admit', restricted: 'admit' },
  // Restricted: Running as Non-root
  { name: 'runAsNonRoot unset', change: ({ spec }) => { delete sc(spec).runAsNonRoot; }, baseline: 'admit', restricted: 'reject' },
  { name: 'runAsNonRoot on the container only', change: ({ spec, container }) => { delete sc(spec).runAsNonRoot; sc(container).runAsNonRoot = true; }, baseline: 'admit', restricted: 'admit' },
  { name: 'runAsNonRoot false on the pod, true on every container', change: ({ spec, container }) => { sc(spec).runAsNonRoot = false; sc(container).runAsNonRoot = true; }, baseline: 'admit', restricted: 'reject' },
  { name: 'runAsNonRoot false on the container', change: ({ container }) => { sc(container).runAsNonRoot = false; }, baseline: 'admit', restricted: 'reject' },
  { name: 'runAsNonRoot unset with hostUsers: false', change: ({ spec }) => { spec.hostUsers = false; delete sc(spec).runAsNonRoot; }, baseline: 'admit', restricted: 'admit' },
  { name: 'runAsNonRoot unset with hostUsers: false at 1.34', kubeVersion: '1.34', change: ({ spec }) => { spec.hostUsers = false; delete sc(spec).runAsNonRoot; }, baseline: 'admit', restricted: 'reject' },
  // Restricted: Running as Non-root user
  { name: 'runAsUser 0 on the pod', change: ({ spec }) => { sc(spec).runAsUser = 0; }, baseline: 'admit', restricted: 'reject' },
  { name: 'runAsUser 0 on the container', change: ({ container }) => { sc(container).runAsUser = 0; }, baseline: 'admit', restricted: 'reject' },
  { name: 'runAsUser 1000', change: ({ spec }) => { sc(spec).runAsUser = 1000; }, baseline: 'admit', restricted: 'admit' },
  { name: 'runAsUser 0 with hostUsers: false', change: ({ spec }) => { spec.hostUsers = false; sc(spec).runAsUser = 0; }, baseline: 'admit', restricted: 'admit' },
];

function podOf(row: Row): string {
  const pod = restrictedPod();
  const spec = pod.spec as Json;
  row.change({ metadata: pod.metadata as Json, spec, container: (spec.containers as Json[])[0]! });
  return JSON.stringify(pod, null, 2);
}

async function findings(text: string, preset: Preset, kubeVersion = '1.36'): Promise<string[]> {
  const run = await lint({ paths: ['-'], cwd: process.cwd(), stdinText: text, stdinFilename: 'pod.json', presets: [preset], context: [], kubeVersion });
  return run.findings.map((finding) => `${finding.ruleId}: ${finding.message}`);
}

describe('Pod Security Standards presets decide as the reference implementation', () => {
  for (const row of ROWS) {
    for (const [preset, decision] of [['pss-baseline', row.baseline], ['pss-restricted', row.restricted]] as const) {
      test(`${preset} ${decision}s: ${row.name}${row.kubeVersion ? ` (${row.kubeVersion})` : ''}`, async () => {
        const found = await findings(podOf(row), preset, row.kubeVersion);
        if (decision === 'admit') assert.deepEqual(found, []);
        else assert.ok(found.length > 0, 'no finding for a pod the reference rejects');
      });
    }
  }

  test('each preset holds exactly the security rules of its controls (Baseline rules are in both)', () => {
    // The engine's own checks (YAML syntax, duplicate keys) run in every preset.
    for (const rule of rules.filter((candidate) => candidate.meta.category === 'security')) {
      const { presets, pss } = rule.meta;
      assert.equal(presets.includes('pss-baseline'), pss?.profile === 'baseline', `${rule.meta.id}: pss-baseline`);
      assert.equal(presets.includes('pss-restricted'), pss !== undefined, `${rule.meta.id}: pss-restricted`);
    }
  });

  test('every control of both profiles has a rule', () => {
    const controls = new Set(rules.flatMap((rule) => (rule.meta.pss ? [`${rule.meta.pss.profile}: ${rule.meta.pss.control}`] : [])));
    const expected = [
      'baseline: HostProcess', 'baseline: Host Namespaces', 'baseline: Privileged Containers', 'baseline: Capabilities', 'baseline: HostPath Volumes',
      'baseline: Host Ports', 'baseline: Host Probes / Lifecycle Hooks', 'baseline: AppArmor', 'baseline: SELinux', 'baseline: /proc Mount Type',
      'baseline: Seccomp', 'baseline: Sysctls', 'restricted: Volume Types', 'restricted: Privilege Escalation', 'restricted: Running as Non-root',
      'restricted: Running as Non-root user', 'restricted: Seccomp', 'restricted: Capabilities',
    ];
    assert.deepEqual([...controls].sort(), expected.sort());
  });
});
