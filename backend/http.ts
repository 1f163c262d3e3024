import type { ApiError } from '../lib/contracts';

/** Every route but the batch one: one lead and a profile fit easily. */
export const BODY_LIMIT_BYTES = 64 * 1024;
/** POST /v1/leads/classify-batch: 100 leads with long notes, and a profile. */
export const BATCH_BODY_LIMIT_BYTES = 1024 * 1024;

export function errorBody(error: string, message: string, issues?: ApiError['issues']): ApiError {
  return issues ? { error, message, issues } : { error, message };
}

export const NDJSON = 'application/x-ndjson; charset=utf-8';
