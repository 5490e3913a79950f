import { defineRule, type Watched } from '../engine/define-rule.js';
import type { Location } from '../findings/location.js';
import { apiDeprecation } from '../k8s/deprecations.js';
import type { JsonValue, K8sObject } from '../k8s/model.js';
import { crdSchemaFor, findCrd } from '../schema/custom-resources.js';
import { apiVersionsServing, builtInGroups, kubernetesSchema } from '../schema/kubernetes.js';
import { metadataProblems, type MetadataProblem } from '../schema/metadata.js';
import type { SchemaNode } from '../k8s/schema-node.js';
import { SchemaValidator, type SchemaProblem, type ValidatorOptions } from '../schema/validate.js';
import { CelEvaluator } from '../schema/cel.js';
import { loadSchemaDirs, type ExtraSchemas } from '../schema/schema-dirs.js';
import { packPaths, PathLocations, type PackedPaths } from '../schema/path-locations.js';
import type { Path } from '../types.js';

type MessageId =
  | 'unknownField'
  | 'wrongType'
  | 'missingField'
  | 'enum'
  | 'constraint'
  | 'invalidName'
  | 'invalidLabelKey'
  | 'invalidLabelValue'
  | 'invalidAnnotationKey'
  | 'unservedApiVersion'
  | 'unservedCrdVersion';

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
/** kubeconfig files carry `apiVersion: v1` and `kind: Config`; they are not API objects. */
const NOT_API_OBJECTS = new Set(['v1/Config']);

/**
 * Documents with apiVersion and kind that no API server serves: tools' own configuration (kustomize,
 * skaffold). A custom resource's group is a DNS subdomain with a dot; the built-in groups are known.
 */
function isToolConfiguration(group: string): boolean {
  return group === 'kustomize.config.k8s.io' || group === 'config.kubernetes.io' || (group !== '' && !group.includes('.'));
}

type Problem = SchemaProblem | MetadataProblem;

/** A problem → a report: the message and its data; `missing` for required fields that are not written. */
function reportOf(problem: Problem): { messageId: MessageId; data: Record<string, string | number>; missing?: boolean } {
  switch (problem.code) {
    case 'unknownField':
      return { messageId: 'unknownField', data: { field: problem.field, where: problem.where, hint: problem.suggestion ? ` (did you mean "${problem.suggestion}"?)` : '' } };
    case 'wrongType':
      return { messageId: 'wrongType', data: { field: problem.field, expected: problem.expected, actual: problem.actual } };
    case 'missingField':
      return { messageId: 'missingField', data: { field: problem.field, where: problem.where }, missing: !problem.written };
    case 'enum':
      return { messageId: 'enum', data: { field: problem.field, value: problem.value, allowed: problem.allowed } };
    case 'constraint':
      return { messageId: 'constraint', data: { field: problem.field, reason: problem.reason } };
    case 'invalidName':
      return { messageId: 'invalidName', data: { name: problem.name, reason: problem.reason } };
    case 'invalidLabelKey':
    case 'invalidAnnotationKey':
    case 'invalidLabelValue':
      return { messageId: problem.code, data: { key: problem.key, reason: problem.reason } };
  }
}

/** Problems of the object's own metadata and of every pod template's. */
function allMetadataProblems(object: K8sObject): MetadataProblem[] {
  const problems = metadataProblems(object.metadata, [...object.path, 'metadata'], object);
  for (const pod of object.pods) {
    if (pod.metadataPath.length > object.path.length + 1) problems.push(...metadataProblems(pod.metadata, pod.metadataPath));
  }
  return problems;
}

function validateAgainst(value: JsonValue, schema: SchemaNode, base: Path, where: string, cel?: CelEvaluator): SchemaProblem[] {
  const bundled = kubernetesSchema();
  const options: ValidatorOptions = { resolve: (ref) => bundled.definition(ref) };
  if (cel) options.cel = (rules, self, path) => cel.failures(rules, self, path);
  return new SchemaValidator(options).validate(value, schema, base, where);
}

/** A CRD schema does not have to declare apiVersion, kind and metadata: the API server always knows them. */
function customResourceRoot(schema: SchemaNode): SchemaNode {
  return {
    ...schema,
    type: 'object',
    properties: { ...schema.properties, apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { $ref: OBJECT_META } },
  };
}

interface Options {
  schemaDirs: string[];
}

/**
 * What a custom resource keeps until every CRD of the run is indexed. Its value is its index record's; the
 * locations of its paths and its metadata problems are taken while the file is at hand.
 */
interface Watch {
  apiVersionAt: Location;
  /** Where each path of the object was, and where the object is in its document (`root`: `items/n` in a List). */
  paths: PackedPaths;
  /** Reported only when a CRD gives the version a schema, after the schema's problems. */
  metadataProblems: MetadataProblem[];
}

export default defineRule<MessageId, Options, Watch>({
  meta: {
    id: 'schema-validation',
    category: 'schema',
    level: 'error',
    presets: ['recommended'],
    crossObject: true,
    summary:
      'Objects must match the API schema of their apiVersion and kind: the bundled Kubernetes 1.36 OpenAPI spec for built-in kinds, the CustomResourceDefinition for custom resources (unknown fields, wrong types, missing required fields, enum values, names, label and annotation syntax).',
    remediation: 'Fix the field as the message says: correct its name or type, add the required field, or use an apiVersion the cluster serves.',
    messages: {
      unknownField: 'Unknown field "{{field}}" in {{where}}{{hint}}.',
      wrongType: '{{field}} must be {{expected}}, not {{actual}}.',
      missingField: 'Required field "{{field}}" is missing in {{where}}.',
      enum: '{{field}} is "{{value}}"; allowed values: {{allowed}}.',
      constraint: '{{field}} {{reason}}.',
      invalidName: 'metadata.name "{{name}}" {{reason}}.',
      invalidLabelKey: 'Label key "{{key}}" {{reason}}.',
      invalidLabelValue: 'The value of label "{{key}}" {{reason}}.',
      invalidAnnotationKey: 'Annotation key "{{key}}" {{reason}}.',
      unservedApiVersion: '{{kind}} is not served by apiVersion "{{apiVersion}}" in Kubernetes {{kubeVersion}}{{served}}.',
      unservedCrdVersion: '{{kind}} is not served by apiVersion "{{apiVersion}}": CustomResourceDefinition {{crd}} serves {{served}}.',
    },
    tallies: {
      unvalidatedCustomResources:
        '{{count}} custom resource(s) were not validated, for want of a CustomResourceDefinition or schema in the input, the context or schemaDirs: {{items}}',
    },
    options: {
      type: 'object',
      properties: {
        schemaDirs: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description:
            'Folders (relative to the working directory) of CustomResourceDefinition manifests and JSON schemas (`<group>/<kind>_<version>.json`, the layout of the public CRD catalogs) for custom resources whose CRD is not among the linted files.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { schemaDirs: [] },
  },
  create(context) {
    function reportProblems(problems: readonly Problem[]): void {
      for (const problem of problems) {
        const { messageId, data, missing } = reportOf(problem);
        context.report({ messageId, data, at: problem.path, missing });
      }
    }

    /** A custom resource waits for every CRD of the run: checked in `checkIndex` against its index record's value. */
    function watchCustomResource(object: K8sObject): void {
      context.watch({
        apiVersionAt: context.locate([...object.path, 'apiVersion']),
        paths: packPaths(object.value, object.path, (path) => context.locate(path)),
        metadataProblems: allMetadataProblems(object),
      });
    }

    return {
      object(object) {
        if (NOT_API_OBJECTS.has(`${object.apiVersion}/${object.kind}`)) return;
        const schema = kubernetesSchema();
        const definition = schema.kinds[object.apiVersion]?.[object.kind];
        if (definition) {
          reportProblems(validateAgainst(object.value, { $ref: definition }, object.path, object.kind));
          reportProblems(allMetadataProblems(object));
          return;
        }
        // Removed API versions are deprecated-api-version's findings.
        if (apiDeprecation(object.apiVersion, object.kind)) return;
        if (builtInGroups(schema).has(object.group) || object.group === 'extensions') {
          const served = apiVersionsServing(schema, object.group, object.kind);
          context.report({
            messageId: 'unservedApiVersion',
            data: {
              kind: object.kind,
              apiVersion: object.apiVersion,
              kubeVersion: schema.kubernetesVersion,
              served: served.length > 0 ? ` (it is served by ${served.join(', ')})` : ` (no apiVersion of the group serves a kind "${object.kind}")`,
            },
            at: [...object.path, 'apiVersion'],
          });
          return;
        }
        if (!isToolConfiguration(object.group)) watchCustomResource(object);
      },
    };
  },
  checkIndex(index, context) {
    const cel = new CelEvaluator();
    // The folders' schemas by the list of folders: read once per list, not once per custom resource.
    const extraFor = new Map<string, ExtraSchemas>();

    /** After the walk: each problem at the nearest location taken while the file was at hand. */
    function reportAt(watch: Watched<Options, Watch>, paths: PackedPaths, value: JsonValue, problems: readonly Problem[]): void {
      const locations = new PathLocations(paths, value);
      for (const problem of problems) {
        const { messageId, data, missing } = reportOf(problem);
        const at = locations.nearest(problem.path, { missing });
        if (at) context.report({ messageId, data, at }, watch);
      }
    }

    for (const watch of context.watched) {
      const { record, options } = watch;
      // Read once: a large run keeps it on disk.
      const { apiVersionAt, metadataProblems, paths } = watch.data;
      const path = paths.root;
      const dirs = options.schemaDirs ?? [];
      let extra = extraFor.get(dirs.join('\u0000'));
      if (!extra) extraFor.set(dirs.join('\u0000'), (extra = loadSchemaDirs(dirs, process.cwd())));
      const crd = findCrd(index, record.group, record.kind, extra.crds);
      const version = record.apiVersion.slice(record.apiVersion.lastIndexOf('/') + 1);
      const jsonSchema = crd ? undefined : extra.jsonSchemas.get(`${record.group}/${record.kind.toLowerCase()}/${version}`);
      if (jsonSchema) {
        const { value } = record;
        reportAt(watch, paths, value, validateAgainst(value, customResourceRoot(jsonSchema), path, record.kind, cel));
        continue;
      }
      if (!crd) {
        context.tally('unvalidatedCustomResources', `${record.kind} (${record.apiVersion})`);
        continue;
      }
      const match = crdSchemaFor(crd, version, index);
      if (!match.versionServed) {
        const data = { kind: record.kind, apiVersion: record.apiVersion, crd: match.name, served: match.served.join(', ') || 'no version' };
        context.report({ messageId: 'unservedCrdVersion', data, at: apiVersionAt }, watch);
        continue;
      }
      if (!match.schema) continue;
      const { value } = record;
      reportAt(watch, paths, value, [...validateAgainst(value, customResourceRoot(match.schema), path, record.kind, cel), ...metadataProblems]);
    }
  },
});
