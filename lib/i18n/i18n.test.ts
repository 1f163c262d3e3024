import { describe, expect, it } from 'vitest';
import { catalogueKeys, translate, uiLanguageFrom } from './index';

describe('i18n catalogue', () => {
  it('has every key in both Spanish and English', () => {
    expect(catalogueKeys('es')).toEqual(catalogueKeys('en'));
  });
  it('has no empty message in either language', () => {
    for (const lang of ['es', 'en'] as const) {
      for (const key of catalogueKeys(lang)) expect(translate(lang, key as never).trim(), `${lang}:${key}`).not.toBe('');
    }
  });
  it('fills slots and picks the language from the locale', () => {
    expect(translate('es', 'panel.slaHours', { hours: 4 })).toBe('4 h');
    expect(uiLanguageFrom('es-MX')).toBe('es');
    expect(uiLanguageFrom('en-GB')).toBe('en');
    expect(uiLanguageFrom(undefined)).toBe('en');
  });
});
