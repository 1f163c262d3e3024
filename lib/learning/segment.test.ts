import { describe, expect, it } from 'vitest';
import { retentionQuadrant } from '../rules/conversation/index';
import { normalizeSegment, segmentOf } from './segment';

describe('segment of a context', () => {
  it('is the retention quadrant when the billing level is known', () => {
    expect(segmentOf({ quadrant: 'retain' })).toBe('retain');
    for (const conformity of ['high', 'low'] as const) {
      for (const billingLevel of ['high', 'low'] as const) expect(segmentOf({ conformity, billingLevel })).toBe(retentionQuadrant(conformity, billingLevel));
    }
  });
  it('falls back to the conformity alone, then to unknown', () => {
    expect(segmentOf({ conformity: 'low' })).toBe('unhappy');
    expect(segmentOf({ conformity: 'high' })).toBe('satisfied');
    expect(segmentOf({ billingLevel: 'high' })).toBe('unknown');
    expect(segmentOf({})).toBe('unknown');
  });
  it('maps any string from outside onto the closed set', () => {
    expect(normalizeSegment('care')).toBe('care');
    expect(normalizeSegment('Care')).toBe('unknown');
    expect(normalizeSegment('x'.repeat(100))).toBe('unknown');
  });
});
