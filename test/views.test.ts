/** The located views of env entries, Services and Ingresses: values narrowed from JSON, each with its path. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { JsonValue } from '../src/k8s/model.js';
import { objectsOf } from '../src/k8s/objects.js';
import { envEntries, ingressView, serviceView } from '../src/k8s/views/located.js';

const objectOf = (yaml: string) => objectsOf(parse(yaml) as JsonValue)[0]!;

test('env entries say where each value comes from', () => {
  const pod = objectOf(
    'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: c\n      image: x\n      env:\n        - { name: A, value: "1" }\n        - { name: B, valueFrom: { secretKeyRef: { name: db, key: password } } }\n        - { name: C, valueFrom: { configMapKeyRef: { name: cfg, key: mode, optional: true } } }\n        - { name: D, valueFrom: { fieldRef: { fieldPath: metadata.name } } }\n        - { name: E }\n',
  );
  const entries = envEntries(pod.pods[0]!.containers[0]!);
  assert.deepEqual(
    entries.map((entry) => [entry.name, entry.source, entry.value, entry.ref, entry.path.join('.')]),
    [
      ['A', 'value', '1', undefined, 'spec.containers.0.env.0'],
      ['B', 'secretKeyRef', undefined, { optional: false, name: 'db', key: 'password' }, 'spec.containers.0.env.1'],
      ['C', 'configMapKeyRef', undefined, { optional: true, name: 'cfg', key: 'mode' }, 'spec.containers.0.env.2'],
      ['D', 'fieldRef', undefined, undefined, 'spec.containers.0.env.3'],
      ['E', 'none', undefined, undefined, 'spec.containers.0.env.4'],
    ],
  );
});

test('a Service: type, selector (none when empty) and ports with their paths', () => {
  const service = objectOf('apiVersion: v1\nkind: Service\nmetadata: { name: s }\nspec:\n  type: NodePort\n  selector: { app: web }\n  ports:\n    - { name: http, port: 80, targetPort: http, nodePort: 30080 }\n    - { port: 53, protocol: UDP }\n');
  const view = serviceView(service);
  assert.equal(view.type, 'NodePort');
  assert.deepEqual(view.selector, { app: 'web' });
  assert.deepEqual(view.ports.map((port) => [port.name, port.port, port.targetPort, port.protocol, port.nodePort, port.path.join('.')]), [
    ['http', 80, 'http', 'TCP', 30080, 'spec.ports.0'],
    [undefined, 53, undefined, 'UDP', undefined, 'spec.ports.1'],
  ]);
  assert.equal(serviceView(objectOf('apiVersion: v1\nkind: Service\nmetadata: { name: e }\nspec: { selector: {} }\n')).selector, undefined);
});

test('an Ingress: default and path backends in both API shapes, TLS entries', () => {
  const v1 = objectOf(
    'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: i }\nspec:\n  ingressClassName: nginx\n  defaultBackend: { service: { name: fallback, port: { number: 80 } } }\n  tls: [{ hosts: [shop.example.com], secretName: shop-tls }]\n  rules:\n    - host: shop.example.com\n      http:\n        paths:\n          - { path: /, pathType: Prefix, backend: { service: { name: web, port: { name: http } } } }\n',
  );
  const view = ingressView(v1);
  assert.equal(view.ingressClassName, 'nginx');
  assert.deepEqual(view.backends.map((backend) => [backend.service, backend.port, backend.host, backend.pathValue, backend.path.join('.')]), [
    ['fallback', 80, undefined, undefined, 'spec.defaultBackend'],
    ['web', 'http', 'shop.example.com', '/', 'spec.rules.0.http.paths.0.backend'],
  ]);
  assert.deepEqual(view.tls, [{ hosts: ['shop.example.com'], secretName: 'shop-tls', path: ['spec', 'tls', 0] }]);
  const beta = objectOf('apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: { name: old }\nspec:\n  backend: { serviceName: legacy, servicePort: 8080 }\n');
  assert.deepEqual(ingressView(beta).backends.map((backend) => [backend.service, backend.port]), [['legacy', 8080]]);
});
