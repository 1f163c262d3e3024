import type { ScrapeResult } from '../contracts';

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

/** The record has rendered enough to classify: a name, an email or a company was read. */
export function hasRecordContent(result: ScrapeResult): boolean {
  const { fullName, email, company } = result.fields;
  return hasText(fullName) || hasText(email) || hasText(company);
}

/**
 * The chat or ticket has rendered a conversation to triage: at least one
 * customer or agent message was read. False on WhatsApp's QR / login screen,
 * before a chat is open, and for a ticket tab that is not the active one.
 */
export function hasConversationContent(result: ScrapeResult): boolean {
  return (result.conversation?.messages ?? []).some((message) => message.direction !== 'note' && hasText(message.text));
}
