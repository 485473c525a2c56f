/**
 * Runs every test with Node's test runner: unit tests (*.test.ts), database tests (*.db.test.ts, on SQLite and on
 * PostgreSQL when TEST_DATABASE_URL is set) and browser tests (*.e2e.test.ts, in Chromium when one is installed).
 * Extra arguments narrow the run to files whose path contains one of them.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.cwd();

function find(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) find(path, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(relative(root, path));
  }
  return out;
}

const filters = process.argv.slice(2);
const files = [...find(join(root, 'src')), ...find(join(root, 'test'))]
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('Ingen testfiler fundet.');
  process.exit(1);
}
console.log(`Databaser: SQLite${process.env.TEST_DATABASE_URL ? ' og PostgreSQL' : ' (PostgreSQL springes over: TEST_DATABASE_URL er ikke sat)'}`);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test' },
});
process.exit(result.status ?? 1);
