import { defineRule } from '../engine/define-rule.js';
import { isTemplated, parseImage } from '../k8s/views/image.js';

/** Unrendered templates (`{{ .Values.image }}`, `${TAG}`) are not references yet: they are not judged. */
export default defineRule({
  meta: {
    id: 'invalid-image-reference',
    category: 'schema',
    level: 'error',
    presets: ['recommended'],
    summary: 'Container images must be valid image references ([registry[:port]/]repository[:tag][@digest], lower-case repository): the kubelet cannot pull anything else and the pod never starts.',
    remediation: 'Write the image as registry/repository:tag or registry/repository@sha256:digest, with a lower-case repository.',
    messages: {
      invalid: 'Container "{{container}}" has the image "{{image}}", which is not a valid reference: {{reason}}.',
    },
  },
  create(context) {
    return {
      container(container) {
        if (container.image === undefined || isTemplated(container.image)) return;
        const parsed = parseImage(container.image);
        if (!parsed.ok) context.report({ messageId: 'invalid', data: { container: container.name, image: container.image, reason: parsed.reason }, at: [...container.path, 'image'] });
      },
    };
  },
});
