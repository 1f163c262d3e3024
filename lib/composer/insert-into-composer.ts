import { insertIntoTextField } from './insert-into-text-field';
import { insertWithCkeditorModel } from './insert-with-ckeditor-model';
import { insertWithBeforeInput } from './insert-with-before-input';
import { insertWithExecCommand } from './insert-with-exec-command';
import { insertWithPaste } from './insert-with-paste';
import { composerText, placeCaret } from './selection';
import type { InsertionStrategy, InsertMode } from './types';

/**
 * Tried in this order: CKEditor 5's own model where Pulso's MAIN-world bridge reaches it
 * (the paste's result without its cold HTML round trip), the editor's own paste pipeline
 * (it keeps the editor's model in step and handles newlines and emoji), then typed input
 * events, then the browser's own editing, and plain fields on their own path.
 */
export const INSERTION_STRATEGIES: readonly InsertionStrategy[] = [insertIntoTextField, insertWithCkeditorModel, insertWithPaste, insertWithBeforeInput, insertWithExecCommand];

export interface InsertOutcome {
  ok: boolean;
  strategy?: string;
  /** Strategies tried that did not leave the text in the composer. */
  tried: string[];
}

/**
 * The composer's text once the editor has applied an insertion. Editors apply a paste or
 * input event while it is dispatched (CKEditor 5, ProseMirror) or in a microtask queued
 * then (Lexical's commit, React's re-render), so one microtask later it shows. Only text
 * not there yet waits a task more, for an editor that defers further or did nothing.
 */
async function appliedText(target: HTMLElement, landed: (text: string) => boolean): Promise<string> {
  await Promise.resolve();
  const now = composerText(target);
  if (landed(now)) return now;
  await new Promise((resolve) => setTimeout(resolve, 0));
  return composerText(target);
}
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
  // Nothing of the agent's to replace: the draft goes at the caret, as into any empty composer.
  const where: InsertMode = before ? mode : 'append';
  const landed = (after: string) => after.includes(folded(text)) && (mode === 'replace' || after.startsWith(before));
  const tried: string[] = [];
  for (const strategy of INSERTION_STRATEGIES) {
    if (!strategy.applies(target)) continue;
    if (!strategy.placesCaret) placeCaret(target, where);
    const ran = strategy.insert(target, payload, where);
    const after = await appliedText(target, landed);
    // A strategy that neither ran nor changed anything did not insert, even when the composer
    // already happened to hold the text (a short draft inside the agent's own words).
    if ((ran || after !== before) && landed(after)) return { ok: true, strategy: strategy.name, tried };
    tried.push(strategy.name);
    if (after !== before) return { ok: false, strategy: strategy.name, tried };
  }
  return { ok: false, tried };
}
