import { describe, expect, it } from 'vitest';
import { adapterForUrl } from '..';
import { isSalesforceUrl, parseSalesforceRecordUrl, salesforcePageKind } from './match';

const HOST = 'https://nubeandina.lightning.force.com';

describe('Salesforce record URLs', () => {
  it.each([
    [`${HOST}/lightning/r/Lead/00Q5g00000Lq7XyEAJ/view`, 'lead', '00Q5g00000Lq7XyEAJ'],
    [`${HOST}/lightning/r/Lead/00Q5g00000Lq7Xy/view`, 'lead', '00Q5g00000Lq7Xy'],
    [`${HOST}/lightning/r/00Q5g00000Lq7XyEAJ/view`, 'lead', '00Q5g00000Lq7XyEAJ'],
    [`${HOST}/lightning/r/Contact/0035g00000Mn4PqAAJ/view?ws=%2Flightning%2Fr%2FAccount`, 'contact', '0035g00000Mn4PqAAJ'],
    [`${HOST}/lightning/r/0035g00000Mn4PqAAJ/view`, 'contact', '0035g00000Mn4PqAAJ'],
    [`${HOST}/lightning/r/Opportunity/0065g00000Pq9RsAAJ/view`, 'opportunity', '0065g00000Pq9RsAAJ'],
    [`${HOST}/lightning/r/Account/0015g00000Ab3CdAAJ/view#tab`, 'company', '0015g00000Ab3CdAAJ'],
    [`${HOST}/lightning/r/Case/5005g00000Rt3UvAAJ/view`, 'case', '5005g00000Rt3UvAAJ'],
    ['https://acme--uat.sandbox.lightning.force.com/lightning/r/Lead/00Q5g00000Lq7XyEAJ/view', 'lead', '00Q5g00000Lq7XyEAJ'],
    ['https://acme.my.salesforce.com/lightning/r/Lead/00Q5g00000Lq7XyEAJ/view', 'lead', '00Q5g00000Lq7XyEAJ'],
    ['https://NUBEANDINA.Lightning.Force.com/lightning/r/lead/00Q5g00000Lq7XyEAJ/view', 'lead', '00Q5g00000Lq7XyEAJ'],
  ])('%s is a %s record', (url, recordType, recordId) => {
    expect(isSalesforceUrl(url)).toBe(true);
    expect(adapterForUrl(url)?.crm).toBe('salesforce');
    expect(salesforcePageKind(url)).toEqual({ kind: 'record', recordType, recordId });
  });

  it.each([
    [`${HOST}/lightning/o/Lead/list?filterName=Recent`, 'lead'],
    [`${HOST}/lightning/o/Lead/list?filterName=00B5g00000MyOpenLeads`, 'lead'],
    ['https://acme.my.salesforce.com/lightning/o/Contact/list?filterName=AllContacts', 'contact'],
    [`${HOST}/lightning/o/Opportunity/home`, 'opportunity'],
    [`${HOST}/lightning/o/Case/list`, 'case'],
    [`${HOST}/lightning/o/Account/list?filterName=MyAccounts`, 'company'],
  ])('%s is a %s list', (url, recordType) => {
    expect(salesforcePageKind(url)).toEqual({ kind: 'list', recordType, recordId: '' });
  });

  it.each([
    'https://lightning.force.com.evil.io/lightning/r/Lead/00Q5g00000Lq7XyEAJ/view',
    'https://nubeandina.lightning.force.com.evil.io/lightning/r/Lead/00Q5g00000Lq7XyEAJ/view',
    'https://evil-lightning.force.com/lightning/r/Lead/00Q5g00000Lq7XyEAJ/view',
    'https://lightning.force.com/lightning/r/Lead/00Q5g00000Lq7XyEAJ/view',
    'https://my.salesforce.com/lightning/r/Lead/00Q5g00000Lq7XyEAJ/view',
    'https://nubeandina.lightning.force.com@evil.io/lightning/r/Lead/00Q5g00000Lq7XyEAJ/view',
    'http://nubeandina.lightning.force.com/lightning/r/Lead/00Q5g00000Lq7XyEAJ/view',
    'https://evil.io/?u=https://nubeandina.lightning.force.com/lightning/r/Lead/00Q5g00000Lq7XyEAJ/view',
    'not a url',
  ])('%s is not Salesforce', (url) => {
    expect(isSalesforceUrl(url)).toBe(false);
    expect(salesforcePageKind(url)).toBeUndefined();
    expect(adapterForUrl(url)?.crm).not.toBe('salesforce');
  });

  it.each([
    `${HOST}/lightning/r/Lead/0035g00000Mn4PqAAJ/view`, // a contact id under /Lead/
    `${HOST}/lightning/r/Lead/00Q5g00000Lq7/view`, // too short
    `${HOST}/lightning/r/Lead/00Q5g00000Lq7XyEA/view`, // 17 characters
    `${HOST}/lightning/r/Widget__c/a005g00000Ab3CdAAJ/view`,
    `${HOST}/lightning/r/a005g00000Ab3CdAAJ/view`,
    `${HOST}/lightning/r/Lead/00Q5g00000Lq7XyEAJ/edit`,
    `${HOST}/lightning/page/home`,
    `${HOST}/lightning/o/Widget__c/list`,
  ])('%s is on Salesforce but not a page Pulso reads', (url) => {
    expect(isSalesforceUrl(url)).toBe(true);
    expect(salesforcePageKind(url)).toBeUndefined();
    expect(parseSalesforceRecordUrl(url)).toBeUndefined();
  });
});
