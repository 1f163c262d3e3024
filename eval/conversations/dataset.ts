/**
 * Loaders of the conversation-triage evaluation: our labeled set (labeled.txt) and the public
 * sets in ../shared/datasets mapped onto our intents (mapping and reasons in README.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConversationSchema, type Conversation, type Intent } from '../../lib/contracts';
import { DATASETS_DIR } from '../dataset';

const HERE = dirname(fileURLToPath(import.meta.url));
export const LABELED_PATH = join(HERE, 'labeled.txt');
export { DATASETS_DIR };

export type DeptLabel = 'sales' | 'accounting' | 'service' | '';
export interface LabeledConversation {
  id: string;
  lang: 'es' | 'en';
  intent: Intent;
  escalate: boolean;
  department: DeptLabel;
  flags: string[];
  conformity: 'high' | 'low' | '';
  tags: string[];
  conversation: Conversation;
}

const DEPT: Record<string, DeptLabel> = { s: 'sales', a: 'accounting', c: 'service', '-': '' };
const FLAG: Record<string, string> = { inj: 'possible_injection', other: 'other_customer_data_request', unverified: 'unverified_account_request' };

/** One line: id | lang | intent | y/n | dept | flags | conformity | tags | in: … || out: … || note: … */
export function parseLabeledLine(line: string, lineNo = 0): LabeledConversation {
  const cells = line.split(/(?<!\|)\|(?!\|)/);
  if (cells.length < 9) throw new Error(`labeled.txt line ${lineNo}: expected 9 cells, got ${cells.length}`);
  const [id, lang, intent, esc, dept, flags, conf, tags] = cells.map((c) => c.trim());
  const body = cells.slice(8).join('|');
  const tagList = (tags ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  const messages = body.split('||').map((turn) => {
    const m = /^\s*(in|out|note):\s*([\s\S]*)$/.exec(turn);
    if (!m) throw new Error(`labeled.txt line ${lineNo}: bad turn "${turn}"`);
    return { direction: m[1] as 'in' | 'out' | 'note', author: '', time: '', text: m[2]!.trim() };
  });
  const billingLevel = tagList.includes('bh') ? 'high' : tagList.includes('bl') ? 'low' : undefined;
  return {
    id: id!,
    lang: lang as 'es' | 'en',
    intent: intent as Intent,
    escalate: esc === 'y',
    department: DEPT[dept!] ?? '',
    flags: flags === '-' ? [] : flags!.split(',').map((f) => FLAG[f.trim()] ?? f.trim()),
    conformity: conf === 'h' ? 'high' : conf === 'l' ? 'low' : '',
    tags: tagList,
    conversation: ConversationSchema.parse({ contact: { name: '' }, messages, ...(billingLevel ? { billingLevel } : {}) }),
  };
}

export function loadLabeledConversations(path = LABELED_PATH): LabeledConversation[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.trim() && !line.startsWith('#'))
    .map(({ line, i }) => parseLabeledLine(line, i + 1));
}

/** Our intent for a public label; 'unmapped' = no counterpart in our taxonomy (left out of accuracy). */
export type Mapped = Intent | 'unmapped';

export const HINT3_MAP: Record<string, Mapped> = {
  NO_NODES_DETECTED: 'other',
  MATTRESS_COST: 'quote',
  LEAD_GEN: 'quote',
  OFFERS: 'offers',
  '100_NIGHT_TRIAL_OFFER': 'offers',
  EMI: 'offers',
  PILLOWS: 'inventory',
  SIZE_CUSTOMIZATION: 'inventory',
  PRODUCT_VARIANTS: 'inventory',
  ORDER_STATUS: 'order_status',
  DELAY_IN_DELIVERY: 'order_status',
  DELAY_IN_PARCEL: 'order_status',
  CANCEL_ORDER: 'order_status',
  RESUME_DELIVERY: 'order_status',
  MODIFY_ADDRESS: 'order_status',
  RETURN_EXCHANGE: 'complaint',
  REFUNDS_RETURNS_REPLACEMENTS: 'complaint',
  CHAT_WITH_AGENT: 'human',
  CALL_CENTER: 'human',
  CHECK_PINCODE: 'store_info',
  DISTRIBUTORS: 'store_info',
  STORE_INFORMATION: 'store_info',
  PAYMENT_AND_BILL: 'account_status',
};

export const BITEXT_MAP: Record<string, Mapped> = {
  contact_human_agent: 'human',
  contact_customer_service: 'human',
  complaint: 'complaint',
  track_order: 'order_status',
  delivery_period: 'order_status',
  change_order: 'order_status',
  cancel_order: 'order_status',
  change_shipping_address: 'order_status',
  check_invoice: 'account_status',
  get_invoice: 'account_status',
  payment_issue: 'account_status',
  track_refund: 'account_status',
  // A refund demand is a complaint (issue 14; HINT3's REFUNDS_RETURNS_REPLACEMENTS above is mapped the same way); tracking one is an account question.
  get_refund: 'complaint',
};

export interface PublicExample {
  set: string;
  label: string;
  intent: Mapped;
  text: string;
}

/** A CSV line with optional double-quoted cells. */
function csvCells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Whole-file CSV parse that keeps quoted newlines inside a cell. */
function csvRecords(text: string): string[][] {
  const records: string[] = [];
  let cur = '';
  let quotes = 0;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    cur = cur ? `${cur}\n${line}` : line;
    quotes += (line.match(/"/g) ?? []).length;
    if (quotes % 2 === 0) {
      if (cur.trim()) records.push(cur);
      cur = '';
      quotes = 0;
    }
  }
  return records.map(csvCells);
}

/** HINT3's `test` split is the measure; its `train` split is where misses may be read (eval/conversations/dev.ts). */
export function loadHint3(name: 'sofmattress' | 'curekart', split: 'train' | 'test' = 'test'): PublicExample[] {
  const file = join(DATASETS_DIR, 'hint3_intents', `${name}_${split}.csv`);
  const [header, ...rows] = csvRecords(readFileSync(file, 'utf8'));
  const s = header!.indexOf('sentence');
  const l = header!.indexOf('label');
  return rows
    .filter((r) => r.length === header!.length)
    .map((r) => ({ set: `hint3/${name}`, label: r[l]!, intent: HINT3_MAP[r[l]!] ?? 'unmapped', text: r[s]! }));
}

/**
 * Bitext: every `step`-th row (deterministic sample, file order) — the measure; `rest` = the other
 * rows instead, where misses may be read (eval/conversations/dev.ts).
 */
export function loadBitext(step = 1, rest = false): PublicExample[] {
  const file = join(DATASETS_DIR, 'bitext_customer_support', 'Bitext_Sample_Customer_Support_Training_Dataset.csv');
  const [header, ...rows] = csvRecords(readFileSync(file, 'utf8'));
  const ins = header!.indexOf('instruction');
  const int = header!.indexOf('intent');
  return rows
    .filter((r, i) => r.length >= header!.length && (i % step === 0) !== rest)
    .map((r) => ({ set: 'bitext', label: r[int]!, intent: BITEXT_MAP[r[int]!] ?? 'unmapped', text: r[ins]! }));
}

export interface UssDialogue {
  set: string;
  conformity: 'high' | 'low' | 'neutral';
  conversation: Conversation;
}

/** USS (SGD, MWOZ): mean OVERALL ≤ 2 → low conformity, ≥ 4 → high, 3 → neutral (SOURCE.md). */
export function loadUss(name: 'SGD' | 'MWOZ'): UssDialogue[] {
  const file = join(DATASETS_DIR, 'uss_dialogue_satisfaction', `${name}.txt`);
  const out: UssDialogue[] = [];
  for (const session of readFileSync(file, 'utf8').split(/\r?\n\s*\r?\n/)) {
    const messages: Conversation['messages'] = [];
    let overall: number | undefined;
    for (const line of session.split(/\r?\n/)) {
      const [role, text, , scores] = line.split('\t');
      if (!role || text === undefined) continue;
      if (text === 'OVERALL') {
        const s = (scores ?? '').split(',').map(Number).filter(Number.isFinite);
        if (s.length) overall = Math.round(s.reduce((a, b) => a + b, 0) / s.length);
        continue;
      }
      if (messages.length < 500) messages.push({ direction: role === 'USER' ? 'in' : 'out', author: '', time: '', text: text.slice(0, 8_000) });
    }
    if (overall === undefined || messages.length === 0) continue;
    out.push({ set: `uss/${name}`, conformity: overall <= 2 ? 'low' : overall >= 4 ? 'high' : 'neutral', conversation: ConversationSchema.parse({ messages }) });
  }
  return out;
}

export const datasetsAvailable = () => existsSync(DATASETS_DIR);
