/** `kmlint rules`: every rule with its level, category and presets. */
import { helpUri } from '../engine/help-uri.js';
import { rules } from '../rules/index.js';
import { oneOf, type ParsedArgs } from './args.js';

export function listRules(args: ParsedArgs): number {
  const format = oneOf('format', args.values.format?.at(-1), ['text', 'json'] as const, 'text');
  const list = [...rules]
    .map(({ meta }) => ({
      id: meta.id,
      category: meta.category,
      level: meta.level,
      securitySeverity: meta.securitySeverity ?? null,
      summary: meta.summary,
      presets: ['all', ...meta.presets].filter((preset, index, all) => all.indexOf(preset) === index),
      helpUri: helpUri(meta.id),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...list.map((rule) => rule.id.length));
  for (const rule of list) {
    process.stdout.write(`${rule.id.padEnd(width)}  ${rule.level.padEnd(7)}  ${rule.category.padEnd(13)}  ${rule.summary}\n`);
  }
  process.stdout.write(`\n${list.length} rules. "kmlint rules --format json" for details.\n`);
  return 0;
}
