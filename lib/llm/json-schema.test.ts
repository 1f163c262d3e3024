import { describe, expect, it } from 'vitest';
import { LeadLlmAnswerSchema, leadAnswerJsonSchema, leadResponseFormat, sanitizeJsonSchemaForVllm } from './json-schema';

function walk(node: unknown, visit: (n: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

const validAnswer = {
  stage: 'MQL',
  priority: 'P2',
  slaHours: 4,
  scores: { fit: 70, urgency: 50, opportunity: 60, dataQuality: 80 },
  contact: { seniority: 'DIRECTOR', roleType: 'BUSINESS_DECISION_MAKER', decisionPower: 'HIGH', emailType: 'CORPORATE' },
  summary: 's',
  detectedNeeds: ['cloud'],
  matchedServices: ['Cloud migration'],
  nextSteps: ['call'],
  recommendedOwner: 'AE',
  rationale: 'r',
};

describe('lead answer JSON schema', () => {
  const schema = leadAnswerJsonSchema();

  it('puts stage, priority and slaHours first and leaves out the backend-owned fields', () => {
    const keys = Object.keys(schema.properties as object);
    expect(keys.slice(0, 3)).toEqual(['stage', 'priority', 'slaHours']);
    expect(keys).not.toContain('source');
    expect(keys).not.toContain('flags');
    expect(keys).not.toContain('language');
    expect((schema.required as string[]).slice(0, 3)).toEqual(['stage', 'priority', 'slaHours']);
    expect(schema.required).toEqual(expect.arrayContaining(keys));
  });

  it('has no keyword vLLM grammar backends reject, and closes every object', () => {
    expect(schema.$schema).toBeUndefined();
    let objects = 0;
    walk(schema, (n) => {
      expect(n).not.toHaveProperty('multipleOf');
      expect(n).not.toHaveProperty('uniqueItems');
      expect(n).not.toHaveProperty('$schema');
      if ('pattern' in n) expect('minLength' in n || 'maxLength' in n).toBe(false);
      if (n.type === 'object') {
        objects++;
        expect(n.additionalProperties).toBe(false);
      }
    });
    expect(objects).toBe(3); // root, scores, contact
  });

  it('keeps the enums and bounds that make the answer valid', () => {
    const props = schema.properties as Record<string, Record<string, unknown>>;
    expect(props.stage!.enum).toEqual(['SQL', 'MQL', 'Nurture', 'Disqualified', 'Review']);
    expect(props.priority!.enum).toEqual(['P1', 'P2', 'P3', 'P4']);
    const fit = (props.scores!.properties as Record<string, Record<string, unknown>>).fit!;
    expect(fit).toMatchObject({ type: 'integer', minimum: 0, maximum: 100 });
  });

  it('is a fresh copy each time (callers may not corrupt it)', () => {
    const a = leadAnswerJsonSchema();
    (a.properties as Record<string, unknown>).stage = 'x';
    expect((leadAnswerJsonSchema().properties as Record<string, unknown>).stage).not.toBe('x');
  });

  it('response_format is strict json_schema', () => {
    const rf = leadResponseFormat();
    expect(rf.type).toBe('json_schema');
    expect(rf.json_schema.strict).toBe(true);
    expect(rf.json_schema.name).toMatch(/^[a-zA-Z0-9_-]+$/);
  });

  it('the zod answer schema accepts a valid answer and rejects backend fields', () => {
    expect(LeadLlmAnswerSchema.safeParse(validAnswer).success).toBe(true);
    expect(LeadLlmAnswerSchema.safeParse({ ...validAnswer, stage: 'HOT' }).success).toBe(false);
    const parsed = LeadLlmAnswerSchema.parse({ ...validAnswer, source: 'llm' });
    expect(parsed).not.toHaveProperty('source');
  });
});

describe('sanitizeJsonSchemaForVllm', () => {
  it('drops rejected keywords and converts exclusive bounds', () => {
    const out = sanitizeJsonSchemaForVllm({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        code: { type: 'string', pattern: '^[A-Z]+$', minLength: 2, maxLength: 5 },
        slug: { type: 'string', pattern: '^[a-z]+$' },
        step: { type: 'number', multipleOf: 0.5, exclusiveMinimum: 0 },
        tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
        nested: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: true },
      },
    });
    expect(out).toEqual({
      type: 'object',
      properties: {
        code: { type: 'string', minLength: 2, maxLength: 5 },
        slug: { type: 'string', pattern: '^[a-z]+$' },
        step: { type: 'number', minimum: 0 },
        tags: { type: 'array', items: { type: 'string' } },
        nested: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
      },
      additionalProperties: false,
    });
  });

  it('does not treat a property named like a keyword as a keyword', () => {
    const out = sanitizeJsonSchemaForVllm({ type: 'object', properties: { format: { type: 'string' }, pattern: { type: 'string' } } });
    expect(Object.keys(out.properties as object)).toEqual(['format', 'pattern']);
  });
});
