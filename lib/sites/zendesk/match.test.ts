import { describe, expect, it } from 'vitest';
import { adapterForUrl } from '..';
import { isZendeskUrl, zendeskPageKind } from './match';

describe('Zendesk agent workspace URLs', () => {
  it.each([
    ['https://nubeandina.zendesk.com/agent/tickets/4821', '4821'],
    ['https://nubeandina.zendesk.com/agent/tickets/4821/', '4821'],
    ['https://nubeandina.zendesk.com/agent/tickets/4821/events', '4821'],
    ['https://Acme-Support.Zendesk.com/agent/tickets/7?ref=x#c', '7'],
  ])('%s is ticket %s', (url, id) => {
    expect(adapterForUrl(url)?.crm).toBe('zendesk');
    expect(zendeskPageKind(url)).toEqual({ kind: 'conversation', recordType: 'ticket', recordId: id });
  });

  it('a view is a list of tickets', () => {
    expect(zendeskPageKind('https://nubeandina.zendesk.com/agent/filters/360001234567')).toEqual({ kind: 'list', recordType: 'ticket', recordId: '' });
  });

  it.each([
    'https://nubeandina.zendesk.com.evil.io/agent/tickets/4821',
    'https://evil-zendesk.com/agent/tickets/4821',
    'https://zendesk.com/agent/tickets/4821',
    'https://a.b.zendesk.com/agent/tickets/4821',
    'https://nubeandina.zendesk.com@evil.io/agent/tickets/4821',
    'http://nubeandina.zendesk.com/agent/tickets/4821',
    'https://evil.io/?u=https://nubeandina.zendesk.com/agent/tickets/4821',
  ])('%s is not Zendesk', (url) => {
    expect(isZendeskUrl(url)).toBe(false);
    expect(zendeskPageKind(url)).toBeUndefined();
    expect(adapterForUrl(url)?.crm).not.toBe('zendesk');
  });

  it.each(['https://nubeandina.zendesk.com/agent/dashboard', 'https://nubeandina.zendesk.com/agent/tickets/new/1', 'https://nubeandina.zendesk.com/hc/es/requests/4821'])(
    '%s is on Zendesk but not a page Pulso reads',
    (url) => {
      expect(isZendeskUrl(url)).toBe(true);
      expect(zendeskPageKind(url)).toBeUndefined();
    },
  );
});
