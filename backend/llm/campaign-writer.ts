import type { Campaign, CampaignStep, CompanyProfile } from '../../lib/contracts';
import { gatherCampaignFacts, type CampaignFacts, type CampaignInput } from '../../lib/campaign/facts';
import { campaignFromFacts } from '../../lib/campaign/generate';
import { campaignFromLlmAnswer, campaignPromptInput, rescueCampaign, stepsBeforeModel, streamedStep, type RescueReason } from '../../lib/campaign/llm-answer';
import type { HtmlSanitizer } from '../../lib/campaign/sanitize-html';
import { CAMPAIGN_PROMPT_VERSION, CampaignStreamReader, buildCampaignMessages, campaignResponseFormat, type CampaignModelEvent } from '../../lib/llm/campaign-prompt';
import { campaignBudget } from '../../lib/llm/output-budget';
import { RULES_ENGINE, llmEngineId } from '../../lib/versions';
import { nodeCampaignHtmlSanitizer } from '../campaign/html-sanitizer';
import type { LlmConfig } from '../config';
import {
  LlmFailure,
  answerJson,
  completeJson,
  createLlmClient,
  type LlmClient,
  giveUpLogFields,
  retryPolicy,
  streamJson,
  withinBudget,
  type Finished,
  type LlmCallOptions,
  type LlmFailureReason,
  type WarnLogger,
} from './structured-chat';

/**
 * Personalised campaigns (issue 13) on the LLM path. The same plumbing as the other tasks
 * (strict json_schema, the output cap that follows maxWords, the answer from `content` only,
 * attempts inside the caller's budget), and the glass box as it happens: read and enrich at once
 * (facts Pulso gathered itself), then the segment, the product and the subject the moment the
 * model has written each (streamed). Any failure — unreachable, 429/503/5xx, too slow, aborted,
 * cut off, empty, not JSON, schema-invalid, wrong language — gives the rescue: the admin's
 * pre-approved template filled from the same facts, labelled `rescue:<reason>`.
 */
export interface CampaignWriteOptions extends LlmCallOptions {
  /** Each glass-box step as it happens (read and enrich at once; reason and write while the model writes). */
  onStep?: (step: CampaignStep) => void;
}

export interface CampaignOutcome {
  result: Campaign;
  /** Why the model's campaign was not used (an LLM failure reason, or `wrong_language`); absent when it was, and in rules mode. */
  error?: string;
}

export interface CampaignWriter {
  mode: 'rules' | 'llm';
  model?: string;
  engine: string;
  write(input: CampaignInput, profile: CompanyProfile, options?: CampaignWriteOptions): Promise<Campaign>;
  writeDetailed(input: CampaignInput, profile: CompanyProfile, options?: CampaignWriteOptions): Promise<CampaignOutcome>;
}

export const campaignRulesEngineId = () => `${RULES_ENGINE}:campaign`;
export const campaignLlmEngineId = (model: string) => llmEngineId(model, CAMPAIGN_PROMPT_VERSION);

/** A parsed answer Pulso will not use (its checks in lib/campaign/llm-answer.ts): never retried. */
class CampaignAnswerRefused extends LlmFailure {
  constructor(
    readonly rescue: 'invalid_answer' | 'wrong_language',
    detail: string,
  ) {
    super('schema_invalid', detail);
  }
}

/** The rescue's reason, as the campaign's flag names it, for every way the model can fail. */
export function rescueReasonOf(failure: LlmFailure): RescueReason {
  if (failure instanceof CampaignAnswerRefused) return failure.rescue;
  const byReason: Record<LlmFailureReason, RescueReason> = {
    timeout: 'timeout',
    deadline: 'timeout',
    aborted: 'aborted',
    rate_limited: 'rate_limited',
    overloaded: 'unavailable',
    server_error: 'unavailable',
    connection: 'unavailable',
    http_error: 'unavailable',
    stream_error: 'unavailable',
    length: 'invalid_answer',
    empty_content: 'invalid_answer',
    empty: 'invalid_answer',
    malformed_json: 'invalid_answer',
    schema_invalid: 'invalid_answer',
  };
  return byReason[failure.reason];
}

/** The rules campaign, with its steps reported as they are (all at once: it takes microseconds). */
function rulesCampaign(input: CampaignInput, profile: CompanyProfile, onStep?: (step: CampaignStep) => void): Campaign {
  const campaign = campaignFromFacts(gatherCampaignFacts(input, profile), profile);
  for (const step of campaign.steps) onStep?.(step);
  return campaign;
}

export function createRulesCampaignWriter(): CampaignWriter {
  const writeDetailed = async (input: CampaignInput, profile: CompanyProfile, options: CampaignWriteOptions = {}): Promise<CampaignOutcome> => ({
    result: rulesCampaign(input, profile, options.onStep),
  });
  return {
    mode: 'rules',
    engine: campaignRulesEngineId(),
    writeDetailed,
    async write(input, profile, options) {
      return (await writeDetailed(input, profile, options)).result;
    },
  };
}

export interface LlmCampaignWriterOptions {
  logger: WarnLogger;
  client?: LlmClient;
  /** DOMPurify on a real DOM (default: jsdom, loaded once, on the first answer with HTML). */
  sanitizer?: () => Promise<HtmlSanitizer>;
}

export function createLlmCampaignWriter(llm: LlmConfig, options: LlmCampaignWriterOptions): CampaignWriter {
  const client = options.client ?? createLlmClient(llm);
  const responseFormat = campaignResponseFormat();
  const sanitizer = options.sanitizer ?? nodeCampaignHtmlSanitizer;

  /** The model's answer as a Campaign, or the reason it is refused (thrown: the rescue follows). */
  async function finish(finished: Finished, facts: CampaignFacts, profile: CompanyProfile): Promise<Campaign> {
    const json = answerJson(finished);
    const html = (json as { html?: unknown } | null)?.html;
    const sanitize = typeof html === 'string' && html.trim() ? await sanitizer() : undefined;
    const outcome = campaignFromLlmAnswer(json, facts, profile, { sanitize });
    if (!outcome.ok) throw new CampaignAnswerRefused(outcome.reason, `${outcome.reason}: ${outcome.detail}`);
    return outcome.campaign;
  }

  async function writeDetailed(input: CampaignInput, profile: CompanyProfile, opts: CampaignWriteOptions = {}): Promise<CampaignOutcome> {
    const started = Date.now();
    const facts = gatherCampaignFacts(input, profile);
    for (const step of stepsBeforeModel(facts)) opts.onStep?.(step);
    const request = {
      messages: buildCampaignMessages(profile, campaignPromptInput(facts, profile)),
      // Some variety reads better in a sales email; every fact is still checked against the record and the profile.
      temperature: 0.3,
      responseFormat,
      budget: campaignBudget(profile.replyPolicy.maxWords),
    };
    // A retry runs the attempt again: a step already shown is not shown twice.
    const shown = new Set<CampaignModelEvent['kind']>();
    const onModelEvent = (event: CampaignModelEvent) => {
      if (shown.has(event.kind)) return;
      shown.add(event.kind);
      opts.onStep?.(streamedStep(event, facts, profile));
    };
    return withinBudget(
      retryPolicy(llm, request),
      opts,
      async (signal): Promise<CampaignOutcome> => {
        if (!opts.onStep) return { result: await completeJson(client, llm, { ...request, parse: (f) => f }, signal).then((f) => finish(f, facts, profile)) };
        const reader = new CampaignStreamReader(onModelEvent);
        const finished = await streamJson(client, llm, request, signal, (delta) => reader.push(delta));
        return { result: await finish(finished, facts, profile) };
      },
      (giveUp): CampaignOutcome => {
        options.logger.warn(giveUpLogFields(giveUp, started, llm.model), 'LLM campaign failed; using the rescue template');
        const reason = rescueReasonOf(giveUp.failure);
        return { result: rescueCampaign(facts, profile, reason), error: reason === 'wrong_language' ? reason : giveUp.failure.reason };
      },
    );
  }

  return {
    mode: 'llm',
    model: llm.model,
    engine: campaignLlmEngineId(llm.model),
    writeDetailed,
    async write(input, profile, o) {
      return (await writeDetailed(input, profile, o)).result;
    },
  };
}

/** LLM when configured, else the rules. */
export function createCampaignWriter(llm: LlmConfig | undefined, options: LlmCampaignWriterOptions): CampaignWriter {
  return llm ? createLlmCampaignWriter(llm, options) : createRulesCampaignWriter();
}
