import { createHash } from 'node:crypto';

/**
 * Who did something, without keeping their secret: `token:` + the first 12 hex digits of
 * the token's SHA-256. Enough to tell the team's tokens apart in history and audit; useless
 * to authenticate with.
 */
export function tokenFingerprint(token: string): string {
  return `token:${createHash('sha256').update(token.trim()).digest('hex').slice(0, 12)}`;
}

/** The fingerprint of `Authorization: Bearer <token>`, or `anonymous` when there is none. */
export function requesterFingerprint(authorization: string | undefined): string {
  const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '');
  return match?.[1] ? tokenFingerprint(match[1]) : 'anonymous';
}
