import { describe, expect, it } from 'vitest';
import { adapterForUrl, scrapePage, UnsupportedPageError } from '..';
import { documentFromHtml } from '../saved-page';
import { hubSpotPageKind, isHubSpotUrl, parseHubSpotContactUrl } from './match';

const contact = (recordId: string) => ({ kind: 'record', recordType: 'contact', recordId });

describe('HubSpot contact record URLs', () => {
  it.each([
    ['https://app.hubspot.com/contacts/12345678/record/0-1/101', '101'],
    ['https://app-eu1.hubspot.com/contacts/12345678/record/0-1/202', '202'],
    ['https://app-na2.hubspot.com/contacts/243381751/record/0-1/98765432101', '98765432101'],
    ['https://app-ap1.hubspot.com/contacts/12345678/record/0-1/7', '7'],
    ['https://APP.HubSpot.com/contacts/12345678/record/0-1/101', '101'],
    ['https://app.hubspot.com/contacts/12345678/record/0-1/101/', '101'],
    ['https://app.hubspot.com/contacts/12345678/record/0-1/101/view/1', '101'],
    ['https://app.hubspot.com/contacts/12345678/record/0-1/101?interaction=note', '101'],
    ['https://app.hubspot.com/contacts/12345678/record/0-1/101#activity', '101'],
    ['https://app.hubspot.com/contacts/12345678/contact/101', '101'],
    ['https://app.hubspot.com/contacts/12345678/contact/101/?engagement=5', '101'],
  ])('%s is contact %s', (url, id) => {
    expect(isHubSpotUrl(url)).toBe(true);
    expect(hubSpotPageKind(url)).toEqual(contact(id));
    expect(parseHubSpotContactUrl(url)?.portalId).toMatch(/^\d+$/);
  });

  it.each([
    'https://hubspot.com.evil.io/contacts/12345678/record/0-1/101',
    'https://evilhubspot.com/contacts/12345678/record/0-1/101',
    'https://app.hubspot.com.evil.io/contacts/12345678/record/0-1/101',
    'https://app.hubspot.com@evil.io/contacts/12345678/record/0-1/101',
    'https://evil.io/?u=https://app.hubspot.com/contacts/12345678/record/0-1/101',
    'http://app.hubspot.com/contacts/12345678/record/0-1/101',
    'javascript:alert(1)//app.hubspot.com/contacts/12345678/record/0-1/101',
    'not a url',
    '',
  ])('%s is not a HubSpot page', (url) => {
    expect(isHubSpotUrl(url)).toBe(false);
    expect(hubSpotPageKind(url)).toBeUndefined();
    expect(adapterForUrl(url)).toBeUndefined();
  });

  it.each([
    ['https://app.hubspot.com/contacts/12345678/record/0-2/9001', 'record', 'company', '9001'],
    ['https://app-na2.hubspot.com/contacts/12345678/record/0-3/7001/', 'record', 'deal', '7001'],
    ['https://app-ap1.hubspot.com/contacts/12345678/record/0-5/5001?tab=activity', 'record', 'ticket', '5001'],
    ['https://app.hubspot.com/contacts/12345678/company/9001', 'record', 'company', '9001'],
    ['https://app.hubspot.com/contacts/12345678/deal/7001/', 'record', 'deal', '7001'],
    ['https://app.hubspot.com/contacts/12345678/objects/0-1/views/all/list', 'list', 'contact', ''],
    ['https://app-eu1.hubspot.com/contacts/12345678/objects/0-2/views/123456/list', 'list', 'company', ''],
    ['https://app.hubspot.com/contacts/12345678/objects/0-3/views/my/list?query=x', 'list', 'deal', ''],
    ['https://app.hubspot.com/contacts/12345678/objects/0-5/views/all/list', 'list', 'ticket', ''],
    ['https://app.hubspot.com/contacts/12345678/contacts/list/view/all/', 'list', 'contact', ''],
    ['https://app.hubspot.com/contacts/12345678/companies/list/view/all/', 'list', 'company', ''],
  ])('%s is a %s of %s', (url, kind, recordType, recordId) => {
    expect(hubSpotPageKind(url)).toEqual({ kind, recordType, recordId });
    expect(parseHubSpotContactUrl(url)).toBeUndefined();
  });

  it.each([
    'https://app.hubspot.com/contacts/12345678/record/0-4/9001', // an object Pulso does not read
    'https://app.hubspot.com/contacts/12345678/record/2-123456/9001', // a custom object
    'https://app.hubspot.com/contacts/12345678/objects/0-3/views/all/board', // the deals board, not a table
    'https://app.hubspot.com/contacts/12345678/record/0-1/abc',
    'https://app.hubspot.com/contacts/12345678/record/0-1/',
    'https://app.hubspot.com/home-beta/12345678',
    'https://app.hubspot.com/contacts/12345678/record/0-1/101extra',
  ])('%s is on HubSpot but not a contact record', (url) => {
    expect(isHubSpotUrl(url)).toBe(true);
    expect(adapterForUrl(url)?.crm).toBe('hubspot');
    expect(hubSpotPageKind(url)).toBeUndefined();
  });
});

describe('scrapePage on unsupported pages', () => {
  const doc = documentFromHtml('<!doctype html><html><body><p>hi</p></body></html>');

  it('names the URL when no adapter matches', () => {
    const url = 'https://hubspot.com.evil.io/contacts/1/record/0-1/2';
    expect(() => scrapePage(doc, url)).toThrow(UnsupportedPageError);
    expect(() => scrapePage(doc, url)).toThrow(url);
  });

  it('names the URL when the page kind is not supported', () => {
    const url = 'https://app.hubspot.com/contacts/12345678/objects/0-3/views/all/board';
    expect(() => scrapePage(doc, url)).toThrow(UnsupportedPageError);
    expect(() => scrapePage(doc, url)).toThrow(/contact record/);
  });
});
