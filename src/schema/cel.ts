/**
 * `x-kubernetes-validations` rules of CRDs, evaluated with @marcbachmann/cel-js: the standard CEL
 * language (operators, `has`, `size`, `all`/`exists`/`exists_one`/`map`/`filter`, string functions such as
 * `matches`, `startsWith`, `contains`, conversions, timestamps and durations). Rules that use what that
 * library lacks (the Kubernetes extension libraries: `quantity`, `url`, `ip`, `cidr`, `format`, `lists`,
 * `sets`…), that read `oldSelf` (transition rules need the stored object), or that fail to evaluate are
 * skipped: only a rule that evaluates to false is a finding.
 */
import { createRequire } from 'node:module';
import type { JsonValue } from '../k8s/model.js';
import type { Path } from '../types.js';
import type { CelRule } from '../k8s/schema-node.js';

type CelLibrary = typeof import('@marcbachmann/cel-js');
type Program = ReturnType<CelLibrary['parse']>;

let library: CelLibrary | undefined;

/** Set by scripts/build.mjs in the CLI and library bundles: the library's own file, beside the rules' chunk. */
declare const KMLINT_CEL_FILE: string | undefined;

/**
 * The library builds its whole standard library when it loads, about a tenth of a one-file run's start-up,
 * and most runs evaluate no CEL rule: it loads on the first, synchronously (require of an ES module).
 */
function celLibrary(): CelLibrary {
  library ??= (
    typeof KMLINT_CEL_FILE === 'string'
      ? createRequire(import.meta.url)(`./${KMLINT_CEL_FILE}`)
      : // The Action bundle (esbuild bundles a required module and starts it on the call), and the sources.
        typeof require === 'function'
        ? require('@marcbachmann/cel-js')
        : createRequire(import.meta.url)('@marcbachmann/cel-js')
  ) as CelLibrary;
  return library;
}

/** CEL has int and double: integers written in YAML are ints (`self.replicas > 1`). */
function toCel(value: JsonValue): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toCel);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toCel(item)]));
  return value;
}

/** `.spec.replicas` or `.items[0]` → path segments; undefined for forms it does not read. */
function fieldPathOf(fieldPath: string): Path | undefined {
  const segments: (string | number)[] = [];
  const pattern = /\.([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\['([^']*)'\]/y;
  let match: RegExpExecArray | null;
  let at = 0;
  while (at < fieldPath.length && (match = pattern.exec(fieldPath))) {
    segments.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : match[3]!));
    at = pattern.lastIndex;
  }
  return at === fieldPath.length ? segments : undefined;
}

export class CelEvaluator {
  /** Compiled rules of this evaluator's run; null for rules the library cannot parse. */
  private readonly programs = new Map<string, Program | null>();

  private program(source: string): Program | null {
    let program = this.programs.get(source);
    if (program === undefined) {
      try {
        program = celLibrary().parse(source);
      } catch {
        program = null;
      }
      this.programs.set(source, program);
    }
    return program;
  }

  /** The rules of one schema node that evaluate to false for `self`, with where to report them. */
  failures(rules: readonly CelRule[], self: JsonValue, path: Path): { path: Path; reason: string }[] {
    const failures: { path: Path; reason: string }[] = [];
    let context: { self: unknown } | undefined;
    for (const rule of rules) {
      if (/\boldSelf\b/.test(rule.rule)) continue;
      const program = this.program(rule.rule);
      if (!program) continue;
      context ??= { self: toCel(self) };
      let result: unknown;
      try {
        result = program(context);
      } catch {
        continue;
      }
      if (result !== false) continue;
      const relative = rule.fieldPath ? fieldPathOf(rule.fieldPath) : undefined;
      failures.push({ path: relative ? [...path, ...relative] : path, reason: `fails the validation rule "${rule.rule}"${rule.message ? `: ${rule.message}` : ''}` });
    }
    return failures;
  }
}
