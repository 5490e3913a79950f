/**
 * Template: a workload that deploys a known component (Tiller, the Kubernetes Dashboard), recognised by
 * the repository of a container image or by its well-known labels; one finding per pod spec.
 */
import { defineRule, type Rule, type RuleMeta } from '../../engine/define-rule.js';
import { imageOf } from '../../k8s/views/image.js';

export interface KnownComponent {
  /** Whether an image repository (`kubernetesui/dashboard`) is the component's. */
  repository: (repository: string) => boolean;
  /** Label key → values that name the component. */
  labels: Readonly<Record<string, readonly string[]>>;
}

export function knownComponentRule(meta: RuleMeta<'image' | 'label', Record<string, never>>, component: KnownComponent): Rule<'image' | 'label', Record<string, never>> {
  return defineRule({
    meta,
    create(context) {
      return {
        podSpec(pod) {
          const container = pod.containers.find((candidate) => {
            const image = imageOf(candidate.image);
            return image !== undefined && component.repository(image.repository);
          });
          if (container) {
            context.report({ messageId: 'image', data: { container: container.name, image: container.image ?? '' }, at: [...container.path, 'image'], container: container.name });
            return;
          }
          const label = Object.entries(component.labels).find(([key, values]) => pod.labels[key] !== undefined && values.includes(pod.labels[key]!));
          if (label) context.report({ messageId: 'label', data: { label: `${label[0]}: ${pod.labels[label[0]]}` }, at: [...pod.metadataPath, 'labels', label[0]] });
        },
      };
    },
  });
}
