import type { Lead } from '../../contracts';
import { normalize, normalizedWords } from '../../text/normalize';
import { classifyEmail, type EmailInfo } from '../contact/email-type';
import { clampScore, type Contribution, type ScoreResult } from './types';

export interface DataQualityResult extends ScoreResult {
  /** Fields that look like test or keyboard-mash data ("test", "asdf", "xxx"). */
  junkFields: string[];
  /** Poor data disqualifies (rule 8): junk, a disposable inbox, or no valid way to reach the lead. */
  poor: boolean;
  email: EmailInfo;
  phoneValid: boolean;
}

// Placeholder and keyboard-mash words seen in CRM test records.
const JUNK_WORD = /^(?:test\w*|prueba\w*|asdf\w*|qwer\w*|zxcv\w*|hjkl|jkl\w*|sdf\w*|xx+|zz+|aa+|abc|abcd|abcdef|foo|bar|baz|foobar|dummy|fake|falso|sample|ejemplo|lorem|ipsum|n\/?a|na|none|null|undefined|nobody|nadie|ninguno|sin nombre|noname|unknown|desconocido|\d+)$/;
const REPEATED = /^(.)\1{2,}$/;

/** True when every word of the value is a placeholder ("Test Test", "asdf", "xxx", "123"). */
export function isJunk(value: unknown): boolean {
  const words = normalizedWords(normalize(value));
  if (words.length === 0) return false;
  return words.every((w) => JUNK_WORD.test(w) || REPEATED.test(w) || (w.length >= 5 && !/[aeiouy]/.test(w)));
}

/** 7–15 digits, as E.164 allows, and not all the same digit. */
export function isPlausiblePhone(phone: unknown): boolean {
  if (typeof phone !== 'string') return false;
  if (/[a-z]{3,}/i.test(phone.replace(/\b(?:ext|extension|x)\b/gi, ''))) return false;
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 && digits.length <= 15 && !/^(\d)\1+$/.test(digits) && !/^0123456/.test(digits);
}

const CORPORATE_SUFFIXES = /\b(?:s\.?a\.?|s\.?l\.?|s\.?a\.?s|s\.?a\.? de c\.?v|inc|llc|ltd|gmbh|corp|co|sarl|spa|bv|ag|plc|group|grupo|holding|the|la|el|los|las|de|y|and)\b/g;

/** The email domain names the company ("acme.es" for "Acme Industrial S.A."). */
function domainMatchesCompany(domain: string, company: string): boolean {
  const label = domain.split('.').slice(0, -1).join('');
  const words = normalize(company).replace(CORPORATE_SUFFIXES, ' ').split(/[^a-z0-9]+/).filter((w) => w.length >= 3);
  if (!label || words.length === 0) return false;
  const squashed = words.join('');
  return words.some((w) => label.includes(w)) || label.includes(squashed) || squashed.includes(label);
}

const has = (v: unknown) => (typeof v === 'string' ? v.trim().length > 0 : typeof v === 'number');

/** Data quality 0–100 (rule 6): completeness of the key fields and their coherence. */
export function scoreDataQuality(lead: Lead, options: { freeEmailDecisionMaker?: boolean; email?: EmailInfo } = {}): DataQualityResult {
  const contributions: Contribution[] = [];
  const add = (key: string, points: number, detail = '') => contributions.push({ key, detail, points });
  // The caller's classifyEmail(lead.email), when it has it (the classification reads it first).
  const email = options.email ?? classifyEmail(lead.email);
  const phoneValid = isPlausiblePhone(lead.phone);

  if (has(lead.fullName)) add('dq_name', 15);
  if (email.type === 'CORPORATE') add('dq_email', 20, email.domain);
  else if (email.type === 'FREE') add('dq_email_free', 10, email.domain);
  else if (email.type === 'INVALID') add('dq_email_invalid', -15, lead.email ?? '');
  if (email.type === 'CORPORATE' && has(lead.company) && domainMatchesCompany(email.domain, lead.company ?? '')) add('dq_coherent', 5, email.domain);
  if (phoneValid) add('dq_phone', 10);
  else if (has(lead.phone)) add('dq_phone_invalid', -5, lead.phone ?? '');
  if (has(lead.company)) add('dq_company', 15);
  if (has(lead.jobTitle)) add('dq_title', 10);
  if ((lead.description ?? '').trim().length >= 20) add('dq_description', 10);
  if (has(lead.industry)) add('dq_industry', 5);
  if (has(lead.location)) add('dq_location', 5);
  if (has(lead.companySize) || has(lead.annualRevenue)) add('dq_size', 5);

  const junkFields: string[] = [];
  for (const field of ['fullName', 'company', 'jobTitle', 'description'] as const) if (isJunk(lead[field])) junkFields.push(field);
  if (email.address && isJunk(email.address.split('@')[0]) && isJunk(email.domain.split('.')[0])) junkFields.push('email');
  for (const field of junkFields) add('dq_junk', -25, field);
  if (options.freeEmailDecisionMaker) add('dq_free_email_dm', -10);

  const noContact = email.type !== 'CORPORATE' && email.type !== 'FREE' && !phoneValid;
  const poor = junkFields.length > 0 || email.disposable || (email.type === 'INVALID' && noContact);
  const score = clampScore(contributions.reduce((sum, c) => sum + c.points, 0));
  return { score, contributions, junkFields, poor, email, phoneValid };
}
