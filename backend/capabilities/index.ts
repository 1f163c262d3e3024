import type { Campaign, CampaignStep, Conversation, ConversationTriage, JudgeScore, Lead, LeadClassification, ReplyDraft } from '../../lib/contracts';
import type { CampaignInput } from '../../lib/campaign/facts';
import type { Config } from '../config';
import { Admission } from '../gateway/admission';
import { createGateway, type Gateway } from '../gateway/gateway';
import { createBackendMetrics, type BackendMetrics } from '../gateway/metrics';
import { createCampaignWriter, type CampaignWriter } from '../llm/campaign-writer';
import { createConversationTriager, type ConversationTriager } from '../llm/conversation-triage';
import { createLeadClassifier, type LeadClassifier, type LeadPartial, type WarnLogger } from '../llm/lead-classifier';
import { createDraftJudge, type DraftJudge, type JudgeInput } from '../llm/draft-judge';
import { createReplyDrafter, type ReplyDrafter } from '../llm/reply-drafter';
import { campaignCapability } from './campaign';
import { draftCapability, type DraftInput } from './draft';
import { judgeCapability } from './judge';
import { leadCapability } from './leads';
import { triageCapability } from './triage';

/**
 * Every capability's gateway, sharing one Admission (one upstream budget for the backend),
 * one metrics registry and one cache policy. A new capability (campaigns, the judge) is one
 * file beside these, one line here and its route.
 */
export interface Gateways {
  admission: Admission;
  metrics: BackendMetrics;
  leads: Gateway<Lead, LeadClassification, LeadPartial>;
  triage: Gateway<Conversation, ConversationTriage>;
  draft: Gateway<DraftInput, ReplyDraft>;
  judge: Gateway<JudgeInput, JudgeScore>;
  campaign: Gateway<CampaignInput, Campaign, CampaignStep[]>;
}

export interface GatewayOverrides {
  classifier?: LeadClassifier;
  triager?: ConversationTriager;
  drafter?: ReplyDrafter;
  judge?: DraftJudge;
  campaignWriter?: CampaignWriter;
  /** Process metrics (RSS, event-loop lag) in /metrics: the running server, not test instances. */
  processMetrics?: boolean;
}

export function createGateways(config: Config, logger: { child(bindings: object): WarnLogger }, overrides: GatewayOverrides = {}): Gateways {
  const admission = new Admission(config.admission);
  const metrics = createBackendMetrics(admission, { processMetrics: overrides.processMetrics });
  const deps = { admission, metrics, cache: config.cache };
  const classifier = overrides.classifier ?? createLeadClassifier(config.llm, { logger: logger.child({ component: 'lead-classifier' }) });
  const triager = overrides.triager ?? createConversationTriager(config.llm, { logger: logger.child({ component: 'conversation-triage' }) });
  const drafter = overrides.drafter ?? createReplyDrafter(config.llm, { logger: logger.child({ component: 'reply-drafter' }) });
  const judge = overrides.judge ?? createDraftJudge(config.llm, { logger: logger.child({ component: 'draft-judge' }) });
  const campaignWriter = overrides.campaignWriter ?? createCampaignWriter(config.llm, { logger: logger.child({ component: 'campaign-writer' }) });
  return {
    admission,
    metrics,
    leads: createGateway(leadCapability(classifier), deps),
    triage: createGateway(triageCapability(triager), deps),
    draft: createGateway(draftCapability(drafter), deps),
    judge: createGateway(judgeCapability(judge), deps),
    campaign: createGateway(campaignCapability(campaignWriter), deps),
  };
}
