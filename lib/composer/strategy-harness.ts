import { INSERTION_STRATEGIES } from './insert-into-composer';
import { prepareSelection } from './selection';

/** Runs one named strategy alone, as the chain would (for the per-strategy specs). */
export async function runOne(name: string, target: HTMLElement, text: string): Promise<boolean> {
  const strategy = INSERTION_STRATEGIES.find((s) => s.name === name);
  if (!strategy) throw new Error(`no strategy ${name}`);
  prepareSelection(target, 'append');
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const ran = strategy.insert(target, text);
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return ran;
}
