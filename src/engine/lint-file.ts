/** One file's text → findings: parse once, convert once, normalise once, one walk over the objects. */
import type { ContainerView, K8sObject } from '../k8s/model.js';
import { objectsOf } from '../k8s/objects.js';
import type { WorkloadKind } from '../k8s/workloads.js';
import { helmTemplateOf } from '../yaml/helm-source.js';
import { parseYamlFile, type ParsedDocument, type ParsedFile } from '../yaml/parse.js';
import { UnlintableDocumentError, toValue } from '../yaml/to-value.js';
import type { Finding, Level } from '../types.js';
import type { Rule, RuleVisitors } from './define-rule.js';
import { findingAt, findingAtOffsets, interpolate, type FindingSite } from './report.js';
import type { RuleSetting } from './rule-settings.js';

export interface EnabledRule {
  rule: Rule;
  setting: RuleSetting;
}

export interface LintFileOptions {
  rules: readonly EnabledRule[];
  extraWorkloads?: readonly WorkloadKind[];
  /** Freeze the views handed to rules (the rule tester does, to catch rules that mutate them). */
  freeze?: boolean;
}

export interface LintedDocument {
  document: ParsedDocument;
  helmTemplate?: string;
  objects: readonly K8sObject[];
}

/** Everything later stages (suppressions, reports) need about one file. */
export interface LintedFile {
  file: string;
  parsed: ParsedFile;
  documents: LintedDocument[];
  findings: Finding[];
  /** Non-empty YAML documents. */
  documentCount: number;
  objectCount: number;
  /** One-line notes about documents that were skipped (alias bombs). */
  notes: string[];
  internalErrors: number;
}

const UNRENDERED_TEMPLATE = /\{\{[-\s]/;

export function lintText(file: string, text: string, options: LintFileOptions): LintedFile {
  const parsed = parseYamlFile(text);
  const result: LintedFile = { file, parsed, documents: [], findings: [], documentCount: 0, objectCount: 0, notes: [], internalErrors: 0 };
  const walker = new RuleWalker(options.rules, result);
  const looksLikeTemplate = UNRENDERED_TEMPLATE.test(text);
  for (const problem of parsed.streamErrors) {
    result.findings.push(findingAtOffsets({ file, parsed }, problem.ruleId, 'error', problem.message, problem.start, problem.end));
  }

  for (const document of parsed.documents) {
    if (document.empty) continue;
    result.documentCount++;
    const helmTemplate = helmTemplateOf(document.doc);
    const site = { file, parsed, document, helmTemplate };
    if (document.errors.length > 0) {
      reportSyntaxErrors(site, document, looksLikeTemplate, result);
      continue;
    }
    let converted;
    try {
      converted = toValue(document.doc);
    } catch (error) {
      if (!(error instanceof UnlintableDocumentError)) throw error;
      result.notes.push(`${file}: document ${document.index + 1} skipped, ${error.message}`);
      continue;
    }
    const objects = objectsOf(converted.value, { extraWorkloads: options.extraWorkloads, freeze: options.freeze });
    // A problem of a one-object document belongs to that object (suppressions and reports name it).
    const owner = objects.length === 1 ? objects[0] : undefined;
    for (const problem of converted.problems) {
      result.findings.push(findingAtOffsets({ ...site, object: owner }, problem.ruleId, 'error', problem.message, problem.start, problem.end));
    }
    result.documents.push({ document, helmTemplate, objects });
    for (const object of objects) {
      result.objectCount++;
      walker.visit(object, { ...site, object });
    }
  }
  return result;
}

function reportSyntaxErrors(site: FindingSite, document: ParsedDocument, looksLikeTemplate: boolean, result: LintedFile): void {
  if (looksLikeTemplate) {
    // One finding, not a cascade: the file is a Helm template, not YAML yet.
    const alreadyReported = result.findings.some((finding) => finding.ruleId === 'yaml-syntax-error');
    if (alreadyReported) return;
    const first = document.errors[0]!;
    const message = `${first.message} (this looks like an unrendered Helm template: lint the output of \`helm template\` instead)`;
    result.findings.push(findingAtOffsets(site, 'yaml-syntax-error', 'error', message, first.start, first.end));
    return;
  }
  for (const error of document.errors) {
    result.findings.push(findingAtOffsets(site, error.ruleId, 'error', error.message, error.start, error.end));
  }
}

/** Instantiates each rule once per file and calls its visitors for every object, pod spec and container. */
class RuleWalker {
  private readonly instances: { rule: Rule; setting: RuleSetting; visitors: RuleVisitors }[];
  private site: (FindingSite & { document: ParsedDocument }) | undefined;
  private current: Rule | undefined;
  /** The container being visited: findings reported from it name it, so per-container suppressions match. */
  private container: ContainerView | undefined;

  constructor(rules: readonly EnabledRule[], private readonly result: LintedFile) {
    this.instances = rules.map(({ rule, setting }) => ({
      rule,
      setting,
      visitors: rule.create({
        options: setting.options,
        report: (report) => {
          const site = this.site;
          if (!site || this.current !== rule) return;
          const level: Level = setting.levelConfigured ? setting.level : (report.level ?? setting.level);
          const template = (rule.meta.messages as Record<string, string>)[report.messageId] ?? report.messageId;
          const finding = findingAt(site, rule.meta.id, level, interpolate(template, report.data), report.at);
          if (this.container) finding.container = this.container.name;
          this.result.findings.push(finding);
        },
      }),
    }));
  }

  visit(object: K8sObject, site: FindingSite & { document: ParsedDocument }): void {
    this.site = site;
    for (const { rule, visitors } of this.instances) {
      this.current = rule;
      try {
        visitors.object?.(object);
        const pod = object.pod;
        if (pod) {
          visitors.podSpec?.(pod, object);
          if (visitors.container) {
            for (const container of pod.containers) {
              this.container = container;
              visitors.container(container, pod, object);
            }
            this.container = undefined;
          }
        }
      } catch (error) {
        this.container = undefined;
        this.result.internalErrors++;
        const name = `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name ?? '(unnamed)'}`;
        const reason = error instanceof Error ? error.message : String(error);
        this.result.findings.push(findingAt(site, 'internal-error', 'error', `Rule "${rule.meta.id}" failed on ${name}: ${reason}`, object.path));
      }
    }
    this.current = undefined;
    this.site = undefined;
  }
}
