import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

// The packages `npx wxt zip` and `npx wxt zip -b firefox` make for the stores (npm test makes
// them before the browser tests; these tests build nothing of their own except the rebuild).

const ROOT = resolve(import.meta.dirname, '..');
const OUTPUT = join(ROOT, '.output');
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const pkg = (suffix: string) => join(OUTPUT, `${name}-${version}-${suffix}.zip`);
const BIN = join(ROOT, 'node_modules/.bin');

const entries = (zip: string) => execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter((l) => l && !l.endsWith('/'));
const unzip = (zip: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'pulso-zip-'));
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  return dir;
};
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(dir, file)).isFile())
    .sort();
}

test('the Chrome and Firefox packages hold the MV3 and MV2 builds, file for file', () => {
  for (const [suffix, target, manifestVersion] of [['chrome', 'chrome-mv3', 3], ['firefox', 'firefox-mv2', 2]] as const) {
    const zip = pkg(suffix);
    expect(entries(zip).sort(), zip).toEqual(filesUnder(join(OUTPUT, target)));
    const manifest = JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' }));
    expect(manifest.manifest_version).toBe(manifestVersion);
    expect(manifest.version).toBe(version);
    if (suffix === 'firefox') expect(manifest.browser_specific_settings.gecko.id).toBe('pulso@pulso.app');
  }
});

test('Mozilla can rebuild the Firefox package from the sources zip alone, identically', async () => {
  test.setTimeout(180_000);
  const sources = entries(pkg('sources'));
  expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'docs/store-packages.md']));
  // No tests, no backend, no fixtures, no dependencies, no build output.
  expect(sources.filter((file) => /(^|\/)(node_modules|\.output|backend|e2e|eval|bench)\/|\.test\.tsx?$/.test(file))).toEqual([]);

  const rebuilt = unzip(pkg('sources'));
  const shipped = unzip(pkg('firefox'));
  try {
    // `npm ci` from the same lockfile is what node_modules already is.
    symlinkSync(join(ROOT, 'node_modules'), join(rebuilt, 'node_modules'), 'dir');
    execFileSync(join(BIN, 'wxt'), ['build', '-b', 'firefox'], { cwd: rebuilt, stdio: 'pipe', env: { ...process.env, PATH: `${BIN}:${process.env.PATH}` } });
    const out = join(rebuilt, '.output/firefox-mv2');
    expect(filesUnder(out)).toEqual(filesUnder(shipped));
    const differing = filesUnder(shipped).filter((file) => !readFileSync(join(out, file)).equals(readFileSync(join(shipped, file))));
    expect(differing, 'files that differ between the rebuild and the package').toEqual([]);
  } finally {
    rmSync(rebuilt, { recursive: true, force: true });
    rmSync(shipped, { recursive: true, force: true });
  }
});

test("Mozilla's web-ext lint finds no error in the Firefox build", () => {
  test.setTimeout(180_000);
  let stdout: string;
  try {
    stdout = execFileSync(join(BIN, 'web-ext'), ['lint', '--source-dir', join(OUTPUT, 'firefox-mv2'), '--output', 'json', '--no-input'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    stdout = (err as { stdout?: string }).stdout ?? ''; // web-ext exits 1 when it found errors
  }
  const report = JSON.parse(stdout) as { errors: Array<{ code: string; file?: string; message: string }>; summary: { errors: number; warnings: number } };
  expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
  expect(report.summary.errors).toBe(0);
  test.info().annotations.push({ type: 'web-ext lint', description: `${report.summary.warnings} warnings, 0 errors` });
});
