import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Zero serious or critical accessibility violations (axe-core, WCAG 2 A/AA rules and best
 * practice); axe walks open shadow roots, so Pulso's panels are audited inside theirs.
 */
export async function expectNoSeriousViolations(page: Page, options: { include?: string; skipFrames?: boolean } = {}) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  // Scoped to Pulso's own UI on a CRM page: the fixture CRM's markup is not ours to audit.
  if (options.include) builder = builder.include(options.include);
  // A sandbox="" iframe runs no script, so axe cannot run inside it and waits on it until the
  // test times out; its frame element is still audited (title, name) from the page.
  if (options.skipFrames) builder = builder.options({ iframes: false }).setLegacyMode(true);
  const results = await builder.analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`);
  expect(results.passes.length).toBeGreaterThan(0);
  expect(serious).toEqual([]);
}
