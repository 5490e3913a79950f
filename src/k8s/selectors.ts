/** Label selectors with the API's semantics: `matchLabels`, `matchExpressions`, empty and missing selectors. */
import { isObject, isString, isStringList } from './json.js';
import { computedOnce, MostlySingleTable } from './multimap.js';
import type { JsonValue } from './model.js';

export type Labels = Readonly<Record<string, string>>;

/**
 * A `metav1.LabelSelector` (Deployment, NetworkPolicy, PDB…): an empty selector `{}` selects everything,
 * a missing one (`undefined`/`null`) selects nothing. An operator the API does not know selects nothing.
 */
export function labelSelectorMatches(selector: JsonValue | undefined, labels: Labels): boolean {
  if (!isObject(selector)) return false;
  const matchLabels = selector.matchLabels;
  if (isObject(matchLabels)) {
    for (const [key, value] of Object.entries(matchLabels)) if (labels[key] !== value) return false;
  }
  const expressions = selector.matchExpressions;
  if (Array.isArray(expressions)) {
    for (const expression of expressions) if (!expressionMatches(expression, labels)) return false;
  }
  return true;
}

function expressionMatches(expression: JsonValue, labels: Labels): boolean {
  if (!isObject(expression) || !isString(expression.key)) return false;
  const has = Object.hasOwn(labels, expression.key);
  const values = isStringList(expression.values) ? expression.values : [];
  const value = labels[expression.key];
  switch (expression.operator) {
    case 'In':
      return has && values.includes(value!);
    case 'NotIn':
      return !has || !values.includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

/**
 * A plain map selector (Service `spec.selector`, ReplicationController): every pair must match. An empty
 * or missing map selects nothing (a Service without a selector has its endpoints managed elsewhere).
 */
export function mapSelectorMatches(selector: JsonValue | undefined, labels: Labels): boolean {
  if (!isObject(selector)) return false;
  const entries = Object.entries(selector);
  if (entries.length === 0) return false;
  return entries.every(([key, value]) => labels[key] === value);
}

/** True for `{}`: a LabelSelector that selects every object of its namespace. */
export function selectsEverything(selector: JsonValue | undefined): boolean {
  return isObject(selector) && Object.keys(selector).length === 0;
}

export type SelectorKind = 'label' | 'map';

/** Whether a selector of that kind (a LabelSelector or a plain map) selects these labels. */
export function selectorMatches(kind: SelectorKind, selector: JsonValue | undefined, labels: Labels): boolean {
  return kind === 'map' ? mapSelectorMatches(selector, labels) : labelSelectorMatches(selector, labels);
}

/**
 * A label every object the selector selects carries (the first `matchLabels` pair, `key\0value`), so lookups
 * can start from the objects carrying it; `none` when the selector selects nothing, `open` when it requires
 * no label (an empty or `matchExpressions`-only LabelSelector), which must be tried against everything.
 */
export function requiredLabel(kind: SelectorKind, selector: JsonValue | undefined): string | 'none' | 'open' {
  if (!isObject(selector)) return 'none';
  const pairs = kind === 'map' ? selector : selector.matchLabels;
  const [first] = isObject(pairs) ? Object.entries(pairs) : [];
  if (!first) return kind === 'map' ? 'none' : 'open';
  return isString(first[1]) ? labelEntry(first[0], first[1]) : 'none';
}

export function labelEntry(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

/** Past this many candidates a table keeps its answers: few questions are asked of so many. */
const CROWDED = 32;

/** The key of a question to a `LabelledTable`. */
function question(scope: string, kind: SelectorKind, selector: JsonValue | undefined): string {
  return `${scope}\u0001${kind}\u0001${JSON.stringify(selector)}`;
}

/**
 * Objects with labels, grouped by a scope (a namespace), looked up by the selector that selects them: only
 * those carrying the selector's required label are tested, so a lookup costs what it finds, not the scope.
 * Built over every object of a large run, so it keeps little per object: one text per distinct label (shared
 * by every scope), and a lone object without an array of its own.
 */
export class LabelledTable<T extends object> {
  private readonly scopes = new Map<string, { items: T[]; byLabel: MostlySingleTable<string, T> }>();
  /** Yes-or-no answers among many candidates, by question. */
  private readonly crowded = new Map<string, boolean>();
  /** Lists among many candidates, by question. */
  private readonly crowdedLists = new Map<string, readonly T[]>();

  /** `scopesOf` may give several scopes (its namespace and "every namespace"). */
  constructor(items: Iterable<T>, scopesOf: (item: T) => string | readonly string[], private readonly labelsOf: (item: T) => readonly Labels[]) {
    const entries = new Map<string, string>();
    const shared = (entry: string): string => entries.get(entry) ?? (entries.set(entry, entry), entry);
    for (const item of items) {
      // An object without labels to match is never selected (the index's records, of which few hold pods).
      const sets = labelsOf(item);
      if (sets.length === 0) continue;
      const scopes = scopesOf(item);
      for (const scope of typeof scopes === 'string' ? [scopes] : scopes) {
        let table = this.scopes.get(scope);
        if (!table) this.scopes.set(scope, (table = { items: [], byLabel: new MostlySingleTable() }));
        table.items.push(item);
        for (const labels of sets) {
          for (const [key, value] of Object.entries(labels)) table.byLabel.addOnce(shared(labelEntry(key, value)), item);
        }
      }
    }
  }

  /**
   * The items of the scope (in the order given) that the selector selects through any of their label sets.
   * Among many candidates the list is kept: copies of an app in one namespace ask the same question once each,
   * and testing every copy's labels for every copy made the lookups grow with the square of the copies.
   */
  selectedBy(scope: string, kind: SelectorKind, selector: JsonValue | undefined): readonly T[] {
    const candidates = this.candidates(scope, kind, selector);
    const list = () => candidates.filter((item) => this.labelsOf(item).some((labels) => selectorMatches(kind, selector, labels)));
    if (candidates.length <= CROWDED) return list();
    return computedOnce(this.crowdedLists, question(scope, kind, selector), list);
  }

  /**
   * Whether the selector selects any item of the scope. Stops at the first match; among many candidates
   * (every copy of an app in one namespace) the answer is kept, as the copies ask the same question.
   */
  selectsAny(scope: string, kind: SelectorKind, selector: JsonValue | undefined): boolean {
    const candidates = this.candidates(scope, kind, selector);
    const answer = () => candidates.some((item) => this.labelsOf(item).some((labels) => selectorMatches(kind, selector, labels)));
    if (candidates.length <= CROWDED) return answer();
    return computedOnce(this.crowded, question(scope, kind, selector), answer);
  }

  private candidates(scope: string, kind: SelectorKind, selector: JsonValue | undefined): readonly T[] {
    const required = requiredLabel(kind, selector);
    const table = this.scopes.get(scope);
    if (required === 'none' || !table) return [];
    return required === 'open' ? table.items : table.byLabel.get(required);
  }
}

/**
 * The reverse lookup: items that carry a selector (Services, policies, budgets), found from the labels of
 * an object. A selector can only select labels holding its required label, so an object's few labels name
 * the candidates; selectors that require none are tried every time. Like `LabelledTable`, one text per
 * distinct label and a lone position without an array.
 */
export class SelectorTable<T> {
  /** Yes-or-no answers among many candidates, by question. */
  private readonly crowded = new Map<string, boolean>();
  private readonly items: T[] = [];
  private readonly selectors: (JsonValue | undefined)[] = [];
  private readonly scopes = new Map<string, { open: number[]; byLabel: Map<string, number | number[]> }>();

  constructor(items: Iterable<T>, scopeOf: (item: T) => string, selectorOf: (item: T) => JsonValue | undefined, private readonly kind: SelectorKind) {
    const entries = new Map<string, string>();
    for (const item of items) {
      const selector = selectorOf(item);
      const required = requiredLabel(kind, selector);
      if (required === 'none') continue;
      const position = this.items.push(item) - 1;
      this.selectors.push(selector);
      const scope = scopeOf(item);
      let table = this.scopes.get(scope);
      if (!table) this.scopes.set(scope, (table = { open: [], byLabel: new Map() }));
      if (required === 'open') {
        table.open.push(position);
        continue;
      }
      const entry = entries.get(required) ?? (entries.set(required, required), required);
      const known = table.byLabel.get(entry);
      table.byLabel.set(entry, known === undefined ? position : typeof known === 'number' ? [known, position] : (known.push(position), known));
    }
  }

  /** The items of the scope whose selector selects these labels, in the order given. */
  selecting(scope: string, labels: Labels): T[] {
    const positions = this.candidates(scope, labels).flatMap((group) => group);
    positions.sort((a, b) => a - b);
    return positions.flatMap((position) => (selectorMatches(this.kind, this.selectors[position], labels) ? [this.items[position]!] : []));
  }

  /**
   * Whether any item of the scope selects these labels: stops at the first, with no list and no sort. Among
   * many candidates (every copy's policy in one namespace) the answer is kept, as the copies' pods ask it again.
   */
  selectsAny(scope: string, labels: Labels): boolean {
    const groups = this.candidates(scope, labels);
    const matches = (position: number) => selectorMatches(this.kind, this.selectors[position], labels);
    const answer = () => groups.some((group) => (typeof group === 'number' ? matches(group) : group.some(matches)));
    const candidates = groups.reduce<number>((sum, group) => sum + (typeof group === 'number' ? 1 : group.length), 0);
    if (candidates <= CROWDED) return answer();
    return computedOnce(this.crowded, `${scope}\u0001${JSON.stringify(labels)}`, answer);
  }

  /** The positions that may select these labels, as the scope files them: its open selectors, then one group per label. */
  private candidates(scope: string, labels: Labels): (number | readonly number[])[] {
    const table = this.scopes.get(scope);
    if (!table) return [];
    const groups: (number | readonly number[])[] = [table.open];
    for (const [key, value] of Object.entries(labels)) {
      const found = table.byLabel.get(labelEntry(key, value));
      if (found !== undefined) groups.push(found);
    }
    return groups;
  }
}
