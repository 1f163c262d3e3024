import { z } from 'zod';

/** Bounds keep hostile or pasted-in text from growing without limit (CONTRACTS.md: Lead). */
export const SHORT_TEXT_MAX = 500;
export const LONG_TEXT_MAX = 8_000;

const shortText = z.string().max(SHORT_TEXT_MAX);
const longText = z.string().max(LONG_TEXT_MAX);
const sizeOrAmount = z.union([z.string().max(SHORT_TEXT_MAX), z.number().finite().nonnegative()]);

/** Every Lead field, in the order of CONTRACTS.md. */
export const LEAD_FIELDS = [
  'fullName',
  'jobTitle',
  'company',
  'email',
  'phone',
  'industry',
  'location',
  'description',
  'companySize',
  'annualRevenue',
  'source',
  'owner',
  'status',
] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

/** Lead fields without the "at least one identity field" rule: what a page shows. */
export const LeadFieldsSchema = z.object({
  fullName: shortText.optional(),
  jobTitle: shortText.optional(),
  company: shortText.optional(),
  email: shortText.optional(),
  phone: shortText.optional(),
  industry: shortText.optional(),
  location: shortText.optional(),
  description: longText.optional(),
  companySize: sizeOrAmount.optional(),
  annualRevenue: sizeOrAmount.optional(),
  source: shortText.optional(),
  owner: shortText.optional(),
  status: shortText.optional(),
});
export type LeadFields = z.infer<typeof LeadFieldsSchema>;

const hasText = (v: unknown) => typeof v === 'string' && v.trim().length > 0;

export const LeadSchema = LeadFieldsSchema.refine(
  (lead) => hasText(lead.fullName) || hasText(lead.email) || hasText(lead.company),
  { message: 'a lead needs at least one of fullName, email, company', path: ['fullName'] },
);
export type Lead = z.infer<typeof LeadSchema>;
