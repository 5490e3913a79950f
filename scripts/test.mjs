// Runs every test/**/*.test.ts on node:test (Node 20 does not expand globs given to --test).
// Arguments narrow the run: `npm test -- cli` runs the test files whose path contains "cli".
// The tests and the CLI runs they start make their temporary folders in one folder of the run's own,
// removed when the run ends: a run made hundreds, copies of the real corpus among them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const filters = process.argv.slice(2);
const files = readdirSync('test', { recursive: true })
  .map((name) => `test/${String(name).split('\\').join('/')}`)
  .filter((name) => name.endsWith('.test.ts') && !name.startsWith('test/manifests/'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error(`no test file matches ${filters.join(', ')}`);
  process.exit(2);
}
const temporary = mkdtempSync(path.join(tmpdir(), 'kmlint-test-run-'));
let status = 1;
try {
  // TMPDIR on Linux and macOS, TEMP and TMP on Windows: what os.tmpdir() reads.
  const env = { ...process.env, TMPDIR: temporary, TEMP: temporary, TMP: temporary };
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit', env });
  status = run.status ?? 1;
} finally {
  rmSync(temporary, { recursive: true, force: true });
}
process.exit(status);
