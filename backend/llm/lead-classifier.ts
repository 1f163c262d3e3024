import {
  type CompanyProfile,
  type Lead,
  type LeadClassification,
  type Priority,
  type Stage,
  PRIORITIES,
  STAGES,
} from '../../lib/contracts';
import { IncrementalJsonFields, type JsonScalar } from '../../lib/llm/incremental-json';
import { LeadLlmAnswerSchema, leadResponseFormat, type LeadLlmAnswer } from '../../lib/llm/json-schema';
import { buildLeadMessages } from '../../lib/llm/lead-prompt';
import { capToCeiling, classifyLeadByRules, findInjection, llmCeiling, readLeadByRules, type LeadRulesReading, type LlmCeiling } from '../../lib/rules/index';
import { LEAD_PROMPT_VERSION, RULES_ENGINE, llmEngineId as engineIdOf } from '../../lib/versions';
import { LEAD_BUDGET } from '../../lib/llm/output-budget';
import type { LlmConfig } from '../config';
import {
  completeJson,
  createLlmClient,
  type LlmClient,
  giveUpLogFields,
  parseStructuredAnswer,
  retryPolicy,
  streamJson,
  withinBudget,
  type Finished,
  type LlmCallOptions,
  type LlmFailure,
  type WarnLogger,
} from './structured-chat';

// The shared LLM plumbing, re-exported where the other modules and the tests have always found it.
export { LlmFailure, extractJson, type WarnLogger } from './structured-chat';

/** Stage, priority and SLA: what the panel needs first, sent before the full answer when streaming. */
export interface LeadPartial {
  stage: Stage;
  priority: Priority;
  slaHours: number;
}

export interface ClassifyOptions extends LlmCallOptions {
  /**
   * Called once, as soon as the model has produced stage, priority and slaHours (already capped
   * like the final result). Giving it makes the upstream call a streaming one.
   */
  onPartial?: (partial: LeadPartial) => void;
  /** The rules result when the caller already has it (the streaming route sent it as the preview). */
  rules?: LeadClassification;
}

export interface ClassifyOutcome {
  result: LeadClassification;
  /** Why the LLM answer was not used (an LlmFailure reason); absent when it was, or in rules mode. */
  error?: LlmFailure['reason'];
}

export interface LeadClassifier {
  mode: 'rules' | 'llm';
  model?: string;
  /** Identifies what produces results, for cache keys. */
  engine: string;
  classify(lead: Lead, profile: CompanyProfile): Promise<LeadClassification>;
  classifyDetailed(lead: Lead, profile: CompanyProfile, options?: ClassifyOptions): Promise<ClassifyOutcome>;
}

export function rulesEngineId(): string {
  return RULES_ENGINE;
}

export function llmEngineId(model: string): string {
  return engineIdOf(model, LEAD_PROMPT_VERSION);
}

const STAGE_RANK: Record<Stage, number> = { SQL: 4, MQL: 3, Nurture: 2, Review: 1, Disqualified: 0 };
const PRIORITY_RANK: Record<Priority, number> = { P1: 3, P2: 2, P3: 1, P4: 0 };

/** True when stage `a` ranks the lead above stage `b`. */
export function stageAbove(a: Stage, b: Stage): boolean {
  return STAGE_RANK[a] > STAGE_RANK[b];
}
export function priorityAbove(a: Priority, b: Priority): boolean {
  return PRIORITY_RANK[a] > PRIORITY_RANK[b];
}

/**
 * The partial the panel may show: stage and priority capped to the rules when the rules flag a
 * possible injection (the same cap as mergeWithRules), slaHours from the profile's policy.
 */
export function capPartial(stage: Stage, priority: Priority, rules: LeadClassification, profile: CompanyProfile, ceiling?: LlmCeiling): LeadPartial {
  if ((rules.flags ?? []).includes('possible_injection')) {
    if (stageAbove(stage, rules.stage)) stage = rules.stage;
    if (priorityAbove(priority, rules.priority)) priority = rules.priority;
  }
  if (ceiling) ({ stage, priority } = capToCeiling(stage, priority, ceiling));
  return { stage, priority, slaHours: profile.slaHours[priority] };
}

/** Stage and priority from streamed fields, once they and slaHours are complete and valid. */
export function partialFromFields(fields: Record<string, JsonScalar>): { stage: Stage; priority: Priority } | undefined {
  const { stage, priority, slaHours } = fields;
  if (typeof slaHours !== 'number') return undefined;
  if (!(STAGES as readonly unknown[]).includes(stage) || !(PRIORITIES as readonly unknown[]).includes(priority)) return undefined;
  return { stage: stage as Stage, priority: priority as Priority };
}

/** Parses and validates the model's answer, from `content` only. */
export function parseLeadAnswer(finished: Finished): LeadLlmAnswer {
  return parseStructuredAnswer(finished, LeadLlmAnswerSchema);
}

/**
 * Combines the LLM answer with the rules result: flags and contact.emailType come from the
 * rules; when the rules flag a possible injection the LLM may not rank the lead above the
 * rules (stage, priority and each score capped to the rules'); slaHours always follows the
 * profile's SLA for the final priority.
 * Issue 9 D8: with `ceiling` (lib/rules/safety/ceiling.ts) the answer is also held at or below
 * what the rules can verify, whatever the detector said — pinned to the rules when some text is
 * unverifiable (base64, another language, the classifier's own vocabulary), one evidenced step
 * above them otherwise.
 */
export function mergeWithRules(
  answer: LeadLlmAnswer,
  rules: LeadClassification,
  profile: CompanyProfile,
  language: 'es' | 'en' | undefined = rules.language,
  ceiling?: LlmCeiling,
): LeadClassification {
  const flags = [...(rules.flags ?? [])];
  let { stage, priority, rationale, scores } = answer;
  if (flags.includes('possible_injection') || (ceiling && !ceiling.verifiable)) {
    scores = {
      fit: Math.min(scores.fit, rules.scores.fit),
      urgency: Math.min(scores.urgency, rules.scores.urgency),
      opportunity: Math.min(scores.opportunity, rules.scores.opportunity),
      dataQuality: Math.min(scores.dataQuality, rules.scores.dataQuality),
    };
    const capped: string[] = [];
    if (stageAbove(stage, rules.stage)) {
      capped.push(`stage ${stage} -> ${rules.stage}`);
      stage = rules.stage;
    }
    if (priorityAbove(priority, rules.priority)) {
      capped.push(`priority ${priority} -> ${rules.priority}`);
      priority = rules.priority;
    }
    if (capped.length) {
      const why = flags.includes('possible_injection') ? 'the lead contains possible prompt injection' : `some of the lead's text could not be verified (${ceiling?.reason ?? ''})`;
      rationale = `${rationale.trim()} [capped to the rules result because ${why}: ${capped.join(', ')}]`.trim().slice(0, 4_000);
    }
  }
  if (ceiling) {
    const held = capToCeiling(stage, priority, ceiling);
    if (held.capped.length) {
      ({ stage, priority } = held);
      rationale = `${rationale.trim()} [held to what the rules' evidence supports: ${held.capped.join(', ')}]`.trim().slice(0, 4_000);
    }
  }
  return {
    ...answer,
    stage,
    priority,
    scores,
    // The email type is a fact the rules read exactly (domain lists), not a judgement.
    contact: { ...answer.contact, emailType: rules.contact.emailType },
    slaHours: profile.slaHours[priority],
    rationale,
    source: 'llm',
    flags,
    ...(language ? { language } : {}),
  };
}

/** The lead with every string field passed through the injection cleaner (what the LLM sees). */
export function cleanLeadForLlm(lead: Lead): Lead {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(lead)) {
    out[key] = typeof value === 'string' ? findInjection(value).cleaned : value;
  }
  return out as Lead;
}

export function createRulesClassifier(): LeadClassifier {
  return {
    mode: 'rules',
    engine: rulesEngineId(),
    async classify(lead, profile) {
      return classifyLeadByRules(lead, profile);
    },
    async classifyDetailed(lead, profile, options) {
      return { result: options?.rules ?? classifyLeadByRules(lead, profile) };
    },
  };
}

export interface LlmClassifierOptions {
  logger: WarnLogger;
  /** Injected for tests; defaults to a client built from the config. */
  client?: LlmClient;
}

export function createLlmClassifier(llm: LlmConfig, options: LlmClassifierOptions): LeadClassifier {
  const client = options.client ?? createLlmClient(llm);
  const logger = options.logger;
  // Built once: the schema is the same for every request (and the SDK does not mutate it).
  const responseFormat = leadResponseFormat();

  /**
   * One upstream call. Streaming, the partial comes from `content` alone: gpt-oss streams its
   * whole analysis first, so the rep sees the model's priority only once the analysis is over —
   * never a draft the model was still weighing.
   */
  async function attempt(
    messages: ReturnType<typeof buildLeadMessages>,
    onFields: ((fields: { stage: Stage; priority: Priority }) => void) | undefined,
    signal: AbortSignal,
  ): Promise<LeadLlmAnswer> {
    const request = { messages, temperature: 0, responseFormat, budget: LEAD_BUDGET };
    if (!onFields) return completeJson(client, llm, { ...request, parse: parseLeadAnswer }, signal);
    const fields = new IncrementalJsonFields();
    let announced = false;
    const finished = await streamJson(client, llm, request, signal, (delta) => {
      fields.push(delta);
      if (announced) return;
      const found = partialFromFields(fields.fields);
      if (!found) return;
      announced = true;
      onFields(found);
    });
    return parseLeadAnswer(finished);
  }

  async function classifyDetailed(lead: Lead, profile: CompanyProfile, opts: ClassifyOptions = {}): Promise<ClassifyOutcome> {
    const started = Date.now();
    // The prompt needs only the lead's language (the rules' reading of it), so the upstream request
    // goes out first; the rules result — the merge's baseline, the partial's cap, the fallback — is
    // computed while the model works, once (the streaming route may have sent it as the preview),
    // from the same reading of the lead as the language.
    let reading: LeadRulesReading | undefined;
    const read = () => (reading ??= readLeadByRules(lead));
    const language = opts.rules?.language ?? read().language;
    const messages = buildLeadMessages(cleanLeadForLlm(lead), profile, { language });
    let judged: { rules: LeadClassification; ceiling: LlmCeiling } | undefined;
    const judge = () => {
      if (judged) return judged;
      const rules = opts.rules ?? read().classify(profile);
      // D8: how far the model may rank this lead above the rules, from what the rules can verify.
      judged = { rules, ceiling: llmCeiling(lead, rules) };
      return judged;
    };
    let partialSent = false;
    const onFields = opts.onPartial
      ? (fields: { stage: Stage; priority: Priority }) => {
          if (partialSent) return; // a retry re-streams: the panel already shows the first one
          partialSent = true;
          const { rules, ceiling } = judge();
          opts.onPartial!(capPartial(fields.stage, fields.priority, rules, profile, ceiling));
        }
      : undefined;
    const outcome = withinBudget(
      retryPolicy(llm, { temperature: 0, budget: LEAD_BUDGET }),
      opts,
      async (signal): Promise<ClassifyOutcome> => {
        const answer = await attempt(messages, onFields, signal);
        const { rules, ceiling } = judge();
        return { result: mergeWithRules(answer, rules, profile, language, ceiling) };
      },
      (giveUp): ClassifyOutcome => {
        logger.warn(giveUpLogFields(giveUp, started, llm.model), 'LLM lead classification failed; using the rules result');
        return { result: { ...judge().rules, source: 'rules' }, error: giveUp.failure.reason };
      },
    );
    // The request is on its way (the SDK hands it to upstream-fetch.ts within this turn's promise
    // jobs, and that writes it at once): judge now, while the model works, off the critical path.
    setImmediate(judge);
    return outcome;
  }

  return {
    mode: 'llm',
    model: llm.model,
    engine: llmEngineId(llm.model),
    classifyDetailed,
    async classify(lead, profile) {
      return (await classifyDetailed(lead, profile)).result;
    },
  };
}

/** LLM when configured, else the rules engine. */
export function createLeadClassifier(llm: LlmConfig | undefined, options: LlmClassifierOptions): LeadClassifier {
  return llm ? createLlmClassifier(llm, options) : createRulesClassifier();
}
