import { describe, expect, it } from 'vitest';
import { DEMO_PROFILE } from './demo-profile';
import { exportProfileJson, importProfileJson } from './profile-json';

describe('profile JSON import / export', () => {
  it('an export imports back to the same profile', () => {
    expect(importProfileJson(exportProfileJson(DEMO_PROFILE))).toEqual({ ok: true, profile: DEMO_PROFILE });
  });

  it('accepts a GET /v1/profile answer (the profile wrapped with its version)', () => {
    const result = importProfileJson(JSON.stringify({ version: 'abc', profile: DEMO_PROFILE, updatedAt: null }));
    expect(result).toEqual({ ok: true, profile: DEMO_PROFILE });
  });

  it('lists every problem at once: invalid fields and unknown ones', () => {
    const result = importProfileJson(
      JSON.stringify({
        name: '',
        servicios: ['Nube'],
        services: 'cloud',
        slaHours: { P1: -1, P2: 4, P3: 24 },
        faq: [{ q: 'Horario?' }],
        catalog: [{ sku: 'A', name: 'B', price: 'cheap' }],
        replyPolicy: { maxWords: 0 },
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['servicios', 'name', 'services', 'slaHours.P1', 'slaHours.P4', 'faq.0.a', 'catalog.0.price', 'replyPolicy.maxWords']),
    );
    expect(result.problems.find((p) => p.path === 'servicios')?.message).toBe('unknown field "servicios"');
  });

  it('names bad JSON and a non-object', () => {
    expect(importProfileJson('{ name: ')).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringMatching(/^not valid JSON/) }] });
    expect(importProfileJson('[1,2]')).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/JSON object/) }] });
  });
});
