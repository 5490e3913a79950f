/** SARIF 2.1.0, the subset GitHub code scanning reads, valid against the OASIS schema. */
import type { RuleMeta } from '../engine/define-rule.js';
import { helpUri } from '../findings/help-uri.js';
import { HOMEPAGE } from '../version.js';
import type { Finding } from '../types.js';
import type { FormatContext } from './context.js';
import type { FormatInput } from './index.js';
import { jsonChunks, mapped, streamed } from './json-stream.js';
import { ruleHelpMarkdown, ruleHelpText } from './rule-help.js';
import { countFindings, kept, lastAnswer, objectName } from './summary.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Suppressions written in the linted file itself (comments, annotations); config and baseline are external. */
const IN_SOURCE = new Set(['comment', 'annotation']);
/** GitHub rejects runs above 25,000 results; stay below and say so. */
const MAX_RESULTS = 20_000;

export function formatSarif(result: FormatInput, context: FormatContext): string {
  return [...sarifChunks(result, context)].join('');
}

export function* sarifChunks(result: FormatInput, context: FormatContext): Generator<string, void> {
  const rules = [...context.rules].sort((a, b) => a.id.localeCompare(b.id));
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const include = context.sarifIncludeSuppressed === true;
  const keep = (finding: Finding): boolean => include || !finding.suppression;
  // From the shared counts: a spooled run would otherwise be read once more only to count.
  const counts = countFindings(result.findings);
  const total = counts.error + counts.warning + counts.note + (include ? counts.suppressed : 0);
  // Each result is built as it is written.
  const results = streamed(mapped(first(kept(result.findings, keep), MAX_RESULTS), (finding) => sarifResult(finding, index.get(finding.ruleId), include)));
  const notifications = (result.notes ?? []).map((note) => ({ level: 'warning', message: { text: note } }));
  if (total > MAX_RESULTS) {
    notifications.push({ level: 'warning', message: { text: `${total - MAX_RESULTS} results left out: GitHub accepts at most 25,000 per run.` } });
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kmlint',
            version: context.version,
            semanticVersion: context.version,
            informationUri: HOMEPAGE,
            rules: streamed(mapped(rules, ruleDescriptor)),
          },
        },
        invocations: [
          {
            executionSuccessful: result.internalErrors === 0,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        automationDetails: { id: 'kmlint/' },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory kmlint was run from (the repository root).' } } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  yield* jsonChunks(log);
  yield '\n';
}

function* first<T>(items: Iterable<T>, count: number): Generator<T> {
  if (count <= 0) return;
  let taken = 0;
  for (const item of items) {
    yield item;
    if (++taken >= count) return;
  }
}

function ruleDescriptor(rule: RuleMeta) {
  const tags = [rule.category, ...rule.presets, ...(rule.pss ? [`pss-${rule.pss.profile}`] : []), ...(rule.tags ?? [])];
  const properties: Record<string, unknown> = { tags: [...new Set(tags)].slice(0, 20), precision: rule.precision ?? 'high' };
  if (rule.securitySeverity !== undefined) properties['security-severity'] = rule.securitySeverity.toFixed(1);
  else properties['problem.severity'] = rule.level === 'note' ? 'recommendation' : rule.level;
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.summary },
    fullDescription: { text: `${rule.summary} ${rule.remediation}` },
    help: { text: ruleHelpText(rule), markdown: ruleHelpMarkdown(rule) },
    helpUri: helpUri(rule.id),
    defaultConfiguration: { level: rule.level },
    properties,
  };
}

function sarifResult(finding: Finding, ruleIndex: number | undefined, withSuppressions: boolean) {
  const object = finding.object;
  const logicalName = objectName(finding);
  const result: Record<string, unknown> = {
    ruleId: finding.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: finding.level,
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUri(finding.file), uriBaseId: '%SRCROOT%' },
          region: { ...finding.region },
        },
        ...(logicalName && object ? { logicalLocations: [{ name: object.name ?? '(unnamed)', fullyQualifiedName: logicalName, kind: 'resource' }] } : {}),
      },
    ],
    partialFingerprints: { 'kmlint/v1': finding.fingerprint },
  };
  const related: Record<string, unknown>[] = [];
  if (finding.helmTemplate) {
    related.push({
      id: 1,
      physicalLocation: { artifactLocation: { uri: encodeUri(finding.helmTemplate) } },
      message: { text: `Rendered from the Helm template ${finding.helmTemplate}` },
    });
  }
  for (const other of finding.related ?? []) {
    related.push({
      id: related.length + 1,
      physicalLocation: { artifactLocation: { uri: encodeUri(other.file), uriBaseId: '%SRCROOT%' }, region: { ...other.region } },
      message: { text: other.message },
    });
  }
  if (related.length > 0) result.relatedLocations = related;
  if (object) result.properties = { kind: object.kind, namespace: object.namespace ?? null, name: object.name ?? null, path: finding.path.join('.') };
  if (finding.relatedOmitted) result.properties = { ...(result.properties as object | undefined), relatedOmitted: finding.relatedOmitted };
  if (withSuppressions) {
    result.suppressions = finding.suppression
      ? [{ kind: IN_SOURCE.has(finding.suppression.source) ? 'inSource' : 'external', status: 'accepted', ...(finding.suppression.reason ? { justification: finding.suppression.reason } : {}) }]
      : [];
  }
  return result;
}

/** Relative URI reference with forward slashes; spaces and the like percent-encoded. */
export const encodeUri = lastAnswer((file) => file.split('/').map(encodeURIComponent).join('/'));
