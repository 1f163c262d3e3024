import { describe, expect, it } from 'vitest';
import { classifyEmail } from './email-type';

const type = (e?: string) => classifyEmail(e).type;

describe('rule 2: email → CORPORATE | FREE | INVALID | MISSING', () => {
  it('corporate domains', () => {
    expect(type('marta@metalurgicanorte.es')).toBe('CORPORATE');
    expect(type('Jacques <jdunagan@leclub.example.com>')).toBe('CORPORATE');
    expect(type('hmc@yahoo.example.com')).toBe('CORPORATE');
  });
  it.each(['a@gmail.com', 'b@hotmail.es', 'c@outlook.es', 'd@yahoo.com.mx', 'e@live.co.uk', 'f@icloud.com', 'g@protonmail.com', 'h@proton.me', 'i@gmx.de', 'j@yandex.ru', 'k@mail.com', 'l@zoho.com', 'm@terra.com.br', 'n@aol.com'])(
    'free mail %s',
    (email) => expect(type(email)).toBe('FREE'),
  );
  it('invalid syntax and disposable domains', () => {
    expect(type('not-an-email')).toBe('INVALID');
    expect(type('a@b')).toBe('INVALID');
    expect(type('a b@c.com')).toBe('INVALID');
    expect(type('x@@y.com')).toBe('INVALID');
    expect(classifyEmail('bot@mailinator.com')).toMatchObject({ type: 'INVALID', disposable: true });
    expect(type('x@yopmail.com')).toBe('INVALID');
  });
  it('missing', () => {
    expect(type(undefined)).toBe('MISSING');
    expect(type('   ')).toBe('MISSING');
  });
});
