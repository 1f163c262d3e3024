import { describe, expect, it } from 'vitest';
import { ScrapeResultSchema } from '../../contracts';
import { hasRecordContent, scrapePage } from '..';
import { SIGNED_IN_USER, documentFromHtml, fixtureDocument, fixtureHtml } from '../saved-page';
import { readSalesforceRecord } from './record';

const HOST = 'https://nubeandina.lightning.force.com';
const LEAD = '00Q5g00000Lq7XyEAJ';
const CONTACT = '0035g00000Mn4PqAAJ';
const OPP = '0065g00000Pq9RsAAJ';
const CASE = '5005g00000Rt3UvAAJ';
const ACCOUNT = '0015g00000Ab3CdAAJ';
const OTHER_ACCOUNT_TAB = '0015g00000Zz9YxAAJ';

function noLeak(json: string, values: readonly string[]): void {
  for (const value of [...values, ...SIGNED_IN_USER]) expect(json).not.toContain(value);
}

describe('Salesforce Lead (English UI, cached earlier lead)', () => {
  const doc = fixtureDocument(`salesforce/lead-${LEAD}.html`);
  const url = `${HOST}/lightning/r/Lead/${LEAD}/view`;
  const result = scrapePage(doc, url);

  it('reads every Lead field exactly', () => {
    expect(result).toEqual({
      crm: 'salesforce',
      kind: 'record',
      url,
      recordType: 'lead',
      recordId: LEAD,
      fields: {
        fullName: 'Carla Ruiz',
        jobTitle: 'Head of IT Infrastructure',
        company: 'Logística Austral SpA',
        email: 'carla.ruiz@logisticaaustral.cl',
        phone: '+56 2 2987 6543',
        industry: 'Transportation',
        location: 'Av. Apoquindo 4500, Santiago, RM 7550000, Chile',
        description:
          'Their on-premise ERP data center failed twice this month. They need a cloud migration plan and a quote before the Q3 board meeting; asked for a demo next week.',
        companySize: 1200,
        annualRevenue: 85_000_000,
        source: 'Web',
        owner: 'Laura Méndez',
        status: 'Lead status: Working - Contacted · Rating: Hot',
      },
      rows: [],
      missing: [],
    });
    expect(ScrapeResultSchema.parse(result)).toEqual(result);
    expect(hasRecordContent(result)).toBe(true);
  });

  it('never reads the cached lead, hidden tabs, tooltips, assistive text or the signed-in user', () => {
    noLeak(JSON.stringify(result), ['Tomás', 'Vidal', 'Intern', 'Purchased', 'Marco Rossi', '+56 2 0000 0000', 'hover.card', "lead's rating", 'Edit', 'Change Owner', 'Preview', 'Closed']);
  });

  it('reads the same record by the 15-character id and by the URL without the object', () => {
    expect(scrapePage(doc, `${HOST}/lightning/r/Lead/${LEAD.slice(0, 15)}/view`).fields).toEqual(result.fields);
    expect(scrapePage(doc, `${HOST}/lightning/r/${LEAD}/view`).fields).toEqual(result.fields);
  });

  it('reads nothing for the hidden cached lead\'s URL (its view is not the shown one)', () => {
    const hidden = scrapePage(doc, `${HOST}/lightning/r/Lead/00Q5g00000Lq1AbEAJ/view`);
    expect(hidden.fields).toEqual({});
    expect(hasRecordContent(hidden)).toBe(false);
  });

});

describe('Salesforce Contact (Spanish UI, labels only)', () => {
  const doc = fixtureDocument(`salesforce/contact-${CONTACT}.html`);
  const result = scrapePage(doc, `${HOST}/lightning/r/Contact/${CONTACT}/view`);

  it('reads the fields by their Spanish labels', () => {
    expect(result.recordType).toBe('contact');
    expect(result.fields).toEqual({
      fullName: 'Diego Fuentes',
      jobTitle: 'Gerente de Operaciones',
      company: 'Viña Los Robles S.A.',
      email: 'diego.fuentes@vinalosrobles.cl',
      phone: '+56 72 221 3344',
      location: "Camino Los Robles km 3, Rancagua, O'Higgins 2820000, Chile",
      description: 'Conocimos a Diego en la feria Expo Vino. Quiere digitalizar la trazabilidad de barricas; sin presupuesto aprobado todavía.',
      source: 'Feria comercial',
      owner: 'Laura Méndez',
    });
    expect(result.missing).toEqual(['industry', 'companySize', 'annualRevenue', 'status']);
    expect(scrapePage(doc, `${HOST}/lightning/r/${CONTACT}/view`).fields).toEqual(result.fields);
  });

  it('never reads the skeleton, the reports-to lookup, the hidden tab or the signed-in user', () => {
    noLeak(JSON.stringify(result), ['Cargando', 'Isabel', 'isabel.cortes', '+56 9 8765 4321']);
  });
});

describe('Salesforce Opportunity (a stale cached copy of the same record)', () => {
  const result = scrapePage(fixtureDocument(`salesforce/opportunity-${OPP}.html`), `${HOST}/lightning/r/Opportunity/${OPP}/view`);

  it('reads the active copy; the amount goes to the description, never to annualRevenue', () => {
    expect(result.recordType).toBe('opportunity');
    expect(result.fields).toEqual({
      company: 'Logística Austral SpA',
      description:
        'Logística Austral - Cloud ERP Migration — Amount: $250,000.00 — Migrate the on-premise SAP ERP to managed cloud with DR in a second region. Budget approved by the CFO.',
      source: 'Web',
      owner: 'Laura Méndez',
      status: 'Stage: Proposal/Price Quote',
    });
    expect(result.missing).toEqual(['fullName', 'jobTitle', 'email', 'phone', 'industry', 'location', 'companySize', 'annualRevenue']);
    noLeak(JSON.stringify(result), ['Prospecting', '$100,000', 'Stale', 'Vidal', 'Closed Lost', 'Marco Rossi']);
  });
});

describe('Salesforce Case', () => {
  const result = scrapePage(fixtureDocument(`salesforce/case-${CASE}.html`), `${HOST}/lightning/r/Case/${CASE}/view`);

  it('reads the contact, subject + description, status and priority', () => {
    expect(result.recordType).toBe('case');
    expect(result.fields).toEqual({
      fullName: 'Sofía Herrera',
      company: 'Farmacias del Sur Ltda.',
      email: 'sofia.herrera@farmaciasdelsur.cl',
      phone: '+56 41 245 6789',
      description:
        'Duplicate charge on order 4471 — We were charged twice for order 4471 (invoice F-2291). Please refund the duplicate today or we will cancel the annual contract.',
      source: 'Email',
      owner: 'Javier Soto',
      status: 'Status: Escalated · Priority: High',
    });
    noLeak(JSON.stringify(result), ['00001026', 'Hidden', '+56 41 000 0000', 'support@']);
  });
});

describe('Salesforce Account in a console app with an inactive tab', () => {
  const doc = fixtureDocument(`salesforce/account-${ACCOUNT}.html`);
  const result = scrapePage(doc, `${HOST}/lightning/r/Account/${ACCOUNT}/view`);

  it('reads the active tab\'s account', () => {
    expect(result.recordType).toBe('company');
    expect(result.fields).toEqual({
      company: 'Metalúrgica Andina S.A.',
      phone: '+56 2 2800 1000',
      industry: 'Manufacturing',
      location: 'Av. Vicuña Mackenna 3000, Santiago, RM 8940000, Chile',
      description: 'Steel structures manufacturer; evaluating backup and DR services after an ERP outage.',
      companySize: 850,
      annualRevenue: 42_000_000,
      source: 'Partner Referral',
      owner: 'Laura Méndez',
      status: 'Type: Customer - Direct',
    });
    noLeak(JSON.stringify(result), ['Old Holdings', '+44', 'Finance', 'Marco Rossi', 'Ruta 5', 'Grupo Andino']);
  });

  it('reads nothing for the inactive tab\'s URL', () => {
    expect(scrapePage(doc, `${HOST}/lightning/r/Account/${OTHER_ACCOUNT_TAB}/view`).fields).toEqual({});
  });
});

describe('Salesforce record edge cases', () => {
  const shell = (inner: string) =>
    documentFromHtml(`<!doctype html><html><body><header id="oneHeader"><span class="test-id__field-label">Name</span><span class="test-id__field-value">Andrea Salazar</span></header>
      <div class="oneContent active">${inner}</div></body></html>`);

  it('does not read a record whose entity label names another object', () => {
    const doc = shell(`<records-highlights2><records-entity-label>Contact</records-entity-label><lightning-formatted-name slot="primaryField">Eve Other</lightning-formatted-name></records-highlights2>`);
    expect(scrapePage(doc, `${HOST}/lightning/r/Lead/${LEAD}/view`).fields).toEqual({});
  });

  it('falls back to the highlights primary field and Aura test-id pairs without record ids', () => {
    const doc = shell(`<records-highlights2><records-entity-label>Candidato</records-entity-label><lightning-formatted-name slot="primaryField">Dra. Lucía Torres</lightning-formatted-name></records-highlights2>
      <force-record-layout-item><div class="slds-form-element"><span class="test-id__field-label">Empresa</span><span class="test-id__field-value">Andes Tech</span></div></force-record-layout-item>
      <div class="slds-form-element"><div class="test-id__field-label-container"><span class="test-id__field-label">Estado</span></div><span class="test-id__field-value">Abierto <button><span class="slds-assistive-text">Editar Estado</span></button></span></div>`);
    expect(scrapePage(doc, `${HOST}/lightning/r/Lead/${LEAD}/view`).fields).toEqual({
      fullName: 'Lucía Torres',
      company: 'Andes Tech',
      status: 'Lead status: Abierto',
    });
  });
});

describe('Salesforce Service Console case with related-record cards (case-console-5005g00000Wq8ZbAAJ.html)', () => {
  const CONSOLE_CASE = '5005g00000Wq8ZbAAJ';
  const doc = fixtureDocument(`salesforce/case-console-${CONSOLE_CASE}.html`);
  const result = scrapePage(doc, `${HOST}/lightning/r/Case/${CONSOLE_CASE}/view`);

  it('reads the contact\'s title, email and phone from the "Contact Details" card', () => {
    expect(result.fields).toMatchObject({ fullName: 'Gustavo Leiva Araya', jobTitle: 'Fleet Maintenance Manager', email: 'gleiva@minerasantarita.cl', phone: '+56 55 241 8800' });
  });

  it('never takes the related account\'s phone for the contact\'s, nor the other console tab\'s contact', () => {
    noLeak(JSON.stringify(result), ['+56 2 2000 1000', 'Paula Ortega', 'Accounts Payable', '00004702', '+56 2 0000 1111', 'Edit', 'Preview']);
  });

  it('reads nothing for the inactive console tab\'s case', () => {
    expect(scrapePage(doc, `${HOST}/lightning/r/Case/5005g00000Wq1KcAAJ/view`).fields).toEqual({});
  });
});

describe('Salesforce related-record card without API names', () => {
  it('knows the card\'s object by its icon and reads the contact\'s fields by label', () => {
    const html = fixtureHtml(`salesforce/case-console-5005g00000Wq8ZbAAJ.html`).replace(/ data-target-selection-name="sfdc:RecordField\.(?:Contact|Account)\.[A-Za-z]+"/g, '');
    const result = scrapePage(documentFromHtml(html), `${HOST}/lightning/r/Case/5005g00000Wq8ZbAAJ/view`);
    expect(result.fields).toMatchObject({ jobTitle: 'Fleet Maintenance Manager', email: 'gleiva@minerasantarita.cl', phone: '+56 55 241 8800', industry: 'Mining' });
    noLeak(JSON.stringify(result), ['+56 2 2000 1000']);
  });
});
