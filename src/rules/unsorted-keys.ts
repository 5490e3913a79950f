import { defineRule } from '../engine/define-rule.js';
import { isObject } from '../k8s/json.js';
import type { JsonValue } from '../k8s/model.js';
import type { PathSegment } from '../types.js';

interface Options {
  recursive: boolean;
}

/**
 * As kube-linter's sorted-keys (off there too): keys compared by code unit, so uppercase sorts before
 * lowercase, as Go and kubectl sort. One finding per mapping, at its first key that sorts before the key
 * written above it. Keys that look like array indexes ("80", "443") are left out: JavaScript objects list
 * them first whatever their place in the file, so their written order is not known here.
 */
export default defineRule<'unsorted', Options>({
  meta: {
    id: 'unsorted-keys',
    category: 'best-practice',
    level: 'note',
    presets: [],
    summary: 'Off by default: mapping keys should be in alphabetical order, so that reviewers find fields where they expect them.',
    remediation: 'Reorder the keys of the mapping alphabetically.',
    messages: {
      unsorted: 'Key "{{key}}" is out of alphabetical order: it belongs before "{{before}}".',
    },
    options: {
      type: 'object',
      properties: { recursive: { type: 'boolean', description: 'Check nested mappings too, not only the top level of each object.' } },
      additionalProperties: false,
    },
    defaultOptions: { recursive: true },
  },
  create(context) {
    // One path stack for the whole walk, copied only into a finding.
    const trail: PathSegment[] = [];
    const check = (value: JsonValue): void => {
      if (Array.isArray(value)) {
        if (!context.options.recursive) return;
        for (let index = 0; index < value.length; index++) {
          trail.push(index);
          check(value[index]!);
          trail.pop();
        }
        return;
      }
      if (!isObject(value)) return;
      const keys = Object.keys(value);
      // The first key that sorts before the key written above it, index-like keys left out.
      let at = -1;
      let above: string | undefined;
      for (let index = 0; index < keys.length && at === -1; index++) {
        const key = keys[index]!;
        if (isIndexLike(key)) continue;
        if (above !== undefined && key < above) at = index;
        else above = key;
      }
      if (at !== -1) {
        const key = keys[at]!;
        const before = keys.find((earlier) => earlier > key && !isIndexLike(earlier))!;
        context.report({ messageId: 'unsorted', data: { key, before }, at: [...trail, key] });
      }
      if (!context.options.recursive) return;
      for (const child of keys) {
        trail.push(child);
        check(value[child]!);
        trail.pop();
      }
    };
    return {
      object(object) {
        trail.splice(0, trail.length, ...object.path);
        check(object.value);
      },
    };
  },
});

/** The keys a JavaScript object enumerates first, in numeric order (canonical integers below 2^32 - 1). */
function isIndexLike(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;
}
