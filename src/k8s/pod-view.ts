/** Builds the pod-spec views of a workload once: every container with its path and effective security context. */
import type { Path } from '../types.js';
import { isBoolean, isNumber, isObject, isString, isStringList, isStringMap, listAt, objectItems, stringEntries, valueAt } from './json.js';
import type { ContainerView, EffectiveSecurityContext, JsonObject, JsonValue, Located, PodSecurityView, PodSpecView, VolumeView } from './model.js';
import { POD_CONTAINER_LISTS, type ContainerList, type PathPattern } from './workloads.js';


export const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** Every concrete path a pattern reaches in `root`, `*` standing for each list item or mapping value. */
export function expandPattern(root: JsonValue, pattern: PathPattern): { path: (string | number)[]; bindings: (string | number)[] }[] {
  let frontier: { value: JsonValue; path: (string | number)[]; bindings: (string | number)[] }[] = [{ value: root, path: [], bindings: [] }];
  for (const segment of pattern) {
    const next: typeof frontier = [];
    for (const { value, path, bindings } of frontier) {
      if (segment === '*') {
        if (Array.isArray(value)) value.forEach((item, index) => next.push({ value: item, path: [...path, index], bindings: [...bindings, index] }));
        else if (isObject(value)) for (const [key, item] of Object.entries(value)) next.push({ value: item, path: [...path, key], bindings: [...bindings, key] });
      } else {
        const item = valueAt(value, [segment]);
        if (item !== undefined) next.push({ value: item, path: [...path, segment], bindings });
      }
    }
    frontier = next;
  }
  return frontier.map(({ path, bindings }) => ({ path, bindings }));
}

/** A pattern with its `*` steps replaced, in order, by the keys a sibling pattern matched. */
export function bindPattern(pattern: PathPattern, bindings: readonly (string | number)[]): Path {
  let next = 0;
  return pattern.map((segment) => (segment === '*' ? (bindings[next++] ?? segment) : segment));
}

/** `objectPath` is where the object sits in its document ([] or ['items', i]); `specPath` is relative to the object. */
export function buildPodView(
  object: JsonObject,
  objectPath: Path,
  specPath: Path,
  metadataPath: Path,
  lists: readonly ContainerList[] = POD_CONTAINER_LISTS,
): PodSpecView | undefined {
  const spec = valueAt(object, specPath);
  if (!isObject(spec)) return undefined;
  const path = [...objectPath, ...specPath];
  const metadata = valueAt(object, metadataPath);
  const annotations = stringEntries(isObject(metadata) ? metadata.annotations : undefined);
  const podSecurity = isObject(spec.securityContext) ? spec.securityContext : undefined;
  const podSecurityPath = [...path, 'securityContext'];
  const fullMetadataPath = [...objectPath, ...metadataPath];

  const containers: ContainerView[] = [];
  for (const list of lists) {
    const items: { value: JsonObject; path: Path; index: number }[] = list.single
      ? isObject(spec[list.key])
        ? [{ value: spec[list.key] as JsonObject, path: [...path, list.key], index: 0 }]
        : []
      : [...objectItems(spec, [list.key])].map((item) => ({ ...item, path: [...path, ...item.path] }));
    for (const item of items) {
      const name = isString(item.value.name) ? item.value.name : list.single ? list.key : `#${item.index}`;
      const annotationKey = `${APPARMOR_ANNOTATION_PREFIX}${name}`;
      const appArmorAnnotation = annotations[annotationKey] !== undefined
        ? { value: annotations[annotationKey]!, path: [...fullMetadataPath, 'annotations', annotationKey], from: 'pod' as const }
        : undefined;
      const view: ContainerView = {
        role: list.role,
        name,
        value: item.value,
        path: item.path,
        securityContext: effectiveSecurityContext(item.value, item.path, podSecurity, podSecurityPath, appArmorAnnotation),
      };
      if (isString(item.value.image)) (view as { image?: string }).image = item.value.image;
      containers.push(view);
    }
  }

  const volumes: VolumeView[] = [...objectItems(spec, ['volumes'])].map((volume) => ({
    name: isString(volume.value.name) ? volume.value.name : `#${volume.index}`,
    value: volume.value,
    path: [...path, ...volume.path],
  }));

  return {
    spec,
    path,
    metadata: isObject(metadata) ? metadata : undefined,
    metadataPath: fullMetadataPath,
    labels: stringEntries(isObject(metadata) ? metadata.labels : undefined),
    annotations,
    containers,
    volumes,
    isWindows: runsWindows(spec),
    userNamespace: spec.hostUsers === false,
    podSecurity: podSecurityView(spec, path, podSecurity, podSecurityPath),
  };
}

const OS_LABEL = 'kubernetes.io/os';

/** `spec.os.name`, else a nodeSelector or a required node affinity whose every term pins the OS to windows. */
function runsWindows(spec: JsonObject): boolean {
  const os = valueAt(spec, ['os', 'name']);
  if (isString(os)) return os === 'windows';
  if (valueAt(spec, ['nodeSelector', OS_LABEL]) === 'windows') return true;
  const terms = listAt(spec, ['affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms']);
  return terms.length > 0 && terms.every((term) => listAt(term, ['matchExpressions']).some(pinsWindows));
}

function pinsWindows(expression: JsonValue): boolean {
  if (!isObject(expression) || expression.key !== OS_LABEL || expression.operator !== 'In') return false;
  const values = expression.values;
  return isStringList(values) && values.length > 0 && values.every((value) => value === 'windows');
}

type Guard<T> = (value: unknown) => value is T;
const isNumberList: Guard<readonly number[]> = (value): value is readonly number[] => Array.isArray(value) && value.every(isNumber);
const isList: Guard<readonly JsonValue[]> = (value): value is readonly JsonValue[] => Array.isArray(value);

function setting<T>(context: JsonObject | undefined, contextPath: Path, path: Path, guard: Guard<T>, from: 'pod' | 'container'): Located<T> | undefined {
  const value = context ? valueAt(context, path) : undefined;
  return guard(value) ? { value, path: [...contextPath, ...path], from } : undefined;
}

function podSecurityView(spec: JsonObject, specPath: Path, pod: JsonObject | undefined, podPath: Path): PodSecurityView {
  const view: { -readonly [K in keyof PodSecurityView]: PodSecurityView[K] } = {};
  const fsGroup = setting(pod, podPath, ['fsGroup'], isNumber, 'pod');
  const supplementalGroups = setting(pod, podPath, ['supplementalGroups'], isNumberList, 'pod');
  const sysctls = setting(pod, podPath, ['sysctls'], isList, 'pod');
  if (fsGroup) view.fsGroup = fsGroup;
  if (supplementalGroups) view.supplementalGroups = supplementalGroups;
  if (sysctls) view.sysctls = sysctls;
  if (isBoolean(spec.hostUsers)) view.hostUsers = { value: spec.hostUsers, path: [...specPath, 'hostUsers'], from: 'pod' };
  return view;
}

/** The container's own value wins; the pod-level value is inherited where the container is silent. */
function effectiveSecurityContext(
  container: JsonObject,
  containerPath: Path,
  pod: JsonObject | undefined,
  podPath: Path,
  appArmorAnnotation: Located<string> | undefined,
): EffectiveSecurityContext {
  const own = isObject(container.securityContext) ? container.securityContext : undefined;
  const ownPath = [...containerPath, 'securityContext'];
  const both = <T>(path: Path, guard: Guard<T>): Located<T> | undefined =>
    setting(own, ownPath, path, guard, 'container') ?? setting(pod, podPath, path, guard, 'pod');
  const mine = <T>(path: Path, guard: Guard<T>): Located<T> | undefined => setting(own, ownPath, path, guard, 'container');
  const context: { -readonly [K in keyof EffectiveSecurityContext]: EffectiveSecurityContext[K] } = {
    runAsNonRoot: both(['runAsNonRoot'], isBoolean),
    runAsUser: both(['runAsUser'], isNumber),
    runAsGroup: both(['runAsGroup'], isNumber),
    seccompProfileType: both(['seccompProfile', 'type'], isString),
    seccompLocalhostProfile: both(['seccompProfile', 'localhostProfile'], isString),
    appArmorProfileType: both(['appArmorProfile', 'type'], isString),
    appArmorLocalhostProfile: both(['appArmorProfile', 'localhostProfile'], isString),
    appArmorAnnotation,
    seLinuxOptions: both(['seLinuxOptions'], isStringMap),
    windowsHostProcess: both(['windowsOptions', 'hostProcess'], isBoolean),
    windowsOptions: both(['windowsOptions'], isObject),
    privileged: mine(['privileged'], isBoolean),
    allowPrivilegeEscalation: mine(['allowPrivilegeEscalation'], isBoolean),
    readOnlyRootFilesystem: mine(['readOnlyRootFilesystem'], isBoolean),
    procMount: mine(['procMount'], isString),
    capabilitiesAdd: mine(['capabilities', 'add'], isStringList),
    capabilitiesDrop: mine(['capabilities', 'drop'], isStringList),
  };
  for (const key of Object.keys(context) as (keyof EffectiveSecurityContext)[]) if (context[key] === undefined) delete context[key];
  return context;
}
