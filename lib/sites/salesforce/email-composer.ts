import type { EmailComposer } from '../types';
import { EMAIL_COMPOSER, EMAIL_COMPOSER_BODY, EMAIL_COMPOSER_SUBJECT } from './selectors';
import { LightningView } from './view';

/** The docked email composer when it is open (its subject field and its body editor), else null. */
export function findSalesforceEmailComposer(doc: Document): EmailComposer | null {
  const view = new LightningView();
  const composer = EMAIL_COMPOSER.map((selector) => Array.from(doc.querySelectorAll(selector)).find((el) => view.isShown(el))).find(Boolean);
  if (!composer) return null;
  const body = view.first(composer, EMAIL_COMPOSER_BODY) as HTMLElement | undefined;
  if (!body) return null;
  return { subject: (view.first(composer, EMAIL_COMPOSER_SUBJECT) as HTMLInputElement | undefined) ?? null, body };
}
