import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBase64Text } from '../../src/secrets/base64-text.js';

test('decodes base64 text, refuses binary and non-base64', () => {
  assert.equal(decodeBase64Text(Buffer.from('user=fake\npassword=FakePass\n').toString('base64')), 'user=fake\npassword=FakePass\n');
  assert.equal(decodeBase64Text('ZmFrZQ==\n'), 'fake');
  assert.equal(decodeBase64Text(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64')), undefined);
  assert.equal(decodeBase64Text(Buffer.from([0xff, 0xfe, 0xfd]).toString('base64')), undefined);
  assert.equal(decodeBase64Text('not base64!'), undefined);
  assert.equal(decodeBase64Text(''), undefined);
});
