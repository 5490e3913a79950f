// Runs every test/**/*.test.ts on node:test (Node 20 does not expand globs given to --test).
// Arguments narrow the run: `npm test -- cli` runs the test files whose path contains "cli".
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

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
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(run.status ?? 1);
