import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  BatchItemEventSchema,
  ClassifyBatchRequestSchema,
  ClassifyBatchResponseSchema,
  ClassifyLeadRequestSchema,
  LeadClassificationSchema,
  LeadSchema,
  LeadStreamEventSchema,
  describeZodIssues,
  type BatchItemEvent,
  type ClassifyBatchResponse,
  type Lead,
  type LeadClassification,
  type LeadStreamEvent,
} from '../../lib/contracts';
import { classifyLeadByRules } from '../../lib/rules/index';
import type { Gateways } from '../capabilities/index';
import type { BudgetConfig } from '../config';
import { QueueFullError } from '../gateway/admission';
import { ClientGone } from '../gateway/gateway';
import { BATCH_BODY_LIMIT_BYTES, NDJSON, PROFILE_BODY_LIMIT_BYTES, badRequest, ndjson, profileUnknown, queueFull, requestBudget } from '../http';
import { ERRORS, docs } from '../openapi';
import type { ProfileResolver } from '../profiles';

export interface LeadRouteOptions {
  leads: Gateways['leads'];
  profiles: ProfileResolver;
  budget: BudgetConfig;
}

const StreamQuerySchema = z.object({
  stream: z.string().optional().describe('1 (or true/yes): answer NDJSON lines as they happen'),
  preview: z.string().optional().describe('0 (or false/no): no rules preview line (a client with its own rules engine does not need it)'),
});

const flag = (req: FastifyRequest, name: 'stream' | 'preview'): boolean | undefined => {
  const v = (req.query as Record<string, unknown> | undefined)?.[name];
  if (typeof v !== 'string') return undefined;
  if (/^(1|true|yes)$/i.test(v)) return true;
  if (/^(0|false|no)$/i.test(v)) return false;
  return undefined;
};

export const leadRoutes: FastifyPluginAsync<LeadRouteOptions> = async (app, { leads, profiles, budget }) => {
  /**
   * POST /v1/leads/classify — { lead, profile? | profileVersion? } → LeadClassification.
   * ?stream=1 → NDJSON LeadStreamEvent lines: preview (rules, at once; ?preview=0 leaves it out),
   * partial (LLM stage / priority / SLA, capped), final. Queue full → 429 + Retry-After before
   * anything is written; an unknown profileVersion → 409 profile_unknown.
   */
  app.post(
    '/v1/leads/classify',
    {
      bodyLimit: PROFILE_BODY_LIMIT_BYTES,
      schema: docs({
        summary: 'Classify one lead',
        tags: ['leads'],
        body: ClassifyLeadRequestSchema,
        querystring: StreamQuerySchema,
        response: {
          200: { description: 'The classification; with ?stream=1, NDJSON LeadStreamEvent lines instead.', schema: LeadClassificationSchema },
          201: { description: '(?stream=1) one NDJSON line per event, 200 in practice.', schema: LeadStreamEventSchema, contentType: NDJSON },
          ...ERRORS,
        },
      }),
    },
    async (req, reply): Promise<LeadClassification | void> => {
      const parsed = ClassifyLeadRequestSchema.safeParse(req.body);
      if (!parsed.success) return badRequest(reply, parsed.error);
      const profile = await profiles.resolve(parsed.data);
      if (!profile) return profileUnknown(reply, parsed.data.profileVersion!);
      const { lead } = parsed.data;
      const stream = flag(req, 'stream') === true;
      // The preview line is computed only when it is sent, and then it is also the fallback and the merge's baseline.
      const rules = stream && flag(req, 'preview') !== false ? classifyLeadByRules(lead, profile.profile) : undefined;
      const run = await leads.begin(lead, profile, { lane: 'interactive', ...requestBudget(reply, budget.singleMs), rules, wantPartial: stream });
      if (!stream) return (await run.outcome).result;

      const out = ndjson(reply);
      if (rules) out.write({ type: 'preview', result: rules } satisfies LeadStreamEvent);
      run.onPartial((p) => out.write({ type: 'partial', ...p } satisfies LeadStreamEvent));
      void run.outcome
        .then(({ result, error }) => out.write({ type: 'final', result, ...(error ? { error } : {}) } satisfies LeadStreamEvent))
        .catch((err: unknown) => {
          if (err instanceof ClientGone) return;
          req.log.error({ err }, 'lead stream failed');
          const fallback = rules ?? classifyLeadByRules(lead, profile.profile);
          out.write({ type: 'final', result: { ...fallback, source: 'rules' }, error: 'internal' } satisfies LeadStreamEvent);
        })
        .finally(() => out.end());
      return reply;
    },
  );

  /**
   * POST /v1/leads/classify-batch — { leads: [1..100], profile? | profileVersion? } →
   * { results: BatchItemEvent[] } in input order; ?stream=1 → one NDJSON BatchItemEvent per row
   * as it completes. Rows are validated and answered one by one; they share the cache and
   * single-flight, and take the batch share of the upstream (single requests keep theirs).
   * Rows the model cannot answer inside the batch budget get the rules result.
   */
  app.post(
    '/v1/leads/classify-batch',
    {
      bodyLimit: BATCH_BODY_LIMIT_BYTES,
      schema: docs({
        summary: 'Classify up to 100 leads',
        tags: ['leads'],
        body: ClassifyBatchRequestSchema,
        querystring: StreamQuerySchema.pick({ stream: true }),
        response: {
          200: { description: 'Every row, in input order; with ?stream=1, one NDJSON BatchItemEvent per row as it completes.', schema: ClassifyBatchResponseSchema },
          201: { description: '(?stream=1) one NDJSON line per row, 200 in practice.', schema: BatchItemEventSchema, contentType: NDJSON },
          ...ERRORS,
        },
      }),
    },
    async (req, reply): Promise<ClassifyBatchResponse | void> => {
      const parsed = ClassifyBatchRequestSchema.safeParse(req.body);
      if (!parsed.success) return badRequest(reply, parsed.error);
      const profile = await profiles.resolve(parsed.data);
      if (!profile) return profileUnknown(reply, parsed.data.profileVersion!);
      // Its rows could not start in time: refuse the batch as a whole, before any row starts.
      if (leads.mode === 'llm' && leads.admission.batchLineFull()) {
        return queueFull(reply, leads.admission.refuse('batch'));
      }
      const request = requestBudget(reply, budget.batchMs);

      const rows = parsed.data.leads.map((raw, index) => {
        const lead = LeadSchema.safeParse(raw);
        return lead.success ? { index, lead: lead.data } : { index, error: `invalid_lead: ${describeZodIssues(lead.error, `leads.${index}`)}` };
      });
      const stream = flag(req, 'stream') === true;
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
          // The batch was admitted, so its rows are not refused midway: a row that finds the
          // lane's queue full (other batches came at the same time) waits for a place.
          const run = await leads.begin(row.lead, profile!, { lane: 'batch', ...request, waitForPlace: true });
          emit({ index: row.index, result: (await run.outcome).result });
        } catch (err) {
          if (err instanceof ClientGone) return;
          if (err instanceof QueueFullError) emit({ index: row.index, error: `queue_full: retry after ${err.retryAfterSeconds} s`, retryAfterSeconds: err.retryAfterSeconds });
          else {
            req.log.error({ err, index: row.index }, 'batch row failed');
            emit({ index: row.index, error: 'internal: the row could not be classified' });
          }
        }
      }

      // Each worker holds at most one upstream slot or queue place at a time. There are as many
      // workers as the upstream has slots: rows run on the batch share and on the reserve's
      // slots lent while no single request needs them (Admission). Workers stop taking rows
      // once the client has gone.
      const workers = leads.mode === 'llm' ? Math.max(1, Math.min(pending.length, leads.admission.maxConcurrency)) : 1;
      let next = 0;
      const work = Promise.all(
        Array.from({ length: workers }, async () => {
          while (next < pending.length && !request.signal.aborted) await classifyRow(pending[next++]!);
        }),
      );

      if (out) {
        void work.finally(() => out.end());
        return reply;
      }
      await work;
      if (request.signal.aborted) throw new ClientGone();
      return { results };
    },
  );
};
