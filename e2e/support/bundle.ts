import { build } from 'esbuild';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const cache = new Map<string, Promise<string>>();

/**
 * Bundles a TypeScript entry (a fixture page's script, or a piece of Pulso to inject
 * into a page) for the browser, once per run.
 */
export function bundleForBrowser(entry: string, options: { globalName?: string } = {}): Promise<string> {
  const path = resolve(ROOT, entry);
  const key = `${path}|${options.globalName ?? ''}`;
  if (!cache.has(key)) {
    cache.set(
      key,
      build({
        entryPoints: [path],
        bundle: true,
        write: false,
        platform: 'browser',
        format: options.globalName ? 'iife' : 'esm',
        globalName: options.globalName,
        jsx: 'automatic',
        target: 'chrome120',
        define: { 'process.env.NODE_ENV': '"production"' },
        logLevel: 'silent',
      }).then((result) => result.outputFiles[0]!.text),
    );
  }
  return cache.get(key)!;
}
