/**
 * Zendesk agent workspace URLs: https://{subdomain}.zendesk.com/agent/tickets/{id}
 * (optionally /events, /conversation… after the id) for a ticket, and
 * /agent/filters/{id} for a view (the ticket table). One subdomain label only:
 * never `acme.zendesk.com.evil.io`, `evil-zendesk.com` or the bare zendesk.com.
 */
import type { PageKind } from '../types';
import { hostOf, parseHttpsUrl } from '../url';

const TICKET_PATH = /^\/agent\/tickets\/(\d{1,15})(?:\/[a-z_-]*)?\/?$/;
const VIEW_PATH = /^\/agent\/filters\/(\d{1,20})\/?$/;

function zendeskPath(url: string): string | undefined {
  const parsed = parseHttpsUrl(url);
  return parsed && /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.zendesk\.com$/.test(hostOf(parsed)) ? parsed.pathname : undefined;
}

/** The URL is on a Zendesk account's host (any page). */
export function isZendeskUrl(url: string): boolean {
  return zendeskPath(url) !== undefined;
}

/** The ticket id of a ticket URL. */
export function parseZendeskTicketUrl(url: string): string | undefined {
  const path = zendeskPath(url);
  return path === undefined ? undefined : TICKET_PATH.exec(path)?.[1];
}

/** The view id of a view URL. */
export function parseZendeskViewUrl(url: string): string | undefined {
  const path = zendeskPath(url);
  return path === undefined ? undefined : VIEW_PATH.exec(path)?.[1];
}

/** A ticket (its conversation) or a view (its ticket rows). */
export function zendeskPageKind(url: string): PageKind | undefined {
  const ticket = parseZendeskTicketUrl(url);
  if (ticket) return { kind: 'conversation', recordType: 'ticket', recordId: ticket };
  if (parseZendeskViewUrl(url)) return { kind: 'list', recordType: 'ticket', recordId: '' };
  return undefined;
}
