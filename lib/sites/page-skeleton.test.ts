import { describe, expect, it } from 'vitest';
import { pageSkeleton } from './page-skeleton';
import { fixtureDocument } from './saved-page';

describe('pageSkeleton', () => {
  it('keeps the hooks a selector needs and no text, names, emails, phones or messages', () => {
    const doc = fixtureDocument('whatsapp/chat-individual-2026.html');
    const skeleton = pageSkeleton(doc.documentElement);
    expect(skeleton).toContain('<div tabindex="-1" class="x1n2onr6 xscbp6u" data-id="…" data-testid="conv-msg-<id>">');
    expect(skeleton).toContain('data-icon="tail-out"');
    expect(skeleton).toContain('data-pre-plain-text="…"');
    for (const personal of ['Valentina', 'Ortiz', 'Andrea Salazar', 'Valencia', 'sillas', '189', 'Leído', 'Tomás', '611 222 333', 'Hola']) {
      expect(skeleton).not.toContain(personal);
    }
  });

  it('masks record ids and emails left in structural attributes, drops scripts', () => {
    const hubspot = pageSkeleton(fixtureDocument('hubspot/contacts-list-2026.html').documentElement);
    expect(hubspot).toContain('data-table-external-id="cell-0-1-email-########"');
    expect(hubspot).not.toMatch(/6602561\d{3}|@cliente|nubeandina\.io|Camila/);
    expect(hubspot).toContain('<script type="application/json" id="hs-user-context">');
    expect(hubspot).not.toContain('first_name');
    const salesforce = pageSkeleton(fixtureDocument('salesforce/case-console-5005g00000Wq8ZbAAJ.html').documentElement);
    expect(salesforce).toContain('data-target-selection-name="sfdc:RecordField.Contact.Title"');
    expect(salesforce).not.toMatch(/5005g00000Wq8ZbAAJ|gleiva|Gustavo/);
  });

  it('is bounded', () => {
    const skeleton = pageSkeleton(fixtureDocument('whatsapp/chat-200-2026.html').documentElement, { maxNodes: 300 });
    expect(skeleton.split('\n').length).toBeLessThanOrEqual(302);
    expect(skeleton).toContain('… (cut at 300 elements)');
  });
});
