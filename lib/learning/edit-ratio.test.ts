import { describe, expect, it } from 'vitest';
import { editRatio } from './edit-ratio';

describe('edit ratio of a sent draft', () => {
  const draft = 'Hola Ana, siento mucho el retraso. Te escribo con novedades en las próximas 4 horas. Equipo Sol';
  it('0 for the draft as inserted (case and spacing do not count)', () => {
    expect(editRatio(draft, draft)).toBe(0);
    expect(editRatio(draft, draft.toUpperCase().replace(/ /g, '  '))).toBe(0);
  });
  it('small for a touch-up, large for a rewrite, 1 for something else entirely', () => {
    const touched = editRatio(draft, draft.replace('retraso', 'retraso del pedido'));
    expect(touched).toBeGreaterThan(0);
    expect(touched).toBeLessThan(0.15);
    expect(editRatio(draft, 'Hola Ana, ya está resuelto, gracias por la paciencia. Equipo Sol')).toBeGreaterThan(0.5);
    expect(editRatio('uno dos tres', 'cuatro cinco seis')).toBe(1);
    expect(editRatio(draft, '')).toBe(1);
    expect(editRatio('', '')).toBe(0);
  });
  it('is bounded for very long texts', () => {
    expect(editRatio('palabra '.repeat(5_000), 'otra '.repeat(5_000))).toBe(1);
  });
});
