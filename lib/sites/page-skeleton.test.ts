import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pageSkeleton, structureReport } from './page-skeleton';
import { scrapePage } from '.';
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

  it('keeps hook-shaped values of data attributes it does not know (a redesign renames hooks), never names or sentences', () => {
    const { document } = parseHTML(
      '<html><body><div data-qa-sel="property-input-email" data-hook="highlightTitle" data-owner="Inés Carrasco" data-first="Ines" data-note="call me.">x</div></body></html>',
    );
    const skeleton = pageSkeleton(document.body);
    expect(skeleton).toContain('data-qa-sel="property-input-email" data-hook="highlightTitle" data-owner="…" data-first="…" data-note="…"');
  });

  it('leaves out Pulso\'s own panels', () => {
    const doc = fixtureDocument('hubspot/contact-2026.html');
    const host = doc.createElement('pulso-panel');
    host.innerHTML = '<div data-testid="pulso-origin">P2</div>';
    doc.body.append(host);
    expect(pageSkeleton(doc.body)).not.toContain('pulso');
  });
});

describe('structureReport', () => {
  it('heads the skeleton with the site, what could not be read and why, the selectors, a masked address', () => {
    const doc = fixtureDocument('hubspot/contact-2026.html');
    for (const el of Array.from(doc.querySelectorAll('[data-test-id], [data-selenium-test]'))) {
      el.removeAttribute('data-test-id');
      el.removeAttribute('data-selenium-test');
    }
    const url = 'https://app-eu1.hubspot.com/contacts/147258369/record/0-1/98765432101?tab=activity#x';
    const scrape = scrapePage(doc, url);
    const report = structureReport(doc.body, { url, scrape, selectorsVersion: '2026.12.14' });
    const [title, site, address, missing] = report.split('\n');
    expect(title).toMatch(/no text/);
    expect(site).toBe('site: hubspot · page: record (contact) · selectors: 2026.12.14');
    expect(address).toBe('address: https://app-eu1.hubspot.com/contacts/########/record/0-1/########');
    expect(missing).toMatch(/^could not read: .*email/);
    expect(report).not.toMatch(/147258369|98765432101|activity/);
  });

  it('hides the org\'s subdomain', () => {
    const report = structureReport(fixtureDocument('salesforce/case-console-5005g00000Wq8ZbAAJ.html').body, {
      url: 'https://nubeandina.lightning.force.com/lightning/r/Case/5005g00000Wq8ZbAAJ/view',
      selectorsVersion: '1',
    });
    expect(report.split('\n')[2]).toBe('address: https://*.lightning.force.com/lightning/r/Case/<id>/view');
  });
});

