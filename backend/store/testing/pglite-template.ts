import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_TEMPLATE_ENV } from '../engine';

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite'); // …/dist/index.cjs
  const pkg = JSON.parse(readFileSync(join(entry, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Vitest global setup: one freshly initialised PGlite cluster, dumped to a tarball in the
 * OS temp dir (kept across runs, one per PGlite version), so each embedded store a test
 * opens loads it instead of running initdb (seconds of CPU each on a busy machine).
 */
export default async function setup(): Promise<void> {
  if (process.env[PGLITE_TEMPLATE_ENV]) return;
  const path = join(tmpdir(), `pulso-pglite-template-${pgliteVersion()}.tar`);
  if (!existsSync(path)) {
    const pglite = await PGlite.create();
    const tarball = await pglite.dumpDataDir('none');
    await pglite.close();
    const partial = `${path}.${process.pid}.partial`;
    try {
      writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
      renameSync(partial, path);
    } finally {
      rmSync(partial, { force: true });
    }
  }
  process.env[PGLITE_TEMPLATE_ENV] = path;
}
