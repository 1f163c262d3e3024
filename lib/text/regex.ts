/**
 * `text.matchAll(re)` without its cost: matchAll copies the regex (a new RegExp object, through
 * the species constructor) on every call, which is most of the time a short text takes against a
 * precompiled pattern — the rules run dozens of them per lead. This runs the same `exec` loop on
 * the regex itself and leaves its lastIndex as it found it, so the matches are exactly
 * matchAll's: the same start (the regex's lastIndex), the same step past an empty match (a code
 * point with the u or v flag, else a code unit), and the regex unchanged for its next user.
 */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError('execAll needs a global (g) regex, as matchAll does');
  const start = re.lastIndex;
  const matches: RegExpExecArray[] = [];
  const unicode = re.unicode || re.unicodeSets;
  try {
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      matches.push(m);
      if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, unicode);
    }
  } finally {
    re.lastIndex = start;
  }
  return matches;
}

/** The index after `index`: past a whole surrogate pair when the regex reads code points. */
function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const first = text.charCodeAt(index);
  if (first < 0xd800 || first > 0xdbff) return index + 1;
  const second = text.charCodeAt(index + 1);
  return second >= 0xdc00 && second <= 0xdfff ? index + 2 : index + 1;
}
