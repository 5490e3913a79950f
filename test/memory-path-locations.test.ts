/**
 * A deferred custom resource keeps its paths' locations packed: what it gives back after the walk must be
 * the very location taken during the walk, for every path, and a missing field's nearest written parent.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deserialize, serialize } from 'node:v8';
import type { Location } from '../src/findings/location.js';
import type { JsonObject } from '../src/k8s/model.js';
import { packPaths, PathLocations, type PackedPaths } from '../src/schema/path-locations.js';
import type { Path } from '../src/types.js';

const value: JsonObject = { apiVersion: 'example.com/v1', kind: 'Widget', spec: { sizes: [1, { big: true }], colour: 'red' } };

/** Distinct regions and flags per path, as a parse would give; records every location it made. */
function locator(): { locate: (path: Path) => Location; made: Map<string, Location> } {
  const made = new Map<string, Location>();
  const locate = (path: Path): Location => {
    const n = made.size + 1;
    const location: { -readonly [K in keyof Location]: Location[K] } = {
      file: 'widgets.yaml',
      region: { startLine: n, startColumn: n + 2, endLine: n + 1, endColumn: 40 - n },
      path: [...path],
      documentIndex: 3,
      object: { apiVersion: 'example.com/v1', kind: 'Widget', name: 'w' },
      helmTemplate: 'chart/templates/widget.yaml',
    };
    if (n % 3 === 0) location.approximate = true;
    if (n % 4 === 0) location.unresolved = true;
    made.set(JSON.stringify(path), location);
    return location;
  };
  return { locate, made };
}

test('every located path gives back the location taken during the walk, flags included', () => {
  const { locate, made } = locator();
  const locations = new PathLocations(packPaths(value, [2], locate), value);
  assert.equal(made.size, 9);
  for (const [key, location] of made) assert.deepEqual(locations.nearest(JSON.parse(key) as Path), location, key);
});

test('a path not written gives its nearest written ancestor', () => {
  const { locate, made } = locator();
  const locations = new PathLocations(packPaths(value, [2], locate), value);
  assert.deepEqual(locations.nearest([2, 'spec', 'sizes', 1, 'small']), made.get(JSON.stringify([2, 'spec', 'sizes', 1])));
  assert.deepEqual(locations.nearest([2, 'status', 'ready']), made.get(JSON.stringify([2])));
  assert.equal(locations.nearest([1, 'spec']), undefined);
});

test('a value of another shape than the one located is an error, not a wrong line', () => {
  const paths = packPaths(value, [], locator().locate);
  const changed: JsonObject = structuredClone(value);
  (changed.spec as JsonObject).extra = 'x';
  assert.throws(() => new PathLocations(paths, changed).nearest(['spec', 'colour']), /not the shape/);
});

test('paths and value read back from disk give the same locations', () => {
  // A large run keeps both on disk: the packed paths with the watch, the value with its index record.
  const { locate, made } = locator();
  const paths = deserialize(serialize(packPaths(value, [2], locate))) as PackedPaths;
  const locations = new PathLocations(paths, deserialize(serialize(value)) as JsonObject);
  for (const [key, location] of made) assert.deepEqual(locations.nearest(JSON.parse(key) as Path), location, key);
});
