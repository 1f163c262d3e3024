import { describe, expect, it } from 'vitest';
import { requesterFingerprint, tokenFingerprint } from './token-fingerprint';

describe('token fingerprints (who published, never the secret)', () => {
  it('tells tokens apart, is stable, and does not contain the token', () => {
    const a = tokenFingerprint('admin-secret-token');
    expect(a).toMatch(/^token:[0-9a-f]{12}$/);
    expect(a).toBe(tokenFingerprint('admin-secret-token'));
    expect(a).not.toBe(tokenFingerprint('admin-secret-tokeN'));
    expect(a).not.toContain('admin');
  });

  it('reads the bearer header; no token is anonymous', () => {
    expect(requesterFingerprint('Bearer admin-secret-token')).toBe(tokenFingerprint('admin-secret-token'));
    expect(requesterFingerprint('bearer   admin-secret-token ')).toBe(tokenFingerprint('admin-secret-token'));
    expect(requesterFingerprint(undefined)).toBe('anonymous');
    expect(requesterFingerprint('Basic abc')).toBe('anonymous');
  });
});
