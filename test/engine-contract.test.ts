/**
 * The engine contract the rule families are written on: kind-scoped dispatch, the object index and its
 * helpers, cross-object checks after the index with related locations in every format, context files
 * (given, or a repository's tracked manifests), strict reports, run settings, option merging and checking,
 * level overrides before suppression, the effective security context and pod templates in custom resources.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { defineRule, type Rule } from '../src/engine/define-rule.js';
import { loadFormatter } from '../src/formatters/index.js';
import { parse } from 'yaml';
import type { JsonValue } from '../src/k8s/model.js';
import { objectsOf } from '../src/k8s/objects.js';
import { effectiveRules, resolveRole } from '../src/k8s/rbac.js';
import { podsSelectedByMap } from '../src/k8s/views/references.js';
import { labelSelectorMatches, mapSelectorMatches } from '../src/k8s/selectors.js';
import { lint, lintSources, UsageError, type LintOptions } from '../src/run/lint.js';
import { rules as registry } from '../src/rules/index.js';
import type { Finding, Location } from '../src/types.js';
import { assertValidSarif } from './support/sarif-schema.js';

/** A cross-object rule written only for these tests: a Service whose selector matches no pod template. */
const noPods = defineRule({
  meta: {
    id: 'test-no-pods',
    category: 'reliability',
    level: 'warning',
    presets: ['recommended'],
    summary: 'A Service selects no pod template of its namespace.',
    remediation: 'Fix the selector.',
    kinds: ['services'],
    crossObject: true,
    messages: { none: 'Service "{{name}}" selects no pod in "{{namespace}}".', some: 'Service "{{name}}" selects {{count}} pod templates.' },
  },
  create(context) {
    return {
      object(service) {
        const selector = (service.value.spec as { selector?: unknown } | undefined)?.selector;
        const at = context.locate([...service.path, 'spec', 'selector']);
        const namespace = service.namespace ?? context.settings.namespace;
        context.afterIndex((index) => {
          const pods = podsSelectedByMap(index, namespace, selector as never);
          if (pods.length === 0) context.report({ messageId: 'none', data: { name: service.name ?? '', namespace }, at });
          else context.report({ messageId: 'some', data: { name: service.name ?? '', count: pods.length }, at, level: 'note', related: pods.map(({ object }) => ({ at: object.at, message: `selects ${object.kind} ${object.name}` })) });
        });
      },
    };
  },
});

const DEPLOYMENT = (name: string, app: string, namespace?: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  selector:\n    matchLabels: { app: ${app} }\n  template:\n    metadata:\n      labels: { app: ${app} }\n    spec:\n      containers:\n        - name: c\n          image: nginx:1.27\n`;
const SERVICE = (name: string, app: string, namespace?: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  selector:\n    app: ${app}\n  ports:\n    - port: 80\n`;

async function lintTexts(files: Record<string, string>, rules: readonly Rule[], options: Partial<LintOptions> = {}) {
  return lintSources(
    Object.entries(files).map(([display, text]) => ({ display, read: async () => ({ text }) })),
    { cwd: process.cwd(), rules, presets: ['all'], context: [], ...options },
  );
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('cross-object checks', () => {
  test('run after the whole index and report on the object they were registered for, with related locations', async () => {
    // The Service comes first in its file and its Deployment in another file: only a complete index can tell.
    const services = `${SERVICE('web', 'web')}---\n${SERVICE('orphan', 'nothing')}`;
    const run = await lintTexts({ 'services.yaml': services, 'apps.yaml': DEPLOYMENT('web', 'web') }, [noPods as Rule]);
    const byName = new Map(run.findings.map((finding) => [finding.object?.name, finding]));
    const orphan = byName.get('orphan')!;
    assert.equal(orphan.file, 'services.yaml');
    assert.equal(orphan.region.startLine, services.split('\n').findIndex((line, i) => i > lineOf(services, 'orphan') && line.includes('selector:')) + 1);
    assert.equal(orphan.messageId, 'none');
    const web = byName.get('web')!;
    assert.equal(web.region.startLine, lineOf(services, 'selector:'));
    assert.deepEqual(web.related?.map((related) => [related.file, related.region.startLine, related.message]), [['apps.yaml', 4, 'selects Deployment web']]);
  });

  test('related locations reach SARIF (valid), text and JSON', async () => {
    const run = await lintTexts({ 'services.yaml': SERVICE('web', 'web'), 'apps.yaml': DEPLOYMENT('web', 'web') }, [noPods as Rule]);
    const context = { cwd: process.cwd(), version: '0.0.0', rules: [noPods.meta], sources: new Map([['services.yaml', SERVICE('web', 'web')]]) };
    const sarif = JSON.parse((await loadFormatter('sarif'))(run, context)) as { runs: { results: { relatedLocations?: { message: { text: string }; physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    assertValidSarif(sarif);
    const related = sarif.runs[0]!.results[0]!.relatedLocations!;
    assert.equal(related[0]!.physicalLocation.artifactLocation.uri, 'apps.yaml');
    assert.equal(related[0]!.physicalLocation.region.startLine, 4);
    assert.equal(related[0]!.message.text, 'selects Deployment web');
    assert.match((await loadFormatter('text'))(run, { ...context, color: false }), /related: apps\.yaml:4:\d+ selects Deployment web/);
    const json = JSON.parse((await loadFormatter('json'))(run, context)) as { findings: Finding[] };
    assert.equal(json.findings[0]!.related?.[0]?.file, 'apps.yaml');
  });

  test('objects without a namespace land in the run namespace', async () => {
    const files = { 's.yaml': SERVICE('web', 'web', 'shop'), 'd.yaml': DEPLOYMENT('web', 'web') };
    const inDefault = await lintTexts(files, [noPods as Rule]);
    assert.equal(inDefault.findings[0]?.messageId, 'none');
    const inShop = await lintTexts(files, [noPods as Rule], { namespace: 'shop' });
    assert.equal(inShop.findings[0]?.messageId, 'some');
  });

  test('context files are indexed but never reported on', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-context-'));
    try {
      writeFileSync(path.join(dir, 'service.yaml'), SERVICE('web', 'web'));
      writeFileSync(path.join(dir, 'deploy.yaml'), DEPLOYMENT('web', 'web'));
      writeFileSync(path.join(dir, 'other.yaml'), SERVICE('lonely', 'nothing'));
      const alone = await lint({ paths: ['service.yaml'], cwd: dir, rules: [noPods as Rule], context: [] });
      assert.equal(alone.findings[0]?.messageId, 'none');
      const withContext = await lint({ paths: ['service.yaml'], cwd: dir, rules: [noPods as Rule], context: ['.'] });
      assert.deepEqual(withContext.findings.map((finding) => [finding.file, finding.messageId]), [['service.yaml', 'some']]);
      assert.equal(withContext.contextObjects, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('files named one by one inside a git repository get its tracked manifests as context', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-git-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir });
    git('init', '-q');
    mkdirSync(path.join(dir, 'apps'));
    writeFileSync(path.join(dir, 'apps', 'deploy.yaml'), DEPLOYMENT('web', 'web'));
    writeFileSync(path.join(dir, 'untracked.yaml'), DEPLOYMENT('ghost', 'ghost'));
    git('add', 'apps/deploy.yaml');
    git('commit', '-qm', 'apps');
    writeFileSync(path.join(dir, 'service.yaml'), `${SERVICE('web', 'web')}---\n${SERVICE('ghost', 'ghost')}`);
    const run = await lint({ paths: ['service.yaml'], cwd: dir, rules: [noPods as Rule] });
    // The tracked Deployment is context; the untracked one is not.
    assert.deepEqual(run.findings.map((finding) => [finding.object?.name, finding.messageId]), [['web', 'some'], ['ghost', 'none']]);
    // A directory run is not partial: no context is added.
    const whole = await lint({ paths: ['.'], cwd: dir, rules: [noPods as Rule] });
    assert.equal(whole.contextObjects, 0);
  });
});

describe('kind-scoped dispatch', () => {
  test('the object visitor sees only the declared kinds; pod visitors see every pod spec', async () => {
    const seen: string[] = [];
    const pods: string[] = [];
    const watcher = defineRule({
      meta: { id: 'test-watch', category: 'reliability', level: 'note', presets: [], summary: 'Watches what it is given.', remediation: 'None.', kinds: ['services', 'rbac-roles', 'networking.k8s.io/Ingress'], messages: { x: 'x' } },
      create: () => ({
        object: (object) => void seen.push(object.kind),
        podSpec: (_pod, object) => void pods.push(object.kind),
      }),
    });
    const role = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules: []\n';
    const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i\n';
    const fakeIngress = 'apiVersion: example.com/v1\nkind: Ingress\nmetadata:\n  name: j\n';
    await lintTexts({ 'all.yaml': [SERVICE('s', 'a'), DEPLOYMENT('d', 'a'), role, ingress, fakeIngress].join('---\n') }, [watcher as Rule]);
    assert.deepEqual(seen, ['Service', 'ClusterRole', 'Ingress']);
    assert.deepEqual(pods, ['Deployment']);
  });
});

describe('strict reports', () => {
  const broken = (mode: 'unknown-message' | 'path-after-walk' | 'missing-path' | 'declared-missing') =>
    defineRule({
      meta: { id: 'test-strict', category: 'reliability', level: 'warning', presets: [], summary: 'Breaks the contract on purpose.', remediation: 'None.', crossObject: true, messages: { known: 'known' } },
      create(context) {
        return {
          object(object) {
            if (mode === 'unknown-message') context.report({ messageId: 'typo' as 'known', at: object.path });
            if (mode === 'path-after-walk') context.afterIndex(() => context.report({ messageId: 'known', at: object.path }));
            if (mode === 'missing-path') context.report({ messageId: 'known', at: [...object.path, 'spec', 'nothing'] });
            if (mode === 'declared-missing') context.report({ messageId: 'known', at: [...object.path, 'spec', 'nothing'], missing: true });
          },
        };
      },
    });

  test('an unknown messageId is an internal error naming the rule, and the run must exit 2', async () => {
    const run = await lintTexts({ 'x.yaml': SERVICE('s', 'a') }, [broken('unknown-message') as Rule]);
    assert.equal(run.internalErrors, 1);
    assert.match(run.findings[0]!.message, /Rule "test-strict" failed on Service s: rule "test-strict" reported unknown messageId "typo"/);
  });

  test('reporting a path after the walk is an internal error at the object', async () => {
    const run = await lintTexts({ 'x.yaml': SERVICE('s', 'a') }, [broken('path-after-walk') as Rule]);
    assert.equal(run.internalErrors, 1);
    assert.equal(run.findings[0]!.ruleId, 'internal-error');
    assert.equal(run.findings[0]!.region.startLine, 2);
    assert.match(run.findings[0]!.message, /take a Location with context\.locate/);
  });

  test('a path that does not exist is marked unresolved unless the rule says it is missing', async () => {
    const [unresolved] = (await lintTexts({ 'x.yaml': SERVICE('s', 'a') }, [broken('missing-path') as Rule])).findings;
    assert.equal(unresolved!.unresolved, true);
    const [declared] = (await lintTexts({ 'x.yaml': SERVICE('s', 'a') }, [broken('declared-missing') as Rule])).findings;
    assert.equal(declared!.unresolved, undefined);
    assert.equal(declared!.missing, true);
    // Both fall back to the nearest written ancestor: `spec:` on line 5.
    assert.equal(declared!.region.startLine, 5);
  });
});

describe('index helpers', () => {
  test('label selectors follow the API: {} selects all, a missing selector none, expressions by operator', () => {
    const labels = { app: 'web', tier: 'front' };
    assert.equal(labelSelectorMatches({}, labels), true);
    assert.equal(labelSelectorMatches(undefined, labels), false);
    assert.equal(labelSelectorMatches(null, labels), false);
    assert.equal(labelSelectorMatches({ matchLabels: { app: 'web' } }, labels), true);
    assert.equal(labelSelectorMatches({ matchLabels: { app: 'api' } }, labels), false);
    assert.equal(labelSelectorMatches({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }, labels), true);
    assert.equal(labelSelectorMatches({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, labels), false);
    assert.equal(labelSelectorMatches({ matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, labels), true);
    assert.equal(labelSelectorMatches({ matchExpressions: [{ key: 'env', operator: 'Exists' }] }, labels), false);
    assert.equal(labelSelectorMatches({ matchExpressions: [{ key: 'env', operator: 'Sometimes' }] }, labels), false);
    // A Service selector is a plain map; an empty one selects nothing (its endpoints are managed elsewhere).
    assert.equal(mapSelectorMatches({}, labels), false);
    assert.equal(mapSelectorMatches({ app: 'web' }, labels), true);
  });

  test('RBAC: a binding resolves to its role, a RoleBinding in its own namespace, ClusterRoles aggregate', async () => {
    let resolved: string[] = [];
    const probe = defineRule({
      meta: { id: 'test-rbac', category: 'security', level: 'note', securitySeverity: 1, presets: [], summary: 'Resolves bindings.', remediation: 'None.', kinds: ['rbac-bindings'], crossObject: true, messages: { x: 'x' } },
      create(context) {
        return {
          object(binding) {
            context.afterIndex((index) => {
              const record = index.get(binding.kind, binding.kind === 'RoleBinding' ? (binding.namespace ?? 'default') : undefined, binding.name ?? '');
              const role = record && resolveRole(index, record);
              resolved.push(`${binding.name} → ${role ? `${role.kind} ${role.name}: ${effectiveRules(index, role).map((rule) => String((rule.resources as string[])[0])).join(',')}` : 'none'}`);
            });
          },
        };
      },
    });
    const rbac = [
      'kind: ClusterRole\nmetadata:\n  name: monitoring\naggregationRule:\n  clusterRoleSelectors:\n    - matchLabels: { aggregate-to-monitoring: "true" }\nrules: []',
      'kind: ClusterRole\nmetadata:\n  name: pods-reader\n  labels: { aggregate-to-monitoring: "true" }\nrules:\n  - { apiGroups: [""], resources: [pods], verbs: [get] }',
      'kind: ClusterRole\nmetadata:\n  name: nodes-reader\n  labels: { aggregate-to-monitoring: "true" }\nrules:\n  - { apiGroups: [""], resources: [nodes], verbs: [get] }',
      'kind: Role\nmetadata:\n  name: local\n  namespace: shop\nrules:\n  - { apiGroups: [""], resources: [secrets], verbs: [get] }',
      'kind: ClusterRoleBinding\nmetadata:\n  name: b1\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: monitoring }\nsubjects: []',
      'kind: RoleBinding\nmetadata:\n  name: b2\n  namespace: shop\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: local }\nsubjects: []',
      'kind: RoleBinding\nmetadata:\n  name: b3\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: local }\nsubjects: []',
    ].map((text) => `apiVersion: rbac.authorization.k8s.io/v1\n${text}\n`);
    resolved = [];
    await lintTexts({ 'rbac.yaml': rbac.join('---\n') }, [probe as Rule]);
    assert.deepEqual(resolved, ['b1 → ClusterRole monitoring: pods,nodes', 'b2 → Role local: secrets', 'b3 → none']);
  });
});

describe('run settings, options and levels', () => {
  test('rules read the run settings', async () => {
    let settings: unknown;
    const reader = defineRule({
      meta: { id: 'test-settings', category: 'reliability', level: 'note', presets: [], summary: 'Reads settings.', remediation: 'None.', messages: { x: 'x' } },
      create: (context) => ({ object: () => void (settings = context.settings) }),
    });
    await lintTexts({ 'x.yaml': SERVICE('s', 'a') }, [reader as Rule], { kubeVersion: '1.29', namespace: 'shop', complete: true, presets: ['all'] });
    assert.deepEqual(settings, { kubeVersion: '1.29', namespace: 'shop', presets: ['all'], complete: true });
  });

  test('options are deep-merged over the defaults and checked against the schema in library calls', async () => {
    let seen: unknown;
    const optioned = defineRule<'x', { nested: { a: number; b: number }; list: string[] }>({
      meta: {
        id: 'test-options',
        category: 'reliability',
        level: 'note',
        presets: [],
        summary: 'Has options.',
        remediation: 'None.',
        messages: { x: 'x' },
        options: { type: 'object', properties: { nested: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, additionalProperties: false }, list: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
        defaultOptions: { nested: { a: 1, b: 2 }, list: ['x'] },
      },
      create: (context) => ({ object: () => void (seen = context.options) }),
    });
    await lintTexts({ 'x.yaml': SERVICE('s', 'a') }, [optioned as Rule], { ruleOverrides: new Map([['test-options', { options: { nested: { b: 5 }, list: ['y'] } }]]) });
    assert.deepEqual(seen, { nested: { a: 1, b: 5 }, list: ['y'] });
    await assert.rejects(
      lintTexts({ 'x.yaml': SERVICE('s', 'a') }, [optioned as Rule], { ruleOverrides: new Map([['test-options', { options: { nested: { c: 1 } } }]]) }),
      (error: unknown) => error instanceof UsageError && /rule "test-options" options\.nested must NOT have additional properties/.test(error.message),
    );
  });

  test('a configured level applies before suppression: a suppressed finding keeps the configured level', async () => {
    const privileged = registry.find((rule) => rule.meta.id === 'privileged-container')!;
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        # kmlint-disable-next-line privileged-container -- lab machine\n        privileged: true\n';
    const run = await lintTexts({ 'p.yaml': pod }, [privileged], { ruleOverrides: new Map([['privileged-container', { level: 'note' }]]) });
    const finding = run.findings.find((candidate) => candidate.ruleId === 'privileged-container')!;
    assert.equal(finding.level, 'note');
    assert.equal(finding.suppression?.source, 'comment');
  });
});

describe('views', () => {
  const podOf = (yaml: string) => {
    const objects = objectsOf(parse(yaml) as JsonValue);
    return objects[0]!;
  };

  test('the effective security context says where each value comes from', () => {
    const object = podOf('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/b: localhost/custom\nspec:\n  securityContext:\n    runAsNonRoot: true\n    seccompProfile: { type: Localhost, localhostProfile: profiles/audit.json }\n    fsGroup: 2000\n    sysctls: [{ name: kernel.shm_rmid_forced, value: "1" }]\n  containers:\n    - name: a\n      image: x\n      securityContext: { runAsNonRoot: false }\n    - name: b\n      image: x\n');
    const [a, b] = object.pods[0]!.containers;
    assert.deepEqual([a!.securityContext.runAsNonRoot?.value, a!.securityContext.runAsNonRoot?.from], [false, 'container']);
    assert.deepEqual([b!.securityContext.runAsNonRoot?.value, b!.securityContext.runAsNonRoot?.from], [true, 'pod']);
    assert.equal(b!.securityContext.seccompLocalhostProfile?.value, 'profiles/audit.json');
    assert.equal(b!.securityContext.appArmorAnnotation?.value, 'localhost/custom');
    assert.equal(a!.securityContext.appArmorAnnotation, undefined);
    assert.equal(object.pods[0]!.podSecurity.fsGroup?.value, 2000);
    assert.equal(object.pods[0]!.podSecurity.sysctls?.value.length, 1);
  });

  test('a pod is Windows by spec.os, by nodeSelector, or by a required node affinity pinning the OS', () => {
    const base = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{ name: c, image: x }]\n';
    assert.equal(podOf(`${base}  os: { name: windows }\n`).pods[0]!.isWindows, true);
    assert.equal(podOf(`${base}  nodeSelector: { kubernetes.io/os: windows }\n`).pods[0]!.isWindows, true);
    const affinity = (values: string) =>
      `${base}  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n          - matchExpressions: [{ key: kubernetes.io/os, operator: In, values: [${values}] }]\n`;
    assert.equal(podOf(affinity('windows')).pods[0]!.isWindows, true);
    assert.equal(podOf(affinity('windows, linux')).pods[0]!.isWindows, false);
    assert.equal(podOf(`${base}  nodeSelector: { kubernetes.io/os: linux }\n`).pods[0]!.isWindows, false);
  });

  test('pod templates inside custom resources: the table (several per object), the generic search', () => {
    const ray = podOf('apiVersion: ray.io/v1\nkind: RayCluster\nmetadata:\n  name: r\nspec:\n  headGroupSpec:\n    template:\n      spec:\n        containers: [{ name: head, image: ray }]\n  workerGroupSpecs:\n    - template:\n        spec:\n          containers: [{ name: w1, image: ray }]\n    - template:\n        metadata: { labels: { group: two } }\n        spec:\n          containers: [{ name: w2, image: ray }]\n');
    assert.deepEqual(ray.pods.map((pod) => [pod.path.join('.'), pod.containers[0]!.name]), [
      ['spec.headGroupSpec.template.spec', 'head'],
      ['spec.workerGroupSpecs.0.template.spec', 'w1'],
      ['spec.workerGroupSpecs.1.template.spec', 'w2'],
    ]);
    assert.deepEqual(ray.pods[2]!.labels, { group: 'two' });
    const jobset = podOf('apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata:\n  name: j\nspec:\n  replicatedJobs:\n    - name: workers\n      template:\n        spec:\n          template:\n            spec:\n              hostPID: true\n              containers: [{ name: w, image: busybox }]\n');
    assert.equal(jobset.pods[0]!.path.join('.'), 'spec.replicatedJobs.0.template.spec.template.spec');
    const unknown = podOf('apiVersion: example.com/v1\nkind: Trainer\nmetadata:\n  name: t\nspec:\n  runner:\n    spec:\n      containers: [{ name: main, image: busybox }]\n');
    assert.equal(unknown.pods[0]!.path.join('.'), 'spec.runner.spec');
    assert.equal(unknown.pods[0]!.metadataPath.join('.'), 'spec.runner.metadata');
  });

  test('a run names the kinds whose containers no view reaches', async () => {
    const run = await lintTexts({ 'x.yaml': 'apiVersion: example.com/v1\nkind: Pipeline\nmetadata:\n  name: p\nspec:\n  stages:\n    - step:\n        name: build\n        image: golang:1.23\n' }, []);
    assert.ok(run.notes.some((note) => /Pipeline \(example\.com\/v1\) hold containers that no pod spec view reaches/.test(note)), run.notes.join('\n'));
  });
});

describe('run-level tallies', () => {
  test('what rules count over the whole run is one line per topic, not a finding per file', async () => {
    const counter = defineRule({
      meta: { id: 'test-tally', category: 'schema', level: 'note', presets: [], summary: 'Counts objects without a schema.', remediation: 'None.', messages: { x: 'x' }, tallies: { unknown: '{{count}} object(s) of unknown kinds: {{items}}' } },
      create: (context) => ({ object: (object) => context.tally('unknown', object.kind) }),
    });
    const gadget = (name: string) => `apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: ${name}\n`;
    const run = await lintTexts({ 'a.yaml': gadget('a'), 'b.yaml': `${gadget('b')}---\n${SERVICE('s', 'x')}` }, [counter as Rule]);
    assert.deepEqual(run.findings, []);
    assert.deepEqual(run.notes.filter((note) => note.startsWith('test-tally')), ['test-tally: 3 object(s) of unknown kinds: Gadget, Service']);
  });

  test('a checkIndex counts into the same lines, once the index is complete', async () => {
    const counter = defineRule<'x', Record<string, never>, { kind: string }>({
      meta: {
        id: 'test-tally-late', category: 'schema', level: 'note', presets: [], summary: 'Counts objects no other object names.', remediation: 'None.', crossObject: true,
        messages: { x: 'x' }, tallies: { alone: '{{count}} object(s) alone: {{items}}' },
      },
      create: (context) => ({ object: (object) => context.watch({ kind: object.kind }) }),
      checkIndex(index, context) {
        for (const watch of context.watched) if (index.all.filter((record) => record.name === watch.record.name).length === 1) context.tally('alone', watch.data.kind);
      },
    });
    const gadget = (name: string) => `apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: ${name}\n`;
    const texts = { 'a.yaml': gadget('a'), 'b.yaml': `${gadget('b')}---\n${SERVICE('b', 'x')}`, 'c.yaml': SERVICE('c', 'x') };
    const run = await lintTexts(texts, [counter as Rule]);
    assert.deepEqual(run.notes.filter((note) => note.startsWith('test-tally-late')), ['test-tally-late: 2 object(s) alone: Gadget, Service']);
  });

  test('the schema rule counts custom resources it cannot validate in one note', async () => {
    const schema = registry.find((rule) => rule.meta.id === 'schema-validation')!;
    const run = await lintTexts({ 'cr.yaml': 'apiVersion: other.example.com/v1\nkind: Gadget\nmetadata:\n  name: g\nspec: {}\n' }, [schema]);
    assert.deepEqual(run.findings, []);
    assert.ok(run.notes.some((note) => /^schema-validation: 1 custom resource\(s\) were not validated.*: Gadget \(other\.example\.com\/v1\)$/.test(note)), run.notes.join('\n'));
  });
});

describe('index checks (checkIndex)', () => {
  /** Reports each watched ConfigMap with how many objects of the run share its name, and the option it had. */
  const sharing = (fail: false | 'throw' | 'unwatched' = false) =>
    defineRule<'shared', { label: string }>({
      meta: {
        id: 'test-sharing', category: 'reliability', level: 'warning', presets: [], summary: 'Names shared across the run.', remediation: 'None.',
        crossObject: true, messages: { shared: '{{name}} is held by {{count}} objects ({{label}}).' }, defaultOptions: { label: 'default' },
      },
      create: (context) => ({
        object(object) {
          if (object.kind === 'ConfigMap') context.watch();
        },
      }),
      checkIndex(index, context) {
        if (fail === 'throw') throw new Error('broken on purpose');
        for (const record of index.all) {
          const options = context.optionsFor(record) ?? (fail === 'unwatched' ? { label: 'not watched' } : undefined);
          if (!options) continue;
          const count = index.all.filter((other) => other.name === record.name).length;
          context.report({ messageId: 'shared', data: { name: record.name ?? '', count, label: options.label }, at: record.at });
        }
      },
    });
  const MAP = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

  test('runs once on the whole index and reports on the watched objects only, in their files, whatever the file order', async () => {
    const run = await lintTexts({ 'a.yaml': `${MAP('web')}---\n${SERVICE('web', 'web')}`, 'b.yaml': MAP('web') }, [sharing() as Rule]);
    assert.deepEqual(run.findings.map((finding) => [finding.file, finding.region.startLine, finding.message, finding.level]), [
      ['a.yaml', 4, 'web is held by 3 objects (default).', 'warning'],
      ['b.yaml', 4, 'web is held by 3 objects (default).', 'warning'],
    ]);
  });

  test('context files are in the index but never reported on', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kmlint-index-check-'));
    try {
      writeFileSync(path.join(dir, 'input.yaml'), MAP('web'));
      writeFileSync(path.join(dir, 'context.yaml'), MAP('web'));
      const run = await lint({ paths: ['input.yaml'], cwd: dir, rules: [sharing() as Rule], presets: ['all'], context: ['.'] });
      assert.deepEqual(run.findings.map((finding) => [finding.file, finding.message]), [['input.yaml', 'web is held by 2 objects (default).']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('its findings are suppressed by comments in their file, and use the options of their object', async () => {
    const text = `${MAP('web').replace('  name', '  # kmlint-disable-next-line test-sharing -- known\n  name')}---\n${MAP('api')}`;
    const run = await lintTexts({ 'a.yaml': text }, [sharing() as Rule], { ruleOverrides: new Map([['test-sharing', { options: { label: 'configured' } }]]) });
    assert.deepEqual(run.findings.map((finding) => [finding.object?.name, finding.suppression?.source, finding.message]), [
      ['web', 'comment', 'web is held by 1 objects (configured).'],
      ['api', undefined, 'api is held by 1 objects (configured).'],
    ]);
  });

  test('a hook that throws is an internal error of the run (exit 2), named in the notes', async () => {
    const run = await lintTexts({ 'a.yaml': MAP('web') }, [sharing('throw') as Rule]);
    assert.equal(run.internalErrors, 1);
    assert.ok(run.notes.includes('internal error: rule "test-sharing" failed on the run\'s index: broken on purpose'), run.notes.join('\n'));
  });

  test('reporting on an object it did not watch is an internal error: its file may be closed, or another shard\'s', async () => {
    const run = await lintTexts({ 'a.yaml': `${MAP('web')}---\n${SERVICE('web', 'web')}` }, [sharing('unwatched') as Rule]);
    assert.equal(run.internalErrors, 1);
    assert.ok(run.notes.includes('internal error: rule "test-sharing" failed on the run\'s index: rule "test-sharing" reported on an object it did not watch'), run.notes.join('\n'));
  });

  /** Watches each ConfigMap's `data` keys with a location and a name kept from the walk; reports keys another map also has. */
  const keyed = (mode: false | 'elsewhere' | 'string' | 'foreign' = false) =>
    defineRule<'sharedKey', { label: string }, { key: string; at: Location }>({
      meta: {
        id: 'test-keyed', category: 'reliability', level: 'warning', presets: [], summary: 'Keys shared across maps.', remediation: 'None.',
        crossObject: true, messages: { sharedKey: 'key {{key}} is also in {{other}} ({{label}})' }, defaultOptions: { label: 'default' },
      },
      create: (context) => ({
        object(object) {
          if (object.kind !== 'ConfigMap' || typeof object.value.data !== 'object' || object.value.data === null) return;
          for (const key of Object.keys(object.value.data)) {
            if (mode === 'string') (context.watch as (data: unknown) => void)(key);
            else context.watch({ key, at: context.locate(['data', key]) });
          }
        },
      }),
      checkIndex(index, context) {
        for (const watch of context.watched) {
          const other = index.ofKind('ConfigMap').find((record) => record !== watch.record && typeof record.value.data === 'object' && record.value.data !== null && watch.data.key in record.value.data);
          if (!other) continue;
          const about = mode === 'foreign' ? context.watched.find((w) => w.record.at.file !== watch.record.at.file) : watch;
          const at = mode === 'elsewhere' ? other.at : watch.data.at;
          context.report({ messageId: 'sharedKey', data: { key: watch.data.key, other: other.name ?? '', label: watch.options.label }, at }, about);
        }
      },
    });
  const KEYS = (name: string, ...keys: string[]) => `${MAP(name)}data:\n${keys.map((key) => `  ${key}: v\n`).join('')}`;

  test('watch(data) keeps a location taken during the walk: findings land on the field, in walk order, with each object\'s options', async () => {
    const run = await lintTexts({ 'a.yaml': `${KEYS('one', 'port', 'host', 'only')}---\n${KEYS('two', 'host')}`, 'b.yaml': KEYS('three', 'port') }, [keyed() as Rule], {
      ruleOverrides: new Map([['test-keyed', { options: { label: 'configured' } }]]),
    });
    assert.deepEqual(run.findings.map((finding) => [finding.file, finding.region.startLine, finding.region.startColumn, finding.message]), [
      ['a.yaml', 6, 3, 'key port is also in three (configured)'],
      ['a.yaml', 7, 3, 'key host is also in two (configured)'],
      ['a.yaml', 15, 3, 'key host is also in one (configured)'],
      ['b.yaml', 6, 3, 'key port is also in one (configured)'],
    ]);
    assert.equal(run.internalErrors, 0);
  });

  test('a report about a watch must stay in that watch\'s file: another file may be closed, or another shard\'s', async () => {
    const run = await lintTexts({ 'a.yaml': KEYS('one', 'port'), 'b.yaml': KEYS('two', 'port') }, [keyed('foreign') as Rule]);
    assert.equal(run.internalErrors, 1);
    assert.ok(run.notes.includes('internal error: rule "test-keyed" failed on the run\'s index: rule "test-keyed" reported outside the file of the object it watched'), run.notes.join('\n'));
  });

  test('watch data that is not an object is an internal error at the object (a bare string would be a slice of the text)', async () => {
    const run = await lintTexts({ 'a.yaml': KEYS('one', 'port') }, [keyed('string') as Rule]);
    assert.equal(run.internalErrors, 1);
    assert.match(run.findings[0]!.message, /Rule "test-keyed" failed on ConfigMap one: rule "test-keyed" watched with data that is not an object/);
  });

  test('watch() without a checkIndex is an internal error at the object', async () => {
    const { checkIndex: _, ...withoutHook } = sharing() as Rule;
    const run = await lintTexts({ 'a.yaml': MAP('web') }, [withoutHook as Rule]);
    assert.equal(run.internalErrors, 1);
    assert.match(run.findings[0]!.message, /Rule "test-sharing" failed on ConfigMap web: rule "test-sharing" called watch\(\) without meta\.crossObject and checkIndex/);
  });
});
