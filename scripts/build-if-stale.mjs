// Builds the extension for one browser unless the build in .output/ came from exactly
// the current sources. Used by `npm start` (a warm restart skips the ~10 s build) and
// `npm run bench`. The test suite always rebuilds (it packages with `wxt zip`).
//
//   node scripts/build-if-stale.mjs chrome|firefox [--force]
//
// The stamp is a SHA-256 over every file that can reach the bundle (everything except
// the backend, tests, benchmarks, docs and tooling), written next to the build — not
// inside it, so it never ends up in a store package.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const TARGETS = { chrome: 'chrome-mv3', firefox: 'firefox-mv2' };

/** Folders and files that never reach the extension bundle. */
const NOT_BUNDLED_DIRS = new Set([
  'node_modules', '.output', '.wxt', '.tools', '.git', '.ci', 'test-results', 'playwright-report', '.pulso-data',
  'backend', 'bench', 'bin', 'docs', 'e2e', 'eval', 'scripts',
]);
const NOT_BUNDLED_FILE = /(\.test\.tsx?|\.md|^Dockerfile|^compose\.ya?ml|^\.git|^\.dockerignore|^playwright\.config\.ts|^vitest\.config\.ts)$/;

export function sourceFiles(dir = ROOT) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const skip = entry.name === 'node_modules' || (dir === ROOT && NOT_BUNDLED_DIRS.has(entry.name));
      if (!skip) files.push(...sourceFiles(join(dir, entry.name)));
    } else if (entry.isFile() && !NOT_BUNDLED_FILE.test(entry.name)) {
      files.push(join(dir, entry.name));
    }
  }
  return files.sort();
}

export function sourceHash(browser) {
  const hash = createHash('sha256').update(`${browser}\0`);
  for (const file of sourceFiles()) hash.update(`${relative(ROOT, file)}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

function main() {
  const browser = process.argv[2];
  const target = TARGETS[browser];
  if (!target) {
    console.error('usage: node scripts/build-if-stale.mjs chrome|firefox [--force]');
    process.exit(2);
  }
  const stampFile = join(ROOT, '.output', `${target}.stamp`);
  const hash = sourceHash(browser);
  const built = existsSync(join(ROOT, '.output', target, 'manifest.json'));
  if (built && !process.argv.includes('--force') && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) {
    console.error(`[pulso] ${browser} build is up to date (.output/${target})`);
    return;
  }
  const args = browser === 'firefox' ? ['wxt', 'build', '-b', 'firefox'] : ['wxt', 'build'];
  const run = spawnSync('npx', args, { cwd: ROOT, stdio: ['ignore', process.stderr, 'inherit'] });
  if (run.status !== 0) process.exit(run.status ?? 1);
  writeFileSync(stampFile, hash);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
