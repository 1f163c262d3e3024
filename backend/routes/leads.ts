import { PassThrough } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  ClassifyBatchRequestSchema,
  ClassifyLeadRequestSchema,
  LeadSchema,
  describeZodIssues,
  type BatchItemEvent,
  type ClassifyBatchResponse,
  type CompanyProfile,
  type Lead,
  type LeadClassification,
  type LeadStreamEvent,
} from '../../lib/contracts';
import { classifyLeadByRules } from '../../lib/rules/index';
import type { Config } from '../config';
import { BATCH_BODY_LIMIT_BYTES, BODY_LIMIT_BYTES, NDJSON, errorBody } from '../http';
import { QueueFullError } from '../llm/admission';
import type { LeadGateway } from '../llm/lead-gateway';

export interface LeadRouteOptions {
  config: Config;
  gateway: LeadGateway;
}

/** `?stream=1` (or true/yes) asks for NDJSON. */
function wantsStream(req: FastifyRequest): boolean {
  const v = (req.query as Record<string, unknown> | undefined)?.stream;
  return typeof v === 'string' && /^(1|true|yes)$/i.test(v);
}

function badRequest(reply: FastifyReply, error: import('zod').ZodError) {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return reply.code(400).send(errorBody('bad_request', describeZodIssues(error) || 'invalid request body', issues));
}

function queueFull(reply: FastifyReply, err: QueueFullError) {
  return reply
    .code(429)
    .header('retry-after', String(err.retryAfterSeconds))
    .send(errorBody('queue_full', `the LLM is at capacity; retry after ${err.retryAfterSeconds} s`));
}

/** An NDJSON response whose lines are written as they happen; write() after end() is ignored. */
function ndjson(reply: FastifyReply) {
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

export const leadRoutes: FastifyPluginAsync<LeadRouteOptions> = async (app, { config, gateway }) => {
  /**
   * POST /v1/leads/classify — { lead, profile? } → LeadClassification.
   * ?stream=1 → NDJSON LeadStreamEvent lines: preview (rules, at once), partial (LLM stage /
   * priority / SLA, capped), final. Queue full → 429 + Retry-After before anything is written.
   */
  app.post('/v1/leads/classify', { bodyLimit: BODY_LIMIT_BYTES }, async (req, reply): Promise<LeadClassification | void> => {
    const parsed = ClassifyLeadRequestSchema.safeParse(req.body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    const { lead } = parsed.data;
    const profile = parsed.data.profile ?? config.profile;
    const stream = wantsStream(req);
    const rules = stream ? classifyLeadByRules(lead, profile) : undefined;
    let run;
    try {
      run = await gateway.begin(lead, profile, { rules, wantPartial: stream });
    } catch (err) {
      if (err instanceof QueueFullError) return queueFull(reply, err);
      throw err;
    }
    if (!stream) return (await run.outcome).result;

    const out = ndjson(reply);
    out.write({ type: 'preview', result: rules! } satisfies LeadStreamEvent);
    run.onPartial((p) => out.write({ type: 'partial', ...p } satisfies LeadStreamEvent));
    void run.outcome
      .then(({ result, error }) => out.write({ type: 'final', result, ...(error ? { error } : {}) } satisfies LeadStreamEvent))
      .catch((err: unknown) => {
        req.log.error({ err }, 'lead stream failed');
        out.write({ type: 'final', result: { ...rules!, source: 'rules' }, error: 'internal' } satisfies LeadStreamEvent);
      })
      .finally(() => out.end());
    return reply;
  });

  /**
   * POST /v1/leads/classify-batch — { leads: [1..100], profile? } → { results: BatchItemEvent[] }
   * in input order; ?stream=1 → one NDJSON BatchItemEvent per row as it completes. Rows are
   * validated and answered one by one; they share the upstream cap, single-flight and cache.
   */
  app.post('/v1/leads/classify-batch', { bodyLimit: BATCH_BODY_LIMIT_BYTES }, async (req, reply): Promise<ClassifyBatchResponse | void> => {
    const parsed = ClassifyBatchRequestSchema.safeParse(req.body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    const profile: CompanyProfile = parsed.data.profile ?? config.profile;
    // Nothing can be admitted at all: refuse the batch as a whole, before any row starts.
    if (gateway.mode === 'llm' && gateway.admission.full) {
      return queueFull(reply, new QueueFullError(gateway.admission.retryAfterSeconds()));
    }

    const rows = parsed.data.leads.map((raw, index) => {
      const lead = LeadSchema.safeParse(raw);
      return lead.success ? { index, lead: lead.data } : { index, error: `invalid_lead: ${describeZodIssues(lead.error, `leads.${index}`)}` };
    });
    const stream = wantsStream(req);
    const results: BatchItemEvent[] = new Array(rows.length);
    const out = stream ? ndjson(reply) : undefined;
    const emit = (event: BatchItemEvent) => {
      results[event.index] = event;
      out?.write(event);
    };

    const pending: { index: number; lead: Lead }[] = [];
    for (const row of rows) {
      if ('error' in row) emit({ index: row.index, error: row.error! });
      else pending.push(row as { index: number; lead: Lead });
    }

    async function classifyRow(row: { index: number; lead: Lead }): Promise<void> {
      try {
        const run = await gateway.begin(row.lead, profile);
        emit({ index: row.index, result: (await run.outcome).result });
      } catch (err) {
        if (err instanceof QueueFullError) emit({ index: row.index, error: `queue_full: retry after ${err.retryAfterSeconds} s` });
        else {
          req.log.error({ err, index: row.index }, 'batch row failed');
          emit({ index: row.index, error: 'internal: the row could not be classified' });
        }
      }
    }

    // Each worker holds at most one upstream slot or queue place at a time, so one batch can
    // neither overflow the queue by itself nor starve single requests for long (FIFO queue).
    const workers = gateway.mode === 'llm' ? Math.min(pending.length, gateway.admission.maxConcurrency) : 1;
    let next = 0;
    const work = (async () => {
      await Promise.all(
        Array.from({ length: workers }, async () => {
          while (next < pending.length) await classifyRow(pending[next++]!);
        }),
      );
    })();

    if (out) {
      void work.finally(() => out.end());
      return reply;
    }
    await work;
    return { results };
  });
};
