import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CampaignContextSchema } from '../../contracts';
import { documentFromHtml } from '../saved-page';
import { findHubSpotEmailComposer } from './email-composer';
import { hubspotAdapter } from './index';
import { readHubSpotCampaignContext } from './timeline';

const FIXTURES = fileURLToPath(new URL('../../../e2e/fixtures/hubspot/', import.meta.url));
const page = (name: string) => documentFromHtml(readFileSync(`${FIXTURES}${name}`, 'utf8'));
const URL_303 = 'https://app.hubspot.com/contacts/12345678/record/0-1/303';

describe('HubSpot campaign context — contact-303 (timeline, open deal, email composer open)', () => {
  const context = CampaignContextSchema.parse(readHubSpotCampaignContext(page('contact-303.html'), URL_303));

  it('reads the conversation items newest first by timestamp (the pinned older note last), as text, never tasks, system events or a hidden tab', () => {
    expect(context.timeline.map((t) => [t.kind, t.date])).toEqual([
      ['call', '2025-09-18'],
      ['email', '2025-09-15'],
      ['meeting', '2025-09-05'],
      ['note', '2025-08-28'],
    ]);
    const call = context.timeline[0]!;
    expect(call.text).toBe('Carmen quiere migrar el ERP a la nube antes de fin de año: el servidor de la oficina se cayó dos veces este mes. Pide una propuesta con plan de migración y copias de seguridad.');
    const all = context.timeline.map((t) => t.text).join(' ');
    expect(all).not.toMatch(/Stale cached note|Lifecycle stage changed|Enviar propuesta|<strong>|<p>/);
  });

  it("reads the deal stage from the visible Deals card, not a collapsed card's lost deal, without its icon glyph", () => {
    expect(context.dealStage).toBe('Presentation scheduled');
  });

  it('a record without a timeline or deals (contact-101 has no deal) gives what is there', () => {
    const other = readHubSpotCampaignContext(page('contact-101.html'), 'https://app.hubspot.com/contacts/12345678/record/0-1/101');
    expect(other.dealStage).toBeUndefined();
    expect(other.timeline!.map((t) => t.kind)).toEqual(['note', 'email', 'note']);
  });

  it('on a deal record, the deal stage is the deal’s own property', () => {
    const deal = readHubSpotCampaignContext(page('deal-7001.html'), 'https://app.hubspot.com/contacts/12345678/record/0-3/7001');
    expect(deal.dealStage).toBeTruthy();
  });

  it('finds the open email composer: its subject field and its editable body; none when it is not open', () => {
    const doc = page('contact-303.html');
    const composer = findHubSpotEmailComposer(doc);
    expect(composer?.subject?.getAttribute('data-selenium-test')).toBe('email-subject-input');
    expect(composer?.body).toBe(doc.querySelector('[data-test-id="email-editor"] .ProseMirror'));
    // Without its editor (not mounted yet) the window is no composer to insert into.
    doc.querySelector('.ProseMirror')!.removeAttribute('contenteditable');
    expect(findHubSpotEmailComposer(doc)).toBeNull();
    expect(findHubSpotEmailComposer(page('contact-101.html'))).toBeNull();
    expect(hubspotAdapter.findEmailComposer).toBe(findHubSpotEmailComposer);
  });
});
