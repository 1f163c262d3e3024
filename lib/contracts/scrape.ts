import { z } from 'zod';
import { LEAD_FIELDS, LeadFieldsSchema } from './lead';
import { ConversationSchema } from './conversation';

export const CRMS = ['hubspot', 'salesforce', 'zendesk', 'whatsapp'] as const;
export const CrmSchema = z.enum(CRMS);
export type Crm = z.infer<typeof CrmSchema>;

export const RECORD_TYPES = ['contact', 'lead', 'company', 'deal', 'opportunity', 'case', 'ticket', 'chat'] as const;
export const RecordTypeSchema = z.enum(RECORD_TYPES);
export type RecordType = z.infer<typeof RecordTypeSchema>;

/** A record's id in its CRM (a HubSpot object id, a Salesforce id, a ticket number, a chat id), as messages and the history carry it. */
export const RecordIdSchema = z.string().max(300);

export const ScrapeRowSchema = z.object({
  recordId: z.string(),
  fields: LeadFieldsSchema,
});

/** CONTRACTS.md: ScrapeResult. `missing` names the Lead fields the page did not show. */
export const ScrapeResultSchema = z.object({
  crm: CrmSchema,
  kind: z.enum(['record', 'list', 'conversation']),
  url: z.string(),
  recordType: RecordTypeSchema,
  recordId: z.string(),
  fields: LeadFieldsSchema.default({}),
  rows: z.array(ScrapeRowSchema).default([]),
  conversation: ConversationSchema.optional(),
  missing: z.array(z.enum(LEAD_FIELDS)).default([]),
  /**
   * Set when the page shows none of the structure its reader expects (a login or error page, a
   * saved page of something else): every field is missing because this is not a record / list /
   * chat page, not because the record is empty. "not a record page: …".
   */
  unrecognised: z.string().max(300).optional(),
});
export type ScrapeResult = z.output<typeof ScrapeResultSchema>;
