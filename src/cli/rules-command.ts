/** `kmlint rules`: every rule with its level, category and presets; `kmlint rules <id>`: one rule in full. */
import { didYouMean } from '../config/suggest.js';
import type { RuleMeta } from '../engine/define-rule.js';
import { helpUri } from '../findings/help-uri.js';
import { UsageError } from '../errors.js';
import { rules } from '../rules/index.js';
import { oneOf, type ParsedArgs } from './args.js';

function describe(meta: RuleMeta) {
  return {
    id: meta.id,
    category: meta.category,
    level: meta.level,
    securitySeverity: meta.securitySeverity ?? null,
    summary: meta.summary,
    remediation: meta.remediation,
    presets: ['all', ...meta.presets].filter((preset, index, all) => all.indexOf(preset) === index),
    pss: meta.pss ?? null,
    cis: meta.cis ?? null,
    options: meta.options ?? null,
    defaultOptions: meta.defaultOptions ?? null,
    helpUri: helpUri(meta.id),
  };
}

export function listRules(args: ParsedArgs): number {
  const format = oneOf('format', args.values.format?.at(-1), ['text', 'json'] as const, 'text');
  const list = [...rules].map(({ meta }) => describe(meta)).sort((a, b) => a.id.localeCompare(b.id));
  const wanted = args.positionals.slice(1);
  if (wanted.length > 0) {
    const chosen = wanted.map((id) => {
      const rule = list.find((candidate) => candidate.id === id);
      if (!rule) throw new UsageError(`no rule "${id}"${didYouMean(id, list.map((candidate) => candidate.id))}; "kmlint rules" lists them.`);
      return rule;
    });
    process.stdout.write(format === 'json' ? `${JSON.stringify(chosen, null, 2)}\n` : chosen.map(ruleInFull).join('\n'));
    return 0;
  }
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...list.map((rule) => rule.id.length));
  const presetWidth = Math.max(...list.map((rule) => rule.presets.join(',').length));
  for (const rule of list) {
    process.stdout.write(`${rule.id.padEnd(width)}  ${rule.level.padEnd(7)}  ${rule.category.padEnd(13)}  ${rule.presets.join(',').padEnd(presetWidth)}  ${rule.summary}\n`);
  }
  process.stdout.write(`\n${list.length} rules. "kmlint rules <id>" shows one in full, "kmlint rules --format json" all of them.\n`);
  return 0;
}

function ruleInFull(rule: ReturnType<typeof describe>): string {
  const lines = [
    rule.id,
    '',
    rule.summary,
    '',
    `How to fix: ${rule.remediation}`,
    '',
    `  level     ${rule.level}${rule.securitySeverity !== null ? ` (security severity ${rule.securitySeverity.toFixed(1)})` : ''}`,
    `  category  ${rule.category}`,
    `  presets   ${rule.presets.join(', ')}`,
    `  PSS       ${rule.pss ? `${rule.pss.profile}: ${rule.pss.control}` : 'none'}`,
    `  CIS       ${rule.cis ?? 'none'}`,
  ];
  const properties = (rule.options as { properties?: Record<string, { type?: string; description?: string }> } | null)?.properties ?? {};
  const names = Object.keys(properties);
  if (names.length === 0) lines.push('  options   none');
  else {
    lines.push('  options');
    const defaults = (rule.defaultOptions ?? {}) as Record<string, unknown>;
    for (const name of names) {
      const option = properties[name]!;
      lines.push(`    ${name} (${option.type ?? 'any'}, default ${JSON.stringify(defaults[name] ?? null)})${option.description ? `: ${option.description}` : ''}`);
    }
  }
  lines.push(`  docs      ${rule.helpUri}`);
  return `${lines.join('\n')}\n`;
}
