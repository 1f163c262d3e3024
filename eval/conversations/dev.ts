/**
 * The development view of the public intent sets: the intent misses of their TRAIN rows only
 * (HINT3 `*_train.csv`, the Bitext rows `npm run eval` does not sample), grouped expected → got.
 * Read these to find what the lexicons miss; `npm run eval` measures on the other rows, whose
 * misses nobody prints. Usage: `PULSO_DATASETS=… npx tsx eval/conversations/dev.ts [set] [limit]`
 * with set = sofmattress | curekart | bitext (all three when omitted).
 */
import { ConversationSchema } from '../../lib/contracts';
import { triageConversationByRules } from '../../lib/rules/conversation/index';
import { loadProfile } from '../dataset';
import { loadBitext, loadHint3, type PublicExample } from './dataset';

const [only, limitArg] = process.argv.slice(2);
const limit = Number(limitArg ?? 12);
const profile = loadProfile();
const sets: Record<string, () => PublicExample[]> = {
  sofmattress: () => loadHint3('sofmattress', 'train'),
  curekart: () => loadHint3('curekart', 'train'),
  bitext: () => loadBitext(3, true),
};

for (const [name, load] of Object.entries(sets)) {
  if (only && only !== name) continue;
  const mapped = load().filter((e) => e.intent !== 'unmapped');
  const groups = new Map<string, string[]>();
  let right = 0;
  for (const e of mapped) {
    const r = triageConversationByRules(ConversationSchema.parse({ messages: [{ direction: 'in', text: e.text.slice(0, 8_000) }] }), profile);
    // Escalation truth as in run.ts: human and quote escalate, the other mapped intents (complaint and other excepted) do not.
    const shouldEscalate = e.intent === 'human' || e.intent === 'quote';
    if (e.intent !== 'complaint' && e.intent !== 'other' && r.escalate !== shouldEscalate) {
      const key = `escalation of ${e.intent}: expected ${shouldEscalate ? 'yes' : 'no'}, got ${r.escalate ? 'yes' : 'no'} (${r.intent})`;
      groups.set(key, [...(groups.get(key) ?? []), `${e.label}: ${e.text.replace(/\s+/g, ' ').slice(0, 100)}`]);
    }
    if (r.intent === e.intent) {
      right++;
      continue;
    }
    const key = `${e.intent} → ${r.intent}`;
    groups.set(key, [...(groups.get(key) ?? []), `${e.label}: ${e.text.replace(/\s+/g, ' ').slice(0, 100)}`]);
  }
  console.log(`\n== ${name} (train rows): intent ${((100 * right) / mapped.length).toFixed(1)} % of ${mapped.length} ==`);
  for (const [key, lines] of [...groups.entries()].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`-- ${key} (${lines.length})`);
    for (const line of lines.slice(0, limit)) console.log(`   ${line}`);
  }
}
