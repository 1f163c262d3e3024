import { describe, expect, it } from 'vitest';
import { LONG_TEXT_MAX, ScrapeResultSchema } from '../../contracts';
import { hasConversationContent, scrapePage } from '..';
import { documentFromHtml, fixtureDocument, fixtureHtml } from '../saved-page';
import { ScrapeTrace } from '../query';
import { parseWhatsAppMessageId, readWhatsAppChat, titleRecordId, WHATSAPP_MESSAGES_MAX } from './chat';

const URL = 'https://web.whatsapp.com/';
const MARIA = 'María José Fernández';
const ANDREA = 'Andrea Salazar';

describe('WhatsApp individual chat (chat-individual.html)', () => {
  const result = scrapePage(fixtureDocument('whatsapp/chat-individual.html'), URL);
  const messages = result.conversation!.messages;

  it('names the chat by its jid and reads the contact as a Lead', () => {
    expect(result).toMatchObject({ crm: 'whatsapp', kind: 'conversation', url: URL, recordType: 'chat', recordId: '34600111222@c.us', rows: [] });
    expect(result.fields).toEqual({ fullName: MARIA, phone: '+34600111222' });
    expect(result.missing).not.toContain('fullName');
    expect(result.conversation!.contact).toEqual({ name: MARIA, phone: '+34600111222', email: '' });
    expect(ScrapeResultSchema.parse(result)).toEqual(result);
    expect(hasConversationContent(result)).toBe(true);
  });

  it('reads every visible message exactly, in order: emoji inline, lines kept, quote / deleted / photo / system rows left out', () => {
    const m = (direction: 'in' | 'out', time: string, text: string) => ({ direction, author: direction === 'in' ? MARIA : ANDREA, time, text });
    expect(messages).toEqual([
      m('in', '18:02, 20/11/2026', 'Hola, buenas tardes 👋'),
      m('in', '18:03, 20/11/2026', '¿Tienen stock del taladro Bosch GSB 18V-55?'),
      m('out', '18:10, 20/11/2026', '¡Hola María José! Sí, nos quedan 3 unidades en la tienda de Gran Vía.'),
      m('in', '18:12, 20/11/2026', 'Perfecto. ¿Y qué precio tiene?\nEs para un regalo, ¿lo envolvéis?'),
      m('in', '09:15, 21/11/2026', 'Buenos días'),
      m('in', '09:16, 21/11/2026', 'Os cuento lo que necesito:\n- 2 taladros GSB 18V-55\n- 1 juego de brocas de 10 piezas'),
      m('out', '09:30, 21/11/2026', 'El taladro cuesta 129,90 € y el juego de brocas 24,95 €. El envoltorio es gratis 🎁'),
      m('in', '09:32, 21/11/2026', '¿Ese precio incluye la batería? 🤔'),
      m('out', '09:40, 21/11/2026', 'Sí, incluye una batería de 2,0 Ah y el cargador.'),
      m('in', '09:41, 21/11/2026', 'Genial 😍😍'),
      m('in', '10:32, 21/11/2026', '¿Me lo podéis reservar hasta el sábado? Paso a recogerlo por la mañana.'),
    ]);
  });

  it('never reads the composer draft, the chat list, the starred drawer, the encryption notice or dates', () => {
    const json = JSON.stringify(result);
    for (const wrong of ['te lo reservo', 'Pedro Gómez', '¿Abren el domingo?', 'devolver la sierra', '622 999 888', 'cifrados', 'AYER', 'HOY', 'Se eliminó', 'en línea', 'escribiendo']) {
      expect(json).not.toContain(wrong);
    }
    expect(messages.filter((message) => message.direction === 'in').every((message) => message.author === MARIA)).toBe(true);
    expect(result.conversation!.contact.name).not.toBe(ANDREA);
  });

  it('follows a chat switch: another jid in #main is another record', () => {
    const html = fixtureHtml('whatsapp/chat-individual.html').replaceAll('34600111222@c.us', '34699888777@c.us');
    expect(scrapePage(documentFromHtml(html), URL).recordId).toBe('34699888777@c.us');
  });
});

describe('WhatsApp group chat (chat-group.html)', () => {
  const result = scrapePage(fixtureDocument('whatsapp/chat-group.html'), URL);

  it('reads the group name as the contact, each message with its author, and no Lead fields', () => {
    expect(result.recordId).toBe('120363041234567890@g.us');
    expect(result.conversation!.contact).toEqual({ name: 'Obra Calle Mayor 12 🏗️', phone: '', email: '' });
    expect(result.fields).toEqual({});
    expect(result.conversation!.messages).toEqual([
      { direction: 'in', author: 'Carlos Ruiz', time: '11:02, 21/11/2026', text: 'Buenos días, necesitamos 40 sacos de cemento para el lunes' },
      { direction: 'in', author: '+34 633 444 555', time: '11:05, 21/11/2026', text: '¿Tenéis también mallazo de 15x15?' },
      { direction: 'out', author: ANDREA, time: '11:10, 21/11/2026', text: 'Hola a los dos 👋 Sí: cemento 40 sacos y mallazo 15x15 disponibles.\nOs paso presupuesto hoy.' },
      { direction: 'in', author: 'Carlos Ruiz', time: '11:12, 21/11/2026', text: '¿Podéis entregar en obra antes de las 8?' },
      { direction: 'in', author: '+34 633 444 555', time: '11:15, 21/11/2026', text: 'Y la factura a nombre de Reformas Lucía SL, por favor 🙏' },
    ]);
    const json = JSON.stringify(result);
    for (const wrong of ['creó el grupo', 'se unió', 'Carlos Ruiz, +34', 'Escribe un mensaje', 'María José']) expect(json).not.toContain(wrong);
  });
});

describe('WhatsApp QR / login screen (qr-login.html)', () => {
  it('reads nothing: an empty conversation the panel does not show', () => {
    const result = scrapePage(fixtureDocument('whatsapp/qr-login.html'), URL);
    expect(result).toMatchObject({ crm: 'whatsapp', kind: 'conversation', recordType: 'chat', recordId: '', fields: {} });
    expect(result.conversation).toEqual({ contact: { name: '', phone: '', email: '' }, subject: '', status: '', priority: '', messages: [] });
    expect(hasConversationContent(result)).toBe(false);
    expect(JSON.stringify(result)).not.toContain(ANDREA);
  });
});

describe('WhatsApp 200-message chat (chat-200.html, generated by generate-chat-200.mjs)', () => {
  it('reads the 200 messages in order; the deleted one and quotes are not messages', () => {
    const messages = scrapePage(fixtureDocument('whatsapp/chat-200.html'), URL).conversation!.messages;
    expect(messages).toHaveLength(200);
    expect(messages[0]).toEqual({ direction: 'in', author: 'Javier Ortega Marín', time: '09:00, 20/11/2026', text: 'Consulta 1: ¿hay stock de REF-1001?' });
    expect(messages[199]).toEqual({ direction: 'out', author: ANDREA, time: '11:27, 23/11/2026', text: 'Respuesta 200: sí, quedan 5 unidades de REF-1200.' });
    expect(messages[4]!.text).toBe('Consulta 5: ¿hay stock de REF-1005?');
    expect(messages[8]!.text).toBe('Consulta 9: ¿hay stock de REF-1009? 👍');
    expect(messages.filter((message) => message.direction === 'in')).toHaveLength(100);
    expect(JSON.stringify(messages)).not.toContain('Borrador');
  });

  it('reads the same 200 messages from the late-2026 markup (chat-200-2026.html)', () => {
    const older = scrapePage(fixtureDocument('whatsapp/chat-200.html'), URL).conversation!.messages;
    const current = scrapePage(fixtureDocument('whatsapp/chat-200-2026.html'), URL).conversation!.messages;
    expect(current).toEqual(older);
    expect(JSON.stringify(current)).not.toMatch(/wds-ic|tail-|Leído|Reaccionar/);
  });
});

describe('WhatsApp edge cases', () => {
  const chat = (rows: string, header = `<header><span dir="auto" title="+34 600 111 222">+34 600 111 222</span></header>`) =>
    documentFromHtml(`<!doctype html><html><body><div id="main">${header}<div role="application">${rows}</div><footer><div contenteditable="true" role="textbox" data-lexical-editor="true"><p><span class="selectable-text copyable-text" data-lexical-text="true">draft</span></p></div></footer></div></body></html>`);
  const row = (id: string, cls: string, text: string, prefix = '[08:00, 01/12/2026] X: ') =>
    `<div data-id="${id}"><div class="${cls}"><div class="copyable-text" data-pre-plain-text="${prefix}"><span class="selectable-text copyable-text"><span>${text}</span></span></div></div></div>`;

  it('keeps the last 500 messages and bounds each text', () => {
    const rows = Array.from({ length: 505 }, (_, i) => row(`false_34600111222@c.us_M${i}`, 'message-in', i === 504 ? 'x'.repeat(LONG_TEXT_MAX + 50) : `m${i}`)).join('');
    const messages = scrapePage(chat(rows), URL).conversation!.messages;
    expect(messages).toHaveLength(WHATSAPP_MESSAGES_MAX);
    expect(messages[0]!.text).toBe('m5');
    expect(messages.at(-1)!.text.length).toBeLessThanOrEqual(LONG_TEXT_MAX);
  });

  it('an unsaved number is the phone, not the name; direction falls back to the id when classes change', () => {
    const result = scrapePage(chat(row('true_34600111222@c.us_A1', '_x9f619', 'Hola') + row('false_34600111222@c.us_A2', '_x9f619', 'Hi', '[08:01, 01/12/2026] +34 600 111 222: ')), URL);
    expect(result.conversation!.contact).toEqual({ name: '', phone: '+34 600 111 222', email: '' });
    expect(result.fields).toEqual({ phone: '+34 600 111 222' });
    expect(result.conversation!.messages.map((message) => [message.direction, message.text])).toEqual([['out', 'Hola'], ['in', 'Hi']]);
  });

  it('a chat without message rows is named by a hash of its title; hidden rows are not read', () => {
    const result = scrapePage(chat(`<div data-id="false_34600111222@c.us_H" style="display:none"><div class="message-in"><span class="selectable-text">oculto</span></div></div>`, '<header><span dir="auto" title="Tienda Centro">Tienda Centro</span></header>'), URL);
    expect(result.recordId).toBe(titleRecordId('Tienda Centro'));
    expect(result.recordId).toMatch(/^title-[0-9a-f]{8}$/);
    expect(result.conversation!.messages).toEqual([]);
    expect(hasConversationContent(result)).toBe(false);
  });

  it('parses message ids of individual and group chats', () => {
    expect(parseWhatsAppMessageId('false_34600111222@c.us_3EB0ABC')).toEqual({ fromMe: false, chatJid: '34600111222@c.us', messageId: '3EB0ABC', authorJid: '' });
    expect(parseWhatsAppMessageId('true_120363041234567890@g.us_3EB0ABC_34611222333@c.us')).toEqual({
      fromMe: true, chatJid: '120363041234567890@g.us', messageId: '3EB0ABC', authorJid: '34611222333@c.us',
    });
    expect(parseWhatsAppMessageId('row-3')).toBeUndefined();
  });
});

describe('WhatsApp Web late 2026 (chat-individual-2026.html): no direction classes, bare message ids', () => {
  const trace = new ScrapeTrace();
  const result = readWhatsAppChat(fixtureDocument('whatsapp/chat-individual-2026.html'), URL, { trace });
  const messages = result.conversation!.messages;

  it('reads all 7 messages with their directions, authors, times and texts', () => {
    expect(messages.map((message) => [message.direction, message.time])).toEqual([
      ['in', '10:02, 14/12/2026'],
      ['in', '10:03, 14/12/2026'],
      ['out', '10:05, 14/12/2026'],
      ['out', '10:05, 14/12/2026'],
      ['in', '10:07, 14/12/2026'],
      ['out', '10:09, 14/12/2026'],
      ['in', '10:11, 14/12/2026'],
    ]);
    expect(messages[4]!.text).toBe('¿Y si compro 3 hay descuento?');
    expect(messages[6]!.text).toBe('Perfecto, lo pido hoy mismo.\n¿Me mandáis la factura a nombre de la empresa?');
  });

  it('says which signal decided each direction', () => {
    expect(trace.fields.get('messages')!.notes).toEqual([
      '#1 in ← tail-in icon',
      '#2 in ← signed by the chat contact',
      '#3 out ← tail-out icon',
      '#4 out ← sender label "Tú:"',
      '#5 in ← tail-in icon',
      '#6 out ← tail-out icon',
      '#7 in ← signed by the chat contact',
    ]);
  });

  it('never reads SVG titles, the meta line, hover buttons, the quote, the deleted message, the draft or the chat list', () => {
    const json = JSON.stringify(result);
    for (const wrong of ['wds-ic', 'tail-in', 'tail-out', 'Editado', 'Reaccionar', 'Leído', 'Se eliminó', 'Te preparo', 'Tomás Bravo', 'mesa en roble', 'cifrados', 'HOY', 'NO LEÍDO']) {
      expect(json).not.toContain(wrong);
    }
  });

  it('names the chat by its title and leaves the phone missing (the id carries no number any more)', () => {
    expect(result.recordId).toBe(titleRecordId('Valentina Ortiz Reyes'));
    expect(result.fields).toEqual({ fullName: 'Valentina Ortiz Reyes' });
    expect(result.missing).toContain('phone');
  });
});

describe('WhatsApp message direction: independent signals in a stated order', () => {
  const chat = (rows: string, title = 'Clienta Uno') =>
    documentFromHtml(`<!doctype html><html><body><div id="main"><header><span dir="auto">${title}</span></header><div role="application">${rows}</div></div></body></html>`);
  const bubble = (inner: string, text: string, author = 'Clienta Uno', id = '3EB0AA') =>
    `<div role="row"><div data-id="${id}">${inner}<div data-testid="msg-container"><div class="copyable-text" data-pre-plain-text="[09:00, 01/12/2026] ${author}: "><span class="selectable-text copyable-text"><span>${text}</span></span></div></div></div></div>`;
  const read = (doc: Document) => readWhatsAppChat(doc, URL).conversation!.messages.map((message) => `${message.direction} ${message.text}`);

  it('the id prefix wins over a contradicting tail, the class over the tail, the tail over a status icon', () => {
    expect(read(chat(bubble('<span data-icon="tail-in"></span>', 'A', 'Yo', 'true_34600111222@c.us_X1')))).toEqual(['out A']);
    expect(read(chat(bubble('<div class="message-out"><span data-icon="tail-in"></span></div>', 'B', 'Yo')))).toEqual(['out B']);
    expect(read(chat(bubble('<span data-icon="tail-in"></span><span data-icon="msg-dblcheck"></span>', 'C', 'Otra Persona')))).toEqual(['in C']);
  });

  it('our own marks alone (status icon, status label, "You:") make a message ours', () => {
    expect(read(chat(bubble('<span data-icon="msg-check"></span>', 'D', 'Yo')))).toEqual(['out D']);
    expect(read(chat(bubble('<span aria-label=" Delivered "></span>', 'E', 'Yo')))).toEqual(['out E']);
    expect(read(chat(bubble('<span aria-label="You:"></span>', 'F', 'Yo')))).toEqual(['out F']);
  });

  it('a tail-less bubble continues the run above it, unless a separator row lies between', () => {
    const rows = bubble('<span data-icon="tail-out"></span>', 'G', 'Yo', 'A1') + bubble('', 'H', 'Yo', 'A2');
    expect(read(chat(rows))).toEqual(['out G', 'out H']);
    const separated = bubble('<span data-icon="tail-out"></span>', 'G', 'Yo', 'A1') + '<div role="row"><span>HOY</span></div>' + bubble('', 'H', 'Yo', 'A2');
    expect(read(chat(separated))).toEqual(['out G']);
  });

  it('a message with no signal at all is left out, never guessed', () => {
    expect(read(chat(bubble('', 'I', 'Alguien Más')))).toEqual([]);
  });

  it('the bubble on the right of the panel is ours when the engine has layout', () => {
    const doc = chat(bubble('', 'J', 'Alguien Más') + bubble('', 'K', 'Alguien Más', '3EB0AB'));
    const rect = (left: number, right: number) => () => ({ left, right, width: right - left, top: 0, bottom: 10, height: 10, x: left, y: 0 });
    Object.assign(doc.getElementById('main')!, { getBoundingClientRect: rect(0, 1000) });
    const [first, second] = Array.from(doc.querySelectorAll('[data-testid="msg-container"]'));
    Object.assign(first!, { getBoundingClientRect: rect(600, 960) });
    Object.assign(second!, { getBoundingClientRect: rect(40, 400) });
    expect(read(doc)).toEqual(['out J', 'in K']);
  });
});
