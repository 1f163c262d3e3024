import { describe, expect, it } from 'vitest';
import { ScrapeResultSchema } from '../../contracts';
import { scrapePage } from '..';
import { fixtureDocument } from '../saved-page';
import { zendeskAdapter } from '.';

const URL_VIEW = 'https://nubeandina.zendesk.com/agent/filters/360001234567';

describe('Zendesk view "Tickets abiertos" (view-open-tickets.html)', () => {
  const doc = fixtureDocument('zendesk/view-open-tickets.html');
  const rows = zendeskAdapter.readListRows!(doc, URL_VIEW);

  it('reads the 30 shown rows by ticket id, never the cached view, tab bar, placeholder or measurement rows', () => {
    expect(rows).toHaveLength(30);
    expect(rows[0]!.recordId).toBe('4850');
    expect(rows.at(-1)!.recordId).toBe('4821');
    expect(new Set(rows.map((row) => row.recordId)).size).toBe(30);
    expect(rows.every((row) => row.recordType === 'ticket')).toBe(true);
    const json = JSON.stringify(rows.map((row) => row.fields));
    for (const wrong of ['Eve Oldname', 'Ticket resuelto', 'Cargando', 'Medición', 'Vista previa', 'Andrea Salazar', 'ordenar', 'Seleccionar']) expect(json).not.toContain(wrong);
  });

  it('maps requester, email, subject, status and priority', () => {
    expect(rows.at(-1)!.fields).toEqual({
      fullName: 'Sofía Herrera',
      email: 'sofia.herrera@farmaciasdelsur.cl',
      description: 'Pedido A-1093 incompleto: faltan 2 cajas de guantes',
      status: 'Status: Pendiente · Priority: Urgente',
    });
    expect(rows.find((row) => row.recordId === '4830')!.fields).toEqual({ fullName: 'Lucía Pérez', description: 'Conversation with Lucía Pérez', status: 'Status: Abierto · Priority: Baja' });
    expect(rows[0]!.badgeAnchor.getAttribute('href')).toBe('/agent/tickets/4850');
  });

  it('scrape returns kind "list" with the rows', () => {
    const result = scrapePage(doc, URL_VIEW);
    expect(result).toMatchObject({ crm: 'zendesk', kind: 'list', recordType: 'ticket', recordId: '', fields: {} });
    expect(result.rows).toHaveLength(30);
    expect(result.rows[1]).toEqual({ recordId: rows[1]!.recordId, fields: rows[1]!.fields });
    expect(ScrapeResultSchema.parse(result)).toEqual(result);
    expect(zendeskAdapter.readListRows!(doc, 'https://nubeandina.zendesk.com/agent/tickets/4821')).toEqual([]);
  });
});
