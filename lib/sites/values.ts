import { LEAD_FIELDS, type LeadField, type LeadFields } from '../contracts';

/**
 * Value forms shared by the site adapters: how a shown value becomes a Lead
 * field value, the same way on every CRM (pure; no DOM).
 */

/** Non-empty parts, case-insensitive repeats dropped, joined. */
export function joinDistinct(parts: readonly (string | undefined)[], separator: string): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const part of parts) {
    if (!part) continue;
    const key = part.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(part);
  }
  return kept.join(separator);
}

/** "Lead status: Open · Rating: Hot": each shown part with its fixed English prefix, in order. */
export function formatStatusParts(parts: readonly (readonly [prefix: string, value: string])[]): string {
  return parts
    .filter(([, value]) => value)
    .map(([prefix, value]) => (prefix ? `${prefix}: ${value}` : value))
    .join(' · ');
}

/**
 * "250" → 250, "1,200" → 1200, "1.200" → 1200, "$18,000,000" → 18000000;
 * ranges ("201-500"), decimals, other currencies and abbreviations stay text.
 */
export function parseWholeAmount(text: string): number | string {
  const bare = text.replace(/^(?:US\$|USD|\$)\s*/i, '').replace(/\s*(?:USD)$/i, '');
  if (/^\d+$/.test(bare) || /^\d{1,3}(?:,\d{3})+$/.test(bare) || /^\d{1,3}(?:\.\d{3})+$/.test(bare)) {
    const value = Number(bare.replace(/[.,]/g, ''));
    if (Number.isSafeInteger(value)) return value;
  }
  return text;
}

/**
 * Like parseWholeAmount, but also accepts the zero cents Salesforce's
 * currency fields always show: "$42,000,000.00" → 42000000, "USD 1.500.000,00"
 * → 1500000. Non-zero cents and other currencies stay text.
 */
export function parseCurrencyAmount(text: string): number | string {
  const bare = text.replace(/^(?:US\$|USD|\$)\s*/i, '').replace(/\s*(?:USD)$/i, '');
  const withoutCents = bare.replace(/^(\d{1,3}(?:,\d{3})*|\d+)\.00$/, '$1').replace(/^(\d{1,3}(?:\.\d{3})*|\d+),00$/, '$1');
  const parsed = parseWholeAmount(withoutCents);
  return typeof parsed === 'number' ? parsed : text;
}

const SALUTATION = /^(?:mr|mrs|ms|mx|dr|prof|sr|sra|srta|dra)\.?\s+(?=\S)/i;

/** "Ms. Carla Ruiz" → "Carla Ruiz": Salesforce's formatted names lead with the salutation. */
export function withoutSalutation(name: string): string {
  return name.replace(SALUTATION, '');
}

/** The Lead fields shown (empty ones dropped), and the names of those not shown, in contract order. */
export function splitShown(fields: LeadFields): { shown: LeadFields; missing: LeadField[] } {
  const shown: LeadFields = {};
  const missing: LeadField[] = [];
  for (const field of LEAD_FIELDS) {
    const value = fields[field];
    if (value === undefined || value === '') missing.push(field);
    else (shown as Record<LeadField, string | number>)[field] = value;
  }
  return { shown, missing };
}

const EMAIL_ONLY = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "ana@x.cl": a whole value that is an email address (HubSpot shows one where a contact has no name). */
export function looksLikeEmail(text: string): boolean {
  return EMAIL_ONLY.test(text.trim());
}

const EMAIL_SUFFIX = /^(.*\S)\s*[(<]\s*[^\s()<>]+@[^\s()<>]+\s*[)>]$/;

/**
 * An owner / assignee as a person's name: "Hannah Kowalski (hannah@x.io)" → "Hannah Kowalski";
 * a placeholder ("No owner", "Sin propietario", compared as normalizePlaceholder does) → ''.
 */
export function ownerName(text: string, placeholders: readonly string[] = []): string {
  const name = (EMAIL_SUFFIX.exec(text)?.[1] ?? text).trim();
  return placeholders.includes(normalizePlaceholder(name)) ? '' : name;
}

/** "(Sin propietario)" → "sin propietario": placeholder text compared without case, brackets, dashes or dots. */
export function normalizePlaceholder(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim().toLowerCase().replace(/^[\s()[\]\-–—.…]+|[\s()[\]\-–—.…:]+$/g, '');
}
