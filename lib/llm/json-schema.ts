import { z } from 'zod';
import { LeadClassificationSchema } from '../contracts';

/**
 * What the LLM must answer: a LeadClassification without the fields the backend owns
 * (source, flags, language) and the rules' own glass-box fields (confidence, limitedEvidence,
 * evidence). slaHours is only required to be >= 0 here: the backend
 * replaces it with the profile's SLA for the final priority.
 */
export const LeadLlmAnswerSchema = LeadClassificationSchema.omit({ source: true, flags: true, language: true, confidence: true, limitedEvidence: true, evidence: true }).extend({
  slaHours: z.number().min(0),
});
export type LeadLlmAnswer = z.output<typeof LeadLlmAnswerSchema>;

export const LEAD_ANSWER_SCHEMA_NAME = 'lead_classification';

export type JsonSchema = { [key: string]: unknown };

/** Keywords some vLLM guided-decoding backends (xgrammar, outlines, guidance) reject or mishandle. */
const DROPPED_KEYWORDS = new Set(['$schema', '$id', 'multipleOf', 'uniqueItems', 'format', 'default', 'examples']);

/**
 * Makes a JSON schema safe for vLLM's structured output:
 * - drops `$schema`, `multipleOf`, `uniqueItems` (and `format`, `default`, `examples`);
 * - drops `pattern` when it is combined with `minLength`/`maxLength` (rejected together);
 * - turns `exclusiveMinimum`/`exclusiveMaximum` into `minimum`/`maximum` (zod re-validates afterwards);
 * - forces `additionalProperties: false` on every object.
 * Pure: returns a new object.
 */
export function sanitizeJsonSchemaForVllm(schema: unknown): JsonSchema {
  return clean(schema) as JsonSchema;
}

function clean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(clean);
  if (node === null || typeof node !== 'object') return node;
  const src = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const hasLength = 'minLength' in src || 'maxLength' in src;
  for (const [key, value] of Object.entries(src)) {
    if (DROPPED_KEYWORDS.has(key)) continue;
    if (key === 'pattern' && hasLength) continue;
    if (key === 'exclusiveMinimum' && typeof value === 'number') {
      if (!('minimum' in src)) out.minimum = value;
      continue;
    }
    if (key === 'exclusiveMaximum' && typeof value === 'number') {
      if (!('maximum' in src)) out.maximum = value;
      continue;
    }
    if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
      continue;
    }
    out[key] = clean(value);
  }
  if (out.type === 'object' || 'properties' in out) out.additionalProperties = false;
  return out;
}

/**
 * A response format for vLLM's structured outputs from a zod schema: vLLM-safe, with the
 * verdict keys first (a model decoding left to right produces them first, which is what
 * streaming shows early), every property required (strict mode), built once.
 */
export function structuredResponse(name: string, answer: z.ZodType, leadingKeys: readonly string[]) {
  let cached: JsonSchema | undefined;
  const jsonSchema = (): JsonSchema => {
    if (!cached) {
      const schema = sanitizeJsonSchemaForVllm(z.toJSONSchema(answer, { target: 'draft-7', io: 'output' }));
      const props = (schema.properties ?? {}) as Record<string, unknown>;
      const keys = [...leadingKeys.filter((k) => k in props), ...Object.keys(props).filter((k) => !leadingKeys.includes(k))];
      cached = { ...schema, properties: Object.fromEntries(keys.map((k) => [k, props[k]])), required: keys };
    }
    return structuredClone(cached);
  };
  return {
    jsonSchema,
    /** The keys in words, for the system prompt (see describeJsonSchema). */
    description: () => describeJsonSchema(jsonSchema()),
    /** `response_format` for an OpenAI-compatible chat completion. */
    responseFormat: () => ({ type: 'json_schema' as const, json_schema: { name, schema: jsonSchema(), strict: true } }),
  };
}

const leadResponse = structuredResponse(LEAD_ANSWER_SCHEMA_NAME, LeadLlmAnswerSchema, ['stage', 'priority', 'slaHours']);

/** The response JSON schema sent in `response_format.json_schema.schema` for lead classification. */
export const leadAnswerJsonSchema = leadResponse.jsonSchema;
export const leadResponseFormat = leadResponse.responseFormat;
export const leadAnswerDescription = leadResponse.description;

/**
 * The answer's keys as one compact line each, for the system prompt. The grammar forces the
 * shape while decoding, but the model reasons (in its analysis channel) before the grammar
 * applies: without this it reasons without knowing the keys, their order or their limits.
 * Derived only from the schema, so it is byte-identical for every request (prefix caching).
 */
export function describeJsonSchema(schema: JsonSchema): string {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return [
    'ANSWER SHAPE (one JSON object, every key required, in this order):',
    ...Object.entries(props).map(([key, node]) => `${key}: ${describeNode(node)}`),
  ].join('\n');
}

function describeNode(node: JsonSchema): string {
  if (Array.isArray(node.enum)) return `one of ${node.enum.map((v) => JSON.stringify(v)).join('|')}`;
  const type = Array.isArray(node.type) ? node.type.join('|') : String(node.type ?? 'any');
  if (type === 'object') {
    const props = (node.properties ?? {}) as Record<string, JsonSchema>;
    return `{${Object.entries(props).map(([k, v]) => `${k}: ${describeNode(v)}`).join(', ')}}`;
  }
  if (type === 'array') {
    const max = typeof node.maxItems === 'number' ? ` (at most ${node.maxItems})` : '';
    return `list${max} of ${describeNode((node.items ?? {}) as JsonSchema)}`;
  }
  if (type === 'string') return typeof node.maxLength === 'number' ? `string (at most ${node.maxLength} chars)` : 'string';
  if (type === 'number' || type === 'integer') {
    const { minimum: min, maximum: max } = node as { minimum?: number; maximum?: number };
    if (min !== undefined && max !== undefined) return `${type} ${min}..${max}`;
    if (min !== undefined) return `${type} >= ${min}`;
    if (max !== undefined) return `${type} <= ${max}`;
  }
  return type;
}
