/**
 * One file's text → findings: parse once, convert once, normalise once, index each object, one walk over
 * the objects calling every rule's visitors for the kinds it declared. Cross-object checks a rule
 * registers with `afterIndex` come back as pending checks, run by the driver once the index is complete.
 */
import { findingAt, findingAtOffsets, findingFrom, locationAt, type FindingSite } from '../findings/build.js';
import { isLocation, type Location } from '../findings/location.js';
import { matchesKinds } from '../k8s/kinds.js';
import type { ContainerView, K8sObject } from '../k8s/model.js';
import { hasUnreachedContainers, objectsOf } from '../k8s/objects.js';
import { indexRecord, ObjectIndex, type IndexedObject } from '../k8s/object-index.js';
import type { WorkloadKind } from '../k8s/workloads.js';
import { parseYamlFile, type ParsedDocument, type ParsedFile } from '../yaml/parse.js';
import { documentValue, UnlintableDocumentError } from '../yaml/to-value.js';
import type { Finding, ObjectRef, Path, Tallies } from '../types.js';
import type { Report, Rule, RuleContext, RuleVisitors, RunSettings } from './define-rule.js';
import type { OptionsForObject } from './rule-options.js';
import type { RuleSetting } from './rule-settings.js';
import { DEFAULT_RUN_SETTINGS } from './run-settings.js';
import { WatchedObject } from './watch.js';
import { checkedMessage, countTally, findingOfReport } from './rule-report.js';

export interface EnabledRule {
  rule: Rule;
  setting: RuleSetting;
  /** Options that depend on the object (configuration overrides by kind or namespace); absent: `setting.options` for all. */
  forObject?: OptionsForObject;
}

export interface LintFileOptions {
  rules: readonly EnabledRule[];
  extraWorkloads?: readonly WorkloadKind[];
  /** Freeze the views handed to rules (the rule tester does, to catch rules that mutate them). */
  freeze?: boolean;
  settings?: RunSettings;
  /** The run's index; each object of the file is added to it. */
  index?: ObjectIndex;
  /** Parse and index only, no rule and no finding: a context file. */
  contextOnly?: boolean;
  /** Time spent in each rule, when the run collects statistics (`--stats`). */
  ruleTimes?: Map<string, number>;
  /** The run's tallies: rule id and topic → items counted (`context.tally`). */
  tallies?: Tallies;
}

export type { Tallies };

export interface LintedDocument {
  document: ParsedDocument;
  helmTemplate?: string;
  objects: readonly K8sObject[];
}

/** A cross-object check waiting for the complete index; `run` reports into the findings it is given. */
export interface PendingCheck {
  ruleId: string;
  run(index: ObjectIndex, findings: Finding[]): number;
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
  pending: PendingCheck[];
  /** Objects rules watched for their `checkIndex`: the file waits for the index as for pending checks. */
  watched?: WatchedObject[];
  /** Kinds of objects holding containers that no pod view reached. */
  unreachedKinds: Set<string>;
}

const UNRENDERED_TEMPLATE = /\{\{[-\s]/;

export function lintText(file: string, text: string, options: LintFileOptions): LintedFile {
  const parsed = parseYamlFile(text, { fast: true });
  const result: LintedFile = {
    file, parsed, documents: [], findings: [], documentCount: 0, objectCount: 0, notes: [], internalErrors: 0, pending: [], watched: [], unreachedKinds: new Set(),
  };
  const settings = options.settings ?? DEFAULT_RUN_SETTINGS;
  const index = options.index ?? new ObjectIndex(settings.complete);
  const walker = options.contextOnly ? undefined : new RuleWalker(options.rules, result, settings, options.ruleTimes, options.tallies ?? new Map());
  // Only rules that relate objects read the index: a run without one (the Pod Security Standards presets)
  // keeps no record of every object it linted. The rule set is the run's in every file, so all or none are.
  const indexing = options.contextOnly === true || options.rules.some(({ rule }) => rule.meta.crossObject);
  /** Parts of objects the index detached in place (their records share them): waiting checks need not walk them again. */
  const detached = new Set<object>();
  if (walker) {
    for (const problem of parsed.streamErrors) {
      result.findings.push(findingAtOffsets({ file, parsed }, problem.ruleId, 'error', problem.message, problem.start, problem.end));
    }
  }

  for (const document of parsed.documents) {
    if (document.empty) continue;
    result.documentCount++;
    const helmTemplate = document.helmTemplate;
    const site = { file, parsed, document, helmTemplate };
    if (document.errors.length > 0) {
      // Read from the text only for a document that did not parse: most files have none.
      if (walker) reportSyntaxErrors(site, document, UNRENDERED_TEMPLATE.test(text), result);
      continue;
    }
    let converted;
    try {
      converted = documentValue(document);
    } catch (error) {
      if (!(error instanceof UnlintableDocumentError)) throw error;
      // One finding at the document's start: a document nobody could check is not a silent pass.
      if (walker) {
        const start = document.range[0] ?? 0;
        const message = `Document ${document.index + 1} is not linted (${error.message}).`;
        result.findings.push(findingAtOffsets(site, 'document-too-complex', 'error', message, start, start + 1));
      }
      continue;
    }
    const objects = objectsOf(converted.value, { extraWorkloads: options.extraWorkloads, freeze: options.freeze });
    // A problem of a one-object document belongs to that object (suppressions and reports name it).
    const owner = objects.length === 1 ? objects[0] : undefined;
    if (walker) {
      for (const problem of converted.problems) {
        result.findings.push(findingAtOffsets({ ...site, object: owner }, problem.ruleId, 'error', problem.message, problem.start, problem.end));
      }
    }
    result.documents.push({ document, helmTemplate, objects });
    for (const object of objects) {
      result.objectCount++;
      const objectSite = { ...site, object };
      const record = indexing ? index.add(indexRecord(object, anchorOf(objectSite, object), settings.namespace, options.contextOnly ?? false)) : undefined;
      if (walker && record && index.sharesValue(record) && record.value === object.value) detached.add(object.value);
      if (hasUnreachedContainers(object)) result.unreachedKinds.add(`${object.kind} (${object.apiVersion})`);
      walker?.visit(object, { ...objectSite, record });
    }
  }
  // What waiting checks and watches hold (objects, locations, data) must not keep this file's text alive through slices of it.
  if (walker && (result.pending.length > 0 || result.watched!.length > 0)) {
    for (const held of walker.file.held) {
      if (isLocation(held) && !Object.isFrozen(held)) (held as { path: Path }).path = index.strings.path(held.path);
      index.strings.detachInPlace(held, detached);
    }
  }
  // The checks keep what they use; the lists would keep every location the rules took.
  walker?.close();
  return result;
}

/** Where an object is, for related locations: its name when written, else its `kind:` line. */
function anchorOf(site: FindingSite & { document: ParsedDocument }, object: K8sObject): Location {
  return object.name !== undefined ? locationAt(site, [...object.path, 'metadata', 'name']) : locationAt(site, object.path);
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

type Site = FindingSite & { document: ParsedDocument; object: K8sObject; record?: IndexedObject; anchor?: Location };

/** What a rule's context reaches of its file during the walk; let go once the walk is done. */
interface FileHooks {
  pending: PendingCheck[];
  watched: WatchedObject[];
  /** Objects and locations that this file's cross-object checks may hold until the index is complete. */
  held: object[];
}

/**
 * The context a rule instance is created with. Its methods live on the prototype and its fields are what
 * reports need (the rule, its setting, where reports go): a cross-object check closes over the context,
 * so it keeps this much of its rule instance, not the file's visitors or lists.
 */
class InstanceContext implements RuleContext<string, unknown> {
  readonly options: unknown;
  /** Where reports go: set while a visitor or a pending check runs, undefined otherwise. */
  private sink: Finding[] | undefined;
  private site: Site | undefined;
  private container: ContainerView | undefined;

  constructor(
    private readonly rule: Rule,
    private readonly setting: RuleSetting,
    readonly settings: RunSettings,
    private readonly tallies: Tallies,
    private file: FileHooks | undefined,
  ) {
    this.options = setting.options;
  }

  report(report: Report<string>): void {
    const id = this.rule.meta.id;
    if (!this.sink) throw new Error(`rule "${id}" reported outside a visitor`);
    checkedMessage(this.rule, report.messageId);
    let location: Location;
    if (isLocation(report.at)) location = report.at;
    else if (this.site) location = locationAt(this.site, report.at as Path, report.missing ?? false, report.line);
    else throw new Error(`rule "${id}" reported a path after the walk: take a Location with context.locate() during the walk`);
    this.sink.push(findingOfReport(this.rule, this.setting, location, report, this.container?.name));
  }

  tally(topic: string, item: string): void {
    countTally(this.tallies, this.rule, topic, item);
  }

  locate(path: Path, options?: { missing?: boolean }): Location {
    if (!this.site) throw new Error(`rule "${this.rule.meta.id}" called locate() outside a visitor`);
    const location = locationAt(this.site, path, options?.missing ?? false);
    if (this.rule.meta.crossObject) this.file?.held.push(location);
    return location;
  }

  hold<T extends object>(values: T): T {
    if (this.rule.meta.crossObject) this.file?.held.push(values);
    return values;
  }

  watch(data?: unknown): void {
    const { rule } = this;
    if (!rule.meta.crossObject || !rule.checkIndex) throw new Error(`rule "${rule.meta.id}" called watch() without meta.crossObject and checkIndex`);
    if (!this.site?.record || !this.file) throw new Error(`rule "${rule.meta.id}" called watch() outside a visitor`);
    if (data !== undefined) {
      // An object, detached in place when the walk is done: a string kept bare would be a slice of the text.
      if (typeof data !== 'object' || data === null) throw new Error(`rule "${rule.meta.id}" watched with data that is not an object`);
      this.file.held.push(data);
    }
    this.file.watched.push(new WatchedObject(rule, this.setting, this.site.record, data));
  }

  afterIndex(check: (index: ObjectIndex) => void): void {
    const { rule } = this;
    if (!rule.meta.crossObject) throw new Error(`rule "${rule.meta.id}" called afterIndex() without meta.crossObject`);
    if (!this.site || !this.file) throw new Error(`rule "${rule.meta.id}" called afterIndex() outside a visitor`);
    const container = this.container;
    // Where a failing check is reported: the object it was registered for, named (by the location's object
    // reference), not kept whole (the check keeps it only if it reads it). One per object, shared by its checks.
    if (!this.site.anchor) {
      this.site.anchor = locationAt(this.site, this.site.object.path, true);
      this.file.held.push(this.site.object, this.site.anchor);
    }
    const anchor = this.site.anchor;
    this.file.pending.push({ ruleId: rule.meta.id, run: (index, findings) => this.runPending(() => check(index), findings, anchor, container) });
  }

  /** Reports go to `sink`, about `site`, until `leave`. */
  enter(site: Site, sink: Finding[]): void {
    this.site = site;
    this.sink = sink;
  }

  /** The container a `container` visitor is visiting (a report names it), or undefined. */
  visiting(container: ContainerView | undefined): void {
    this.container = container;
  }

  leave(): void {
    this.site = undefined;
    this.sink = undefined;
    this.container = undefined;
  }

  /** The walk is over: the file's lists go, and with them everything no check kept. */
  closeWalk(): void {
    this.file = undefined;
  }

  private runPending(call: () => void, findings: Finding[], anchor: Location, container: ContainerView | undefined): number {
    this.sink = findings;
    this.container = container;
    try {
      call();
      return 0;
    } catch (error) {
      const failure = internalErrorOf(this.rule, anchor.object!, error);
      const finding = findingFrom(anchor, failure.ruleId, failure.level, failure.message);
      delete finding.missing;
      findings.push(finding);
      return 1;
    } finally {
      this.sink = undefined;
      this.container = undefined;
    }
  }
}

/** One rule in one file: its visitors, made with a context of its own. */
class RuleInstance {
  readonly context: InstanceContext;
  readonly visitors: RuleVisitors;

  constructor(readonly rule: Rule, setting: RuleSetting, settings: RunSettings, tallies: Tallies, file: FileHooks) {
    this.context = new InstanceContext(rule, setting, settings, tallies, file);
    this.visitors = rule.create(this.context);
  }
}

/** Who an internal error names: a K8sObject, or the object reference of its location (which always has a kind). */
type ObjectName = Pick<ObjectRef, 'kind' | 'namespace' | 'name'>;

function internalErrorOf(rule: Rule, object: ObjectName, error: unknown): Pick<Finding, 'ruleId' | 'level' | 'message'> {
  const name = `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name ?? '(unnamed)'}`;
  const reason = error instanceof Error ? error.message : String(error);
  return { ruleId: 'internal-error', level: 'error', message: `Rule "${rule.meta.id}" failed on ${name}: ${reason}` };
}

/**
 * A rule's instances in one file: one, or one per option set its objects need when options depend on the
 * object. Cross-object checks an instance registers run with its options. Made on first use: most rules look
 * at a few kinds, and most files hold none of them.
 */
class RuleSlot {
  private base: RuleInstance | undefined;
  private variants: Map<string, RuleInstance> | undefined;
  /** Whether the rule's `object` visitor sees an object, by kind id; undefined when it sees every object. */
  private readonly kindsSeen: KindTable | undefined;

  constructor(readonly enabled: EnabledRule, private readonly make: (rule: Rule, setting: RuleSetting) => RuleInstance) {
    this.kindsSeen = kindsSeenBy(enabled.rule);
  }

  /** Does the rule's `object` visitor see this object (of this kind id)? */
  seesKind(object: K8sObject, kind: number): boolean {
    const table = this.kindsSeen;
    if (!table) return true;
    if (table.generation !== kindGeneration) {
      table.seen = [];
      table.generation = kindGeneration;
    }
    return (table.seen[kind] ??= matchesKinds(this.enabled.rule.meta.kinds, object));
  }

  instanceFor(object: K8sObject): RuleInstance {
    const chosen = this.enabled.forObject?.(object);
    if (!chosen || chosen.key === '') return (this.base ??= this.make(this.enabled.rule, this.enabled.setting));
    this.variants ??= new Map();
    let instance = this.variants.get(chosen.key);
    if (!instance) {
      instance = this.make(this.enabled.rule, { ...this.enabled.setting, options: chosen.options });
      this.variants.set(chosen.key, instance);
    }
    return instance;
  }

  /** The walk is over: the contexts that checks keep let go of the file's lists. */
  closeWalk(): void {
    this.base?.context.closeWalk();
    if (this.variants) for (const instance of this.variants.values()) instance.context.closeWalk();
  }
}

/** Instantiates each rule once per file (per option set) and calls its visitors for the objects, pod specs and containers it asked for. */
class RuleWalker {
  private readonly slots: RuleSlot[];
  readonly file: FileHooks;

  constructor(
    rules: readonly EnabledRule[],
    private readonly result: LintedFile,
    settings: RunSettings,
    private readonly times: Map<string, number> | undefined,
    tallies: Tallies,
  ) {
    this.file = { pending: result.pending, watched: result.watched!, held: [] };
    const make = (rule: Rule, setting: RuleSetting): RuleInstance => new RuleInstance(rule, setting, settings, tallies, this.file);
    this.slots = rules.map((enabled) => new RuleSlot(enabled, make));
  }

  /** After the last object: contexts that checks keep no longer reach the file's lists. */
  close(): void {
    for (const slot of this.slots) slot.closeWalk();
  }

  visit(object: K8sObject, site: Site): void {
    const { pods } = object;
    const sink = this.result.findings;
    const kind = kindId(object);
    for (const slot of this.slots) {
      // A rule with no visitor for this object needs no instance: its object visitor sees only its kinds, and
      // the others see pod specs.
      if (pods.length === 0 && !slot.seesKind(object, kind)) continue;
      const instance = slot.instanceFor(object);
      const { visitors, rule, context } = instance;
      const seesObject = visitors.object !== undefined && slot.seesKind(object, kind);
      if (!seesObject && (pods.length === 0 || (!visitors.podSpec && !visitors.container))) continue;
      const started = this.times ? performance.now() : 0;
      context.enter(site, sink);
      try {
        if (seesObject) visitors.object!(object);
        for (const pod of pods) {
          if (visitors.podSpec) visitors.podSpec(pod, object);
          if (!visitors.container) continue;
          for (const container of pod.containers) {
            context.visiting(container);
            visitors.container(container, pod, object);
          }
          context.visiting(undefined);
        }
      } catch (error) {
        this.result.internalErrors++;
        const failure = internalErrorOf(rule, object, error);
        this.result.findings.push(findingAt(site, failure.ruleId, failure.level, failure.message, object.path));
      } finally {
        context.leave();
      }
      if (this.times) this.times.set(rule.meta.id, (this.times.get(rule.meta.id) ?? 0) + performance.now() - started);
    }
  }
}

/**
 * What decides which objects a rule's `object` visitor sees (group, kind, holding pods), as a small number
 * given on first sight: one lookup per object, then an array index per rule. Past a few thousand kinds (made-up
 * input) the numbers start again, in a new generation, so the tables stay small.
 */
const MAX_KIND_IDS = 4096;
const kindIds = new Map<string, number>();
let kindGeneration = 0;

function kindId(object: K8sObject): number {
  // The group's length keeps the key unambiguous whatever the group and kind hold.
  const key = `${object.pods.length > 0 ? 1 : 0}${object.group.length}:${object.group}/${object.kind}`;
  let id = kindIds.get(key);
  if (id === undefined) {
    if (kindIds.size >= MAX_KIND_IDS) {
      kindIds.clear();
      kindGeneration++;
    }
    id = kindIds.size;
    // A copy: the key is made of slices of the file's text, which it must not keep alive.
    kindIds.set(` ${key}`.slice(1), id);
  }
  return id;
}

/** Per rule, whether its `object` visitor sees the objects of each kind id, kept for the run: kinds repeat. */
interface KindTable {
  generation: number;
  seen: boolean[];
}

const kindTables = new WeakMap<Rule, KindTable>();

function kindsSeenBy(rule: Rule): KindTable | undefined {
  if (!rule.meta.kinds) return undefined;
  let table = kindTables.get(rule);
  if (!table) kindTables.set(rule, (table = { generation: kindGeneration, seen: [] }));
  return table;
}
