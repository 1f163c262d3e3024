/** Small text helpers for drafts: words, sentences, number parsing. Pure. */

/** Words as the agent counts them (whitespace-separated, emoji alone does not count). */
export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,:%€$/-]*/gu) ?? []).length;
}

/** Sentences of one paragraph: after . ! ? … followed by whitespace ("$2.5", "v1.2" stay whole). */
export function splitSentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?…])\s+(?=[¡¿"“(\p{Lu}\p{N}])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Paragraphs (blank-line separated), each a list of sentences; single line breaks kept as sentence breaks. */
export function paragraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').flatMap((line) => splitSentences(line.trim())))
    .filter((p) => p.length > 0);
}

export function joinParagraphs(paras: string[][]): string {
  return paras
    .filter((p) => p.length)
    .map((p) => p.join(' '))
    .join('\n\n');
}

/**
 * Every numeric reading of a written number: "1.299,99" → 1299.99; "1.299" → 1299 and 1.299;
 * "49,90" → 49.9; "1,200" → 1200 and 1.2. Used to compare a draft's figures with the catalog's.
 */
export function numberReadings(raw: string): number[] {
  const s = raw.replace(/\s/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return [];
  const out = new Set<number>();
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? '.' : ',';
    const thou = dec === '.' ? ',' : '.';
    out.add(Number(s.split(thou).join('').replace(dec, '.')));
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    out.add(Number(parts.slice(0, -1).join('') + '.' + parts.at(-1)));
    if (parts.slice(1).every((p) => p.length === 3)) out.add(Number(parts.join('')));
  } else {
    out.add(Number(s));
  }
  return [...out].filter((n) => Number.isFinite(n));
}

export function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}

/** A catalog price written as in the catalog (49.9 → "49.90"; integers stay integers). */
export function formatPrice(price: number): string {
  return Number.isInteger(price) ? String(price) : price.toFixed(2);
}
