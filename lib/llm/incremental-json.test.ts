import { describe, expect, it } from 'vitest';
import { IncrementalJsonFields } from './incremental-json';

const answer = {
  stage: 'MQL',
  priority: 'P2',
  slaHours: 4,
  scores: { fit: 75, nested: [1, { a: '}' }] },
  summary: 'Línea "uno"\n} { ] [ \\ \u00e9 \ud83d\ude80',
  detectedNeeds: ['a', 'b]'],
  urgent: true,
  owner: null,
  ratio: -1.5e2,
};
const text = JSON.stringify(answer, null, 2);
const expected = { stage: 'MQL', priority: 'P2', slaHours: 4, summary: answer.summary, urgent: true, owner: null, ratio: -150 };

function feed(chunks: string[]) {
  const seen: string[] = [];
  const p = new IncrementalJsonFields((k) => seen.push(k));
  for (const c of chunks) p.push(c);
  return { p, seen };
}

/** A deterministic pseudo-random generator, so a failing split can be replayed. */
function rng(seed: number) {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

describe('IncrementalJsonFields', () => {
  it('reads the top-level scalars in order and skips nested values', () => {
    const { p, seen } = feed([text]);
    expect(p.fields).toEqual(expected);
    expect(seen).toEqual(['stage', 'priority', 'slaHours', 'summary', 'urgent', 'owner', 'ratio']);
    expect(p.done).toBe(true);
  });

  it('gives the same fields for every split into two chunks', () => {
    for (let i = 0; i <= text.length; i++) {
      expect(feed([text.slice(0, i), text.slice(i)]).p.fields).toEqual(expected);
    }
  });

  it('gives the same fields char by char and for 500 random splits', () => {
    expect(feed([...text]).p.fields).toEqual(expected);
    const random = rng(42);
    for (let n = 0; n < 500; n++) {
      const chunks: string[] = [];
      let i = 0;
      while (i < text.length) {
        const len = 1 + Math.floor(random() * 12);
        chunks.push(text.slice(i, i + len));
        i += len;
      }
      expect(feed(chunks).p.fields).toEqual(expected);
    }
  });

  it('reports a field only once it is complete (a number needs its delimiter)', () => {
    const { p } = feed(['{"stage":"SQ']);
    expect(p.fields).toEqual({});
    p.push('L","slaHours":1');
    expect(p.fields).toEqual({ stage: 'SQL' });
    p.push('2,');
    expect(p.fields).toEqual({ stage: 'SQL', slaHours: 12 });
  });

  it('accepts a ```json fence and leading whitespace', () => {
    expect(feed(['\n ```js', 'on\n{"stage":"Review"}\n```']).p.fields).toEqual({ stage: 'Review' });
  });

  it('gives up on prose before the object (never guesses from thinking text)', () => {
    const { p } = feed(['The user wants {"stage":"SQL"}']);
    expect(p.failed).toBe(true);
    expect(p.fields).toEqual({});
  });

  it('stops at invalid JSON but keeps what it read before', () => {
    const { p } = feed(['{"stage":"SQL", "priority": P1}']);
    expect(p.failed).toBe(true);
    expect(p.fields).toEqual({ stage: 'SQL' });
  });
});
