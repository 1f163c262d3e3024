import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUTPUT = resolve(import.meta.dirname, '../.output/chrome-mv3');

function sizeOf(dir: string, file: string) {
  const bytes = readFileSync(join(dir, file));
  return { file, rawKb: statSync(join(dir, file)).size / 1024, gzipKb: gzipSync(bytes, { level: 9 }).length / 1024 };
}

/**
 * What every page of a CRM loads, as shipped: each site's content script with the scripts that
 * run on its hosts too (the document_start storage read), raw and gzipped.
 */
export function benchBundles() {
  const manifest = JSON.parse(readFileSync(join(OUTPUT, 'manifest.json'), 'utf8')) as { content_scripts: { matches: string[]; js: string[] }[] };
  const scripts = manifest.content_scripts;
  // A site's own script is one whose hosts do not take in another script's (the storage read's take in every site's).
  const sites = scripts.filter((entry) => !scripts.some((other) => other !== entry && other.matches.every((host) => entry.matches.includes(host)) && entry.matches.length > other.matches.length));
  return sites.flatMap((site) => {
    const files = scripts.filter((entry) => site.matches.every((host) => entry.matches.includes(host))).flatMap((entry) => entry.js);
    const sizes = files.map((file) => sizeOf(OUTPUT, file));
    return [{ file: files.map((file) => file.replace('content-scripts/', '')).join(' + '), rawKb: sizes.reduce((sum, size) => sum + size.rawKb, 0), gzipKb: sizes.reduce((sum, size) => sum + size.gzipKb, 0) }];
  });
}

/**
 * The CKEditor bridge (entrypoints/ckeditor-bridge.ts): not a content script, so in no site's sum
 * above; the background injects it into a Zendesk or Salesforce page's world when a draft is shown
 * (the Chrome build's file measured; Firefox's is the same code).
 */
export function benchCkeditorBridge() {
  return sizeOf(OUTPUT, 'ckeditor-bridge.js');
}

/** The UI chunk (React, the views, the panel's CSS), loaded only on a page a feature shows something on. */
export function benchUiChunk() {
  return sizeOf(join(OUTPUT, 'content-ui'), 'index.js');
}
