/** The pipeline: discover → read → lint each file → one result. Pure apart from reading the inputs. */
import path from 'node:path';
import { discover } from '../input/discover.js';
import { displayPath } from '../input/display-path.js';
import { decideFile, decisionSummary, invalidTextFinding } from '../input/decision.js';
import { decode, readInput, DEFAULT_MAX_FILE_BYTES, type ReadOutcome } from '../input/read.js';
import type { WorkloadKind } from '../k8s/workloads.js';
import { rules as allRules } from '../rules/index.js';
import { UsageError } from '../errors.js';
import { createSuppressor, type SuppressOptions } from '../suppress/suppressor.js';
import type { FileDecision, FileReport, Finding, LintResult } from '../types.js';
import type { Preset, Rule } from './define-rule.js';
import { lintText, type EnabledRule, type LintedFile } from './lint-file.js';
import { resolveRuleSettings, type RuleOverride, type RuleSetting } from './rule-settings.js';

export { UsageError };

export interface LintOptions {
  /** Files, directories, globs; `-` reads standard input. */
  paths: readonly string[];
  cwd: string;
  /** Name shown for standard input. */
  stdinFilename?: string;
  /** Standard input's content, when the caller already has it (tests, the Action). */
  stdinText?: string;
  presets?: readonly Preset[];
  ruleOverrides?: ReadonlyMap<string, RuleOverride>;
  extraWorkloads?: readonly WorkloadKind[];
  ignore?: readonly string[];
  maxFileBytes?: number;
  rules?: readonly Rule[];
  /** Called after each file, for a progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Called with each linted file before it is dropped: later stages (suppressions) read comments there. */
  onFile?: (file: LintedFile) => void;
  /** Keep the text of files with findings (the text format prints their lines). */
  keepSources?: boolean;
  /** Config exemptions, strict list, baseline…; comment and annotation suppressions apply without it. */
  suppress?: SuppressOptions;
}

export interface LintRun extends LintResult {
  /** One-line notes for stderr: skipped files and documents, left-out chart templates. */
  notes: string[];
  /** Text of the files with findings, when asked for. */
  sources: Map<string, string>;
}

export async function lint(options: LintOptions): Promise<LintRun> {
  const cwd = path.resolve(options.cwd);
  const discovery = await discover(options.paths, { cwd, ignore: options.ignore });
  if (discovery.missing.length > 0) {
    throw new UsageError(`nothing to lint for ${discovery.missing.join('; ')}`);
  }
  const settings = resolveRuleSettings(options.rules ?? allRules, options.presets ?? ['recommended'], options.ruleOverrides);
  const enabled: EnabledRule[] = (options.rules ?? allRules)
    .filter((rule) => settings.has(rule.meta.id))
    .map((rule) => ({ rule, setting: settings.get(rule.meta.id)! }));
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const suppressor = createSuppressor(options.suppress, { rules: options.rules ?? allRules, settings, cwd });

  const sources: { display: string; read: () => Promise<ReadOutcome>; explicit?: boolean; partial?: FileDecision }[] = discovery.files.map((file) => ({
    display: displayPath(cwd, file),
    read: () => readInput(file, maxBytes),
    explicit: discovery.explicit.has(file),
    partial: discovery.partial.get(file),
  }));
  if (discovery.stdin) {
    sources.push({
      display: options.stdinFilename ?? '<stdin>',
      read: async () => decode(options.stdinText !== undefined ? Buffer.from(options.stdinText) : await readStdin(), maxBytes),
      explicit: true,
    });
  }

  const run: LintRun = { findings: [], files: [], objects: 0, internalErrors: 0, notes: [...discovery.notes], sources: new Map() };
  let done = 0;
  for (const source of sources) {
    const outcome = source.partial ? undefined : await source.read();
    if (!outcome) {
      run.files.push({ file: source.display, objects: 0, documents: 0, decision: source.partial });
    } else if ('skipped' in outcome) {
      run.files.push({ file: source.display, objects: 0, documents: 0, skipped: outcome.skipped, decision: 'skipped' });
      run.notes.push(`${source.display}: skipped, ${outcome.skipped}`);
    } else if ('invalid' in outcome) {
      run.files.push({ file: source.display, objects: 0, documents: 0, decision: 'manifest', reason: 'not UTF-8' });
      run.findings.push(...applyEngineRuleSettings([invalidTextFinding(source.display, outcome.invalid)], settings));
    } else {
      const linted = lintText(source.display, outcome.text, { rules: enabled, extraWorkloads: options.extraWorkloads });
      const { decision, reason, objects } = decideFile(linted, source.explicit === true);
      linted.objectCount = objects;
      suppressor.file(linted);
      options.onFile?.(linted);
      const report: FileReport = { file: source.display, objects: linted.objectCount, documents: linted.documentCount, decision, reason };
      run.files.push(report);
      const findings = applyEngineRuleSettings(linted.findings, settings);
      run.findings.push(...sortFindings(findings));
      if (options.keepSources && findings.length > 0) run.sources.set(source.display, outcome.text);
      run.objects += linted.objectCount;
      run.internalErrors += linted.internalErrors;
      run.notes.push(...linted.notes);
    }
    options.onProgress?.(++done, sources.length);
  }
  run.notes.push(...decisionSummary(run.files));
  suppressor.finish(run);
  return run;
}

/** Findings the engine reports itself (syntax errors, duplicate keys) obey configuration like any rule's. */
function applyEngineRuleSettings(findings: Finding[], settings: ReadonlyMap<string, RuleSetting>): Finding[] {
  return findings.flatMap((finding) => {
    if (finding.ruleId === 'internal-error') return [finding];
    const setting = settings.get(finding.ruleId);
    if (!setting) return [];
    return setting.levelConfigured ? [{ ...finding, level: setting.level }] : [finding];
  });
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => a.region.startLine - b.region.startLine || a.region.startColumn - b.region.startColumn || a.ruleId.localeCompare(b.ruleId),
  );
}


async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
