import { defineConfig } from '@playwright/test';

// One worker: the machine has two cores and each test starts its own Chromium.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 90_000,
  // How long an expectation waits for its state: a bound for a state that never comes, not a
  // speed target (speed is measured in npm run bench). Generous for a loaded 2-core machine.
  expect: { timeout: 20_000 },
  // A retry that passes is reported as flaky, not passed (scripts/summarize-tests.mjs).
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e-artifacts',
});
