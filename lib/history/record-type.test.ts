import { describe, expect, it } from 'vitest';
import { recordTypeForUrl } from './record-type';

describe('recordTypeForUrl', () => {
  it('reads the record type from a CRM URL, and falls back to contact', () => {
    expect(recordTypeForUrl('https://app.hubspot.com/contacts/1/record/0-3/9')).toBe('deal');
    expect(recordTypeForUrl('https://app.hubspot.com/contacts/1/record/0-1/9')).toBe('contact');
    expect(recordTypeForUrl('https://example.com/')).toBe('contact');
    expect(recordTypeForUrl('not a url')).toBe('contact');
  });
});
