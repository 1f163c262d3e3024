import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'backend/**/*.test.ts', 'eval/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Where each test is declared: the summary counts distinct test bodies beside table rows.
    includeTaskLocation: true,
    environment: 'node',
    testTimeout: 20_000,
    // expect.poll waits for a state; 1 s (vitest's default) is a wall-clock bet a loaded 2-core
    // machine loses. A state that never comes still fails, at this timeout.
    expect: { poll: { timeout: 10_000 } },
    pool: 'threads',
    // One initialised embedded-database cluster for the whole run (backend/store).
    globalSetup: ['backend/store/testing/pglite-template.ts'],
  },
});
