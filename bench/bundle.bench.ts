import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUTPUT = resolve(import.meta.dirname, '../.output/chrome-mv3');

/** Size of each content script as shipped, raw and gzipped. */
export function benchBundles() {
  const dir = join(OUTPUT, 'content-scripts');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      return { file, rawKb: statSync(join(dir, file)).size / 1024, gzipKb: gzipSync(bytes, { level: 9 }).length / 1024 };
    });
}
