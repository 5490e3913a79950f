import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { argvWords, credentialArgumentOffsets, credentialArguments } from '../../src/secrets/credential-arguments.js';

const options = (words: string[]): string[] => credentialArguments(words).map((found) => `${found.option}@${found.word}`);

describe('credentials on command lines', () => {
  test('options with attached or separate values, Go flags, Helm --set and kubectl --from-literal', () => {
    assert.deepEqual(options(['app', '--db-password=hunter22', '--api-token', 'tok3n-value', '-client-secret=abc123xyz']), ['--db-password@1', '--api-token@3', '-client-secret@4']);
    assert.deepEqual(options(['helm', 'upgrade', 'x', '--set', 'auth.rootPassword=S3cret!']), ['--set auth.rootPassword@4']);
    assert.deepEqual(options(['kubectl', 'create', 'secret', 'generic', 'x', '--from-literal=token=S3cret!']), ['--from-literal token@5']);
  });

  test("tools' own password options, and what they are not", () => {
    assert.deepEqual(options(['mysql', '-uroot', '-pS3cret!']), ['-p@2']);
    assert.deepEqual(options(['mysql', '-uroot', '-p', 'appdb']), [], 'mysql -p alone prompts; the next word is a database');
    assert.deepEqual(options(['sshpass', '-p', 'S3cret!', 'ssh', 'host']), ['-p@2']);
    assert.deepEqual(options(['redis-cli', '-a', 'S3cret!', 'ping']), ['-a@2']);
    assert.deepEqual(options(['curl', '-u', 'admin:S3cret!', 'https://x']), ['-u@2']);
    assert.deepEqual(options(['app', '-p', '8080', '-a', 'all']), [], '-p and -a of other programs are not passwords');
  });

  test('shell assignments at command position; expansions and placeholders are not literals', () => {
    assert.deepEqual(options([';', 'export', 'DB_PASSWORD=S3cret!', ';', 'PGPASSWORD=S3cret!', 'psql']), ['DB_PASSWORD@2', 'PGPASSWORD@4']);
    assert.deepEqual(options(['app', '--password=$(cat /run/pw)', '--token', '$TOKEN', '--api-key=${KEY}', '--password-file=/run/pw', '--password-stdin']), []);
  });

  test('a script item is split into words, each on its line', () => {
    const words = argvWords(['/bin/sh', '-c', 'set -e\nexport API_TOKEN=S3cret!\nrun']);
    const found = credentialArguments(words.map((word) => word.text));
    assert.equal(found.length, 1);
    assert.deepEqual({ item: words[found[0]!.word]!.item, line: words[found[0]!.word]!.line }, { item: 2, line: 2 });
  });

  test('offsets in text cover the value only, across sequence items and flow lists', () => {
    const text = 'args:\n  - --api-token\n  - S3cretTok3n\ncommand: ["redis-cli", "-a", "R3disPass", "ping"]\n';
    const masked = credentialArgumentOffsets(text).map((span) => text.slice(span.start, span.end));
    assert.deepEqual(masked, ['S3cretTok3n', 'R3disPass']);
  });

  test('a value read from a line that names nothing, past blank lines; names split by quotes or escapes', () => {
    const text = [
      'metadata:', '  name: web', 'args:', '  - --api-token', '', '  - S3cretTok3n', '  - --verbose', '  - plainValue1',
      'script: |', '  run --pa"ss"word Hunter22x --conn\\ection-string Server5x', '  run -p V4lue9xyz',
    ].join('\n');
    const masked = credentialArgumentOffsets(text).map((span) => text.slice(span.start, span.end));
    assert.deepEqual(masked, ['S3cretTok3n', 'Hunter22x', 'Server5x', 'V4lue9xyz']);
  });
});
