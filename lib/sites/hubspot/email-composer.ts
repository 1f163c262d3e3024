import { firstVisible } from '../dom';
import type { EmailComposer } from '../types';
import { outsideChrome } from './record';
import { EMAIL_COMPOSER, EMAIL_COMPOSER_BODY, EMAIL_COMPOSER_SUBJECT } from './selectors';

/** The email composer open on the record (its subject field and body editor), or null when the rep has not opened it. */
export function findHubSpotEmailComposer(doc: Document): EmailComposer | null {
  const composer = firstVisible(doc, EMAIL_COMPOSER, { accept: outsideChrome });
  if (!composer) return null;
  const body = firstVisible(composer, EMAIL_COMPOSER_BODY) as HTMLElement | undefined;
  if (!body) return null;
  const subject = (firstVisible(composer, EMAIL_COMPOSER_SUBJECT) as HTMLInputElement | undefined) ?? null;
  return { subject, body };
}
