/** The engine's own promises: YAML read as the API server reads it, paths to regions, rule crashes contained. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defineRule } from '../src/engine/define-rule.js';
import { exitCode } from '../src/engine/exit-code.js';
import { lintText } from '../src/engine/lint-file.js';
import privilegedContainer from '../src/rules/privileged-container.js';
import { resolvePlainScalar } from '../src/yaml/scalar.js';
import { parseYamlFile } from '../src/yaml/parse.js';
import { toValue } from '../src/yaml/to-value.js';

const enable = (rule: Parameters<typeof lintText>[2]['rules'][number]['rule']) => ({
  rule,
  setting: { level: rule.meta.level, levelConfigured: false, options: rule.meta.defaultOptions ?? {} },
});

describe('plain scalars are typed the way the API server types them (YAML 1.1, go-yaml v2)', () => {
  const cases: [string, unknown][] = [
    ['yes', true], ['Yes', true], ['on', true], ['ON', true], ['y', true], ['true', true],
    ['no', false], ['off', false], ['N', false], ['False', false],
    ['~', null], ['null', null], ['', null],
    ['0644', 420], ['0o644', 420], ['0x1F', 31], ['0x_1F', 31], ['0b101', 5], ['1_000', 1000], ['08', 8], ['-12', -12], ['+3', 3],
    ['1.5', 1.5], ['1e3', 1000], ['.5', 0.5], ['.inf', Infinity], ['-.Inf', -Infinity],
    ['2024-01-01', '2024-01-01'], ['1:30', '1:30'], ['512Mi', '512Mi'], ['100m', '100m'], ['nginx:1.27', 'nginx:1.27'], ['-', '-'],
  ];
  for (const [source, expected] of cases) {
    test(`${JSON.stringify(source)} → ${String(expected)}`, () => assert.deepEqual(resolvePlainScalar(source), expected));
  }

  test('quoted and block scalars stay strings; explicit tags win', () => {
    const parsed = parseYamlFile('a: "yes"\nb: \'0644\'\nc: |\n  on\nd: !!str 0644\ne: 0644\nf: yes\n');
    assert.deepEqual(toValue(parsed.documents[0]!.doc).value, { a: 'yes', b: '0644', c: 'on\n', d: '0644', e: 420, f: true });
  });

  test('keys that resolve to booleans or numbers become their JSON text', () => {
    // As with kubectl: a ConfigMap key written `y:` or `on:` silently becomes "true".
    const parsed = parseYamlFile('data:\n  on: a\n  1: b\n  n: c\n');
    assert.deepEqual(toValue(parsed.documents[0]!.doc).value, { data: { true: 'a', 1: 'b', false: 'c' } });
  });

  test('merge keys merge, explicit keys win, and duplicate keys keep the last value with a problem at the second', () => {
    const parsed = parseYamlFile('base: &b {a: 1, c: 2}\nm:\n  <<: *b\n  c: 3\nd: 1\nd: 2\n');
    const { value, problems } = toValue(parsed.documents[0]!.doc);
    assert.deepEqual(value, { base: { a: 1, c: 2 }, m: { a: 1, c: 3 }, d: 2 });
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.ruleId, 'duplicate-key');
    assert.equal(parsed.text.slice(problems[0]!.start, problems[0]!.end), 'd');
    assert.equal(problems[0]!.start, parsed.text.lastIndexOf('d:'));
  });
});

describe('rules run on every object; a crash is contained', () => {
  const crashing = defineRule({
    meta: {
      id: 'crashing-rule',
      category: 'reliability',
      level: 'warning',
      presets: [],
      summary: 'A rule that throws on every pod.',
      remediation: 'None.',
      messages: { never: 'never' },
    },
    create: () => ({
      podSpec() {
        throw new Error('boom');
      },
    }),
  });

  test('a rule that throws becomes an internal-error naming the rule and the object; other rules still run; exit 2', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  containers:\n    - name: app\n      securityContext:\n        privileged: true\n';
    const linted = lintText('pod.yaml', text, { rules: [enable(crashing), enable(privilegedContainer)] });
    const internal = linted.findings.filter((finding) => finding.ruleId === 'internal-error');
    assert.equal(internal.length, 1);
    assert.equal(internal[0]!.message, 'Rule "crashing-rule" failed on Pod shop/web: boom');
    assert.equal(internal[0]!.region.startLine, 2, 'points at the object (its kind: line)');
    assert.ok(linted.findings.some((finding) => finding.ruleId === 'privileged-container'), 'the other rule still reported');
    assert.equal(exitCode({ findings: linted.findings, internalErrors: linted.internalErrors }, { failOn: 'error' }), 2);
  });

  test('a rule that mutates the shared views fails instead of corrupting the next rule (frozen views)', () => {
    const mutating = defineRule({
      meta: { ...crashing.meta, id: 'mutating-rule' },
      create: () => ({
        container(container) {
          (container.value as { image?: string }).image = 'changed';
        },
      }),
    });
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - {name: app, image: nginx}\n';
    const linted = lintText('pod.yaml', text, { rules: [enable(mutating)], freeze: true });
    assert.equal(linted.internalErrors, 1);
  });

  test('a missing field points at its nearest existing ancestor, never at line 1', () => {
    const missing = defineRule({
      meta: { ...crashing.meta, id: 'missing-rule', messages: { missing: 'missing' } },
      create: (context) => ({
        container(container) {
          context.report({ messageId: 'missing', at: [...container.path, 'resources', 'limits', 'memory'] });
        },
        object(object) {
          context.report({ messageId: 'missing', at: [...object.path, 'spec', 'priorityClassName'] });
        },
      }),
    });
    const text = '# a comment\napiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: app\n      image: nginx\n    - name: sidecar\n      resources:\n        requests: {cpu: 1m}\n';
    const findings = lintText('pod.yaml', text, { rules: [enable(missing)] }).findings;
    const regions = findings.map((finding) => `${finding.region.startLine}:${finding.region.startColumn}-${finding.region.endLine}:${finding.region.endColumn}`).sort();
    // spec key (5:1), the first container's `name: app` (7:7), the sidecar's `resources` key (10:7).
    assert.deepEqual(regions, ['10:7-10:16', '5:1-5:5', '7:7-7:16']);
  });
});

describe('each rule sees the objects of its kinds, whatever kinds came before', () => {
  const seeing = (id: string, kinds: string[]) =>
    defineRule({
      meta: { id, category: 'reliability', level: 'warning', presets: [], kinds, summary: 'Reports every object it sees.', remediation: 'None.', messages: { seen: 'seen' } },
      create: (context) => ({
        object(object) {
          context.report({ messageId: 'seen', at: [...object.path, 'kind'] });
        },
      }),
    });
  const ingresses = seeing('sees-ingresses', ['networking.k8s.io/Ingress']);
  const services = seeing('sees-services', ['services']);
  const workloads = seeing('sees-workloads', ['workloads']);
  const seen = (text: string) =>
    lintText('objects.yaml', text, { rules: [enable(ingresses), enable(services), enable(workloads)] })
      .findings.map((finding) => `${finding.ruleId} ${finding.object?.apiVersion} ${finding.object?.kind}`)
      .sort();
  const objects = [
    'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: a}\n',
    'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: b}\n',
    'apiVersion: v1\nkind: Service\nmetadata: {name: c}\n',
    'apiVersion: example.com/v1\nkind: Service\nmetadata: {name: d}\n',
    'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: e}\nspec:\n  template:\n    spec:\n      containers: [{name: app, image: nginx}]\n',
    'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: f}\n',
  ].join('---\n');
  const expected = ['sees-ingresses networking.k8s.io/v1 Ingress', 'sees-services v1 Service', 'sees-workloads example.com/v1 Widget'];

  test('by group, kind and whether the object holds a pod spec', () => {
    assert.deepEqual(seen(objects), expected);
    // Asked again, from what the engine kept of the first file.
    assert.deepEqual(seen(objects), expected);
  });

  test('after more kinds than the engine keeps numbered', () => {
    const many = Array.from({ length: 5000 }, (_, index) => `apiVersion: example.com/v1\nkind: Made${index}\nmetadata: {name: m}\n`).join('---\n');
    assert.deepEqual(seen(many), []);
    assert.deepEqual(seen(objects), expected);
  });
});
