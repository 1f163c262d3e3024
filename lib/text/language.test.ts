import { describe, expect, it } from 'vitest';
import { detectLanguage, detectLanguageCode, languageOf } from './language';

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

describe('Portuguese and unsure text (v3)', () => {
  it('reads Portuguese as Portuguese, and replies to it in Spanish, the closer of the two', () => {
    expect(detectLanguageCode('Vocês têm carregador de 30W em estoque?')).toBe('pt');
    expect(detectLanguage('Não recebi meu pedido ainda')).toBe('es');
  });
  it('says when it cannot tell', () => {
    expect(languageOf('CTO')).toBeUndefined();
    expect(languageOf('12:00 - 18:00')).toBeUndefined();
    expect(languageOf('Lunes a viernes de 9:00 a 18:00')).toBe('es');
  });
  it('Spain Spanish and short shop questions', () => {
    expect(detectLanguage('¿Tenéis la escalera?')).toBe('es');
    expect(detectLanguage('cuanto cuesta el rollo')).toBe('es');
  });
});
