import { insertIntoTextField } from './insert-into-text-field';
import { insertWithBeforeInput } from './insert-with-before-input';
import { insertWithExecCommand } from './insert-with-exec-command';
import { insertWithPaste } from './insert-with-paste';
import { composerText, prepareSelection } from './selection';
import type { InsertionStrategy, InsertMode } from './types';

/**
 * Tried in this order: the editor's own paste pipeline first (it keeps the editor's
 * model in step and handles newlines and emoji), then typed input events, then the
 * browser's own editing, and plain fields on their own path.
 */
export const INSERTION_STRATEGIES: readonly InsertionStrategy[] = [insertIntoTextField, insertWithPaste, insertWithBeforeInput, insertWithExecCommand];

export interface InsertOutcome {
  ok: boolean;
  strategy?: string;
  /** Strategies tried that did not leave the text in the composer. */
  tried: string[];
}

// Editors sync their selection from the async "selectionchange" event (CKEditor 5): wait
// for it (or a frame, when the caret was already there and none comes) before inserting.
function selectionSettled(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener('selectionchange', done);
      setTimeout(resolve, 0);
    };
    doc.addEventListener('selectionchange', done);
    requestAnimationFrame(done);
  });
}
// Editors apply a paste or input event synchronously or in a microtask; one task later the
// composer shows what they did.
const applied = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const folded = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Puts `text` into the composer and checks it landed. Never sends. With "append" the
 * agent's own text stays and the draft follows it; "replace" is for after the agent
 * confirmed. A strategy that changed the composer without landing the text stops the
 * chain: trying the next one would stack a second copy on the first.
 */
export async function insertIntoComposer(target: HTMLElement, text: string, mode: InsertMode = 'append'): Promise<InsertOutcome> {
  const before = composerText(target);
  const payload = mode === 'append' && before ? `\n${text}` : text;
  const tried: string[] = [];
  for (const strategy of INSERTION_STRATEGIES) {
    if (!strategy.applies(target)) continue;
    const settled = selectionSettled(target.ownerDocument);
    prepareSelection(target, mode);
    await settled;
    strategy.insert(target, payload);
    await applied();
    const after = composerText(target);
    const landed = after.includes(folded(text)) && (mode === 'replace' || after.startsWith(before));
    if (landed) return { ok: true, strategy: strategy.name, tried };
    tried.push(strategy.name);
    if (after !== before) return { ok: false, strategy: strategy.name, tried };
  }
  return { ok: false, tried };
}
