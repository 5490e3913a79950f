/**
 * `helm template` on a chart, and findings on its output mapped to the chart: the template the `# Source:`
 * comment names (the line of the field's key, best effort, so approximate), the rendered line, and the line of
 * the values file the offending value came from when the template reads it by a literal `.Values` key path.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fingerprint } from '../findings/build.js';
import { displayPath } from '../input/display-path.js';
import type { Finding, Path, RelatedFinding } from '../types.js';
import { isRecord, locateInOrigin, type OriginFile, type OriginFiles } from './origin-files.js';
import type { HelmTarget } from './targets.js';
import { runTool, type ToolResult } from './tools.js';

export function helmArgs(target: HelmTarget): string[] {
  const args = ['template', target.release ?? path.basename(target.chart), target.chart];
  for (const file of target.values) args.push('--values', file);
  for (const value of target.set) args.push('--set', value);
  if (target.namespace) args.push('--namespace', target.namespace);
  if (target.kubeVersion) args.push('--kube-version', target.kubeVersion);
  return args;
}

export function renderChart(helm: string, target: HelmTarget): Promise<ToolResult> {
  return runTool(helm, helmArgs(target), target.chart);
}

export interface HelmMapContext {
  cwd: string;
  files: OriginFiles;
  target: HelmTarget;
  /** Plain value of each rendered document. */
  rendered: readonly unknown[];
}

export function mapHelmFinding(finding: Finding, context: HelmMapContext): { finding: Finding; file?: OriginFile; text?: { display: string; text: string } } {
  const { target } = context;
  const label = target.label ? ` [values ${target.label}]` : '';
  const named: Finding = { ...finding, message: `${finding.message}${label}`, fingerprint: fingerprint([finding.fingerprint, target.label ?? '']) };
  const template = finding.helmTemplate ? templateFile(target.chart, finding.helmTemplate) : undefined;
  const text = template ? readText(template) : undefined;
  if (!template || text === undefined) return { finding: named };
  const display = displayPath(context.cwd, template);
  const rendered = finding.documentIndex === undefined ? undefined : context.rendered[finding.documentIndex];
  const at = keyLine(text, finding.path);
  const related: RelatedFinding[] = [{ file: finding.file, region: finding.region, message: `the object as \`helm template\` renders it${label}` }];
  const values = valuesSite(text, at.line, finding.path, rendered, context);
  if (values) related.push(values);
  const mapped: Finding = { ...named, file: display, region: at.region, approximate: true, related: [...related, ...(finding.related ?? [])] };
  mapped.fingerprint = fingerprint([finding.fingerprint, target.label ?? '', display]);
  return { finding: mapped, text: { display, text } };
}

/** `web/templates/x.yaml` → CHART/templates/x.yaml; subcharts keep their `charts/<sub>/` folder. */
function templateFile(chart: string, source: string): string | undefined {
  const slash = source.indexOf('/');
  return slash === -1 ? undefined : path.join(chart, ...source.slice(slash + 1).split('/'));
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The first line of the template that writes the field's key, else its first line. */
function keyLine(text: string, findingPath: Path): { line: number; region: Finding['region'] } {
  const lines = text.split(/\r?\n/);
  const keys = findingPath.filter((segment): segment is string => typeof segment === 'string').reverse();
  for (const key of keys) {
    const pattern = new RegExp(`^(\\s*(?:-\\s+)?)${escape(key)}:`);
    const index = lines.findIndex((line) => pattern.test(line));
    if (index !== -1) {
      const line = lines[index]!;
      const start = pattern.exec(line)![1]!.length;
      return { line: index + 1, region: { startLine: index + 1, startColumn: start + 1, endLine: index + 1, endColumn: Math.max(line.trimEnd().length + 1, start + 2) } };
    }
  }
  return { line: 1, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: Math.max((lines[0] ?? '').trimEnd().length + 1, 2) } };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The values file line of the offending value: a `.Values.a.b` of the template, followed by the rest of the
 * finding's path when the template inserts a whole block (`toYaml .Values.a`), whose value in the winning values
 * file equals the rendered one. A key set with `--set` has no file line.
 */
function valuesSite(template: string, line: number, findingPath: Path, rendered: unknown, context: HelmMapContext): RelatedFinding | undefined {
  const value = valueAt(rendered, findingPath);
  if (value === undefined) return undefined;
  const findingLine = template.split(/\r?\n/)[line - 1] ?? '';
  const files = [path.join(context.target.chart, 'values.yaml'), ...context.target.values];
  const setKeys = context.target.set.map((entry) => entry.slice(0, entry.indexOf('=')).split('.'));
  for (const match of template.matchAll(/\.Values((?:\.[A-Za-z_][\w-]*)+)/g)) {
    const ref = match[1]!.slice(1).split('.');
    const onLine = findingLine.includes(match[0]);
    for (let start = findingPath.length; start >= 0; start--) {
      const tail = findingPath.slice(start);
      if (tail.length === 0 && !onLine) continue;
      const keyPath = [...ref, ...tail];
      if (setKeys.some((key) => key.every((part, index) => String(keyPath[index]) === part))) return undefined;
      for (const file of [...files].reverse()) {
        const origin = context.files.get(file);
        const written = origin ? valueAt(origin.values[0], keyPath) : undefined;
        if (written === undefined) continue;
        if (JSON.stringify(written) !== JSON.stringify(value)) break;
        const display = displayPath(context.cwd, file);
        const location = locateInOrigin(origin!, display, 0, keyPath);
        return { file: display, region: location.region, message: `the value ${keyPath.join('.')} comes from ${display}` };
      }
    }
  }
  return undefined;
}

function valueAt(root: unknown, keyPath: Path): unknown {
  let node = root;
  for (const segment of keyPath) {
    if (typeof segment === 'number' ? !Array.isArray(node) : !isRecord(node)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
    if (node === undefined) return undefined;
  }
  return node;
}
