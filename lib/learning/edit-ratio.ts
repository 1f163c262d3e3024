/**
 * How much of a draft the agent changed before sending (the Feedback event's `editRatio`, 0…1):
 * the word-level edit distance between the draft Pulso inserted and the text in the composer
 * when the agent sends or leaves, over the longer of the two. Words, not characters, because a
 * fixed typo is not a rewrite; case and spacing do not count.
 */
const MAX_WORDS = 600;

function words(text: string): string[] {
  return text.toLowerCase().normalize('NFC').match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)?.slice(0, MAX_WORDS) ?? [];
}

export function editRatio(draft: string, sent: string): number {
  const a = words(draft);
  const b = words(sent);
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 0;
  // Levenshtein over words, two rows (O(n·m) time, O(m) memory; both bounded by MAX_WORDS).
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return Math.min(1, prev[b.length]! / longest);
}
