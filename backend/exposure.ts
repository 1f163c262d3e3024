import { isIP } from 'node:net';
import type { Config } from './config';
import { ConfigError } from './config';

/**
 * What the server exposes, and to whom (issue 9, "open by default"). A backend without tokens
 * is for this machine only; CORS answers only the origins an operator named.
 */

/** 127.0.0.0/8, ::1 (and its IPv4-mapped form), localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h) || h === '0:0:0:0:0:0:0:1';
  return false;
}

/** Throws a ConfigError that says what to set when HOST reaches beyond this machine and no token is configured. */
export function assertSafeBind(config: Pick<Config, 'host' | 'teamTokens' | 'adminToken'>): void {
  if (isLoopbackHost(config.host)) return;
  if (config.teamTokens.length > 0 || config.adminToken) return;
  throw new ConfigError(
    `refusing to listen on HOST=${config.host} without tokens: anyone who can reach it could use the backend and read the team profile. ` +
      'Set PULSO_TEAM_TOKENS (comma-separated rep tokens) and PULSO_ADMIN_TOKEN, or listen on 127.0.0.1 for this machine only.',
  );
}

/**
 * CORS: only the origins in PULSO_ALLOWED_ORIGINS (exact match; "*" allows any). The extension
 * itself needs no entry — its background reaches the backend through host permissions, which
 * browsers exempt from CORS — but an extension page that calls the backend directly does:
 * add `chrome-extension://<id>` (the id on chrome://extensions) or `moz-extension://<uuid>`.
 */
export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  return allowed.includes('*') || allowed.includes(origin);
}
