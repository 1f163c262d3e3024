import { insertIntoComposer } from './insert-into-composer';
import { composerText } from './selection';

/** What the agent asked for: check first ("ask"), add after their text, or replace it (confirmed). */
export type DraftInsertMode = 'ask' | 'append' | 'replace';

export type DraftInsertion =
  | { ok: true }
  | { needsConfirmation: true }
  /** No composer on the page (no chat open, or the ticket's pane is not the active one). */
  | { ok: false; problem: 'noComposer' }
  /** The strategies that were tried and did not land the text. */
  | { ok: false; problem: 'notInserted'; tried: string[] };

/**
 * Puts a reply draft into the CRM's composer. The agent always sends: Pulso only fills
 * the composer, and asks before touching text the agent already wrote.
 */
export async function insertDraft(composer: HTMLElement | null | undefined, text: string, mode: DraftInsertMode): Promise<DraftInsertion> {
  if (!composer) return { ok: false, problem: 'noComposer' };
  if (mode === 'ask' && composerText(composer)) return { needsConfirmation: true };
  const outcome = await insertIntoComposer(composer, text, mode === 'replace' ? 'replace' : 'append');
  return outcome.ok ? { ok: true } : { ok: false, problem: 'notInserted', tried: outcome.tried };
}
