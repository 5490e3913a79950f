/**
 * Render, then lint: each kustomization and each chart values set is rendered (in parallel, up to the number of
 * cores) and linted as a run of its own, so cross-object rules see exactly the objects it renders. Findings move
 * to the files a person edits; files that a rendered target reads are not linted again one by one.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { findingFrom } from '../findings/build.js';
import { discover, type Discovery } from '../input/discover.js';
import { displayPath } from '../input/display-path.js';
import { trackedFiles } from '../input/git.js';
import { resolveRuleSettings } from '../engine/rule-settings.js';
import { redactFile } from '../redact/index.js';
import { rules as allRules } from '../rules/index.js';
import { lintSources, sourcesOf, UsageError, type LintOptions, type LintRun } from '../run/lint.js';
import type { Finding } from '../types.js';
import { mapHelmFinding, renderChart } from './helm.js';
import { kustomizeCommand, renderKustomization, type ObjectOrigin } from './kustomize.js';
import { mapKustomizeFinding } from './kustomize-map.js';
import { applyOriginDirectives } from './directives.js';
import { OriginFiles } from './origin-files.js';
import { readPatchFiles } from './patches.js';
import { renderMasker } from './render-secrets.js';
import { isInside, kustomizationFile, targetFolders, targetsAmong, type HelmTarget, type RenderTarget } from './targets.js';
import { inParallel, onPath } from './tools.js';

export interface RenderRequest {
  /** Absolute kustomization folders (`--kustomize`, `render.kustomize`). */
  kustomize: readonly string[];
  /** Charts with one values set each (`--helm`, `render.helm`). */
  helm: readonly HelmTarget[];
  /** From the configuration: rendered like the above, but in a run on named files only when they read one of them. */
  configured?: readonly RenderTarget[];
  /** `--render`: kustomizations and charts found in the walk are rendered too. */
  walk: boolean;
  /** Files named one by one (pre-commit): configured and found targets render only when they read one of them. */
  onlyTouched?: boolean;
}

type Rendered =
  | { target: RenderTarget; ok: true; text: string; origins?: (ObjectOrigin | undefined)[] }
  | { target: RenderTarget; ok: false; tool: string; message: string };

export async function lintWithRenders(options: LintOptions, request: RenderRequest): Promise<LintRun> {
  const cwd = path.resolve(options.cwd);
  const started = performance.now();
  const discovery = options.paths.length > 0 ? await discover(options.paths, { cwd, ignore: options.ignore }) : undefined;
  if (discovery && discovery.missing.length > 0) throw new UsageError(`nothing to lint for ${discovery.missing.join('; ')}`);
  const notes: string[] = [];
  let targets = uniqueTargets([...request.kustomize.map((dir): RenderTarget => ({ kind: 'kustomize', dir })), ...request.helm]);
  const explicit = new Set(targets);
  for (const target of targets) {
    if (target.kind === 'kustomize' && !kustomizationFile(target.dir)) throw new UsageError(`--kustomize ${displayPath(cwd, target.dir)}: no kustomization.yaml in that folder.`);
    if (target.kind === 'helm' && !existsSync(target.chart)) throw new UsageError(`--helm ${displayPath(cwd, target.chart)}: no such chart folder.`);
  }
  let optional: RenderTarget[] = [...(request.configured ?? [])];
  if (request.walk) {
    // Files named one by one: the repository's kustomizations and charts that read them.
    const pool = request.onlyTouched ? [...(trackedFiles(cwd) ?? [])] : (discovery?.files ?? []);
    const found = targetsAmong(pool);
    optional = uniqueTargets([...optional, ...found.kustomizations.map((dir): RenderTarget => ({ kind: 'kustomize', dir })), ...found.charts.map((chart): RenderTarget => ({ kind: 'helm', chart, values: [], set: [], namespace: options.namespace, kubeVersion: options.kubeVersion }))]);
  }
  if (request.onlyTouched && discovery) {
    const named = [...discovery.explicit];
    optional = optional.filter((target) => targetFolders(target).some((folder) => named.some((file) => isInside(file, folder))));
  }
  targets = uniqueTargets([...targets, ...optional]);
  const kustomize = targets.some((target) => target.kind === 'kustomize') ? kustomizeCommand() : undefined;
  const helm = targets.some((target) => target.kind === 'helm') ? onPath('helm') : undefined;
  targets = targets.filter((target) => {
    const available = target.kind === 'kustomize' ? kustomize : helm;
    if (available) return true;
    const what = target.kind === 'kustomize' ? `--kustomize ${displayPath(cwd, target.dir)} needs kubectl or kustomize on PATH` : `--helm ${displayPath(cwd, target.chart)} needs helm on PATH`;
    if (explicit.has(target)) throw new UsageError(`${what}, and neither is installed.`.replace('and neither is', target.kind === 'helm' ? 'and it is not' : 'and neither is'));
    notes.push(`${displayPath(cwd, target.kind === 'kustomize' ? target.dir : target.chart)}: not rendered, ${target.kind === 'kustomize' ? 'neither kubectl nor kustomize' : 'helm'} is not installed`);
    return false;
  });

  const renders = inParallel(targets, (target) => render(target, kustomize, helm));
  const folders = targets.flatMap(targetFolders);
  const run = discovery ? await lintSources(sourcesOf(outside(discovery, folders), cwd, options), options, [...keptNotes(discovery, targets, cwd), ...notes]) : emptyRun(notes);
  const files = new OriginFiles();
  const rendered = await renders;
  const renderMs = performance.now() - started;
  for (const result of rendered) {
    if (!result.ok) run.findings.push(...renderFailure(result, options, cwd));
    else merge(run, await lintRendered(result, options, cwd, files));
  }
  run.findings.push(...applyOriginDirectives(run.findings, files, options, cwd));
  if (run.stats) run.stats.stages = { render: Math.round(renderMs * 10) / 10, ...run.stats.stages };
  return run;
}

function uniqueTargets(targets: RenderTarget[]): RenderTarget[] {
  const seen = new Set<string>();
  return targets.filter((target) => {
    const key = JSON.stringify(target.kind === 'kustomize' ? [target.dir] : [target.chart, target.values, target.set, target.release, target.label]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function render(target: RenderTarget, kustomize: { command: string; args: string[] } | undefined, helm: string | undefined): Promise<Rendered> {
  if (target.kind === 'kustomize') {
    const result = await renderKustomization(target.dir, kustomize!);
    return result.ok ? { target, ok: true, text: result.text, origins: result.origins } : { target, ok: false, tool: path.basename(kustomize!.command) === 'kustomize' ? 'kustomize build' : 'kubectl kustomize', message: result.message };
  }
  const result = await renderChart(helm!, target);
  return result.ok ? { target, ok: true, text: result.stdout } : { target, ok: false, tool: 'helm template', message: result.message };
}

/** The walk without the files that rendered targets read (patches, bases, chart files): they are linted rendered. */
function outside(discovery: Discovery, folders: readonly string[]): Discovery {
  const covered = (file: string): boolean => folders.some((folder) => isInside(file, folder));
  return { ...discovery, files: discovery.files.filter((file) => !covered(file)) };
}

function keptNotes(discovery: Discovery, targets: readonly RenderTarget[], cwd: string): string[] {
  const charts = new Set(targets.flatMap((target) => (target.kind === 'helm' ? [`${displayPath(cwd, target.chart)}:`] : [])));
  return discovery.notes.filter((note) => ![...charts].some((chart) => note.startsWith(`${chart} Helm chart templates skipped`)));
}

function emptyRun(notes: string[]): LintRun {
  return { findings: [], files: [], objects: 0, internalErrors: 0, notes, sources: new Map(), contextObjects: 0 };
}

/** A target that did not render: one finding at its kustomization or Chart.yaml, with the renderer's words. */
function renderFailure(result: Extract<Rendered, { ok: false }>, options: LintOptions, cwd: string): Finding[] {
  const setting = resolveRuleSettings(options.rules ?? allRules, options.presets ?? ['recommended'], options.ruleOverrides).get('render-failed');
  if (!setting) return [];
  const { target } = result;
  const file = target.kind === 'kustomize' ? (kustomizationFile(target.dir) ?? path.join(target.dir, 'kustomization.yaml')) : path.join(target.chart, 'Chart.yaml');
  const firstLine = readFirstLine(file);
  const label = target.kind === 'helm' && target.label ? ` [values ${target.label}]` : '';
  const location = { file: displayPath(cwd, file), region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: Math.max(firstLine.length + 1, 2) }, path: [] };
  // Renderers quote what they choke on, a secretGenerator literal or a chart value among it.
  const message = renderMasker(target)(result.message);
  const finding = findingFrom(location, 'render-failed', setting.level, `${result.tool} failed: ${message}${label}`);
  finding.messageId = 'failed';
  return [finding];
}

function readFirstLine(file: string): string {
  try {
    return readFileSync(file, 'utf8').split(/\r?\n/, 1)[0]!.trimEnd();
  } catch {
    return '';
  }
}

async function lintRendered(result: Extract<Rendered, { ok: true }>, options: LintOptions, cwd: string, files: OriginFiles): Promise<LintRun> {
  const { target } = result;
  const where = displayPath(cwd, target.kind === 'kustomize' ? target.dir : target.chart);
  const display = target.kind === 'kustomize' ? `${where} (kustomize build)` : `${where} (helm template${target.label ? ` ${target.label}` : ''})`;
  const source = { display, read: async () => ({ text: result.text }), explicit: true };
  const run = await lintSources([source], { ...options, paths: [], context: [] });
  const values = parseAllDocuments(result.text).map((doc) => (doc.contents === null ? null : (doc.toJS() as unknown)));
  const texts = new Map<string, string>();
  // Every file the objects come from is read, so that its comment directives are known even where nothing lands.
  for (const origin of result.origins ?? []) {
    if (origin?.file) files.get(origin.file);
    if (origin) readPatchFiles(files, origin.patchedIn);
  }
  run.findings = run.findings.map((finding) => {
    if (finding.file !== display) return finding;
    if (target.kind === 'kustomize') {
      const mapped = mapKustomizeFinding(finding, { cwd, files, overlay: where, origins: result.origins ?? [], rendered: values });
      if (mapped.text !== undefined) texts.set(mapped.finding.file, mapped.text);
      return mapped.finding;
    }
    const mapped = mapHelmFinding(finding, { cwd, files, target, rendered: values });
    if (mapped.text) texts.set(mapped.text.display, mapped.text.text);
    return mapped.finding;
  });
  // Generator inputs are secrets whatever their keys are called: masked in messages and in the lines shown.
  const mask = renderMasker(target);
  for (const finding of run.findings) finding.message = mask(finding.message);
  if (options.keepSources) {
    // The files findings moved to, masked like any linted file.
    for (const [file, text] of texts) run.sources.set(file, mask(redactFile({ findings: [], notes: [''] }, text)));
  }
  return run;
}

function merge(into: LintRun, run: LintRun): void {
  into.findings.push(...run.findings);
  into.files.push(...run.files);
  into.objects += run.objects;
  into.internalErrors += run.internalErrors;
  into.notes.push(...run.notes);
  for (const [file, text] of run.sources) into.sources.set(file, text);
  if (run.baseline && into.baseline) into.baseline.matched += run.baseline.matched;
}
