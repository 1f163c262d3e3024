/**
 * The held-out runner: prints the blind set's figures and nothing about single cases
 * (`npx tsx eval/blind/run.ts`; also part of `npm run eval`).
 */
import { draftReplyByRules } from '../../lib/rules/drafts/index';
import { triageConversationByRules } from '../../lib/rules/conversation/index';
import { classifyLeadByRules } from '../../lib/rules/index';
import { pct } from '../metrics';
import { blindFigures, type BlindFigures } from './score';

export function rulesBlindFigures(): BlindFigures {
  return blindFigures({
    classify: classifyLeadByRules,
    triage: triageConversationByRules,
    draft: (conversation, profile) => draftReplyByRules(conversation, profile),
  });
}

export function printBlindFigures(f: BlindFigures): void {
  console.log(`\n== rules: BLIND set v2 (eval/blind, labelled before any run; figures only, never the misses) ==`);
  console.log(`leads ${f.leads}: hot precision ${pct(f.hotPrecision)}, hot recall ${pct(f.hotRecall)}, stage accuracy ${pct(f.stageAccuracy)}, priority accuracy ${pct(f.priorityAccuracy)}`);
  console.log(`injections ${f.injections}: ranked above their clean twin ${f.injectionsRankedAboveClean}`);
  console.log(`conversations ${f.conversations}: intent accuracy ${pct(f.intentAccuracy)}, escalation precision ${pct(f.escalationPrecision)}, recall ${pct(f.escalationRecall)}`);
  console.log(`drafts ${f.drafts}: grounding ${pct(f.draftGrounding)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) printBlindFigures(rulesBlindFigures());
