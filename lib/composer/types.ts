/** How a draft goes into a composer that may already hold the agent's text. */
export type InsertMode = 'append' | 'replace';

/**
 * One way of putting text into a web app's composer so that the app registers it as
 * typed (its state holds it, its send button enables). Each returns whether it ran;
 * the caller then checks the composer really holds the text.
 */
export interface InsertionStrategy {
  name: string;
  /** Whether this strategy can even try on this element. */
  applies(target: HTMLElement): boolean;
  /**
   * Sets the caret itself, in the editor's own model, from `where`; the others find it where
   * the chain's placeCaret put it in the DOM (and ignore `where`).
   */
  placesCaret?: boolean;
  insert(target: HTMLElement, text: string, where: InsertMode): boolean;
}
