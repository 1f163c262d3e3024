import type { ApiError } from '../lib/contracts';

export const BODY_LIMIT_BYTES = 64 * 1024;

export function errorBody(error: string, message: string, issues?: ApiError['issues']): ApiError {
  return issues ? { error, message, issues } : { error, message };
}
