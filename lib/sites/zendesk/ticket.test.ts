import { describe, expect, it } from 'vitest';
import { ScrapeResultSchema } from '../../contracts';
import { hasConversationContent, scrapePage } from '..';
import { documentFromHtml, fixtureDocument, fixtureHtml } from '../saved-page';

const HOST = 'https://nubeandina.zendesk.com';
const LEAKS_4799 = ['Marco Rossi', 'F-2291', 'Factura duplicada', 'Urgente', 'oldholdings', 'riesgo de baja', 'dos veces'];

describe('Zendesk email ticket #4821 with #4799 open in a hidden tab', () => {
  const doc = fixtureDocument('zendesk/ticket-4821.html');
  const result = scrapePage(doc, `${HOST}/agent/tickets/4821`);

  it('reads the ticket, the requester and the Lead fields', () => {
    expect(result).toMatchObject({ crm: 'zendesk', kind: 'conversation', recordType: 'ticket', recordId: '4821', rows: [] });
    expect(result.fields).toEqual({
      fullName: 'Sofía Herrera',
      email: 'sofia.herrera@farmaciasdelsur.cl',
      phone: '+56 41 245 6789',
      description: 'Pedido A-1093 incompleto: faltan 2 cajas de guantes',
      status: 'Status: Abierto · Priority: Alta',
    });
    const { messages, ...rest } = result.conversation!;
    expect(rest).toEqual({
      contact: { name: 'Sofía Herrera', phone: '+56 41 245 6789', email: 'sofia.herrera@farmaciasdelsur.cl' },
      subject: 'Pedido A-1093 incompleto: faltan 2 cajas de guantes',
      status: 'Abierto',
      priority: 'Alta',
    });
    expect(ScrapeResultSchema.parse(result)).toEqual(result);
    expect(hasConversationContent(result)).toBe(true);
  });

  it('reads the log in order: public replies in / out, the internal note as "note", no quoted history or signature', () => {
    expect(result.conversation!.messages).toEqual([
      {
        direction: 'in', author: 'Sofía Herrera', time: '2026-11-19T09:14:00Z',
        text: 'Hola,\n\nrecibimos el pedido A-1093 pero faltan 2 cajas de guantes de nitrilo talla M.\nPor favor, envíen lo que falta antes del viernes.',
      },
      { direction: 'out', author: 'Andrea Salazar', time: '2026-11-19T10:02:00Z', text: 'Hola Sofía, lamentamos el inconveniente.\n\nEstamos revisando con bodega y te confirmamos hoy mismo.' },
      { direction: 'note', author: 'Javier Soto', time: '2026-11-19T10:20:00Z', text: 'Bodega confirma que el faltante quedó en el andén 3. Reenvío sin costo; no prometer fecha todavía.' },
      { direction: 'in', author: 'Sofía Herrera', time: '2026-11-20T16:45:00Z', text: 'Gracias. Si no llega el viernes tendremos que cancelar la orden.' },
    ]);
  });

  it('never leaks the hidden ticket, the composer draft, the chrome or events', () => {
    const json = JSON.stringify(result);
    for (const wrong of [...LEAKS_4799, 'reenvío sale mañana', 'cambió el estado', 'vía correo', 'escribió', 'Compras · Farmacias']) expect(json).not.toContain(wrong);
    expect(result.conversation!.contact.name).not.toBe('Andrea Salazar');
  });

  it('reads nothing for the inactive tab\'s URL, even without the hiding markers', () => {
    const inactive = scrapePage(doc, `${HOST}/agent/tickets/4799`);
    expect(inactive.recordId).toBe('4799');
    expect(inactive.fields).toEqual({});
    expect(inactive.conversation!.messages).toEqual([]);
    expect(hasConversationContent(inactive)).toBe(false);
    const unmarked = documentFromHtml(fixtureHtml('zendesk/ticket-4821.html').replace('class="sc-1k2zq-0 sc-hidden-pane" aria-hidden="true"', 'class="sc-1k2zq-0"'));
    expect(JSON.stringify(scrapePage(unmarked, `${HOST}/agent/tickets/4799`))).not.toContain('Marco Rossi');
    expect(JSON.stringify(scrapePage(unmarked, `${HOST}/agent/tickets/4821`))).not.toContain('Marco Rossi');
  });

  it('reads nothing while the URL\'s pane is still hidden (the app has not switched yet)', () => {
    const html = fixtureHtml('zendesk/ticket-4821.html')
      .replace('data-entity-id="4821" data-entity-is-selected="true" aria-selected="true"', 'data-entity-id="4821"')
      .replace('data-ticket-id="4821" data-test-id="ticket-workspace" class="sc-1k2zq-0 jVbNnW"', 'data-ticket-id="4821" data-test-id="ticket-workspace" hidden');
    expect(scrapePage(documentFromHtml(html), `${HOST}/agent/tickets/4821`).conversation!.messages).toEqual([]);
  });
});

describe('Zendesk messaging ticket #4830', () => {
  const result = scrapePage(fixtureDocument('zendesk/ticket-4830-messaging.html'), `${HOST}/agent/tickets/4830`);

  it('reads each bubble as a message; the bot is ours, the note is a note', () => {
    expect(result.conversation!.contact).toEqual({ name: 'Lucía Pérez', phone: '+34 611 222 333', email: '' });
    expect(result.fields).toEqual({ fullName: 'Lucía Pérez', phone: '+34 611 222 333', description: 'Conversation with Lucía Pérez', status: 'Status: Open · Priority: Normal' });
    expect(result.conversation!.messages).toEqual([
      { direction: 'in', author: 'Lucía Pérez', time: '2026-11-21T08:01:10Z', text: 'Hi! I ordered a cordless drill last week (order #77812)' },
      { direction: 'in', author: 'Lucía Pérez', time: '2026-11-21T08:01:40Z', text: 'It still says "processing". When will it ship? 😕' },
      { direction: 'out', author: 'Answer Bot', time: '2026-11-21T08:01:45Z', text: 'Thanks for reaching out! An agent will be with you shortly.' },
      { direction: 'note', author: 'Javier Soto', time: '2026-11-21T08:05:00Z', text: 'Order 77812 is held for address verification. Do not share the warehouse address.' },
      { direction: 'out', author: 'Andrea Salazar', time: '2026-11-21T08:06:30Z', text: "Hi Lucía, I'm checking order #77812 now.\nCould you confirm the delivery postcode?" },
      { direction: 'in', author: 'Lucía Pérez', time: '2026-11-21T08:07:02Z', text: '28013, Madrid' },
    ]);
    const json = JSON.stringify(result);
    for (const wrong of ['Show more', 'started via', 'transferred', 'left the conversation', 'ships today']) expect(json).not.toContain(wrong);
  });

  it('puts a newest-first log back in time order', () => {
    const html = fixtureHtml('zendesk/ticket-4830-messaging.html');
    const start = html.indexOf('<div data-test-id="omni-log-container" role="log">') + '<div data-test-id="omni-log-container" role="log">'.length;
    const end = html.indexOf('</div>\n        <div data-test-id="omnicomposer">');
    const items = html.slice(start, end).split(/(?=<article )/).filter((part) => part.trim().startsWith('<article'));
    const reversed = html.slice(0, start) + items.reverse().join('\n') + html.slice(end);
    const messages = scrapePage(documentFromHtml(reversed), `${HOST}/agent/tickets/4830`).conversation!.messages;
    expect(messages.map((message) => message.time)).toEqual(result.conversation!.messages.map((message) => message.time));
  });
});

describe('Zendesk Agent Workspace 2025-26 ticket #5230 (ticket-2026.html)', () => {
  const result = scrapePage(fixtureDocument('zendesk/ticket-2026.html'), `${HOST}/agent/tickets/5230`);

  it('reads field values without their labels or hints', () => {
    expect(result.fields.fullName).toBe('Ximena Valdés Rojas');
    expect(result.conversation!.priority).toBe('High');
    expect(JSON.stringify(result.fields)).not.toMatch(/Requester|Priority High|Search name|chevron/);
  });

  it('reads the current status from the status tag, never the "Submit as …" button', () => {
    expect(result.conversation!.status).toBe('Open');
    expect(result.fields.status).toBe('Status: Open · Priority: High');
    expect(JSON.stringify(result)).not.toContain('Pending');
  });

  it('reads the requester email and phone from the customer-context panel, never the agent\'s or another tab\'s', () => {
    expect(result.fields).toMatchObject({ email: 'ximena.valdes@transportescordillera.cl', phone: '+56 2 2987 6543' });
    expect(JSON.stringify(result)).not.toMatch(/andrea\.salazar@|bruno\.tapia@|Bruno Tapia|Invoice copy/);
  });
});

describe('Zendesk ticket fields whose test hooks were renamed', () => {
  it('finds requester and priority by their own labels and still reads only the values', () => {
    const html = fixtureHtml('zendesk/ticket-2026.html')
      .replaceAll('ticket-system-field-requester-select', 'ticket-requester-field-v2')
      .replaceAll('ticket-fields-priority-select', 'ticket-priority-field-v2');
    const result = scrapePage(documentFromHtml(html), `${HOST}/agent/tickets/5230`);
    expect(result.fields).toMatchObject({ fullName: 'Ximena Valdés Rojas', status: 'Status: Open · Priority: High' });
    expect(JSON.stringify(result.fields)).not.toMatch(/Requester|Search name|Bruno/);
  });
});
