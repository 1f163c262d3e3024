import { test } from '@playwright/test';
import { startBackend } from './backend';
import { launchWithExtension, setBackend, type LaunchedExtension } from './extension';
import { startFixtureServer, type FixtureRoute, type FixtureServer } from './fixture-server';

export interface ExtensionHarness {
  fixtures: FixtureServer;
  backend: Awaited<ReturnType<typeof startBackend>>;
  browser: LaunchedExtension;
}

/**
 * The usual e2e world, set up once per spec file: fixture pages at the CRMs' real
 * hostnames, the real backend (rules engine unless `backendEnv` says otherwise), and
 * Chromium with the built extension pointed at that backend.
 */
export function useExtensionHarness(routes: FixtureRoute[], backendEnv: () => Record<string, string> = () => ({})): ExtensionHarness {
  const harness = {} as ExtensionHarness;
  test.beforeAll(async () => {
    harness.fixtures = await startFixtureServer(routes);
    harness.backend = await startBackend(backendEnv());
    harness.browser = await launchWithExtension(harness.fixtures.port);
    await setBackend(harness.browser.worker, harness.backend.url);
  });
  test.afterAll(async () => {
    await harness.browser?.context.close();
    await harness.backend?.app.close();
    await harness.fixtures?.close();
  });
  return harness;
}
