/**
 * Cross-object rules look objects up through tables built once per run. A namespace crowded with thousands
 * of well-formed apps (Deployment, Service, NetworkPolicy and RoleBinding each) must not change what the
 * rules say about a handful of planted problems: the same findings as with a few neighbours, and none on
 * the crowd.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lintSources, type Source } from '../src/run/lint.js';
import { rules } from '../src/rules/index.js';
import type { Finding } from '../src/types.js';

const RULES = [
  'dangling-service',
  'dangling-network-policy',
  'dangling-network-policy-peer',
  'dangling-role-ref',
  'workload-has-privileged-rbac',
  'workload-exposed-externally',
  'service-target-port-mismatch',
  'pdb-blocks-all-evictions',
  'missing-network-policy',
  'missing-egress-network-policy',
];
/** Rules whose findings relate every NetworkPolicy of the namespace: they list 20 and count the others. */
const LISTS_EVERY_POLICY = new Set(['missing-network-policy', 'missing-egress-network-policy']);

/** App i of the crowd: all in the run's default namespace (no namespace written), each selected and bound. */
function app(i: number): string {
  const name = `app-${i}`;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
        tier: web
    spec:
      serviceAccountName: sa-${i}
      containers:
        - name: web
          image: registry.example/web:1.0
          ports:
            - name: http
              containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
    - port: 80
      targetPort: http
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
spec:
  podSelector:
    matchLabels:
      app: ${name}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              tier: web
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${name}
subjects:
  - kind: ServiceAccount
    name: sa-${i}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: reader
`;
}

/** One problem per object, each found by one of RULES; app-3, app-5 and app-7 belong to the crowd. */
const PLANTED = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
rules:
  - apiGroups: ['']
    resources: [configmaps]
    verbs: [get, list]
---
apiVersion: v1
kind: Service
metadata:
  name: orphan
spec:
  selector:
    app: nobody
  ports:
    - port: 80
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: stray
spec:
  podSelector:
    matchLabels:
      app: nobody
  ingress:
    - from:
        - podSelector:
            matchLabels:
              role: ghost
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: admin-tool
spec:
  replicas: 1
  selector:
    matchLabels:
      app: admin-tool
  template:
    metadata:
      labels:
        app: admin-tool
    spec:
      serviceAccountName: admin-sa
      containers:
        - name: tool
          image: registry.example/tool:1.0
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: admin-tool
subjects:
  - kind: ServiceAccount
    name: admin-sa
    namespace: default
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: lost
subjects:
  - kind: ServiceAccount
    name: sa-1
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: missing-role
---
apiVersion: v1
kind: Service
metadata:
  name: web-public
spec:
  type: NodePort
  selector:
    app: app-7
  ports:
    - port: 80
      targetPort: http
---
apiVersion: v1
kind: Service
metadata:
  name: metrics
spec:
  selector:
    app: app-3
  ports:
    - port: 9090
      targetPort: metrics
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: app-5
spec:
  minAvailable: 2
  selector:
    matchLabels:
      app: app-5
`;

function source(display: string, text: string): Source {
  return { display, read: async () => ({ text }) };
}

async function lintCrowd(apps: number): Promise<Finding[]> {
  const crowd = Array.from({ length: apps }, (_, i) => app(i)).join('---\n');
  const run = await lintSources([source('crowd.yaml', crowd), source('planted.yaml', PLANTED)], {
    cwd: process.cwd(),
    presets: ['all'],
    rules: rules.filter((rule) => RULES.includes(rule.meta.id)),
    context: [],
  });
  return run.findings;
}

/** What a user reads of a finding, but lists of every policy (their length is checked on its own). */
function shown(finding: Finding): unknown {
  const related = LISTS_EVERY_POLICY.has(finding.ruleId) ? undefined : finding.related?.map((entry) => [entry.file, entry.region.startLine, entry.message]);
  return [finding.ruleId, finding.level, finding.file, finding.region.startLine, finding.region.startColumn, finding.message, related];
}

describe('cross-object rules in a namespace of thousands of objects', () => {
  const APPS = 2000;
  const crowded = lintCrowd(APPS);

  test('only the planted problems are found, each on its object', async () => {
    const found = (await crowded).map((finding) => `${finding.ruleId} ${finding.object?.kind} ${finding.object?.name}`).sort();
    assert.deepEqual(found, [
      'dangling-network-policy NetworkPolicy stray',
      'dangling-network-policy-peer NetworkPolicy stray',
      'dangling-role-ref RoleBinding lost',
      'dangling-service Service orphan',
      'missing-egress-network-policy Deployment admin-tool',
      'missing-network-policy Deployment admin-tool',
      'pdb-blocks-all-evictions PodDisruptionBudget app-5',
      'service-target-port-mismatch Service metrics',
      'workload-exposed-externally Deployment app-7',
      'workload-has-privileged-rbac Deployment admin-tool',
    ]);
  });

  test('the findings are those of the same problems among ten apps', async () => {
    assert.deepEqual((await crowded).map(shown), (await lintCrowd(10)).map(shown));
  });

  test('a finding about the namespace\'s policies lists the first 20 and counts every other one', async () => {
    const unselected = (await crowded).filter((finding) => LISTS_EVERY_POLICY.has(finding.ruleId));
    assert.equal(unselected.length, 2);
    for (const finding of unselected) {
      assert.equal(finding.related?.length, 20);
      assert.equal(finding.relatedOmitted, APPS + 1 - 20);
    }
  });

  test('the privileged workload names its binding, and the exposed one its Service', async () => {
    const findings = await crowded;
    const privileged = findings.find((finding) => finding.ruleId === 'workload-has-privileged-rbac');
    assert.equal(privileged?.level, 'error');
    assert.match(privileged?.message ?? '', /service account "admin-sa", which can administer the cluster .* through ClusterRoleBinding "admin-tool"\./);
    const exposed = findings.find((finding) => finding.ruleId === 'workload-exposed-externally');
    assert.deepEqual(exposed?.related?.map((entry) => [entry.file, entry.message]), [['planted.yaml', 'Service "web-public" of type NodePort selects these pods.']]);
  });
});
