import { describe, expect, it } from 'vitest';
import { cleanText, contentStems, normalize, normalizedWords, normalizePair, stem, tokenize } from './normalize';
import { compileAny } from './patterns';

describe('normalize', () => {
  it('lowercases and strips accents and diacritics', () => {
    expect(normalize('Pérdida de DATOS en Ñandú, pingüino')).toBe('perdida de datos en nandu, pinguino');
  });
  it('removes HTML tags and control characters', () => {
    expect(cleanText('<b>Hola</b>\u0000 mundo&nbsp;!')).toBe('Hola mundo !');
    expect(normalize(undefined)).toBe('');
    expect(normalize(42)).toBe('42');
  });
  it('keeps indexes aligned with the original text for quoting', () => {
    const { norm, display } = normalizePair('Producción  detenida');
    expect(norm).toBe('produccion detenida');
    expect(display).toBe('Producción detenida');
  });
  it('treats plain ASCII like any other text: trimmed, backticks as quotes, tabs and double spaces collapsed', () => {
    expect(normalizePair('  Need `backup` ASAP ')).toEqual({ norm: "need 'backup' asap", display: 'Need `backup` ASAP' });
    expect(normalizePair('Need\tbackup  now')).toEqual({ norm: 'need backup now', display: 'Need backup now' });
    expect(cleanText('R&amp;D  team\r\nok')).toBe('R&D team\nok');
    expect(normalize('a\u200bb c')).toBe('ab c');
  });
  it('gives the same answer for a text seen before, whatever was normalised in between', () => {
    const first = normalizePair('Pérdida de datos URGENTE');
    for (let i = 0; i < 200; i++) normalizePair(`other text ${i}`);
    expect(normalizePair('Pérdida de datos URGENTE')).toEqual(first);
    expect(normalizePair('Pérdida de datos URGENTE')).toEqual({ norm: 'perdida de datos urgente', display: 'Pérdida de datos URGENTE' });
    expect(Object.isFrozen(first)).toBe(true);
  });
  it('tokenizes into letters and digits', () => {
    expect(tokenize('¿Migración a la nube? 24/7')).toEqual(['migracion', 'a', 'la', 'nube', '24', '7']);
  });
  it('reads a normalised text\'s words as tokenize does, whichever text was read before', () => {
    for (const text of ['¿Migración a la nube? 24/7', '', 'plain words 123', '¿Migración a la nube? 24/7']) {
      expect(normalizedWords(normalize(text))).toEqual(tokenize(text));
    }
  });
});

describe('stem (light Spanish/English stemmer)', () => {
  it('drops a final vowel only from words longer than four letters, and keeps bare numbers out of content stems', () => {
    expect(['casa', 'clinica', 'servidores', 'cloud', 'xyzu'].map(stem)).toEqual(['casa', 'clinic', 'servid', 'cloud', 'xyzu']);
    expect([...contentStems('2024 clinicas 24x7 300')]).toEqual(['clinic', '24x7']);
  });
  it('joins inflections of both languages', () => {
    expect(stem('clinicas')).toBe(stem('clinica'));
    expect(stem('clinic')).toBe(stem('clinicas'));
    expect(stem('facturacion')).toBe(stem('facturas'));
    expect(stem('historias')).toBe(stem('history'));
  });
  it('drops stopwords and short words from content stems', () => {
    expect([...contentStems('de la nube y the cloud')]).toEqual(['nube', 'cloud']);
  });
});

describe('patterns: prefix terms are inflection-tolerant', () => {
  it('matches urgen* as urgente, urgently, urgencia', () => {
    const re = compileAny(['urgen*']);
    for (const t of ['urgente', 'urgently', 'urgencia', 'urgency']) expect(re.test(t)).toBe(true);
    expect(re.test('insurgente')).toBe(false);
  });
  it('matches phrases across accents and spacing', () => {
    expect(compileAny(['perdida de datos']).test(normalize('Pérdida  de datos'))).toBe(true);
  });
});
