/**
 * The conversation-triage section of `npm run eval` (issue 5, Quality). Rules engine always;
 * the LLM path too when LLM_BASE_URL is set. Deterministic: fixed order, no randomness.
 */
import { performance } from 'node:perf_hooks';
import { ConversationSchema, INTENTS, type CompanyProfile, type Conversation, type ConversationTriage } from '../../lib/contracts';
import { departmentKey, triageConversationByRules } from '../../lib/rules/conversation/index';
import { accuracy, binaryMetrics, confusion, formatConfusion, pct } from '../metrics';
import { datasetsAvailable, loadBitext, loadHint3, loadLabeledConversations, loadUss, type LabeledConversation, type PublicExample } from './dataset';
import { mapLimit } from '../map-limit';

/** The WhatsApp-agent source document's figure (PRODUCT.md §3). */
export const SOURCE_CORRECT_ESCALATIONS = 0.889;
type Triage = (c: Conversation, p: CompanyProfile) => Promise<ConversationTriage>;
const INTENT_LABELS = [...INTENTS];


function escalationLine(pairs: { expected: boolean; predicted: boolean }[]): string {
  const b = binaryMetrics(pairs);
  const acc = accuracy(pairs);
  return `escalation: correct decisions ${pct(acc)} [source claims ${pct(SOURCE_CORRECT_ESCALATIONS)} correct escalations], precision ${pct(b.precision)}, recall ${pct(b.recall)} (tp ${b.tp}, fp ${b.fp}, fn ${b.fn}, tn ${b.tn})`;
}

async function evaluateOwn(name: string, triage: Triage, items: LabeledConversation[], profile: CompanyProfile, concurrency: number): Promise<void> {
  const t0 = performance.now();
  const results = await mapLimit(items, concurrency, (x) => triage(x.conversation, profile));
  const ms = performance.now() - t0;
  const intentPairs = items.map((x, i) => ({ expected: x.intent as string, predicted: results[i]!.intent as string }));
  console.log(`\n== ${name}: own labeled conversations (${items.length}; eval/conversations/labeled.txt) ==`);
  if (name !== 'rules') console.log(`answers from the LLM: ${results.filter((r) => r.source === 'llm').length}/${results.length}`);
  console.log(`intent accuracy: ${pct(accuracy(intentPairs))}`);
  console.log(escalationLine(items.map((x, i) => ({ expected: x.escalate, predicted: results[i]!.escalate }))));
  const deptItems = items.map((x, i) => ({ x, r: results[i]! })).filter(({ x, r }) => x.escalate && r.escalate && x.department);
  const deptOk = deptItems.filter(({ x, r }) => {
    const k = departmentKey(r.department);
    return (k === 'supervisor' ? 'service' : k) === x.department;
  }).length;
  console.log(`department right on correctly escalated ones: ${deptOk}/${deptItems.length}`);
  const confItems = items.map((x, i) => ({ x, r: results[i]! })).filter(({ x }) => x.conformity);
  console.log(`conformity accuracy on the ${confItems.length} labelled: ${pct(accuracy(confItems.map(({ x, r }) => ({ expected: x.conformity, predicted: r.conformity }))))}`);
  for (const flag of ['possible_injection', 'other_customer_data_request', 'unverified_account_request'] as const) {
    const b = binaryMetrics(items.map((x, i) => ({ expected: x.flags.includes(flag), predicted: (results[i]!.flags ?? []).includes(flag) })));
    console.log(`flag ${flag}: precision ${pct(b.precision)}, recall ${pct(b.recall)} (tp ${b.tp}, fp ${b.fp}, fn ${b.fn})`);
  }
  const inj = items.map((x, i) => ({ x, r: results[i]! })).filter(({ x }) => x.tags.includes('inj'));
  console.log(`injection subset: ${inj.length}; intent right ${inj.filter(({ x, r }) => x.intent === r.intent).length}/${inj.length}; escalation right ${inj.filter(({ x, r }) => x.escalate === r.escalate).length}/${inj.length}`);
  const multi = items.map((x, i) => ({ x, r: results[i]! })).filter(({ x }) => x.tags.includes('multi'));
  console.log(`multi-turn subset: ${multi.length}; intent right ${multi.filter(({ x, r }) => x.intent === r.intent).length}/${multi.length}`);
  for (const lang of ['es', 'en'] as const) {
    const idx = items.map((x, i) => ({ x, r: results[i]! })).filter(({ x }) => x.lang === lang);
    const langOk = idx.filter(({ r }) => r.language === lang).length;
    console.log(
      `${lang}: ${idx.length} items, intent accuracy ${pct(accuracy(idx.map(({ x, r }) => ({ expected: x.intent, predicted: r.intent }))))}, escalation right ${pct(accuracy(idx.map(({ x, r }) => ({ expected: x.escalate, predicted: r.escalate }))))}, answer language right ${langOk}/${idx.length}`,
    );
  }
  console.log(`time: ${ms.toFixed(1)} ms for ${items.length} triages`);
  console.log('\nintent confusion (rows = expected, columns = predicted):');
  console.log(formatConfusion(confusion(intentPairs, INTENT_LABELS), INTENT_LABELS.map((l) => l.replace('_status', '').replace('store_info', 'store'))));
  const wrong = items.map((x, i) => ({ x, r: results[i]! })).filter(({ x, r }) => x.intent !== r.intent || x.escalate !== r.escalate);
  console.log(`\nmismatches (${wrong.length}): id  expected intent/esc → got  (confidence)  first customer words`);
  for (const { x, r } of wrong) {
    const first = x.conversation.messages.filter((m) => m.direction === 'in').at(-1)?.text ?? '';
    console.log(`  ${x.id.padEnd(10)} ${`${x.intent}/${x.escalate ? 'esc' : '-'}`.padEnd(20)} → ${`${r.intent}/${r.escalate ? 'esc' : '-'}`.padEnd(20)} (${r.confidence.toFixed(2)})  ${first.slice(0, 70)}`);
  }
}

function asConversation(text: string): Conversation {
  return ConversationSchema.parse({ messages: [{ direction: 'in', text: text.slice(0, 8_000) }] });
}

async function evaluatePublic(name: string, triage: Triage, title: string, examples: PublicExample[], profile: CompanyProfile, concurrency: number): Promise<void> {
  const counts: Record<string, number> = {};
  for (const e of examples) counts[e.intent] = (counts[e.intent] ?? 0) + 1;
  const mapped = examples.filter((e) => e.intent !== 'unmapped');
  const results = await mapLimit(mapped, concurrency, (e) => triage(asConversation(e.text), profile));
  const pairs = mapped.map((e, i) => ({ expected: e.intent as string, predicted: results[i]!.intent as string }));
  console.log(`\n== ${name}: ${title} (${examples.length} examples) ==`);
  console.log(`mapped to our intents: ${INTENT_LABELS.map((l) => `${l} ${counts[l] ?? 0}`).join(', ')}; unmapped (left out) ${counts.unmapped ?? 0}`);
  console.log(`intent accuracy on the ${mapped.length} mapped: ${pct(accuracy(pairs))}; without "other": ${pct(accuracy(pairs.filter((p) => p.expected !== 'other')))}`);
  // Escalation truth from the label: a human request or a quote must escalate; other mapped intents
  // (complaint and "other" excepted: their strength / clarity is not labelled) must not.
  const esc = mapped
    .map((e, i) => ({ e, r: results[i]! }))
    .filter(({ e }) => e.intent !== 'complaint' && e.intent !== 'other')
    .map(({ e, r }) => ({ expected: e.intent === 'human' || e.intent === 'quote', predicted: r.escalate }));
  console.log(escalationLine(esc) + '  (truth: human/quote escalate, others not; complaint and other left out)');
  const present = INTENT_LABELS.filter((l) => (counts[l] ?? 0) > 0);
  const rowsOnly = pairs.filter((p) => present.includes(p.expected as (typeof INTENT_LABELS)[number]));
  console.log('intent confusion (rows = expected, columns = predicted):');
  console.log(formatConfusion(confusion(rowsOnly, INTENT_LABELS), INTENT_LABELS.map((l) => l.replace('_status', '').replace('store_info', 'store'))).split('\n').filter((line, i) => i === 0 || present.includes(INTENT_LABELS[i - 1]!)).join('\n'));
}

async function evaluateUss(name: string, triage: Triage, profile: CompanyProfile, concurrency: number, step: number): Promise<void> {
  const all = [...loadUss('SGD'), ...loadUss('MWOZ')];
  const labelled = all.filter((d, i) => d.conformity !== 'neutral' && (d.conformity === 'low' || i % step === 0));
  const results = await mapLimit(labelled, concurrency, (d) => triage(d.conversation, profile));
  const pairs = labelled.map((d, i) => ({ expected: d.conformity === 'low', predicted: results[i]!.conformity === 'low' }));
  const b = binaryMetrics(pairs);
  console.log(`\n== ${name}: USS dialogue satisfaction → conformity (SGD + MWOZ, ${all.length} dialogues; ${all.filter((d) => d.conformity === 'low').length} low, ${all.filter((d) => d.conformity === 'high').length} high, rest neutral and left out; every low one and every ${step}th high one used: ${labelled.length}) ==`);
  console.log(`conformity accuracy ${pct(accuracy(pairs))}; low-conformity precision ${pct(b.precision)}, recall ${pct(b.recall)} (tp ${b.tp}, fp ${b.fp}, fn ${b.fn}, tn ${b.tn})`);
}

export async function runConversationEval(profile: CompanyProfile): Promise<void> {
  const t0 = performance.now();
  const items = loadLabeledConversations();
  const byIntent: Record<string, number> = {};
  for (const x of items) byIntent[x.intent] = (byIntent[x.intent] ?? 0) + 1;
  console.log(`\n\nPulso conversation-triage evaluation — ${items.length} labeled items (es ${items.filter((x) => x.lang === 'es').length}, en ${items.filter((x) => x.lang === 'en').length}; multi-turn ${items.filter((x) => x.tags.includes('multi')).length}, injection ${items.filter((x) => x.tags.includes('inj')).length}); ${JSON.stringify(byIntent)}`);
  const rules: Triage = async (c, p) => triageConversationByRules(c, p);
  await evaluateOwn('rules', rules, items, profile, 1);
  const publicSets = datasetsAvailable()
    ? [
        { title: 'HINT3 SOFMattress test (real chatbot queries, English)', load: () => loadHint3('sofmattress') },
        { title: 'HINT3 Curekart test (real chatbot queries, English)', load: () => loadHint3('curekart') },
        { title: 'Bitext customer support (synthetic, English; every 3rd row, deterministic sample)', load: () => loadBitext(3) },
      ]
    : [];
  const loaded = publicSets.map((s) => ({ ...s, examples: s.load() }));
  for (const s of loaded) await evaluatePublic('rules', rules, s.title, s.examples, profile, 1);
  if (datasetsAvailable()) await evaluateUss('rules', rules, profile, 1, 4);
  else console.log('\n(public sets skipped: ../shared/datasets not found; set PULSO_DATASETS)');

  if (process.env.LLM_BASE_URL) {
    const { loadConfig } = await import('../../backend/config');
    const { createConversationTriager } = await import('../../backend/llm/conversation-triage');
    const config = loadConfig(process.env);
    const warnings: string[] = [];
    const triager = createConversationTriager(config.llm, { logger: { warn: (o: object) => void warnings.push(JSON.stringify(o)) } });
    const llm: Triage = (c, p) => triager.triage(c, p);
    const concurrency = Number(process.env.EVAL_CONCURRENCY ?? 8);
    await evaluateOwn(`llm (${config.llm?.model})`, llm, items, profile, concurrency);
    for (const s of loaded) await evaluatePublic(`llm (${config.llm?.model})`, llm, s.title, s.examples.filter((_, i) => i % 4 === 0), profile, concurrency);
    if (warnings.length) console.log(`LLM fallbacks: ${warnings.length}, first: ${warnings[0]}`);
  } else {
    console.log('\n(LLM triage not evaluated: set LLM_BASE_URL to evaluate backend/llm/conversation-triage.ts)');
  }
  console.log(`\nconversation eval finished in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}
