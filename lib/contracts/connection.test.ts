import { describe, expect, it } from 'vitest';
import { BackendUrlSchema, backendUrlProblem } from './connection';

describe('backend URL (issue 9 D7)', () => {
  it('answers a sentence, never a TypeError, for text that is not a URL at all', () => {
    for (const value of ['', '   ', 'http://', 'https://', '://x', 'not a url']) {
      expect(() => BackendUrlSchema.safeParse(value)).not.toThrow();
      const parsed = BackendUrlSchema.safeParse(value);
      expect(parsed.success, value).toBe(false);
      expect(parsed.error?.issues[0]?.message, value).toMatch(/backend URL/);
    }
  });

  it('refuses what URL parsing would quietly repair or what would leak: http:/x, credentials, other schemes', () => {
    expect(backendUrlProblem('http:/x')).toMatch(/start with http:\/\/ or https:\/\//);
    expect(backendUrlProblem('http:x')).toMatch(/start with/);
    expect(backendUrlProblem('http://user:pass@host')).toMatch(/user name or password/);
    expect(backendUrlProblem('https://user@host:8787')).toMatch(/user name or password/);
    expect(backendUrlProblem('javascript:alert(1)')).toMatch(/start with/);
    expect(backendUrlProblem('file:///etc/passwd')).toMatch(/start with/);
    expect(backendUrlProblem('https://pulso.example.com/?a=1')).toMatch(/\?/);
  });

  it('accepts http(s) with a host, a port and a path, and drops trailing slashes', () => {
    expect(BackendUrlSchema.parse(' https://pulso.example.com/ ')).toBe('https://pulso.example.com');
    expect(BackendUrlSchema.parse('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(BackendUrlSchema.parse('HTTPS://Pulso.example.com/api//')).toBe('HTTPS://Pulso.example.com/api');
    expect(BackendUrlSchema.parse('http://[::1]:8787')).toBe('http://[::1]:8787');
  });
});
