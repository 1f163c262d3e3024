import { createHash } from 'node:crypto';
import { stableStringify } from '../lib/stable-hash';

/**
 * lib/stable-hash's stableHash (SHA-256 hex of the stable JSON), computed with node:crypto: the
 * same digest of the same UTF-8 bytes, so the backend's cache keys stay the extension's. Web
 * Crypto's digest is asynchronous and costs ~0.2 ms of latency per call in Node (a job on the
 * thread pool and back), against ~0.01 ms here, and every request that may reach the LLM is keyed.
 */
export function stableHashSync(value: unknown): string {
  return createHash('sha256').update(stableStringify(value), 'utf8').digest('hex');
}
