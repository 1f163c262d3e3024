import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { MEMORY_DATA_DIR, storeLocation } from './location';

describe('where the store lives (from the environment)', () => {
  it('DATABASE_URL set: PostgreSQL — it is used, not ignored', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://pulso:pw@db:5432/pulso', PULSO_DATA_DIR: '/data' });
    expect(storeLocation(config)).toEqual({ engine: 'postgres', url: 'postgresql://pulso:pw@db:5432/pulso' });
  });

  it('unset: the embedded database under PULSO_DATA_DIR (default .pulso-data), or in memory', () => {
    expect(storeLocation(loadConfig({}))).toEqual({ engine: 'pglite', dataDir: resolve('.pulso-data') });
    expect(storeLocation(loadConfig({ PULSO_DATA_DIR: 'var/pulso' }))).toEqual({ engine: 'pglite', dataDir: resolve('var/pulso') });
    expect(storeLocation(loadConfig({ PULSO_DATA_DIR: MEMORY_DATA_DIR }))).toEqual({ engine: 'pglite', dataDir: MEMORY_DATA_DIR });
  });

  it('the audit log is off unless PULSO_AUDIT_LOG=on; other values are refused', () => {
    expect(loadConfig({}).auditLog).toBe(false);
    expect(loadConfig({ PULSO_AUDIT_LOG: 'on' }).auditLog).toBe(true);
    expect(() => loadConfig({ PULSO_AUDIT_LOG: 'yes' })).toThrow(/PULSO_AUDIT_LOG/);
  });
});
