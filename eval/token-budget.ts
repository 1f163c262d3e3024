/**
 * How many tokens each LLM task really needs, measured with gpt-oss's tokenizer (o200k) on
 * Pulso's own prompts and on answers of the real shape: the rules engine's answers to the
 * labelled leads and conversations (same schema, same fields, written in the lead's
 * language), serialised compactly as vLLM's grammar writes them with
 * `disable_any_whitespace`. The output caps in lib/llm/output-budget.ts are derived from
 * these numbers (docs/llm.md shows the arithmetic); output-budget.test.ts re-measures and
 * fails when a prompt or schema change outgrows a cap.
 *
 *   npx tsx eval/token-budget.ts        # prints the table docs/llm.md quotes
 */
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { pathToFileURL } from 'node:url';
import type { CompanyProfile } from '../lib/contracts';
import { generateCampaignByRules } from '../lib/campaign/generate';
import { gatherCampaignFacts } from '../lib/campaign/facts';
import { campaignPromptInput } from '../lib/campaign/llm-answer';
import { buildCampaignMessages } from '../lib/llm/campaign-prompt';
import { buildDraftMessages } from '../lib/llm/draft-prompt';
import { buildJudgeMessages } from '../lib/llm/judge-prompt';
import { judgeDraftByRules } from '../lib/learning/judge';
import { buildTriageMessages } from '../lib/llm/conversation-prompt';
import { buildLeadMessages } from '../lib/llm/lead-prompt';
import { classifyLeadByRules } from '../lib/rules/index';
import { triageConversationByRules } from '../lib/rules/conversation/index';
import { draftReplyByRules, draftSla } from '../lib/rules/drafts/index';
import { loadLabeledConversations } from './conversations/dataset';
import { loadLabeledLeads, loadProfile } from './dataset';

// Page text may contain special-token spellings ("<|im_start|>" in an injection): counted as plain text.
export const countTokens = (text: string): number => encode(text, { disallowedSpecial: new Set() }).length;

export interface Spread {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
}

export interface TaskTokens {
  /** The system prompt: the prefix vLLM caches, identical for every request of a company. */
  systemPrompt: number;
  /** Whole prompt (system + user) per item. */
  prompt: Spread;
  /** The answer JSON (compact) per item. */
  answer: Spread;
}

const compact = (value: unknown) => JSON.stringify(value);
const messagesTokens = (messages: { content: string }[]) => messages.reduce((sum, m) => sum + countTokens(m.content), 0);

/** Lead classification over the labelled leads. */
export function measureLeadTask(profile: CompanyProfile = loadProfile()): TaskTokens {
  const leads = loadLabeledLeads();
  const prompts: number[] = [];
  const answers: number[] = [];
  let systemPrompt = 0;
  for (const { lead } of leads) {
    const messages = buildLeadMessages(lead, profile);
    systemPrompt = countTokens(messages[0]!.content);
    prompts.push(messagesTokens(messages));
    // The rules' own glass-box fields (confidence, limitedEvidence, evidence) are not in the LLM's answer schema.
    const { source: _s, flags: _f, language: _l, confidence: _c, limitedEvidence: _le, evidence: _e, ...answer } = classifyLeadByRules(lead, profile);
    answers.push(countTokens(compact(answer)));
  }
  return { systemPrompt, prompt: spread(prompts), answer: spread(answers) };
}

/** Conversation triage over the labelled conversations. */
export function measureTriageTask(profile: CompanyProfile = loadProfile()): TaskTokens {
  const prompts: number[] = [];
  const answers: number[] = [];
  let systemPrompt = 0;
  for (const { conversation } of loadLabeledConversations()) {
    const rules = triageConversationByRules(conversation, profile);
    const messages = buildTriageMessages(conversation, profile, rules.language ?? 'en');
    systemPrompt = countTokens(messages[0]!.content);
    prompts.push(messagesTokens(messages));
    const { source: _s, flags: _f, language: _l, retention: _r, ...answer } = rules;
    answers.push(countTokens(compact(answer)));
  }
  return { systemPrompt, prompt: spread(prompts), answer: spread(answers) };
}

export interface DraftTokens extends TaskTokens {
  /** Tokens per word of the draft text (Spanish and English drafts together). */
  tokensPerWord: Spread;
  /** The answer without its text: keys, strategy, language and the judge. */
  overhead: Spread;
}

/** Reply drafts over the labelled conversations (the rules draft stands for the model's). */
export function measureDraftTask(profile: CompanyProfile = loadProfile()): DraftTokens {
  const prompts: number[] = [];
  const answers: number[] = [];
  const perWord: number[] = [];
  const overhead: number[] = [];
  let systemPrompt = 0;
  // A judge of the realistic size: three numbers and a one-sentence rationale.
  const judge = { npsExpected: 8, engagementProb: 0.62, churnProb: 0.18, rationale: 'The reply answers the question, apologises once and gives a concrete next step with a time.' };
  for (const { conversation } of loadLabeledConversations()) {
    const triage = triageConversationByRules(conversation, profile);
    const rules = draftReplyByRules(conversation, profile, { triage });
    const messages = buildDraftMessages(conversation, profile, {
      strategy: rules.strategy,
      language: rules.language,
      sla: draftSla(conversation, profile, rules.strategy, triage, rules.language),
      triage,
      baseline: rules.text,
    });
    systemPrompt = countTokens(messages[0]!.content);
    prompts.push(messagesTokens(messages));
    const answer = { strategy: rules.strategy, language: rules.language, text: rules.text, judge };
    const total = countTokens(compact(answer));
    const textTokens = countTokens(rules.text);
    answers.push(total);
    overhead.push(total - textTokens);
    const words = rules.text.split(/\s+/).filter(Boolean).length;
    if (words) perWord.push(Math.round((textTokens / words) * 100) / 100);
  }
  return { systemPrompt, prompt: spread(prompts), answer: spread(answers), tokensPerWord: spread(perWord), overhead: spread(overhead) };
}

/**
 * The standalone judge over the labelled conversations (the rules draft judged; the rules
 * judge's reading stands for the model's), and the longest answer the schema admits (a
 * 280-character rationale), which the cap must hold too.
 */
export function measureJudgeTask(profile: CompanyProfile = loadProfile()): TaskTokens & { schemaMax: number } {
  const prompts: number[] = [];
  const answers: number[] = [];
  let systemPrompt = 0;
  for (const { conversation } of loadLabeledConversations()) {
    const triage = triageConversationByRules(conversation, profile);
    const draft = draftReplyByRules(conversation, profile, { triage });
    const language = draft.language;
    const messages = buildJudgeMessages(conversation, profile, { draft, triage, language });
    systemPrompt = countTokens(messages[0]!.content);
    prompts.push(messagesTokens(messages));
    const { source: _s, ...answer } = judgeDraftByRules({ draft, triage, conversation, profile, language });
    answers.push(countTokens(compact(answer)));
  }
  const longest = { npsExpected: 7.5, engagementProb: 0.62, churnProb: 0.18, rationale: 'El borrador reconoce el problema, se disculpa una vez, ofrece una solución concreta con plazo y no promete nada imposible; el cliente, molesto por el retraso, probablemente responderá y seguirá comprando, aunque el tono es algo formal para un cliente tan habitual.'.slice(0, 280) };
  return { systemPrompt, prompt: spread(prompts), answer: spread(answers), schemaMax: countTokens(compact(longest)) };
}

export interface CampaignTokens extends TaskTokens {
  /** Tokens per word of the message (Spanish and English campaigns together). */
  tokensPerWord: Spread;
  /** The answer without its message and html: keys, segment, the two reasons, subject, preheader, call to action. */
  overhead: Spread;
  /** What the html adds over the message it formats (simple <p>/<br>/<strong> markup, as the prompt asks). */
  htmlMarkup: Spread;
}

/** The same email as the simple HTML the prompt asks for: a paragraph per block, line breaks, the call to action in bold. */
function simpleHtml(message: string, callToAction: string): string {
  const paragraphs = message.split(/\n\s*\n/).map((p) => `<p>${p.split('\n').join('<br>')}</p>`);
  return `${paragraphs.join('')}<p><strong>${callToAction}</strong></p>`;
}

/** Campaigns over the labelled leads: the rules campaign stands for the model's answer (same fields), its HTML written as simple markup. */
export function measureCampaignTask(profile: CompanyProfile = loadProfile()): CampaignTokens {
  const prompts: number[] = [];
  const answers: number[] = [];
  const perWord: number[] = [];
  const overhead: number[] = [];
  const markup: number[] = [];
  let systemPrompt = 0;
  for (const { lead } of loadLabeledLeads()) {
    const facts = gatherCampaignFacts({ lead }, profile);
    const messages = buildCampaignMessages(profile, campaignPromptInput(facts, profile));
    systemPrompt = countTokens(messages[0]!.content);
    prompts.push(messagesTokens(messages));
    const c = generateCampaignByRules({ lead }, profile);
    const [segmentReason, productReason] = [c.steps[2]?.detail ?? '', c.rationale];
    const html = simpleHtml(c.message, c.callToAction);
    const answer = { segment: c.segment, segmentReason: segmentReason.slice(0, 400), suggestedProduct: c.suggestedProduct, productReason: productReason.slice(0, 400), subject: c.subject, preheader: c.preheader, message: c.message, callToAction: c.callToAction, html };
    const total = countTokens(compact(answer));
    const messageTokens = countTokens(c.message);
    const htmlTokens = countTokens(html);
    answers.push(total);
    overhead.push(total - messageTokens - htmlTokens);
    markup.push(htmlTokens - messageTokens);
    const words = c.message.split(/\s+/).filter(Boolean).length;
    if (words) perWord.push(Math.round((messageTokens / words) * 100) / 100);
  }
  return { systemPrompt, prompt: spread(prompts), answer: spread(answers), tokensPerWord: spread(perWord), overhead: spread(overhead), htmlMarkup: spread(markup) };
}

function main(): void {
  const profile = loadProfile();
  const row = (name: string, t: TaskTokens) =>
    `${name.padEnd(7)} system ${String(t.systemPrompt).padStart(5)}  prompt p50 ${String(t.prompt.p50).padStart(5)} max ${String(t.prompt.max).padStart(5)}  answer p50 ${String(t.answer.p50).padStart(4)} p95 ${String(t.answer.p95).padStart(4)} max ${String(t.answer.max).padStart(4)}  (n=${t.answer.n})`;
  const draft = measureDraftTask(profile);
  const campaign = measureCampaignTask(profile);
  process.stdout.write(
    [
      'tokens (o200k, gpt-oss-20b\'s tokenizer) per task, eval data, eval/profile.json:',
      row('lead', measureLeadTask(profile)),
      row('triage', measureTriageTask(profile)),
      row('draft', draft),
      row('judge', measureJudgeTask(profile)),
      `draft   text tokens/word p50 ${draft.tokensPerWord.p50} p95 ${draft.tokensPerWord.p95} max ${draft.tokensPerWord.max}; answer without text p50 ${draft.overhead.p50} max ${draft.overhead.max}`,
      row('campaign', campaign),
      `campaign message tokens/word p50 ${campaign.tokensPerWord.p50} p95 ${campaign.tokensPerWord.p95} max ${campaign.tokensPerWord.max}; answer without message+html p50 ${campaign.overhead.p50} max ${campaign.overhead.max}; html markup over the message p50 ${campaign.htmlMarkup.p50} max ${campaign.htmlMarkup.max}`,
    ].join('\n') + '\n',
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
