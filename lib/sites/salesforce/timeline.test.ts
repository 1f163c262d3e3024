import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CampaignContextSchema } from '../../contracts';
import { documentFromHtml } from '../saved-page';
import { findSalesforceEmailComposer } from './email-composer';
import { salesforceAdapter } from './index';
import { readSalesforceCampaignContext } from './timeline';

const FIXTURES = fileURLToPath(new URL('../../../e2e/fixtures/salesforce/', import.meta.url));
const page = (name: string) => documentFromHtml(readFileSync(`${FIXTURES}${name}`, 'utf8'));
const HOST = 'https://nubeandina.lightning.force.com';

describe('Salesforce campaign context', () => {
  it('contact with an activity timeline: calls, emails and events as listed (newest first); no task; collapsed details unread', () => {
    const context = CampaignContextSchema.parse(readSalesforceCampaignContext(page('contact-0035g00000Tq2ZyAAJ.html'), `${HOST}/lightning/r/Contact/0035g00000Tq2ZyAAJ/view`));
    expect(context.timeline).toEqual([
      { kind: 'call', date: '16 sept', text: 'Llamada con Tomás: Quiere mover el servidor de rutas a la nube antes de la campaña de Navidad; pide precio y plan de copias de seguridad.' },
      { kind: 'email', date: '9 sept', text: 'Re: Servidor de rutas' },
      { kind: 'meeting', date: '2 sept', text: 'Visita a la oficina de Fletes del Sur' },
    ]);
    expect(context.dealStage).toBeUndefined();
    expect(JSON.stringify(context)).not.toMatch(/Enviar propuesta|plegado|Ocultar detalles|Más opciones/);
  });

  it('opportunity: the stage of the record on screen (not a cached console view)', () => {
    const context = readSalesforceCampaignContext(page('opportunity-0065g00000Pq9RsAAJ.html'), `${HOST}/lightning/r/Opportunity/0065g00000Pq9RsAAJ/view`);
    expect(context.dealStage).toBe('Proposal/Price Quote');
  });

  it('finds the docked composer (subject field and editable body); none without its editor or on a page without one', () => {
    const doc = page('contact-0035g00000Tq2ZyAAJ.html');
    const composer = findSalesforceEmailComposer(doc);
    expect(composer?.subject?.getAttribute('name')).toBe('subject');
    expect(composer?.body).toBe(doc.querySelector('.slds-docked-composer .ck-editor__editable'));
    doc.querySelector('.ck-editor__editable')!.removeAttribute('contenteditable');
    expect(findSalesforceEmailComposer(doc)).toBeNull();
    expect(findSalesforceEmailComposer(page('contact-0035g00000Mn4PqAAJ.html'))).toBeNull();
    expect(salesforceAdapter.readCampaignContext).toBe(readSalesforceCampaignContext);
  });
});
