/**
 * Generators and checks shared by the fuzz tests (a few thousand documents per CI run) and
 * `npm run fuzz` (a hundred thousand and more). Each check states a promise the README makes:
 * no crash, no hang, every region inside its file, no object dropped, no credential in a message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { lintText } from '../../src/engine/lint-file.js';
import { rules } from '../../src/rules/index.js';

export type Problem = 'crash' | 'hang' | 'region' | 'drop' | 'leak';
export interface FuzzCase {
  text: string;
  /** Objects the text holds, counted without kmlint (undefined: not known, e.g. for mutations). */
  objects?: number;
  /** A credential placed in the text: no message may contain it. */
  secret?: string;
  /** Where a rule's finding must start when it is reported (lines after syntax errors stay exact). */
  expect?: { ruleId: string; line: number };
}

export const HANG_MS = 1000;
const enabled = rules.map((rule) => ({ rule, setting: { level: rule.meta.level, levelConfigured: false, options: rule.meta.defaultOptions ?? {} } }));

/** The promises one case breaks, with a short detail for each. */
export function check(fuzzCase: FuzzCase): { problem: Problem; detail: string }[] {
  const problems: { problem: Problem; detail: string }[] = [];
  const started = performance.now();
  let linted;
  try {
    linted = lintText('fuzz.yaml', fuzzCase.text, { rules: enabled });
  } catch (error) {
    return [{ problem: 'crash', detail: error instanceof Error ? `${error.name}: ${error.message.slice(0, 120)}` : String(error) }];
  }
  const elapsed = performance.now() - started;
  if (elapsed > HANG_MS) problems.push({ problem: 'hang', detail: `${Math.round(elapsed)} ms` });
  const lines = fuzzCase.text.split('\n');
  for (const { region, ruleId } of linted.findings) {
    const line = lines[region.startLine - 1];
    const endLine = lines[region.endLine - 1];
    if (line === undefined || endLine === undefined || region.startColumn < 1 || region.startColumn > line.length + 1 || region.endColumn > endLine.length + 1 || region.endLine < region.startLine) {
      problems.push({ problem: 'region', detail: `${ruleId} ${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn}` });
    }
  }
  const { expect } = fuzzCase;
  for (const finding of linted.findings.filter((candidate) => candidate.ruleId === expect?.ruleId)) {
    if (finding.region.startLine !== expect!.line) problems.push({ problem: 'region', detail: `${finding.ruleId} at line ${finding.region.startLine}, not ${expect!.line}` });
  }
  // A document the parser rejects (the generator can write invalid escapes) or skips with a note accounts for its object.
  const accounted = linted.objectCount + linted.notes.length + linted.findings.filter((finding) => finding.ruleId === 'yaml-syntax-error').length;
  if (fuzzCase.objects !== undefined && accounted < fuzzCase.objects) {
    problems.push({ problem: 'drop', detail: `${linted.objectCount} of ${fuzzCase.objects} objects` });
  }
  if (fuzzCase.secret) {
    for (const finding of linted.findings) if (finding.message.includes(fuzzCase.secret)) problems.push({ problem: 'leak', detail: finding.ruleId });
  }
  return problems;
}

// ---- Kubernetes-shaped objects ----

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const anyText = fc.oneof(fc.string({ maxLength: 24 }), fc.string({ unit: 'binary', maxLength: 24 }), name, fc.constantFrom('yes', 'no', 'on', '0644', '1e3', '~', 'null', '- x', ': y', '#z', '&a', '*a', '|', '>', '"', "'", '{', '[', '---', '...'));
const scalar = fc.oneof(anyText, fc.integer(), fc.boolean(), fc.constant(null), fc.double({ noNaN: true }));
const container = fc.record(
  {
    name,
    image: fc.oneof(name, anyText),
    securityContext: fc.record({ privileged: fc.oneof(fc.boolean(), anyText), runAsNonRoot: scalar, allowPrivilegeEscalation: scalar }, { requiredKeys: [] }),
    env: fc.array(fc.record({ name: fc.oneof(name, fc.constantFrom('DB_PASSWORD', 'API_TOKEN', 'HF_TOKEN')), value: scalar }), { maxLength: 4 }),
    resources: fc.record({ limits: fc.dictionary(fc.constantFrom('cpu', 'memory'), scalar), requests: fc.dictionary(fc.constantFrom('cpu', 'memory'), scalar) }, { requiredKeys: [] }),
  },
  { requiredKeys: ['name'] },
);
const podSpec = fc.record(
  {
    containers: fc.array(container, { minLength: 1, maxLength: 3 }),
    initContainers: fc.array(container, { maxLength: 2 }),
    hostPID: scalar,
    hostNetwork: fc.oneof(fc.boolean(), anyText),
    volumes: fc.array(fc.record({ name, hostPath: fc.record({ path: anyText }) }, { requiredKeys: ['name'] }), { maxLength: 2 }),
  },
  { requiredKeys: ['containers'] },
);
const metadata = fc.record({ name, namespace: name, labels: fc.dictionary(name, anyText, { maxKeys: 3 }), annotations: fc.dictionary(anyText, anyText, { maxKeys: 3 }) }, { requiredKeys: ['name'] });
const object = fc.oneof(
  fc.record({ apiVersion: fc.constant('v1'), kind: fc.constant('Pod'), metadata, spec: podSpec }),
  fc.record({ apiVersion: fc.constant('apps/v1'), kind: fc.constantFrom('Deployment', 'StatefulSet', 'DaemonSet'), metadata, spec: fc.record({ template: fc.record({ metadata, spec: podSpec }) }) }),
  fc.record({ apiVersion: fc.constant('batch/v1'), kind: fc.constant('CronJob'), metadata, spec: fc.record({ jobTemplate: fc.record({ spec: fc.record({ template: fc.record({ spec: podSpec }) }) }) }) }),
  fc.record({ apiVersion: fc.constant('v1'), kind: fc.constantFrom('ConfigMap', 'Secret'), metadata, data: fc.dictionary(anyText, anyText, { maxKeys: 5 }) }),
);
const styles = fc.record({
  flow: fc.boolean(),
  quote: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED') as fc.Arbitrary<'PLAIN'>,
  indent: fc.integer({ min: 1, max: 4 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});

/** A stream of 1-4 Kubernetes objects, written in random styles; its object count is known. */
export const kubernetesStream: fc.Arbitrary<FuzzCase> = fc.tuple(fc.array(object, { minLength: 1, maxLength: 4 }), styles).map(([objects, style]) => {
  const docs = objects.map((value) =>
    stringify(value, { collectionStyle: style.flow ? 'flow' : 'block', defaultStringType: style.quote, indent: style.indent, lineWidth: 40, aliasDuplicateObjects: false }),
  );
  let text = docs.join('---\n');
  if (style.crlf) text = text.replace(/\n/g, '\r\n');
  if (style.bom) text = `\uFEFF${text}`;
  return { text, objects: objects.length };
});

// ---- YAML features ----

const SECRET = 'ghp_Zq8kLmN3pR7sT1vW5xY9aB2cD4eF6gH0jK2m';
const feature = fc.constantFrom(
  'anchors: &a {k: v}\nuse: *a\nmerged: {<<: *a, o: 1}\n',
  'literal: |\n  one\n  two\nfolded: >-\n  three\n  four\n',
  "single: 'a\n  b'\ndouble: \"c\\\n  d\"\n",
  'controllerGen: \'long\ntext\'\n',
  'plain: multi\n  line\n',
  '# comment\nkey: value # trailing\n',
  'flow: [a, {b: c}, [d]]\n',
  `token: ${SECRET}\n`,
  'undefined: *nope\n',
  'broken: [a, b\n',
  'tab:\tvalue\n',
  '? complex\n: key\n',
  '%YAML 1.2\n---\n',
  `deep: ${'['.repeat(300)}${']'.repeat(300)}\n`,
  'dup: 1\ndup: 2\n',
  'bad64: !!binary |\n  ==@@\n',
  'unclosed: "spans\n  two lines\n',
  "key: 'a\n  b' junk\n",
  '"quoted key": x\n',
  "'\\u00e9': unicode é ✓ 🚀\n",
);
/** Documents made of YAML features, good and broken, around a Pod. */
export const yamlFeatures: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.array(fc.array(feature, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', '\r\n', '\r\r\n'))
  .map(([docs, eol]) => {
    const features = docs
      .map((parts) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: features\ndata:\n${parts.join('').trimEnd().replace(/^/gm, '  ').replace(/^  (%|---)/gm, '$1')}\n`)
      .join('---\n');
    // A Pod after the features: when its finding is reported, it must be on its own line.
    const pod = '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: last\nspec:\n  hostPID: true\n';
    const line = (features + pod).split('\n').length - 1;
    return { text: (features + pod).replace(/\n/g, eol), secret: SECRET, expect: { ruleId: 'host-pid', line } };
  });

// ---- Mutations of the real corpus ----

/** The texts of the real corpus (or none when the shared folder is absent). */
export function corpusTexts(root: string, limit = Infinity): string[] {
  let files: string[];
  try {
    files = readdirSync(root, { recursive: true }).map(String).filter((file) => /\.(ya?ml|json)$/.test(file)).sort();
  } catch {
    return [];
  }
  return files.slice(0, limit).map((file) => readFileSync(path.join(root, file), 'utf8').slice(0, 8_000));
}

export function corpusMutations(texts: readonly string[]): fc.Arbitrary<FuzzCase> {
  const pick = fc.integer({ min: 0, max: texts.length - 1 }).map((index) => texts[index]!);
  const flip = fc.tuple(pick, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 127 })), { minLength: 1, maxLength: 8 })).map(([text, flips]) => {
    const chars = [...text];
    for (const [at, code] of flips) chars[at % Math.max(chars.length, 1)] = String.fromCharCode(code);
    return chars.join('');
  });
  const truncate = fc.tuple(pick, fc.nat()).map(([text, at]) => text.slice(0, at % (text.length + 1)));
  const deleteLines = fc.tuple(pick, fc.array(fc.nat(), { minLength: 1, maxLength: 4 })).map(([text, picks]) => {
    const lines = text.split('\n');
    for (const at of picks) lines.splice(at % Math.max(lines.length, 1), 1);
    return lines.join('\n');
  });
  return fc.oneof(flip, truncate, deleteLines).map((text) => ({ text }));
}
