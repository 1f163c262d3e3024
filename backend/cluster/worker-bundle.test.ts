import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildWorkerBundle } from './worker-bundle';

describe('the workers\' bundle', () => {
  it('is one file where each module keeps its own import.meta.url and packages are imported from this checkout; removed when asked', async () => {
    const bundle = await buildWorkerBundle();
    try {
      const code = readFileSync(bundle.file, 'utf8');
      // server.ts reads the package version next to it, as under tsx.
      expect(code).toContain(JSON.stringify(pathToFileURL(new URL('../server.ts', import.meta.url).pathname).href));
      expect(code).not.toContain('import.meta.url');
      // Packages by the file they resolve to (the bundle lives in a temporary directory), Node's by node:.
      const imports = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!);
      expect(imports.length).toBeGreaterThan(10);
      expect(imports.filter((spec) => !spec.startsWith('file://') && !spec.startsWith('node:'))).toEqual([]);
      expect(imports).toContain(import.meta.resolve('fastify'));
      // Names kept, as tsx keeps them.
      expect(code).toMatch(/__name\(/);
    } finally {
      bundle.remove();
    }
    expect(existsSync(bundle.file)).toBe(false);
  });

  it('sweeps the bundles a killed primary left behind, not a live one\'s', async () => {
    const gone = join(tmpdir(), `pulso-workers-${spawnSync('true').pid}-test`);
    const live = join(tmpdir(), `pulso-workers-${process.ppid}-test`);
    mkdirSync(gone, { recursive: true });
    mkdirSync(live, { recursive: true });
    const bundle = await buildWorkerBundle();
    bundle.remove();
    expect(existsSync(gone)).toBe(false);
    expect(existsSync(live)).toBe(true);
    spawnSync('rm', ['-rf', live]);
  });
});
