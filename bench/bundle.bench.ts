import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUTPUT = resolve(import.meta.dirname, '../.output/chrome-mv3');

function sizeOf(dir: string, file: string) {
  const bytes = readFileSync(join(dir, file));
  return { file, rawKb: statSync(join(dir, file)).size / 1024, gzipKb: gzipSync(bytes, { level: 9 }).length / 1024 };
}

/** Size of each content script as shipped (what every CRM page loads), raw and gzipped. */
export function benchBundles() {
  const dir = join(OUTPUT, 'content-scripts');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => sizeOf(dir, file));
}

/** The UI chunk (React, the views, the panel's CSS), loaded only on a page a feature shows something on. */
export function benchUiChunk() {
  return sizeOf(join(OUTPUT, 'content-ui'), 'index.js');
}
