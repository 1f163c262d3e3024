import { PassThrough } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';
import { PROFILE_UNKNOWN, describeZodIssues, type ApiError } from '../lib/contracts';
import { QueueFullError } from './gateway/admission';
import { ClientGone } from './gateway/gateway';

/** Routes whose body carries neither a profile nor a list. */
export const BODY_LIMIT_BYTES = 64 * 1024;
/**
 * Routes whose body may carry the company profile. A client names the profile by version and
 * sends it only when the backend does not know it yet (409 profile_unknown), so a large profile
 * (a 1,200-item catalog is ~90 KB) travels once, and must fit then (issue 9, D4).
 */
export const PROFILE_BODY_LIMIT_BYTES = 1024 * 1024;
/** POST /v1/leads/classify-batch: 100 leads with long notes, and a profile. */
export const BATCH_BODY_LIMIT_BYTES = 1024 * 1024;
/** PUT /v1/profile: a profile with a full catalog. */
export const PUBLISH_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

export const NDJSON = 'application/x-ndjson; charset=utf-8';

export function errorBody(error: string, message: string, issues?: ApiError['issues']): ApiError {
  return issues ? { error, message, issues } : { error, message };
}

/** 400 naming every field path zod found wrong. */
export function badRequest(reply: FastifyReply, error: ZodError, fallback = 'invalid request body'): FastifyReply {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return reply.code(400).send(errorBody('bad_request', describeZodIssues(error) || fallback, issues));
}

/** 429 with Retry-After: the upstream is at capacity (or this request's lane is). */
export function queueFull(reply: FastifyReply, err: QueueFullError): FastifyReply {
  return reply
    .code(429)
    .header('retry-after', String(err.retryAfterSeconds))
    .send(errorBody('queue_full', `the LLM is at capacity; retry after ${err.retryAfterSeconds} s`));
}

/** 409: the request named a profile version this backend does not have. */
export function profileUnknown(reply: FastifyReply, version: string): FastifyReply {
  return reply
    .code(409)
    .send(errorBody(PROFILE_UNKNOWN, `profile version ${version.slice(0, 100)} is not known here; send the profile once (profile), then its version`));
}

/** One shared reason: an Error per request would cost its stack trace on every answer. */
const CLIENT_WENT_AWAY = new ClientGone();

/**
 * Aborts when the client goes away before the answer is complete (the socket closed), so the
 * gateway can give back its queue place or cancel its upstream call.
 */
export function clientSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  // A response closes when it is complete or when its connection is gone; only the second
  // counts. (Ended, not finished: an injected request closes before its 'finish'.)
  reply.raw.once('close', () => {
    if (!reply.raw.writableEnded) controller.abort(CLIENT_WENT_AWAY);
  });
  return controller.signal;
}

/** An NDJSON response whose lines are written as they happen; write() after end() is ignored. */
export function ndjson(reply: FastifyReply): { write(event: unknown): void; end(): void } {
  const stream = new PassThrough();
  let ended = false;
  reply
    .code(200)
    .header('content-type', NDJSON)
    .header('cache-control', 'no-store')
    // Proxies (nginx) must not hold the lines back: the point is showing priority early.
    .header('x-accel-buffering', 'no')
    .send(stream);
  return {
    write(event: unknown) {
      if (!ended) stream.write(`${JSON.stringify(event)}\n`);
    },
    end() {
      if (!ended) {
        ended = true;
        stream.end();
      }
    },
  };
}

/** The one error handler: every failure is an ApiError body with a stable code. */
export function handleError(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply): FastifyReply | void {
  const e = err as FastifyError & { statusCode?: number };
  if (err instanceof ClientGone) {
    // Nobody is there to read an answer.
    req.log.debug('client went away before the answer');
    return reply.code(499).send();
  }
  if (err instanceof QueueFullError) return queueFull(reply, err);
  const status = e.statusCode ?? 500;
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
    const limit = req.routeOptions?.bodyLimit ?? BODY_LIMIT_BYTES;
    return reply.code(413).send(errorBody('payload_too_large', `request body exceeds ${limit} bytes`));
  }
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
    return reply.code(415).send(errorBody('unsupported_media_type', 'send Content-Type: application/json'));
  }
  if (err instanceof SyntaxError || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return reply.code(400).send(errorBody('invalid_json', `the body is not valid JSON: ${err.message}`));
  }
  if (status >= 400 && status < 500) return reply.code(status).send(errorBody('bad_request', err.message));
  req.log.error({ err }, 'unhandled error');
  return reply.code(500).send(errorBody('internal', 'internal server error'));
}

/** This request's deadline (epoch ms: its arrival plus its budget) and its client's abort signal. */
export function requestBudget(reply: FastifyReply, budgetMs: number): { deadlineAt: number; signal: AbortSignal } {
  return { deadlineAt: Date.now() - reply.elapsedTime + budgetMs, signal: clientSignal(reply) };
}
