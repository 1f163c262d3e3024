/**
 * npm run eval — the honest measure of Pulso's lead classifier (issue 3, item 6).
 * Rules engine always; the LLM too when LLM_BASE_URL is set (through the backend's
 * classifier module, not HTTP). Deterministic: no randomness, fixed order.
 */
import { performance } from 'node:perf_hooks';
import type { CompanyProfile, Lead, LeadClassification } from '../lib/contracts';
import { classifyLeadByRules } from '../lib/rules/index';
import { HOLDOUT_PATH, loadLabeledLeads, loadOdoo, loadProfile, type LabeledLead } from './dataset';
import { STAGE_ORDER, accuracy, binaryMetrics, confusion, formatConfusion, isHot, pct, rankedAbove } from './metrics';
import { mapLimit } from './map-limit';
import { printBlindFigures, rulesBlindFigures } from './blind/run';
import { loadLabeledConversations } from './conversations/dataset';
import { triageConversationByRules } from '../lib/rules/conversation/index';

const SOURCE_CLAIM = 0.94;
type Classify = (lead: Lead, profile: CompanyProfile) => Promise<LeadClassification>;

const short = (r: { stage: string; priority: string }) => `${r.stage}/${r.priority}`;


interface EvalSet {
  title: string;
  file: string;
  inSample: boolean;
}
const MAIN_SET: EvalSet = { title: 'own labeled set', file: 'eval/leads.jsonl', inSample: true };
const HOLDOUT_SET: EvalSet = { title: 'HELD-OUT set (labelled blind, never used to tune the rules)', file: 'eval/holdout.jsonl', inSample: false };

async function evaluate(name: string, classify: Classify, leads: LabeledLead[], profile: CompanyProfile, concurrency: number, set: EvalSet = MAIN_SET): Promise<void> {
  const started = performance.now();
  const results = await mapLimit(leads, concurrency, (l) => classify(l.lead, profile));
  const cleanResults = await mapLimit(leads, concurrency, (l) => (l.clean ? classify(l.clean, profile) : Promise.resolve(null)));
  const ms = performance.now() - started;

  const hot = binaryMetrics(leads.map((l, i) => ({ expected: isHot(l.expected), predicted: isHot(results[i]!) })));
  const stageAcc = accuracy(leads.map((l, i) => ({ expected: l.expected.stage, predicted: results[i]!.stage })));
  const prioAcc = accuracy(leads.map((l, i) => ({ expected: l.expected.priority, predicted: results[i]!.priority })));
  const bothAcc = accuracy(leads.map((l, i) => ({ expected: short(l.expected), predicted: short(results[i]!) })));
  const prioWithin1 = leads.filter((l, i) => Math.abs(Number(l.expected.priority[1]) - Number(results[i]!.priority[1])) <= 1).length / leads.length;
  const fallbacks = results.filter((r) => r.source === 'rules').length;

  console.log(`\n== ${name}: ${set.title} (${leads.length} leads, ${set.file}, profile eval/profile.json) ==`);
  if (name !== 'rules') console.log(`answers from the LLM: ${results.length - fallbacks}/${results.length} (the rest fell back to the rules)`);
  console.log(`hot-lead precision (hot = SQL or P1): ${pct(hot.precision)}   [source claims: up to ${pct(SOURCE_CLAIM)}]`);
  console.log(`hot-lead recall:                      ${pct(hot.recall)}   (tp ${hot.tp}, fp ${hot.fp}, fn ${hot.fn}, tn ${hot.tn}; F1 ${pct(hot.f1)})`);
  if (name === 'rules' && set.inSample) console.log('  (in-sample: rules v2 were revised after reading this set\'s mismatches; v1 on the same labels: precision 83.3 %, recall 55.6 %, stage accuracy 65.2 % — see eval/README.md)');
  console.log(`stage accuracy:    ${pct(stageAcc)}`);
  console.log(`priority accuracy: ${pct(prioAcc)}   (within one level: ${pct(prioWithin1)}; stage and priority both right: ${pct(bothAcc)})`);
  console.log(`time: ${ms.toFixed(1)} ms for ${leads.length * 2 - leads.filter((l) => !l.clean).length} classifications`);
  console.log('\nconfusion matrix (rows = expected stage, columns = predicted):');
  console.log(formatConfusion(confusion(leads.map((l, i) => ({ expected: l.expected.stage, predicted: results[i]!.stage })), STAGE_ORDER), STAGE_ORDER));

  for (const lang of ['es', 'en'] as const) {
    const idx = leads.map((l, i) => (l.lang === lang ? i : -1)).filter((i) => i >= 0);
    const acc = accuracy(idx.map((i) => ({ expected: leads[i]!.expected.stage, predicted: results[i]!.stage })));
    const h = binaryMetrics(idx.map((i) => ({ expected: isHot(leads[i]!.expected), predicted: isHot(results[i]!) })));
    console.log(`${lang}: ${idx.length} leads, stage accuracy ${pct(acc)}, hot precision ${pct(h.precision)}, recall ${pct(h.recall)}`);
  }

  // Injection subset.
  const inj = leads.map((l, i) => ({ l, r: results[i]!, c: cleanResults[i] })).filter((x) => x.l.tags.includes('injection'));
  const flagged = inj.filter((x) => x.r.flags?.includes('possible_injection'));
  const aboveClean = inj.filter((x) => x.c && rankedAbove(x.r, x.c));
  const aboveRules = inj.map((x) => ({ ...x, rules: classifyLeadByRules(x.l.lead, profile) })).filter((x) => rankedAbove(x.r, x.rules));
  const injAcc = accuracy(inj.map((x) => ({ expected: short(x.l.expected), predicted: short(x.r) })));
  const nonInj = leads.map((l, i) => ({ l, r: results[i]! })).filter((x) => !x.l.tags.includes('injection'));
  const falseFlags = nonInj.filter((x) => x.r.flags?.includes('possible_injection'));
  const benign = nonInj.filter((x) => x.l.tags.includes('benign-lookalike'));
  console.log(`\ninjection subset: ${inj.length} attacks; flagged ${flagged.length}/${inj.length} (${pct(flagged.length / inj.length)})`);
  console.log(`  ranked above the same lead without the injected text: ${aboveClean.length}/${inj.length}${aboveClean.length ? ` — ${aboveClean.map((x) => `${x.l.id} ${short(x.r)} > ${short(x.c!)}`).join('; ')}` : ' (never)'}`);
  if (name !== 'rules') console.log(`  ranked above the rules engine's answer: ${aboveRules.length}/${inj.length}`);
  console.log(`  stage+priority equal to the label: ${pct(injAcc)}`);
  console.log(`  false flags on the ${nonInj.length} other leads: ${falseFlags.length}${falseFlags.length ? ` (${falseFlags.map((x) => x.l.id).join(', ')})` : ''}; benign look-alikes flagged: ${benign.filter((x) => x.r.flags?.includes('possible_injection')).length}/${benign.length}`);
  const notFlagged = inj.filter((x) => !x.r.flags?.includes('possible_injection'));
  if (notFlagged.length) console.log(`  missed: ${notFlagged.map((x) => x.l.id).join(', ')}`);

  const mismatches = leads.map((l, i) => ({ l, r: results[i]! })).filter((x) => short(x.l.expected) !== short(x.r));
  console.log(`\nmismatches (${mismatches.length}): id  expected → got  [fit/urg/opp/dq]  note`);
  for (const { l, r } of mismatches) {
    const s = r.scores;
    const mark = l.expected.stage !== r.stage ? '*' : ' ';
    console.log(`${mark} ${l.id.padEnd(12)} ${short(l.expected).padEnd(13)} → ${short(r).padEnd(16)} [${s.fit}/${s.urgency}/${s.opportunity}/${s.dataQuality}]  ${l.note.slice(0, 90)}`);
  }
  console.log('(* = stage differs; otherwise priority only)');
}

async function evaluateOdoo(name: string, classify: Classify, concurrency: number): Promise<void> {
  let odoo;
  try {
    odoo = loadOdoo();
  } catch (err) {
    console.log(`\n== ${name}: Odoo CRM demo leads — skipped (${(err as Error).message.split('\n')[0]}) ==`);
    return;
  }
  const profile = loadProfile('odoo-profile.json');
  const results = await mapLimit(odoo, concurrency, (o) => classify(o.lead, profile));
  const hot = binaryMetrics(odoo.map((o, i) => ({ expected: o.hot, predicted: isHot(results[i]!) })));
  const stageOk = odoo.filter((o, i) => o.expectedStages.includes(results[i]!.stage)).length;
  const prio = accuracy(odoo.map((o, i) => ({ expected: o.expectedPriority, predicted: results[i]!.priority })));
  const dist: Record<string, number> = {};
  for (const r of results) dist[r.stage] = (dist[r.stage] ?? 0) + 1;
  const expDist: Record<string, number> = {};
  for (const o of odoo) expDist[o.expectedStages.join('|')] = (expDist[o.expectedStages.join('|')] ?? 0) + 1;
  console.log(`\n== ${name}: Odoo CRM demo leads (realism check, ${odoo.length} records, profile eval/odoo-profile.json) ==`);
  console.log('labels are Odoo demo settings mapped by SOURCE.md (opportunity/Qualified+ → SQL, New lead → MQL|Nurture, stars → P1–P4), not outcomes');
  console.log(`expected: ${JSON.stringify(expDist)}   predicted: ${JSON.stringify(dist)}`);
  console.log(`hot precision ${pct(hot.precision)} [source claims ${pct(SOURCE_CLAIM)}], recall ${pct(hot.recall)} (tp ${hot.tp}, fp ${hot.fp}, fn ${hot.fn}, tn ${hot.tn})`);
  console.log(`stage agreement ${pct(stageOk / odoo.length)}, priority agreement ${pct(prio)}`);
  const withTitle = odoo.filter((o) => o.lead.jobTitle).length;
  const injFlags = results.filter((r) => r.flags?.includes('possible_injection')).length;
  console.log(`records with a job title: ${withTitle}/${odoo.length}; possible_injection false flags: ${injFlags}`);
}

/**
 * In-sample (sets the rules were tuned on: leads.jsonl, holdout v1, labeled.txt) beside the blind
 * set v2 (eval/HOLDOUT.md), figure by figure. The blind side prints figures only.
 */
function printSideBySide(leads: LabeledLead[], holdoutV1: LabeledLead[], profile: CompanyProfile): void {
  const inLeads = [...leads, ...holdoutV1];
  const results = inLeads.map((l) => classifyLeadByRules(l.lead, profile));
  const hot = binaryMetrics(inLeads.map((l, i) => ({ expected: isHot(l.expected), predicted: isHot(results[i]!) })));
  const conversations = loadLabeledConversations();
  const triages = conversations.map((c) => triageConversationByRules(c.conversation, profile));
  const esc = binaryMetrics(conversations.map((c, i) => ({ expected: c.escalate, predicted: triages[i]!.escalate })));
  const inSample: Record<string, number | null> = {
    hotPrecision: hot.precision,
    hotRecall: hot.recall,
    stageAccuracy: accuracy(inLeads.map((l, i) => ({ expected: l.expected.stage, predicted: results[i]!.stage }))),
    priorityAccuracy: accuracy(inLeads.map((l, i) => ({ expected: l.expected.priority, predicted: results[i]!.priority }))),
    intentAccuracy: accuracy(conversations.map((c, i) => ({ expected: c.intent as string, predicted: triages[i]!.intent as string }))),
    escalationPrecision: esc.precision,
    escalationRecall: esc.recall,
    draftGrounding: null,
  };
  const blind = rulesBlindFigures();
  printBlindFigures(blind);
  console.log(`\n== rules: in-sample (${inLeads.length} leads, ${conversations.length} conversations) vs blind v2 (${blind.leads} leads, ${blind.conversations} conversations, ${blind.drafts} drafts) ==`);
  console.log(`${'figure'.padEnd(22)}${'in-sample'.padStart(12)}${'blind v2'.padStart(12)}`);
  for (const key of Object.keys(inSample)) {
    console.log(`${key.padEnd(22)}${pct(inSample[key] ?? null).padStart(12)}${pct(blind[key as keyof typeof blind] as number).padStart(12)}`);
  }
  console.log('(draft grounding has no in-sample set: the drafts\' own cases are unit tests)');
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const leads = loadLabeledLeads();
  const profile = loadProfile();
  const langs = { es: leads.filter((l) => l.lang === 'es').length, en: leads.filter((l) => l.lang === 'en').length };
  const stages: Record<string, number> = {};
  for (const l of leads) stages[l.expected.stage] = (stages[l.expected.stage] ?? 0) + 1;
  console.log(`Pulso lead evaluation — ${leads.length} labeled leads (es ${langs.es}, en ${langs.en}); expected stages ${JSON.stringify(stages)}`);

  // Timing of the rules engine alone (warm), per lead.
  for (const l of leads) classifyLeadByRules(l.lead, profile);
  const rounds = 20;
  const tt = performance.now();
  for (let k = 0; k < rounds; k++) for (const l of leads) classifyLeadByRules(l.lead, profile);
  const perLead = (performance.now() - tt) / (rounds * leads.length);
  console.log(`rules engine: ${(perLead * 1000).toFixed(0)} µs per lead on average (warm, ${rounds} × ${leads.length})`);

  const rules: Classify = async (lead, p) => classifyLeadByRules(lead, p);
  await evaluate('rules', rules, leads, profile, 1);
  const holdout = loadLabeledLeads(HOLDOUT_PATH);
  await evaluate('rules', rules, holdout, profile, 1, HOLDOUT_SET);
  await evaluateOdoo('rules', rules, 1);

  if (process.env.LLM_BASE_URL) {
    const { loadConfig } = await import('../backend/config');
    const { createLeadClassifier } = await import('../backend/llm/lead-classifier');
    const config = loadConfig(process.env);
    const warnings: string[] = [];
    const classifier = createLeadClassifier(config.llm, { logger: { warn: (o: object) => void warnings.push(JSON.stringify(o)) } });
    const llm: Classify = (lead, p) => classifier.classify(lead, p);
    const concurrency = Number(process.env.EVAL_CONCURRENCY ?? 8);
    await evaluate(`llm (${config.llm?.model})`, llm, leads, profile, concurrency);
    await evaluate(`llm (${config.llm?.model})`, llm, holdout, profile, concurrency, HOLDOUT_SET);
    await evaluateOdoo(`llm (${config.llm?.model})`, llm, concurrency);
    if (warnings.length) console.log(`LLM fallbacks: ${warnings.length}, first: ${warnings[0]}`);
  } else {
    console.log('\n(LLM not evaluated: set LLM_BASE_URL to evaluate the model through backend/llm/lead-classifier.ts)');
  }
  const { runConversationEval } = await import('./conversations/run');
  await runConversationEval(profile);
  printSideBySide(leads, holdout, profile);
  console.log(`\neval finished in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
