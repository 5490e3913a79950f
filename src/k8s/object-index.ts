/**
 * The run's index of every object it saw, inputs and context files alike, for rules that relate several
 * objects. Records are compact: identity, labels, the plain value (without Secret and ConfigMap data
 * values, CRDs' schemas without their prose), the pod templates' labels and specs, and the object's own
 * location for related locations.
 */
import type { Location, Path } from '../types.js';
import { compactCrd } from './crd-schema.js';
import { StringTable } from './detach.js';
import { isObject, isString } from './json.js';
import { isNamespaced } from './kinds.js';
import { append as push, computedOnce, MostlySingleTable } from './multimap.js';
import type { JsonObject, K8sObject } from './model.js';
import type { Labels } from './selectors.js';
import { RecordShelf, StoredRecord, type ValueStore } from './stored-record.js';

export interface IndexedPod {
  readonly labels: Labels;
  readonly spec: JsonObject;
  /** Path of the pod spec in its document. */
  readonly path: Path;
}

export interface IndexedObject {
  readonly apiVersion: string;
  readonly group: string;
  readonly kind: string;
  readonly name?: string;
  /** The namespace the object lands in (the run's namespace when it names none); absent for cluster-scoped kinds. */
  readonly namespace?: string;
  readonly labels: Labels;
  readonly annotations: Labels;
  readonly value: JsonObject;
  readonly pods: readonly IndexedPod[];
  /** Where the object is (its `metadata.name`, else its first line), for related locations. */
  readonly at: Location;
  /** Indexed from a context file: other objects may refer to it, but nothing is reported on it. */
  readonly fromContext: boolean;
}

/** Kinds whose data values never enter the index: the values may be credentials, and rules need only keys. */
const DATA_KINDS = new Set(['/Secret', '/ConfigMap']);

/** CRDs are kept with only what validating their custom resources reads of each schema. */
const CRD_KIND = 'apiextensions.k8s.io/CustomResourceDefinition';

export function indexRecord(object: K8sObject, at: Location, namespace: string, fromContext: boolean): IndexedObject {
  const key = `${object.group}/${object.kind}`;
  const value = DATA_KINDS.has(key) ? withoutDataValues(object.value) : key === CRD_KIND ? compactCrd(object.value) : object.value;
  const record: IndexedObject = {
    apiVersion: object.apiVersion,
    group: object.group,
    kind: object.kind,
    labels: object.labels,
    annotations: object.annotations,
    value,
    pods: object.pods.map((pod) => ({ labels: pod.labels, spec: pod.spec, path: pod.path })),
    at,
    fromContext,
  };
  if (object.name !== undefined) (record as { name?: string }).name = object.name;
  if (isNamespaced(object.group, object.kind)) (record as { namespace?: string }).namespace = object.namespace ?? namespace;
  return record;
}

/** The group and kind a CRD defines (`group/Kind`), and whether it declares them cluster-scoped. */
function definitionOf(crd: JsonObject): { group: string; kind: string; clusterScoped: boolean } | undefined {
  const spec = crd.spec;
  if (!isObject(spec) || !isString(spec.group) || !isObject(spec.names) || !isString(spec.names.kind)) return undefined;
  return { group: spec.group, kind: spec.names.kind, clusterScoped: spec.scope === 'Cluster' };
}

function withoutDataValues(value: JsonObject): JsonObject {
  const copy: JsonObject = { ...value };
  for (const field of ['data', 'stringData', 'binaryData']) {
    const data = value[field];
    if (isObject(data)) copy[field] = Object.fromEntries(Object.keys(data).map((key) => [key, '']));
  }
  return copy;
}

export class ObjectIndex {
  private readonly records: IndexedObject[] = [];
  private readonly byKind = new Map<string, IndexedObject[]>();
  /**
   * Records by name (unnamed ones under ""), each list in run order. Keyed by the record's own string rather than
   * by its whole identity: a key made of group, kind, namespace and name was a string of its own per record.
   */
  private readonly byName = new MostlySingleTable<string, IndexedObject>();
  /**
   * What the run's CRDs define, noted as each is added (its value is at hand then): the first CRD of each group
   * and kind, and the kinds some CRD declares cluster-scoped. A large run keeps values on disk, and reading every
   * CRD back to learn this (once to seal, once for the first custom resource validated) made about 80 MB of
   * garbage at once at 100,000 documents, where the run peaked.
   */
  private readonly crdsByDefinition = new Map<string, IndexedObject>();
  private readonly declaredClusterScoped = new Map<string, { group: string; kind: string }>();
  /** Built on first use after the last add: checks run against a complete index, so lookups stay linear. */
  private namespaceBuckets: Map<string | undefined, IndexedObject[]> | undefined;
  private byPlace: Map<string, IndexedObject> | undefined;
  private readonly memos = new Map<string, unknown>();
  /** What only the rule whose checks run now asks for: let go as its checks end (`endRuleMemos`). */
  private readonly ruleMemos = new Map<string, unknown>();

  /** The run's shared strings: records, and findings once their file closes, hold no slice of a file's text. */
  readonly strings = new StringTable();
  /** What the records whose values are in the store share. */
  private readonly shelf: RecordShelf | undefined;

  constructor(
    /** The input holds every object of the cluster (`--complete`). */
    readonly complete = false,
    /** Where values go past the store's count; without one, every value stays in memory. */
    values?: ValueStore,
    /**
     * Let go of the tables checks share as each rule's checks end (`endRuleMemos`), as of what one rule alone
     * asks: a large run's tables grow with its objects and piled up through the stage, while the next rule that
     * asks builds its own again in a pass over the index.
     */
    private readonly tablesPerRule = false,
  ) {
    this.shelf = values && new RecordShelf(values, this.strings);
  }

  /** Adds an object's record; returns the record the index keeps. */
  add(parsed: IndexedObject): IndexedObject {
    const defines = parsed.kind === 'CustomResourceDefinition' && parsed.group === 'apiextensions.k8s.io' ? definitionOf(parsed.value) : undefined;
    const record = this.addRecord(parsed);
    if (defines) {
      const key = `${defines.group}/${defines.kind}`;
      if (!this.crdsByDefinition.has(key)) this.crdsByDefinition.set(key, record);
      if (defines.clusterScoped) this.declaredClusterScoped.set(key, defines);
    }
    return record;
  }

  /** The first CRD of the run (in run order) that defines this group and kind. */
  crdDefining(group: string, kind: string): IndexedObject | undefined {
    return this.crdsByDefinition.get(`${group}/${kind}`);
  }

  private addRecord(parsed: IndexedObject): IndexedObject {
    // Past the store's count the value goes to the store, and the record keeps a copy of the rest with the table's strings.
    if (this.shelf && this.records.length >= this.shelf.store.after) return this.keep(this.shelf.add(parsed));
    // The parser's strings are slices of the file's text: the index keeps table strings. In place, so the record
    // and the object a waiting check holds share one tree (pod specs stay parts of it); the rule tester's frozen
    // objects cannot change, and the index keeps a copy of them.
    const record = this.strings.detachInPlace(parsed) ? parsed : this.strings.copy(parsed);
    // Names sit at one of a few paths (`metadata.name`, `items.3.metadata.name`): one array for each.
    if (!Object.isFrozen(record.at)) (record.at as { path: Path }).path = this.strings.path(record.at.path);
    return this.keep(record);
  }

  /**
   * A record's place in the run's order, for tables that keep places rather than records (`WatchTable`): only
   * records kept with their values in the store have one, and they come after every other.
   */
  placeOf(record: IndexedObject): number | undefined {
    const row = this.shelf && record instanceof StoredRecord ? record.rowOn(this.shelf) : undefined;
    return row === undefined ? undefined : this.shelf!.store.after + row;
  }

  /** The record at a place `placeOf` gave. */
  atPlace(place: number): IndexedObject {
    return this.records[place]!;
  }

  /** Whether a record shares the tree of the object it was made from (its value is not kept apart). */
  sharesValue(record: IndexedObject): boolean {
    return !(record instanceof StoredRecord);
  }

  private keep(record: IndexedObject): IndexedObject {
    this.namespaceBuckets = undefined;
    this.byPlace = undefined;
    this.memos.clear();
    this.ruleMemos.clear();
    this.records.push(record);
    push(this.byKind, record.kind, record);
    this.byName.add(record.name ?? '', record);
    return record;
  }

  /** After the last file: custom kinds that CRDs of the run declare cluster-scoped lose their default namespace. */
  seal(): void {
    this.namespaceBuckets = undefined;
    this.memos.clear();
    this.ruleMemos.clear();
    // Only the records of those kinds: asking every record made a key string each, a burst of garbage as the checks
    // across files start, which a heap being marked keeps until its next collection.
    for (const { group, kind } of this.declaredClusterScoped.values()) {
      for (const record of this.byKind.get(kind) ?? []) {
        if (record.group === group && record.namespace !== undefined) delete (record as { namespace?: string }).namespace;
      }
    }
  }

  /** Every indexed object, in the order the run read them. */
  get all(): readonly IndexedObject[] {
    return this.records;
  }

  /** Objects of a kind, optionally of one API group ('' for the core group). */
  ofKind(kind: string, group?: string): readonly IndexedObject[] {
    const ofKind = this.byKind.get(kind) ?? [];
    if (group === undefined) return ofKind;
    // Filtered from the kind's list per kind and group asked: a table of every record by group and kind made a key
    // string per record, built again by each rule that asked in a large run (about 150 bytes a record each time).
    return this.memo(`of-group-kind:${group}\u0000${kind}`, () => ofKind.filter((record) => record.group === group));
  }

  /** Objects of a kind in a namespace (`undefined`: cluster-scoped), optionally of one API group, in run order. */
  ofKindIn(kind: string, namespace: string | undefined, group?: string): readonly IndexedObject[] {
    // A table per kind asked about, not one of every object: checks ask about a few kinds.
    const byNamespace = this.memo(`by-namespace:${group === undefined ? '*' : `=${group}`}\u0000${kind}`, () => {
      const table = new Map<string, IndexedObject[]>();
      for (const record of this.ofKind(kind, group)) push(table, scopeKey(record.namespace), record);
      return table;
    });
    return byNamespace.get(scopeKey(namespace)) ?? [];
  }

  /** Every object of that identity (more than one is a duplicate). */
  find(group: string, kind: string, namespace: string | undefined, name: string): readonly IndexedObject[] {
    return this.byName.get(name).filter((record) => sameIdentity(record, group, kind, namespace));
  }

  /** The records of every identity held by more than one object (sealed: namespaces final), each in the order of the run. */
  *duplicates(): Iterable<readonly IndexedObject[]> {
    for (const named of this.byName.several()) {
      // Most names held more than once are one object copied (overlays, copies of a folder): no key per record then.
      const [first] = named;
      if (named.every((record) => sameIdentity(record, first!.group, first!.kind, first!.namespace))) {
        yield named;
        continue;
      }
      const copies = new Map<string, IndexedObject[]>();
      for (const record of named) push(copies, identity(record.group, record.kind, record.namespace, record.name ?? ''), record);
      for (const list of copies.values()) if (list.length > 1) yield list;
    }
  }

  /**
   * The first object of a kind with that name in the namespace, any group when none is given. Looked up among
   * the objects of that name (in run order) rather than in a table of its own: two keys per record for such a
   * table cost about 200 bytes a record when names are distinct, as in a large repository they are.
   */
  get(kind: string, namespace: string | undefined, name: string, group?: string): IndexedObject | undefined {
    return this.byName.get(name).find((record) => record.name === name && record.kind === kind && record.namespace === namespace && (group === undefined || record.group === group));
  }

  /** The objects of a namespace; `undefined` gives the cluster-scoped ones. */
  inNamespace(namespace: string | undefined): readonly IndexedObject[] {
    if (!this.namespaceBuckets) {
      this.namespaceBuckets = new Map();
      for (const record of this.records) push(this.namespaceBuckets, record.namespace, record);
    }
    return this.namespaceBuckets.get(namespace) ?? [];
  }

  /** The record of the object at a location (the `at` of a record: its name, else its first line). */
  recordAt(at: Pick<Location, 'file' | 'region' | 'documentIndex'>): IndexedObject | undefined {
    if (!this.byPlace) {
      this.byPlace = new Map();
      for (const record of this.records) this.byPlace.set(placeKey(record.at), record);
    }
    return this.byPlace.get(placeKey(at));
  }

  /**
   * A table derived from the whole index, computed once per run: rules that would otherwise scan every
   * object for every object (the bindings of each service account, say) keep the run linear.
   */
  memo<T>(key: string, compute: () => T): T {
    return computedOnce(this.memos, key, compute) as T;
  }

  /**
   * `memo` for what one rule alone asks (a table of its own, an answer per selector): kept while that rule's
   * checks run, let go when they end. Kept to the end of the stage, every rule's would pile up: at a million
   * documents they grow with the objects.
   */
  ruleMemo<T>(key: string, compute: () => T): T {
    return computedOnce(this.ruleMemos, key, compute) as T;
  }

  /** Called as a rule's checks across files end: what its `ruleMemo` kept is garbage, and with `tablesPerRule` every table. */
  endRuleMemos(): void {
    this.ruleMemos.clear();
    if (!this.tablesPerRule) return;
    this.memos.clear();
    this.namespaceBuckets = undefined;
    this.byPlace = undefined;
  }

  /** Namespaces the run declares (Namespace objects) or puts objects in. */
  namespaces(): Set<string> {
    const names = new Set<string>();
    for (const record of this.records) {
      if (record.namespace !== undefined) names.add(record.namespace);
      if (record.kind === 'Namespace' && record.group === '' && record.name) names.add(record.name);
    }
    return names;
  }
}

/** A namespace as a table key: cluster-scoped (`undefined`) and the empty namespace stay apart. */
export function scopeKey(namespace: string | undefined): string {
  return namespace === undefined ? '' : `=${namespace}`;
}

function placeKey(at: Pick<Location, 'file' | 'region' | 'documentIndex'>): string {
  return `${at.file}\u0000${at.documentIndex ?? ''}\u0000${at.region.startLine}\u0000${at.region.startColumn}`;
}

/** Whether a record has that identity, as `find` tells them (no namespace and the namespace "" alike). */
function sameIdentity(record: IndexedObject, group: string, kind: string, namespace: string | undefined): boolean {
  return record.kind === kind && record.group === group && (record.namespace ?? '') === (namespace ?? '');
}

function identity(group: string, kind: string, namespace: string | undefined, name: string): string {
  return `${group}\u0000${kind}\u0000${namespace ?? ''}\u0000${name}`;
}
