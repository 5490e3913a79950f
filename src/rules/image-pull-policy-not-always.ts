import { isString } from '../k8s/json.js';
import { hasMutableTag } from '../k8s/views/image.js';
import { imageRule } from './templates/image-rule.js';

/**
 * Only with a mutable tag: a pinned version pulled IfNotPresent is the right choice (faster, works when
 * the registry is down), and an unset policy with a mutable tag already defaults to Always.
 */
export default imageRule(
  {
    id: 'image-pull-policy-not-always',
    category: 'best-practice',
    level: 'note',
    presets: [],
    summary: 'Containers with a mutable image tag (latest or none) should not set imagePullPolicy to IfNotPresent or Never: each node then keeps whatever version it pulled first.',
    remediation: 'Pin the image to a version tag or digest; otherwise set imagePullPolicy: Always or remove it.',
    messages: {
      policy: 'Container "{{container}}" uses the mutable image "{{image}}" with imagePullPolicy: {{policy}}: nodes keep the version they pulled first.',
    },
  },
  (image, container) => {
    const policy = container.value.imagePullPolicy;
    if (!hasMutableTag(image) || !isString(policy) || policy === 'Always') return undefined;
    return { messageId: 'policy', data: { policy } };
  },
);
