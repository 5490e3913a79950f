/** Code frames of a spooled or threaded run read the file again: masked where the lint found credentials, or searched again if it changed. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { contentHash } from '../src/cache/key.js';
import { credentialSpans } from '../src/redact/spans.js';
import { FileOnDisk } from '../src/run/file-on-disk.js';
import { SourceTexts } from '../src/run/spool-sources.js';

const SECRET = 'AKIAIOSFODNN7EXAMPLQ';
const LINTED = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws\ndata:\n  AWS_ACCESS_KEY_ID: ${SECRET}\n`;

function onDisk(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'kmlint-frames-')), 'aws.yaml');
  writeFileSync(file, text);
  return file;
}

test('a file read again is masked where the lint found its credentials', () => {
  const spans = credentialSpans(LINTED);
  assert.ok(spans.length > 0, 'the fixture holds a credential');
  const texts = new SourceTexts(new Map(), 1 << 20);
  texts.onDisk('aws.yaml', onDisk(LINTED), { hash: contentHash(LINTED), spans });
  const framed = texts.get('aws.yaml')!;
  assert.ok(!framed.includes(SECRET));
  assert.equal(framed.split('\n').length, LINTED.split('\n').length, 'lines stay where they were');
  // The spans given are the ones used: the text is not searched a second time.
  const elsewhere = new SourceTexts(new Map(), 1 << 20);
  elsewhere.onDisk('aws.yaml', onDisk(LINTED), { hash: contentHash(LINTED), spans: [{ start: 0, end: 'apiVersion'.length }] });
  assert.ok(!elsewhere.get('aws.yaml')!.startsWith('apiVersion'));
});

test('a file that changed after the lint is searched again: its new credential is masked too', () => {
  const changed = LINTED.replace('name: aws', 'name: aws-credentials-for-the-build').replace(SECRET, 'AKIAJ3EXAMPLEKEY7ZZQ');
  const texts = new SourceTexts(new Map(), 1 << 20);
  texts.onDisk('aws.yaml', onDisk(changed), { hash: contentHash(LINTED), spans: credentialSpans(LINTED) });
  const framed = texts.get('aws.yaml')!;
  assert.ok(!framed.includes('AKIAJ3EXAMPLEKEY7ZZQ'), framed);
  assert.ok(framed.includes('name: aws-credentials-for-the-build'));
});

test('a file kept by its source is read where the source says, and handed to another thread by path', () => {
  const file = onDisk(LINTED);
  const source = new FileOnDisk(file, { cwd: path.dirname(file), maxBytes: 1 << 20 }, false);
  const texts = new SourceTexts(new Map(), 1 << 20);
  texts.onDisk(source.display, source, { hash: contentHash(LINTED), spans: credentialSpans(LINTED) });
  texts.onDisk('gone.yaml', path.join(path.dirname(file), 'gone.yaml'));
  assert.equal(source.display, 'aws.yaml');
  assert.ok(texts.get('aws.yaml')!.startsWith('apiVersion: v1\n'));
  assert.ok(!texts.get('aws.yaml')!.includes(SECRET));
  assert.equal(texts.get('gone.yaml'), undefined, 'a file gone since the lint has no code frames');
  const [framed, gone] = texts.onDiskFiles();
  assert.deepEqual(framed, ['aws.yaml', file, { hash: contentHash(LINTED), spans: credentialSpans(LINTED) }]);
  assert.deepEqual(gone, ['gone.yaml', path.join(path.dirname(file), 'gone.yaml')]);
  // What crosses to the report thread is plain data: structured clone would drop the source's private fields.
  assert.deepEqual(structuredClone(framed), framed);
});
