import type { Conversation, Lead } from '../contracts';

const EMAIL = /([A-Za-z0-9._%+-]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
// A run of digits with phone punctuation; what counts as a phone is decided by its digit count.
const PHONE_LIKE = /\+?\(?\d[\d\s().-]{5,}\d/g;

/**
 * `maria.gonzalez@metalurgicaandina.cl` → `m***@metalurgicaandina.cl`: the domain stays, so
 * corporate / free email typing (and "email matches the company") still work on the backend.
 */
export function maskEmail(email: string): string {
  return email.replace(EMAIL, (_whole, local: string, domain: string) => `${local.slice(0, 1)}***@${domain}`);
}

/** `+56 2 2345 6789` → `***89`: only the last two digits leave the browser. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 0) return phone;
  return `***${digits.slice(-2)}`;
}

/**
 * Masks emails and phone numbers inside free text (a note, a description). A phone is a
 * digit run starting with "+" or holding 8–15 digits, so sizes ("850 empleados") and
 * ISO dates stay readable; a dotted number (42.000.000) is read as an amount, not a phone.
 */
export function maskContactsInText(text: string): string {
  return maskEmail(text).replace(PHONE_LIKE, (match) => {
    const digits = match.replace(/\D/g, '');
    if (digits.length > 15 || /\d\.\d/.test(match) || /^\d{4}-\d{2}-\d{2}/.test(match)) return match;
    if (match.startsWith('+') ? digits.length < 7 : digits.length < 8) return match;
    return maskPhone(match);
  });
}

/** The lead as it may leave the browser: email and phone masked, and any found in free text. */
export function maskLead(lead: Lead): Lead {
  const out: Lead = { ...lead };
  if (out.email) out.email = maskEmail(out.email);
  if (out.phone) out.phone = maskPhone(out.phone);
  for (const field of ['description', 'status', 'source', 'location', 'owner'] as const) {
    const value = out[field];
    if (typeof value === 'string' && value) out[field] = maskContactsInText(value);
  }
  return out;
}

/** A conversation as it may leave the browser: the contact's and messages' emails and phones masked. */
export function maskConversation(conversation: Conversation): Conversation {
  const { contact } = conversation;
  return {
    ...conversation,
    contact: {
      name: contact.name,
      email: contact.email ? maskEmail(contact.email) : '',
      phone: contact.phone ? maskPhone(contact.phone) : '',
    },
    messages: conversation.messages.map((message) => ({ ...message, text: maskContactsInText(message.text) })),
  };
}
