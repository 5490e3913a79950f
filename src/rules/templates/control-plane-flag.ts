/**
 * Template: a condition on a control-plane component's flag, checked wherever the component's
 * configuration is written (a container command line, kubeadm extraArgs, a KubeletConfiguration field).
 * A flag that is written is reported at its list element or field; one that is not (and whose default
 * is unsafe) at the `command`/`args` key, the `extraArgs` mapping, or the KubeletConfiguration field.
 */
import { defineRule, type Rule, type RuleMeta, type RunSettings } from '../../engine/define-rule.js';
import { pluginState } from '../../k8s/views/admission-plugins.js';
import { append } from '../../k8s/multimap.js';
import type { IndexedObject } from '../../k8s/object-index.js';
import { containerConfig, effective, lastSetting, listValue, objectConfigs, parseBool, type Component, type ComponentConfig } from '../../k8s/views/component-config.js';
import type { Path } from '../../types.js';

type Data = Record<string, string | number | boolean>;

export interface Issue<MessageId extends string> {
  messageId: MessageId;
  data?: Data;
  at: Path;
  missing?: boolean;
}

export interface ControlPlaneCheck<MessageId extends string, Options> {
  meta: RuleMeta<MessageId, Options>;
  component: Component;
  check(config: ComponentConfig, settings: RunSettings, options: Options): readonly Issue<MessageId>[];
  /** A file a flag names, checked when the input holds it (needs `meta.crossObject`). */
  linked?: LinkedFile<MessageId>;
}

/**
 * A configuration file named by a flag (`--encryption-provider-config=/etc/kubernetes/enc.yaml`): when the
 * run holds exactly one object of the kind in a file of that name, it is checked and a finding goes to the
 * flag, with the file as a related location.
 */
export interface LinkedFile<MessageId extends string> {
  flag: string;
  /** `group/Kind` entries the file may hold. */
  kinds: readonly string[];
  check(file: IndexedObject, config: ComponentConfig, settings: RunSettings): { messageId: MessageId; data?: Data; note: string } | undefined;
}

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/** How a flag is named in messages: the KubeletConfiguration field for that form, else `--flag`. */
export function flagName(config: ComponentConfig, flag: string): string {
  if (config.form !== 'kubelet-config') return `--${flag}`;
  const field = config.missingAt(flag);
  const index = field.findIndex((segment) => typeof segment === 'string' && /^[a-z]/.test(segment) && segment !== 'items');
  return field.slice(index).join('.') || `--${flag}`;
}

/** The base template: the rule looks at every container command line and every kubeadm and kubelet configuration. */
export function controlPlaneCheck<MessageId extends string, Options = Record<string, never>>(template: ControlPlaneCheck<MessageId, Options>): Rule<MessageId, Options> {
  return defineRule<MessageId, Options>({
    meta: { ...template.meta, kinds: ['node-config', 'cluster-config'] },
    create(context) {
      const report = (config: ComponentConfig, issues: readonly Issue<MessageId>[]) => {
        for (const issue of issues) {
          const data = { component: config.component, ...issue.data };
          context.report({ messageId: issue.messageId, data, at: issue.at, missing: issue.missing, ...(config.container ? { container: config.container } : {}) });
        }
      };
      const linkFile = (config: ComponentConfig, linked: LinkedFile<MessageId>) => {
        const setting = lastSetting(config, linked.flag);
        if (!setting?.value) return;
        const at = context.locate(setting.path);
        const name = baseName(setting.value);
        const kept = context.hold({ name });
        context.afterIndex((index) => {
          const { name } = kept;
          const files = linked.kinds.flatMap((entry) => {
            const [group = '', kind = ''] = entry.split('/');
            // Objects of the kind by the name of their file, once per run: every node's configuration asks.
            const byFile = index.memo(`files-by-name:${entry}`, () => {
              const table = new Map<string, IndexedObject[]>();
              for (const record of index.ofKind(kind, group)) append(table, baseName(record.at.file), record);
              return table;
            });
            return byFile.get(name) ?? [];
          });
          // Two files of that name: which one the node reads is unknown.
          if (files.length !== 1) return;
          const found = linked.check(files[0]!, config, context.settings);
          if (!found) return;
          const data = { component: config.component, flag: flagName(config, linked.flag), ...found.data };
          context.report({ messageId: found.messageId, data, at, related: [{ at: files[0]!.at, message: found.note }], ...(config.container ? { container: config.container } : {}) });
        });
      };
      const visit = (config: ComponentConfig | undefined) => {
        if (config?.component !== template.component) return;
        report(config, template.check(config, context.settings, context.options));
        if (template.linked) linkFile(config, template.linked);
      };
      return {
        container(container) {
          visit(containerConfig(container, context.settings.kubeVersion));
        },
        object(object) {
          for (const config of objectConfigs(object, context.settings.kubeVersion)) visit(config);
        },
      };
    },
  });
}

export interface FlagCondition {
  meta: RuleMeta<'set' | 'missing', Record<string, never>> | RuleMeta<'set', Record<string, never>> | RuleMeta<'missing', Record<string, never>> | RuleMeta<string, Record<string, never>>;
  component: Component;
  /** The flag, or flags that must each satisfy the condition (a certificate and its key). */
  flag: string | readonly string[];
  /**
   * Whether the value the component runs with is unsafe; `value` is undefined when neither written nor
   * defaulted, `written` tells a written value from a default.
   */
  unsafe(value: string | undefined, settings: RunSettings, written: boolean): boolean;
  /** The condition applies only to configurations that pass this test (rotation flags need an audit log file). */
  onlyWhen?(config: ComponentConfig): boolean;
  /** A file the flag names, checked when the input holds it; its message must be in `meta.messages`. */
  linked?: LinkedFile<string>;
}

/**
 * A condition on one value: the rule's `set` message when the written value is unsafe, its `missing`
 * message when nothing is written and the default (or the absence) is unsafe. A rule without one of the
 * two messages never reports that case.
 */
export function controlPlaneFlag(template: FlagCondition): Rule<string, Record<string, never>> {
  const flags = typeof template.flag === 'string' ? [template.flag] : template.flag;
  const messages: Record<string, string> = template.meta.messages;
  return controlPlaneCheck<string>({
    meta: template.meta as RuleMeta<string, Record<string, never>>,
    component: template.component,
    ...(template.linked ? { linked: template.linked } : {}),
    check(config, settings) {
      const issues: Issue<string>[] = [];
      if (template.onlyWhen && !template.onlyWhen(config)) return issues;
      for (const flag of flags) {
        const { value, setting } = effective(config, flag);
        if (!template.unsafe(value, settings, setting !== undefined)) continue;
        const data = { flag: flagName(config, flag), value: value ?? '', default: value ?? 'unset' };
        if (setting && messages.set) issues.push({ messageId: 'set', data, at: setting.path });
        else if (!setting && !config.partial && messages.missing) issues.push({ messageId: 'missing', data, at: config.missingAt(flag), missing: true });
      }
      return issues;
    },
  });
}

export interface PluginCondition {
  meta: RuleMeta<'set' | 'missing', Record<string, never>> | RuleMeta<'set', Record<string, never>>;
  plugin: string;
  /** Whether the plugin must run (NodeRestriction) or must not (AlwaysAdmit). */
  want: 'enabled' | 'disabled';
}

/** An admission plugin of the API server that must be on, or off: `set` at the plugin flag that decides, `missing` when none is written. */
export function admissionPlugin(template: PluginCondition): Rule<string, Record<string, never>> {
  const messages: Record<string, string> = template.meta.messages;
  return controlPlaneCheck<string>({
    meta: template.meta as RuleMeta<string, Record<string, never>>,
    component: 'kube-apiserver',
    check(config, settings) {
      const state = pluginState(config, template.plugin, settings.kubeVersion);
      if (state.enabled === (template.want === 'enabled')) return [];
      const data = { plugin: template.plugin };
      if (state.decidedBy) return messages.set ? [{ messageId: 'set', data: { ...data, flag: `--${state.decidedBy.name}` }, at: state.decidedBy.path }] : [];
      if (config.partial || !messages.missing) return [];
      return [{ messageId: 'missing', data, at: config.missingAt('enable-admission-plugins'), missing: true }];
    },
  });
}

/** Unsafe-value helpers for the common shapes. */
export const unsafeWhen = {
  /** The flag is not written and has no default (a certificate, a key file). */
  unset: (value: string | undefined) => value === undefined || value === '',
  /** The flag is written at all (a token file, an insecure address). */
  set: (value: string | undefined) => value !== undefined,
  /** A boolean the component must run with false (profiling, anonymous requests). */
  notFalse: (value: string | undefined) => parseBool(value) !== false,
  /** A boolean the component must run with true (client certificate authentication). */
  notTrue: (value: string | undefined) => parseBool(value) !== true,
  /** A boolean that must not be true (automatic self-signed certificates). */
  true: (value: string | undefined) => parseBool(value) === true,
  /** A boolean that must not be false (service account lookup). */
  false: (value: string | undefined) => parseBool(value) === false,
  /** A comma list that holds the item (an authorization mode). */
  contains: (item: string) => (value: string | undefined) => listValue(value).includes(item),
  /** A comma list that lacks the item. */
  lacks: (item: string) => (value: string | undefined) => !listValue(value).includes(item),
};
