import { INSERTION_STRATEGIES } from './insert-into-composer';
import { placeCaret } from './selection';

/** Runs one named strategy alone, as the chain would (for the per-strategy specs). */
export async function runOne(name: string, target: HTMLElement, text: string): Promise<boolean> {
  const strategy = INSERTION_STRATEGIES.find((s) => s.name === name);
  if (!strategy) throw new Error(`no strategy ${name}`);
  if (!strategy.placesCaret) placeCaret(target, 'append');
  const ran = strategy.insert(target, text, 'append');
  // The specs read the editor's state after it: give an editor that defers its commit a frame.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return ran;
}
