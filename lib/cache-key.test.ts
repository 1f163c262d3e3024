import { describe, expect, it } from 'vitest';
import { leadCacheKey } from './cache-key';
import { DEMO_PROFILE } from './profile/demo-profile';

const lead = { fullName: 'María González', email: 'maria@andina.com', jobTitle: 'CTO' };

describe('leadCacheKey', () => {
  it('is the same for the same lead whatever the whitespace and field order', async () => {
    const a = await leadCacheKey(lead, DEMO_PROFILE, 'rules:1');
    const b = await leadCacheKey({ jobTitle: ' CTO ', email: 'maria@andina.com', fullName: 'María  González', phone: '' }, DEMO_PROFILE, 'rules:1');
    expect(a).toBe(b);
  });
  it('changes with the lead, the profile and the engine', async () => {
    const base = await leadCacheKey(lead, DEMO_PROFILE, 'rules:1');
    expect(await leadCacheKey({ ...lead, jobTitle: 'CEO' }, DEMO_PROFILE, 'rules:1')).not.toBe(base);
    expect(await leadCacheKey(lead, { ...DEMO_PROFILE, services: ['Other'] }, 'rules:1')).not.toBe(base);
    expect(await leadCacheKey(lead, DEMO_PROFILE, 'llm:openai/gpt-oss-20b:lead-prompt-1')).not.toBe(base);
  });
});
