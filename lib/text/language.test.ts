import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('detects Spanish by stopwords and accents', () => {
    expect(detectLanguage('Necesitamos migrar nuestros servidores a la nube cuanto antes')).toBe('es');
    expect(detectLanguage('¿Podéis ayudarnos con la migración?')).toBe('es');
    expect(detectLanguage('Director de Sistemas')).toBe('es');
  });
  it('detects English', () => {
    expect(detectLanguage('We need to move our servers to the cloud this week')).toBe('en');
  });
  it('defaults to English when unsure', () => {
    expect(detectLanguage('')).toBe('en');
    expect(detectLanguage('CTO')).toBe('en');
    expect(detectLanguage('12345 !!!')).toBe('en');
  });
});
