/** The image reference parser: the distribution grammar, Docker Hub defaults, and the references it refuses. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hasMutableTag, imageOf, parseImage } from '../src/k8s/views/image.js';

const DIGEST = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

describe('parseImage', () => {
  const valid: [string, { registry: string; repository: string; tag?: string; digest?: string; explicitRegistry: boolean }][] = [
    ['nginx', { registry: 'docker.io', repository: 'library/nginx', explicitRegistry: false }],
    ['nginx:1.27', { registry: 'docker.io', repository: 'library/nginx', tag: '1.27', explicitRegistry: false }],
    ['bitnami/redis:7.2', { registry: 'docker.io', repository: 'bitnami/redis', tag: '7.2', explicitRegistry: false }],
    ['docker.io/nginx', { registry: 'docker.io', repository: 'library/nginx', explicitRegistry: true }],
    ['index.docker.io/library/nginx:1', { registry: 'docker.io', repository: 'library/nginx', tag: '1', explicitRegistry: true }],
    ['localhost/app', { registry: 'localhost', repository: 'app', explicitRegistry: true }],
    ['localhost:5000/team/app:v1', { registry: 'localhost:5000', repository: 'team/app', tag: 'v1', explicitRegistry: true }],
    ['Registry/app', { registry: 'Registry', repository: 'app', explicitRegistry: true }],
    ['[::1]:5000/app:1', { registry: '[::1]:5000', repository: 'app', tag: '1', explicitRegistry: true }],
    ['registry.k8s.io/pause:3.9', { registry: 'registry.k8s.io', repository: 'pause', tag: '3.9', explicitRegistry: true }],
    [`ghcr.io/org/app:1.0@${DIGEST}`, { registry: 'ghcr.io', repository: 'org/app', tag: '1.0', digest: DIGEST, explicitRegistry: true }],
    [`nginx@${DIGEST}`, { registry: 'docker.io', repository: 'library/nginx', digest: DIGEST, explicitRegistry: false }],
    ['a__b/c--d/e.f_g:tag_1.x-y', { registry: 'docker.io', repository: 'a__b/c--d/e.f_g', tag: 'tag_1.x-y', explicitRegistry: false }],
  ];
  for (const [reference, expected] of valid) {
    test(`reads ${reference}`, () => {
      const parsed = parseImage(reference);
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
      assert.deepEqual({ ...parsed.image }, expected);
    });
  }

  const invalid: [string, RegExp][] = [
    ['', /empty/],
    ['nginx :1', /white space/],
    ['example/MyApp:1', /"MyApp" is not a valid path component/],
    ['nginx:-1', /not a valid tag/],
    [`nginx:${'x'.repeat(129)}`, /not a valid tag/],
    ['nginx@sha256:abc', /not a digest/],
    ['nginx@latest', /not a digest/],
    ['app//x', /empty component/],
    ['registry.example.com/', /empty component/],
    ['-bad.example.com/app', /"-bad\.example\.com" is not a registry host/],
    ['a_/b', /not a valid path component/],
    [`${'a'.repeat(256)}:1`, /longer than 255/],
  ];
  for (const [reference, reason] of invalid) {
    test(`refuses ${JSON.stringify(reference.slice(0, 40))}`, () => {
      const parsed = parseImage(reference);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.match(parsed.reason, reason);
    });
  }
});

describe('image helpers', () => {
  test('a tag is mutable when absent or latest, unless a digest pins it', () => {
    assert.equal(hasMutableTag(imageOf('nginx')!), true);
    assert.equal(hasMutableTag(imageOf('nginx:latest')!), true);
    assert.equal(hasMutableTag(imageOf('nginx:1.27')!), false);
    assert.equal(hasMutableTag(imageOf(`nginx:latest@${DIGEST}`)!), false);
  });

  test('templated and unparsable images are not judged', () => {
    assert.equal(imageOf('{{ .Values.image }}'), undefined);
    assert.equal(imageOf('app:${TAG}'), undefined);
    assert.equal(imageOf('Bad Image'), undefined);
    assert.equal(imageOf(undefined), undefined);
  });
});
