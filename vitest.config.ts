import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'modules/**/*.test.ts', 'backend/**/*.test.ts', 'eval/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Where each test is declared: the summary counts distinct test bodies beside table rows.
    includeTaskLocation: true,
    environment: 'node',
    // A fail-safe for a test that hangs, not a speed limit: tests that start `node bin/pulso.js`
    // (tsx compiling the CLI) took over 20 s on a 2-core machine at load 20.
    testTimeout: 60_000,
    // beforeAll/afterAll open servers and the embedded database: the same fail-safe, not a speed limit.
    hookTimeout: 60_000,
    // expect.poll waits for a state; 1 s (vitest's default) is a wall-clock bet a loaded 2-core
    // machine loses. A state that never comes still fails, at this timeout.
    expect: { poll: { timeout: 10_000 } },
    pool: 'threads',
    // One initialised embedded-database cluster for the whole run (backend/store).
    globalSetup: ['backend/store/testing/pglite-template.ts'],
  },
});
