import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { processAlive as alive } from '../process-alive';

/**
 * The backend as one JavaScript file for the cluster's workers, built by the primary with esbuild
 * when `pulso serve` starts. Through tsx (bin/pulso.js) every module is TypeScript compiled at
 * load with its names kept and source maps on; the same code run from a bundle by plain Node
 * costs a rules-mode worker about a quarter less CPU per request (docs/scaling.md). Built at
 * every start from the checkout's sources, so it is never stale; kept in a temporary directory
 * (the install may be read-only) and removed when the primary exits.
 *
 * What stays the same as under tsx: the sources are compiled by the same esbuild with the same
 * tsconfig; names are kept (errors and classes log the same `type`); every module's
 * `import.meta.url` is its own file's, not the bundle's; packages are not bundled but imported
 * from where this checkout resolves them. When anything of this fails, the workers run through
 * tsx as before (the caller's fallback).
 */
export interface WorkerBundle {
  file: string;
  remove(): void;
}

const ENTRY = fileURLToPath(new URL('./worker-main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TYPESCRIPT = /\.[cm]?tsx?$/;

export async function buildWorkerBundle(): Promise<WorkerBundle> {
  // tsx's own compiler (a dependency of tsx, which the backend already runs on).
  const esbuild = await import('esbuild');
  removeOrphans();
  const dir = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
  const file = join(dir, 'worker.mjs');
  try {
    await esbuild.build({
      entryPoints: [ENTRY],
      outfile: file,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: `node${process.versions.node}`,
      keepNames: true,
      alias: { '@': ROOT },
      logLevel: 'silent',
      plugins: [
        {
          name: 'pulso-worker',
          setup(build) {
            // A package (or a Node built-in): imported from the file this checkout resolves it to, so
            // the bundle may live anywhere.
            build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@/') ? undefined : { path: import.meta.resolve(args.path), external: true }));
            build.onLoad({ filter: TYPESCRIPT }, (args) => ({
              contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
              loader: args.path.endsWith('x') ? 'tsx' : 'ts',
            }));
          },
        },
      ],
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  } finally {
    // Its service process is not needed any more (tsx starts its own when it compiles a module).
    await esbuild.stop();
  }
  const remove = () => rmSync(dir, { recursive: true, force: true });
  // Whatever way this process ends short of a kill (the caller removes it on a clean stop).
  process.once('exit', remove);
  return { file, remove };
}

const PREFIX = 'pulso-workers-';

/** The bundles of primaries that were killed (SIGKILL leaves theirs behind): their process is gone. */
function removeOrphans(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir()).filter((name) => name.startsWith(PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^pulso-workers-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid || alive(pid)) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

