/**
 * Numbers as people write them in Spanish and English messages: digits with either thousands
 * separator ("1.200", "1,200"), "5k", and number words ("dos", "twelve", "una docena", "a single").
 * Works on normalize()d text (lowercase, no accents).
 */

const WORDS: Readonly<Record<string, number>> = {
  un: 1, uno: 1, una: 1, one: 1, a: 1, an: 1, single: 1, solo: 1, sola: 1, unico: 1, unica: 1,
  dos: 2, two: 2, couple: 2, par: 2, tres: 3, three: 3, cuatro: 4, four: 4, cinco: 5, five: 5, seis: 6, six: 6,
  siete: 7, seven: 7, ocho: 8, eight: 8, nueve: 9, nine: 9, diez: 10, ten: 10, once: 11, eleven: 11, doce: 12,
  twelve: 12, docena: 12, dozen: 12, trece: 13, thirteen: 13, catorce: 14, fourteen: 14, quince: 15, fifteen: 15,
  veinte: 20, twenty: 20, treinta: 30, thirty: 30, cuarenta: 40, forty: 40, cincuenta: 50, fifty: 50, sesenta: 60,
  sixty: 60, setenta: 70, seventy: 70, ochenta: 80, eighty: 80, noventa: 90, ninety: 90, cien: 100, ciento: 100,
  hundred: 100, doscientos: 200, trescientos: 300, quinientos: 500, mil: 1000, thousand: 1000,
};

/** The regex source of one written number: digits (with separators, "k") or one number word. */
export const NUMBER_SOURCE = `(?:\\d{1,3}(?:[.,]\\d{3})+|\\d+(?:[.,]\\d+)?(?:\\s?k\\b)?|${Object.keys(WORDS)
  .filter((w) => w.length > 1)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

/** The value of one written number as NUMBER_SOURCE matches it; NaN when it is none. */
export function readNumber(raw: string): number {
  const text = raw.trim();
  if (text in WORDS) return WORDS[text]!;
  const k = /\s?k$/.test(text);
  const digits = text.replace(/\s?k$/, '');
  let value: number;
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(digits)) value = Number(digits.replace(/[.,]/g, ''));
  else value = Number(digits.replace(',', '.'));
  return k ? value * 1000 : value;
}
